/**
 * The Contract Performance sheet's signed proposals block (issue 15 item 3, actual vs modeled): each contract's
 * signed proposal (its Accepted row of the Proposals table with an effective date) with its uplift on the codes it
 * does not name, then the codes with their own uplift, each with one column per month of the dollars its uplift adds
 * beyond that. The monthly figures' Modeled column adds those to the month's expected amounts times 1 + the other
 * codes' uplift, so each month is SUMIFS over the table, never a PAYER function, and the uplifts are cells a reader
 * can check against the proposal. The figure is defined in the engine (kpis/actualVsModeled.ts).
 */
import {
  monthIndexOfDay,
  monthStartDay,
  monthText,
  type Decimal,
  type IsoDate,
  type ModeledRow,
  type UpliftCode,
} from "../../engine";
import { columnLetters as columnLetter, placeColumns } from "../core/columnLetters";
import { NUMBER_FORMATS } from "../core/numberFormats";
import type { PlanBlock, PlanCell } from "../core/sheetBlocks";
import { REVIEW_COLUMNS } from "../varianceReview/reviewColumns";
import {
  MONTH_FORMAT,
  SIGNED_CODE_COLUMNS,
  SIGNED_COLUMNS,
  tableColumnRef as ref,
  type MonthlyKey,
} from "./performanceColumns";

/**
 * What a signed contract's uplift applies to: its lines' Expected Amount (SUMIFS over the table), or, once its signed
 * rates are in PayerContracts, its lines priced at the rates in effect the day before the effective date (the sums
 * the engine made of them by month, `months` by "2025-08", written into the formulas); "none" when no rates were in
 * effect that day.
 */
export type SignedBasis =
  | { readonly kind: "expected" }
  | { readonly kind: "ratesBefore"; readonly inEffectOn: IsoDate; readonly months: ReadonlyMap<string, ModeledRow> }
  | { readonly kind: "none" };

/** A contract's signed proposal as the sheet shows it. */
export interface SignedRow {
  readonly key: string;
  readonly proposalName: string;
  readonly effectiveDay: number;
  readonly codeFractions: ReadonlyMap<UpliftCode, Decimal>;
  readonly otherFraction: Decimal;
  readonly basis: SignedBasis;
}

/** The words of the block's Uplift Applies To column. */
function basisText(basis: SignedBasis, unmodeledLines: number): string {
  switch (basis.kind) {
    case "expected":
      return "Expected Amount";
    case "ratesBefore": {
      const left = unmodeledLines === 0 ? "" : `; ${unmodeledLines} line(s) those rates do not price are not modeled`;
      return `Rates in effect ${basis.inEffectOn} (the signed rates are in PayerContracts), priced when built${left}`;
    }
    case "none":
      return "Nothing modeled: the signed rates are in PayerContracts and no rates were in effect the day before";
  }
}

/** Lines compared under the signed rates that the rates before them do not price, over every month. */
function unmodeledLines(basis: SignedBasis): number {
  if (basis.kind !== "ratesBefore") return 0;
  return [...basis.months.values()].reduce((n, row) => n + row.unmodeledLines, 0);
}

/** A month's sum of the basis (all codes, or one code with its own uplift) in dollars, as a formula operand. */
function basisSum(basis: SignedBasis, monthDay: number, sumifs: () => string, code: UpliftCode | null): string | null {
  switch (basis.kind) {
    case "expected":
      return sumifs();
    case "ratesBefore": {
      const row = basis.months.get(monthText(monthIndexOfDay(monthDay)));
      const cents = row === undefined ? 0 : code === null ? row.basisCents : (row.basisByCode.get(code) ?? 0);
      return (cents / 100).toFixed(2);
    }
    case "none":
      return null;
  }
}

