/**
 * The sample workbook saved as an .xlsx file (its tables, each formula cell as its calculated value), for the
 * command-line tool's tests and benchmark: what a user's workbook is once saved from Excel.
 */
import ExcelJS from "exceljs";
import { buildSampleWorkbook } from "./sampleWorkbook";
import { parseAddress, WorkbookSimulator } from "../simulator";

/** A cell's value as the simulator computes it. */
export type Cell = string | number | boolean | null;

/** The header and body values of a table of the simulated workbook. */
export function tableCells(simulator: WorkbookSimulator, name: string): { headers: string[]; rows: Cell[][] } {
  const table = simulator.tables().find((t) => t.name === name)!;
  const { rect } = parseAddress(table.address)!;
  const rows: Cell[][] = [];
  for (let row = rect.row; row < rect.row + rect.rowCount; row++) {
    const cells: Cell[] = [];
    for (let column = rect.column; column < rect.column + rect.columnCount; column++)
      cells.push(simulator.cell(table.sheet, row, column).value);
    rows.push(cells);
  }
  const [headers = [], ...body] = rows;
  return { headers: headers.map(String), rows: body };
}

/** The sample workbook in the simulator, as the add-in reads it. */
export const sampleSimulator = (): WorkbookSimulator => new WorkbookSimulator(buildSampleWorkbook());

/**
 * Saves every table of the simulated workbook into an .xlsx file, each formula cell as its calculated value: what
 * the tool reads of a formula is the value Excel saved with it, and exceljs drops a result of 0 when it writes one.
 */
export async function saveTablesAsXlsx(simulator: WorkbookSimulator, file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const table of simulator.tables()) {
    const sheet = book.getWorksheet(table.sheet) ?? book.addWorksheet(table.sheet);
    const { rect } = parseAddress(table.address)!;
    const { headers } = tableCells(simulator, table.name);
    const rows: ExcelJS.CellValue[][] = [];
    for (let row = rect.row + 1; row < rect.row + rect.rowCount; row++) {
      const cells: ExcelJS.CellValue[] = [];
      for (let column = rect.column; column < rect.column + rect.columnCount; column++) {
        cells.push(simulator.cell(table.sheet, row, column).value);
      }
      rows.push(cells);
    }
    const ref = `${table.address.split(":")[0]}`;
    sheet.addTable({ name: table.name, ref, headerRow: true, columns: headers.map((name) => ({ name })), rows });
  }
  await book.xlsx.writeFile(file);
}
