import { isBlankCell, excelSerialOf, readDateCell } from "../cellValues";
import { Decimal } from "../decimal";
import { fail, ok, type Result } from "../result";
import type { DaysDateArgument, KpiIssue } from "./issues";

/** The named bases of days to pay; a percentile is written "p90" (see {@link PERCENTILE_BASIS}). */
export const DAYS_TO_PAY_BASES = ["mean", "median"] as const;

/** A percentile basis as users write it: "p" and 0 to 100 ("p90", "p95", "p99.5"). */
export const PERCENTILE_BASIS = /^p(?:100(?:\.0+)?|\d{1,2}(?:\.\d+)?)$/i;

/** How the days of the paid lines or claims are summarised: their mean, or a percentile (the median is p50). */
export type DaysToPayBasis = { readonly kind: "mean" } | { readonly kind: "percentile"; readonly percent: Decimal };

/**
 * The basis a word names: "mean", "median" (the 50th percentile) or a percentile like "p90"; null for another word.
 * @example daysToPayBasisOf("P90") // { kind: "percentile", percent: 90 }
 */
export function daysToPayBasisOf(text: string): DaysToPayBasis | null {
  const word = text.trim().toLowerCase();
  if (word === "mean") return { kind: "mean" };
  if (word === "median") return { kind: "percentile", percent: new Decimal(50) };
  return PERCENTILE_BASIS.test(word) ? { kind: "percentile", percent: new Decimal(word.slice(1)) } : null;
}

/** The columns of a days-to-pay calculation, one entry per claim line. */
export interface DaysToPayInput {
  /** Per line: the date the claim was submitted (an Excel serial or date text). */
  readonly submittedDates: readonly unknown[];
  /** Per line: the date the payer paid it; blank while unpaid. */
  readonly paidDates: readonly unknown[];
  /** "mean" (default), "median" or a percentile like "p90". */
  readonly basis?: string | null;
  /** Per line claim id: when given, days are measured per claim. */
  readonly claimIds?: readonly unknown[] | null;
}

/** Days to pay with the counts behind it. */
export interface DaysToPay {
  readonly days: number;
  readonly unit: "line" | "claim";
  /** Paid lines or claims measured. */
  readonly measured: number;
  /** Rows left out because their paid date is blank (unpaid, or a blank row). */
  readonly unpaidRows: number;
}

/** A claim's dates so far: its first submission and its latest payment, as Excel day numbers. */
interface ClaimDays {
  submitted: number;
  paid: number;
}

/**
 * Days to pay (DOMAIN.md 4.1, 3.3 prompt-pay windows): days from submission to payment of each paid line, or, with
 * `claimIds`, of each claim (from its first submission to its latest payment, the day the claim was paid in full as
 * far as the data shows), summarised by the mean or a percentile as Excel's PERCENTILE.INC computes it (linear
 * between ranks; the median is p50). Lines with a blank paid date are unpaid and left out; a paid line needs its
 * submission date, and a payment before submission is an error naming the row, never a negative day count. Each
 * distinct date cell is read once; days are whole numbers, so the mean and the interpolation are exact.
 * @example computeDaysToPay({ submittedDates: [45658, 45658], paidDates: [45688, 45668] }) // ok, days 20
 */
export function computeDaysToPay(input: DaysToPayInput): Result<DaysToPay, KpiIssue> {
  const { submittedDates, paidDates } = input;
  const claimIds = input.claimIds ?? null;
  const rows = submittedDates.length;
  if (paidDates.length !== rows)
    return fail({
      code: "lengthMismatch",
      argument: "paid_dates",
      rows: paidDates.length,
      other: "submitted_dates",
      otherRows: rows,
    });
  if (claimIds !== null && claimIds.length !== rows)
    return fail({
      code: "lengthMismatch",
      argument: "claim_ids",
      rows: claimIds.length,
      other: "submitted_dates",
      otherRows: rows,
    });
  const basisText = input.basis ?? "mean";
  const basis = isBlankCell(basisText) ? ({ kind: "mean" } as const) : daysToPayBasisOf(basisText);
  if (basis === null) return fail({ code: "basisUnknown", value: basisText });

  const readSubmitted = dayReader("submitted_dates");
  const readPaid = dayReader("paid_dates");
  const lineDays: number[] = [];
  const claims = claimIds === null ? null : new Map<string, ClaimDays>();
  let unpaidRows = 0;
  for (let i = 0; i < rows; i++) {
    const paid = readPaid(paidDates[i], i);
    if (typeof paid !== "number") {
      if (paid === null) {
        unpaidRows++;
        continue;
      }
      return fail(paid);
    }
    const submitted = readSubmitted(submittedDates[i], i);
    if (submitted === null) return fail({ code: "submittedDateMissing", row: i + 1 });
    if (typeof submitted !== "number") return fail(submitted);
    if (paid < submitted)
      return fail({
        code: "paidBeforeSubmitted",
        row: i + 1,
        submitted: shown(submittedDates[i]),
        paid: shown(paidDates[i]),
      });
    if (claims === null) {
      lineDays.push(paid - submitted);
      continue;
    }
    const key = claimKey(claimIds?.[i]);
    if (key === null) return fail({ code: "claimIdMissing", row: i + 1 });
    const claim = claims.get(key);
    if (claim === undefined) claims.set(key, { submitted, paid });
    else {
      claim.submitted = Math.min(claim.submitted, submitted);
      claim.paid = Math.max(claim.paid, paid);
    }
  }
  const days = claims === null ? lineDays : [...claims.values()].map((c) => c.paid - c.submitted);
  if (days.length === 0) return fail({ code: "nothingPaid", rows, unpaidRows });
  return ok({
    days: summarise(Float64Array.from(days), basis),
    unit: claims === null ? "line" : "claim",
    measured: days.length,
    unpaidRows,
  });
}

/** The mean, or the percentile as PERCENTILE.INC: rank h = (n - 1) x p / 100, linear between the ranks around it. */
function summarise(days: Float64Array, basis: DaysToPayBasis): number {
  if (basis.kind === "mean") {
    let total = 0;
    for (const d of days) total += d;
    return total / days.length;
  }
  days.sort();
  const rank = basis.percent.times(days.length - 1).dividedBy(100);
  const below = rank.floor().toNumber();
  const low = days[below] ?? 0;
  const high = days[Math.min(below + 1, days.length - 1)] ?? low;
  return rank
    .minus(below)
    .times(high - low)
    .plus(low)
    .toNumber();
}

/** A date cell as an Excel day number: null when blank, an issue when it is not a date. Each distinct cell read once. */
function dayReader(argument: DaysDateArgument): (value: unknown, index: number) => number | null | KpiIssue {
  const seen = new Map<unknown, number | null | "malformed">();
  return (value, index) => {
    let day = seen.get(value);
    if (day === undefined) {
      day = dayOf(value);
      seen.set(value, day);
    }
    return day === "malformed" ? { code: "dateMalformed", argument, row: index + 1, value: shown(value) } : day;
  };
}

function dayOf(value: unknown): number | null | "malformed" {
  if (isBlankCell(value)) return null;
  const date = readDateCell(value);
  return date.ok ? excelSerialOf(date.value) : "malformed";
}

/** A cell as the message quotes it: a date as ISO text, anything else as written. */
function shown(value: unknown): string {
  const date = readDateCell(value);
  return date.ok ? date.value : String(value).trim();
}

/** One claim per id: trimmed, case-insensitive, and 123 and "123" the same claim (as DENIAL_RATE keys claims). */
function claimKey(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const key = String(value).trim().toUpperCase();
  return key === "" ? null : key;
}
