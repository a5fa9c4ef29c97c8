import { catalogue, type Messages } from "../../engine";
import { formatCents, type Cents } from "../../engine";
import { elementWords, segmentWords } from "./layout";
import { isControlCharacter, MAX_CLAIM_AMOUNT_CENTS, MAX_DAY_COUNT, MAX_DRG_WEIGHT, MAX_UNIT_QUANTITY } from "./values";

/**
 * Where a segment sits in the file: its 1-based index among all segments, its segment id, the 0-based character
 * offset of its first character in the decoded text (the byte offset while the file is ASCII, as X12 files almost
 * always are) and its 1-based line.
 */
export interface SegmentPosition {
  readonly segmentIndex: number;
  readonly segmentId: string;
  readonly offset: number;
  readonly lineNumber: number;
}

/** The segments that close a transaction, a functional group and an interchange. */
export type EnvelopeTrailer = "SE" | "GE" | "IEA";

/** How a file is cut short: inside its last segment (no terminator), or after a whole segment, before a trailer. */
export type FileCut =
  | { readonly kind: "insideSegment"; readonly text: string }
  | { readonly kind: "beforeTrailer"; readonly trailer: EnvelopeTrailer };

/** Why a file is not read at all. The message says what was found instead of an 835. */
export type Remit835Refusal =
  | { readonly code: "fileEmpty" }
  | { readonly code: "fileTooLarge"; readonly sizeBytes: number; readonly limitBytes: number }
  | { readonly code: "notX12"; readonly found: string }
  | { readonly code: "notA835"; readonly transactionSetIds: readonly string[] }
  | { readonly code: "isaMalformed"; readonly detail: string }
  | { readonly code: "noTransactions" }
  | { readonly code: "fileCutShort"; readonly position: SegmentPosition; readonly cut: FileCut };

/** What an element that is missing or cannot be read costs: the line, the claim, or only the element itself. */
export type ElementConsequence =
  | { readonly kind: "skipped" }
  | { readonly kind: "readAsBlank" }
  | { readonly kind: "readAsZero" }
  | { readonly kind: "lineRefused"; readonly claimId: string; readonly claimLineNumber: number }
  | { readonly kind: "claimRefused"; readonly claimId: string };

/** What an element should have held; the catalogue below words each for people. */
export type ExpectedValue = keyof typeof EXPECTED_VALUES;

/** Something wrong or surprising inside a file that is read anyway; every warning names its segment. */
export type Remit835Warning =
  | { readonly code: "envelopeMissing"; readonly position: SegmentPosition; readonly delimiters: string }
  | { readonly code: "segmentUnreadable"; readonly position: SegmentPosition; readonly text: string }
  | { readonly code: "segmentUnknown"; readonly position: SegmentPosition }
  | { readonly code: "segmentOutOfPlace"; readonly position: SegmentPosition; readonly expectedInside: string }
  | {
      readonly code: "elementMissing";
      readonly position: SegmentPosition;
      readonly element: string;
      readonly consequence: ElementConsequence;
    }
  | {
      readonly code: "elementInvalid";
      readonly position: SegmentPosition;
      readonly element: string;
      readonly value: string;
      readonly expected: ExpectedValue;
      readonly consequence: ElementConsequence;
    }
  | {
      readonly code: "elementControlCharacter";
      readonly position: SegmentPosition;
      readonly element: string;
      readonly value: string;
      readonly consequence: ElementConsequence;
    }
  | { readonly code: "transactionSkipped"; readonly position: SegmentPosition; readonly transactionSetId: string }
  | { readonly code: "transactionNotClosed"; readonly position: SegmentPosition }
  | {
      readonly code: "transactionCut";
      readonly position: SegmentPosition;
      readonly cut: FileCut;
      readonly transactionSetControlNumber: string;
      readonly transactionPosition: SegmentPosition;
      readonly claimCount: number;
      readonly completeTransactionCount: number;
    }
  | { readonly code: "envelopeCut"; readonly position: SegmentPosition; readonly cut: FileCut }
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

const $ = formatCents;

