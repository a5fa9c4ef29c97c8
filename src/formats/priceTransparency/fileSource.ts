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

/** The part of the Compression Streams API used here (structural, as for ByteBlob). */
interface Decompressor {
  readonly writable: {
    getWriter(): {
      write(chunk: Uint8Array): Promise<void>;
      close(): Promise<void>;
      abort(reason?: unknown): Promise<void>;
    };
  };
  readonly readable: {
    getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(reason?: unknown): Promise<void> };
  };
}
type DecompressorConstructor = new (format: "gzip") => Decompressor;

/** Why a gzip file was not read: the host cannot decompress (older Office), or the file is cut short or damaged. */
export type GunzipProblem =
  { readonly code: "gunzipUnavailable" } | { readonly code: "gzipDamaged"; readonly detail: string };

/** The failure of a gzip file's decompression, thrown through the readers' byte loops and turned into their issue. */
export class GunzipFailure extends Error {
  constructor(readonly problem: GunzipProblem) {
    super(problem.code === "gzipDamaged" ? problem.detail : "DecompressionStream is not available");
  }
}

/** The message of a {@link GunzipProblem}, shared by the readers' catalogues. */
export function gunzipProblemMessage(problem: GunzipProblem): string {
  switch (problem.code) {
    case "gunzipUnavailable":
      return "The file is compressed (.gz) and this version of Excel cannot decompress it: decompress it first (double-click it, or gunzip) and choose the .json or .csv file. Nothing was read.";
    case "gzipDamaged":
      return `The compressed (.gz) file could not be decompressed (${problem.detail}): it is cut short or damaged, and an incomplete file is not a list of rates, so nothing was read. Download it again.`;
  }
}

/** Whether the source is a gzip-compressed Blob (its first two bytes are 1F 8B), as payers publish TiC files. */
export async function isGzipBlob(source: FileSource): Promise<boolean> {
  if (!isBlob(source) || source.size < 2) return false;
  const head = new Uint8Array(await source.slice(0, 2).arrayBuffer());
  return head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * The decompressed bytes of a gzip Blob, slice by slice through the host's DecompressionStream (no library, no copy of
 * the whole file). Its size is unknown until the end, so the readers count progress in bytes without a percentage. A
 * cut or corrupt file fails the iteration with a {@link GunzipFailure} (the readers then refuse it with the host's
 * reason); so does a host without the API.
 */
export async function* gunzipSlices(blob: ByteBlob, sliceBytes: number = SLICE_BYTES): AsyncGenerator<Uint8Array> {
  const Decompression = (globalThis as { DecompressionStream?: DecompressorConstructor }).DecompressionStream;
  if (Decompression === undefined) throw new GunzipFailure({ code: "gunzipUnavailable" });
  const stream = new Decompression("gzip");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Feeds the compressed slices in while the loop below drains the output; the stream's queue bounds the memory.
  const feeding = (async () => {
    for await (const slice of blobSlices(blob, sliceBytes)) await writer.write(slice);
    await writer.close();
  })();
  // A failure of the feed also errors the readable side, where the loop below reports it.
  feeding.catch(() => undefined);
  try {
    for (;;) {
      const { done, value } = await reader.read().catch((error: unknown) => {
        throw new GunzipFailure({
          code: "gzipDamaged",
          detail: error instanceof Error ? error.message : String(error),
        });
      });
      if (done) break;
      if (value !== undefined && value.byteLength > 0) yield value;
    }
    await feeding;
  } finally {
    // Stopped early (cancel, a refused file): release the stream so the feed ends.
    await reader.cancel().catch(() => undefined);
  }
}
