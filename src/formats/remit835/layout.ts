// The 835 segments this reader reads, declared once: each element's name, its X12 position and reference designator,
// the components of composite elements, and the qualifier values the reader understands. Every reader module reads
// elements through these names (elements.ts), never by a bare position. Source: ASC X12N 005010X221A1 (and
// 004010X091A1 where it differs), DOMAIN.md 6.1.
import { MAX_MODIFIERS } from "../../engine";
import type { ExpectedValue } from "./issues";
import type { X12Version } from "./types";

/** One element of a segment: the segment id, its 1-based position and the reference designator messages show. */
export interface ElementRef {
  readonly segmentId: string;
  readonly position: number;
  /** "CLP03": the segment id and the two-digit position, as the implementation guides name elements. */
  readonly reference: string;
}

/** One component of a composite element: its 1-based position inside the element and its name ("SVC01-2"). */
export interface ComponentRef {
  readonly position: number;
  readonly reference: string;
}

/** The name of each declared element and component by reference ("SVC03" -> "paidAmount"), for plain messages. */
const NAMES = new Map<string, string>();

function elementRef(segmentId: string, position: number, name?: string): ElementRef {
  const reference = `${segmentId}${String(position).padStart(2, "0")}`;
  if (name !== undefined) NAMES.set(reference, name);
  return { segmentId, position, reference };
}

function componentRef(element: ElementRef, position: number, name?: string): ComponentRef {
  const reference = `${element.reference}-${position}`;
  if (name !== undefined) NAMES.set(reference, name);
  return { position, reference };
}

/** What each segment is about, in a finance user's words, for the plain first line of a warning. */
const SEGMENT_WORDS = {
  ...{ ISA: "file header", IEA: "file trailer", GS: "group header", GE: "group trailer" },
  ...{ ST: "remittance header", SE: "remittance trailer", BPR: "payment", TRN: "payment trace", CUR: "currency" },
  ...{ REF: "reference", DTM: "date", N1: "payer or payee", N2: "name", N3: "address", N4: "city and state" },
  ...{ PER: "contact", RDM: "delivery method", LX: "line group", TS3: "provider summary", TS2: "provider summary" },
  ...{ CLP: "claim", CAS: "adjustment", NM1: "patient or provider name", MIA: "inpatient adjudication" },
  ...{ MOA: "outpatient adjudication", AMT: "amount", QTY: "quantity", SVC: "service line", LQ: "remark" },
  PLB: "provider adjustment",
} as const satisfies Record<SegmentId, string>;

/** "the service line" for SVC: what a segment is about, in plain words. */
export function segmentWords(segmentId: string): string {
  const words = (SEGMENT_WORDS as Readonly<Record<string, string>>)[segmentId];
  return words === undefined ? `the ${segmentId} record` : `the ${words}`;
}

/**
 * "the service line's paid amount" for SVC03: an element in plain words, from its declared name (a camelCase name
 * read as words); an element without a declared name is "a value of" its segment.
 */
export function elementWords(segmentId: string, reference: string): string {
  const name = NAMES.get(reference);
  if (name === undefined) return `a value of ${segmentWords(segmentId)}`;
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  const segment = segmentWords(segmentId);
  // "the claim id", not "the claim's claim id".
  return words.startsWith(segment.slice("the ".length)) ? `the ${words}` : `${segment}'s ${words}`;
}

/** A segment layout: its elements by name, each with its X12 position. */
function segmentLayout<const Positions extends Readonly<Record<string, number>>>(
  segmentId: string,
  positions: Positions,
): { readonly [Name in keyof Positions]: ElementRef } {
  const entries = Object.entries(positions).map(([name, position]) => [name, elementRef(segmentId, position, name)]);
  return Object.fromEntries(entries) as { readonly [Name in keyof Positions]: ElementRef };
}

/** A composite layout: its components by name, each with its position inside the element. */
function compositeLayout<const Positions extends Readonly<Record<string, number>>>(
  element: ElementRef,
  positions: Positions,
): { readonly [Name in keyof Positions]: ComponentRef } {
  const entries = Object.entries(positions).map(([name, position]) => [name, componentRef(element, position, name)]);
  return Object.fromEntries(entries) as { readonly [Name in keyof Positions]: ComponentRef };
}

/** Every segment id of an 835 (5010 and 4010); the reader dispatches on this closed set (parse835.ts). */
export const SEGMENT_IDS = [
  ...["ISA", "IEA", "GS", "GE", "ST", "SE"],
  ...["BPR", "TRN", "CUR", "REF", "DTM", "N1", "N2", "N3", "N4", "PER", "RDM"],
  ...["LX", "TS3", "TS2", "CLP", "CAS", "NM1", "MIA", "MOA", "AMT", "QTY", "SVC", "LQ", "PLB"],
] as const;

/** One of {@link SEGMENT_IDS}. */
export type SegmentId = (typeof SEGMENT_IDS)[number];

