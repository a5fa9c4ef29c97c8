/**
 * Issue 19: the command-line tool prices a claims file with the contracts of a saved workbook, to the cent of the
 * add-in's engine: the sample workbook read by the add-in (through the simulator) and each line priced alone with
 * priceLine (PAYER.EXPECTED_PAYMENT's path), against the tool over the same lines as CSV and as typed Parquet.
 */
import { mkdtempSync, rmSync } from "fs";
import os from "os";
import ExcelJS from "exceljs";
import { DuckDBInstance } from "@duckdb/node-api";
import path from "path";
import { priceLine } from "../../src/engine";
import { readRegistry } from "../../src/excel/registry";
import { suggestClaimsMapping } from "../../src/excel/claims/claimsColumns";
import { readReviewLines } from "../../src/excel/varianceReview/readReviewLines";
import type { WorkbookSimulator } from "../../src/playground/simulator";
import { cli, csvToTypedParquet, EXIT_CODES, readRows, sampleSimulator, saveTablesAsXlsx, tableCells, writeCsv } from "./support"; // prettier-ignore

let dir: string;
let simulator: WorkbookSimulator;
let workbook: string;
let claimsCsv: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "payer-cli-"));
  simulator = sampleSimulator();
  workbook = path.join(dir, "contracts.xlsx");
  await saveTablesAsXlsx(simulator, workbook);
  const claims = tableCells(simulator, "Claims");
  claimsCsv = path.join(dir, "claims.csv");
  writeCsv(claimsCsv, claims.headers, claims.rows);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The add-in's expected amount of each line of the Claims table, in cents (null where it has no amount). */
async function addInCents(): Promise<(number | null)[]> {
  const { registry } = await readRegistry(simulator.excel);
  const { headers } = tableCells(simulator, "Claims");
  const read = await readReviewLines(simulator.excel, {
    tableName: "Claims",
    mapping: suggestClaimsMapping(headers),
    payerContracts: {},
    extraColumns: [],
  });
  if (!read.ok) throw new Error(JSON.stringify(read.issue));
  return read.value.lines.map((line) => {
    if (line === null || !line.pricing.ok) return null;
    const price = priceLine(registry, line.pricing.value);
    return price.ok ? price.value.allowedAmount : null;
  });
}

/** The tool's Expected Amount of each output line, in cents. */
async function toolCents(file: string): Promise<(number | null)[]> {
  return (await readRows(file)).map((row) => {
    const amount = row["Expected Amount"];
    return amount === null || amount === undefined ? null : Math.round(Number(amount) * 100);
  });
}

describe("payer-contracts price", () => {
  it("prices the sample's claims from CSV to the cent of the add-in's engine, every line in its order", async () => {
    const out = path.join(dir, "priced-from-csv.csv");
    const run = await cli("price", "--workbook", workbook, "--claims", claimsCsv, "--out", out);
    expect([run.code, run.stderr]).toEqual([EXIT_CODES.done, expect.stringContaining("Priced ")]);
    const expected = await addInCents();
    const actual = await toolCents(out);
    expect(actual).toHaveLength(expected.length);
    expect(expected.filter((cents) => cents !== null).length).toBeGreaterThan(2_000);
    const differing = actual.flatMap((cents, i) => (cents === expected[i] ? [] : [{ line: i + 2, cents, expected: expected[i] }])); // prettier-ignore
    expect(differing).toEqual([]);
  });

  it("prices typed Parquet (dates, integer units, decimal money) the same, into Parquet", async () => {
    const parquet = path.join(dir, "claims.parquet");
    await csvToTypedParquet(claimsCsv, parquet, {
      "Service Date": "DATE",
      "Service Unit Quantity": "INTEGER",
      "Charge Amount": "DECIMAL(12,2)",
    });
    const out = path.join(dir, "priced.parquet");
    const run = await cli("price", "--workbook", workbook, "--claims", parquet, "--out", out);
    expect([run.code, run.stderr]).toEqual([EXIT_CODES.done, expect.stringContaining("Priced ")]);
    expect(await toolCents(out)).toEqual(await addInCents());
  });

  it("keeps every column of the claims file and says why a line has no amount", async () => {
    const out = path.join(dir, "priced-columns.csv");
    await cli("price", "--workbook", workbook, "--claims", claimsCsv, "--out", out);
    const rows = await readRows(out);
    const { headers } = tableCells(simulator, "Claims");
    expect(Object.keys(rows[0]!)).toEqual([...headers, "Expected Amount", "Pricing Issue"]);
    const unpriced = rows.filter((row) => row["Expected Amount"] === null);
    for (const row of unpriced) expect(row["Pricing Issue"]).toEqual(expect.any(String));
  });
});

