// The state of one pass over an 835 (the open envelope, transaction, claim and line, and what has been read) and
// the one place where an element fault becomes an issue: a fault in a value a line carries refuses the line, in a
// value a claim carries refuses the claim (issue 10: bad input is refused or flagged, never turned into data).
import type {
  Cents,
  HcpcsCode,
  IsoDate,
  Modifier,
  MsDrg,
  PriorAuthorizationNumber,
  RemitAdjustment,
} from "../../engine";
import { readAmount, type ElementRead } from "./elements";
import type { ElementConsequence, Remit835Warning, SegmentPosition } from "./issues";
import type { ElementRef } from "./layout";
import type { RawSegment } from "./segments";
import type {
  InpatientAdjudication,
  OutpatientAdjudication,
  ProviderAdjustment,
  RemitClaim,
  RemitLine,
  RemitRemark,
  RemitTransaction,
  X12Version,
} from "./types";

/** The procedure fields of a line before its SVC composite is read, and of a claim-level line, which has none. */
export function noProcedure(): Pick<
  LineDraft,
  | "procedureCodeQualifier"
  | "procedureCode"
  | "hcpcsCode"
  | "hcpcsModifiers"
  | "revenueCenterCode"
  | "originalProcedureCode"
  | "originalHcpcsModifiers"
> {
  return {
    procedureCodeQualifier: null,
    procedureCode: null,
    hcpcsCode: null,
    hcpcsModifiers: [],
    revenueCenterCode: null,
    originalProcedureCode: null,
    originalHcpcsModifiers: [],
  };
}

/** A service line while its segments are read (SVC and the CAS, DTM, REF, AMT, LQ after it). */
export interface LineDraft {
  readonly svc: RawSegment;
  readonly claimLineNumber: number;
  procedureCodeQualifier: string | null;
  procedureCode: string | null;
  hcpcsCode: HcpcsCode | null;
  hcpcsModifiers: Modifier[];
  revenueCenterCode: string | null;
  originalProcedureCode: string | null;
  originalHcpcsModifiers: Modifier[];
  chargeAmount: Cents | null;
  paidAmount: Cents | null;
  paidServiceUnitQuantity: number;
  originalUnitQuantity: number | null;
  readonly adjustments: RemitAdjustment[];
  readonly remarks: RemitRemark[];
  reportedAllowedAmount: Cents | null;
  lineItemControlNumber: string | null;
  /**
   * The line's own REF*G1: absent while the line sent none (its claim's number applies), else the number, or null
   * when the REF*G1 sent cannot be read (then the line has none: its claim's is not assumed to be the one meant).
   */
  priorAuthorization: { readonly number: PriorAuthorizationNumber | null } | null;
  serviceDate: IsoDate | null;
  serviceStartDate: IsoDate | null;
  serviceEndDate: IsoDate | null;
  readonly warnings: Remit835Warning[];
  /** Set when an element of the line cannot be read: the line is reported, not imported. */
  refused: boolean;
}

/** A claim while its segments are read (CLP and everything up to the next CLP, LX, N1, PLB or SE). */
export interface ClaimDraft {
  readonly clp: RawSegment;
  claimId: string;
  claimStatusCode: string;
  chargeAmount: Cents;
  paidAmount: Cents;
  patientResponsibilityAmount: Cents | null;
  claimFilingIndicatorCode: string | null;
  payerClaimControlNumber: string | null;
  patientLastName: string | null;
  patientFirstName: string | null;
  statementStartDate: IsoDate | null;
  statementEndDate: IsoDate | null;
  claimReceivedDate: IsoDate | null;
  /** The claim's REF*G1 (loop 2100); null when none was sent or it cannot be read. */
  priorAuthorizationNumber: PriorAuthorizationNumber | null;
  facilityTypeCode: string | null;
  msDrg: MsDrg | null;
  drgWeight: number | null;
  inpatientAdjudication: InpatientAdjudication | null;
  outpatientAdjudication: OutpatientAdjudication | null;
  readonly claimAdjustments: RemitAdjustment[];
  readonly lines: LineDraft[];
  readonly warnings: Remit835Warning[];
  /** Set when an element of the claim cannot be read: the claim and its lines are reported, not imported. */
  refused: boolean;
}

