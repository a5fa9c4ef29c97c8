/**
 * The renewal calendar (issue 17 item 5): negotiation starts nine months before the term ends and is late with six
 * left; a notice date 30 days away or fewer is closing. Every date below was worked out by hand on a calendar.
 */
import {
  daysBetween,
  monthsBefore,
  renewalCalendar,
  renewalEntry,
  renewalSentence,
  type IsoDate,
  type RenewalDates,
  type RenewalFlag,
} from "../../../src/engine";

const d = (text: string) => text as IsoDate;
/** A contract ending 2026-12-31 whose renewal notice is due 2026-10-02 (the sample's shape, a year on). */
const ACME = { contractName: "Acme PPO", termEndDate: d("2026-12-31"), renewalNoticeDate: d("2026-10-02") };
const flagOn = (today: string, dates: RenewalDates = ACME): RenewalFlag => renewalEntry(dates, d(today)).flag;

describe("counting months back from a term end, as Excel's EDATE does", () => {
  it("keeps the day of the month when the earlier month has it", () => {
    expect(monthsBefore(d("2026-12-31"), 9)).toBe("2026-03-31");
  });

  it("crosses into the year before", () => {
    expect(monthsBefore(d("2026-03-15"), 9)).toBe("2025-06-15");
  });

  it("falls back to the last day of a shorter month", () => {
    expect(monthsBefore(d("2026-12-31"), 6)).toBe("2026-06-30");
  });

  it("lands on February 28 in a common year", () => {
    expect(monthsBefore(d("2025-08-31"), 6)).toBe("2025-02-28");
  });

  it("lands on February 29 in a leap year", () => {
    expect(monthsBefore(d("2024-08-31"), 6)).toBe("2024-02-29");
  });

  it("counts the days across a leap day", () => {
    expect([daysBetween(d("2024-02-28"), d("2024-03-01")), daysBetween(d("2025-02-28"), d("2025-03-01"))]).toEqual([2, 1]); // prettier-ignore
  });
});

describe("the flag of a contract ending 2026-12-31 with notice due 2026-10-02", () => {
  it("is not yet due the day before the nine months start", () => {
    expect(flagOn("2026-03-30")).toBe("upcoming");
  });

  it("says to start negotiating nine months before the term ends", () => {
    expect(flagOn("2026-03-31")).toBe("startNow");
  });

  it("still says to start the day before six months are left", () => {
    expect(flagOn("2026-06-29")).toBe("startNow");
  });

  it("says the negotiation is late once six months or fewer are left", () => {
    expect(flagOn("2026-06-30")).toBe("late");
  });

  it("says the notice window is closing 30 days before the notice date", () => {
    expect([flagOn("2026-09-01"), flagOn("2026-09-02")]).toEqual(["late", "noticeClosing"]);
  });

  it("says the notice window is closing on the notice date itself", () => {
    expect(flagOn("2026-10-02")).toBe("noticeClosing");
  });

  it("says the notice date has passed the day after it, up to the last day of the term", () => {
    expect([flagOn("2026-10-03"), flagOn("2026-12-31")]).toEqual(["noticePassed", "noticePassed"]);
  });

  it("says the term has ended the day after its end", () => {
    expect(flagOn("2027-01-01")).toBe("expired");
  });
});

describe("month ends and leap years in the negotiation window", () => {
  const endingAugust = (year: number) => ({
    contractName: "Summit MA",
    termEndDate: d(`${year}-08-31`),
    renewalNoticeDate: null,
  });

  it("is late from February 28 for a term ending 2026-08-31", () => {
    expect([flagOn("2026-02-27", endingAugust(2026)), flagOn("2026-02-28", endingAugust(2026))]).toEqual(["startNow", "late"]); // prettier-ignore
  });

  it("is late only from February 29 for a term ending 2028-08-31", () => {
    expect([flagOn("2028-02-28", endingAugust(2028)), flagOn("2028-02-29", endingAugust(2028))]).toEqual(["startNow", "late"]); // prettier-ignore
  });

  it("starts on November 30 for a term ending August 31", () => {
    expect(renewalEntry(endingAugust(2026), d("2025-01-01")).negotiationStart).toBe("2025-11-30");
  });
});

describe("the calendar", () => {
  const later = { contractName: "Birch HMO", termEndDate: d("2027-06-30"), renewalNoticeDate: d("2027-03-31") };
  const open = { contractName: "Cedar EPO", termEndDate: null, renewalNoticeDate: null };

  it("lists the soonest term end first and contracts without one last", () => {
    const names = renewalCalendar([open, later, ACME], d("2026-05-01")).map((e) => e.contractName);
    expect(names).toEqual(["Acme PPO", "Birch HMO", "Cedar EPO"]);
  });

  it("says a contract without a term end cannot be placed", () => {
    expect(renewalSentence(renewalEntry(open, d("2026-05-01")))).toBe(
      "No Term End Date in PayerContracts: the calendar cannot place it.",
    );
  });

  it("says by when notice is due and in how many days", () => {
    expect(renewalSentence(renewalEntry(ACME, d("2026-09-02")))).toBe(
      "Give notice by 2026-10-02 (in 30 days); the term ends on 2026-12-31.",
    );
  });

  it("says when to start negotiating a contract that is not due yet", () => {
    expect(renewalSentence(renewalEntry(later, d("2026-05-01")))).toBe(
      "Start negotiating on 2026-09-30, 9 months before the term ends on 2027-06-30.",
    );
  });
});
