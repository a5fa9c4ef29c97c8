// The claim's inpatient (MIA) and outpatient (MOA) adjudication segments, loop 2100. They explain what the payer paid
// (covered days, outlier, DRG and capital amounts, reimbursement rate, remark codes) but change no amount of a line,
// so an element that cannot be read is reported with its position and read as blank: never turned into data.
import type { Cents } from "../../engine";
import { isReversal } from "./claimLoop";
import { readAmount, readParsed } from "./elements";
import { MIA, MIA_REMARK_CODES, MOA, MOA_REMARK_CODES, type ElementRef } from "./layout";
import type { ClaimDraft, Reader } from "./reader";
import type { RawSegment } from "./segments";
import type { InpatientAdjudication, OutpatientAdjudication } from "./types";
import { dayCountFromText, isRemarkCode, reimbursementRateFromText } from "./values";

/** Where MIA and MOA belong: after CLP, before the claim's first SVC. */
const BEFORE_LINES = "a claim, before its service lines";

/** MIA: the claim's inpatient adjudication (Medicare and Medicare-like payers on institutional claims). */
export function readMia(r: Reader, s: RawSegment, claim: ClaimDraft): void {
  if (r.line !== null) return r.outOfPlace(s, BEFORE_LINES);
  const amount = (ref: ElementRef): Cents | null => r.take(readAmount(s, ref), s, "blank");
  const days = (ref: ElementRef): number | null => readDays(r, s, ref, claim);
  claim.inpatientAdjudication = {
    coveredDaysOrVisitsCount: days(MIA.coveredDaysOrVisitsCount),
    ppsOperatingOutlierAmount: amount(MIA.ppsOperatingOutlierAmount),
    lifetimePsychiatricDaysCount: days(MIA.lifetimePsychiatricDaysCount),
    claimDrgAmount: amount(MIA.claimDrgAmount),
    claimDisproportionateShareAmount: amount(MIA.claimDisproportionateShareAmount),
    claimPpsCapitalAmount: amount(MIA.claimPpsCapitalAmount),
    claimIndirectTeachingAmount: amount(MIA.claimIndirectTeachingAmount),
    remarkCodes: readRemarkCodes(r, s, MIA_REMARK_CODES),
  } satisfies InpatientAdjudication;
}

/** MOA: the claim's outpatient adjudication. */
export function readMoa(r: Reader, s: RawSegment, claim: ClaimDraft): void {
  if (r.line !== null) return r.outOfPlace(s, BEFORE_LINES);
  const amount = (ref: ElementRef): Cents | null => r.take(readAmount(s, ref), s, "blank");
  claim.outpatientAdjudication = {
    reimbursementRate: r.take(
      readParsed(s, MOA.reimbursementRate, reimbursementRateFromText, "reimbursementRate"),
      s,
      "blank",
    ),
    claimHcpcsPayableAmount: amount(MOA.claimHcpcsPayableAmount),
    claimEsrdPaymentAmount: amount(MOA.claimEsrdPaymentAmount),
    nonpayableProfessionalComponentAmount: amount(MOA.nonpayableProfessionalComponentAmount),
    remarkCodes: readRemarkCodes(r, s, MOA_REMARK_CODES),
  } satisfies OutpatientAdjudication;
}

/** A count of days; a reversal (CLP02 = 22) negates it with the amounts. */
function readDays(r: Reader, s: RawSegment, ref: ElementRef, claim: ClaimDraft): number | null {
  const reversal = isReversal(claim);
  const read = readParsed(
    s,
    ref,
    (text) => dayCountFromText(text, reversal),
    reversal ? "reversalDayCount" : "dayCount",
  );
  return r.take(read, s, "blank");
}

/** The remark codes of the elements given, in element order; one that is not a remark code is reported, not kept. */
function readRemarkCodes(r: Reader, s: RawSegment, refs: readonly ElementRef[]): string[] {
  const codes: string[] = [];
  for (const ref of refs) {
    const code = r.take(
      readParsed(s, ref, (text) => (isRemarkCode(text) ? text : null), "remarkCode"),
      s,
      "blank",
    );
    if (code !== null) codes.push(code);
  }
  return codes;
}
