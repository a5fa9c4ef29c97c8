/**
 * `PAYER.PAYMENT_ACCURACY` from Excel arguments to the engine and back: arguments declared once in
 * {@link PAYMENT_ACCURACY_ARGUMENTS}, read and checked by the whole-range adapter, computed by
 * `computePaymentAccuracy`, issues turned into errors.
 */
import { computePaymentAccuracy } from "../engine";
import { wholeRangeFunction } from "./adapters";
import { ARGUMENT_LIMITS } from "./argumentLimits";
import { kpiIssueError } from "./errors";
import type { ArgSpecTable } from "./excelArgs";

/** The arguments of `PAYER.PAYMENT_ACCURACY` in Excel order; the metadata test checks declarations.ts against them. */
export const PAYMENT_ACCURACY_ARGUMENTS = {
  expected: {
    kind: "column",
    optional: false,
    description: "per claim line the contract's expected allowed amount in dollars.",
    limit: ARGUMENT_LIMITS.lineAllowed,
  },
  allowed: {
    kind: "column",
    optional: false,
    description: "per claim line the allowed amount the payer adjudicated, in dollars.",
    limit: ARGUMENT_LIMITS.lineAllowed,
  },
  tolerance_dollars: {
    kind: "number",
    optional: true,
    description: "the largest difference, in dollars, still counted accurate; blank = 0.01.",
    limit: ARGUMENT_LIMITS.toleranceDollars,
  },
  tolerance_percent: {
    kind: "number",
    optional: true,
    description:
      "the largest difference, as a fraction of the expected amount (2% = 0.02), still counted accurate; blank = 0.",
    limit: ARGUMENT_LIMITS.tolerancePercent,
  },
  outcomes: {
    kind: "column",
    optional: true,
    description: "per claim line Outcome (Paid, Partial, Denied, Reversed) or a denied flag.",
  },
} as const satisfies ArgSpecTable;

/**
 * Payment accuracy for Excel arguments (ranges as 2-D arrays, null when omitted): the share of measured lines paid
 * within tolerance, from 0 to 1, or the error value explaining why there is none.
 */
export const paymentAccuracyResult = wholeRangeFunction(PAYMENT_ACCURACY_ARGUMENTS, (args) => {
  const accuracy = computePaymentAccuracy({
    expected: args.expected,
    allowed: args.allowed,
    toleranceDollars: args.tolerance_dollars,
    tolerancePercent: args.tolerance_percent,
    outcomes: args.outcomes,
  });
  return accuracy.ok ? accuracy.value.share : kpiIssueError(accuracy.issue);
});
