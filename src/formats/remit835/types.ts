import type { DenialCategory, MsDrg, PriorAuthorizationNumber, RemitAdjustment } from "../../engine";
import type { HcpcsCode } from "../../engine";
import type { IsoDate } from "../../engine";
import type { Modifier } from "../../engine";
import type { Cents } from "../../engine";
import type { Remit835Warning, SegmentPosition } from "./issues";
import type { TextEncoding } from "./encoding";
import type { Delimiters } from "./segments";

/** The X12 version of a transaction: from GS08 (005010X221A1, 004010X091A1), else ISA12 (00501, 00401). */
export type X12Version = "4010" | "5010";

/** A remark code of an LQ segment: LQ01 qualifier (HE = RARC, RX = NCPDP reject) and LQ02 code. */
export interface RemitRemark {
  readonly codeListQualifierCode: string;
  readonly remarkCode: string;
}

/**
 * The claim's MIA segment: Medicare (and Medicare-like) inpatient adjudication, 005010X221A1 loop 2100. Only the
 * elements a hospital finance team reconciles are kept; an element sent blank is null.
 */
export interface InpatientAdjudication {
  /** MIA01: covered days (or visits) the payer paid. */
  readonly coveredDaysOrVisitsCount: number | null;
  /** MIA02: the PPS operating outlier amount (the cost outlier paid on top of the DRG). */
  readonly ppsOperatingOutlierAmount: Cents | null;
  /** MIA03: lifetime psychiatric days used. */
  readonly lifetimePsychiatricDaysCount: number | null;
  /** MIA04: the claim's DRG amount. */
  readonly claimDrgAmount: Cents | null;
  /** MIA06: disproportionate share (DSH) amount. */
  readonly claimDisproportionateShareAmount: Cents | null;
  /** MIA08: PPS capital amount. */
  readonly claimPpsCapitalAmount: Cents | null;
  /** MIA18: indirect medical education (teaching) amount. */
  readonly claimIndirectTeachingAmount: Cents | null;
  /** MIA05 and MIA20-MIA23: claim payment remark codes (RARC), in element order. */
  readonly remarkCodes: readonly string[];
}

/** The claim's MOA segment: outpatient adjudication (loop 2100); an element sent blank is null. */
export interface OutpatientAdjudication {
  /** MOA01: the reimbursement rate, a fraction (0.8 = 80%), as X12 data element 954 defines it. */
  readonly reimbursementRate: number | null;
  /** MOA02: the claim's HCPCS payable amount. */
  readonly claimHcpcsPayableAmount: Cents | null;
  /** MOA08: ESRD payment amount. */
  readonly claimEsrdPaymentAmount: Cents | null;
  /** MOA09: the professional component amount not payable on this claim. */
  readonly nonpayableProfessionalComponentAmount: Cents | null;
  /** MOA03-MOA07: claim payment remark codes (RARC), in element order. */
  readonly remarkCodes: readonly string[];
}

/** What a line copies from its claim's institutional elements (CLP08, CLP11, CLP12, MIA01). */
export interface InstitutionalClaimFields {
  /**
   * CLP08: for an institutional claim the first two digits of its UB-04 type of bill (11 hospital inpatient, 13
   * hospital outpatient); for a professional claim its place of service. Null when not sent.
   */
  readonly facilityTypeCode: string | null;
  /** CLP11: the MS-DRG the payer paid the stay under, three digits ("039"). */
  readonly msDrg: MsDrg | null;
  /** CLP12: the DRG's relative weight as the payer applied it. */
  readonly drgWeight: number | null;
  /** MIA01: the covered days the payer paid the stay for; null without an MIA. */
  readonly coveredDaysOrVisitsCount: number | null;
}

/**
 * One remitted service line (835 loop 2110), or, for a claim the payer sent without service lines, the claim as one
 * line (`claimLevelFlag`). Claim and payment fields are copied onto each line so a line is a table row on its own.
 * Names follow the Tuva/X12 vocabulary of STYLE.md.
 */