// Envelope: interchange (ISA..IEA), functional group (GS..GE), transaction set (ST..SE).
export const ISA = segmentLayout("ISA", { interchangeControlVersionNumber: 12, interchangeControlNumber: 13 });
export const IEA = segmentLayout("IEA", { includedGroupCount: 1, interchangeControlNumber: 2 });
export const GS = segmentLayout("GS", { groupControlNumber: 6, versionCode: 8 });
export const GE = segmentLayout("GE", { includedTransactionCount: 1, groupControlNumber: 2 });
export const ST = segmentLayout("ST", { transactionSetIdentifierCode: 1, transactionSetControlNumber: 2, version: 3 });
export const SE = segmentLayout("SE", { includedSegmentCount: 1, transactionSetControlNumber: 2 });

// Header (table 1) and payer/payee loops 1000A/1000B.
export const BPR = segmentLayout("BPR", {
  transactionHandlingCode: 1,
  totalActualProviderPaymentAmount: 2,
  paymentMethodCode: 4,
  paymentDate: 16,
});
export const TRN = segmentLayout("TRN", { checkOrEftTraceNumber: 2 });
export const N1 = segmentLayout("N1", {
  entityIdentifierCode: 1,
  name: 2,
  identificationCodeQualifier: 3,
  identifier: 4,
});
export const REF = segmentLayout("REF", { referenceIdentificationQualifier: 1, referenceIdentification: 2 });
export const DTM = segmentLayout("DTM", { dateTimeQualifier: 1, date: 2, dateTimePeriodFormatQualifier: 5, period: 6 });

// Claim loop 2100.
export const CLP = segmentLayout("CLP", {
  claimId: 1,
  claimStatusCode: 2,
  chargeAmount: 3,
  paidAmount: 4,
  patientResponsibilityAmount: 5,
  claimFilingIndicatorCode: 6,
  payerClaimControlNumber: 7,
  facilityTypeCode: 8,
  diagnosisRelatedGroupCode: 11,
  diagnosisRelatedGroupWeight: 12,
});
export const NM1 = segmentLayout("NM1", { entityIdentifierCode: 1, lastName: 3, firstName: 4 });

/**
 * MIA, inpatient adjudication (2100, 005010X221A1): the elements a hospital's finance team reconciles (covered days,
 * outlier, DRG, DSH, capital and teaching amounts) and the five remark code elements (MIA05, MIA20-MIA23).
 */
export const MIA = segmentLayout("MIA", {
  coveredDaysOrVisitsCount: 1,
  ppsOperatingOutlierAmount: 2,
  lifetimePsychiatricDaysCount: 3,
  claimDrgAmount: 4,
  claimDisproportionateShareAmount: 6,
  claimPpsCapitalAmount: 8,
  claimIndirectTeachingAmount: 18,
});
export const MIA_REMARK_CODES = [5, 20, 21, 22, 23].map((position) => elementRef("MIA", position, "remarkCode"));

/** MOA, outpatient adjudication (2100): reimbursement rate, HCPCS payable and ESRD amounts, remark codes MOA03-07. */
export const MOA = segmentLayout("MOA", {
  reimbursementRate: 1,
  claimHcpcsPayableAmount: 2,
  claimEsrdPaymentAmount: 8,
  nonpayableProfessionalComponentAmount: 9,
});
export const MOA_REMARK_CODES = [3, 4, 5, 6, 7].map((position) => elementRef("MOA", position, "remarkCode"));
export const AMT = segmentLayout("AMT", { amountQualifierCode: 1, amount: 2 });

/** CAS01 and the six reason/amount/quantity triplets (CAS02-CAS19) of one adjustment segment. */
export const CAS = segmentLayout("CAS", { adjustmentGroupCode: 1 });
export const CAS_TRIPLETS = [2, 5, 8, 11, 14, 17].map((first) => ({
  reason: elementRef("CAS", first, "reasonCode"),
  amount: elementRef("CAS", first + 1, "amount"),
  quantity: elementRef("CAS", first + 2, "quantity"),
}));

// Service line loop 2110.
export const SVC = segmentLayout("SVC", {
  procedure: 1,
  chargeAmount: 2,
  paidAmount: 3,
  revenueCenterCode: 4,
  paidServiceUnitQuantity: 5,
  originalProcedure: 6,
  originalServiceUnitQuantity: 7,
});

/** C003, the composite procedure identifier of SVC01 and SVC06: qualifier, code, modifiers 1-4, description. */
export function procedureComposite(element: ElementRef) {
  return {
    ...compositeLayout(element, { procedureCodeQualifier: 1, procedureCode: 2 }),
    modifiers: Array.from({ length: MAX_MODIFIERS }, (_, i) => componentRef(element, 3 + i, `modifier ${i + 1}`)),
  };
}
export const SVC_PROCEDURE = procedureComposite(SVC.procedure);
export const SVC_ORIGINAL_PROCEDURE = procedureComposite(SVC.originalProcedure);

/** What a code under an SVC01-1/SVC06-1 qualifier looks like; `hcpcs` codes also become the line's HCPCS code. */
export interface ProcedureCodeFormat {
  readonly pattern: RegExp;
  readonly expected: ExpectedValue;
  readonly hcpcs: boolean;
}

