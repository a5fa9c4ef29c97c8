/**
 * Hospital machine-readable files (45 CFR 180.50; DOMAIN.md 5.1, 5.3): CSV tall, CSV wide and JSON, template v2.x
 * and v3.0.0, read as a stream into MarketRate records. One entry point, {@link readHospitalMrf}, detects the kind.
 */
import { fail } from "../../../engine";
import { GunzipFailure, gunzipSlices, isGzipBlob, type ByteBlob } from "../fileSource";
import { readHospitalMrfCsv } from "./csvReader";
import type { NotMrfKind } from "./issues";
import { readHospitalMrfJson } from "./jsonReader";
import type { HospitalMrfOptions, HospitalMrfResult } from "./result";
import { ReadPacer, textChunks, type HospitalMrfInput, type TextChunk } from "./textChunks";

export { SKIP_REASONS, MAX_LISTED_ISSUES, type SkipReason, type HospitalMrfSummary } from "./collector";
export {
  HOSPITAL_MRF_ISSUE_MESSAGES,
  hospitalMrfIssueMessage,
  positionText,
  type HospitalMrfFileIssue,
  type HospitalMrfIssue,
  type HospitalMrfRowIssue,
  type MrfPosition,
  type NotMrfKind,
} from "./issues";
export {
  HOSPITAL_MRF_LAYOUTS,
  type HospitalMrfFormat,
  type HospitalMrfGeneration,
  type HospitalMrfLayout,
  type HospitalMrfOptions,
  type HospitalMrfProgress,
  type HospitalMrfRead,
  type HospitalMrfResult,
} from "./result";
export type { ByteBlob, HospitalMrfInput } from "./textChunks";

/** The two syntaxes a hospital file comes in; tall and wide are told apart by the CSV reader from row 3. */
type Syntax = "csv" | "json";

type Reader = (
  chunks: AsyncIterable<TextChunk>,
  pacer: ReadPacer,
  filter: NonNullable<HospitalMrfOptions["filter"]>,
) => Promise<HospitalMrfResult>;

const READERS = { csv: readHospitalMrfCsv, json: readHospitalMrfJson } as const satisfies Record<Syntax, Reader>;

/** What the start of the file is: a hospital file's syntax, or what else it is. */
function syntaxOf(start: string): Syntax | { notMrf: NotMrfKind } {
  const text = start.replace(/^\uFEFF/, "").trimStart();
  // NUL characters and the PDF/ZIP signatures mean a binary file chosen by mistake.
  if (text.slice(0, 4096).includes("\u0000") || text.startsWith("%PDF") || text.startsWith("PK\u0003\u0004"))
    return { notMrf: "binary" };
  if (!text.startsWith("{") && !text.startsWith("[")) return "csv";
  // A plan's TiC file names its reporting entity and in_network list at the top; a hospital file has neither.
  if (!text.includes('"hospital_name"') && /"(reporting_entity_name|in_network|provider_references)"/.test(text))
    return { notMrf: "tic" };
  return "json";
}

/** The chunks already read followed by the rest. */
async function* prepend(first: readonly TextChunk[], rest: AsyncIterator<TextChunk>): AsyncGenerator<TextChunk> {
  yield* first;
  for (;;) {
    const next = await rest.next();
    if (next.done === true) return;
    yield next.value;
  }
}

/**
 * Reads a hospital MRF (CSV tall or wide, or JSON; v2.x or v3.0.0) as a stream: the rates kept by the filter, a
 * summary (rates kept, charges skipped by reason) and positioned issues, or the one issue that refused the file
 * (not an MRF, unknown version, missing headers, a cut file, cancelled) with no rate.
 * @example
 * const result = await readHospitalMrf(file, { filter: { codes: new Set(["70551"]) }, onProgress, signal });
 * if (result.ok) result.value.rates // [{ payer: "Platform Health Insurance", plan: "PPO", rate: 400, ... }]
 */
export async function readHospitalMrf(
  input: HospitalMrfInput,
  options: HospitalMrfOptions = {},
): Promise<HospitalMrfResult> {
  if (options.signal?.aborted === true) return fail({ code: "cancelled", rowsRead: 0 });
  try {
    // A gzip file (.csv.gz, .json.gz) is read decompressed, its size then unknown (fileSource.ts).
    const source = (await isGzipBlob(input)) ? gunzipSlices(input as ByteBlob) : input;
    const pacer = new ReadPacer(source, options);
    if (pacer.aborted) return fail({ code: "cancelled", rowsRead: 0 });
    const chunks = textChunks(source)[Symbol.asyncIterator]();
    const first: TextChunk[] = [];
    let start = "";
    // Read until the file shows its first characters (a Blob slice or a stream piece may be nearly empty).
    while (start.trim().length < 64) {
      const next = await chunks.next();
      if (next.done === true) break;
      first.push(next.value);
      start += next.value.text;
      if (start.length > 65536) break;
    }
    if (start.replace(/^\uFEFF/, "").trim() === "") return fail({ code: "fileEmpty" });
    const syntax = syntaxOf(start);
    if (typeof syntax !== "string")
      return fail({ code: "notHospitalMrf", looksLike: syntax.notMrf, start: printable(start) });
    return await READERS[syntax](prepend(first, chunks), pacer, options.filter ?? {});
  } catch (error) {
    // Reading a File or stream can fail (the file was moved, the disk or network failed): say so, never crash.
    if (error instanceof GunzipFailure) return fail(error.problem);
    return fail({ code: "readFailed", detail: error instanceof Error ? error.message : String(error) });
  }
}

/** The first characters of the file for a message, control characters shown as spaces. */
function printable(start: string): string {
  return start
    .replace(/^\uFEFF/, "")
    .trimStart()
    .slice(0, 40)
    .replace(/\p{Cc}|\ufffd/gu, " ");
}
