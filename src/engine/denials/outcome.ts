import { isBlankCell } from "../cellValues";
import { isDenialAdjustment, parseAdjustmentCodes } from "./adjustmentCodes";

/**
 * What one claim line's outcome means for a denial rate: counted as denied, counted as not denied, or left out of
 * both numerator and denominator (blank, not yet adjudicated, or reversed: DOMAIN.md 4.3 skips reversals).
 */
export type LineOutcome = "denied" | "not_denied" | "excluded";

/**
 * The Outcome words the remittance table writes for a line (DOMAIN.md 4.3): paid, paid but reduced by a denial
 * reason, denied in full, or reversing an earlier payment (CLP02 = 22). Every reader of that column reads these.
 */
export const REMIT_OUTCOMES = ["Paid", "Partial", "Denied", "Reversed"] as const;
/** One of {@link REMIT_OUTCOMES}. */
export type RemitOutcome = (typeof REMIT_OUTCOMES)[number];

/**
 * Status words accepted in an outcome cell (case-insensitive; spaces, "_" and "-" between words are equivalent).
 * A partial denial counts as denied: some of the line was denied, as a CO-151 next to a payment is.
 */
export const OUTCOME_WORDS: Readonly<Record<string, LineOutcome>> = {
  denied: "denied",
  denial: "denied",
  deny: "denied",
  partial: "denied",
  "partially denied": "denied",
  "partial denial": "denied",
  true: "denied",
  yes: "denied",
  y: "denied",
  paid: "not_denied",
  approved: "not_denied",
  allowed: "not_denied",
  "not denied": "not_denied",
  false: "not_denied",
  no: "not_denied",
  n: "not_denied",
  pending: "excluded",
  reversed: "excluded",
  reversal: "excluded",
  void: "excluded",
  voided: "excluded",
};

/** Why a cell is not an outcome; the message lives in the denial issue catalogue. */
export type OutcomeProblem =
  | { readonly kind: "unknownText"; readonly token: string }
  | { readonly kind: "zero" }
  | { readonly kind: "notACode" }
  | { readonly kind: "notAValue" };

/** An outcome read from a cell, or why it is not one. */
export type ParsedOutcome =
  { readonly ok: true; readonly outcome: LineOutcome } | { readonly ok: false; readonly problem: OutcomeProblem };

const DENIED: ParsedOutcome = { ok: true, outcome: "denied" };
const NOT_DENIED: ParsedOutcome = { ok: true, outcome: "not_denied" };
const EXCLUDED: ParsedOutcome = { ok: true, outcome: "excluded" };
const BY_OUTCOME: Readonly<Record<LineOutcome, ParsedOutcome>> = {
  denied: DENIED,
  not_denied: NOT_DENIED,
  excluded: EXCLUDED,
};

/**
 * Reads one line's outcome:
 * - `TRUE` / `FALSE`: the line is / is not denied;
 * - blank: not rated, as AVERAGE skips blanks, so whole-column references work; a line paid with no adjustment
 *   codes needs FALSE or "paid" (in Excel: `IF(D2:D99="", FALSE, D2:D99)`);
 * - a status word from {@link OUTCOME_WORDS};
 * - adjustment codes ("CO-50", "PR-2 CO-45", "197"; a number like 197 is a CARC): denied when any code is a denial.
 * The number 0 is refused rather than read as "not denied", so a 0/1 flag column is caught instead of being
 * misread as CARC 1 (deductible); use TRUE/FALSE for flags.
 */
export function parseOutcome(value: unknown): ParsedOutcome {
  if (isBlankCell(value)) return EXCLUDED;
  if (typeof value === "boolean") return value ? DENIED : NOT_DENIED;
  if (typeof value === "number") {
    if (value === 0) return { ok: false, problem: { kind: "zero" } };
    if (!Number.isInteger(value) || value < 1 || value > 999) return { ok: false, problem: { kind: "notACode" } };
    return parseText(String(value));
  }
  if (typeof value === "string") return parseText(value);
  return { ok: false, problem: { kind: "notAValue" } };
}

function parseText(text: string): ParsedOutcome {
  const word = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
  if (word === "") return EXCLUDED;
  const outcome = Object.prototype.hasOwnProperty.call(OUTCOME_WORDS, word) ? OUTCOME_WORDS[word] : undefined;
  if (outcome !== undefined) return BY_OUTCOME[outcome];
  const parsed = parseAdjustmentCodes(text);
  if (!parsed.ok) return { ok: false, problem: { kind: "unknownText", token: parsed.token } };
  return parsed.codes.some(isDenialAdjustment) ? DENIED : NOT_DENIED;
}

/**
 * A {@link parseOutcome} that remembers each distinct cell value: a claims column repeats a few hundred distinct
 * outcomes over a million rows, so each is parsed once and every row is a Map lookup.
 */
export function createOutcomeReader(): (value: unknown) => ParsedOutcome {
  const cache = new Map<unknown, ParsedOutcome>();
  return (value) => {
    if (typeof value === "object" && value !== null) return parseOutcome(value);
    let parsed = cache.get(value);
    if (parsed === undefined) {
      parsed = parseOutcome(value);
      cache.set(value, parsed);
    }
    return parsed;
  };
}
