/**
 * Issue 7: the portfolio sheet, saved as an .xlsx file (exceljs, as a user's "Save as" would), holds only formulas a
 * spreadsheet program without the add-in can compute: reopened from the file bytes with no custom function
 * registered, it computes the same values.
 */
import ExcelJS from "exceljs";
import { buildPortfolioSummary, describePortfolioIssue } from "../../../src/excel/sharing";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator, type CellInput } from "../../../src/playground/simulator";
import { aPortfolioRequest, cellsOf, valuesOn } from "./support";

jest.setTimeout(120_000);

const SHEET = "Portfolio Summary";

/** Saves one sheet of the simulator as .xlsx bytes: formulas with their cached results, constants as values. */
async function saveAsXlsx(simulator: WorkbookSimulator, sheet: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const out = book.addWorksheet(sheet);
  cellsOf(simulator, sheet).forEach((row, r) =>
    row.forEach((cell, c) => {
      const target = out.getCell(r + 1, c + 1);
      if (cell.formula !== null) {
        target.value = { formula: cell.formula.slice(1), result: cell.value as ExcelJS.CellValue } as ExcelJS.CellValue;
      } else if (cell.value !== null && cell.value !== "") target.value = cell.value;
      if (cell.numberFormat !== "General") target.numFmt = cell.numberFormat;
    }),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Opens .xlsx bytes and returns the sheet's cells as a snapshot grid (formulas as "=...", constants as values). */
async function openXlsx(bytes: Buffer, sheet: string): Promise<{ cells: CellInput[][]; formulas: string[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const read = book.getWorksheet(sheet);
  if (read === undefined) throw new Error(`${sheet} is not in the saved file`);
  const cells: CellInput[][] = [];
  const formulas: string[] = [];
  read.eachRow({ includeEmpty: true }, (row, r) => {
    const values: CellInput[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const value = cell.value as unknown;
      if (value !== null && typeof value === "object" && "formula" in value) {
        const formula = `=${String((value as { formula: string }).formula)}`;
        formulas.push(formula);
        values[c - 1] = formula;
      } else values[c - 1] = (value ?? null) as CellInput;
    });
    cells[r - 1] = Array.from(values, (v) => v ?? null);
  });
  return { cells: Array.from(cells, (row) => row ?? []), formulas };
}

describe("the portfolio summary saved as .xlsx", () => {
  const simulator = new WorkbookSimulator(buildSampleWorkbook());
  let saved: { cells: CellInput[][]; formulas: string[] };

  beforeAll(async () => {
    const built = await buildPortfolioSummary(simulator.excel, aPortfolioRequest(), {
      now: () => new Date("2025-06-30T12:00:00Z"),
    });
    if (!built.ok) throw new Error(describePortfolioIssue(built.issue));
    saved = await openXlsx(await saveAsXlsx(simulator, SHEET), SHEET);
  });

  it("keeps its live formulas in the file, none of them the add-in's", () => {
    expect(saved.formulas.length).toBeGreaterThan(30);
    expect(saved.formulas.filter((formula) => /PAYER\./i.test(formula))).toEqual([]);
  });

  it("computes the same values when reopened without the add-in", () => {
    const reopened = new WorkbookSimulator({ sheets: [{ name: SHEET, cells: saved.cells }] });
    const original = valuesOn(simulator, SHEET).flat();
    const again = valuesOn(reopened, SHEET).flat();
    expect(again).not.toContain("#NAME?");
    expect(again.filter((value) => typeof value === "number")).toEqual(
      original.filter((value) => typeof value === "number"),
    );
  });
});
