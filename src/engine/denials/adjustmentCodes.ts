/**
 * Claim adjustment codes as users write them ("CO-50", "PR-2 CO-45", "197", "CO50") and which of them are denials.
 * An adjustment is one X12 835 CAS triplet's group and reason: CAS01 group code, CAS02 reason code (CARC).
 */

/**
 * Claim adjustment group codes (X12 835 CAS01; DOMAIN.md 4.2): CO contractual obligation, PR patient
 * responsibility, OA other adjustments, PI payer-initiated reduction, CR corrections and reversals (not used in 5010,
 * accepted because older exports carry it).
 */
export const ADJUSTMENT_GROUP_CODES = ["CO", "PR", "OA", "PI", "CR"] as const;

/** One of {@link ADJUSTMENT_GROUP_CODES}. */
export type AdjustmentGroupCode = (typeof ADJUSTMENT_GROUP_CODES)[number];

/** One adjustment: group (when written) and Claim Adjustment Reason Code (CARC), e.g. CO-50 or a bare 197. */
export interface AdjustmentCode {
  readonly adjustmentGroupCode: AdjustmentGroupCode | null;
  readonly adjustmentReasonCode: string;
}

/** Why an adjustment is not a denial; these groups stay outside the denial numerator (DOMAIN.md 4.5). */
export type NonDenialCategory =
  "patient_responsibility" | "contractual" | "multiple_procedure" | "prior_payer" | "sequestration";

/** A reason code that never makes a line denied, whatever its group, with the reason why. */
export interface NonDenialAdjustment {
  readonly adjustmentReasonCode: string;
  readonly category: NonDenialCategory;
  readonly description: string;
}

/**
 * Reason codes that are not denials (DOMAIN.md 4.3 "not denials" and 4.4; X12 CARC list). They are matched by reason
 * code alone: PR-1 and a bare "1" mean the same deductible, and a payer's odd CO-2 is a coding slip, not a denial.
 */
export const NON_DENIAL_ADJUSTMENTS: readonly NonDenialAdjustment[] = [
  { adjustmentReasonCode: "1", category: "patient_responsibility", description: "Deductible amount" },
  { adjustmentReasonCode: "2", category: "patient_responsibility", description: "Coinsurance amount" },
  { adjustmentReasonCode: "3", category: "patient_responsibility", description: "Co-payment amount" },
  {
    adjustmentReasonCode: "45",
    category: "contractual",
    description: "Charge exceeds fee schedule/maximum allowable or contracted/legislated fee arrangement",
  },
  {
    // Deactivated by X12 in favour of 45 (DOMAIN.md 4.4), still present in older remittances.
    adjustmentReasonCode: "42",
    category: "contractual",
    description: "Charges exceed our fee schedule or maximum allowable amount (deactivated; use 45)",
  },
  {
    adjustmentReasonCode: "59",
    category: "multiple_procedure",
    description: "Processed based on multiple or concurrent procedure rules",
  },
  { adjustmentReasonCode: "23", category: "prior_payer", description: "Impact of prior payer(s) adjudication" },
  {
    adjustmentReasonCode: "253",
    category: "sequestration",
    description: "Sequestration - reduction in federal payment",
  },
];

const NON_DENIAL_REASONS: ReadonlySet<string> = new Set(NON_DENIAL_ADJUSTMENTS.map((a) => a.adjustmentReasonCode));

// A group code glued to or separated from the reason: CO-50, CO50, CO:50, CO*50, CO 50 (joined by the tokenizer).
// CARCs are 1-3 digits or a letter with 1-2 digits (B7, P12, W1).
const ADJUSTMENT_TOKEN = /^(CO|PR|OA|PI|CR)?[-:*]?(\d{1,3}|[A-Z]\d{1,2})$/;
const SEPARATORS = /[\s,;|/]+/;
const GROUP_ONLY = /^(CO|PR|OA|PI|CR)-?$/;

/** Result of reading a list of adjustment codes: the codes, or the first token that is not one. */
export type AdjustmentCodesParse =
  { readonly ok: true; readonly codes: readonly AdjustmentCode[] } | { readonly ok: false; readonly token: string };

/**
 * Reads adjustment codes separated by spaces, commas, semicolons, pipes or slashes; case-insensitive.
 * @example parseAdjustmentCodes("PR-2, co45") // ok: [{PR, "2"}, {CO, "45"}]
 * @example parseAdjustmentCodes("CO-XYZ") // { ok: false, token: "CO-XYZ" }
 */
export function parseAdjustmentCodes(text: string): AdjustmentCodesParse {
  const tokens = text.trim().toUpperCase().split(SEPARATORS);
  const codes: AdjustmentCode[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let token = tokens[i] ?? "";
    if (token === "") continue;
    const next = tokens[i + 1];
    // "CO 50": a group written apart from its reason.
    if (GROUP_ONLY.test(token) && next !== undefined) {
      token = token.replace("-", "") + "-" + next;
      i++;
    }
    const match = ADJUSTMENT_TOKEN.exec(token);
    if (match === null) return { ok: false, token };
    const reason = match[2] ?? "";
    codes.push({
      adjustmentGroupCode: (match[1] as AdjustmentGroupCode | undefined) ?? null,
      // "045" and "45" are the same CARC.
      adjustmentReasonCode: /^\d+$/.test(reason) ? String(Number(reason)) : reason,
    });
  }
  return { ok: true, codes };
}

/**
 * True when the adjustment marks the line denied: any reason outside {@link NON_DENIAL_ADJUSTMENTS}
 * (DOMAIN.md 4.3: patient responsibility 1/2/3, contractual 45, MPPR 59, prior payer 23 and sequestration 253 are not).
 * PR with another reason (e.g. PR-204, not covered under the patient's plan) is a denial.
 */
export function isDenialAdjustment(code: AdjustmentCode): boolean {
  return !NON_DENIAL_REASONS.has(code.adjustmentReasonCode);
}
