/**
 * Skimming a tall hospital CSV read for a few codes: a large academic center's file has millions of rows and the
 * Benchmarks tab wants about twenty codes, so splitting every row into cells would be almost all of the work. The
 * records are found by their line breaks outside quotes (exact for RFC 4180 text, where a quote inside a quoted cell
 * is doubled, so quotes pair up), and only records in which one of the codes appears as text are handed to the
 * cell parser; the others are only counted.
 */

/** A pattern finding any of the codes as text, case-insensitive: a superset of the rows that hold one as a cell. */
export function codesPattern(codes: ReadonlySet<string>): RegExp {
  if (codes.size === 0) return /(?!)/g;
  const escaped = [...codes].map((code) => code.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).filter((c) => c !== "");
  return escaped.length === 0 ? /(?!)/g : new RegExp(escaped.join("|"), "gi");
}

/** Finds where records end in one text, remembering the next quote so that a text with few quotes is scanned once. */
class RecordEnds {
  private nextQuote = -2;

  constructor(private readonly text: string) {}

  private quoteFrom(from: number): number {
    if (this.nextQuote !== -1 && this.nextQuote < from) this.nextQuote = this.text.indexOf('"', from);
    return this.nextQuote;
  }

  /** The index of the line feed that ends the record starting at `start`, or -1 when the text ends first. */
  endOf(start: number): number {
    const text = this.text;
    let pos = start;
    for (;;) {
      const newline = text.indexOf("\n", pos);
      if (newline === -1) return -1;
      const quote = this.quoteFrom(pos);
      if (quote === -1 || quote > newline) return newline;
      // Inside quotes up to the next quote; a doubled quote simply opens the next quoted stretch at once.
      const close = text.indexOf('"', quote + 1);
      if (close === -1) return -1;
      pos = close + 1;
    }
  }
}

/** What skimming does with the records it finds. */
export interface SkimTarget {
  /** A record that may hold one of the codes, without its line break, to be parsed into cells. */
  readonly take: (record: string) => void;
  /** Records that cannot hold one of the codes (`blank` of them empty), in file order before the next take. */
  readonly pass: (records: number, blank: number) => void;
}

/**
 * Skims the complete records of `text` (those ending in a line feed) and returns where the incomplete rest starts,
 * to be carried into the next chunk.
 */
export function skimRecords(text: string, pattern: RegExp, target: SkimTarget): number {
  const ends = new RecordEnds(text);
  const matchFrom = (from: number) => {
    pattern.lastIndex = from;
    return pattern.exec(text)?.index ?? Infinity;
  };
  let start = 0;
  let nextMatch = matchFrom(0);
  let passed = 0;
  let blank = 0;
  for (;;) {
    const end = ends.endOf(start);
    if (end === -1) break;
    const contentEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (end < nextMatch) {
      if (contentEnd === start) blank++;
      else passed++;
    } else {
      if (passed + blank > 0) target.pass(passed, blank);
      passed = 0;
      blank = 0;
      target.take(text.slice(start, contentEnd));
      nextMatch = matchFrom(end + 1);
    }
    start = end + 1;
  }
  if (passed + blank > 0) target.pass(passed, blank);
  return start;
}
