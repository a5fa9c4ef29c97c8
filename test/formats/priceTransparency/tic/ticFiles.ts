// Helpers of the TiC reader tests: the shared CMS example files, and variants built from them as the tests need.
import { readSharedData } from "../../../support/sharedData";
import {
  readTicInNetwork,
  ticIssueMessage,
  type TicRead,
  type TicRefusal,
} from "../../../../src/formats/priceTransparency/tic";
import type { MarketRateFilter } from "../../../../src/formats/priceTransparency/marketRate";

/** The text of a file of data/price-transparency/tic. */
export function ticFile(name: string): string {
  return readSharedData(`price-transparency/tic/${name}`);
}

export const FFS = "in-network-rates-fee-for-service-single-plan-sample.json";
export const ALL_TYPES = "in-network-rates-all-negotiated-types-sample.json";
export const MULTIPLE_PLANS = "in-network-rates-multiple-plans-sample.json";
export const NO_NPI = "in-network-rates-no-npi.json";
export const BUNDLE = "in-network-rates-bundle-single-plan-sample.json";
export const CAPITATION = "in-network-rates-capitation-single-plan-sample.json";

/** Reads text that must be accepted; fails the test with the refusal's message otherwise. */
export async function readOk(text: string | string[], filter: MarketRateFilter = {}): Promise<TicRead> {
  const result = await readTicInNetwork(Array.isArray(text) ? text : [text], filter);
  if (!result.ok) throw new Error(`refused: ${ticIssueMessage(result.issue)}`);
  return result.value;
}

/** Reads text that must be refused, and returns the refusal. */
export async function readRefused(text: string | string[]): Promise<TicRefusal> {
  const result = await readTicInNetwork(Array.isArray(text) ? text : [text]);
  if (result.ok) throw new Error(`read ${result.value.rates.length} rates from a file that should be refused`);
  return result.issue;
}

/** A real file's JSON with its top-level fields in another order (same values), e.g. provider_references last. */
export function withTopKeysOrdered(text: string, firstKeys: readonly string[], lastKeys: readonly string[]): string {
  const document = JSON.parse(text) as Record<string, unknown>;
  const keys = Object.keys(document);
  const middle = keys.filter((key) => !firstKeys.includes(key) && !lastKeys.includes(key));
  const ordered: Record<string, unknown> = {};
  for (const key of [...firstKeys, ...middle, ...lastKeys]) if (key in document) ordered[key] = document[key];
  return JSON.stringify(ordered, null, 2);
}

/** Any JSON value of a parsed file, so that a test can reach into it by path without declaring the whole schema. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test edits a different deep path of a real file
type EditableJson = any;

/** A real file changed through its parsed JSON (the edit mutates it), written back as text. */
export function edited(text: string, edit: (document: EditableJson) => void): string {
  const document = JSON.parse(text);
  edit(document);
  return JSON.stringify(document, null, 2);
}

/** A rate as a short line, for comparing lists of rates: "27447 123.45 professional ACME ... (EIN 11-1111111)". */
export function rateLine(rate: TicRead["rates"][number]): string {
  return `${rate.code} ${rate.rate.toString()} ${rate.billingClass} ${rate.setting} ${rate.provider} ${rate.at}`;
}

/** The text cut into pieces of 1 to 7 characters, in a repeating pattern. */
export function tinyChunks(text: string): string[] {
  const chunks: string[] = [];
  for (let at = 0, n = 0; at < text.length; n++) {
    const size = 1 + (n % 7);
    chunks.push(text.slice(at, at + size));
    at += size;
  }
  return chunks;
}
