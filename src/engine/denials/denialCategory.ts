import type { Cents } from "../money";
import { isDenialAdjustment, type AdjustmentGroupCode } from "./adjustmentCodes";

/**
 * Root causes of denials, after the Change Healthcare Denials Index categories (DOMAIN.md 4.5), plus
 * "credentialing" and "contractual" which DOMAIN.md 4.4 names for CARC 185/B7 and 24 (capitation).
 */
export const DENIAL_CATEGORIES = [
  "registration_eligibility",
  "missing_invalid_claim_data",
  "authorization",
  "service_not_covered",
  "documentation_requested",
  "coding",
  "medical_necessity",
  "timely_filing",
  "duplicate",
  "credentialing",
  "contractual",
  "other",
] as const;

/** One of {@link DENIAL_CATEGORIES}. */
export type DenialCategory = (typeof DENIAL_CATEGORIES)[number];

/** Readable labels for the remittance table and the denial summaries. */
export const DENIAL_CATEGORY_LABELS: Readonly<Record<DenialCategory, string>> = {
  registration_eligibility: "Registration/Eligibility",
  missing_invalid_claim_data: "Missing/Invalid claim data",
  authorization: "Authorization/Precertification",
  service_not_covered: "Service not covered",
  documentation_requested: "Medical documentation requested",
  coding: "Medical coding",
  medical_necessity: "Medical necessity",
  timely_filing: "Timely filing",
  duplicate: "Duplicate",
  credentialing: "Credentialing",
  contractual: "Contractual/capitation",
  other: "Other",
};

/**
 * CARC -> root cause, from the table of DOMAIN.md 4.4 (X12 CARC list wording). Where the table names two causes
 * ("Coding/medical necessity" for 151, "Coverage/medical necessity" for 167) the first is used. CARC 251 (attachment
 * received was incomplete or deficient) is the companion of 252 and shares its category. Unlisted codes are "other".
 */
export const DENIAL_CATEGORY_BY_REASON: Readonly<Record<string, DenialCategory>> = {
  "4": "coding",
  "5": "coding",
  "6": "coding",
  "11": "coding",
  "15": "authorization",
  "16": "missing_invalid_claim_data",
  "18": "duplicate",
  "22": "registration_eligibility",
  "24": "contractual",
  "26": "registration_eligibility",
  "27": "registration_eligibility",
  "29": "timely_filing",
  "31": "registration_eligibility",
  "50": "medical_necessity",
  "96": "service_not_covered",
  "97": "coding",
  "109": "registration_eligibility",
  "119": "service_not_covered",
  "151": "coding",
  "167": "service_not_covered",
  "181": "coding",
  "182": "coding",
  "185": "credentialing",
  B7: "credentialing",
  "197": "authorization",
  "204": "service_not_covered",
  "234": "coding",
  "236": "coding",
  "242": "registration_eligibility",
  "251": "documentation_requested",
  "252": "documentation_requested",
};

/** The root cause of a denial reason code (CARC); "other" when the code is not in {@link DENIAL_CATEGORY_BY_REASON}. */
export function denialCategoryOf(adjustmentReasonCode: string): DenialCategory {
  return Object.prototype.hasOwnProperty.call(DENIAL_CATEGORY_BY_REASON, adjustmentReasonCode)
    ? (DENIAL_CATEGORY_BY_REASON[adjustmentReasonCode] as DenialCategory)
    : "other";
}

/** One 835 CAS triplet with its group (CAS01; CAS02/05/.. reason, CAS03/06/.. amount, CAS04/07/.. quantity). */
export interface RemitAdjustment {
  readonly adjustmentGroupCode: AdjustmentGroupCode;
  readonly adjustmentReasonCode: string;
  readonly adjustmentAmount: Cents;
  readonly adjustmentQuantity: number | null;
}

/** Sum of the patient-responsibility (PR) adjustments: deductible, coinsurance, copay and other PR reasons. */
export function patientResponsibilityOf(adjustments: readonly RemitAdjustment[]): Cents {
  let total = 0;
  for (const a of adjustments) if (a.adjustmentGroupCode === "PR") total += a.adjustmentAmount;
  return total as Cents;
}

/**
 * The allowed amount of a remitted line (DOMAIN.md 4.3, 6.2): AMT*B6 when the payer sent it, else paid plus
 * patient responsibility.
 */
export function remitAllowedAmount(
  reportedAllowedAmount: Cents | null,
  paidAmount: Cents,
  adjustments: readonly RemitAdjustment[],
): Cents {
  return reportedAllowedAmount ?? ((paidAmount + patientResponsibilityOf(adjustments)) as Cents);
}

/** What the denial rules need of one remitted line (or of a claim remitted without service lines). */
export interface RemitLineAmounts {
  /** CLP02: 22 is a reversal, 4 a claim denied because the patient was not recognised. */
  readonly claimStatusCode: string;
  readonly chargeAmount: Cents;
  readonly paidAmount: Cents;
  readonly allowedAmount: Cents;
  readonly adjustments: readonly RemitAdjustment[];
}

