import { fail, ok, type Result } from "../../engine";
import type { Remit835Refusal, SegmentPosition } from "./issues";

/**
 * The four X12 delimiters. In an interchange they come from the ISA segment (DOMAIN.md 6.3): the element separator is
 * ISA's 4th character, the component separator is ISA16, the segment terminator the character after ISA16, and the
 * repetition separator ISA11 in 5010 (in 4010 ISA11 is the standards identifier "U", so there is none).
 */
export interface Delimiters {
  readonly element: string;
  readonly component: string;
  readonly repetition: string | null;
  readonly segment: string;
}

/** One segment: its elements (elements[0] is the segment id), 1-based index in the file, character offset. */
export interface RawSegment {
  readonly elements: readonly string[];
  readonly index: number;
  readonly offset: number;
  readonly delimiters: Delimiters;
}

/** A file cut into segments, with what the tokenizer noticed. */
export interface Segmented {
  readonly segments: readonly RawSegment[];
  /** False when the file starts at GS or ST instead of an ISA envelope; delimiters were then inferred. */
  readonly hasEnvelope: boolean;
  readonly firstDelimiters: Delimiters;
  /** False when the text ends inside its last segment: no segment terminator follows it. */
  readonly lastSegmentTerminated: boolean;
  /** The 1-based line of a character offset (computed on demand: only warnings need it). */
  readonly positionOf: (segment: RawSegment) => SegmentPosition;
}

const WHITESPACE = new Set([" ", "\t", "\r", "\n", "\f", "\v"]);
const ISA_MAX_LENGTH = 200; // 106 characters when fixed-width; some payers pad less or more (nevada_medicaid.txt)

function isAlphanumeric(c: string | undefined): boolean {
  return c !== undefined && /^[A-Za-z0-9]$/.test(c);
}

/** Reads the delimiters from an ISA segment starting at `start`; `end` is where the next segment may begin. */
export function readIsaDelimiters(
  text: string,
  start: number,
): Result<{ delimiters: Delimiters; end: number }, Remit835Refusal> {
  const element = text[start + 3];
  if (element === undefined || isAlphanumeric(element) || WHITESPACE.has(element))
    return fail({ code: "isaMalformed", detail: "no element separator after ISA" });
  const separators: number[] = [];
  const limit = Math.min(text.length, start + ISA_MAX_LENGTH);
  for (let i = start + 3; i < limit && separators.length < 16; i++) {
    const c = text[i];
    if (c === element) separators.push(i);
    else if (c === "\n" || c === "\r") break;
  }
  const last = separators[15];
  if (last === undefined)
    return fail({ code: "isaMalformed", detail: `${separators.length} of the 16 ISA elements were found` });
  const component = text[last + 1];
  if (component === undefined || isAlphanumeric(component) || component === element)
    return fail({ code: "isaMalformed", detail: "ISA16 is not a component separator" });
  const isa11 = text.slice((separators[10] ?? 0) + 1, separators[11]);
  const repetition = isa11.length === 1 && !isAlphanumeric(isa11) ? isa11 : null;
  let at = last + 2;
  let terminator = text[at];
  if (terminator === undefined) return fail({ code: "isaMalformed", detail: "the file ends inside ISA" });
  if (terminator === "\r" || terminator === "\n") {
    // Either newline is the terminator, or the real terminator starts the next line (TigerShark writes "\n~GS|").
    let next = at;
    while (text[next] === "\r" || text[next] === "\n") next++;
    const following = text[next];
    if (following !== undefined && !isAlphanumeric(following) && !WHITESPACE.has(following)) {
      terminator = following;
      at = next;
    } else terminator = "\n";
  }
  if (terminator === element || terminator === component)
    return fail({ code: "isaMalformed", detail: "the segment terminator repeats another delimiter" });
  return ok({ delimiters: { element, component, repetition, segment: terminator }, end: at + 1 });
}

/** Delimiters of a file that starts at GS or ST (no ISA): read from the text itself, ":" when no SVC shows one. */
function inferDelimiters(text: string, start: number): Delimiters {
  const element = text[start + 2] as string;
  let segment = "~";
  for (let i = start + 3; i < text.length; i++) {
    const c = text[i] as string;
    if (c === element || c === " " || isAlphanumeric(c)) continue;
    segment = c === "\r" ? "\n" : c;
    break;
  }
  let component = ":";
  const svc = text.indexOf(`SVC${element}`, start);
  if (svc >= 0) {
    let i = svc + 4;
    while (isAlphanumeric(text[i])) i++;
    const c = text[i];
    if (c !== undefined && c !== element && c !== segment && !WHITESPACE.has(c)) component = c;
  }
  return { element, component, repetition: null, segment };
}

