import { formatCents, type Cents } from "../../engine";

/**
 * Where a segment sits in the file: its 1-based index among all segments, its segment id, the 0-based character
 * offset of its first character (equal to the byte offset for the ASCII text X12 uses) and its 1-based line.
 */
export interface SegmentPosition {
  readonly segmentIndex: number;
  readonly segmentId: string;
  readonly offset: number;
  readonly lineNumber: number;
}

/** Why a file is not read at all. The message says what was found instead of an 835. */
export type Remit835Refusal =
  | { readonly code: "fileEmpty" }
  | { readonly code: "fileTooLarge"; readonly sizeBytes: number; readonly limitBytes: number }
  | { readonly code: "notX12"; readonly found: string }
  | { readonly code: "notA835"; readonly transactionSetIds: readonly string[] }
  | { readonly code: "isaMalformed"; readonly detail: string }
  | { readonly code: "noTransactions" };

/** Something wrong or surprising inside a file that is read anyway; every warning names its segment. */
export type Remit835Warning =
  | { readonly code: "envelopeMissing"; readonly position: SegmentPosition; readonly delimiters: string }
  | { readonly code: "segmentUnreadable"; readonly position: SegmentPosition; readonly text: string }
  | { readonly code: "segmentUnknown"; readonly position: SegmentPosition }
  | { readonly code: "segmentOutOfPlace"; readonly position: SegmentPosition; readonly expectedInside: string }
  | { readonly code: "elementMissing"; readonly position: SegmentPosition; readonly element: string }
  | {
      readonly code: "elementInvalid";
      readonly position: SegmentPosition;
      readonly element: string;
      readonly value: string;
      readonly expected: string;
    }
  | { readonly code: "transactionSkipped"; readonly position: SegmentPosition; readonly transactionSetId: string }
  | { readonly code: "transactionNotClosed"; readonly position: SegmentPosition }
  | {
      readonly code: "lineOutOfBalance";
      readonly position: SegmentPosition;
      readonly claimId: string;
      readonly claimLineNumber: number;
      readonly chargeAmount: Cents;
      readonly adjustmentAmount: Cents;
      readonly paidAmount: Cents;
    }
  | {
      readonly code: "claimChargeOutOfBalance";
      readonly position: SegmentPosition;
      readonly claimId: string;
      readonly claimChargeAmount: Cents;
      readonly lineChargeAmount: Cents;
    }
  | {
      readonly code: "claimPaymentOutOfBalance";
      readonly position: SegmentPosition;
      readonly claimId: string;
      readonly claimPaidAmount: Cents;
      readonly expectedPaidAmount: Cents;
    }
  | {
      readonly code: "transactionOutOfBalance";
      readonly position: SegmentPosition;
      readonly totalPaymentAmount: Cents;
      readonly claimPaidAmount: Cents;
      readonly providerAdjustmentAmount: Cents;
    };

/** Any issue of the 835 reader. */
export type Remit835Issue = Remit835Refusal | Remit835Warning;

type Catalogue = { readonly [K in Remit835Issue["code"]]: (issue: Extract<Remit835Issue, { code: K }>) => string };

const $ = formatCents;

function at(p: SegmentPosition): string {
  return `Segment ${p.segmentIndex} (${p.segmentId}, line ${p.lineNumber}, character ${p.offset + 1})`;
}

/** One message per issue code, for the task pane's problems list and the remittance table's Warnings column. */
export const REMIT_835_MESSAGES: Catalogue = {
  fileEmpty: () => "The file is empty: an 835 remittance starts with an ISA segment.",
  fileTooLarge: (i) =>
    `The file is ${(i.sizeBytes / 1e6).toFixed(1)} MB; 835 files over ${(i.limitBytes / 1e6).toFixed(0)} MB are refused. Split it by check or by date.`,
  notX12: (i) => `This is not an X12 835 remittance: found ${i.found}; an 835 starts with ISA (or ST*835).`,
  notA835: (i) =>
    `This X12 file holds ${i.transactionSetIds.map(describeTransactionSet).join(", ")}, not an 835 remittance.`,
  isaMalformed: (i) => `The ISA segment cannot be read (${i.detail}); is the file cut short or not X12?`,
  noTransactions: () => "The file has an X12 envelope but no ST*835 transaction: there is nothing to read.",
  envelopeMissing: (i) =>
    `${at(i.position)}: the file has no ISA envelope; it was read from its first ${i.position.segmentId} segment with the delimiters ${i.delimiters}.`,
  segmentUnreadable: (i) => `${at(i.position)}: "${i.text}" is not an X12 segment and was skipped.`,
  segmentUnknown: (i) => `${at(i.position)}: ${i.position.segmentId} is not an 835 segment and was skipped.`,
  segmentOutOfPlace: (i) =>
    `${at(i.position)}: ${i.position.segmentId} belongs inside ${i.expectedInside} and was skipped.`,
  elementMissing: (i) => `${at(i.position)}: ${i.element} is empty; 0 was used.`,
  elementInvalid: (i) => `${at(i.position)}: ${i.element} "${i.value}" is not valid (expected ${i.expected}); skipped.`,
  transactionSkipped: (i) =>
    `${at(i.position)}: transaction ${describeTransactionSet(i.transactionSetId)} is not an 835 and was skipped.`,
  transactionNotClosed: (i) => `${at(i.position)}: the transaction has no SE trailer; it was read up to here.`,
  lineOutOfBalance: (i) =>
    `${at(i.position)}: claim ${i.claimId} line ${i.claimLineNumber} does not balance: charge ${$(i.chargeAmount)} - adjustments ${$(i.adjustmentAmount)} != paid ${$(i.paidAmount)}.`,
  claimChargeOutOfBalance: (i) =>
    `${at(i.position)}: claim ${i.claimId} charge ${$(i.claimChargeAmount)} (CLP03) differs from its lines' charges ${$(i.lineChargeAmount)}.`,
  claimPaymentOutOfBalance: (i) =>
    `${at(i.position)}: claim ${i.claimId} paid ${$(i.claimPaidAmount)} (CLP04) differs from its lines' payments less claim adjustments ${$(i.expectedPaidAmount)}.`,
  transactionOutOfBalance: (i) =>
    `${at(i.position)}: total payment ${$(i.totalPaymentAmount)} (BPR02) differs from claims paid ${$(i.claimPaidAmount)} less provider adjustments ${$(i.providerAdjustmentAmount)}.`,
};

/** The message of an 835 issue. */
export function remit835IssueMessage(issue: Remit835Issue): string {
  return (REMIT_835_MESSAGES[issue.code] as (i: Remit835Issue) => string)(issue);
}

const TRANSACTION_SETS: Readonly<Record<string, string>> = {
  "837": "837 (health care claims)",
  "835": "835 (remittance advice)",
  "270": "270 (eligibility inquiry)",
  "271": "271 (eligibility response)",
  "276": "276 (claim status request)",
  "277": "277 (claim status response)",
  "278": "278 (authorization request)",
  "820": "820 (premium payment)",
  "834": "834 (benefit enrollment)",
  "997": "997 (functional acknowledgment)",
  "999": "999 (implementation acknowledgment)",
};

function describeTransactionSet(id: string): string {
  return TRANSACTION_SETS[id] ?? `transaction set ${id}`;
}