const MAX_AMOUNT = (MAX_CLAIM_AMOUNT_CENTS / 100).toLocaleString("en-US", { minimumFractionDigits: 2 });
const MAX_UNITS = MAX_UNIT_QUANTITY.toLocaleString("en-US");

/** What each kind of element should hold, in the words of the messages ("expected ..."). */
export const EXPECTED_VALUES = {
  amount: `an amount like 1234.56, between -${MAX_AMOUNT} and ${MAX_AMOUNT}`,
  totalAmount: "an amount like 1234.56",
  unitQuantity: `a number of units from 0 to ${MAX_UNITS}`,
  reversalUnitQuantity: `a number of units from -${MAX_UNITS} to ${MAX_UNITS}`,
  date: "a date as CCYYMMDD",
  datePeriod: "a period as CCYYMMDD-CCYYMMDD",
  procedureCodeQualifier: "a two-character code qualifier like HC or NU",
  hcpcsCode: "a 5-character CPT/HCPCS code like 99213 or J1100, as qualifier HC requires",
  dentalCode: "a 5-character ADA dental code like D0120, as qualifier AD requires",
  revenueCode: "a 4-digit revenue code like 0450, as qualifier NU requires",
  ndcCode: "an 11-digit NDC like 00002143380, as qualifier N4 requires",
  hippsCode: "a 5-character HIPPS code, as qualifier HP requires",
  modifier: "a two-character modifier like 26 or TC",
  adjustmentGroupCode: "a group code CO, PR, OA, PI or CR",
  adjustmentReasonCode: "a claim adjustment reason code like 45",
  remarkCode: "a remittance advice remark code like N130 or M15",
  providerAdjustmentReasonCode: "a provider adjustment reason code like WO or L6",
  facilityTypeCode: "a 2-digit facility code like 11 (hospital inpatient) or 13 (hospital outpatient)",
  msDrg: "a 3-digit MS-DRG like 470 or 039",
  drgWeight: `a DRG weight like 1.9289, above 0 and at most ${MAX_DRG_WEIGHT}`,
  dayCount: `a whole number of days from 0 to ${MAX_DAY_COUNT.toLocaleString("en-US")}`,
  reversalDayCount: `a whole number of days from -${MAX_DAY_COUNT.toLocaleString("en-US")} to ${MAX_DAY_COUNT.toLocaleString("en-US")}`,
  reimbursementRate: "a rate as a decimal fraction from 0 to 1, like 0.8 for 80%",
  priorAuthorizationNumber: "a prior authorization number of 1 to 50 characters",
} as const;

/** "segment 14 (SVC, line 3, character 402)": where a segment is, for the messages. */
function segmentAt(p: SegmentPosition): string {
  return `segment ${p.segmentIndex} (${p.segmentId}, line ${p.lineNumber}, character ${p.offset + 1})`;
}

/** The start of every message about one segment: "Segment 14 (SVC, line 3, character 402)". */
function at(p: SegmentPosition): string {
  return `S${segmentAt(p).slice(1)}`;
}

/** Text with each control character shown as a visible symbol (NUL as U+2400 "␀"), so none reaches a cell. */
function visible(text: string): string {
  let out = "";
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (!isControlCharacter(c)) out += c;
    else out += code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? "\u2421" : "\ufffd";
  }
  return out;
}

/** At most 60 characters of a value from the file, made {@link visible}. */
function shown(value: string): string {
  const text = visible(value);
  return text.length > 60 ? `${text.slice(0, 60)}...` : text;
}

const CONSEQUENCES: {
  readonly [K in ElementConsequence["kind"]]: (c: Extract<ElementConsequence, { kind: K }>) => string;
} = {
  skipped: () => "skipped",
  readAsBlank: () => "read as blank",
  readAsZero: () => "0 was used",
  lineRefused: (c) => `claim ${c.claimId === "" ? "(no id)" : c.claimId} line ${c.claimLineNumber} was not imported`,
  claimRefused: (c) => `claim ${c.claimId === "" ? "(no id)" : c.claimId} and its lines were not imported`,
};

function consequence(c: ElementConsequence): string {
  return (CONSEQUENCES[c.kind] as (c: ElementConsequence) => string)(c);
}

const TRAILERS = { SE: "transaction", GE: "functional group", IEA: "interchange" } as const;

