import type { Brand } from "../brand";
import type { IsoDate } from "../isoDate";
import type { Cents } from "../money";
import { fail, ok, type Result } from "../result";
import type { RevenueCode } from "../revenueCode";
import type { InpatientIssue } from "./issues";
import type { MsDrg } from "./msDrg";

/** A UB-04 patient discharge status (form locator 17), two digits: "01" home, "02" short-term hospital, "03" SNF. */
export type DischargeStatus = Brand<string, "DischargeStatus">;

/**
 * Reads a discharge status from a cell: a number or digit text of 1-2 digits, the leading zero Excel drops put back
 * (2 is "02").
 * @example parseDischargeStatus(2) // { ok: true, value: "02" }
 */
export function parseDischargeStatus(value: unknown): Result<DischargeStatus, InpatientIssue> {
  const text = typeof value === "number" || typeof value === "string" ? String(value).trim() : "";
  return /^\d{1,2}$/.test(text)
    ? ok(text.padStart(2, "0") as DischargeStatus)
    : fail({ code: "dischargeStatusMalformed", value: String(value ?? "") });
}

/** One revenue line of an inpatient claim (UB-04 form locators 42, 46, 47). */
export interface RevenueLine {
  readonly revenueCode: RevenueCode;
  /** Service units; for a room-and-board code (01xx-02xx), the days at that accommodation. */
  readonly units: number;
  readonly chargeAmount: Cents;
}

/** An inpatient stay as a hospital bills it: what inpatient contract terms price. */
export interface InpatientStay {
  readonly drg: MsDrg;
  readonly admitDate: IsoDate;
  readonly dischargeDate: IsoDate;
  /** The claim's total charges (revenue code 0001). */
  readonly totalCharges: Cents;
  /** Null: not given (read as a discharge, not a transfer). */
  readonly dischargeStatus: DischargeStatus | null;
  /** The covered days (UB-04 value code 80), when given: they win over the dates. */
  readonly coveredDays: number | null;
  readonly revenueLines: readonly RevenueLine[];
}

/** Where a length of stay was taken from. */
export type LengthOfStaySource = "covered days" | "dates";

/** The days of a stay that pricing counts, and where they come from. */
export interface LengthOfStay {
  readonly days: number;
  readonly source: LengthOfStaySource;
}

const MS_PER_DAY = 86_400_000;
/** Ten years: a longer stay is a typing error in a date or in the covered days. */
const MAX_DAYS = 3650;

const dayNumber = (date: IsoDate): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;

/**
 * The length of stay: the covered days when the claim gives them, else the days from admission to discharge, the
 * admission day counted and the discharge day not, a same-day stay counting as one day (CMS Claims Processing Manual
 * ch.3 s.20.1.2 counts utilization days this way). Refused when the discharge is before the admission or the covered
 * days are not a whole number from 0 to 3650.
 * @example lengthOfStay({ admitDate: "2025-03-01", dischargeDate: "2025-03-06", coveredDays: null }) // 5 days, "dates"
 */
export function lengthOfStay(
  stay: Pick<InpatientStay, "admitDate" | "dischargeDate" | "coveredDays">,
): Result<LengthOfStay, InpatientIssue> {
  if (stay.dischargeDate < stay.admitDate)
    return fail({ code: "stayDatesReversed", admitDate: stay.admitDate, dischargeDate: stay.dischargeDate });
  const covered = stay.coveredDays;
  if (covered !== null) {
    if (!Number.isInteger(covered) || covered < 0 || covered > MAX_DAYS)
      return fail({ code: "coveredDaysInvalid", value: String(covered) });
    return ok({ days: covered, source: "covered days" });
  }
  const days = Math.max(1, dayNumber(stay.dischargeDate) - dayNumber(stay.admitDate));
  return ok({ days, source: "dates" });
}
