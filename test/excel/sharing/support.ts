/** Builders and readers shared by the sharing specifications (portfolio summary, freeze, repair). */
import { DEFAULT_PORTFOLIO_SHEET_NAME, type PortfolioRequest } from "../../../src/excel/sharing";
import { DEFAULT_SCENARIOS } from "../../../src/excel/upliftModel";
import { WorkbookSimulator, type CellInput, type WorkbookSnapshot } from "../../../src/playground/simulator";
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