/** Where the block's formulas read. */
export interface SignedSource {
  readonly tableName: string;
  readonly columns: { readonly key: string; readonly submittedDate: string; readonly paidDate: string; readonly hcpcsCode: string }; // prettier-ignore
  readonly proposals: readonly SignedRow[];
  /** Excel day numbers of the first day of each month the sheet shows. */
  readonly months: readonly number[];
}

/** The block, and the cells the monthly figures refer to for each signed contract (1-based rows). */
export interface SignedLayout {
  readonly blocks: readonly PlanBlock[];
  /** Rows the block takes from its top; 0 when no contract has a signed proposal. */
  readonly height: number;
  /** By contract: its effective date and other codes' uplift cells, and its codes' added dollars in month `m`. */
  readonly cellsOf: ReadonlyMap<
    string,
    { readonly effective: string; readonly other: string; readonly added: ((m: number) => string) | null }
  >;
}

/** The block's heading, found again by tests. */
export const SIGNED_HEADING = "Actual vs modeled: signed proposals";

/**
 * The SUMIFS criteria of the lines a signed proposal models in a month: the contract's lines paid in the month
 * whose review compared them (a variance), submitted on or after the effective date.
 */
export function signedCriteria(source: SignedSource, contract: string, month: string, effective: string): string {
  const t = (column: string) => ref(source.tableName, column);
  const { key, paidDate, submittedDate } = source.columns;
  return (
    `${t(key)},${contract},${t(paidDate)},">="&${month},${t(paidDate)},"<"&EDATE(${month},1),` +
    `${t(REVIEW_COLUMNS.variance.name)},"<>",${t(submittedDate)},">="&${effective}`
  );
}

/** Lays out the block with its heading at 1-based row `top`; nothing when no contract has a signed proposal. */
export function layoutSigned(source: SignedSource, top: number): SignedLayout {
  if (source.proposals.length === 0) return { blocks: [], height: 0, cellsOf: new Map() };
  const signed = placeColumns(SIGNED_COLUMNS);
  const codes = placeColumns(SIGNED_CODE_COLUMNS);
  const header = top + 2;
  const first = header + 1;
  const codeHeader = first + source.proposals.length + 1;
  const blocks: PlanBlock[] = [
    { row: top - 1, column: 0, cells: [[SIGNED_HEADING]], numberFormat: NUMBER_FORMATS.text, style: "heading" },
    {
      row: top,
      column: 0,
      cells: [
        [
          `Each contract's Accepted proposal with an Effective Date in table Proposals (the latest). Modeled: the expected amounts of the contract's lines submitted from that date and compared by the Variance review, each code's with its uplift, rounded to the cent once per month; beside them, what those lines were allowed. Once the signed rates are in PayerContracts the Expected Amount holds the uplift already, so the lines are priced at the rates in effect the day before (Uplift Applies To) and those sums are written into the formulas: build again to refresh them.`,
        ],
      ],
      numberFormat: NUMBER_FORMATS.text,
      style: "note",
    },
    { row: header - 1, column: 0, cells: [signed.headers()], numberFormat: NUMBER_FORMATS.text, style: "header" },
    {
      row: first - 1,
      column: 0,
      cells: source.proposals.map((p) =>
        signed.row<PlanCell>({
          contract: p.key,
          proposal: p.proposalName,
          effective: p.effectiveDay,
          other: p.otherFraction.toNumber(),
          appliesTo: basisText(p.basis, unmodeledLines(p.basis)),
        }),
      ),
      numberFormat: signed.numberFormats(),
      style: "body",
    },
  ];
  const monthColumn = (m: number) => codes.end + m;
  const codeRows: PlanCell[][] = [];
  const cellsOf = new Map<string, { effective: string; other: string; added: ((m: number) => string) | null }>();
  source.proposals.forEach((p, i) => {
    const row = first + i;
    const effective = signed.cell(row, "effective", "absolute");
    const other = signed.cell(row, "other", "absolute");
    const firstCode = codeHeader + 1 + codeRows.length;
    for (const [code, fraction] of p.codeFractions) {
      const r = codeHeader + 1 + codeRows.length;
      const months = source.months.map((monthDay, m) => {
        const month = `${columnLetter(monthColumn(m))}$${codeHeader}`;
        const criteria = signedCriteria(source, codes.cell(r, "contract", "column"), month, effective);
        const codeCriterion = `${ref(source.tableName, source.columns.hcpcsCode)},${codes.cell(r, "code", "column")}`;
        const sum = basisSum(p.basis, monthDay, () => `SUMIFS(${ref(source.tableName, REVIEW_COLUMNS.expected.name)},${criteria},${codeCriterion})`, code); // prettier-ignore
        return sum === null ? "" : `=(${codes.cell(r, "uplift", "column")}-${other})*${sum}`;
      });
      codeRows.push([...codes.row<PlanCell>({ contract: p.key, code, uplift: fraction.toNumber() }), ...months]);
    }
    const lastCode = codeHeader + codeRows.length;
    cellsOf.set(p.key, {
      effective,
      other,
      added:
        lastCode < firstCode
          ? null
          : (m) => `SUM(${columnLetter(monthColumn(m))}${firstCode}:${columnLetter(monthColumn(m))}${lastCode})`,
    });
  });
  blocks.push({
    row: codeHeader - 1,
    column: 0,
    cells: [[...codes.headers(), ...source.months]],
    numberFormat: [...codes.columns.map(() => NUMBER_FORMATS.text), ...source.months.map(() => MONTH_FORMAT)],
    style: "header",
  });
  if (codeRows.length > 0)
    blocks.push({
      row: codeHeader,
      column: 0,
      cells: codeRows,
      numberFormat: [...codes.numberFormats(), ...source.months.map(() => NUMBER_FORMATS.money)],
      style: "body",
    });
  return { blocks, height: codeHeader - top + 1 + codeRows.length, cellsOf };
}

