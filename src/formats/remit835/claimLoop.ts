// The claim loop (2100): CLP opens a claim; NM1*QC, DTM*232/233, REF*G1 and claim-level CAS add to it; the next CLP,
// LX, N1, PLB or SE closes it. A value of the claim that cannot be read refuses the claim and its lines.
import {
  parseMsDrg,
  priorAuthorizationOf,
  type Cents,
  type IsoDate,
  type MsDrg,
  type PriorAuthorizationNumber,
} from "../../engine";
import { checkClaimBalance } from "./balancing";
import { invalid, rawElement, readAmount, readDate, readParsed, readText, value, type ElementRead } from "./elements";
import {
  CLAIM_DATE_QUALIFIER,
  CLP,
  DATE_RANGE_FORMAT,
  DTM,
  MAX_REFERENCE_IDENTIFICATION_LENGTH,
  NM1,
  NM1_ENTITY,
  qualifierName,
  REF,
  REF_QUALIFIER,
  REVERSAL_CLAIM_STATUS,
} from "./layout";
import type { ClaimDraft, Reader, TransactionDraft } from "./reader";
import { claimLevelLine, finishLine } from "./remitLines";
import type { RawSegment } from "./segments";
import type { RemitLine } from "./types";
import { drgWeightFromText, isoDateFromX12 } from "./values";

/** CLP: closes the open claim and opens a new one. */
export function readClp(r: Reader, s: RawSegment, t: TransactionDraft): void {
  closeClaim(r);
  t.claimsRead++;
  const claim: ClaimDraft = {
    clp: s,
    claimId: "",
    claimStatusCode: "",
    chargeAmount: 0 as Cents,
    paidAmount: 0 as Cents,
    patientResponsibilityAmount: null,
    claimFilingIndicatorCode: null,
    payerClaimControlNumber: null,
    patientLastName: null,
    patientFirstName: null,
    statementStartDate: null,
    statementEndDate: null,
    claimReceivedDate: null,
    priorAuthorizationNumber: null,
    facilityTypeCode: null,
    msDrg: null,
    drgWeight: null,
    inpatientAdjudication: null,
    outpatientAdjudication: null,
    claimAdjustments: [],
    lines: [],
    warnings: [],
    refused: false,
  };
  // The claim is open before its elements are read so that their issues attach to it and name it.
  r.claim = claim;
  const claimId = readText(s, CLP.claimId);
  claim.claimId = r.take(claimId, s, "claim") ?? "";
  if (claimId.ok && claimId.value === null) r.missing(s, CLP.claimId.reference, "blank");
  claim.claimStatusCode = r.take(readText(s, CLP.claimStatusCode), s, "claim") ?? "";
  claim.chargeAmount = r.requiredAmount(s, CLP.chargeAmount, "claim") ?? (0 as Cents);
  claim.paidAmount = r.requiredAmount(s, CLP.paidAmount, "claim") ?? (0 as Cents);
  claim.patientResponsibilityAmount = r.take(readAmount(s, CLP.patientResponsibilityAmount), s, "claim");
  claim.claimFilingIndicatorCode = r.take(readText(s, CLP.claimFilingIndicatorCode), s, "claim");
  claim.payerClaimControlNumber = r.take(readText(s, CLP.payerClaimControlNumber), s, "claim");
  // The institutional elements price nothing the payer paid: one that cannot be read is blank, with its warning.
  claim.facilityTypeCode = r.take(
    readParsed(s, CLP.facilityTypeCode, facilityCodeFromText, "facilityTypeCode"),
    s,
    "blank",
  );
  claim.msDrg = r.take(readParsed(s, CLP.diagnosisRelatedGroupCode, msDrgFromText, "msDrg"), s, "blank");
  claim.drgWeight = r.take(readParsed(s, CLP.diagnosisRelatedGroupWeight, drgWeightFromText, "drgWeight"), s, "blank");
}

