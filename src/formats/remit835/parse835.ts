import { ADJUSTMENT_GROUP_CODES, type AdjustmentGroupCode } from "../../engine";
import { classifyRemitLine, patientResponsibilityOf, remitAllowedAmount, type RemitAdjustment } from "../../engine";
import { parseHcpcsCode, type HcpcsCode } from "../../engine";
import type { IsoDate } from "../../engine";
import { MAX_MODIFIERS, parseModifier, type Modifier } from "../../engine";
import type { Cents } from "../../engine";
import { fail, ok, type Result } from "../../engine";
import { checkClaimBalance, checkLineBalance, checkTransactionBalance } from "./balancing";
import type { Remit835Refusal, Remit835Warning, SegmentPosition } from "./issues";
import { describeNonX12, segment835, type RawSegment } from "./segments";
import type {
  ProviderAdjustment,
  Remit835File,
  RemitClaim,
  RemitLine,
  RemitRemark,
  RemitTransaction,
  X12Version,
} from "./types";
import { centsFromDecimalText, isoDateFromX12, quantityFromText } from "./values";

/** Options of {@link parse835}. */
export interface Parse835Options {
  /** Files larger than this are refused up front (ARCHITECTURE.md s.10). Default 100 MB. */
  readonly maxBytes?: number;
}

/** Default size limit: far above a month of remits for a large group, far below what a browser tab can hold. */
export const DEFAULT_MAX_835_BYTES = 100_000_000;

const GROUP_CODES: ReadonlySet<string> = new Set(ADJUSTMENT_GROUP_CODES);
const HCPCS_QUALIFIERS: ReadonlySet<string> = new Set(["HC", "AD"]);
const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;
const CARC = /^[A-Z0-9]{1,3}$/;
const REMARK_CODE = /^[A-Z]{1,2}\d{1,4}$|^\d{1,4}$/;
const PLB_REASON = /^[A-Z0-9]{2}$/;
/** 835 segments this reader knows (005010X221A1 and 004010X091A1); those it does not read are ignored quietly. */
const KNOWN_SEGMENTS: ReadonlySet<string> = new Set(
  "ISA IEA GS GE ST SE BPR TRN CUR REF DTM N1 N2 N3 N4 PER RDM LX TS3 TS2 CLP CAS NM1 MIA MOA AMT QTY SVC LQ PLB".split(
    " ",
  ),
);

/** A service line while its segments are read: the SVC fields of {@link RemitLine} plus what later segments add. */
interface LineDraft extends Pick<
  RemitLine,
  | "procedureCodeQualifier"
  | "procedureCode"
  | "hcpcsCode"
  | "hcpcsModifiers"
  | "revenueCenterCode"
  | "originalProcedureCode"
  | "originalHcpcsModifiers"
  | "paidServiceUnitQuantity"
> {
  readonly svc: RawSegment;
  readonly chargeAmount: Cents | null;
  readonly paidAmount: Cents | null;
  readonly originalUnitQuantity: number | null;
  adjustments: RemitAdjustment[];
  remarks: RemitRemark[];
  reportedAllowedAmount: Cents | null;
  lineItemControlNumber: string | null;
  serviceDate: IsoDate | null;
  serviceStartDate: IsoDate | null;
  serviceEndDate: IsoDate | null;
  warnings: Remit835Warning[];
}

interface ClaimDraft {
  readonly clp: RawSegment;
  readonly claimId: string;
  readonly claimStatusCode: string;
  readonly chargeAmount: Cents;
  readonly paidAmount: Cents;
  readonly patientResponsibilityAmount: Cents | null;
  readonly claimFilingIndicatorCode: string | null;
  readonly payerClaimControlNumber: string | null;
  patientLastName: string | null;
  patientFirstName: string | null;
  statementStartDate: IsoDate | null;
  statementEndDate: IsoDate | null;
  claimAdjustments: RemitAdjustment[];
  lines: LineDraft[];
  warnings: Remit835Warning[];
}

