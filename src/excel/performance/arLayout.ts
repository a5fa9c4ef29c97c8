/**
 * The Contract Performance sheet's days in A/R block (issue 15 item 2; DOMAIN.md 4.1): claims tables hold what was
 * billed and paid, not the A/R balance the practice management system reports, so each contract's balances are
 * input cells, blank until the user enters them (no figure is shown without one). The period's gross charges and
 * net revenue are SUMIFS over the table's lines submitted in the period up to the as-of date; both KPIs are native
 * formulas, defined in the engine (kpis/daysInAr.ts).
 */
import { placeColumns } from "../core/columnLetters";
import { NUMBER_FORMATS } from "../core/numberFormats";
import type { PlanBlock, PlanCell } from "../core/sheetBlocks";
import { AR_COLUMNS, AR_INPUT_KEYS, tableColumnRef as ref, type ArKey } from "./performanceColumns";

/** The block's heading and its two labelled inputs (column A, values in column B), found again by a rebuild. */
export const AR_LABELS = {
  heading: "Days in A/R (enter each contract's A/R balances)",
  asOf: "A/R balances as of",
  periodDays: "A/R period (days before the as-of date)",
} as const;

/** Balances a user entered on an earlier build, by contract (lower case). */
export type ArBalances = ReadonlyMap<string, Partial<Record<(typeof AR_INPUT_KEYS)[number], number>>>;

/** What the block reads and starts from. */
export interface ArSource {
  readonly tableName: string;
  readonly columns: {
    readonly key: string;
    readonly submittedDate: string;
    readonly chargeAmount: string | null;
    /** The revenue column (allowed, else paid: the mapped amount); null when unmapped. */
    readonly amount: string | null;
  };
  readonly contracts: readonly string[];
  readonly balances: ArBalances;
  /** Excel day number of the balances' date, and the period's days. */
  readonly asOfDay: number;
  readonly periodDays: number;
}

/** The block and its cells, for tests (1-based rows). */
export interface ArLayout {
  readonly blocks: readonly PlanBlock[];
  readonly height: number;
  readonly firstRow: number;
  readonly inputCells: { readonly asOf: string; readonly periodDays: string };
}

/** Lays out the block with its heading at 1-based row `top`. */
export function layoutAr(source: ArSource, top: number): ArLayout {
  const columns = placeColumns(AR_COLUMNS);
  const asOfRow = top + 2;
  const header = top + 4;
  const firstRow = header + 1;
  const inputCells = { asOf: `$B$${asOfRow}`, periodDays: `$B$${asOfRow + 1}` };
  const t = (column: string) => ref(source.tableName, column);
  const { key, submittedDate, chargeAmount, amount } = source.columns;
  const rows = source.contracts.map((contract, i): PlanCell[] => {
    const r = firstRow + i;
    const at = (k: ArKey) => columns.cell(r, k);
    const inPeriod = `${t(key)},${columns.cell(r, "contract", "column")},${t(submittedDate)},">"&(${inputCells.asOf}-${inputCells.periodDays}),${t(submittedDate)},"<="&${inputCells.asOf}`; // prettier-ignore
    const sum = (column: string | null) => (column === null ? "" : `=SUMIFS(${t(column)},${inPeriod})`);
    const entered = source.balances.get(contract.toLowerCase()) ?? {};
    return columns.row<PlanCell>({
      contract,
      arBalance: entered.arBalance ?? null,
      credits: entered.credits ?? null,
      netAr: entered.netAr ?? null,
      charges: sum(chargeAmount),
      revenue: sum(amount),
      aafp: `=IF(AND(ISNUMBER(${at("arBalance")}),N(${at("charges")})>0),(${at("arBalance")}-N(${at("credits")}))/(${at("charges")}/${inputCells.periodDays}),"")`, // prettier-ignore
      map: `=IF(AND(ISNUMBER(${at("netAr")}),N(${at("revenue")})>0),${at("netAr")}/(${at("revenue")}/${inputCells.periodDays}),"")`, // prettier-ignore
    });
  });
  const blocks: PlanBlock[] = [
    { row: top - 1, column: 0, cells: [[AR_LABELS.heading]], numberFormat: NUMBER_FORMATS.text, style: "heading" },
    {
      row: top,
      column: 0,
      cells: [
        [
          `AAFP days in A/R: (A/R balance - credit balances) / (gross charges / days in the period). MAP net days in A/R: net A/R / (net revenue / days in the period). The period's charges and revenue (${amount ?? "no revenue column mapped"}) are the contract's lines submitted in the period's days up to the as-of date. Blank until a balance is entered.`,
        ],
      ],
      numberFormat: NUMBER_FORMATS.text,
      style: "note",
    },
    { row: asOfRow - 1, column: 0, cells: [[AR_LABELS.asOf], [AR_LABELS.periodDays]], numberFormat: NUMBER_FORMATS.text, style: "body" }, // prettier-ignore
    { row: asOfRow - 1, column: 1, cells: [[source.asOfDay]], numberFormat: "yyyy-mm-dd", style: "input" },
    { row: asOfRow, column: 1, cells: [[source.periodDays]], numberFormat: NUMBER_FORMATS.general, style: "input" },
    { row: header - 1, column: 0, cells: [columns.headers()], numberFormat: NUMBER_FORMATS.text, style: "header" },
  ];
  if (rows.length > 0) {
    blocks.push({ row: firstRow - 1, column: 0, cells: rows, numberFormat: columns.numberFormats(), style: "body" });
    for (const k of AR_INPUT_KEYS)
      blocks.push({
        row: firstRow - 1,
        column: columns.index(k),
        cells: rows.map((row) => [row[columns.index(k)] ?? null]),
        numberFormat: NUMBER_FORMATS.money,
        style: "input",
      });
  }
  return { blocks, height: header - top + 1 + rows.length, firstRow, inputCells };
}