describe("payer-contracts price --summary", () => {
  it("totals the expected amount by contract and code to the cent of the add-in's engine, in native tables", async () => {
    const out = path.join(dir, "priced-for-summary.parquet");
    const summary = path.join(dir, "summary.xlsx");
    const run = await cli("price", "--workbook", workbook, "--claims", claimsCsv, "--out", out, "--summary", summary);
    expect(run.code).toBe(EXIT_CODES.done);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(summary);
    const sheet = book.getWorksheet("Expected by Code")!;
    const table = sheet.getTable("ExpectedByCode") as unknown as { table: { tableRef: string } };
    const lastRow = Number(/\d+$/.exec(table.table.tableRef)![0]);
    const body = Array.from({ length: lastRow - 2 }, (_, i) => sheet.getRow(i + 2).values as ExcelJS.CellValue[]);
    const expected = (await addInCents()).filter((cents): cents is number => cents !== null);
    const summedCents = body.reduce((sum, row) => sum + Math.round(Number(row[5]) * 100), 0);
    expect(summedCents).toBe(expected.reduce((sum, cents) => sum + cents, 0));
    expect(body.reduce((sum, row) => sum + Number(row[3]), 0)).toBe(tableCells(simulator, "Claims").rows.length);
    expect(sheet.getCell(`E${lastRow}`).value).toMatchObject({
      formula: "SUBTOTAL(109,ExpectedByCode[Expected Amount])",
    });
  });
});

describe("payer-contracts price on a file DuckDB reads in parallel", () => {
  it("keeps each amount on its own line across many row groups: lines alike get one amount, in the file's order", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const lines = 200_000;
    const parquet = path.join(dir, "shuffled.parquet");
    // The sample's lines in a shuffled order with charges varied, 40 row groups: a misaligned join would show.
    await connection.run(
      `CREATE TABLE pool AS SELECT (row_number() OVER ()) - 1 AS n, * FROM read_csv('${claimsCsv}', header = true, all_varchar = true)`,
    );
    await connection.run(
      `COPY (SELECT p.* EXCLUDE (n) REPLACE (CAST(CAST(p."Charge Amount" AS DECIMAL(12,2)) + (r.range % 7) * 0.01 AS VARCHAR) AS "Charge Amount")` +
        ` FROM range(${lines}) r JOIN pool p ON p.n = hash(r.range) % ${tableCells(simulator, "Claims").rows.length} ORDER BY hash(r.range * 7))` +
        ` TO '${parquet}' (FORMAT parquet, ROW_GROUP_SIZE 5000)`,
    );
    const out = path.join(dir, "shuffled-priced.parquet");
    const run = await cli("price", "--workbook", workbook, "--claims", parquet, "--out", out);
    expect(run.code).toBe(EXIT_CODES.done);
    const key = `"Contract Name", "HCPCS Code", "HCPCS Modifier 1", "HCPCS Modifier 2", "Place of Service Code", "Service Unit Quantity", "Service Date", "Charge Amount"`; // prettier-ignore
    const amountsPerKey = await connection.runAndReadAll(
      `SELECT max(n) FROM (SELECT count(DISTINCT coalesce(CAST("Expected Amount" AS VARCHAR), '-')) AS n FROM '${out}' GROUP BY ${key})`,
    );
    const outOfOrder = await connection.runAndReadAll(
      `SELECT count(*) FROM (SELECT ${key} FROM '${parquet}') a POSITIONAL JOIN (SELECT ${key.replaceAll('"', "").split(", ").map((c, i) => `"${c}" AS c${i}`).join(", ")} FROM '${out}') b` + // prettier-ignore
        ` WHERE a."HCPCS Code" IS DISTINCT FROM b.c1 OR a."Service Date" IS DISTINCT FROM b.c6 OR a."Charge Amount" IS DISTINCT FROM b.c7`,
    );
    connection.closeSync();
    instance.closeSync();
    expect(Number(amountsPerKey.getRowsJS()[0]![0])).toBe(1);
    expect(Number(outOfOrder.getRowsJS()[0]![0])).toBe(0);
  });
});
