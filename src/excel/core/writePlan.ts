/**
 * How many rows go into each request of a chunked write. Excel on the web refuses a request over 5 MB, and each
 * request is a round trip (and a recalculation), so a write sends as few requests as fit under a byte budget.
 * A request's size is estimated as the workbook simulator and office.js see it: the UTF-8 bytes of its JSON.
 */

/** Rows [start, start + count) of a write, sent in one request. */
export interface RowChunk {
  readonly start: number;
  readonly count: number;
}

/** The limits a plan respects. */
export interface ChunkLimits {
  /** Bytes one request may carry. */
  readonly maxBytes: number;
  /** Bytes kept free in every request for the commands around the rows (formats, header, table creation). */
  readonly reservedBytes: number;
  /** Rows per request at most, so that progress and cancel come at a human pace on big writes. */
  readonly maxRows: number;
}

/** A row that alone exceeds the budget. */
export interface OversizedRow {
  readonly rowIndex: number;
  readonly bytes: number;
  readonly limitBytes: number;
}

/** UTF-8 length of a string without encoding it (the estimate runs over every row of a write). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of a value's JSON, as it travels in a request. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value));
}

/**
 * Splits rows of the given JSON sizes into consecutive chunks under the limits: greedy, so the request count is
 * the least possible for rows kept in order. Returns the first row that cannot fit any request on its own.
 *
 * @example
 * planChunks([40, 40, 40], { maxBytes: 100, reservedBytes: 10, maxRows: 1000 });
 * // { ok: true, chunks: [{ start: 0, count: 2 }, { start: 2, count: 1 }] }
 */
export function planChunks(
  rowBytes: readonly number[],
  limits: ChunkLimits,
): { readonly ok: true; readonly chunks: RowChunk[] } | { readonly ok: false; readonly row: OversizedRow } {
  const room = limits.maxBytes - limits.reservedBytes - 2; // the brackets of the values array
  const chunks: RowChunk[] = [];
  let start = 0;
  let used = 0;
  for (let index = 0; index < rowBytes.length; index++) {
    const bytes = rowBytes[index]! + 1; // its separating comma
    if (bytes > room) return { ok: false, row: { rowIndex: index, bytes, limitBytes: room } };
    if (used + bytes > room || index - start >= limits.maxRows) {
      chunks.push({ start, count: index - start });
      start = index;
      used = 0;
    }
    used += bytes;
  }
  if (rowBytes.length > start) chunks.push({ start, count: rowBytes.length - start });
  return { ok: true, chunks };
}
