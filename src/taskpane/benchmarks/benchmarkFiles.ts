/**
 * The price-transparency files the Benchmarks tab reads, by kind: each kind of file is declared once in
 * {@link BENCHMARK_FILE_KINDS} (its picker's words and its reader), and every chosen file is read through that one
 * table, so a kind added there gets its picker and its reading with nothing else to change. Each file is read as a
 * stream (a 500 MB hospital file is never held whole), filtered while reading, with progress in bytes and rows and
 * Cancel; a file that cannot be read is refused with the reason and never stops the others.
 */
import type { MarketRate, MarketRateFilter } from "../../formats/priceTransparency/marketRate";
import {
  hospitalMrfIssueMessage,
  readHospitalMrf,
  SKIP_REASONS,
  type ByteBlob,
  type HospitalMrfRead,
  type SkipReason,
} from "../../formats/priceTransparency/hospitalMrf";
import {
  readTicInNetwork,
  SKIP_UNITS,
  TIC_SKIP_REASONS,
  ticIssueMessage,
  type TicRead,
  type TicSkipReason,
} from "../../formats/priceTransparency/tic";
import type { Operation } from "../progress/operation";
import { readFileBytes, type ChosenFile } from "../shared/readFileBytes";
import { countOf } from "../shared/wording";

/** The kinds of file the tab reads: hospitals' machine-readable files and plans' TiC in-network files. */
export const BENCHMARK_FILE_KIND_IDS = ["hospitalMrf", "tic"] as const;
export type BenchmarkFileKindId = (typeof BENCHMARK_FILE_KIND_IDS)[number];

/** How far the reading of one file has got. */
export interface FileReadProgress {
  readonly bytesRead: number;
  readonly rowsRead: number;
}

/** What a kind's reader is given besides the file. */
export interface FileReadOptions {
  readonly filter: MarketRateFilter;
  readonly signal: AbortSignal;
  readonly onProgress: (progress: FileReadProgress) => void;
}

/** What a file gave: its rates and the counts and problems the tab shows. */
export interface FileContents {
  /** Who published it (the hospital, the plan's reporting entity). */
  readonly publisher: string;
  /** Its format in words: "CSV tall, version 3.0.0". */
  readonly format: string;
  readonly rates: readonly MarketRate[];
  /** Items read (CSV rows, JSON items). */
  readonly rowsRead: number;
  /** Charges that gave no rate, by reason in the user's words (reasons with none left out). */
  readonly skipped: readonly { readonly reason: string; readonly count: number }[];
  /** Positioned problems, each naming where it is in the file. */
  readonly problems: readonly string[];
  /** Problems past those listed, only counted. */
  readonly problemsNotListed: number;
}

/** A kind's reading of one file: its contents, or the message saying why the whole file is refused. */
export type FileReadOutcome =
  | { readonly ok: true; readonly contents: FileContents }
  | { readonly ok: false; readonly message: string; readonly cancelled: boolean };

/** One kind of file: the picker's words and the reader. */
export interface BenchmarkFileKind {
  /** The accessible name of the kind's file input, and what the list calls such a file. */
  readonly label: string;
  /** The picker's button text. */
  readonly button: string;
  readonly accept: string;
  readonly read: (file: ChosenFile, options: FileReadOptions) => Promise<FileReadOutcome>;
}

/** Why a hospital file's charges gave no rate, in the user's words. */
const SKIP_REASON_WORDS = {
  filteredOut: "other codes, settings or billing classes",
  algorithmOnly: "an algorithm only, no number",
  noNegotiatedCharge: "no negotiated charge",
  placeholder: "placeholder 999999999",
  notPositive: "zero or negative",
  modifierAdjustment: "modifier adjustments",
  hospitalCodeOnly: "hospital-only codes (CDM, LOCAL)",
  invalidValue: "invalid values",
  rowMalformed: "malformed rows",
} as const satisfies Record<SkipReason, string>;