/** The denial verdict of one line. */
export interface RemitLineDenial {
  /** CLP02 = 22: the line reverses an earlier payment and is left out of denial counts. */
  readonly reversalFlag: boolean;
  /** Denied in full: the Rivet rule of DOMAIN.md 4.3, or a CLP02 = 4 claim. */
  readonly deniedFlag: boolean;
  /** Paid, but a CO/PI denial reason (not 45/253/59) reduced it, e.g. CO-151. */
  readonly partialDenialFlag: boolean;
  /** The adjustment that explains the denial or partial denial, when there is one. */
  readonly denialReason: RemitAdjustment | null;
  /** Root cause of the denial or partial denial; null when the line is not denied at all. */
  readonly denialCategory: DenialCategory | null;
}

const PAYER_GROUPS: ReadonlySet<AdjustmentGroupCode> = new Set(["CO", "PI", "OA", "CR"]);
const PARTIAL_DENIAL_GROUPS: ReadonlySet<AdjustmentGroupCode> = new Set(["CO", "PI"]);
const PATIENT_GROUP: ReadonlySet<AdjustmentGroupCode> = new Set(["PR"]);
const NOT_DENIED: RemitLineDenial = {
  reversalFlag: false,
  deniedFlag: false,
  partialDenialFlag: false,
  denialReason: null,
  denialCategory: null,
};
const REVERSAL: RemitLineDenial = { ...NOT_DENIED, reversalFlag: true };

/**
 * The denial reason of a line (DOMAIN.md 4.3): the largest denial adjustment among CO/PI/OA, else a PR adjustment
 * other than 1/2/3 (e.g. PR-204). Non-denial reasons (45, 253, 59, 23, 1/2/3) never explain a denial.
 */
export function denialReasonOf(adjustments: readonly RemitAdjustment[]): RemitAdjustment | null {
  return largestDenial(adjustments, PAYER_GROUPS) ?? largestDenial(adjustments, PATIENT_GROUP);
}

function largestDenial(
  adjustments: readonly RemitAdjustment[],
  groups: ReadonlySet<AdjustmentGroupCode>,
): RemitAdjustment | null {
  let largest: RemitAdjustment | null = null;
  for (const a of adjustments) {
    if (!groups.has(a.adjustmentGroupCode) || !isDenialAdjustment(a)) continue;
    if (largest === null || a.adjustmentAmount > largest.adjustmentAmount) largest = a;
  }
  return largest;
}

/**
 * Classifies one remitted line by DOMAIN.md 4.3:
 * - reversals (CLP02 = 22) are never denials;
 * - denied when charge > $0.01 and (allowed = 0 or (paid = 0 and patient responsibility = 0)) (Rivet rule), unless
 *   every adjustment is a non-denial (all-PR, OA-23 prior payer, CO-45/CO-253 only); a CLP02 = 4 claim is denied;
 * - partially denied when paid > 0 and a CO/PI denial reason reduced it.
 * @example classifyRemitLine({ claimStatusCode: "1", chargeAmount: 1200, paidAmount: 0, allowedAmount: 0,
 *   adjustments: [{ adjustmentGroupCode: "CO", adjustmentReasonCode: "50", adjustmentAmount: 1200, adjustmentQuantity: null }] })
 *   // deniedFlag true, denialCategory "medical_necessity"
 */
export function classifyRemitLine(line: RemitLineAmounts): RemitLineDenial {
  if (line.claimStatusCode === "22") return REVERSAL;
  const reason = denialReasonOf(line.adjustments);
  const patientResponsibility = patientResponsibilityOf(line.adjustments);
  const rivetDenied =
    line.chargeAmount > 1 && (line.allowedAmount === 0 || (line.paidAmount === 0 && patientResponsibility === 0));
  const onlyNonDenials = line.adjustments.length > 0 && reason === null;
  if (line.claimStatusCode === "4" || (rivetDenied && !onlyNonDenials)) {
    const category = reason !== null ? denialCategoryOf(reason.adjustmentReasonCode) : statusCategory(line);
    return { ...NOT_DENIED, deniedFlag: true, denialReason: reason, denialCategory: category };
  }
  const partialReason = line.paidAmount > 0 ? largestDenial(line.adjustments, PARTIAL_DENIAL_GROUPS) : null;
  if (partialReason !== null) {
    return {
      ...NOT_DENIED,
      partialDenialFlag: true,
      denialReason: partialReason,
      denialCategory: denialCategoryOf(partialReason.adjustmentReasonCode),
    };
  }
  return NOT_DENIED;
}

// CLP02 = 4 means "denied: patient/subscriber not recognised" (DOMAIN.md 6.1), a registration/eligibility cause.
function statusCategory(line: RemitLineAmounts): DenialCategory {
  return line.claimStatusCode === "4" ? "registration_eligibility" : "other";
}
