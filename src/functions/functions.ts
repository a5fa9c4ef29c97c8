/**
 * The custom functions of the PAYER namespace, as the custom-functions metadata plugin reads them: each JSDoc block
 * declares one function's id, parameters and help; the body delegates to its adapter module. Ids are explicit so that
 * renaming a TypeScript function never renames a function in users' workbooks. The `CustomFunctions` global is Excel's
 * (or, in the playground and tests, the shim installed before this module loads).
 */
import { denialRateResult } from "./denialRate";
import { valueOrThrow } from "./errors";

/**
 * Denial rate of claim lines or claims. Count basis: denied lines / rated lines; dollars basis: billed charges of denied lines / billed charges of rated lines; with claim_ids, per claim (a claim is denied when any of its lines is). A line is denied when its outcome is TRUE, "denied" or "partial", or carries an adjustment code other than patient responsibility (PR 1/2/3), contractual CO-45, MPPR 59, prior payer OA-23 or sequestration 253. Blank, pending, reversed and void lines are not rated.
 * @customfunction DENIAL_RATE
 * @param outcomes Per claim line: TRUE/FALSE, a status word (denied, partial, paid, pending, reversed) or adjustment codes like CO-50 or "PR-2 CO-45".
 * @param charges Per claim line billed charge in dollars; needed for basis "dollars".
 * @param basis "count" (default): each line or claim counts 1; "dollars": weighted by billed charges.
 * @param claim_ids Per claim line claim id; when given, the rate is per claim.
 * @returns The denied share, from 0 to 1.
 */
export function denialRate(
  outcomes: unknown[][],
  charges?: unknown[][],
  basis?: string,
  claim_ids?: unknown[][],
): number {
  return valueOrThrow(denialRateResult(outcomes, charges, basis, claim_ids));
}

CustomFunctions.associate("DENIAL_RATE", denialRate);
