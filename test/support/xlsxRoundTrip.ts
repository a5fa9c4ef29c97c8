/**
 * A workbook's sheets saved as an .xlsx file (exceljs, as a user's "Save as" would: formulas with their cached
 * results, constants, number formats, tables) and opened again as a simulator snapshot: what a spreadsheet program
 * without the add-in gets. Opened in a simulator with no custom function registered, a sheet that computes the same
 * values needs nothing of the add-in.
 */
import ExcelJS from "exceljs";
import type { CellInput, SheetSnapshot, WorkbookSimulator, WorkbookSnapshot } from "../../src/playground/simulator";
import { parseAddress } from "../../src/playground/simulator";

/** A sheet's cells from A1 to its used size. */
function cellsOf(simulator: WorkbookSimulator, sheet: string) {
  const { rows, columns } = simulator.usedSize(sheet);
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => simulator.cell(sheet, r, c)));
}

/**
 * Saves `sheets` of the simulator, with the tables on them, as .xlsx bytes; `valuesOnly` sheets (a user's table
 * whose formulas are the add-in's) keep each cell's value, not its formula.
 */
export async function saveAsXlsx(
  simulator: WorkbookSimulator,
  sheets: readonly string[],
  options: { readonly valuesOnly?: readonly string[] } = {},
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const { tables } = simulator.describe();
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
    for (const table of tables.filter((t) => t.sheet === sheet)) {
      const { rect } = parseAddress(table.address)!;
      // exceljs writes a table's cells from its rows: the cells the loop above wrote, read back.
      const rows = Array.from({ length: rect.rowCount - 1 }, (_, r) =>
        table.headers.map((_, c) => out.getCell(rect.row + r + 2, rect.column + c + 1).value),
      );
      out.addTable({
        name: table.name,
        ref: out.getCell(rect.row + 1, rect.column + 1).address,
        headerRow: true,
        columns: table.headers.map((name) => ({ name })),
        rows,
      });
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Opens .xlsx bytes as a snapshot: formulas as "=...", constants as values, text-formatted cells kept as text. */
export async function openXlsx(bytes: Buffer): Promise<WorkbookSnapshot> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheets: SheetSnapshot[] = book.worksheets.map((read) => {
    const cells: CellInput[][] = [];
    const numberFormats: { address: string; format: string }[] = [];
    read.eachRow({ includeEmpty: true }, (row, r) => {
      const values: CellInput[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const value = cell.value as unknown;
        if (value !== null && typeof value === "object" && "formula" in value) {
          values[c - 1] = `=${String((value as { formula: string }).formula)}`;
        } else values[c - 1] = (value ?? null) as CellInput;
        if (cell.numFmt !== undefined && cell.numFmt !== "General") numberFormats.push({ address: cell.address, format: cell.numFmt }); // prettier-ignore
      });
      cells[r - 1] = Array.from(values, (v) => v ?? null);
    });
    // exceljs's typings say [Table, void] pairs; it returns its Table objects, each with its model in `table`.
    const loaded = read.getTables() as unknown as readonly { readonly name: string; readonly table: { readonly tableRef: string } }[]; // prettier-ignore
    const tables = loaded.map((t) => ({ name: t.name, address: t.table.tableRef }));
    return { name: read.name, cells: Array.from(cells, (row) => row ?? []), numberFormats, tables };
  });
  return { sheets };
}

/** Every formula of a snapshot's sheet. */
export function formulasIn(snapshot: WorkbookSnapshot, sheet: string): string[] {
  const found = snapshot.sheets.find((s) => s.name === sheet);
  if (found === undefined) throw new Error(`${sheet} is not in the saved file`);
  return found.cells.flat().filter((cell): cell is string => typeof cell === "string" && cell.startsWith("="));
}