const LAYOUT_WORDS = { tall: "CSV tall", wide: "CSV wide", json: "JSON" } as const;

function hospitalContents(read: HospitalMrfRead): FileContents {
  const { summary } = read;
  return {
    publisher: read.hospital,
    format: `${LAYOUT_WORDS[read.format.layout]}, version ${read.format.version}`,
    rates: read.rates,
    rowsRead: summary.rowsRead,
    skipped: SKIP_REASONS.filter((reason) => summary.skipped[reason] > 0).map((reason) => ({
      reason: SKIP_REASON_WORDS[reason],
      count: summary.skipped[reason],
    })),
    // Each message names its row and column, or its JSON path.
    problems: read.issues.map(hospitalMrfIssueMessage),
    problemsNotListed: read.issuesNotListed,
  };
}

/** Why a plan file's items, prices or provider groups gave no rate, in the user's words. */
const TIC_SKIP_WORDS = {
  codeNotRequested: "other codes",
  bundleArrangement: "bundles",
  capitationArrangement: "capitation arrangements",
  invalidItem: "invalid items",
  settingNotRequested: "other settings",
  billingClassNotRequested: "other billing classes",
  invalidPrice: "invalid prices",
  providerNotRequested: "other providers",
  remoteProviderReference: "remote provider references (not fetched: the add-in uses no network)",
  unknownProviderReference: "unknown provider references",
} as const satisfies Record<TicSkipReason, string>;

const SKIP_UNIT_WORDS = { item: "items", price: "prices", providerGroup: "provider groups", reference: "references" } as const; // prettier-ignore

function ticContents(read: TicRead): FileContents {
  const { summary } = read;
  const omitted = read.warnings.find((w) => w.code === "warningsOmitted");
  return {
    publisher: read.publisher,
    format: `TiC in-network JSON${read.version === null ? "" : `, version ${read.version}`}`,
    rates: read.rates,
    rowsRead: summary.itemsRead,
    skipped: TIC_SKIP_REASONS.filter((reason) => summary.skipped[reason] > 0).map((reason) => ({
      reason: `${TIC_SKIP_WORDS[reason]} (${SKIP_UNIT_WORDS[SKIP_UNITS[reason]]})`,
      count: summary.skipped[reason],
    })),
    // Each message names its JSON path.
    problems: read.warnings.filter((w) => w.code !== "warningsOmitted").map(ticIssueMessage),
    problemsNotListed: omitted?.code === "warningsOmitted" ? omitted.count : 0,
  };
}

/**
 * A chosen file as the readers take it, read by slices through FileReader: the same bytes in every browser the
 * add-in runs in and in jsdom (whose Blob has no arrayBuffer); a slice the browser cannot read rejects with its
 * reason, which the reader reports as the file not read.
 */
export function blobOf(file: ChosenFile): ByteBlob {
  return {
    size: file.size,
    slice: (start, end) => ({
      arrayBuffer: async () => {
        const bytes = await readFileBytes(file.slice(start, end) as ChosenFile);
        if (!bytes.ok) throw new Error(bytes.issue);
        // The bytes are a view of FileReader's whole ArrayBuffer.
        return bytes.value.buffer as ArrayBuffer;
      },
    }),
  };
}