interface TransactionDraft {
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
  n1Context: string | null;
  claims: RemitClaim[];
  providerAdjustments: ProviderAdjustment[];
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];

/**
 * Parses an X12 835 health care claim payment/advice (005010X221A1 or 004010X091A1) into transactions, claims and
 * service lines with amounts in cents, the allowed amount, and each line's denial verdict (DOMAIN.md 4.3-4.5, 6).
 * Problems inside the file are warnings with their position (never an exception); a file that is not an 835
 * (empty, a CSV, a PDF, an 837, too large) is refused with a message naming what was found.
 * @example parse835("ISA*00*...~ST*835*1~...~SE*20*1~IEA*1*1~") // { ok: true, value: { lines: [...], warnings: [] } }
 */
export function parse835(
  input: string | Uint8Array,
  options: Parse835Options = {},
): Result<Remit835File, Remit835Refusal> {
  const limit = options.maxBytes ?? DEFAULT_MAX_835_BYTES;
  const size = typeof input === "string" ? input.length : input.byteLength;
  if (size > limit) return fail({ code: "fileTooLarge", sizeBytes: size, limitBytes: limit });
  let text: string;
  if (typeof input === "string") text = input;
  else {
    if (PDF_MAGIC.every((b, i) => input[i] === b)) return fail({ code: "notX12", found: "a PDF document" });
    // X12 is ASCII; latin1 keeps every byte one character, so offsets stay byte offsets.
    text = new TextDecoder("latin1").decode(input);
  }
  const segmented = segment835(text);
  if (!segmented.ok) return segmented;
  return new Parser(segmented.value.positionOf).run(segmented.value);
}

class Parser {
  private readonly warnings: Remit835Warning[] = [];
  private readonly transactions: RemitTransaction[] = [];
  private readonly lines: RemitLine[] = [];
  private readonly otherTransactionSets = new Set<string>();
  private interchangeCount = 0;
  private interchangeControlNumber: string | null = null;
  private interchangeVersion: X12Version | null = null;
  private groupVersion: X12Version | null = null;
  private transaction: TransactionDraft | null = null;
  private skippingTransaction = false;
  private claim: ClaimDraft | null = null;
  private line: LineDraft | null = null;

  constructor(private readonly positionOf: (segment: RawSegment) => SegmentPosition) {}

  run(segmented: {
    segments: readonly RawSegment[];
    hasEnvelope: boolean;
    firstDelimiters: Remit835File["delimiters"];
  }): Result<Remit835File, Remit835Refusal> {
    const { segments, hasEnvelope, firstDelimiters } = segmented;
    const first = segments[0];
    if (!hasEnvelope && first !== undefined) {
      const d = firstDelimiters;
      const shown = `element "${d.element}", component "${d.component}", segment "${d.segment === "\n" ? "newline" : d.segment}"`;
      this.warnings.push({ code: "envelopeMissing", position: this.positionOf(first), delimiters: shown });
    }
    for (const segment of segments) this.read(segment);
    const last = segments[segments.length - 1];
    if (this.transaction !== null && last !== undefined) {
      this.warn({ code: "transactionNotClosed", position: this.positionOf(last) });
      this.closeTransaction();
    }
    if (this.transactions.length === 0) {
      if (this.otherTransactionSets.size > 0)
        return fail({ code: "notA835", transactionSetIds: [...this.otherTransactionSets] });
      if (first !== undefined && first.elements[0] !== "ISA" && !KNOWN_SEGMENTS.has(first.elements[0] ?? ""))
        return fail({ code: "notX12", found: describeNonX12(first.elements.join(first.delimiters.element)) });
      return fail({ code: "noTransactions" });
    }
    // Balancing warnings are found when a claim or transaction closes; list everything in file order.
    const warnings = [...this.warnings].sort((a, b) => a.position.segmentIndex - b.position.segmentIndex);
    return ok({
      interchangeCount: this.interchangeCount,
      hasEnvelope,
      delimiters: firstDelimiters,
      transactions: this.transactions,
      lines: this.lines,
      warnings,
    });
  }

