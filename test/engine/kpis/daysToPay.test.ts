/** Days to pay (DOMAIN.md 4.1, 3.3): days from submission to payment, by line or by claim, mean or percentile. */
import { computeDaysToPay, kpiIssueExcelError, kpiIssueMessage, type KpiIssue } from "../../../src/engine";

function issueOf(result: ReturnType<typeof computeDaysToPay>): KpiIssue {
  if (result.ok) throw new Error(`expected an issue, got ${result.value.days} days`);
  return result.issue;
}

const daysOf = (result: ReturnType<typeof computeDaysToPay>) => (result.ok ? result.value.days : result.issue);

// Five claim lines submitted on 2025-01-02 (Excel day 45659), paid 10, 20, 30, 40 and 100 days later.
const SUBMITTED = [45659, 45659, 45659, 45659, 45659];
const PAID = [45669, 45679, 45689, 45699, 45759];

describe("days to pay by line, by hand", () => {
  it("averages the days by default: (10 + 20 + 30 + 40 + 100) / 5 = 40", () => {
    expect(daysOf(computeDaysToPay({ submittedDates: SUBMITTED, paidDates: PAID }))).toBe(40);
  });

  it("gives the median: 30", () => {
    expect(daysOf(computeDaysToPay({ submittedDates: SUBMITTED, paidDates: PAID, basis: "median" }))).toBe(30);
  });

  it("gives the 90th percentile as Excel's PERCENTILE.INC: rank 3.6, so 40 + 0.6 x 60 = 76", () => {
    expect(daysOf(computeDaysToPay({ submittedDates: SUBMITTED, paidDates: PAID, basis: "P90" }))).toBe(76);
  });

  it("gives p0 and p100 as the fastest and the slowest payment", () => {
    const at = (basis: string) => daysOf(computeDaysToPay({ submittedDates: SUBMITTED, paidDates: PAID, basis }));
    expect([at("p0"), at("p100")]).toEqual([10, 100]);
  });

  it("reads dates written as text, ISO or US", () => {
    const result = computeDaysToPay({
      submittedDates: ["2025-01-02", "1/2/2025"],
      paidDates: ["2025-02-01", "2/11/2025"],
    });
    expect(daysOf(result)).toBe(35);
  });

  it("leaves out lines with a blank paid date, which are unpaid", () => {
    const result = computeDaysToPay({ submittedDates: [45659, 45659, null], paidDates: [45669, "", null] });
    expect(result.ok && [result.value.days, result.value.measured, result.value.unpaidRows]).toEqual([10, 1, 2]);
  });
});

describe("days to pay by claim", () => {
  it("measures each claim from its first submission to its latest payment date", () => {
    // Claim A: lines paid on days 10 and 30 -> 30 days; claim B: one line paid on day 20 -> 20 days.
    const result = computeDaysToPay({
      submittedDates: [45659, 45659, 45659],
      paidDates: [45669, 45689, 45679],
      claimIds: ["A", "a ", "B"],
    });
    expect(result.ok && [result.value.days, result.value.measured, result.value.unit]).toEqual([25, 2, "claim"]);
  });

  it("leaves out a claim none of whose lines is paid", () => {
    const result = computeDaysToPay({ submittedDates: [45659, 45659], paidDates: [45669, null], claimIds: ["A", "B"] });
    expect(result.ok && result.value.measured).toBe(1);
  });
});

describe("days to pay issues", () => {
  it("names the row of a payment dated before its submission", () => {
    const issue = issueOf(
      computeDaysToPay({ submittedDates: [45659, "2025-03-01"], paidDates: [45669, "2025-02-27"] }),
    );
    expect([kpiIssueExcelError(issue), kpiIssueMessage(issue)]).toEqual([
      "#VALUE!",
      "paid_dates row 2: 2025-02-27 is before the submission date 2025-03-01; check the two dates of that row.",
    ]);
  });

  it("names the row of a date it cannot read", () => {
    const issue = issueOf(computeDaysToPay({ submittedDates: [45659], paidDates: ["soon"] }));
    expect(kpiIssueMessage(issue)).toBe(
      "paid_dates row 1: 'soon' is not a date; expected an Excel date or text like 2025-03-31 or 3/31/2025.",
    );
  });

  it("asks for the submission date of a paid line", () => {
    expect(kpiIssueMessage(issueOf(computeDaysToPay({ submittedDates: [null], paidDates: [45669] })))).toMatch(
      /^submitted_dates row 1 is blank but the line was paid/,
    );
  });

  it("asks for the claim id of a paid line when measuring by claim", () => {
    const issue = issueOf(computeDaysToPay({ submittedDates: [45659], paidDates: [45669], claimIds: [" "] }));
    expect(kpiIssueMessage(issue)).toMatch(/^claim_ids row 1 is blank/);
  });

  it("answers #DIV/0! when no line is paid", () => {
    const issue = issueOf(computeDaysToPay({ submittedDates: [45659, 45660], paidDates: [null, ""] }));
    expect([kpiIssueExcelError(issue), kpiIssueMessage(issue)]).toEqual([
      "#DIV/0!",
      "No paid line: all 2 rows have a blank paid date (unpaid or blank), so there are no days to pay to measure.",
    ]);
  });

  it("refuses a basis that is neither mean, median nor a percentile", () => {
    const issue = issueOf(computeDaysToPay({ submittedDates: [45659], paidDates: [45669], basis: "p101" }));
    expect(kpiIssueMessage(issue)).toBe(
      `basis: 'p101' is not "mean", "median" or a percentile like "p90" (p0 to p100); leave it out for "mean".`,
    );
  });
});
