/**
 * Files for the command-line tool's tests: the playground's sample workbook saved as an .xlsx (its tables, with the
 * values Excel would have saved beside each formula), and its Claims table as CSV and Parquet files.
 */
import { writeFileSync } from "fs";
import ExcelJS from "exceljs";
import { DuckDBInstance } from "@duckdb/node-api";
import { buildSampleWorkbook } from "../../src/playground/sample/sampleWorkbook";
import { parseAddress, WorkbookSimulator } from "../../src/playground/simulator";
import { EXIT_CODES } from "../../src/cli/cliIssues";
import { runCli } from "../../src/cli/main";

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

const csvField = (value: Cell): string => {
  const text = value === null ? "" : String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** Writes rows as a CSV file with a header row. */
export function writeCsv(file: string, headers: readonly string[], rows: readonly (readonly Cell[])[]): void {
  writeFileSync(file, [headers, ...rows].map((row) => row.map(csvField).join(",")).join("\n") + "\n");
}

/**
 * Converts a claims CSV into Parquet with the types a warehouse export has: dates as DATE, units as INTEGER, money as
 * DECIMAL(12,2), codes as text.
 */
export async function csvToTypedParquet(
  csv: string,
  parquet: string,
  types: Readonly<Record<string, string>>,
): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const casts = Object.entries(types).map(([column, type]) => `CAST("${column}" AS ${type}) AS "${column}"`);
  await connection.run(
    `COPY (SELECT * REPLACE (${casts.join(", ")}) FROM read_csv('${csv}', header = true, all_varchar = true)) TO '${parquet}' (FORMAT parquet)`,
  );
  connection.closeSync();
  instance.closeSync();
}

/** Reads every row of a CSV or Parquet file, in order, as JavaScript values. */
export async function readRows(file: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const reader = file.endsWith(".csv")
    ? `read_csv('${file}', header = true, all_varchar = true)`
    : `read_parquet('${file}')`;
  const rows = (await connection.runAndReadAll(`SELECT * FROM ${reader}`)).getRowObjectsJS();
  connection.closeSync();
  instance.closeSync();
  return rows as Record<string, unknown>[];
}

/** Runs the tool as its bin does, collecting what it prints. */
export async function cli(...argv: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  const err: string[] = [];
  const out: string[] = [];
  const code = await runCli(argv, { err: (text) => err.push(text), out: (text) => out.push(text) });
  return { code, stderr: err.join("\n"), stdout: out.join("\n") };
}

export { EXIT_CODES };
