/**
 * `PAYER.DENIAL_RATE` from Excel arguments to the engine and back: arguments declared once in
 * {@link DENIAL_RATE_ARGUMENTS}, read and checked by the whole-range adapter, computed by `computeDenialRate`, issues
 * turned into errors.
 */
import { computeDenialRate, DENIAL_RATE_BASES } from "../engine";
import { wholeRangeFunction } from "./adapters";
import { ARGUMENT_LIMITS } from "./argumentLimits";
import { denialIssueError } from "./errors";
import type { ArgSpecTable } from "./excelArgs";

/** The arguments of `PAYER.DENIAL_RATE` in Excel order; the metadata test checks declarations.ts against them. */
export const DENIAL_RATE_ARGUMENTS = {
  outcomes: {
    kind: "column",
    optional: false,
    description: "per claim line: TRUE/FALSE, a status word or adjustment codes like CO-50.",
  },
  charges: {
    kind: "column",
    optional: true,
    description: "per claim line billed charge, for basis dollars; a negative charge marks a reversal, not rated.",
    limit: ARGUMENT_LIMITS.remittedLineCharge,
  },
  basis: { kind: "choice", choices: DENIAL_RATE_BASES, defaultChoice: "count", description: "count or dollars." },
  claim_ids: { kind: "column", optional: true, description: "per claim line claim id, for a rate per claim." },
} as const satisfies ArgSpecTable;

/**
 * The denial rate for Excel arguments (outcomes, charges, basis, claim_ids as Excel passes them: 2-D ranges, scalars,
 * null when omitted): a fraction from 0 to 1, or the error value explaining why there is none.
 */
export const denialRateResult = wholeRangeFunction(DENIAL_RATE_ARGUMENTS, ({ outcomes, charges, basis, claim_ids }) => {
  const rate = computeDenialRate({ outcomes, charges, basis, claimIds: claim_ids });
  return rate.ok ? rate.value.rate : denialIssueError(rate.issue);
});
