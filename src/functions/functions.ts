/**
 * The custom functions of the PAYER namespace, as the custom-functions metadata plugin reads them: each JSDoc block
 * declares one function's id, parameters and help; the body delegates to its adapter module. Ids are explicit so that
 * renaming a TypeScript function never renames a function in users' workbooks. The `CustomFunctions` global is Excel's
 * (or, in the playground and tests, the shim installed before this module loads).
 */
import { denialRateResult } from "./denialRate";
import { valueOrThrow } from "./errors";
import { upliftScenarioResult } from "./upliftScenario";

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

/**
 * Revenue effect of a rate uplift over claim lines or a utilisation table. Codes are ranked by current revenue (or volume), highest first, ties by code; only the top_n codes get the uplift. Each line's new amount is its amount x (1 + uplift), rounded half-up to the cent on that line, as a payer prices and rounds each claim line; where billed is given it is capped at the billed charge (lesser-of). Blank rows are skipped. result "detail" spills one row per code, in rank order, with no header row: rank, code, volume, current, new, delta.
 * @customfunction UPLIFT_SCENARIO
 * @param codes Per row CPT/HCPCS code, text or number (110 reads as 00110).
 * @param amounts Per row current reimbursement in dollars (allowed or paid).
 * @param uplift One fraction for all codes (5% = 0.05), or a two-column range of code and fraction, where a * row is the default for codes not listed.
 * @param top_n How many codes, by rank, get the uplift; blank for all codes.
 * @param rank_by "revenue" (default): sum of amounts; "volume": sum of volumes, else number of rows.
 * @param volumes Per row volume (lines, units or a count), for rank_by "volume" and the detail volume column.
 * @param billed Per row billed charge in dollars; new amounts are capped at it (lesser-of). Blank cells mean no cap.
 * @param result "delta" (default): added dollars; "total": new total dollars; "percent": change as a fraction of the current total; "detail": rank, code, volume, current, new, delta per code.
 * @returns The added dollars, the new total, the change as a fraction, or one row per code.
 */
export function upliftScenario(
  codes: unknown[][],
  amounts: unknown[][],
  uplift: unknown[][],
  top_n?: unknown,
  rank_by?: string,
  volumes?: unknown[][],
  billed?: unknown[][],
  result?: string,
): unknown[][] {
  return valueOrThrow(upliftScenarioResult(codes, amounts, uplift, top_n, rank_by, volumes, billed, result));
}

CustomFunctions.associate("DENIAL_RATE", denialRate);
CustomFunctions.associate("UPLIFT_SCENARIO", upliftScenario);
