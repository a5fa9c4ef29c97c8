/**
 * Issue 19: every bad input stops the tool with a message that says what is wrong and where (file, line, column),
 * exit code 2, and no output file: never a priced wrong line.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { cli, EXIT_CODES, sampleSimulator, saveTablesAsXlsx, tableCells, writeCsv, type Cell } from "./support";

let dir: string;
let workbook: string;
let headers: string[];
let rows: Cell[][];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "payer-cli-bad-"));
  const simulator = sampleSimulator();
  workbook = path.join(dir, "contracts.xlsx");
  await saveTablesAsXlsx(simulator, workbook);
  ({ headers, rows } = tableCells(simulator, "Claims"));
  rows = rows.slice(0, 5);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A claims CSV of the sample's first five lines with `value` in `column` of the line numbered `line` (header = 1). */
function claimsWith(name: string, column: string, line: number, value: Cell): string {
  const file = path.join(dir, name);
  const at = headers.indexOf(column);
  writeCsv(file, headers, rows.map((row, i) => (i + 2 === line ? row.map((cell, c) => (c === at ? value : cell)) : row))); // prettier-ignore
  return file;
}

/** Runs `price` into a fresh output name and checks it left no file behind, partial or whole. */
async function priceFails(args: { workbook?: string; claims: string }) {
  const out = path.join(dir, `out-${Math.random().toString(36).slice(2)}.parquet`);
  const run = await cli("price", "--workbook", args.workbook ?? workbook, "--claims", args.claims, "--out", out);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dir).filter((name) => name.includes(path.basename(out)))).toEqual([]);
  return run;
}

describe("payer-contracts price refuses bad input", () => {
  it("names a workbook file that does not exist", async () => {
    const run = await priceFails({ workbook: path.join(dir, "nope.xlsx"), claims: claimsWith("ok1.csv", "Payer", 0, null) }); // prettier-ignore
    expect(run).toEqual(expect.objectContaining({ code: EXIT_CODES.badInput }));
    expect(run.stderr).toContain(`The workbook file ${path.join(dir, "nope.xlsx")} does not exist.`);
  });

  it("refuses a workbook that is not an .xlsx file", async () => {
    const csv = claimsWith("ok2.csv", "Payer", 0, null);
    const run = await priceFails({ workbook: csv, claims: csv });
    expect([run.code, run.stderr]).toEqual([EXIT_CODES.badInput, `The workbook file ${csv} must be an Excel workbook (.xlsx).`]); // prettier-ignore
  });

  it("refuses a claims file that is neither CSV nor Parquet", async () => {
    const text = path.join(dir, "claims.txt");
    writeFileSync(text, "HCPCS Code\n99213\n");
    const run = await priceFails({ claims: text });
    expect(run.stderr).toContain(`The claims file ${text} must be a .csv or .parquet file.`);
    expect(run.code).toBe(EXIT_CODES.badInput);
  });

  it("refuses a Parquet file that is not one", async () => {
    const broken = path.join(dir, "broken.parquet");
    writeFileSync(broken, "not parquet at all");
    const run = await priceFails({ claims: broken });
    expect(run.stderr).toContain(`The claims file ${broken} cannot be read:`);
    expect(run.code).toBe(EXIT_CODES.badInput);
  });

  it("names a required column the claims file lacks, with the headers it has", async () => {
    const file = path.join(dir, "no-date.csv");
    writeCsv(file, ["Contract Name", "CPT"], [["Acme Health PPO", "99213"]]);
    const run = await priceFails({ claims: file });
    expect(run.stderr).toContain(
      `The claims file ${file} has no column for the service date (expected a header like "Service Date"; its headers: "Contract Name", "CPT").`,
    );
    expect(run.code).toBe(EXIT_CODES.badInput);
  });

  it("names the line and column of a contract the workbook does not have", async () => {
    const file = claimsWith("unknown-contract.csv", "Contract Name", 4, "Globex Gold HMO");
    const run = await priceFails({ claims: file });
    expect(run.stderr).toContain(`${file} line 4, column "Contract Name": no contract "Globex Gold HMO"`);
    expect(run.code).toBe(EXIT_CODES.badInput);
  });

  it.each([
    ["a malformed code", "HCPCS Code", "99X1", "a HCPCS/CPT code like 99213"],
    ["text in the units column", "Service Unit Quantity", "two", "a number of units like 2"],
    ["text in the charge column", "Charge Amount", "call us", "a billed charge in dollars, or a blank cell"],
    ["a date that does not exist", "Service Date", "2025-02-30", "a date like 2025-03-01"],
    ["an unknown place of service", "Place of Service Code", "XYZ", "a place of service code like 11"],
  ])("names the line and column of %s", async (_what, column, value, expected) => {
    const file = claimsWith(`bad-${column.replaceAll(" ", "-")}.csv`, column, 5, value);
    const run = await priceFails({ claims: file });
    expect([run.code, run.stderr.split("\n").at(-1)]).toEqual([
      EXIT_CODES.badInput,
      `${file} line 5, column "${column}": "${value}" is not ${expected}.`,
    ]);
  });

  it("refuses a workbook whose formulas were never calculated, naming the cell", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbook);
    const sheet = book.getWorksheet("Contracts")!;
    sheet.getCell("G2").value = { formula: "1/2" } as ExcelJS.CellValue;
    const uncalculated = path.join(dir, "uncalculated.xlsx");
    await book.xlsx.writeFile(uncalculated);
    const run = await priceFails({ workbook: uncalculated, claims: claimsWith("ok3.csv", "Payer", 0, null) });
    expect(run.stderr).toContain(`sheet "Contracts" cell G2, holds a formula without a calculated value`);
    expect(run.code).toBe(EXIT_CODES.badInput);
  });

  it("says which option is missing", async () => {
    const run = await cli("price", "--workbook", workbook, "--claims", claimsWith("ok4.csv", "Payer", 0, null));
    expect([run.code, run.stderr]).toEqual([EXIT_CODES.badInput, "--out is required (payer-contracts --help shows the options)."]); // prettier-ignore
  });
});

