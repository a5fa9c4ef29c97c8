/**
 * A price-transparency file as the readers take it, whatever the caller has: a File or Blob (read by slices, never
 * whole: these files run to gigabytes), chunks of text or bytes from any (async) iterable (Node's fs streams, fetch
 * bodies, tests), or one whole text.
 */

/** The part of a Blob/File the readers use (structural, so src/formats needs no DOM types). */
export interface ByteBlob {
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** What the readers take. */
export type FileSource = string | ByteBlob | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** About 1 MiB per slice: the per-slice cost vanishes and memory stays a few MB. */
export const SLICE_BYTES = 1 << 20;

/** Whether the source is a Blob or File. */
export function isBlob(source: FileSource): source is ByteBlob {
  return (
    typeof source === "object" &&
    typeof (source as ByteBlob).slice === "function" &&
    typeof (source as ByteBlob).size === "number"
  );
}

/** A Blob's bytes, slice by slice, in order. */
export async function* blobSlices(blob: ByteBlob, sliceBytes: number = SLICE_BYTES): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < blob.size; start += sliceBytes)
    yield new Uint8Array(await blob.slice(start, Math.min(blob.size, start + sliceBytes)).arrayBuffer());
}
