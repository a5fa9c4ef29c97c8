/**
 * `PAYER.MARKET_RATE`: a percentile of the dollar rates the Benchmarks table holds for a code (DOMAIN.md 5.3:
 * benchmark at percentiles, not means), as Excel's PERCENTILE.INC over the same rates, rounded to the cent. The table
 * comes from the registry cache (src/excel/benchmarks/marketTable.ts), so a new Write of it recalculates the cells.
 * Codes, percentiles and payers may be columns: one answer per row (a spill); setting and billing class are one word
 * for the call.
 */
import {
  fail,
  isBlankCell,
  marketRate,
  marketRateIssueExcelError,
  marketRateIssueMessage,
  ok,
  parseNumberText,
  percentileFraction,
  type MarketRateEntry,
  type MarketRateIssue,
  type Result,
} from "../engine";
import { registryIssueExcelError, registryIssueMessage } from "../excel/registry";
import { asColumn, type ExcelAdapter, type PerLineResult } from "./adapters";
import { argumentIssueError, customFunctionError } from "./errors";
import { readArguments, rowIssues, type ArgSpecTable, type ReadArguments } from "./excelArgs";
import { marketCodeKey, marketEntriesFor, type MarketTable } from "../excel/benchmarks/marketTable";
import { withMarketTable } from "./registryCache";

/** The arguments of `PAYER.MARKET_RATE` in Excel order; the metadata test checks declarations.ts against them. */
export const MARKET_RATE_ARGUMENTS = {
  code: {
    kind: "column",
    optional: false,
    description: 'the billing code as the Benchmarks table lists it, text or number (type "0450" as text).',
  },
  percentile: {
    kind: "column",
    optional: false,
    description:
      "a fraction from 0 to 1 (0.5 = median), or a whole percent above 1 up to 100 (25 = p25); 1 is refused.",
  },
  payer: { kind: "column", optional: true, description: "only this payer's rates (any case); blank = every payer." },
  setting: {
    kind: "choice",
    choices: ["any", "inpatient", "outpatient"],
    defaultChoice: "any",
    description: 'inpatient or outpatient (rates for "both" count for either); blank = any.',
  },
  billing_class: {
    kind: "choice",
    choices: ["any", "professional", "institutional"],
    defaultChoice: "any",
    description: 'professional or institutional (rates for "both" or none count for either); blank = any.',
  },
} as const satisfies ArgSpecTable;

const issueError = (issue: MarketRateIssue) =>
  customFunctionError(marketRateIssueExcelError(issue), marketRateIssueMessage(issue));

/** A code cell as a key: a number by its digits (99213), text trimmed and upper case, leading zeros kept. */
function codeOf(cell: unknown): string | null {
  if (isBlankCell(cell)) return null;
  return marketCodeKey(String(cell));
}

/** The percentile cell as a fraction (see `percentileFraction`). */
function fractionOf(cell: unknown): ReturnType<typeof percentileFraction> {
  const number = typeof cell === "number" ? cell : typeof cell === "string" ? parseNumberText(cell)?.toNumber() : null;
  if (number === null || number === undefined) return fail({ code: "percentileNotANumber", value: String(cell ?? "") }); // prettier-ignore
  return percentileFraction(number);
}

const wordOrNull = (word: string) => (word === "any" ? null : word);

/** One row's answer in dollars, or the issue saying why there is none. */
function rowRate(
  byCode: ReadonlyMap<string, readonly MarketRateEntry[]>,
  cells: { code: unknown; percentile: unknown; payer: unknown },
  filters: { setting: string | null; billingClass: string | null },
): Result<number, MarketRateIssue> {
  const code = codeOf(cells.code);
  if (code === null) return fail({ code: "marketCodeMissing" });
  const fraction = fractionOf(cells.percentile);
  if (!fraction.ok) return fraction;
  const payer = isBlankCell(cells.payer) ? null : String(cells.payer).trim();
  const rate = marketRate(marketEntriesFor(byCode, code), { code, fraction: fraction.value, payer, ...filters });
  return rate.ok ? ok(rate.value.toNumber()) : rate;
}

/** Why a workbook's Benchmarks table gives no rate at all: there is none, or it lacks a required column. */
function tableError(market: Exclude<MarketTable, { kind: "read" }>): CustomFunctions.Error {
  if (market.kind === "absent") return issueError({ code: "noBenchmarksTable" });
  return customFunctionError(registryIssueExcelError(market.issue), registryIssueMessage(market.issue));
}

/** The answer of each row: dollars, or the error of that row (a cell refused by the argument checks included). */
export function marketRates(
  market: MarketTable,
  read: ReadArguments<typeof MARKET_RATE_ARGUMENTS>,
): (number | CustomFunctions.Error)[] {
  const { values } = read;
  const refused = rowIssues(MARKET_RATE_ARGUMENTS, read);
  const filters = { setting: wordOrNull(values.setting), billingClass: wordOrNull(values.billing_class) };
  const out: (number | CustomFunctions.Error)[] = [];
  for (let i = 0; i < read.rows; i++) {
    const issue = refused.get(i);
    if (issue !== undefined) {
      out.push(argumentIssueError(issue));
      continue;
    }
    // A refused cell is refused whatever the table holds; a row that passes needs the table.
    if (market.kind !== "read") {
      out.push(tableError(market));
      continue;
    }
    const cells = { code: values.code[i], percentile: values.percentile[i], payer: values.payer?.[i] ?? null };
    const rate = rowRate(market.byCode, cells, filters);
    out.push(rate.ok ? rate.value : issueError(rate.issue));
  }
  return out;
}

/**
 * `PAYER.MARKET_RATE` for Excel arguments (code, percentile, payer, setting, billing_class): a column of dollar
 * amounts, or the error of a single row.
 */
export const marketRateResult: ExcelAdapter<typeof MARKET_RATE_ARGUMENTS, PerLineResult> = Object.assign(
  (...args: readonly unknown[]) => {
    const read = readArguments(MARKET_RATE_ARGUMENTS, args);
    if (!read.ok) return argumentIssueError(read.issue);
    return withMarketTable((market) => asColumn(marketRates(market, read.value)));
  },
  { argumentTable: MARKET_RATE_ARGUMENTS },
);
