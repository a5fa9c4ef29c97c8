import type { Brand } from "./brand";

/**
 * A prior authorization number as the payer issued it: X12 REF*G1 "Prior Authorization Number" (835 loops 2100 and
 * 2110, 837 loop 2300), or a claims export's authorization column. Kept as sent, trimmed: payers' numbers are
 * free text (letters, digits, dashes), so nothing is padded or re-cased.
 */
export type PriorAuthorizationNumber = Brand<string, "PriorAuthorizationNumber">;

/**
 * A prior authorization number read from a cell or a file element: its text trimmed (a number cell reads as its
 * digits), null when blank: a blank cell means the line needed no authorization, never an error.
 * @example priorAuthorizationOf(" PA-2025-001 ") // "PA-2025-001"
 */
export function priorAuthorizationOf(cell: unknown): PriorAuthorizationNumber | null {
  if (cell === null || cell === undefined) return null;
  const trimmed = String(cell).trim();
  return trimmed === "" ? null : (trimmed as PriorAuthorizationNumber);
}

/**
 * What makes two authorizations the same one, as the Contract Performance sheet's UPPER(TRIM(...)) compares them:
 * runs of spaces are one space (Excel's TRIM) and case is ignored (Excel's UNIQUE ignores it too), so "pa 1" and
 * "PA  1" are one authorization on the sheet and in the engine alike.
 */
export function priorAuthorizationKey(number: PriorAuthorizationNumber): string {
  // A number is trimmed already (priorAuthorizationOf); only runs of spaces inside it are left to collapse.
  const spaced = number.includes("  ") ? number.split(" ").filter(Boolean).join(" ") : number;
  return spaced.toUpperCase();
}
