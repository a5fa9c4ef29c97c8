/**
 * `--summary`: the year at a glance in an .xlsx the team opens in Excel, built from the priced lines in DuckDB
 * (exact integer cents): the expected amount by contract and code, and the lines without an amount by reason. Each
 * sheet is a native Excel table with money formats and a totals row of SUBTOTAL formulas, so it sorts, filters and
 * totals in Excel without the add-in. File text is written as text, never as a formula.
 */
import ExcelJS from "exceljs";
import type { DuckDBConnection } from "@duckdb/node-api";
import { fail, ok, type Result } from "../engine";
import { CLAIMS_TABLE_SPEC } from "../excel/claims/claimsColumns";
import type { CliIssue } from "./cliIssues";
import type { KeyColumns } from "./lineKeys";
import { PRICED_LINES_SPEC } from "./pricedColumns";

/** One row of the summary by contract and code. */
export interface CodeSummaryRow {
  readonly contractName: string;
  readonly hcpcsCode: string;
  readonly lines: number;
  readonly pricedLines: number;
  /** Sum of the priced lines' expected amounts, in cents. */
  readonly expectedCents: number;
}

export interface Summary {
  readonly byCode: readonly CodeSummaryRow[];
  readonly issues: readonly { readonly issue: string; readonly lines: number }[];
}

/** Sums the table `priced` by pricing key in DuckDB, then by contract and code (a code has a key per modifier...). */
export async function summarise(
  connection: DuckDBConnection,
  keys: KeyColumns,
  issueTexts: readonly string[],
): Promise<Summary> {
  const byKey = (
    await connection.runAndReadAll(
      "SELECT key, count(*), count(cents), coalesce(sum(CAST(cents AS BIGINT)), 0) FROM priced GROUP BY key",
    )
  ).getRowsJS();
  const byCode = new Map<string, { contractName: string; hcpcsCode: string; lines: number; pricedLines: number; expectedCents: number }>(); // prettier-ignore
  for (const [key, lines, priced, cents] of byKey) {
    const id = Number(key);
    const contractName = keys.contractName[id]!.trim();
    const hcpcsCode = keys.hcpcsCode[id]!;
    const name = `${contractName.toLowerCase()}|${hcpcsCode}`;
    const row = byCode.get(name) ?? { contractName, hcpcsCode, lines: 0, pricedLines: 0, expectedCents: 0 };
    row.lines += Number(lines);
    row.pricedLines += Number(priced);
    row.expectedCents += Number(cents);
    byCode.set(name, row);
  }
  const issues = (
    await connection.runAndReadAll("SELECT issue, count(*) FROM priced WHERE issue IS NOT NULL GROUP BY issue")
  )
    .getRowsJS()
    .map(([issue, lines]) => ({ issue: issueTexts[Number(issue)]!, lines: Number(lines) }))
    .sort((a, b) => b.lines - a.lines);
  const rows = [...byCode.values()].sort(
    (a, b) => a.contractName.localeCompare(b.contractName) || a.hcpcsCode.localeCompare(b.hcpcsCode),
  );
  return { byCode: rows, issues };
}

const MONEY = "$#,##0.00";
const COUNT = "#,##0";

/** A sheet holding one native table with a totals row. */
function addTableSheet(
  book: ExcelJS.Workbook,
  sheetName: string,
  tableName: string,
  columns: readonly { name: string; total: "sum" | "none"; format?: string; width: number }[],
  rows: ExcelJS.CellValue[][],
): void {
  const sheet = book.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addTable({
    name: tableName,
    ref: "A1",
    headerRow: true,
    totalsRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: columns.map((column, index) =>
      column.total === "sum"
        ? { name: column.name, totalsRowFunction: "sum" }
        : { name: column.name, ...(index === 0 ? { totalsRowLabel: "Total" } : {}) },
    ),
    rows: rows.length === 0 ? [columns.map(() => null)] : rows,
  });
  columns.forEach((column, index) => {
    const excelColumn = sheet.getColumn(index + 1);
    excelColumn.width = column.width;
    if (column.format !== undefined) excelColumn.numFmt = column.format;
  });
}

/** Writes the summary workbook (replacing a previous one); an unwritable file is an issue. */
export async function writeSummary(
  file: string,
  summary: Summary,
  run: { readonly workbook: string; readonly claims: string; readonly lines: number; readonly pricedLines: number },
): Promise<Result<void, CliIssue>> {
  const book = new ExcelJS.Workbook();
  const { contractName, hcpcsCode } = CLAIMS_TABLE_SPEC.columns;
  const { expectedAmount, pricingIssue } = PRICED_LINES_SPEC.columns;
  addTableSheet(
    book,
    "Expected by Code",
    "ExpectedByCode",
    [
      { name: contractName.header, total: "none", width: 30 },
      { name: hcpcsCode.header, total: "none", width: 12 },
      { name: "Lines", total: "sum", format: COUNT, width: 12 },
      { name: "Priced Lines", total: "sum", format: COUNT, width: 14 },
      { name: expectedAmount.header, total: "sum", format: MONEY, width: 18 },
    ],
    summary.byCode.map((row) => [
      row.contractName,
      row.hcpcsCode,
      row.lines,
      row.pricedLines,
      // Whole cents to dollars: the one division, exact to the cent as a double holds it.
      row.expectedCents / 100,
    ]),
  );
  addTableSheet(
    book,
    "Pricing Issues",
    "PricingIssues",
    [
      { name: pricingIssue.header, total: "none", width: 100 },
      { name: "Lines", total: "sum", format: COUNT, width: 12 },
    ],
    summary.issues.map((row) => [row.issue, row.lines]),
  );
  const about = book.addWorksheet("About");
  about.addRows([
    ["Priced by", "payer-contracts price"],
    ["Contracts from", run.workbook],
    ["Claims from", run.claims],
    ["Lines", run.lines],
    ["Priced lines", run.pricedLines],
    ["Priced on", new Date().toISOString().slice(0, 10)],
  ]);
  about.getColumn(1).width = 16;
  about.getColumn(2).width = 60;
  try {
    await book.xlsx.writeFile(file);
  } catch (error) {
    return fail({ code: "outputUnwritable", file, detail: error instanceof Error ? error.message : String(error) });
  }
  return ok(undefined);
}