/** CLP08: two digits, a UB-04 facility type and bill classification or a place of service ("11", "13", "81"). */
function facilityCodeFromText(text: string): string | null {
  return /^\d{2}$/.test(text) ? text : null;
}

/**
 * CLP11: an MS-DRG as payers send it, three digits ("039"). A shorter code is a cut one, never padded (a "47" is not
 * DRG 047); {@link parseMsDrg} then refuses 000.
 */
function msDrgFromText(text: string): MsDrg | null {
  if (!/^\d{3}$/.test(text)) return null;
  const drg = parseMsDrg(text);
  return drg.ok ? drg.value : null;
}

/** NM1 in the claim loop: the patient's name (NM1*QC); other parties are not read. */
export function readClaimName(r: Reader, s: RawSegment, claim: ClaimDraft): void {
  if (rawElement(s, NM1.entityIdentifierCode) !== NM1_ENTITY.patient) return;
  claim.patientLastName = r.take(readText(s, NM1.lastName), s, "claim");
  claim.patientFirstName = r.take(readText(s, NM1.firstName), s, "claim");
}

/** REF in the claim loop: the claim's prior authorization number (REF*G1); other references are not read. */
export function readClaimRef(r: Reader, s: RawSegment, claim: ClaimDraft): void {
  if (rawElement(s, REF.referenceIdentificationQualifier) !== REF_QUALIFIER.priorAuthorizationNumber) return;
  claim.priorAuthorizationNumber = readPriorAuthorization(r, s);
}

/**
 * REF02 of a REF*G1. It prices nothing the payer paid, so one that is empty (a REF cut after its qualifier), over 50
 * characters or holding a control character is read as blank with its warning: never a made-up number, and never a
 * reason to drop the payment it came with.
 */
export function readPriorAuthorization(r: Reader, s: RawSegment): PriorAuthorizationNumber | null {
  const read = readParsed(s, REF.referenceIdentification, priorAuthorizationFromText, "priorAuthorizationNumber");
  if (read.ok && read.value === null) r.missing(s, REF.referenceIdentification.reference, "blank");
  return r.take(read, s, "blank");
}

function priorAuthorizationFromText(text: string): PriorAuthorizationNumber | null {
  return text.length <= MAX_REFERENCE_IDENTIFICATION_LENGTH ? priorAuthorizationOf(text) : null;
}

/** The dates of a DTM: DTM02, or a 4010-style period in DTM06 (RD8); null when the DTM could not be read. */
export interface DtmDates {
  readonly start: IsoDate | null;
  readonly end: IsoDate | null;
  /** True for a DTM06 period: a line's DTM*472 period is a start and an end, not one date of service. */
  readonly period: boolean;
}

/** What a date of the claim loop costs when it cannot be read, and where it goes. */
interface ClaimDate {
  /**
   * The statement period dates the claim's lines (their service dates), so an unreadable one refuses the claim; the
   * received date dates nothing priced, so it reads as blank (with its warning), never guessed.
   */
  readonly scope: "claim" | "blank";
  readonly set: (claim: ClaimDraft, d: DtmDates) => void;
}

const CLAIM_DATES = {
  statementStartDate: { scope: "claim", set: (claim, d) => (claim.statementStartDate = d.start) },
  statementEndDate: { scope: "claim", set: (claim, d) => (claim.statementEndDate = d.end) },
  claimReceivedDate: { scope: "blank", set: (claim, d) => (claim.claimReceivedDate = d.start) },
} satisfies Record<keyof typeof CLAIM_DATE_QUALIFIER, ClaimDate>;

/** DTM in the claim loop: the statement period (232/233) and the received date (050); other dates are not read. */
export function readClaimDtm(r: Reader, s: RawSegment, claim: ClaimDraft): void {
  const name = qualifierName(CLAIM_DATE_QUALIFIER, rawElement(s, DTM.dateTimeQualifier));
  if (name === null) return;
  const date: ClaimDate = CLAIM_DATES[name];
  date.set(claim, readDtmDates(r, s, date.scope));
}