/** What a file that is not X12 looks like, in the user's words, for the refusal message. */
export function describeNonX12(text: string): string {
  if (text.startsWith("%PDF")) return "a PDF document";
  if (text.startsWith("PK\u0003\u0004")) return "a ZIP archive or an Excel workbook (.xlsx)";
  if (text.startsWith("\u00D0\u00CF\u0011\u00E0") || text.startsWith("\uFFFD\uFFFD\u0011"))
    return "an old Office document (.xls/.doc)";
  const head = text.slice(0, 1000);
  if (head.includes("\u0000")) return "binary data";
  const firstLine = (head.split(/\r?\n/)[0] ?? "").trim();
  const shown = firstLine.length > 60 ? `${firstLine.slice(0, 60)}...` : firstLine;
  if ((firstLine.match(/[,;\t]/g) ?? []).length >= 2) return `a CSV or text table (first line "${shown}")`;
  if (firstLine.startsWith("<")) return `an XML or HTML document (first line "${shown}")`;
  if (firstLine.startsWith("{") || firstLine.startsWith("[")) return `a JSON document (first line "${shown}")`;
  return `text starting "${shown}"`;
}

const ENVELOPE_FREE_START = /^(ST|GS)[^A-Za-z0-9\s]/;

/**
 * Cuts an 835 file into segments. Tolerates newlines (LF or CRLF) and blank lines around terminators, newline as
 * the terminator itself, several interchanges with different delimiters, and files that start at GS or ST.
 * Refuses text that does not start like X12, naming what it found.
 */
export function segment835(input: string): Result<Segmented, Remit835Refusal> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let p = 0;
  while (p < text.length && WHITESPACE.has(text[p] as string)) p++;
  if (p >= text.length) return fail({ code: "fileEmpty" });
  let delimiters: Delimiters;
  let hasEnvelope = true;
  if (text.startsWith("ISA", p)) {
    const isa = readIsaDelimiters(text, p);
    if (!isa.ok) return isa;
    delimiters = isa.value.delimiters;
  } else if (ENVELOPE_FREE_START.test(text.slice(p, p + 3))) {
    delimiters = inferDelimiters(text, p);
    hasEnvelope = false;
  } else return fail({ code: "notX12", found: describeNonX12(text.slice(p)) });

  const firstDelimiters = delimiters;
  const segments: RawSegment[] = [];
  const n = text.length;
  let lastSegmentTerminated = true;
  while (p < n) {
    while (p < n && WHITESPACE.has(text[p] as string)) p++;
    if (p >= n) break;
    let end: number;
    if (text.startsWith("ISA", p) && !isAlphanumeric(text[p + 3])) {
      // Each interchange declares its own delimiters.
      const isa = readIsaDelimiters(text, p);
      if (isa.ok) {
        delimiters = isa.value.delimiters;
        end = isa.value.end - 1;
      } else end = indexOrEnd(text, delimiters.segment, p);
    } else end = indexOrEnd(text, delimiters.segment, p);
    let stop = end;
    while (stop > p && WHITESPACE.has(text[stop - 1] as string)) stop--;
    if (stop > p) {
      segments.push({
        elements: text.slice(p, stop).split(delimiters.element),
        index: segments.length + 1,
        offset: p,
        delimiters,
      });
      lastSegmentTerminated = end < n;
    }
    p = end + 1;
  }

  let lineStarts: number[] | null = null;
  const positionOf = (segment: RawSegment): SegmentPosition => {
    if (lineStarts === null) {
      lineStarts = [0];
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
    }
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] as number) <= segment.offset) low = mid;
      else high = mid - 1;
    }
    // Offsets count from the start of the text the caller gave, BOM included.
    const bom = text === input ? 0 : 1;
    return {
      segmentIndex: segment.index,
      segmentId: segment.elements[0] ?? "",
      offset: segment.offset + bom,
      lineNumber: low + 1,
    };
  };
  return ok({ segments, hasEnvelope, firstDelimiters, lastSegmentTerminated, positionOf });
}

function indexOrEnd(text: string, terminator: string, from: number): number {
  const i = text.indexOf(terminator, from);
  return i < 0 ? text.length : i;
}
