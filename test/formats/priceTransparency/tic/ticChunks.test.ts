// The reader takes the file in chunks of any size (text or bytes, sync or async) or as a Blob, reports progress
// and stops when cancelled: the rates never depend on where the chunks are cut.
import { describeWithSharedData } from "../../../support/sharedData";
import { readTicInNetwork, type TicProgress, type TicRead } from "../../../../src/formats/priceTransparency/tic";
import { ALL_TYPES, edited, FFS, rateLine, readOk, ticFile, tinyChunks } from "./ticFiles";

/** The UTF-8 bytes of the text cut into pieces of 1 to 7 bytes, so that multi-byte characters are split. */
function tinyByteChunks(text: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const chunks: Uint8Array[] = [];
  for (let at = 0, n = 0; at < bytes.length; n++) {
    const size = 1 + (n % 7);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

function lines(read: TicRead): string[] {
  return read.rates.map(rateLine);
}

describeWithSharedData("TiC in-network reader: chunks, Blob, progress and cancel", () => {
  it("gives the same rates from text chunks of 1 to 7 characters as from one chunk", async () => {
    const text = ticFile(ALL_TYPES);
    const whole = await readOk(text);
    const tiny = await readOk(tinyChunks(text));
    expect(lines(tiny)).toEqual(lines(whole));
    expect(tiny.summary).toEqual(whole.summary);
  });

  it("gives the same rates from byte chunks of 1 to 7 bytes that split multi-byte characters", async () => {
    const text = edited(ticFile(FFS), (file) => {
      file.provider_references[0].provider_groups[0].tin.business_name = "Clínica Pediátrica São José 🏥";
    });
    const whole = await readOk(text);
    const result = await readTicInNetwork(tinyByteChunks(text));
    expect(result.ok && lines(result.value)).toEqual(lines(whole));
    expect(whole.rates[0]!.provider).toBe("Clínica Pediátrica São José 🏥 (EIN 11-1111111)");
  });

  it("reads a Blob in slices and reports its size and the bytes read", async () => {
    const text = ticFile(FFS);
    const blob = new Blob([text]);
    const progress: TicProgress[] = [];
    const result = await readTicInNetwork(blob, {}, { blobSliceBytes: 1000, onProgress: (p) => progress.push(p) });
    expect(result.ok && lines(result.value)).toEqual(lines(await readOk(text)));
    expect(progress.map((p) => p.bytesRead)).toEqual([1000, 2000, 3000, blob.size]);
    expect(progress.every((p) => p.totalBytes === blob.size)).toBe(true);
    expect(progress[progress.length - 1]).toMatchObject({ itemsRead: 2, itemsKept: 2 });
  });

  it("reads an async stream of chunks", async () => {
    const text = ticFile(FFS);
    async function* stream() {
      for (const chunk of tinyChunks(text)) yield chunk;
    }
    const result = await readTicInNetwork(stream(), { codes: new Set(["27448"]) });
    expect(result.ok && result.value.summary).toMatchObject({ itemsRead: 2, itemsKept: 1, ratesKept: 4 });
  });

  it("stops when cancelled and keeps nothing", async () => {
    const text = ticFile(FFS);
    const controller = new AbortController();
    const result = await readTicInNetwork(
      tinyChunks(text),
      {},
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.bytesRead >= 100) controller.abort();
        },
      },
    );
    expect(result).toEqual({ ok: false, issue: { code: "cancelled", bytesRead: expect.any(Number) } });
    expect(!result.ok && result.issue.code === "cancelled" && result.issue.bytesRead).toBeLessThan(110);
  });

  it("says why a Blob could not be read", async () => {
    const failing = { size: 10, slice: () => ({ arrayBuffer: () => Promise.reject(new Error("permission denied")) }) };
    const result = await readTicInNetwork(failing);
    expect(result).toEqual({
      ok: false,
      issue: { code: "readFailed", bytesRead: 0, detail: "Error: permission denied" },
    });
  });
});