export interface RemitLine extends InstitutionalClaimFields {
  /** N1*PR N102. */
  readonly payer: string | null;
  /** BPR16 check or EFT effective date. */
  readonly paymentDate: IsoDate | null;
  /** TRN02 check or EFT trace number. */
  readonly checkOrEftTraceNumber: string | null;
  /** CLP01 patient control number, the provider's claim id (= 837 CLM01). */
  readonly claimId: string;
  /** The claim's DTM*050: the date the payer received the claim; null when the payer did not send it. */
  readonly claimReceivedDate: IsoDate | null;
  /** The claim's DTM*232 / DTM*233 statement period, as sent (null when absent); never taken from the lines. */
  readonly statementStartDate: IsoDate | null;
  readonly statementEndDate: IsoDate | null;
  /** CLP02: 1/2/3 processed as primary/secondary/tertiary, 4 denied, 22 reversal, ... */
  readonly claimStatusCode: string;
  /** CLP07 payer claim control number. */
  readonly payerClaimControlNumber: string | null;
  /** 1-based position of the SVC in its claim. */
  readonly claimLineNumber: number;
  /** True for a claim sent without SVC lines: the line carries CLP03/CLP04 and the claim-level CAS. */
  readonly claimLevelFlag: boolean;
  /** REF*6R line item control number (= 837 REF*6R): the key to match the line to the claim sent. */
  readonly lineItemControlNumber: string | null;
  /**
   * REF*G1 prior authorization number: the line's own (loop 2110), else its claim's (loop 2100); null when neither
   * was sent, or the one that applies cannot be read (its warning says so).
   */
  readonly priorAuthorizationNumber: PriorAuthorizationNumber | null;
  /** SVC01-1: HC (CPT/HCPCS), AD (ADA dental), NU (revenue code), N4 (NDC), HP (HIPPS), ... */
  readonly procedureCodeQualifier: string | null;
  /** SVC01-2 as sent, whatever its qualifier. */
  readonly procedureCode: string | null;
  /** SVC01-2 when the qualifier is HC or AD and the code is a valid CPT/HCPCS code. */
  readonly hcpcsCode: HcpcsCode | null;
  /** SVC01-3..6. */
  readonly hcpcsModifiers: readonly Modifier[];
  /** SVC04 NUBC revenue code (institutional lines). */
  readonly revenueCenterCode: string | null;
  /** SVC06-2 when the payer adjudicated a different code than the one submitted. */
  readonly originalProcedureCode: string | null;
  readonly originalHcpcsModifiers: readonly Modifier[];
  /** Units billed: SVC07 when the payer changed them, else the units paid. */
  readonly serviceUnitQuantity: number;
  /** SVC05 units paid (X12: absent means 1). */
  readonly paidServiceUnitQuantity: number;
  /** SVC02 (CLP03 for a claim-level line). */
  readonly chargeAmount: Cents;
  /** AMT*B6 when present, else paid + patient responsibility (DOMAIN.md 4.3). */
  readonly allowedAmount: Cents;
  /** Whether the allowed amount came from the payer (AMT*B6) or was derived. */
  readonly allowedAmountSource: "AMT*B6" | "paid + patient responsibility";
  /** SVC03 (CLP04 for a claim-level line). */
  readonly paidAmount: Cents;
  /** Sum of CAS PR. */
  readonly patientResponsibilityAmount: Cents;
  readonly deductibleAmount: Cents;
  readonly coinsuranceAmount: Cents;
  readonly copaymentAmount: Cents;
  /** Every CAS triplet of the line, in file order. */
  readonly adjustments: readonly RemitAdjustment[];
  /** LQ segments. */
  readonly remarks: readonly RemitRemark[];
  /** DTM*472, or DTM*150; else the claim's DTM*232 statement date. */
  readonly serviceDate: IsoDate | null;
  /** DTM*151, or DTM*472 / the claim's DTM*233. */
  readonly serviceEndDate: IsoDate | null;
  readonly reversalFlag: boolean;
  readonly deniedFlag: boolean;
  readonly partialDenialFlag: boolean;
  readonly denialReason: RemitAdjustment | null;
  readonly denialCategory: DenialCategory | null;
  /** Warnings about this line's segments (also listed in the file's warnings). */
  readonly warnings: readonly Remit835Warning[];
  /** Where the SVC (or CLP for a claim-level line) is. */
  readonly position: SegmentPosition;
}

