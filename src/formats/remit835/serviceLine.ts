// The service line loop (2110): SVC opens a line; CAS (adjustments.ts), DTM, REF*6R and REF*G1, AMT*B6 and LQ add
// to it. An element of the line that cannot be read (a cut composite, a code of the wrong length for its qualifier, a
// modifier that is not two characters, an absurd amount or unit count) refuses the line: it is reported, not imported;
// a prior authorization number that cannot be read is only blank (claimLoop.ts, readPriorAuthorization).
import { parseHcpcsCode, parseModifier, type HcpcsCode, type Modifier } from "../../engine";
import { isReversal, readDtmDates, readPriorAuthorization, type DtmDates } from "./claimLoop";
import { component, invalid, rawElement, readAmount, readComposite, readParsed, readText } from "./elements";
import type { ExpectedValue } from "./issues";
import {
  AMT,
  AMT_QUALIFIER,
  DTM,
  LINE_DATE_QUALIFIER,
  LQ,
  LQ_QUALIFIER,
  procedureComposite,
  PROCEDURE_CODE_FORMATS,
  qualifierName,
  REF,
  REF_QUALIFIER,
  SVC,
  SVC_ORIGINAL_PROCEDURE,
  SVC_PROCEDURE,
  type ElementRef,
} from "./layout";
import { noProcedure, type ClaimDraft, type LineDraft, type Reader } from "./reader";
import type { RawSegment } from "./segments";
import { isRemarkCode, unitQuantityFromText } from "./values";

const QUALIFIER = /^[A-Z0-9]{2}$/;

/** A procedure composite as read: qualifier, code, HCPCS code (HC/AD) and modifiers; null when refused or absent. */
interface Procedure {
  readonly qualifier: string;
  readonly code: string;
  readonly hcpcsCode: HcpcsCode | null;
  readonly modifiers: Modifier[];
}

/** SVC: opens a service line of the open claim. */
export function readSvc(r: Reader, s: RawSegment, claim: ClaimDraft): void {
  const line: LineDraft = {
    svc: s,
    claimLineNumber: claim.lines.length + 1,
    ...noProcedure(),
    chargeAmount: null,
    paidAmount: null,
    paidServiceUnitQuantity: 1,
    originalUnitQuantity: null,
    adjustments: [],
    remarks: [],
    reportedAllowedAmount: null,
    lineItemControlNumber: null,
    priorAuthorization: null,
    serviceDate: null,
    serviceStartDate: null,
    serviceEndDate: null,
    warnings: [],
    refused: false,
  };
  // The line is open before its elements are read so that their issues attach to it and name it.
  claim.lines.push(line);
  r.line = line;
  const procedure = readProcedure(r, s, SVC.procedure, SVC_PROCEDURE, true);
  line.procedureCodeQualifier = procedure?.qualifier ?? null;
  line.procedureCode = procedure?.code ?? null;
  line.hcpcsCode = procedure?.hcpcsCode ?? null;
  line.hcpcsModifiers = procedure?.modifiers ?? [];
  line.chargeAmount = r.requiredAmount(s, SVC.chargeAmount, "line");
  line.paidAmount = r.requiredAmount(s, SVC.paidAmount, "line");
  // SVC04 is kept as sent (payers misplace SVC05 there; it prices nothing), only checked for control characters.
  line.revenueCenterCode = r.take(readText(s, SVC.revenueCenterCode), s, "line");
  line.paidServiceUnitQuantity = readUnits(r, s, SVC.paidServiceUnitQuantity, claim) ?? 1;
  const original = readProcedure(r, s, SVC.originalProcedure, SVC_ORIGINAL_PROCEDURE, false);
  line.originalProcedureCode = original?.code ?? null;
  line.originalHcpcsModifiers = original?.modifiers ?? [];
  line.originalUnitQuantity = readUnits(r, s, SVC.originalServiceUnitQuantity, claim);
}

/** Units (SVC05, SVC07, CAS quantities): 0 to 100,000, negative only on a reversal. */
export function readUnits(
  r: Reader,
  s: RawSegment,
  ref: ElementRef,
  claim: ClaimDraft,
  scope: "line" | "claim" = "line",
) {
  const reversal = isReversal(claim);
  const read = readParsed(
    s,
    ref,
    (text) => unitQuantityFromText(text, reversal),
    reversal ? "reversalUnitQuantity" : "unitQuantity",
  );
  return r.take(read, s, scope);
}