/**
 * The date of a DTM the reader uses: DTM02 as CCYYMMDD, or (4010 style, DTM02 empty and DTM05 = RD8) the period
 * CCYYMMDD-CCYYMMDD in DTM06. A date that cannot be read costs `scope`: the line or claim it dates, or only itself.
 */
export function readDtmDates(r: Reader, s: RawSegment, scope: "line" | "claim" | "blank"): DtmDates {
  if (rawElement(s, DTM.date) === null && rawElement(s, DTM.dateTimePeriodFormatQualifier) === DATE_RANGE_FORMAT) {
    const period = r.take(readPeriod(s), s, scope);
    return { start: period?.[0] ?? null, end: period?.[1] ?? null, period: true };
  }
  const date = r.take(readDate(s, DTM.date), s, scope);
  return { start: date, end: date, period: false };
}

function readPeriod(s: RawSegment): ElementRead<readonly [IsoDate, IsoDate]> {
  const text = readText(s, DTM.period);
  if (!text.ok || text.value === null) return text as ElementRead<never>;
  const [from, to, ...rest] = text.value.split("-");
  const start = isoDateFromX12(from ?? "");
  const end = to === undefined ? start : isoDateFromX12(to);
  if (start === null || end === null || rest.length > 0) return invalid(DTM.period.reference, text.value, "datePeriod");
  return value([start, end] as const);
}

/** Closes the open claim: its lines become rows, unless it was refused; balancing is checked when it can be. */
export function closeClaim(r: Reader): void {
  const c = r.claim;
  const t = r.transaction;
  r.line = null;
  r.claim = null;
  if (c === null || t === null) return;
  if (c.refused) {
    t.hasRefusedClaim = true;
    return;
  }
  const position = r.positionOf(c.clp);
  const accepted = c.lines.filter((line) => !line.refused);
  // A refused line's amounts are unknown, so the claim's balance cannot be checked (the refusal is reported).
  if (accepted.length === c.lines.length)
    for (const warning of checkClaimBalance(c, position)) {
      r.warnings.push(warning);
      c.warnings.push(warning);
    }
  const lines: RemitLine[] = [];
  if (c.lines.length === 0) lines.push(claimLevelLine(c, t, position));
  for (const draft of accepted) {
    const { line, balance } = finishLine(draft, c, t, r.positionOf(draft.svc));
    if (balance !== null) r.warnings.push(balance);
    lines.push(line);
  }
  r.lines.push(...lines);
  t.claims.push({
    claimId: c.claimId,
    claimStatusCode: c.claimStatusCode,
    chargeAmount: c.chargeAmount,
    paidAmount: c.paidAmount,
    patientResponsibilityAmount: c.patientResponsibilityAmount,
    claimFilingIndicatorCode: c.claimFilingIndicatorCode,
    payerClaimControlNumber: c.payerClaimControlNumber,
    reversalFlag: isReversal(c),
    patientLastName: c.patientLastName,
    patientFirstName: c.patientFirstName,
    statementStartDate: c.statementStartDate,
    statementEndDate: c.statementEndDate,
    claimReceivedDate: c.claimReceivedDate,
    priorAuthorizationNumber: c.priorAuthorizationNumber,
    facilityTypeCode: c.facilityTypeCode,
    msDrg: c.msDrg,
    drgWeight: c.drgWeight,
    inpatientAdjudication: c.inpatientAdjudication,
    outpatientAdjudication: c.outpatientAdjudication,
    claimAdjustments: c.claimAdjustments,
    lines,
    position,
  });
}

/** Whether the claim reverses an earlier payment (CLP02 = 22): its amounts and units are negated. */
export function isReversal(claim: ClaimDraft): boolean {
  return claim.claimStatusCode === REVERSAL_CLAIM_STATUS;
}
