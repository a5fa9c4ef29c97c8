/**
 * The Spark dialect's check, for a machine with Spark (CI has none; issue 19 item 3). `prepare DIR` writes the sample
 * workbook, its claims as a CSV, the Spark SQL with a wrapper that loads the claims and writes the view's result, and
 * the same lines priced by the DuckDB SQL; after `spark-sql -f DIR/check-spark.sql`, `compare DIR` reports every line
 * whose amount or NULL differs between Spark and DuckDB (whose SQL the tests hold to the engine's cent).
 *
 *   npx tsx --require ./bench/textFiles.cjs scripts/spark-sql-check.ts prepare /tmp/spark-check
 *   spark-sql -f /tmp/spark-check/check-spark.sql
 *   npx tsx --require ./bench/textFiles.cjs scripts/spark-sql-check.ts compare /tmp/spark-check
 */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { DuckDBInstance } from "@duckdb/node-api";
import { runCli } from "../src/cli/main";
import { PRICING_FIELDS } from "../src/cli/claimsSource";
import { PRICED_COLUMNS, SQL_NAMES, warehouseColumn } from "../src/cli/sql/pricingSql";
import { CLAIMS_TABLE_SPEC } from "../src/excel/claims/claimsColumns";
import { sampleSimulator, saveTablesAsXlsx, tableCells } from "../src/playground/sample/sampleXlsx";

const LINE = "line_number";
const RESULT = `${LINE}, ${PRICED_COLUMNS.expectedAmount}, ${PRICED_COLUMNS.pricingIssue}`;

async function duckDb<T>(work: (run: (sql: string) => Promise<unknown[][]>) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    return await work(async (sql) => (await connection.runAndReadAll(sql)).getRowsJS());
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function sqlFile(workbook: string, dialect: string, out: string): Promise<void> {
  const code = await runCli(["sql", "--workbook", workbook, "--dialect", dialect, "--out", out], {
    out: () => undefined,
    err: (text) => process.stderr.write(`${text}\n`),
  });
  if (code !== 0) throw new Error(`payer-contracts sql --dialect ${dialect} failed`);
}

async function prepare(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const simulator = sampleSimulator();
  const workbook = path.join(dir, "contracts.xlsx");
  await saveTablesAsXlsx(simulator, workbook);
  const { headers, rows } = tableCells(simulator, "Claims");
  const at = PRICING_FIELDS.map((field) => headers.indexOf(CLAIMS_TABLE_SPEC.columns[field].header));
  const csvCell = (value: unknown): string => (value === null ? "" : `"${String(value).replaceAll('"', '""')}"`);
  const lines = rows.map((row, i) => [i + 1, ...at.map((column) => row[column] ?? null)].map(csvCell).join(","));
  const claims = path.join(dir, "claims.csv");
  writeFileSync(claims, [[LINE, ...PRICING_FIELDS.map(warehouseColumn)].join(","), ...lines].join("\n") + "\n");
  await sqlFile(workbook, "spark", path.join(dir, "pricing-spark.sql"));
  await sqlFile(workbook, "duckdb", path.join(dir, "pricing-duckdb.sql"));
  writeFileSync(
    path.join(dir, "check-spark.sql"),
    [
      "DROP TABLE IF EXISTS claims;",
      `CREATE TABLE claims USING csv OPTIONS (path '${path.resolve(claims)}', header 'true');`,
      readFileSync(path.join(dir, "pricing-spark.sql"), "utf8"),
      `INSERT OVERWRITE DIRECTORY '${path.resolve(dir, "spark-priced")}' USING csv OPTIONS (header 'true') SELECT ${RESULT} FROM ${SQL_NAMES.view};`,
    ].join("\n"),
  );
  await duckDb(async (run) => {
    await run(`CREATE TABLE claims AS SELECT * FROM read_csv('${claims}', header = true, all_varchar = true)`);
    await run(readFileSync(path.join(dir, "pricing-duckdb.sql"), "utf8"));
    await run(`COPY (SELECT ${RESULT} FROM ${SQL_NAMES.view}) TO '${path.join(dir, "duckdb-priced.csv")}' (HEADER)`);
  });
  console.log(`Wrote ${dir}: now run  spark-sql -f ${path.join(dir, "check-spark.sql")}  then  compare ${dir}`);
}

async function compare(dir: string): Promise<number> {
  const amounts = (file: string) =>
    `SELECT CAST(${LINE} AS INTEGER) AS line, CAST(${PRICED_COLUMNS.expectedAmount} AS DECIMAL(18, 2)) AS amount FROM read_csv('${file}', header = true, all_varchar = true)`; // prettier-ignore
  const differing = await duckDb((run) =>
    run(
      `SELECT d.line, d.amount, s.amount FROM (${amounts(path.join(dir, "duckdb-priced.csv"))}) d` +
        ` FULL JOIN (${amounts(path.join(dir, "spark-priced", "*.csv"))}) s ON s.line = d.line` +
        " WHERE s.line IS NULL OR d.line IS NULL OR s.amount IS DISTINCT FROM d.amount ORDER BY 1",
    ),
  );
  for (const [line, duck, spark] of differing.slice(0, 20))
    console.log(`line ${String(line)}: DuckDB ${String(duck)}, Spark ${String(spark)}`);
  console.log(`${differing.length} lines differ between Spark and DuckDB.`);
  return differing.length === 0 ? 0 : 1;
}

const [command, dir] = process.argv.slice(2);
if ((command !== "prepare" && command !== "compare") || dir === undefined) {
  console.error("Usage: spark-sql-check.ts prepare|compare DIR");
  process.exit(2);
}
(command === "prepare" ? prepare(dir).then(() => 0) : compare(dir)).then((code) => process.exit(code));