/** A transaction (ST..SE) while it is read. */
export interface TransactionDraft {
  readonly st: RawSegment;
  readonly interchangeControlNumber: string | null;
  readonly transactionSetControlNumber: string;
  readonly version: X12Version | null;
  bpr: RawSegment | null;
  transactionHandlingCode: string | null;
  totalActualProviderPaymentAmount: Cents | null;
  paymentMethodCode: string | null;
  paymentDate: IsoDate | null;
  checkOrEftTraceNumber: string | null;
  payer: string | null;
  payerIdentifier: string | null;
  payee: string | null;
  payeeIdentifier: string | null;
  /** N101 of the last N1: REF*2U after N1*PR is the payer's id. */
  n1Context: string | null;
  readonly claims: RemitClaim[];
  readonly providerAdjustments: ProviderAdjustment[];
  /** A refused claim leaves BPR02 unverifiable, so the transaction is not balanced. */
  hasRefusedClaim: boolean;
  /** CLP segments read so far, refused ones included (a cut transaction's message counts them). */
  claimsRead: number;
  /** Where this transaction's rows start in {@link Reader.lines}, to take them back if the file is cut inside it. */
  readonly firstLineIndex: number;
}

/** An open interchange (ISA) or functional group (GS): its control number, for the trailer, and its version. */
export interface EnvelopeLevel {
  readonly controlNumber: string | null;
  readonly version: X12Version | null;
}

/** What an unreadable element costs: its line, its claim, or only itself (skipped, or read as blank). */
export type FaultScope = "line" | "claim" | "skip" | "blank";

/** The state of one pass over a file, shared by the segment readers. */
export class Reader {
  readonly warnings: Remit835Warning[] = [];
  readonly transactions: RemitTransaction[] = [];
  readonly lines: RemitLine[] = [];
  readonly otherTransactionSets = new Set<string>();
  interchangeCount = 0;
  interchange: EnvelopeLevel | null = null;
  group: EnvelopeLevel | null = null;
  /** ST02 of the open transaction, 835 or skipped, to recognise its SE when the file ends on it. */
  openTransactionControlNumber: string | null = null;
  skippingTransaction = false;
  transaction: TransactionDraft | null = null;
  claim: ClaimDraft | null = null;
  line: LineDraft | null = null;

  constructor(readonly positionOf: (segment: RawSegment) => SegmentPosition) {}

  /** Reports an issue, also on the open line (else the open claim) so it shows in that row's Warnings cell. */
  warn(warning: Remit835Warning): void {
    this.warnings.push(warning);
    if (this.line !== null) this.line.warnings.push(warning);
    else if (this.claim !== null) this.claim.warnings.push(warning);
  }

  /** The value of an element read, or null after reporting its fault with what it costs in `scope`. */
  take<T>(read: ElementRead<T>, s: RawSegment, scope: FaultScope): T | null {
    if (read.ok) return read.value;
    this.warn({ ...read.fault, position: this.positionOf(s), consequence: this.consequenceIn(scope) });
    return null;
  }

  /** Reports a required element that is empty; `zero` for the amounts that read as 0 (as the samples expect). */
  missing(s: RawSegment, element: string, scope: FaultScope | "zero"): void {
    const consequence: ElementConsequence = scope === "zero" ? { kind: "readAsZero" } : this.consequenceIn(scope);
    this.warn({ code: "elementMissing", position: this.positionOf(s), element, consequence });
  }

  /**
   * A required amount (CLP03/CLP04, SVC02/SVC03), null when empty or unreadable: empty is reported as read as 0,
   * as the public samples expect (blue_cross_nc_sample.txt sends an SVC without SVC02/SVC03), and the caller uses 0
   * but checks no balance with it; unreadable costs `scope`.
   */
  requiredAmount(s: RawSegment, ref: ElementRef, scope: FaultScope): Cents | null {
    const read = readAmount(s, ref);
    if (read.ok && read.value === null) this.missing(s, ref.reference, "zero");
    return this.take(read, s, scope);
  }

  outOfPlace(s: RawSegment, expectedInside: string): void {
    this.warn({ code: "segmentOutOfPlace", position: this.positionOf(s), expectedInside });
  }

  private consequenceIn(scope: FaultScope): ElementConsequence {
    return CONSEQUENCES[scope](this);
  }

  /** Refuses the open line; readers ask for the line scope only while a line is open (else it is a bug). */
  refuseLine(): ElementConsequence {
    const { line, claim } = this;
    if (line === null || claim === null) throw new Error("a line-scoped element was read outside a service line");
    line.refused = true;
    return { kind: "lineRefused", claimId: claim.claimId, claimLineNumber: line.claimLineNumber };
  }

  /** Refuses the open claim; readers ask for the claim scope only while a claim is open (else it is a bug). */
  refuseClaim(): ElementConsequence {
    const { claim } = this;
    if (claim === null) throw new Error("a claim-scoped element was read outside a claim");
    claim.refused = true;
    return { kind: "claimRefused", claimId: claim.claimId };
  }
}

const CONSEQUENCES = {
  line: (reader) => reader.refuseLine(),
  claim: (reader) => reader.refuseClaim(),
  skip: () => ({ kind: "skipped" }),
  blank: () => ({ kind: "readAsBlank" }),
} satisfies Record<FaultScope, (reader: Reader) => ElementConsequence>;