  private warn(warning: Remit835Warning): void {
    this.warnings.push(warning);
    if (this.line !== null) this.line.warnings.push(warning);
    else if (this.claim !== null) this.claim.warnings.push(warning);
  }

  private read(s: RawSegment): void {
    const id = s.elements[0] ?? "";
    if (!SEGMENT_ID.test(id)) {
      const text = s.elements.join(s.delimiters.element);
      this.warn({
        code: "segmentUnreadable",
        position: this.positionOf(s),
        text: text.length > 60 ? `${text.slice(0, 60)}...` : text,
      });
      return;
    }
    if (!KNOWN_SEGMENTS.has(id)) {
      if (!this.skippingTransaction) this.warn({ code: "segmentUnknown", position: this.positionOf(s) });
      return;
    }
    switch (id) {
      case "ISA":
        this.closeTransactionIfOpen(s);
        this.interchangeCount++;
        this.interchangeControlNumber = value(s, 13);
        this.interchangeVersion = versionOf(value(s, 12));
        this.groupVersion = null;
        return;
      case "GS":
        this.groupVersion = versionOf(value(s, 8));
        return;
      case "ST":
        this.closeTransactionIfOpen(s);
        return this.openTransaction(s);
      case "SE":
        if (this.skippingTransaction) this.skippingTransaction = false;
        else if (this.transaction === null) this.outOfPlace(s, "a transaction (ST..SE)");
        else this.closeTransaction();
        return;
      case "GE":
      case "IEA":
        this.closeTransactionIfOpen(s);
        return;
    }
    if (this.skippingTransaction) return;
    const transaction = this.transaction;
    if (transaction === null) return this.outOfPlace(s, "a transaction (ST..SE)");
    switch (id) {
      case "BPR":
        transaction.bpr = s;
        transaction.transactionHandlingCode = value(s, 1);
        transaction.totalActualProviderPaymentAmount = this.money(s, 2, false);
        transaction.paymentMethodCode = value(s, 4);
        transaction.paymentDate = this.date(s, 16);
        return;
      case "TRN":
        transaction.checkOrEftTraceNumber = value(s, 2);
        return;
      case "N1":
        this.closeClaim();
        transaction.n1Context = value(s, 1);
        if (transaction.n1Context === "PR") {
          transaction.payer = value(s, 2);
          transaction.payerIdentifier = value(s, 4) ?? transaction.payerIdentifier;
        } else if (transaction.n1Context === "PE") {
          transaction.payee = value(s, 2);
          transaction.payeeIdentifier = value(s, 4);
        }
        return;
      case "LX":
      case "TS3":
      case "TS2":
        this.closeClaim();
        return;
      case "CLP":
        this.closeClaim();
        return this.openClaim(s);
      case "PLB":
        this.closeClaim();
        return this.readPlb(s, transaction);
      case "SVC":
        if (this.claim === null) return this.outOfPlace(s, "a claim (after CLP)");
        this.line = null;
        this.line = this.readSvc(s);
        this.claim.lines.push(this.line);
        return;
      case "CAS":
        if (this.claim === null) return this.outOfPlace(s, "a claim (after CLP)");
        return this.readCas(s, this.line?.adjustments ?? this.claim.claimAdjustments);
      case "REF":
        if (this.line !== null && value(s, 1) === "6R") this.line.lineItemControlNumber = value(s, 2);
        else if (this.claim === null && transaction.n1Context === "PR" && value(s, 1) === "2U")
          transaction.payerIdentifier ??= value(s, 2);
        return;
      case "DTM":
        return this.readDtm(s);
      case "AMT":
        if (this.line !== null && value(s, 1) === "B6") this.line.reportedAllowedAmount = this.money(s, 2, false);
        return;
      case "NM1":
        if (this.claim !== null && this.line === null && value(s, 1) === "QC") {
          this.claim.patientLastName = value(s, 3);
          this.claim.patientFirstName = value(s, 4);
        }
        return;
      case "LQ":
        if (this.line === null) return this.outOfPlace(s, "a service line (after SVC)");
        return this.readLq(s, this.line);
      default:
        // Known segments this reader does not need (N2-N4, PER, RDM, CUR, MIA, MOA, QTY).
        return;
    }
  }

