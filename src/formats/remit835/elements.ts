// The one generic accessor of the 835 reader: every element is read by its declared name (layout.ts), checked for
// control characters, and parsed by kind. A read is a value (or null when the element is absent or blank) or a
// fault; the reader, which knows the line or claim the element belongs to, decides what a fault costs.
import type { Cents, IsoDate } from "../../engine";
import type { ExpectedValue } from "./issues";
import type { ComponentRef, ElementRef } from "./layout";
import type { RawSegment } from "./segments";
import { claimAmountFromText, centsFromDecimalText, isoDateFromX12 } from "./values";

/** Why an element cannot be used: its text is not what its layout expects, or it holds a control character. */
export type ElementFault =
  | {
      readonly code: "elementInvalid";
      readonly element: string;
      readonly value: string;
      readonly expected: ExpectedValue;
    }
  | { readonly code: "elementControlCharacter"; readonly element: string; readonly value: string };

/** An element as read: its value (null when absent or blank), or the fault that keeps it from being used. */
export type ElementRead<T> =
  { readonly ok: true; readonly value: T | null } | { readonly ok: false; readonly fault: ElementFault };

const ABSENT: ElementRead<never> = { ok: true, value: null };

/** Trimmed text, null when blank: X12 pads some elements (ISA) and payers pad others. */
export function nonEmpty(text: string | undefined): string | null {
  if (text === undefined) return null;
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

/** The element's text as sent (trimmed), with no check: only for what never becomes data (qualifiers compared). */
export function rawElement(s: RawSegment, ref: ElementRef): string | null {
  if (s.elements[0] !== ref.segmentId) throw new Error(`${ref.reference} read from a ${s.elements[0]} segment`);
  return nonEmpty(s.elements[ref.position]);
}

function hasControlCharacter(text: string, s: RawSegment): boolean {
  // charCodeAt, not a string iterator: this runs on every element read.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 || (code >= 0x7f && code <= 0x9f)) && !isDelimiter(text[i] as string, s)) return true;
  }
  return false;
}

/** The component and repetition separators sit inside element text and may be control characters (0x1F). */
function isDelimiter(c: string, s: RawSegment): boolean {
  return c === s.delimiters.component || c === s.delimiters.repetition;
}

/** A value read from an element. */
export function value<T>(v: T): ElementRead<T> {
  return { ok: true, value: v };
}

/** A fault: the element's text is not what was expected. */
export function invalid(element: string, text: string, expected: ExpectedValue): ElementRead<never> {
  return { ok: false, fault: { code: "elementInvalid", element, value: text, expected } };
}

/** The text of an element; a fault when it holds a control character (NUL, a line break inside a name, ...). */
export function readText(s: RawSegment, ref: ElementRef): ElementRead<string> {
  const text = rawElement(s, ref);
  if (text === null) return ABSENT;
  if (hasControlCharacter(text, s))
    return { ok: false, fault: { code: "elementControlCharacter", element: ref.reference, value: text } };
  return value(text);
}

/** The components of a composite element, each trimmed, blank ones as null; a fault for a control character. */
export function readComposite(s: RawSegment, ref: ElementRef): ElementRead<readonly (string | null)[]> {
  const text = rawElement(s, ref);
  if (text === null) return ABSENT;
  const components = text.split(s.delimiters.component);
  if (components.some((c) => hasControlCharacter(c, s)))
    return { ok: false, fault: { code: "elementControlCharacter", element: ref.reference, value: text } };
  return value(components.map(nonEmpty));
}

/** One component of a composite read by {@link readComposite}. */
export function component(components: readonly (string | null)[], ref: ComponentRef): string | null {
  return components[ref.position - 1] ?? null;
}

/** An element parsed by kind: a fault naming what was expected when the parser refuses its text. */
export function readParsed<T>(
  s: RawSegment,
  ref: ElementRef,
  parse: (text: string) => T | null,
  expected: ExpectedValue,
): ElementRead<T> {
  const text = readText(s, ref);
  if (!text.ok || text.value === null) return text as ElementRead<never>;
  const parsed = parse(text.value);
  return parsed === null ? invalid(ref.reference, text.value, expected) : value(parsed);
}

/** A line or claim amount (SVC02, CLP03, CAS03, AMT02...): an X12 decimal within the claim bound, in cents. */
export function readAmount(s: RawSegment, ref: ElementRef): ElementRead<Cents> {
  return readParsed(s, ref, claimAmountFromText, "amount");
}

/** A payment or provider adjustment total (BPR02, PLB04...): an X12 decimal of at most 13 digits, in cents. */
export function readTotalAmount(s: RawSegment, ref: ElementRef): ElementRead<Cents> {
  return readParsed(s, ref, centsFromDecimalText, "totalAmount");
}

/** A CCYYMMDD date. */
export function readDate(s: RawSegment, ref: ElementRef): ElementRead<IsoDate> {
  return readParsed(s, ref, isoDateFromX12, "date");
}
