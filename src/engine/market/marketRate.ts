/**
 * PAYER.MARKET_RATE's rule: the percentile (PERCENTILE.INC, percentile.ts) of the dollar rates published for a code,
 * optionally for one payer, setting and billing class (DOMAIN.md 5). Percent-of-charges rates are never mixed with
 * dollars: they are counted and named in the answer when no dollar rate is left. A rate published for setting or
 * billing class "both" counts for either.
 */
import { catalogue, fieldOf, type EntriesByCode } from "../catalogue";
import { Decimal } from "../decimal";
import type { ExcelErrorKind, IssueEntry } from "../issues";
import { fail, ok, type Result } from "../result";
import { exactPercentileInc } from "./percentile";

/** One published rate as the Benchmarks table holds it (words as in the files: "outpatient", "professional"). */
export interface MarketRateEntry {
  readonly payer: string;
  readonly setting: string;
  /** Null when the file does not say: it then counts for either class. */
  readonly billingClass: string | null;
  readonly unit: "dollars" | "percent";
  readonly rate: Decimal;
}

/** What a MARKET_RATE call asks: the percentile as a fraction 0..1, and the optional filters (null = any). */
export interface MarketRateQuery {
  readonly code: string;
  readonly fraction: Decimal;
  readonly payer: string | null;
  readonly setting: string | null;
  readonly billingClass: string | null;
}

/** Expected failures of MARKET_RATE, as values. */
export type MarketRateIssue =
  | { readonly code: "percentileOutOfRange"; readonly value: number }
  | { readonly code: "percentileAmbiguous" }
  | { readonly code: "percentileNotANumber"; readonly value: string }
  | { readonly code: "marketCodeMissing" }
  | { readonly code: "noBenchmarksTable" }
  | { readonly code: "noDollarRate"; readonly hcpcsCode: string; readonly percentRates: number; readonly filtered: boolean }; // prettier-ignore

/** One entry per issue: the Excel error it becomes and the message, written for a finance user. */
export const MARKET_RATE_ISSUE_CATALOGUE: EntriesByCode<MarketRateIssue, IssueEntry> = {
  percentileOutOfRange: {
    excelError: "#VALUE!",
    message: (i) =>
      `percentile: ${i.value} is out of range; expected a fraction from 0 to 1 (0.5 for the median) or a whole percent from 2 to 100 (25 for the 25th percentile).`,
  },
  percentileAmbiguous: {
    excelError: "#VALUE!",
    message: () =>
      "percentile: 1 could mean the 1st percentile or 100%; write 0.01 for the 1st percentile, or 100 for the highest rate.",
  },
  percentileNotANumber: {
    excelError: "#VALUE!",
    message: (i) =>
      `percentile: '${i.value}' is not a number; expected a fraction from 0 to 1 (0.5 for the median) or a whole percent like 25.`,
  },
  marketCodeMissing: {
    excelError: "#VALUE!",
    message: () => "The code is empty: enter a billing code like 70551 (CPT/HCPCS, MS-DRG or revenue code).",
  },
  noBenchmarksTable: {
    excelError: "#N/A",
    message: () =>
      "The workbook has no Benchmarks table: read price-transparency files in the Benchmarks tab and write the table first.",
  },
  noDollarRate: {
    excelError: "#N/A",
    message: (i) =>
      `no dollar rate for code ${i.hcpcsCode} in the Benchmarks table${i.filtered ? " for that payer, setting and billing class" : ""} (${i.percentRates} percent ${i.percentRates === 1 ? "rate" : "rates"} left out).`,
  },
};

/** The message of a MARKET_RATE issue. */
export const marketRateIssueMessage: (issue: MarketRateIssue) => string = catalogue(
  fieldOf(MARKET_RATE_ISSUE_CATALOGUE, "message"),
);
/** The Excel error of a MARKET_RATE issue. */
export const marketRateIssueExcelError: (issue: MarketRateIssue) => ExcelErrorKind = catalogue(
  fieldOf(MARKET_RATE_ISSUE_CATALOGUE, "excelError"),
);

/**
 * The percentile argument as a fraction: 0 to 1 is a fraction as PERCENTILE.INC takes it (0.25), above 1 to 100 a
 * whole-number percent as users say it (25 = 25th percentile). Exactly 1 is refused: it reads as 100% or as the 1st
 * percentile. Anything below 0 or above 100 is out of range.
 * @example percentileFraction(25) // ok(0.25); percentileFraction(0.9) // ok(0.9)
 */
export function percentileFraction(value: number): Result<Decimal, MarketRateIssue> {
  if (!Number.isFinite(value) || value < 0 || value > 100) return fail({ code: "percentileOutOfRange", value });
  if (value === 1) return fail({ code: "percentileAmbiguous" });
  const decimal = new Decimal(String(value));
  return ok(value < 1 ? decimal : decimal.div(100));
}

const same = (a: string, b: string) => a.localeCompare(b, "en", { sensitivity: "accent" }) === 0;

/** Whether a published word ("both", or null for billing class) covers the word asked for. */
const covers = (published: string | null, asked: string | null) =>
  asked === null || published === null || same(published, "both") || same(published, asked);

/** The rates a query keeps among a code's published rates: its dollar rates, and how many percent rates it left out. */
export interface KeptMarketRates {
  readonly dollars: readonly Decimal[];
  readonly percentRates: number;
}

/**
 * The rates among `entries` (the code's published rates) that pass the query's payer, setting and billing class, as
 * {@link marketRate} takes them: the dollar rates, and the count of percent rates left out. The uplift model's market
 * scenarios count the rates behind each target with it.
 */
export function marketDollarRates(
  entries: readonly MarketRateEntry[],
  query: Pick<MarketRateQuery, "payer" | "setting" | "billingClass">,
): KeptMarketRates {
  const kept = entries.filter(
    (entry) =>
      (query.payer === null || same(entry.payer, query.payer)) &&
      covers(entry.setting, query.setting) &&
      covers(entry.billingClass, query.billingClass),
  );
  const dollars = kept.filter((entry) => entry.unit === "dollars").map((entry) => entry.rate);
  return { dollars, percentRates: kept.length - dollars.length };
}

/**
 * The query's percentile of the dollar rates among `entries` (the code's published rates), rounded half-up to the
 * cent once at the end, as the sheet's ROUND(PERCENTILE.INC(...), 2); or noDollarRate naming the percent rates left
 * out. The payer matches whole and case-insensitively.
 */
export function marketRate(
  entries: readonly MarketRateEntry[],
  query: MarketRateQuery,
): Result<Decimal, MarketRateIssue> {
  const { dollars, percentRates } = marketDollarRates(entries, query);
  const percentile = exactPercentileInc(dollars, query.fraction);
  if (percentile !== null) return ok(percentile.toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
  const filtered = query.payer !== null || query.setting !== null || query.billingClass !== null;
  return fail({ code: "noDollarRate", hcpcsCode: query.code, percentRates, filtered });
}