  private outOfPlace(s: RawSegment, expectedInside: string): void {
    this.warn({ code: "segmentOutOfPlace", position: this.positionOf(s), expectedInside });
  }

  private closeTransactionIfOpen(s: RawSegment): void {
    this.skippingTransaction = false;
    if (this.transaction === null) return;
    this.warn({ code: "transactionNotClosed", position: this.positionOf(s) });
    this.closeTransaction();
  }

  private openTransaction(s: RawSegment): void {
    const setId = value(s, 1) ?? "";
    if (setId !== "835") {
      this.otherTransactionSets.add(setId);
      this.warn({ code: "transactionSkipped", position: this.positionOf(s), transactionSetId: setId });
      this.skippingTransaction = true;
      return;
    }
    this.transaction = {
      st: s,
      interchangeControlNumber: this.interchangeControlNumber,
      transactionSetControlNumber: value(s, 2) ?? "",
      version: versionOf(value(s, 3)) ?? this.groupVersion ?? this.interchangeVersion,
      bpr: null,
      transactionHandlingCode: null,
      totalActualProviderPaymentAmount: null,
      paymentMethodCode: null,
      paymentDate: null,
      checkOrEftTraceNumber: null,
      payer: null,
      payerIdentifier: null,
      payee: null,
      payeeIdentifier: null,
      n1Context: null,
      claims: [],
      providerAdjustments: [],
    };
  }

  private closeTransaction(): void {
    const t = this.transaction;
    if (t === null) return;
    this.closeClaim();
    const position = this.positionOf(t.bpr ?? t.st);
    const balance = checkTransactionBalance(t, position);
    if (balance !== null) this.warnings.push(balance);
    this.transactions.push({
      interchangeControlNumber: t.interchangeControlNumber,
      transactionSetControlNumber: t.transactionSetControlNumber,
      version: t.version,
      transactionHandlingCode: t.transactionHandlingCode,
      totalActualProviderPaymentAmount: t.totalActualProviderPaymentAmount,
      paymentMethodCode: t.paymentMethodCode,
      paymentDate: t.paymentDate,
      checkOrEftTraceNumber: t.checkOrEftTraceNumber,
      payer: t.payer,
      payerIdentifier: t.payerIdentifier,
      payee: t.payee,
      payeeIdentifier: t.payeeIdentifier,
      claims: t.claims,
      providerAdjustments: t.providerAdjustments,
      position: this.positionOf(t.st),
    });
    this.transaction = null;
  }

  private openClaim(s: RawSegment): void {
    this.line = null;
    // Set the claim first so that warnings about CLP's own elements attach to it.
    const draft: ClaimDraft = {
      clp: s,
      claimId: value(s, 1) ?? "",
      claimStatusCode: value(s, 2) ?? "",
      chargeAmount: 0 as Cents,
      paidAmount: 0 as Cents,
      patientResponsibilityAmount: null,
      claimFilingIndicatorCode: value(s, 6),
      payerClaimControlNumber: value(s, 7),
      patientLastName: null,
      patientFirstName: null,
      statementStartDate: null,
      statementEndDate: null,
      claimAdjustments: [],
      lines: [],
      warnings: [],
    };
    this.claim = draft;
    if (draft.claimId === "") this.warn({ code: "elementMissing", position: this.positionOf(s), element: "CLP01" });
    this.claim = {
      ...draft,
      chargeAmount: this.money(s, 3, true) ?? (0 as Cents),
      paidAmount: this.money(s, 4, true) ?? (0 as Cents),
      patientResponsibilityAmount: this.money(s, 5, false),
    };
  }

