/**
 * What the Transparency in Coverage in-network reader takes and gives (DOMAIN.md 5.2): the file as chunks or a
 * Blob, a {@link MarketRateFilter}, progress and cancel; back, the rates kept, a summary of what was skipped and
 * positioned issues.
 */
import type { MarketRate } from "../marketRate";
import type { ByteBlob, FileSource } from "../fileSource";

/** How the provider group's tax id is typed in the file: an EIN, or an NPI for a sole practitioner. */
export type TicTinType = "ein" | "npi";

/**
 * One negotiated price of a TiC in-network file at one provider group: the shared {@link MarketRate} plus what only
 * a plan's file says (place of service codes, expiration, the group's TIN and NPIs).
 */
export interface TicRate extends MarketRate {
  readonly source: "tic";
  /** CMS place of service codes the price applies to (professional claims), e.g. ["11", "22"]; empty when none. */
  readonly placeOfServiceCodes: readonly string[];
  /** The contract's expiration as published, YYYY-MM-DD; "9999-12-31" is the CMS convention for evergreen. */
  readonly expirationDate: string;
  readonly tinType: TicTinType;
  /** The TIN as published (EINs keep their dash: "11-1111111"). */
  readonly tinValue: string;
  /** The NPIs of the group, as 10-digit text; [0] alone means a TIN-level contract (DOMAIN.md 5.2). */
  readonly npis: readonly string[];
  /** The top-level provider_group_id the rate was resolved through, or null for provider groups given inline. */
  readonly providerGroupId: number | null;
  readonly additionalInformation: string | null;
}

/** Why something in the file was read but not kept; each counts its own unit (see {@link SKIP_UNITS}). */
export const TIC_SKIP_REASONS = [
  "codeNotRequested",
  "bundleArrangement",
  "capitationArrangement",
  "invalidItem",
  "settingNotRequested",
  "billingClassNotRequested",
  "invalidPrice",
  "providerNotRequested",
  "remoteProviderReference",
  "unknownProviderReference",
] as const;
export type TicSkipReason = (typeof TIC_SKIP_REASONS)[number];

/** What each skip reason counts: in_network items, negotiated prices, provider groups or provider references. */
export const SKIP_UNITS = {
  codeNotRequested: "item",
  bundleArrangement: "item",
  capitationArrangement: "item",
  invalidItem: "item",
  settingNotRequested: "price",
  billingClassNotRequested: "price",
  invalidPrice: "price",
  providerNotRequested: "providerGroup",
  remoteProviderReference: "reference",
  unknownProviderReference: "reference",
} as const satisfies Record<TicSkipReason, "item" | "price" | "providerGroup" | "reference">;

/** What a reading kept and skipped, for the task pane's summary. */
export interface TicReadSummary {
  readonly bytesRead: number;
  readonly itemsRead: number;
  readonly itemsKept: number;
  readonly ratesKept: number;
  /** Provider references that point to a remote file (`location`): the add-in has no network to fetch them. */
  readonly remoteReferenceCount: number;
  readonly skipped: Readonly<Record<TicSkipReason, number>>;
}

/** How far a reading has got, reported after each chunk. */
export interface TicProgress {
  readonly bytesRead: number;
  /** The file's size when known (a Blob), else null. */
  readonly totalBytes: number | null;
  readonly itemsRead: number;
  readonly itemsKept: number;
}

/** A file as the browser gives it (File, Blob) or Node's Blob: read in slices, never whole. */
export type TicBlob = ByteBlob;

/** The file: a Blob, or its text or bytes in chunks of any size (an fs stream, a fetch body, an array of strings). */
export type TicSource = Exclude<FileSource, string>;

/** How a reading reports and is cancelled. */
export interface TicReadOptions {
  /** Aborting stops the reading at the next chunk; the result is then the "cancelled" refusal. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: TicProgress) => void;
  /** Bytes per slice read from a Blob; default 1 MiB. */
  readonly blobSliceBytes?: number;
}
