/**
 * `payer-contracts sql`: the contracts of a saved workbook as SQL for a warehouse that holds the claims (issue 19
 * item 3): rate tables computed by the engine and a pricing view (pricingSql.ts), for DuckDB or Spark SQL.
 */
import { existsSync, writeFileSync } from "fs";
import path from "path";
import { fail, ok, type Result } from "../../engine";
import type { CliIssue } from "../cliIssues";
import { readWorkbookRegistry } from "../workbookFile";
import { notPricedInSql, pricingSql } from "./pricingSql";
import { buildRateTables } from "./rateTables";
import { SQL_DIALECTS, type SqlDialectName } from "./sqlDialects";

export interface SqlRequest {
  readonly workbook: string;
  readonly out: string;
  readonly dialect: SqlDialectName;
  readonly claimsTable: string;
}

/** What a run wrote, for its last line on stderr. */
export interface SqlReport {
  readonly baseRates: number;
  readonly modifierRates: number;
  /** What the SQL leaves to the engine, as its header lists it. */
  readonly notInSql: readonly string[];
}

/** A table name a warehouse accepts unquoted, optionally qualified: `claims`, `finance.claim_lines`. */
const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,2}$/;

/** Writes the SQL of `request.workbook`'s contracts into `request.out`; `progress` gets a line now and then. */
export async function writePricingSql(
  request: SqlRequest,
  progress: (text: string) => void,
): Promise<Result<SqlReport, CliIssue>> {
  if (!existsSync(request.workbook)) return fail({ code: "fileMissing", role: "workbook", file: request.workbook });
  if (path.extname(request.workbook).toLowerCase() !== ".xlsx")
    return fail({ code: "fileType", role: "workbook", file: request.workbook, expected: "an Excel workbook (.xlsx)" });
  if (path.extname(request.out).toLowerCase() !== ".sql")
    return fail({ code: "fileType", role: "output", file: request.out, expected: "a .sql file" });
  if (!TABLE_NAME.test(request.claimsTable))
    return fail({ code: "usage", detail: `--claims-table "${request.claimsTable}" is not a table name like claims or finance.claim_lines` }); // prettier-ignore
  progress(`Reading contracts from ${request.workbook}`);
  const snapshot = await readWorkbookRegistry(request.workbook);
  if (!snapshot.ok) return snapshot;
  progress("Pricing every listed code of every contract version with the engine");
  const tables = buildRateTables(snapshot.value, progress);
  const sql = pricingSql(SQL_DIALECTS[request.dialect], tables, request);
  try {
    writeFileSync(request.out, sql);
  } catch (error) {
    return fail({ code: "outputUnwritable", file: request.out, detail: error instanceof Error ? error.message : String(error) }); // prettier-ignore
  }
  return ok({
    baseRates: tables.baseRates.length,
    modifierRates: tables.modifierRates.length,
    notInSql: notPricedInSql(tables),
  });
}
