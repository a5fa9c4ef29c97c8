/**
 * What reading a hospital MRF gives back, and how it is asked for: the same shape for CSV tall, CSV wide and JSON.
 */
import type { Result } from "../../../engine";
import type { MarketRate, MarketRateFilter } from "../marketRate";
import type { HospitalMrfSummary, RateCollector } from "./collector";
import type { HospitalMrfFileIssue, HospitalMrfRowIssue } from "./issues";

/** The three layouts CMS publishes a hospital file in. */
export const HOSPITAL_MRF_LAYOUTS = ["tall", "wide", "json"] as const;
export type HospitalMrfLayout = (typeof HOSPITAL_MRF_LAYOUTS)[number];

/** The template generations this reader knows: 2.x (2.0.0 to 2.2.0) and 3.0.0 (from 2026). */
export type HospitalMrfGeneration = "v2" | "v3";

/** The file's kind as detected while reading. */
export interface HospitalMrfFormat {
  readonly layout: HospitalMrfLayout;
  readonly generation: HospitalMrfGeneration;
  /** The version as the file writes it ("2.0.0", "3.0.0"). */
  readonly version: string;
}

/** How far reading has got, for a progress bar: bytes of the file and item rows read. */
export interface HospitalMrfProgress {
  readonly bytesRead: number;
  /** The file's size when known (a Blob or a whole text), else null. */
  readonly totalBytes: number | null;
  readonly rowsRead: number;
}

/** What to keep, how to report progress, and how to cancel. */
export interface HospitalMrfOptions {
  readonly filter?: MarketRateFilter;
  readonly onProgress?: (progress: HospitalMrfProgress) => void;
  /** Aborting stops reading at the next chunk; the result is then the `cancelled` issue, with no rate. */
  readonly signal?: AbortSignal;
}

/** A hospital file read to its end. */
export interface HospitalMrfRead {
  readonly format: HospitalMrfFormat;
  /** hospital_name, as the file writes it. */
  readonly hospital: string;
  readonly rates: readonly MarketRate[];
  readonly summary: HospitalMrfSummary;
  /** Positioned problems with single charges, each skipped; at most MAX_LISTED_ISSUES of them. */
  readonly issues: readonly HospitalMrfRowIssue[];
  /** Positioned problems past the listed ones, only counted. */
  readonly issuesNotListed: number;
}

/** The rates and counts of a file, or the one problem that refused it (then no rate at all). */
export type HospitalMrfResult = Result<HospitalMrfRead, HospitalMrfFileIssue>;

/** The general data a rate names: who published the file and which locations it covers. */
export interface HospitalIdentity {
  readonly hospital: string;
  readonly locations: readonly string[];
}

/** Whom the rates pay: the file's locations when it names them, else the hospital. */
export function providerOf(identity: HospitalIdentity): string {
  return identity.locations.length > 0 ? identity.locations.join("; ") : identity.hospital;
}

/** The finished read: the collected rates with the hospital filled in. */
export function finishRead(
  collector: RateCollector,
  format: HospitalMrfFormat,
  identity: HospitalIdentity,
): HospitalMrfRead {
  const publisher = identity.hospital;
  const provider = providerOf(identity);
  return {
    format,
    hospital: publisher,
    rates: collector.drafts.map((draft) => ({ ...draft, publisher, provider })),
    summary: collector.summary(),
    issues: collector.issues,
    issuesNotListed: collector.issuesNotListed,
  };
}

const GENERATION_OF_MAJOR: Readonly<Record<string, HospitalMrfGeneration>> = { "2": "v2", "3": "v3" };

/** The generation of a version text ("2.0.0", "2.2", "3.0.0"), or null when it is neither 2.x nor 3.x. */
export function generationOf(version: string): HospitalMrfGeneration | null {
  const major = /^v?(\d+)\.\d+(\.\d+)?$/i.exec(version.trim())?.[1];
  return major !== undefined && Object.hasOwn(GENERATION_OF_MAJOR, major) ? GENERATION_OF_MAJOR[major]! : null;
}
