/**
 * The 835 files a user picked, read in the browser and parsed into what the Remittances panel previews: per file,
 * its counts and warnings, or why it is refused. A refused file never stops the others (ARCHITECTURE.md s.10:
 * oversized files are refused up front, before a byte is read, with their size and the limit).
 */
import type { RemittanceSource } from "../../excel/remittances/remittanceTable";
import {
  DEFAULT_MAX_835_BYTES,
  parse835,
  remit835IssueMessage,
  remit835UserMessage,
  type Remit835File,
  type SegmentPosition,
} from "../../formats/remit835";
import type { Operation } from "../progress/operation";
import { readFileBytes, type ChosenFile } from "../shared/readFileBytes";
import { countOf } from "../shared/wording";

export type { ChosenFile } from "../shared/readFileBytes";

/** One warning of a file as the preview lists it: the message (which names the segment) and where it is. */
export interface RemittanceWarningItem {
  readonly message: string;
  readonly position: SegmentPosition;
}

/** What the preview shows of a file that will be imported. */
export interface RemittanceFileSummary {
  readonly interchangeCount: number;
  readonly claimCount: number;
  readonly lineCount: number;
  /** Lines denied in full. */
  readonly deniedLineCount: number;
  readonly partialDenialLineCount: number;
  readonly warnings: readonly RemittanceWarningItem[];
}

/** A chosen file after reading: accepted with its parsed content, or refused with the message to show. */
export type RemittanceFilePreview =
  | {
      readonly status: "accepted";
      readonly fileName: string;
      readonly sizeBytes: number;
      readonly source: RemittanceSource;
      readonly summary: RemittanceFileSummary;
    }
  | { readonly status: "refused"; readonly fileName: string; readonly sizeBytes: number; readonly message: string };

/** Parses one file's bytes into its preview. */
export function previewRemittance(
  fileName: string,
  bytes: Uint8Array,
  maxBytes: number = DEFAULT_MAX_835_BYTES,
): RemittanceFilePreview {
  const parsed = parse835(bytes, { maxBytes });
  if (!parsed.ok) {
    return { status: "refused", fileName, sizeBytes: bytes.byteLength, message: remit835IssueMessage(parsed.issue) };
  }
  const file = parsed.value;
  return {
    status: "accepted",
    fileName,
    sizeBytes: bytes.byteLength,
    source: { fileName, file },
    summary: summarize(file),
  };
}

/**
 * Reads and parses one chosen file. A file over `maxBytes` is refused from its size alone, without being read;
 * a file the browser cannot read is refused with the reason.
 */
export async function readRemittanceFile(
  file: ChosenFile,
  maxBytes: number = DEFAULT_MAX_835_BYTES,
): Promise<RemittanceFilePreview> {
  const refused = (message: string): RemittanceFilePreview => ({
    status: "refused",
    fileName: file.name,
    sizeBytes: file.size,
    message,
  });
  if (file.size > maxBytes) {
    return refused(remit835IssueMessage({ code: "fileTooLarge", sizeBytes: file.size, limitBytes: maxBytes }));
  }
  const bytes = await readFileBytes(file);
  return bytes.ok
    ? previewRemittance(file.name, bytes.value, maxBytes)
    : refused(`The file cannot be read: ${bytes.issue}.`);
}

/** What the user reads when the reading of the chosen files was cancelled (the files listed before stay). */
const READING_CANCELLED = "Reading the files was cancelled: choose them again to see what they hold.";

/**
 * Reads the chosen files one after another (one parsed file in memory at a time while reading), in order, as a
 * task-pane operation: progress in files, and Cancel between two files (the file being read is finished first;
 * nothing of a cancelled reading is kept).
 */
export function readRemittanceFilesOperation(
  maxBytes: number = DEFAULT_MAX_835_BYTES,
): Operation<readonly ChosenFile[], RemittanceFilePreview[]> {
  return async (files, { signal, onProgress }) => {
    const previews: RemittanceFilePreview[] = [];
    onProgress({ done: 0, total: files.length });
    for (const file of files) {
      if (signal.aborted) break;
      previews.push(await readRemittanceFile(file, maxBytes));
      onProgress({ done: previews.length, total: files.length });
    }
    return signal.aborted
      ? { ok: false, cancelled: true, message: READING_CANCELLED }
      : { ok: true, value: previews, message: `Read ${countOf(previews.length, "file", "files")}.` };
  };
}

/** Reads the chosen files one after another, in order, without progress or Cancel (for callers outside the pane). */
export async function readRemittanceFiles(
  files: readonly ChosenFile[],
  maxBytes: number = DEFAULT_MAX_835_BYTES,
): Promise<RemittanceFilePreview[]> {
  const previews: RemittanceFilePreview[] = [];
  for (const file of files) previews.push(await readRemittanceFile(file, maxBytes));
  return previews;
}

/** The sources of the accepted files, in the order chosen. */
export function acceptedSources(previews: readonly RemittanceFilePreview[]): RemittanceSource[] {
  return previews.flatMap((preview) => (preview.status === "accepted" ? [preview.source] : []));
}

function summarize(file: Remit835File): RemittanceFileSummary {
  let deniedLineCount = 0;
  let partialDenialLineCount = 0;
  for (const line of file.lines) {
    if (line.deniedFlag) deniedLineCount++;
    if (line.partialDenialFlag) partialDenialLineCount++;
  }
  return {
    interchangeCount: file.interchangeCount,
    claimCount: file.transactions.reduce((sum, transaction) => sum + transaction.claims.length, 0),
    lineCount: file.lines.length,
    deniedLineCount,
    partialDenialLineCount,
    warnings: file.warnings.map((warning) => ({ message: remit835UserMessage(warning), position: warning.position })),
  };
}
