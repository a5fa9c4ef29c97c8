import type { Cents } from "../money";

/** What a claims or remittance table says about whether a line reverses an earlier payment. */
export interface LineReversalCells {
  /** A Reversal Flag cell (the remittance table's); undefined when the table maps none. */
  readonly reversalCell?: unknown;
  /** The Denied Flag / outcome cell, which may say "Reversed" (the remittance table's Outcome word). */
  readonly deniedCell?: unknown;
  readonly chargeAmount: Cents | null;
}

// The words a flag or outcome cell uses for a reversal; "void" as PAYER.DENIAL_RATE's outcome words read it.
const REVERSAL_WORDS: ReadonlySet<string> = new Set(["reversed", "reversal", "void", "voided"]);
const YES_WORDS: ReadonlySet<string> = new Set(["true", "yes", "y", ...REVERSAL_WORDS]);

const word = (cell: unknown): string => (typeof cell === "string" ? cell.trim().toLowerCase() : "");

/**
 * Whether a line reverses an earlier payment (835 CLP02 = 22), which the review does not rate (DOMAIN.md 4.3); its
 * correction, a line of its own, is reviewed normally. Recognised, in this order of evidence:
 * - a Reversal Flag cell that says so (TRUE, "Yes", "Reversed");
 * - a Denied Flag / outcome cell reading "Reversed" or "Void";
 * - a negative billed charge: a reversal repeats the original line with every amount negated, and no billed charge
 *   is otherwise negative (`PAYER.DENIAL_RATE` leaves such a line out on the same evidence).
 */
export function isReversalLine(line: LineReversalCells): boolean {
  const flag = line.reversalCell;
  if (flag === true || YES_WORDS.has(word(flag))) return true;
  if (REVERSAL_WORDS.has(word(line.deniedCell))) return true;
  return line.chargeAmount !== null && line.chargeAmount < 0;
}
