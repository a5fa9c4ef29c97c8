/**
 * The bytes of a TiC file, whatever the caller has: a Blob or File (read in slices, never whole), or chunks of text
 * or bytes from any (async) iterable. Text is encoded to UTF-8 here, so that progress counts bytes in every case.
 */
import { blobSlices, isBlob, SLICE_BYTES, type FileSource } from "../fileSource";
import type { NotJsonKind } from "./issues";

/** One MiB slices: large enough that the per-slice cost vanishes, small enough to stay far from the memory budget. */
export const DEFAULT_BLOB_SLICE_BYTES = SLICE_BYTES;

/** The size of the file when it is known before reading (a Blob), else null. */
export function sourceSize(source: FileSource): number | null {
  return isBlob(source) ? source.size : null;
}

/** Encodes text chunks to UTF-8, holding a high surrogate at a chunk's end back for the next chunk. */
class Utf8Chunks {
  private readonly encoder = new TextEncoder();
  private pending = "";

  encode(text: string): Uint8Array {
    let whole = this.pending + text;
    this.pending = "";
    const last = whole.charCodeAt(whole.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.pending = whole.slice(-1);
      whole = whole.slice(0, -1);
    }
    return this.encoder.encode(whole);
  }

  flush(): Uint8Array {
    const rest = this.pending;
    this.pending = "";
    return this.encoder.encode(rest);
  }
}

/** The file's bytes in chunks, in order. */
export async function* byteChunks(source: FileSource, sliceBytes: number): AsyncGenerator<Uint8Array> {
  if (isBlob(source)) {
    yield* blobSlices(source, sliceBytes);
    return;
  }
  const text = new Utf8Chunks();
  const chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array> =
    typeof source === "string" ? [source] : source;
  for await (const chunk of chunks) yield typeof chunk === "string" ? text.encode(chunk) : chunk;
  const rest = text.flush();
  if (rest.byteLength > 0) yield rest;
}

/** Characters that may precede a JSON document: whitespace and the UTF-8 byte-order mark. */
function isLeading(byte: number): boolean {
  return (
    byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0xef || byte === 0xbb || byte === 0xbf
  );
}

/** Where the first character of the document is in a chunk, or -1 when the chunk holds only whitespace. */
export function firstContentIndex(chunk: Uint8Array): number {
  for (let i = 0; i < chunk.length; i++) if (!isLeading(chunk[i]!)) return i;
  return -1;
}

/** What a file that does not start with "{" looks like, from its first characters. */
export function classifyNotJson(start: string): NotJsonKind {
  if (/^ISA[^A-Za-z0-9 ]/.test(start) || /^ST\*/.test(start)) return "x12";
  if (start.startsWith("<")) return "xml";
  const firstLine = start.split(/\r?\n/)[0] ?? "";
  return firstLine.includes(",") || firstLine.includes("\t") ? "csv" : "other";
}