/** Every kind of file the tab reads. */
export const BENCHMARK_FILE_KINDS = {
  hospitalMrf: {
    label: "Hospital price files",
    button: "Choose hospital files…",
    accept: ".csv,.json,.txt,.gz",
    read: async (file, { filter, signal, onProgress }) => {
      const read = await readHospitalMrf(blobOf(file), { filter, signal, onProgress });
      return read.ok
        ? { ok: true, contents: hospitalContents(read.value) }
        : { ok: false, message: hospitalMrfIssueMessage(read.issue), cancelled: read.issue.code === "cancelled" };
    },
  },
  tic: {
    label: "Health plan in-network files",
    button: "Choose plan files…",
    accept: ".json,.gz",
    read: async (file, { filter, signal, onProgress }) => {
      const read = await readTicInNetwork(blobOf(file), filter, {
        signal,
        onProgress: ({ bytesRead, itemsRead }) => onProgress({ bytesRead, rowsRead: itemsRead }),
      });
      return read.ok
        ? { ok: true, contents: ticContents(read.value) }
        : { ok: false, message: ticIssueMessage(read.issue), cancelled: read.issue.code === "cancelled" };
    },
  },
} as const satisfies Record<BenchmarkFileKindId, BenchmarkFileKind>;

/** A chosen file and the kind it was chosen as. */
export interface ChosenBenchmarkFile {
  readonly kind: BenchmarkFileKindId;
  readonly file: ChosenFile;
}

/** A file after reading: its contents, or why it is refused. */
export type BenchmarkFilePreview = {
  readonly kind: BenchmarkFileKindId;
  readonly fileName: string;
  readonly sizeBytes: number;
} & ({ readonly status: "read"; readonly contents: FileContents } | { readonly status: "refused"; readonly message: string }); // prettier-ignore

/** Where the reading of the chosen files stands, beside the bar's bytes: which file, and its rows read so far. */
export interface ReadingDetail {
  readonly fileName: string;
  readonly fileNumber: number;
  readonly fileCount: number;
  readonly rowsRead: number;
}

/** What the reading operation takes: the files, the filter, and a hand for the detail line. */
export interface ReadFilesInput {
  readonly files: readonly ChosenBenchmarkFile[];
  readonly filter: MarketRateFilter;
  readonly onDetail?: (detail: ReadingDetail) => void;
}

const READING_CANCELLED = "Reading the files was cancelled: no rate of them is kept. Read them again when ready.";

/**
 * Reads the chosen files one after another, each by its kind's reader, as a task-pane operation: progress in bytes
 * over all the files (and, through `onDetail`, the file and its rows read), and Cancel at the next piece of the file
 * being read (nothing of a cancelled reading is kept).
 */
export const readBenchmarkFiles: Operation<ReadFilesInput, BenchmarkFilePreview[]> = async (
  { files, filter, onDetail },
  { signal, onProgress },
) => {
  const total = files.reduce((sum, { file }) => sum + file.size, 0);
  const previews: BenchmarkFilePreview[] = [];
  let before = 0;
  onProgress({ done: 0, total });
  for (const [index, { kind, file }] of files.entries()) {
    if (signal.aborted) break;
    const detail = { fileName: file.name, fileNumber: index + 1, fileCount: files.length };
    onDetail?.({ ...detail, rowsRead: 0 });
    const outcome = await BENCHMARK_FILE_KINDS[kind].read(file, {
      filter,
      signal,
      onProgress: ({ bytesRead, rowsRead }) => {
        onProgress({ done: before + Math.min(bytesRead, file.size), total });
        onDetail?.({ ...detail, rowsRead });
      },
    });
    if (!outcome.ok && outcome.cancelled) break;
    const shown = { kind, fileName: file.name, sizeBytes: file.size };
    previews.push(outcome.ok ? { ...shown, status: "read", contents: outcome.contents } : { ...shown, status: "refused", message: outcome.message }); // prettier-ignore
    before += file.size;
    onProgress({ done: before, total });
  }
  return signal.aborted
    ? { ok: false, cancelled: true, message: READING_CANCELLED }
    : { ok: true, value: previews, message: `Read ${countOf(previews.length, "file", "files")}.` };
};

/** The rates of the files read, by file, as the Benchmarks table is written from them. */
export function ratesOf(previews: readonly BenchmarkFilePreview[]) {
  return previews.flatMap((preview) =>
    preview.status === "read" ? [{ fileName: preview.fileName, rates: preview.contents.rates }] : [],
  );
}
