import { isDenialAdjustment, parseAdjustmentCodes, type AdjustmentCode } from "../denials/adjustmentCodes";
import { DENIAL_CATEGORY_LABELS, denialCategoryOf, type DenialCategory } from "../denials/denialCategory";
import { parseOutcome } from "../denials/outcome";
import type { Cents } from "../money";

/** Whether a claims-table line was denied in full, and why. */
export interface LineDenial {
  readonly denied: boolean;
  /** Root cause of the denial (DOMAIN.md 4.5); null when the line is not denied. */
  readonly category: DenialCategory | null;
  /** The adjustment that explains the denial, or a partial denial of a paid line ("CO-50"); else null. */
  readonly reasonCode: string | null;
}

/** What a claims or remittance table says about one line's adjudication. */
export interface LineAdjudication {
  /** A Denied Flag / outcome cell (TRUE/FALSE, "Denied", "Paid"...); undefined when the table maps none. */
  readonly deniedCell?: unknown;
  /**
   * The table's own denial reason ("CO-197", the remittance table's Denial Reason Code); undefined when the table
   * maps none. When it reads as an adjustment code it is the reason, so the review and the table agree.
   */
  readonly reasonCell?: unknown;
  /** Adjustment codes as written ("CO-45 PR-2"); null or blank when none. */
  readonly adjustmentCodes: string | null;
  readonly chargeAmount: Cents | null;
  readonly allowedAmount: Cents;
}

const codeText = (code: AdjustmentCode) =>
  code.adjustmentGroupCode === null
    ? code.adjustmentReasonCode
    : `${code.adjustmentGroupCode}-${code.adjustmentReasonCode}`;

/**
 * The denial reason of a line (DOMAIN.md 4.3: the largest denial adjustment among CO/PI/OA, else a PR one other
 * than 1/2/3). The amount of each code is known only where the line was read from an 835, so the table's own reason
 * column (the remittance table's Denial Reason Code, decided by `denialReasonOf` with the amounts) is taken when
 * present; a claims export carries codes without amounts, where "largest amount" can only become "first written".
 */
function denialReason(codes: readonly AdjustmentCode[], reasonCell: unknown): AdjustmentCode | null {
  if (typeof reasonCell === "string" && reasonCell.trim() !== "") {
    const stated = parseAdjustmentCodes(reasonCell);
    const code = stated.ok && stated.codes.length === 1 ? stated.codes[0]! : null;
    if (code !== null && isDenialAdjustment(code)) return code;
  }
  const denials = codes.filter(isDenialAdjustment);
  return denials.find((c) => c.adjustmentGroupCode !== "PR") ?? denials[0] ?? null;
}

/**
 * Decides whether a line was denied in full, by DOMAIN.md 4.3, and why (the table's reason column, else the codes):
 * - a Denied Flag or outcome cell, when the table has one and it reads as an outcome, decides;
 * - else the Rivet rule on the amounts: charge > $0.01 and allowed = 0 is a denial, unless the line's adjustment
 *   codes are all non-denials (deductible, coinsurance, CO-45, OA-23 prior payer, CO-253, MPPR 59); without a
 *   charge, allowed = 0 counts only with a denial code.
 * A paid line with a denial code (CO-151 reducing units) is not denied in full; its code is kept as the reason.
 * @example lineDenial({ adjustmentCodes: "CO-50", chargeAmount: 12000, allowedAmount: 0 })
 *   // { denied: true, category: "medical_necessity", reasonCode: "CO-50" }
 */
export function lineDenial(line: LineAdjudication): LineDenial {
  const parsed = parseAdjustmentCodes(line.adjustmentCodes ?? "");
  const codes = parsed.ok ? parsed.codes : [];
  const reason = denialReason(codes, line.reasonCell);
  const reasonCode = reason === null ? null : codeText(reason);
  let denied: boolean | null = null;
  if (line.deniedCell !== undefined) {
    const outcome = parseOutcome(line.deniedCell);
    if (outcome.ok && outcome.outcome !== "excluded") denied = outcome.outcome === "denied";
  }
  if (denied === null) {
    const onlyNonDenials = codes.length > 0 && reason === null;
    const zeroAllowed = line.allowedAmount === 0;
    denied =
      line.chargeAmount === null
        ? zeroAllowed && reason !== null
        : line.chargeAmount > 1 && zeroAllowed && !onlyNonDenials;
  }
  if (!denied) return { denied: false, category: null, reasonCode };
  return {
    denied: true,
    category: reason === null ? "other" : denialCategoryOf(reason.adjustmentReasonCode),
    reasonCode,
  };
}

/** "Denied (Medical necessity): CO-50", the Reason of a denied line; its prefix is what the summary counts by. */
export function deniedReasonText(denial: LineDenial): string {
  return `${deniedReasonPrefix(denial.category ?? "other")}: ${denial.reasonCode ?? "no denial reason code"}`;
}

/** "Denied (Medical necessity)": the start of every denied Reason of a category. */
export function deniedReasonPrefix(category: DenialCategory): string {
  return `Denied (${DENIAL_CATEGORY_LABELS[category]})`;
}