/**
 * A month's actual vs modeled cells (kpis/actualVsModeled.ts): modeled is the expected amounts times 1 + the other
 * codes' uplift plus the named codes' added dollars, rounded half up to the cent once (the inner ROUND to 6 places
 * drops binary noise, as the uplift model does); blank without a signed proposal or before its effective month.
 */
export function signedCells(
  source: SignedSource,
  signed: SignedLayout,
  place: {
    readonly key: string;
    readonly month: number;
    readonly m: number;
    /** The row's contract and month cells, column-anchored. */
    readonly contract: string;
    readonly monthCell: string;
    readonly at: (key: MonthlyKey) => string;
  },
): Partial<Record<MonthlyKey, PlanCell>> {
  const cells = signed.cellsOf.get(place.key);
  const proposal = source.proposals.find((p) => p.key === place.key);
  const nextMonth = monthStartDay(monthIndexOfDay(place.month) + 1);
  if (cells === undefined || proposal === undefined || nextMonth <= proposal.effectiveDay) return {};
  const { at } = place;
  const criteria = signedCriteria(source, place.contract, place.monthCell, cells.effective);
  const sum = (column: string) => `SUMIFS(${ref(source.tableName, column)},${criteria})`;
  const added = cells.added === null ? "" : `+${cells.added(place.m)}`;
  const basis = basisSum(proposal.basis, place.month, () => sum(REVIEW_COLUMNS.expected.name), null);
  const signedAllowed = `=${sum(REVIEW_COLUMNS.expected.name)}+${sum(REVIEW_COLUMNS.variance.name)}`;
  if (basis === null) return { signedAllowed };
  return {
    modeled: `=ROUND(ROUND(((1+${cells.other})*${basis}${added})*100,6),0)/100`,
    signedAllowed,
    modeledGap: `=${at("signedAllowed")}-${at("modeled")}`,
    modeledGapShare: `=IF(${at("modeled")}=0,"",${at("modeledGap")}/${at("modeled")})`,
  };
}
