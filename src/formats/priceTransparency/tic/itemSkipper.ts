/**
 * A byte-level pre-filter in front of the library's tokenizer, for reads filtered to a few codes: it passes the
 * file's bytes through unchanged except inside the in_network items that the filter drops, whose bytes after the
 * deciding billing_code / negotiation_arrangement value are skipped up to the item's closing brace.
 *
 * Why not leave it all to @streamparser/json: its Tokenizer alone costs about 5 s of CPU per 100 MB on the bench
 * machine (its string accumulator is most of it), i.e. about 53 s per GB before anything is built, against a 60 s
 * budget for a 1 GB file (bench/ticInNetwork.bench.ts; measured 66.9 s end to end, 16 MB/s). With 20 codes among
 * thousands, nearly every byte belongs to an item that is dropped anyway. This is not a tokenizer: it only follows
 * strings (quotes and escapes) and bracket depth, and reads the few short strings it decides on; every byte it
 * does not skip is tokenized, checked and built by the library as before. What it costs: JSON syntax inside a
 * skipped item is checked only for balanced strings and brackets.
 */

/** Where the in_network items sit: root object (1), in_network array (2), item object (3). */
const ITEM_DEPTH = 3;
/** Keys and values longer than this are never a field name or a code the skipper decides on. */
const MAX_CAPTURE = 64;

/** The bytes the skipper reacts to, by class, so that each byte costs one table read (0: any other byte). */
const OTHER = 0;
const QUOTE = 1;
const BACKSLASH = 2;
const OPENER = 3;
const CLOSER = 4;
const COLON = 5;
const COMMA = 6;
const QUOTE_BYTE = 0x22;
const BACKSLASH_BYTE = 0x5c;
const BYTE_CLASS = new Uint8Array(256);
BYTE_CLASS[0x22] = QUOTE;
BYTE_CLASS[0x5c] = BACKSLASH;
BYTE_CLASS[0x7b] = OPENER;
BYTE_CLASS[0x5b] = OPENER;
BYTE_CLASS[0x7d] = CLOSER;
BYTE_CLASS[0x5d] = CLOSER;
BYTE_CLASS[0x3a] = COLON;
BYTE_CLASS[0x2c] = COMMA;

/** Decides, from an item's billing_code or negotiation_arrangement (as text), whether the item is dropped. */
export type DropDecision = (field: "billing_code" | "negotiation_arrangement", value: string) => boolean;

/** Follows the file's bytes and hands on all but the skipped ones, in order. */
export class ItemSkipper {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Whether the next string at depth 1 or 3 is a value (after a colon) rather than a key. */
  private afterColon = false;
  private rootKey = "";
  private itemKey = "";
  private inInNetwork = false;
  /** The bytes of the string being read, when it may be a key or a deciding value; null when not captured. */
  private capture: number[] | null = null;
  /** True while the bytes of a dropped item are being skipped. */
  skipping = false;
  /** Bytes skipped so far, so that a position from the tokenizer can be turned back into a file position. */
  skippedBytes = 0;

  constructor(
    private readonly drop: DropDecision,
    private readonly emit: (bytes: Uint8Array) => void,
  ) {}

  /**
   * Scans one chunk, emitting the bytes that are not skipped (zero-copy slices of the chunk). The state lives in
   * locals during the loop (written back at the end): the loop runs once per byte of the file.
   */
  write(chunk: Uint8Array): void {
    let { depth, inString, escaped, afterColon, skipping } = this;
    let start = 0;
    const length = chunk.length;
    for (let i = 0; i < length; i++) {
      if (inString && !escaped && this.capture === null) {
        // Most bytes are inside strings: jump to the closing quote (a native search) unless an escape precedes it.
        const quote = chunk.indexOf(QUOTE_BYTE, i);
        if (quote !== -1 && chunk[quote - 1] !== BACKSLASH_BYTE) {
          i = quote;
          inString = false;
          continue;
        }
      }
      const kind = BYTE_CLASS[chunk[i]!]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (kind === BACKSLASH) {
          escaped = true;
          this.capture = null;
        } else if (kind === QUOTE) {
          inString = false;
          if (this.capture !== null && this.endString(depth, afterColon)) {
            this.emit(chunk.subarray(start, i + 1));
            skipping = true;
            start = i + 1;
          }
        } else if (this.capture !== null) this.captureByte(chunk[i]!);
      } else if (kind === OTHER) continue;
      else if (kind === QUOTE) {
        inString = true;
        if (!skipping && (depth === 1 || (depth === ITEM_DEPTH && this.inInNetwork))) this.capture = [];
      } else if (kind === OPENER) {
        depth += 1;
        afterColon = false;
        if (depth === ITEM_DEPTH - 1 && this.rootKey === "in_network") this.inInNetwork = true;
      } else if (kind === CLOSER) {
        depth -= 1;
        if (depth === 1) this.inInNetwork = false;
        if (skipping && depth === ITEM_DEPTH - 1) {
          // The closing brace is handed on, so the tokenizer sees the item's fields up to the deciding one, closed.
          skipping = false;
          this.skippedBytes += i - start;
          start = i;
        }
      } else if (kind === COLON) afterColon = true;
      else if (kind === COMMA) afterColon = false;
    }
    Object.assign(this, { depth, inString, escaped, afterColon, skipping });
    if (skipping) this.skippedBytes += length - start;
    else if (start < length) this.emit(start === 0 ? chunk : chunk.subarray(start));
  }

  private captureByte(byte: number): void {
    const capture = this.capture as number[];
    if (capture.length < MAX_CAPTURE && byte < 0x80) capture.push(byte);
    else this.capture = null;
  }

  /** Handles a captured string; true when it decides to drop the current item. */
  private endString(depth: number, afterColon: boolean): boolean {
    const text = String.fromCharCode(...(this.capture as number[]));
    this.capture = null;
    if (!afterColon) {
      if (depth === 1) this.rootKey = text;
      else this.itemKey = text;
      return false;
    }
    if (depth !== ITEM_DEPTH || (this.itemKey !== "billing_code" && this.itemKey !== "negotiation_arrangement"))
      return false;
    return this.drop(this.itemKey, text);
  }
}