/**
 * The SVC01-1/SVC06-1 qualifiers whose codes have a fixed form (005010X221A1 SVC01-1): HCPCS/CPT codes are always
 * five characters in an 835 (a "9921" is a cut or mistyped code, never 09921); ADA codes D and four digits; revenue
 * codes four digits; NDCs eleven. Codes under other qualifiers (ER, IV, WK; 4010's ID, ZZ...) are kept as sent,
 * with no HCPCS code.
 */
export const PROCEDURE_CODE_FORMATS: Readonly<Record<string, ProcedureCodeFormat>> = {
  HC: { pattern: /^[A-Z0-9]{5}$/i, expected: "hcpcsCode", hcpcs: true },
  AD: { pattern: /^D\d{4}$/i, expected: "dentalCode", hcpcs: true },
  NU: { pattern: /^\d{4}$/, expected: "revenueCode", hcpcs: false },
  N4: { pattern: /^\d{11}$/, expected: "ndcCode", hcpcs: false },
  HP: { pattern: /^[A-Z0-9]{5}$/i, expected: "hippsCode", hcpcs: false },
};

export const LQ = segmentLayout("LQ", { codeListQualifierCode: 1, remarkCode: 2 });

// Provider adjustments (summary table): PLB01, PLB02 and six identifier/amount pairs, the identifier a composite.
export const PLB = segmentLayout("PLB", { providerIdentifier: 1, fiscalPeriodDate: 2 });
export const PLB_PAIRS = [3, 5, 7, 9, 11, 13].map((first) => {
  const identifier = elementRef("PLB", first, "identifier");
  return {
    identifier,
    ...compositeLayout(identifier, { adjustmentReasonCode: 1, referenceIdentifier: 2 }),
    amount: elementRef("PLB", first + 1, "amount"),
  };
});

/** ST01 of the one transaction set this reader reads. */
export const REMITTANCE_TRANSACTION_SET = "835";

/** N101 entity codes: the payer (loop 1000A) and the payee (loop 1000B). */
export const N1_ENTITY = { payer: "PR", payee: "PE" } as const;

/** NM101 entity code of the patient name in the claim loop. */
export const NM1_ENTITY = { patient: "QC" } as const;

/**
 * REF01 qualifiers read: the payer's additional id (1000A REF*2U), the line item control number (2110 REF*6R) and the
 * prior authorization number (REF*G1, in the claim loop 2100 and the service line loop 2110).
 */
export const REF_QUALIFIER = {
  payerIdentification: "2U",
  lineItemControlNumber: "6R",
  priorAuthorizationNumber: "G1",
} as const;

/** REF02 is AN 1/50 (ASC X12 data element 127): a longer value is a garbled element, never a number. */
export const MAX_REFERENCE_IDENTIFICATION_LENGTH = 50;

/** AMT01 qualifier of the allowed amount of a service line (2110 AMT*B6, "allowed - actual"). */
export const AMT_QUALIFIER = { allowedActual: "B6" } as const;

/** LQ01 qualifier whose codes are remittance advice remark codes (RARC); others (RX) are kept unchecked. */
export const LQ_QUALIFIER = { remark: "HE" } as const;

/**
 * DTM01 qualifiers of the claim loop (statement period 232/233, the date the payer received the claim 050) and of
 * the service line loop (date or period).
 */
export const CLAIM_DATE_QUALIFIER = {
  statementStartDate: "232",
  statementEndDate: "233",
  claimReceivedDate: "050",
} as const;
export const LINE_DATE_QUALIFIER = { serviceDate: "472", serviceStartDate: "150", serviceEndDate: "151" } as const;

/** DTM05 format of a 4010-style period sent in DTM06 as CCYYMMDD-CCYYMMDD. */
export const DATE_RANGE_FORMAT = "RD8";

/** CLP02 of a reversal of an earlier payment (DOMAIN.md 6.1). */
export const REVERSAL_CLAIM_STATUS = "22";

/** CAS PR reason codes that split patient responsibility (DOMAIN.md 4.4). */
export const PATIENT_SHARE_REASON = { deductible: "1", coinsurance: "2", copayment: "3" } as const;

/** How GS08, ST03 or ISA12 begin for each version this reader knows (005010X221A1, 00501; 004010X091A1, 00401). */
export const VERSION_PREFIXES = {
  "5010": ["00501", "005010"],
  "4010": ["00401", "004010"],
} as const satisfies Record<X12Version, readonly string[]>;

/**
 * The name a qualifier table gives a qualifier read from a file, or null when the reader does not use that value.
 * @example qualifierName(LINE_DATE_QUALIFIER, "472") // "serviceDate"
 */
export function qualifierName<Table extends Readonly<Record<string, string>>>(
  table: Table,
  qualifier: string | null,
): (keyof Table & string) | null {
  if (qualifier === null) return null;
  for (const name of Object.keys(table)) if (table[name] === qualifier) return name;
  return null;
}