function cutText(cut: FileCut): string {
  return cut.kind === "insideSegment"
    ? `it ends inside this segment, "${shown(cut.text)}", which has no segment terminator`
    : `it ends after this segment, without the ${cut.trailer} trailer that closes the ${TRAILERS[cut.trailer]}`;
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** One message per issue code, for the task pane's problems list and the remittance table's Warnings column. */
export const REMIT_835_MESSAGES: Messages<Remit835Issue> = {
  fileEmpty: () => "The file is empty: an 835 remittance starts with an ISA segment.",
  fileTooLarge: (i) =>
    `The file is ${(i.sizeBytes / 1e6).toFixed(1)} MB; 835 files over ${(i.limitBytes / 1e6).toFixed(0)} MB are refused. Split it by check or by date.`,
  notX12: (i) => `This is not an X12 835 remittance: found ${i.found}; an 835 starts with ISA (or ST*835).`,
  notA835: (i) =>
    `This X12 file holds ${i.transactionSetIds.map(describeTransactionSet).join(", ")}, not an 835 remittance.`,
  isaMalformed: (i) => `The ISA segment cannot be read (${i.detail}); is the file cut short or not X12?`,
  noTransactions: () => "The file has an X12 envelope but no ST*835 transaction: there is nothing to read.",
  fileCutShort: (i) =>
    `The file is cut short at ${segmentAt(i.position)}: ${cutText(i.cut)}. No complete 835 transaction is left, so nothing was read; ask the payer or clearinghouse for the whole file.`,
  envelopeMissing: (i) =>
    `${at(i.position)}: the file has no ISA envelope; it was read from its first ${i.position.segmentId} segment with the delimiters ${i.delimiters}.`,
  segmentUnreadable: (i) => `${at(i.position)}: "${shown(i.text)}" is not an X12 segment and was skipped.`,
  segmentUnknown: (i) => `${at(i.position)}: ${i.position.segmentId} is not an 835 segment and was skipped.`,
  segmentOutOfPlace: (i) =>
    `${at(i.position)}: ${i.position.segmentId} belongs inside ${i.expectedInside} and was skipped.`,
  elementMissing: (i) => `${at(i.position)}: ${i.element} is empty; ${consequence(i.consequence)}.`,
  elementInvalid: (i) =>
    `${at(i.position)}: ${i.element} "${shown(i.value)}" is not valid (expected ${EXPECTED_VALUES[i.expected]}); ${consequence(i.consequence)}.`,
  elementControlCharacter: (i) =>
    `${at(i.position)}: ${i.element} "${shown(i.value)}" holds a control character, which no 835 name, id or code contains; ${consequence(i.consequence)}.`,
  transactionSkipped: (i) =>
    `${at(i.position)}: transaction ${describeTransactionSet(i.transactionSetId)} is not an 835 and was skipped.`,
  transactionNotClosed: (i) => `${at(i.position)}: the transaction has no SE trailer; it was read up to here.`,
  transactionCut: (i) =>
    `${at(i.position)}: the file is cut short: ${cutText(i.cut)}. Transaction ${i.transactionSetControlNumber} (from segment ${i.transactionPosition.segmentIndex}) is incomplete and was not imported${i.claimCount === 0 ? "" : `, nor its ${count(i.claimCount, "claim", "claims")} read so far`}; the ${count(i.completeTransactionCount, "transaction", "transactions")} before it ${i.completeTransactionCount === 1 ? "is" : "are"} complete and ${i.completeTransactionCount === 1 ? "was" : "were"} read.`,
  envelopeCut: (i) =>
    `${at(i.position)}: the file is cut short: ${cutText(i.cut)}. Every 835 transaction before it is complete and was read.`,
  lineOutOfBalance: (i) =>
    `${at(i.position)}: claim ${i.claimId} line ${i.claimLineNumber} does not balance: charge ${$(i.chargeAmount)} - adjustments ${$(i.adjustmentAmount)} != paid ${$(i.paidAmount)}.`,
  claimChargeOutOfBalance: (i) =>
    `${at(i.position)}: claim ${i.claimId} charge ${$(i.claimChargeAmount)} (CLP03) differs from its lines' charges ${$(i.lineChargeAmount)}.`,
  claimPaymentOutOfBalance: (i) =>
    `${at(i.position)}: claim ${i.claimId} paid ${$(i.claimPaidAmount)} (CLP04) differs from its lines' payments less claim adjustments ${$(i.expectedPaidAmount)}.`,
  transactionOutOfBalance: (i) =>
    `${at(i.position)}: total payment ${$(i.totalPaymentAmount)} (BPR02) differs from claims paid ${$(i.claimPaidAmount)} less provider adjustments ${$(i.providerAdjustmentAmount)}.`,
};

const claimText = (claimId: string) => (claimId === "" ? "a claim without an id" : `claim ${claimId}`);
const element = (i: { position: SegmentPosition; element: string }) => elementWords(i.position.segmentId, i.element);

/**
 * The plain first sentence of each warning, for a finance user who does not read X12: what is wrong and what it
 * cost. The EDI detail (segment, element, position) follows it for whoever fixes the file.
 */
export const REMIT_835_PLAIN_WORDS: Messages<Remit835Warning> = {
  envelopeMissing: () => "The file lacks its standard header, so it was read as best it could.",
  segmentUnreadable: () => "A piece of the file could not be read and was skipped.",
  segmentUnknown: (i) =>
    `The file holds a record that is not part of a remittance (${segmentWords(i.position.segmentId)}); it was skipped.`,
  segmentOutOfPlace: (i) =>
    `A record (${segmentWords(i.position.segmentId)}) is in the wrong place in the file and was skipped.`,
  elementMissing: (i) => `${capital(element(i))} is missing; ${consequence(i.consequence)}.`,
  elementInvalid: (i) => `${capital(element(i))} cannot be read; ${consequence(i.consequence)}.`,
  elementControlCharacter: (i) => `${capital(element(i))} holds an invisible character; ${consequence(i.consequence)}.`,
  transactionSkipped: () => "The file holds a transaction that is not a remittance; it was skipped.",
  transactionNotClosed: () => "A remittance in the file has no end marker; it was read up to where the file ends.",
  transactionCut: () => "The file is cut short: its last remittance is incomplete and was not imported.",
  envelopeCut: () => "The file is cut short after its last complete remittance; everything before it was read.",
  lineOutOfBalance: (i) => `The payer's amounts for ${claimText(i.claimId)} line ${i.claimLineNumber} do not add up.`,
  claimChargeOutOfBalance: (i) => `The total charge of ${claimText(i.claimId)} differs from the sum of its lines.`,
  claimPaymentOutOfBalance: (i) => `The payment of ${claimText(i.claimId)} differs from the sum of its lines.`,
  transactionOutOfBalance: () => "The payment total differs from the claims it pays.",
};

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const wordsOf = catalogue<Remit835Issue>(REMIT_835_MESSAGES);
const plainWordsOf = catalogue<Remit835Warning>(REMIT_835_PLAIN_WORDS);
/** Every refusal code, so that a new one must be placed here: a refusal is a plain message already. */
const REFUSALS = {
  ...{ fileEmpty: true, fileTooLarge: true, notX12: true, notA835: true },
  ...{ isaMalformed: true, noTransactions: true, fileCutShort: true },
} as const satisfies Record<Remit835Refusal["code"], true>;
const isRefusal = (issue: Remit835Issue): issue is Remit835Refusal => issue.code in REFUSALS;

/** The message of an 835 issue, at the segment level; any control character quoted from the file is made visible. */
export const remit835IssueMessage = (issue: Remit835Issue): string => visible(wordsOf(issue));

/**
 * The message a user reads (the task pane, the remittance table's Warnings column): a refusal is plain already; a
 * warning starts with its plain sentence, then "EDI detail:" and the segment-level account for whoever fixes the file.
 */
export const remit835UserMessage = (issue: Remit835Issue): string =>
  isRefusal(issue) ? remit835IssueMessage(issue) : visible(`${plainWordsOf(issue)} EDI detail: ${wordsOf(issue)}`);
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
  return TRANSACTION_SETS[id] ?? `transaction set ${shown(id)}`;
}
