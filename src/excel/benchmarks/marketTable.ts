/**
 * The Benchmarks table as PAYER.MARKET_RATE and the uplift model's market scenarios read it: parsed through
 * BENCHMARKS_SPEC (the table's one column declaration) and indexed by code, once per read. A row that does not parse
 * is left out, as the registry leaves out its bad rows. Shared here (not in src/functions) so that the function and
 * the model find a code's rates by the same rule and so agree to the cent.
 */
import { registryKey, type MarketRateEntry } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import { parseTable, readRegistryTables, type RegistryIssue, type TableData } from "../registry";
import { BENCHMARKS_SPEC, BENCHMARKS_TABLE } from "./benchmarkColumns";

/** The Benchmarks table as the cache holds it: absent, unreadable (a required column missing), or its rates by code. */
export type MarketTable =
  | { readonly kind: "absent" }
  | { readonly kind: "unreadable"; readonly issue: RegistryIssue }
  | { readonly kind: "read"; readonly byCode: ReadonlyMap<string, readonly MarketRateEntry[]> };

/** The key a code is indexed and looked up by: trimmed, upper case (leading zeros kept: "0450" is not "450"). */
export const marketCodeKey = (code: string): string => code.trim().toUpperCase();

/** The registry key of the Benchmarks table, to find it among the tables the cache read. */
export const MARKET_TABLE_KEY = registryKey(BENCHMARKS_TABLE);

/** Parses and indexes the Benchmarks table's cells; `absent` when the workbook has no such table. */
export function marketTableOf(data: TableData | undefined): MarketTable {
  if (data === undefined) return { kind: "absent" };
  const parsed = parseTable(BENCHMARKS_SPEC, data);
  const missing = parsed.issues.find((issue) => issue.code === "columnMissing");
  if (missing !== undefined) return { kind: "unreadable", issue: missing };
  const byCode = new Map<string, MarketRateEntry[]>();
  for (const row of parsed.rows) {
    const key = marketCodeKey(row.code);
    const entry: MarketRateEntry = {
      payer: row.payer,
      setting: row.setting,
      billingClass: row.billingClass,
      unit: row.unit,
      rate: row.rate,
    };
    const list = byCode.get(key);
    if (list === undefined) byCode.set(key, [entry]);
    else list.push(entry);
  }
  return { kind: "read", byCode };
}

/**
 * The published rates of a code key ({@link marketCodeKey}). A CPT code typed as a number loses its leading zeros
 * (110 for 00110), so a key of 1 to 4 digits is also looked up under its five digits.
 */
export function marketEntriesFor(
  byCode: ReadonlyMap<string, readonly MarketRateEntry[]>,
  code: string,
): readonly MarketRateEntry[] {
  return byCode.get(code) ?? (/^\d{1,4}$/.test(code) ? byCode.get(code.padStart(5, "0")) : undefined) ?? [];
}

/** Reads the workbook's Benchmarks table (one read of the registry's tables with it) into a {@link MarketTable}. */
export async function readMarketTable(excel: ExcelGateway): Promise<MarketTable> {
  const read = await readRegistryTables(excel, () => [BENCHMARKS_TABLE]);
  return marketTableOf(read.tables.get(MARKET_TABLE_KEY));
}