/** SVC01 or SVC06 (C003): every component checked; a fault refuses the line. Null when refused or absent. */
function readProcedure(
  r: Reader,
  s: RawSegment,
  ref: ElementRef,
  layout: ReturnType<typeof procedureComposite>,
  required: boolean,
): Procedure | null {
  const read = readComposite(s, ref);
  if (!read.ok) return r.take(read, s, "line");
  if (read.value === null) {
    if (required) r.missing(s, ref.reference, "line");
    return null;
  }
  const parts = read.value;
  const qualifier = component(parts, layout.procedureCodeQualifier);
  const code = component(parts, layout.procedureCode);
  if (qualifier === null || code === null) {
    r.missing(s, (qualifier === null ? layout.procedureCodeQualifier : layout.procedureCode).reference, "line");
    return null;
  }
  if (!QUALIFIER.test(qualifier))
    return reject(r, s, layout.procedureCodeQualifier.reference, qualifier, "procedureCodeQualifier", "line");
  const format = Object.hasOwn(PROCEDURE_CODE_FORMATS, qualifier) ? PROCEDURE_CODE_FORMATS[qualifier] : undefined;
  const hcpcs = format?.hcpcs === true ? parseHcpcsCode(code) : null;
  if (format !== undefined && (!format.pattern.test(code) || hcpcs?.ok === false))
    return reject(r, s, layout.procedureCode.reference, code, format.expected, "line");
  const modifiers: Modifier[] = [];
  for (const modifierRef of layout.modifiers) {
    const text = component(parts, modifierRef);
    if (text === null) continue;
    const modifier = parseModifier(text);
    if (!modifier.ok) return reject(r, s, modifierRef.reference, text, "modifier", "line");
    modifiers.push(modifier.value);
  }
  return { qualifier, code, hcpcsCode: hcpcs?.ok === true ? hcpcs.value : null, modifiers };
}

function reject(
  r: Reader,
  s: RawSegment,
  element: string,
  text: string,
  expected: ExpectedValue,
  scope: "line" | "skip",
): null {
  return r.take(invalid(element, text, expected), s, scope);
}

const LINE_DATES = {
  serviceDate: (line, d) => {
    line.serviceDate = d.period ? null : d.start;
    line.serviceStartDate = d.start;
    line.serviceEndDate = d.end;
  },
  serviceStartDate: (line, d) => (line.serviceStartDate = d.start),
  serviceEndDate: (line, d) => (line.serviceEndDate = d.end),
} satisfies Record<keyof typeof LINE_DATE_QUALIFIER, (line: LineDraft, d: DtmDates) => void>;

/** DTM in the service line loop: the date of service (472) or its period (150/151). */
export function readLineDtm(r: Reader, s: RawSegment, line: LineDraft): void {
  const name = qualifierName(LINE_DATE_QUALIFIER, rawElement(s, DTM.dateTimeQualifier));
  if (name !== null) LINE_DATES[name](line, readDtmDates(r, s, "line"));
}

/**
 * REF in the service line loop: the line item control number (REF*6R), the key that matches the 837 line, and the
 * line's own prior authorization number (REF*G1), which 005010X221A1 sends where it differs from the claim's.
 */
export function readLineRef(r: Reader, s: RawSegment, line: LineDraft): void {
  const qualifier = rawElement(s, REF.referenceIdentificationQualifier);
  if (qualifier === REF_QUALIFIER.lineItemControlNumber)
    line.lineItemControlNumber = r.take(readText(s, REF.referenceIdentification), s, "line");
  else if (qualifier === REF_QUALIFIER.priorAuthorizationNumber)
    line.priorAuthorization = { number: readPriorAuthorization(r, s) };
}

/** AMT in the service line loop: the allowed amount the payer reports (AMT*B6). */
export function readLineAmt(r: Reader, s: RawSegment, line: LineDraft): void {
  if (rawElement(s, AMT.amountQualifierCode) !== AMT_QUALIFIER.allowedActual) return;
  line.reportedAllowedAmount = r.take(readAmount(s, AMT.amount), s, "line");
}

/** LQ: a remark code of the line. A remark that cannot be read is skipped (it carries no amount). */
export function readLq(r: Reader, s: RawSegment, line: LineDraft): void {
  const qualifier = readText(s, LQ.codeListQualifierCode);
  const code = readText(s, LQ.remarkCode);
  if (!qualifier.ok || !code.ok) return void r.take(qualifier.ok ? code : qualifier, s, "skip");
  const text = code.value ?? "";
  if (qualifier.value === LQ_QUALIFIER.remark && !isRemarkCode(text))
    return void reject(r, s, LQ.remarkCode.reference, text, "remarkCode", "skip");
  line.remarks.push({ codeListQualifierCode: qualifier.value ?? "", remarkCode: text });
}
