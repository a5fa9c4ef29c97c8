import { isBlankCell } from "../cellValues";
import { createCentsReader } from "../cellValues";
import { Decimal, toDecimal } from "../decimal";
import { OUTCOME_WORDS, type RemitOutcome } from "../denials/outcome";
import { fail, ok, type Result } from "../result";
import type { AccuracyAmountArgument, KpiIssue } from "./issues";

/** The default tolerance (DOMAIN.md 4.1 leaves it to the user): one cent, and no percentage. */
export const DEFAULT_ACCURACY_TOLERANCE = { dollars: 0.01, percent: 0 } as const;

/** The columns of a payment accuracy calculation, one entry per claim line. */
export interface PaymentAccuracyInput {
  /** Per line: the contract's expected allowed amount in dollars (e.g. `PAYER.EXPECTED_PAYMENT`). */
  readonly expected: readonly unknown[];
  /** Per line: the allowed amount the payer adjudicated, in dollars. */
  readonly allowed: readonly unknown[];
  /** A difference up to this many dollars is accurate; default $0.01. */
  readonly toleranceDollars?: number | null;
  /** A difference up to this fraction of the expected amount is accurate (2% = 0.02); default 0. */
  readonly tolerancePercent?: number | null;
  /** Per line outcome (the remittance table's Outcome, or a denied flag): denied and reversed lines are left out. */
  readonly outcomes?: readonly unknown[] | null;
}

/** A payment accuracy with the counts behind it, so a user can check it. */
export interface PaymentAccuracy {
  /** Accurate lines / measured lines, from 0 to 1. */
  readonly share: number;
  readonly accurateLines: number;
  /** Adjudicated, non-denied lines with both amounts: the denominator. */
  readonly measuredLines: number;
  /** Rows without an expected or an allowed amount (not priced or not adjudicated yet). */
  readonly blankRows: number;
  /** Rows left out by their outcome: denied, reversed or pending. */
  readonly leftOutRows: number;
}

/** Whether payment accuracy measures a line of this outcome: only adjudicated lines that were not denied. */
type AccuracyRating = "measured" | "leftOut";

/**
 * The remittance table's Outcome words: a partial denial was paid (its amount is what accuracy checks); a denial has
 * no allowed amount to compare, and a reversal repeats an earlier line negated (DOMAIN.md 4.1 "non-denied lines").
 */
const BY_REMIT_OUTCOME = {
  Paid: "measured",
  Partial: "measured",
  Denied: "leftOut",
  Reversed: "leftOut",
} as const satisfies Record<RemitOutcome, AccuracyRating>;

/** Other words for a partial denial, which the denial vocabulary counts as denied but which were paid. */
const PARTIAL_WORDS: ReadonlySet<string> = new Set(["partially denied", "partial denial"]);

/** The denial vocabulary's verdicts (denials/outcome.ts), as accuracy reads them. */
const BY_DENIAL_OUTCOME = {
  denied: "leftOut",
  not_denied: "measured",
  excluded: "leftOut",
} as const satisfies Record<(typeof OUTCOME_WORDS)[string], AccuracyRating>;

const REMIT_WORDS: ReadonlyMap<string, AccuracyRating> = new Map(
  Object.entries(BY_REMIT_OUTCOME).map(([word, rating]) => [word.toLowerCase(), rating]),
);

/**
 * How accuracy reads one outcome cell: blank is measured (no outcome given, the amounts decide); TRUE/FALSE is a
 * denied flag; text is a word of the remittance table's Outcome or of the denial vocabulary (pending, void...).
 * Adjustment codes are refused: a partial denial's CO-151 would read as a denial and drop a paid line.
 */
function ratingOf(value: unknown): AccuracyRating | null {
  if (isBlankCell(value)) return "measured";
  if (typeof value === "boolean") return value ? "leftOut" : "measured";
  if (typeof value !== "string") return null;
  const word = value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
  if (PARTIAL_WORDS.has(word)) return "measured";
  const remit = REMIT_WORDS.get(word);
  if (remit !== undefined) return remit;
  const verdict = Object.hasOwn(OUTCOME_WORDS, word) ? OUTCOME_WORDS[word] : undefined;
  return verdict === undefined ? null : BY_DENIAL_OUTCOME[verdict];
}

