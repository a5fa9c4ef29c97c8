/**
 * One in_network[] item of a TiC in-network file (DOMAIN.md 5.2): its arrangement, code and negotiated_rates, read
 * into prices that wait for their provider groups (the top-level provider_references may come after in_network).
 */
import type { MarketRateFilter } from "../marketRate";
import { isRecord, requiredText, type IssueSink, type JsonRecord } from "./issueSink";
import { priceFilteredOut, readPrice, type PriceFields } from "./prices";
import { readProviderGroups, type ProviderGroup } from "./providers";
import type { TicSkipReason } from "./types";

/** The schema's negotiation_arrangement values: only fee-for-service prices are rates of one code. */
const ARRANGEMENTS = {
  ffs: null,
  bundle: "bundleArrangement",
  capitation: "capitationArrangement",
} as const satisfies Record<"ffs" | "bundle" | "capitation", TicSkipReason | null>;

/** Whom a negotiated rate pays: ids into the top-level provider_references, or groups given inline. */
export type RateProviders =
  | { readonly kind: "references"; readonly ids: readonly number[] }
  | { readonly kind: "inline"; readonly groups: readonly ProviderGroup[] };

/** The prices of one negotiated_rates[] entry, kept until the provider references are known. */
export interface PendingRate {
  readonly code: string;
  readonly codeType: string;
  /** The path of the negotiated_rates entry. */
  readonly at: string;
  readonly providers: RateProviders;
  readonly prices: readonly { readonly at: string; readonly fields: PriceFields }[];
}

/** An item kept (its pending rates) or skipped, with the reason and the prices counted out by the filter. */
export type ItemOutcome =
  | { readonly kept: true; readonly rates: readonly PendingRate[] }
  | { readonly kept: false; readonly reason: TicSkipReason };

/** Codes are compared trimmed and upper case (MarketRateFilter). */
export function normalCode(code: string): string {
  return code.trim().toUpperCase();
}

/** The item's arrangement when it is one the reader skips (bundle, capitation), else null. */
export function skippedArrangement(value: unknown): TicSkipReason | null {
  return value === "bundle" || value === "capitation" ? ARRANGEMENTS[value] : null;
}

/** Whether a code (string or number as read) is outside the filter's codes. */
export function codeNotRequested(value: unknown, codes: ReadonlySet<string> | undefined): boolean {
  if (codes === undefined) return false;
  return (typeof value !== "string" && typeof value !== "number") || !codes.has(normalCode(String(value)));
}

function readProviders(raw: JsonRecord, at: string, sink: IssueSink): RateProviders | null {
  const ids = raw.provider_references;
  if (ids !== undefined) {
    if (Array.isArray(ids) && ids.length > 0 && ids.every((id) => typeof id === "number" && Number.isInteger(id)))
      return { kind: "references", ids: ids as number[] };
    sink.invalid(at, "provider_references", "referenceIds", ids);
    return null;
  }
  const groups = readProviderGroups(raw.provider_groups, `${at}.provider_groups`, sink);
  if (groups === null) sink.missing(at, "provider_references");
  return groups === null ? null : { kind: "inline", groups };
}

/**
 * Reads one in_network item. Arrangement and code are looked at first: an item the filter does not want may have
 * reached here without its other fields (the token router drops them), so it is not checked further.
 * `countSkip` counts the prices the setting and billing-class filters drop, and the invalid ones.
 */
export function readItem(
  raw: unknown,
  at: string,
  filter: MarketRateFilter,
  sink: IssueSink,
  countSkip: (reason: TicSkipReason) => void,
): ItemOutcome {
  if (!isRecord(raw)) {
    sink.invalid(at, "", "object", raw);
    return { kept: false, reason: "invalidItem" };
  }
  const arrangementSkip = skippedArrangement(raw.negotiation_arrangement);
  if (arrangementSkip !== null) return { kept: false, reason: arrangementSkip };
  if (codeNotRequested(raw.billing_code, filter.codes)) return { kept: false, reason: "codeNotRequested" };
  if (raw.negotiation_arrangement !== "ffs")
    sink.invalid(at, "negotiation_arrangement", "arrangement", raw.negotiation_arrangement);
  const codeValue = raw.billing_code;
  const code = typeof codeValue === "string" && codeValue.trim() !== "" ? normalCode(codeValue) : null;
  if (code === null) sink.invalid(at, "billing_code", "code", codeValue);
  const codeType = requiredText(raw, "billing_code_type", at, sink);
  const negotiatedRates = raw.negotiated_rates;
  if (!Array.isArray(negotiatedRates) || negotiatedRates.length === 0)
    sink.invalid(at, "negotiated_rates", "list", negotiatedRates);
  if (code === null || codeType === null || !Array.isArray(negotiatedRates) || raw.negotiation_arrangement !== "ffs")
    return { kept: false, reason: "invalidItem" };

  const rates: PendingRate[] = [];
  negotiatedRates.forEach((entry: unknown, rateIndex) => {
    const rateAt = `${at}.negotiated_rates[${rateIndex}]`;
    if (!isRecord(entry)) {
      sink.invalid(rateAt, "", "object", entry);
      return;
    }
    const providers = readProviders(entry, rateAt, sink);
    const rawPrices = entry.negotiated_prices;
    if (!Array.isArray(rawPrices) || rawPrices.length === 0) {
      sink.invalid(rateAt, "negotiated_prices", "list", rawPrices);
      return;
    }
    const prices: { at: string; fields: PriceFields }[] = [];
    rawPrices.forEach((rawPrice: unknown, priceIndex) => {
      const priceAt = `${rateAt}.negotiated_prices[${priceIndex}]`;
      const fields = readPrice(rawPrice, priceAt, sink);
      const filteredOut = fields === null ? "invalidPrice" : priceFilteredOut(fields, filter);
      if (filteredOut !== null) countSkip(filteredOut);
      else if (fields !== null) prices.push({ at: priceAt, fields });
    });
    if (providers === null) {
      for (let i = 0; i < prices.length; i++) countSkip("invalidPrice");
      return;
    }
    if (prices.length > 0) rates.push({ code, codeType: codeType.toUpperCase(), at: rateAt, providers, prices });
  });
  return { kept: true, rates };
}