  private closeClaim(): void {
    const c = this.claim;
    const t = this.transaction;
    this.line = null;
    this.claim = null;
    if (c === null || t === null) return;
    const claimPosition = this.positionOf(c.clp);
    const balance = checkClaimBalance(c, claimPosition);
    for (const warning of balance) {
      this.warnings.push(warning);
      c.warnings.push(warning);
    }
    const lines: RemitLine[] = [];
    if (c.lines.length === 0) lines.push(this.claimLevelLine(c, t, claimPosition));
    c.lines.forEach((draft, i) => lines.push(this.finishLine(draft, i + 1, c, t)));
    this.lines.push(...lines);
    t.claims.push({
      claimId: c.claimId,
      claimStatusCode: c.claimStatusCode,
      chargeAmount: c.chargeAmount,
      paidAmount: c.paidAmount,
      patientResponsibilityAmount: c.patientResponsibilityAmount,
      claimFilingIndicatorCode: c.claimFilingIndicatorCode,
      payerClaimControlNumber: c.payerClaimControlNumber,
      reversalFlag: c.claimStatusCode === "22",
      patientLastName: c.patientLastName,
      patientFirstName: c.patientFirstName,
      statementStartDate: c.statementStartDate,
      statementEndDate: c.statementEndDate,
      claimAdjustments: c.claimAdjustments,
      lines,
      position: claimPosition,
    });
  }

  private finishLine(d: LineDraft, claimLineNumber: number, c: ClaimDraft, t: TransactionDraft): RemitLine {
    const position = this.positionOf(d.svc);
    const chargeAmount = d.chargeAmount ?? (0 as Cents);
    const paidAmount = d.paidAmount ?? (0 as Cents);
    if (d.chargeAmount !== null && d.paidAmount !== null) {
      const balance = checkLineBalance(c.claimId, claimLineNumber, chargeAmount, paidAmount, d.adjustments, position);
      if (balance !== null) {
        this.warnings.push(balance);
        d.warnings.push(balance);
      }
    }
    const serviceDate = d.serviceDate ?? d.serviceStartDate ?? c.statementStartDate;
    const serviceEndDate = d.serviceDate ?? d.serviceEndDate ?? c.statementEndDate ?? serviceDate;
    return this.lineOf(c, t, {
      claimLineNumber,
      claimLevelFlag: false,
      lineItemControlNumber: d.lineItemControlNumber,
      procedureCodeQualifier: d.procedureCodeQualifier,
      procedureCode: d.procedureCode,
      hcpcsCode: d.hcpcsCode,
      hcpcsModifiers: d.hcpcsModifiers,
      revenueCenterCode: d.revenueCenterCode,
      originalProcedureCode: d.originalProcedureCode,
      originalHcpcsModifiers: d.originalHcpcsModifiers,
      serviceUnitQuantity: d.originalUnitQuantity ?? d.paidServiceUnitQuantity,
      paidServiceUnitQuantity: d.paidServiceUnitQuantity,
      chargeAmount,
      paidAmount,
      reportedAllowedAmount: d.reportedAllowedAmount,
      adjustments: d.adjustments,
      remarks: d.remarks,
      serviceDate,
      serviceEndDate,
      warnings: [...d.warnings, ...c.warnings],
      position,
    });
  }

