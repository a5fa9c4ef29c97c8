/** Builders and readers shared by the sharing specifications (portfolio summary, freeze, repair). */
import { installCustomFunctionsShim } from "../../../src/playground/customFunctionsShim";
import { DEFAULT_PORTFOLIO_SHEET_NAME, type PortfolioRequest } from "../../../src/excel/sharing";
import { DEFAULT_SCENARIOS } from "../../../src/excel/upliftModel";
import { WorkbookSimulator, type CellInput, type WorkbookSnapshot } from "../../../src/playground/simulator";
import { associated } from "../../functions/support/installShim";
import { aModelRequest } from "../upliftModel/support";

/** A portfolio request over the sample workbook's Claims table, with the panel's defaults. */
export function aPortfolioRequest(overrides: Partial<PortfolioRequest> = {}): PortfolioRequest {
  return {
    tableName: "Claims",
    mapping: aModelRequest().mapping,
    scenario: DEFAULT_SCENARIOS[0]!,
    capAtBilled: true,
    sheetName: DEFAULT_PORTFOLIO_SHEET_NAME,
    ...overrides,
  };
}

/** Every cell of a sheet's used area: value, formula and number format, row-major. */
export function cellsOf(simulator: WorkbookSimulator, sheet: string) {
  const { rows, columns } = simulator.usedSize(sheet);
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => simulator.cell(sheet, r, c)));
}

/** Every formula on a sheet. */
export function formulasOn(simulator: WorkbookSimulator, sheet: string): string[] {
  return cellsOf(simulator, sheet)
    .flat()
    .flatMap((cell) => (cell.formula === null ? [] : [cell.formula]));
}

/** Every computed value on a sheet, row-major. */
export function valuesOn(simulator: WorkbookSimulator, sheet: string) {
  return cellsOf(simulator, sheet).map((row) => row.map((cell) => cell.value));
}

/**
 * The sheet as a snapshot of what a file would hold: each cell's formula, else its constant (text formatted "@"
 * where it was), so it can be opened in another simulator.
 */
export function sheetSnapshot(simulator: WorkbookSimulator, sheet: string): WorkbookSnapshot["sheets"][number] {
  const cells = cellsOf(simulator, sheet);
  const numberFormats: { address: string; format: string }[] = [];
  const rows: CellInput[][] = cells.map((row, r) =>
    row.map((cell, c) => {
      if (cell.numberFormat !== "General") numberFormats.push({ address: address(r, c), format: cell.numberFormat });
      return cell.formula ?? (cell.value === "" ? null : cell.value);
    }),
  );
  return { name: sheet, cells: rows, numberFormats };
}

function address(row: number, column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** Dollars as whole cents. */
export const cents = (value: unknown): number => Math.round((value as number) * 100);

/**
 * The workbook as a snapshot a new simulator can open: every sheet (cells, number formats, visibility) and its
 * tables. Fonts and other recorded formats are left out.
 */
export function workbookSnapshot(simulator: WorkbookSimulator): WorkbookSnapshot {
  const tables = simulator.tables();
  const description = simulator.describe();
  return {
    sheets: simulator.sheetNames().map((name) => ({
      ...sheetSnapshot(simulator, name),
      visibility: description.sheets.find((s) => s.name === name)?.visibility as "Visible" | "Hidden" | undefined,
      tables: tables
        .filter((t) => t.sheet === name)
        .map(({ name: table, address: at }) => ({ name: table, address: at })),
    })),
  };
}

/**
 * The PAYER functions as Excel sees them around an add-in that loads late: until `loaded` is set, every call
 * fails as an unknown function does (#NAME?); Excel then keeps that result until the formula is entered again.
 */
export function lateAddIn() {
  const state = { loaded: false };
  installCustomFunctionsShim();
  const functions = new Map(
    [...associated].map(([id, fn]) => [
      id,
      (...args: unknown[]) =>
        state.loaded ? fn(...args) : { code: "#NAME?", message: `PAYER.${id} is not a known function` },
    ]),
  );
  return { state, functions };
}

/** The spilled PAYER result on the sharing workbook's "Pricing" sheet: one row per code, codes as text. */
export const DETAIL = '=PAYER.UPLIFT_SCENARIO(Claims[HCPCS Code],Claims[Allowed Amount],5%,3,,,,"detail")';
/** The denial rate of the whole Claims table, on "Pricing": the cell left showing #NAME?. */
export const DENIAL_RATE = "=PAYER.DENIAL_RATE(Claims[Denied])";
const CLAIMS = [
  ["C-1001", "99213", 1, 150, 92.5, false],
  ["C-1001", "36415", 1, 20, 3.1, true],
  ["C-1002", "99214", 2, 420, 260, false],
  ["C-1003", "00100", 1, 610, 402.75, false],
  ["C-1004", "99213", 1, 150, 92.5, true],
] as const;
/** The per-row PAYER formula of the Claims table's "Denial Rate" column, on sheet row `row` (1-based). */
export const perRowRate = (row: number) => `=PAYER.DENIAL_RATE(F${row})`;

/** The Claims table with a per-row PAYER column, and a "Pricing" sheet with a denial rate above a spilled result. */
export const SHARING_WORKBOOK: WorkbookSnapshot = {
  sheets: [
    {
      name: "Claims",
      cells: [
        ["Claim ID", "HCPCS Code", "Units", "Charge Amount", "Allowed Amount", "Denied", "Denial Rate"],
        ...CLAIMS.map((line, i) => [...line, perRowRate(i + 2)]),
      ],
      numberFormats: [
        { address: `A2:B${CLAIMS.length + 1}`, format: "@" },
        { address: `D2:E${CLAIMS.length + 1}`, format: "$#,##0.00" },
      ],
      tables: [{ name: "Claims", address: `A1:G${CLAIMS.length + 1}` }],
    },
    { name: "Pricing", cells: [["Denial rate", DENIAL_RATE], ["Top codes"], [DETAIL]] },
  ],
};

/** Where a cell is, for {@link openedBeforeTheAddIn}: sheet, 0-based row and column. */
export type CellAt = readonly [sheet: string, row: number, column: number];

/**
 * Opens `snapshot` where the add-in loaded late: every PAYER formula shows #NAME? until entered again, and every one
 * in `reentered` was entered again once the add-in was there (so only the others still show #NAME?).
 */
export function openedBeforeTheAddIn(snapshot: WorkbookSnapshot, reentered: readonly CellAt[]): WorkbookSimulator {
  const { state, functions } = lateAddIn();
  const simulator = new WorkbookSimulator(snapshot, { customFunctions: functions });
  state.loaded = true;
  for (const [sheet, row, column] of reentered) {
    simulator.setCellInput(sheet, row, column, simulator.cell(sheet, row, column).formula!);
  }
  return simulator;
}

/** The per-row formulas of the Claims table, to pass to {@link openedBeforeTheAddIn}. */
export const PER_ROW_FORMULAS: readonly CellAt[] = CLAIMS.map((_, i) => ["Claims", i + 1, 6]);
/** The spilled result's anchor, to pass to {@link openedBeforeTheAddIn}. */
export const SPILL_ANCHOR: CellAt = ["Pricing", 2, 0];

/** The sharing workbook: the per-row column and the spill calculate, Pricing!B1 still shows #NAME?. */
export const sharingWorkbook = (): WorkbookSimulator =>
  openedBeforeTheAddIn(SHARING_WORKBOOK, [...PER_ROW_FORMULAS, SPILL_ANCHOR]);
