/**
 * The command-line tool end to end (ARCHITECTURE.md 9, issue 19): 10,000,000 claim lines (BENCH_CLI_LINES to
 * change it), Parquet in, Parquet out, priced with the sample workbook's contracts (real CMS PFS rates for
 * Houston, a fee schedule PPO and a percent-of-Medicare plan) saved as .xlsx. The lines repeat the sample's ~2,900
 * claim lines with charges varied by up to $0.99, so a year holds its few thousand keys and many distinct charges.
 * Budget: over 2,000,000 lines/s with peak memory under 2 GB, measured in a process that does nothing else.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, statSync } from "fs";
import os from "os";
import path from "path";
import { DuckDBInstance } from "@duckdb/node-api";
import { sampleSimulator, saveTablesAsXlsx, tableCells } from "../src/playground/sample/sampleXlsx";

const LINES = Number(process.env.BENCH_CLI_LINES ?? 10_000_000);
const BUDGET_LINES_PER_SECOND = 2_000_000;
const BUDGET_PEAK_MB = 2048;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "payer-cli-bench-"));
  try {
    const simulator = sampleSimulator();
    const workbook = path.join(dir, "contracts.xlsx");
    await saveTablesAsXlsx(simulator, workbook);
    const { headers, rows } = tableCells(simulator, "Claims");
    const claims = path.join(dir, "claims.parquet");
    await writeClaims(claims, headers, rows, LINES);
    const out = path.join(dir, "priced.parquet");

    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", path.join(__dirname, "cliPriceRun.ts"), workbook, claims, out],
      { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" },
    );
    if (run.status !== 0) throw new Error(`the priced run failed (exit ${run.status})`);
    const { seconds, peakRssMb, lines, priced } = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
    const rate = lines / seconds;
    const mb = (file: string) => (statSync(file).size / 1e6).toFixed(0);
    console.log(
      `${"payer-contracts price, Parquet in and out".padEnd(60)} ${lines.toLocaleString("en-US")} lines (${priced.toLocaleString("en-US")} priced; ${mb(claims)} MB in, ${mb(out)} MB out) in ${seconds.toFixed(2)} s`,
    );
    console.log(
      `${"  lines/s".padEnd(60)} ${Math.round(rate).toLocaleString("en-US").padStart(12)}  budget > ${BUDGET_LINES_PER_SECOND.toLocaleString("en-US")}  ${rate > BUDGET_LINES_PER_SECOND ? "ok" : "OVER"}`,
    );
    console.log(
      `${"  peak memory (RSS)".padEnd(60)} ${peakRssMb.toFixed(0).padStart(9)} MB  budget < ${BUDGET_PEAK_MB} MB  ${peakRssMb < BUDGET_PEAK_MB ? "ok" : "OVER"}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `count` lines cycling through the sample's claim lines, written as Parquet by DuckDB (not timed). */
async function writeClaims(file: string, headers: string[], rows: unknown[][], count: number): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const sql = (name: string) => `"${name.replaceAll('"', '""')}"`;
  await connection.run(`CREATE TABLE pool (${headers.map((h) => `${sql(h)} VARCHAR`).join(", ")})`);
  const appender = await connection.createAppender("pool");
  for (const row of rows) {
    for (const cell of row) {
      if (cell === null) appender.appendNull();
      else appender.appendVarchar(String(cell));
    }
    appender.endRow();
  }
  appender.closeSync();
  await connection.run(`CREATE TABLE numbered AS SELECT (row_number() OVER ()) - 1 AS n, * FROM pool`);
  await connection.run(
    `COPY (SELECT p.* EXCLUDE (n) REPLACE (CAST(CAST(p."Charge Amount" AS DECIMAL(12,2)) + (r.range % 100) * 0.01 AS DECIMAL(12,2)) AS "Charge Amount")` +
      ` FROM range(${count}) r JOIN numbered p ON p.n = r.range % ${rows.length} ORDER BY r.range) TO '${file}' (FORMAT parquet)`,
  );
  connection.closeSync();
  instance.closeSync();
}

void main();