/** A tolerance argument as an exact decimal: its default when null, an issue when negative. */
function tolerance(
  value: number | null | undefined,
  fallback: number,
  argument: "tolerance_dollars" | "tolerance_percent",
): Result<Decimal, KpiIssue> {
  const decimal = toDecimal(value ?? fallback) ?? new Decimal(fallback);
  return decimal.isNegative() && !decimal.isZero()
    ? fail({ code: "toleranceNegative", argument, value: value ?? fallback })
    : ok(decimal);
}

/**
 * Payment accuracy (DOMAIN.md 4.1, "no standard"): lines whose allowed amount is within tolerance of the expected
 * one / adjudicated, non-denied lines. A line is within tolerance when |allowed - expected| <= max(tolerance
 * dollars, tolerance percent x |expected|), compared exactly in cents. Left out: rows without an expected or an
 * allowed amount (blank), and rows whose outcome is Denied, Reversed or pending. Each distinct expected amount's
 * percentage bound is computed once with decimal.js, so a million lines stay cheap and the comparison stays exact.
 * @example computePaymentAccuracy({ expected: [100, 100], allowed: [100, 99.5] }) // ok, share 0.5
 */
export function computePaymentAccuracy(input: PaymentAccuracyInput): Result<PaymentAccuracy, KpiIssue> {
  const { expected, allowed } = input;
  const outcomes = input.outcomes ?? null;
  const rows = expected.length;
  if (allowed.length !== rows)
    return fail({
      code: "lengthMismatch",
      argument: "allowed",
      rows: allowed.length,
      other: "expected",
      otherRows: rows,
    });
  if (outcomes !== null && outcomes.length !== rows)
    return fail({
      code: "lengthMismatch",
      argument: "outcomes",
      rows: outcomes.length,
      other: "expected",
      otherRows: rows,
    });
  const dollars = tolerance(input.toleranceDollars, DEFAULT_ACCURACY_TOLERANCE.dollars, "tolerance_dollars");
  if (!dollars.ok) return dollars;
  const percent = tolerance(input.tolerancePercent, DEFAULT_ACCURACY_TOLERANCE.percent, "tolerance_percent");
  if (!percent.ok) return percent;

  // |difference| is whole cents, so it is within a bound X exactly when it is within floor(X).
  const dollarBound = dollars.value.times(100).floor().toNumber();
  const percentOn = !percent.value.isZero();
  const percentBounds = new Map<number, number>();
  const percentBound = (expectedCents: number): number => {
    let bound = percentBounds.get(expectedCents);
    if (bound === undefined) {
      bound = percent.value.times(Math.abs(expectedCents)).floor().toNumber();
      percentBounds.set(expectedCents, bound);
    }
    return bound;
  };

  const readExpected = createCentsReader({ sign: "signed" });
  const readAllowed = createCentsReader({ sign: "signed" });
  let accurate = 0;
  let measured = 0;
  let blankRows = 0;
  let leftOutRows = 0;
  for (let i = 0; i < rows; i++) {
    const e = readExpected(expected[i]);
    if (e === "malformed") return fail(amountIssue("expected", i, expected[i]));
    const a = readAllowed(allowed[i]);
    if (a === "malformed") return fail(amountIssue("allowed", i, allowed[i]));
    const rating = outcomes === null ? "measured" : ratingOf(outcomes[i]);
    if (rating === null) return fail({ code: "accuracyOutcomeUnknown", row: i + 1, value: String(outcomes?.[i]) });
    if (rating === "leftOut") {
      leftOutRows++;
      continue;
    }
    // The signed reader answers cents, "blank" or "malformed" (no bound is given, so never "tooLarge").
    if (typeof e !== "number" || typeof a !== "number") {
      blankRows++;
      continue;
    }
    measured++;
    const difference = Math.abs(a - e);
    if (difference <= dollarBound || (percentOn && difference <= percentBound(e))) accurate++;
  }
  if (measured === 0) return fail({ code: "noLinesToMeasure", rows, blankRows, leftOutRows });
  return ok({ share: accurate / measured, accurateLines: accurate, measuredLines: measured, blankRows, leftOutRows });
}

function amountIssue(argument: AccuracyAmountArgument, index: number, value: unknown): KpiIssue {
  return { code: "amountNotANumber", argument, row: index + 1, value: String(value) };
}