  private claimLevelLine(c: ClaimDraft, t: TransactionDraft, position: SegmentPosition): RemitLine {
    return this.lineOf(c, t, {
      claimLineNumber: 1,
      claimLevelFlag: true,
      lineItemControlNumber: null,
      procedureCodeQualifier: null,
      procedureCode: null,
      hcpcsCode: null,
      hcpcsModifiers: [],
      revenueCenterCode: null,
      originalProcedureCode: null,
      originalHcpcsModifiers: [],
      serviceUnitQuantity: 1,
      paidServiceUnitQuantity: 1,
      chargeAmount: c.chargeAmount,
      paidAmount: c.paidAmount,
      reportedAllowedAmount: null,
      adjustments: c.claimAdjustments,
      remarks: [],
      serviceDate: c.statementStartDate,
      serviceEndDate: c.statementEndDate ?? c.statementStartDate,
      warnings: c.warnings,
      position,
    });
  }

  private lineOf(
    c: ClaimDraft,
    t: TransactionDraft,
    l: Omit<
      RemitLine,
      | "payer"
      | "paymentDate"
      | "checkOrEftTraceNumber"
      | "claimId"
      | "claimStatusCode"
      | "payerClaimControlNumber"
      | "allowedAmount"
      | "allowedAmountSource"
      | "patientResponsibilityAmount"
      | "deductibleAmount"
      | "coinsuranceAmount"
      | "copaymentAmount"
      | "reversalFlag"
      | "deniedFlag"
      | "partialDenialFlag"
      | "denialReason"
      | "denialCategory"
    > & { reportedAllowedAmount: Cents | null },
  ): RemitLine {
    const { reportedAllowedAmount, ...rest } = l;
    const allowedAmount = remitAllowedAmount(reportedAllowedAmount, l.paidAmount, l.adjustments);
    const denial = classifyRemitLine({
      claimStatusCode: c.claimStatusCode,
      chargeAmount: l.chargeAmount,
      paidAmount: l.paidAmount,
      allowedAmount,
      adjustments: l.adjustments,
    });
    return {
      payer: t.payer,
      paymentDate: t.paymentDate,
      checkOrEftTraceNumber: t.checkOrEftTraceNumber,
      claimId: c.claimId,
      claimStatusCode: c.claimStatusCode,
      payerClaimControlNumber: c.payerClaimControlNumber,
      ...rest,
      allowedAmount,
      allowedAmountSource: reportedAllowedAmount !== null ? "AMT*B6" : "paid + patient responsibility",
      patientResponsibilityAmount: patientResponsibilityOf(l.adjustments),
      deductibleAmount: prAmount(l.adjustments, "1"),
      coinsuranceAmount: prAmount(l.adjustments, "2"),
      copaymentAmount: prAmount(l.adjustments, "3"),
      ...denial,
    };
  }

  private readSvc(s: RawSegment): LineDraft {
    // The line exists before its elements are read so that element warnings attach to it.
    const components = (value(s, 1) ?? "").split(s.delimiters.component);
    const qualifier = nonEmpty(components[0]);
    const code = nonEmpty(components[1]);
    const draft: LineDraft = {
      svc: s,
      procedureCodeQualifier: qualifier,
      procedureCode: code,
      hcpcsCode: null,
      hcpcsModifiers: [],
      revenueCenterCode: value(s, 4),
      originalProcedureCode: null,
      originalHcpcsModifiers: [],
      chargeAmount: null,
      paidAmount: null,
      paidServiceUnitQuantity: 1,
      originalUnitQuantity: null,
      adjustments: [],
      remarks: [],
      reportedAllowedAmount: null,
      lineItemControlNumber: null,
      serviceDate: null,
      serviceStartDate: null,
      serviceEndDate: null,
      warnings: [],
    };
    this.line = draft;
    if (code === null) this.warn({ code: "elementMissing", position: this.positionOf(s), element: "SVC01-2" });
    const original = (value(s, 6) ?? "").split(s.delimiters.component);
    return Object.assign(draft, {
      hcpcsCode: this.hcpcs(s, "SVC01-2", qualifier, code),
      hcpcsModifiers: this.modifiers(s, "SVC01", components),
      originalProcedureCode: nonEmpty(original[1]),
      originalHcpcsModifiers: this.modifiers(s, "SVC06", original),
      chargeAmount: this.money(s, 2, true),
      paidAmount: this.money(s, 3, true),
      paidServiceUnitQuantity: this.quantity(s, 5) ?? 1,
      originalUnitQuantity: this.quantity(s, 7),
    });
  }

