/**
 * Saving simulator sheets as an .xlsx file (exceljs, as a user's "Save as" would) and opening the bytes again as a
 * workbook snapshot with no custom function registered: the round trip that shows a sheet computes without the
 * add-in. Formulas are saved with their cached results, constants as values, tables with their ranges.
 */
import ExcelJS from "exceljs";
import type { CellInput, SheetSnapshot, WorkbookSimulator } from "../../src/playground/simulator";
import { cellsOf } from "../excel/sharing/support";

/**
 * Saves `sheets` of the simulator as .xlsx bytes; `valuesOnly` sheets (a user's table) keep each cell's value, not
 * its formula. The simulator's tables on the saved sheets are saved with them.
 */
export async function saveAsXlsx(
  simulator: WorkbookSimulator,
  sheets: readonly string[],
  options: { readonly valuesOnly?: readonly string[] } = {},
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const out = book.addWorksheet(sheet);
    const keepFormulas = !(options.valuesOnly ?? []).includes(sheet);
    cellsOf(simulator, sheet).forEach((row, r) =>
      row.forEach((cell, c) => {
        const target = out.getCell(r + 1, c + 1);
        if (cell.formula !== null && keepFormulas) {
          target.value = { formula: cell.formula.slice(1), result: cell.value as ExcelJS.CellValue } as ExcelJS.CellValue; // prettier-ignore
        } else if (cell.value !== null && cell.value !== "") target.value = cell.value;
        if (cell.numberFormat !== "General") target.numFmt = cell.numberFormat;
      }),
    );
    for (const table of simulator.tables().filter((t) => t.sheet === sheet)) {
      // The header and body cells are written above; the table part only names the range.
      const [first, last] = table.address.replace(/\$/g, "").split(":") as [string, string];
      const headers = out.getRow(Number(/\d+/.exec(first)![0])).values as unknown[];
      const columns = headers.slice(1).map((h) => ({ name: String(h) }));
      const rows = Number(/\d+/.exec(last)![0]) - Number(/\d+/.exec(first)![0]);
      const body = Array.from({ length: rows }, (_, i) =>
        (out.getRow(Number(/\d+/.exec(first)![0]) + 1 + i).values as unknown[]).slice(1, columns.length + 1),
      );
      out.addTable({ name: table.name, ref: first, headerRow: true, columns, rows: body as ExcelJS.CellValue[][] });
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One sheet of an opened file: its cells (formulas as "=...", constants as values), its formulas and tables. */
export interface OpenedSheet {
  readonly snapshot: SheetSnapshot;
  readonly formulas: readonly string[];
}

/** Opens .xlsx bytes and returns each named sheet as a snapshot the simulator loads. */
export async function openXlsx(bytes: Buffer, sheets: readonly string[]): Promise<OpenedSheet[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return sheets.map((sheet) => {
    const read = book.getWorksheet(sheet);
    if (read === undefined) throw new Error(`${sheet} is not in the saved file`);
    const cells: CellInput[][] = [];
    const formulas: string[] = [];
    // Text-formatted cells stay text ("99213" a code, not a number), as Excel keeps them.
    const textCells: { address: string; format: string }[] = [];
    read.eachRow({ includeEmpty: true }, (row, r) => {
      const values: CellInput[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const value = cell.value as unknown;
        if (cell.numFmt === "@") textCells.push({ address: cell.address, format: "@" });
        if (value !== null && typeof value === "object" && "formula" in value) {
          const formula = `=${String((value as { formula: string }).formula)}`;
          formulas.push(formula);
          values[c - 1] = formula;
        } else values[c - 1] = (value ?? null) as CellInput;
      });
      cells[r - 1] = Array.from(values, (v) => v ?? null);
    });
    const tables = read.getTables().map((t) => {
      const model = (t as unknown as { table: { name: string; tableRef: string } }).table;
      return { name: model.name, address: model.tableRef };
    });
    const snapshot: SheetSnapshot = {
      name: sheet,
      cells: Array.from(cells, (row) => row ?? []),
      ...(tables.length === 0 ? {} : { tables }),
      ...(textCells.length === 0 ? {} : { numberFormats: textCells }),
    };
    return { snapshot, formulas };
  });
}
