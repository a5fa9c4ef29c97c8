/**
 * A hospital file as a sequence of text chunks, whatever it comes as: a File or Blob (read by slices, so a 500 MB
 * file is never held whole), a stream of bytes or text (Node's fs streams, fetch bodies), or a whole text (tests).
 * Each chunk says how many bytes of the file it is, for progress.
 */
import { blobSlices, isBlob, SLICE_BYTES, type FileSource } from "../fileSource";
import type { HospitalMrfOptions, HospitalMrfProgress } from "./result";

export type { ByteBlob } from "../fileSource";

/** What the readers take. */
export type HospitalMrfInput = FileSource;

/** A piece of the file's text and the number of bytes of the file it came from. */
export interface TextChunk {
  readonly text: string;
  readonly bytes: number;
}

/** About 1 MB per chunk: papaparse and the JSON tokenizer work at full speed and memory stays a few MB. */
const CHUNK_SIZE = SLICE_BYTES;

/** The file's size when it is known before reading. */
export function totalBytesOf(input: HospitalMrfInput): number | null {
  if (typeof input === "string") return utf8Length(input);
  return isBlob(input) ? input.size : null;
}

/** The UTF-8 length of a text, counted rather than encoded so that no copy is made. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The input as text chunks; bytes are decoded as UTF-8 (what the CMS templates require). */
export async function* textChunks(input: HospitalMrfInput): AsyncGenerator<TextChunk> {
  if (typeof input === "string") {
    for (let start = 0; start < input.length;) {
      let end = Math.min(input.length, start + CHUNK_SIZE);
      // Never split a surrogate pair between two chunks.
      if (end < input.length && input.charCodeAt(end - 1) >= 0xd800 && input.charCodeAt(end - 1) <= 0xdbff) end++;
      const text = input.slice(start, end);
      yield { text, bytes: utf8Length(text) };
      start = end;
    }
    return;
  }
  const decoder = new TextDecoder("utf-8");
  for await (const piece of isBlob(input) ? blobSlices(input) : input) {
    if (typeof piece === "string") yield { text: piece, bytes: utf8Length(piece) };
    else yield { text: decoder.decode(piece, { stream: true }), bytes: piece.byteLength };
  }
  const rest = decoder.decode();
  if (rest !== "") yield { text: rest, bytes: 0 };
}

/** The longest stretch of reading between two turns of the event loop, so a task pane repaints and hears Cancel. */
const SLICE_MS = 16;

/** Reports progress after each chunk, gives the event loop a turn now and then, and tells whether to stop. */
export class ReadPacer {
  private bytesRead = 0;
  private sliceStart = Date.now();
  private readonly totalBytes: number | null;

  constructor(
    input: HospitalMrfInput,
    private readonly options: HospitalMrfOptions,
  ) {
    this.totalBytes = options.onProgress === undefined ? null : totalBytesOf(input);
  }

  /** After a chunk: true when the reader must stop because the signal aborted. */
  async afterChunk(chunk: TextChunk, rowsRead: number): Promise<boolean> {
    this.bytesRead += chunk.bytes;
    const progress: HospitalMrfProgress = { bytesRead: this.bytesRead, totalBytes: this.totalBytes, rowsRead };
    this.options.onProgress?.(progress);
    if (Date.now() - this.sliceStart >= SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      this.sliceStart = Date.now();
    }
    return this.options.signal?.aborted === true;
  }

  /** Whether the signal aborted before reading started. */
  get aborted(): boolean {
    return this.options.signal?.aborted === true;
  }
}
