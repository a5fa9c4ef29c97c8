/**
 * The renewal calendar (issue 17 item 5): for each contract, from the term end date and renewal notice date of its
 * latest PayerContracts version and today's date, whether its renegotiation should start (six to nine months before
 * expiry, DOMAIN.md and issue 17), is late, has a notice window closing, or has passed its notice date or its term.
 * Dates are ISO text; months are counted as Excel's EDATE counts them, so the sheet and the pane agree.
 */
import type { IsoDate } from "../isoDate";

/** Renegotiation starts this many months before the term ends, at the earliest (DOMAIN.md: six to nine months). */
export const NEGOTIATION_START_MONTHS = 9;
/** With fewer months than this left, a renegotiation that has not started is late. */
export const NEGOTIATION_LATEST_MONTHS = 6;
/** A notice date this many days away or fewer is a closing window. */
export const NOTICE_CLOSING_DAYS = 30;

/** One contract's renewal dates, as PayerContracts holds them on its latest version. */
export interface RenewalDates {
  readonly contractName: string;
  readonly termEndDate: IsoDate | null;
  readonly renewalNoticeDate: IsoDate | null;
}

/** What the calendar says of a contract, most urgent first in {@link RENEWAL_FLAGS}. */
export type RenewalFlag = "noTermEnd" | "expired" | "noticePassed" | "noticeClosing" | "late" | "startNow" | "upcoming";

/** One contract on the calendar: its dates, the negotiation window drawn from the term end, and its flag. */
export interface RenewalEntry extends RenewalDates {
  /** Nine months before the term end: when negotiation should start (null without a term end). */
  readonly negotiationStart: IsoDate | null;
  /** Six months before the term end: when it is late to start. */
  readonly negotiationLatest: IsoDate | null;
  /** Days from today to the term end (negative once passed). */
  readonly daysToTermEnd: number | null;
  /** Days from today to the renewal notice date (negative once passed). */
  readonly daysToNotice: number | null;
  readonly flag: RenewalFlag;
}

const MS_PER_DAY = 86_400_000;
const partsOf = (date: IsoDate) => date.split("-").map(Number) as [number, number, number];
const iso = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` as IsoDate;

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [fy, fm, fd] = partsOf(from);
  const [ty, tm, td] = partsOf(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / MS_PER_DAY);
}

/**
 * The date `months` months before `date`, as Excel's EDATE(date, -months): the same day of the month, or the
 * month's last day when it has no such day (2025-08-31 less 6 months is 2025-02-28; 2024-08-31 less 6 is 2024-02-29).
 */
export function monthsBefore(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = partsOf(date);
  const index = year * 12 + (month - 1) - months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate(); // day 0 of the next month: this month's last day
  return iso(y, m, Math.min(day, lastDay));
}

/** The flag of a contract with a term end, on `today` (most urgent first). */
function flagOf(today: IsoDate, termEnd: IsoDate, notice: IsoDate | null): RenewalFlag {
  if (termEnd < today) return "expired";
  if (notice !== null && notice < today) return "noticePassed";
  if (notice !== null && daysBetween(today, notice) <= NOTICE_CLOSING_DAYS) return "noticeClosing";
  if (today >= monthsBefore(termEnd, NEGOTIATION_LATEST_MONTHS)) return "late";
  if (today >= monthsBefore(termEnd, NEGOTIATION_START_MONTHS)) return "startNow";
  return "upcoming";
}

/** One contract on the calendar, on `today`. */
export function renewalEntry(dates: RenewalDates, today: IsoDate): RenewalEntry {
  const { termEndDate: termEnd, renewalNoticeDate: notice } = dates;
  return {
    ...dates,
    negotiationStart: termEnd === null ? null : monthsBefore(termEnd, NEGOTIATION_START_MONTHS),
    negotiationLatest: termEnd === null ? null : monthsBefore(termEnd, NEGOTIATION_LATEST_MONTHS),
    daysToTermEnd: termEnd === null ? null : daysBetween(today, termEnd),
    daysToNotice: notice === null ? null : daysBetween(today, notice),
    flag: termEnd === null ? "noTermEnd" : flagOf(today, termEnd, notice),
  };
}

/**
 * The renewal calendar on `today`: every contract with its flag, soonest term end first (contracts without a term
 * end last), ties by name.
 */
export function renewalCalendar(contracts: readonly RenewalDates[], today: IsoDate): RenewalEntry[] {
  const key = (entry: RenewalEntry) => entry.termEndDate ?? "9999-99-99";
  return contracts
    .map((dates) => renewalEntry(dates, today))
    .sort((a, b) => key(a).localeCompare(key(b)) || a.contractName.localeCompare(b.contractName));
}

const inDays = (days: number) => (days === 0 ? "today" : days === 1 ? "tomorrow" : `in ${days} days`);

/** Each flag's label and its sentence in the user's words. */
export const RENEWAL_FLAGS = {
  noTermEnd: { label: "No term end", say: () => "No Term End Date in PayerContracts: the calendar cannot place it." },
  expired: { label: "Term ended", say: (e) => `The term ended on ${e.termEndDate}.` },
  noticePassed: {
    label: "Notice date passed",
    say: (e) => `The renewal notice date ${e.renewalNoticeDate} has passed; the term ends on ${e.termEndDate}.`,
  },
  noticeClosing: {
    label: "Notice window closing",
    say: (e) =>
      `Give notice by ${e.renewalNoticeDate} (${inDays(e.daysToNotice!)}); the term ends on ${e.termEndDate}.`,
  },
  late: {
    label: "Negotiation late",
    say: (e) => `Less than ${NEGOTIATION_LATEST_MONTHS} months left: the term ends on ${e.termEndDate} (${inDays(e.daysToTermEnd!)}).`, // prettier-ignore
  },
  startNow: {
    label: "Start negotiating",
    say: (e) => `Start negotiating now: the term ends on ${e.termEndDate} (${inDays(e.daysToTermEnd!)}).`,
  },
  upcoming: {
    label: "Not yet",
    say: (e) => `Start negotiating on ${e.negotiationStart}, ${NEGOTIATION_START_MONTHS} months before the term ends on ${e.termEndDate}.`, // prettier-ignore
  },
} as const satisfies Record<RenewalFlag, { readonly label: string; readonly say: (entry: RenewalEntry) => string }>;

/** The calendar's sentence for a contract. */
export function renewalSentence(entry: RenewalEntry): string {
  return RENEWAL_FLAGS[entry.flag].say(entry);
}
