/**
 * Files for the command-line tool's tests: the playground's sample workbook saved as an .xlsx (sampleXlsx.ts), and
 * its Claims table as CSV and Parquet files.
 */
import { writeFileSync } from "fs";
import { DuckDBInstance } from "@duckdb/node-api";
import type { Cell } from "../../src/playground/sample/sampleXlsx";
import { EXIT_CODES } from "../../src/cli/cliIssues";
import { runCli } from "../../src/cli/main";

export { sampleSimulator, saveTablesAsXlsx, tableCells, type Cell } from "../../src/playground/sample/sampleXlsx";

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
