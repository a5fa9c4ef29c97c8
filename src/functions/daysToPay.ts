/**
 * `PAYER.DAYS_TO_PAY` from Excel arguments to the engine and back: arguments declared once in
 * {@link DAYS_TO_PAY_ARGUMENTS}, read and checked by the whole-range adapter, computed by `computeDaysToPay`,
 * issues turned into errors.
 */
import { computeDaysToPay, DAYS_TO_PAY_BASES, PERCENTILE_BASIS } from "../engine";
import { wholeRangeFunction } from "./adapters";
import { kpiIssueError } from "./errors";
import type { ArgSpecTable } from "./excelArgs";

/** The arguments of `PAYER.DAYS_TO_PAY` in Excel order; the metadata test checks declarations.ts against them. */
export const DAYS_TO_PAY_ARGUMENTS = {
  submitted_dates: {
    kind: "column",
    optional: false,
    description: "per claim line the date the claim was submitted (an Excel date or date text).",
  },
  paid_dates: {
    kind: "column",
    optional: false,
    description: "per claim line the date the payer paid it; blank while unpaid.",
  },
  basis: {
    kind: "choice",
    choices: DAYS_TO_PAY_BASES,
    defaultChoice: "mean",
    description: 'mean, median or a percentile like "p90".',
    pattern: { matches: PERCENTILE_BASIS, shown: 'a percentile like "p90" (p0 to p100)' },
  },
  claim_ids: { kind: "column", optional: true, description: "per claim line claim id, for days per claim." },
} as const satisfies ArgSpecTable;

/**
 * Days to pay for Excel arguments (ranges as 2-D arrays, null when omitted): the mean or percentile of the days from
 * submission to payment, or the error value explaining why there is none.
 */
export const daysToPayResult = wholeRangeFunction(DAYS_TO_PAY_ARGUMENTS, (args) => {
  const days = computeDaysToPay({
    submittedDates: args.submitted_dates,
    paidDates: args.paid_dates,
    basis: args.basis,
    claimIds: args.claim_ids,
  });
  return days.ok ? days.value.days : kpiIssueError(days.issue);
});
