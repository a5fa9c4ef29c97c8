/**
 * `PAYER.DENIAL_RATE` from Excel arguments to the engine and back: arguments declared once in
 * {@link DENIAL_RATE_ARGUMENTS}, read by `readArguments`, computed by `computeDenialRate`, issues turned into errors.
 */
import { computeDenialRate, DENIAL_RATE_BASES } from "../engine";
import { argumentIssueError, denialIssueError } from "./errors";
import { readArguments, type ArgSpecTable } from "./excelArgs";

/** The arguments of `PAYER.DENIAL_RATE` in Excel order; the metadata contract test checks functions.ts against it. */
export const DENIAL_RATE_ARGUMENTS = {
  outcomes: {
    kind: "column",
    optional: false,
    description: "per claim line: TRUE/FALSE, a status word or adjustment codes like CO-50.",
  },
  charges: { kind: "column", optional: true, description: "per claim line billed charge, for basis dollars." },
  basis: { kind: "choice", choices: DENIAL_RATE_BASES, defaultChoice: "count", description: "count or dollars." },
  claim_ids: { kind: "column", optional: true, description: "per claim line claim id, for a rate per claim." },
} as const satisfies ArgSpecTable;

/**
 * The denial rate for Excel arguments: a fraction from 0 to 1, or the error value explaining why there is none.
 * @param args outcomes, charges, basis, claim_ids as Excel passes them (2-D ranges, scalars, null when omitted).
 */
export function denialRateResult(...args: readonly unknown[]): number | CustomFunctions.Error {
  const read = readArguments(DENIAL_RATE_ARGUMENTS, args);
  if (!read.ok) return argumentIssueError(read.issue);
  const { outcomes, charges, basis, claim_ids } = read.value.values;
  const rate = computeDenialRate({ outcomes, charges, basis, claimIds: claim_ids });
  return rate.ok ? rate.value.rate : denialIssueError(rate.issue);
}