  private hcpcs(s: RawSegment, element: string, qualifier: string | null, code: string | null): HcpcsCode | null {
    if (code === null || qualifier === null || !HCPCS_QUALIFIERS.has(qualifier)) return null;
    const parsed = parseHcpcsCode(code);
    if (parsed.ok) return parsed.value;
    this.warn({
      code: "elementInvalid",
      position: this.positionOf(s),
      element,
      value: code,
      expected: "a CPT/HCPCS code like 99213 or J1100",
    });
    return null;
  }

  private modifiers(s: RawSegment, element: string, components: readonly string[]): Modifier[] {
    const modifiers: Modifier[] = [];
    for (let i = 2; i < 2 + MAX_MODIFIERS; i++) {
      const text = components[i];
      if (text === undefined || text.trim() === "") continue;
      const parsed = parseModifier(text);
      if (parsed.ok) modifiers.push(parsed.value);
      else
        this.warn({
          code: "elementInvalid",
          position: this.positionOf(s),
          element: `${element}-${i + 1}`,
          value: text,
          expected: "a two-character modifier like 26 or TC",
        });
    }
    return modifiers;
  }

  private readCas(s: RawSegment, into: RemitAdjustment[]): void {
    const group = value(s, 1) ?? "";
    if (!GROUP_CODES.has(group)) {
      this.invalid(s, "CAS01", group, "a group code CO, PR, OA, PI or CR");
      return;
    }
    for (let first = 2; first <= 17; first += 3) {
      const reasonText = value(s, first);
      const amountText = value(s, first + 1);
      if (reasonText === null && amountText === null) continue;
      if (reasonText === null || !CARC.test(reasonText)) {
        this.invalid(s, elementName("CAS", first), reasonText ?? "", "a claim adjustment reason code like 45");
        continue;
      }
      const amount = amountText === null ? null : centsFromDecimalText(amountText);
      if (amount === null) {
        this.invalid(s, elementName("CAS", first + 1), amountText ?? "", "an amount like 12.50");
        continue;
      }
      into.push({
        adjustmentGroupCode: group as AdjustmentGroupCode,
        // "045" and "45" are the same CARC (as in adjustmentCodes.ts).
        adjustmentReasonCode: /^\d+$/.test(reasonText) ? String(Number(reasonText)) : reasonText,
        adjustmentAmount: amount,
        adjustmentQuantity: this.quantity(s, first + 2),
      });
    }
  }

  private readDtm(s: RawSegment): void {
    const qualifier = value(s, 1);
    let start: IsoDate | null;
    let end: IsoDate | null;
    if (value(s, 2) === null && value(s, 5) === "RD8") {
      // 4010 style: a period in DTM06 as CCYYMMDD-CCYYMMDD.
      const [from, to] = (value(s, 6) ?? "").split("-");
      start = this.dateText(s, 6, from ?? "");
      end = this.dateText(s, 6, to ?? from ?? "");
    } else start = end = this.date(s, 2);
    const line = this.line;
    const claim = this.claim;
    if (line !== null) {
      if (qualifier === "472") {
        line.serviceDate = value(s, 5) === "RD8" ? null : start;
        line.serviceStartDate = start;
        line.serviceEndDate = end;
      } else if (qualifier === "150") line.serviceStartDate = start;
      else if (qualifier === "151") line.serviceEndDate = end;
    } else if (claim !== null) {
      if (qualifier === "232") claim.statementStartDate = start;
      else if (qualifier === "233") claim.statementEndDate = end;
    }
  }