/** One claim (835 loop 2100). */
export interface RemitClaim {
  readonly claimId: string;
  readonly claimStatusCode: string;
  /** CLP03. */
  readonly chargeAmount: Cents;
  /** CLP04. */
  readonly paidAmount: Cents;
  /** CLP05. */
  readonly patientResponsibilityAmount: Cents | null;
  /** CLP06: 12 PPO, 13 POS, HM HMO, MA/MB Medicare, MC Medicaid, CI commercial, ... */
  readonly claimFilingIndicatorCode: string | null;
  readonly payerClaimControlNumber: string | null;
  readonly reversalFlag: boolean;
  /** NM1*QC patient name (NM103 last, NM104 first). */
  readonly patientLastName: string | null;
  readonly patientFirstName: string | null;
  /** DTM*232 / DTM*233 claim statement period. */
  readonly statementStartDate: IsoDate | null;
  readonly statementEndDate: IsoDate | null;
  /** DTM*050: the date the payer received the claim. */
  readonly claimReceivedDate: IsoDate | null;
  /** REF*G1 of the claim loop (2100): its prior authorization number; null when none or unreadable. */
  readonly priorAuthorizationNumber: PriorAuthorizationNumber | null;
  /** CLP08, CLP11 and CLP12 (see {@link InstitutionalClaimFields}), also copied on each line. */
  readonly facilityTypeCode: string | null;
  readonly msDrg: MsDrg | null;
  readonly drgWeight: number | null;
  /** The MIA segment of an inpatient claim; null when the payer sent none. */
  readonly inpatientAdjudication: InpatientAdjudication | null;
  /** The MOA segment of an outpatient claim; null when the payer sent none. */
  readonly outpatientAdjudication: OutpatientAdjudication | null;
  /** CAS at claim level (loop 2100). */
  readonly claimAdjustments: readonly RemitAdjustment[];
  readonly lines: readonly RemitLine[];
  readonly position: SegmentPosition;
}

/** One PLB adjustment identifier/amount pair; a positive amount reduces the payment. */
export interface ProviderAdjustment {
  /** PLB01 provider identifier. */
  readonly providerIdentifier: string | null;
  /** PLB02 fiscal period date. */
  readonly fiscalPeriodDate: IsoDate | null;
  /** PLB03-1 etc.: WO overpayment recovery, L6 interest, FB forwarding balance, CS adjustment, ... */
  readonly adjustmentReasonCode: string;
  /** PLB03-2 etc.: the reference the payer gives. */
  readonly referenceIdentifier: string | null;
  readonly adjustmentAmount: Cents;
}

/** One 835 transaction (ST..SE): one payment or notification from one payer. */
export interface RemitTransaction {
  readonly interchangeControlNumber: string | null;
  readonly transactionSetControlNumber: string;
  readonly version: X12Version | null;
  /** BPR01: I remittance only, C payment and remittance, H notification, ... */
  readonly transactionHandlingCode: string | null;
  /** BPR02. */
  readonly totalActualProviderPaymentAmount: Cents | null;
  /** BPR04: ACH, CHK, NON, ... */
  readonly paymentMethodCode: string | null;
  readonly paymentDate: IsoDate | null;
  readonly checkOrEftTraceNumber: string | null;
  readonly payer: string | null;
  /** N1*PR N104, else REF*2U. */
  readonly payerIdentifier: string | null;
  readonly payee: string | null;
  /** N1*PE N104 (NPI when N103 = XX). */
  readonly payeeIdentifier: string | null;
  readonly claims: readonly RemitClaim[];
  readonly providerAdjustments: readonly ProviderAdjustment[];
  readonly position: SegmentPosition;
}

/** A parsed 835 file. */
export interface Remit835File {
  readonly interchangeCount: number;
  /** False when the file started at GS or ST (a warning says so too). */
  readonly hasEnvelope: boolean;
  readonly delimiters: Delimiters;
  /** How the file's bytes were decoded: UTF-8 when valid (ASCII is), else Windows-1252; null when given text. */
  readonly textEncoding: TextEncoding | null;
  readonly transactions: readonly RemitTransaction[];
  /**
   * Every line of every claim, in file order: the rows of a remittance table. A line or claim with an element that
   * cannot be read is not here: its issue in `warnings` says which line or claim was not imported, and why.
   */
  readonly lines: readonly RemitLine[];
  /** Every warning, in file order. */
  readonly warnings: readonly Remit835Warning[];
}