describe("payer-contracts sql with bad input", () => {
  it("names the dialects it writes when --dialect is another, and writes nothing", async () => {
    const out = path.join(dir, "pricing.sql");
    const run = await cli("sql", "--workbook", workbook, "--dialect", "oracle", "--out", out);
    expect([run.code, run.stderr, existsSync(out)]).toEqual([EXIT_CODES.badInput, '--dialect "oracle" is not one of duckdb, spark (payer-contracts --help shows the options).', false]); // prettier-ignore
  });

  it("refuses a claims table name that would not be a plain table name in SQL", async () => {
    const out = path.join(dir, "pricing.sql");
    const run = await cli("sql", "--workbook", workbook, "--claims-table", "claims; DROP TABLE x", "--out", out);
    expect([run.code, run.stderr, existsSync(out)]).toEqual([EXIT_CODES.badInput, expect.stringContaining('--claims-table "claims; DROP TABLE x" is not a table name'), false]); // prettier-ignore
  });
});

describe("payer-contracts as installed (bin/payer-contracts.cjs)", () => {
  it("exits with code 2 and the message on stderr for bad input, and 0 with --help", () => {
    const bin = path.resolve(__dirname, "../../bin/payer-contracts.cjs");
    const missing = path.join(dir, "missing.xlsx");
    const bad = spawnSync(process.execPath, [bin, "price", "--workbook", missing, "--claims", missing, "--out", path.join(dir, "x.csv")], { encoding: "utf8" }); // prettier-ignore
    expect([bad.status, bad.stderr.trim()]).toEqual([
      EXIT_CODES.badInput,
      `The workbook file ${missing} does not exist.`,
    ]);
    const help = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
    expect([help.status, help.stdout.split("\n")[0]]).toEqual([EXIT_CODES.done, expect.stringContaining("payer-contracts price")]); // prettier-ignore
  });
});

describe("payer-contracts price on a claims file without lines", () => {
  it("writes an output with the file's header and the priced columns, and no line", async () => {
    const file = path.join(dir, "header-only.csv");
    writeCsv(file, headers, []);
    const out = path.join(dir, "empty-out.csv");
    const run = await cli("price", "--workbook", workbook, "--claims", file, "--out", out);
    expect([run.code, run.stderr.split("\n").at(-1)]).toEqual([EXIT_CODES.done, expect.stringContaining("Priced 0 of 0 lines")]); // prettier-ignore
    expect(readFileSync(out, "utf8").trim()).toBe([...headers, "Expected Amount", "Pricing Issue"].join(","));
  });
});