  private readLq(s: RawSegment, line: LineDraft): void {
    const qualifier = value(s, 1) ?? "";
    const code = value(s, 2) ?? "";
    if (qualifier === "HE" && !REMARK_CODE.test(code)) {
      this.invalid(s, "LQ02", code, "a remittance advice remark code like N130 or M15");
      return;
    }
    line.remarks.push({ codeListQualifierCode: qualifier, remarkCode: code });
  }

  private readPlb(s: RawSegment, t: TransactionDraft): void {
    const providerIdentifier = value(s, 1);
    const fiscalPeriodDate = this.date(s, 2);
    for (let first = 3; first <= 13; first += 2) {
      const identifier = value(s, first);
      const amountText = value(s, first + 1);
      if (identifier === null && amountText === null) continue;
      const [reason, reference] = (identifier ?? "").split(s.delimiters.component);
      if (reason === undefined || !PLB_REASON.test(reason)) {
        this.invalid(
          s,
          elementName("PLB", first) + "-1",
          reason ?? "",
          "a provider adjustment reason code like WO or L6",
        );
        continue;
      }
      if (amountText === null) {
        this.warn({ code: "elementMissing", position: this.positionOf(s), element: elementName("PLB", first + 1) });
        continue;
      }
      const amount = this.money(s, first + 1, true);
      if (amount === null) continue;
      t.providerAdjustments.push({
        providerIdentifier,
        fiscalPeriodDate,
        adjustmentReasonCode: reason,
        referenceIdentifier: nonEmpty(reference),
        adjustmentAmount: amount,
      });
    }
  }

  private invalid(s: RawSegment, element: string, text: string, expected: string): void {
    this.warn({ code: "elementInvalid", position: this.positionOf(s), element, value: text, expected });
  }

  /** A money element; a missing required one warns and reads as null (callers use 0). */
  private money(s: RawSegment, index: number, required: boolean): Cents | null {
    const text = value(s, index);
    const element = elementName(s.elements[0] ?? "", index);
    if (text === null) {
      if (required) this.warn({ code: "elementMissing", position: this.positionOf(s), element });
      return null;
    }
    const cents = centsFromDecimalText(text);
    if (cents === null) this.invalid(s, element, text, "an amount like 1234.56");
    return cents;
  }

  private quantity(s: RawSegment, index: number): number | null {
    const text = value(s, index);
    if (text === null) return null;
    const quantity = quantityFromText(text);
    if (quantity === null) this.invalid(s, elementName(s.elements[0] ?? "", index), text, "a number of units");
    return quantity;
  }

  private date(s: RawSegment, index: number): IsoDate | null {
    const text = value(s, index);
    return text === null ? null : this.dateText(s, index, text);
  }

  private dateText(s: RawSegment, index: number, text: string): IsoDate | null {
    const date = isoDateFromX12(text);
    if (date === null) this.invalid(s, elementName(s.elements[0] ?? "", index), text, "a date as CCYYMMDD");
    return date;
  }
}

/** Element `index` of a segment, trimmed; null when absent or blank. */
function value(s: RawSegment, index: number): string | null {
  return nonEmpty(s.elements[index]);
}

function nonEmpty(text: string | undefined): string | null {
  if (text === undefined) return null;
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

function elementName(segmentId: string, index: number): string {
  return `${segmentId}${String(index).padStart(2, "0")}`;
}

function versionOf(text: string | null): X12Version | null {
  if (text === null) return null;
  if (text.startsWith("00501") || text.startsWith("005010")) return "5010";
  if (text.startsWith("00401") || text.startsWith("004010")) return "4010";
  return null;
}

function prAmount(adjustments: readonly RemitAdjustment[], reason: string): Cents {
  let total = 0;
  for (const a of adjustments)
    if (a.adjustmentGroupCode === "PR" && a.adjustmentReasonCode === reason) total += a.adjustmentAmount;
  return total as Cents;
}
