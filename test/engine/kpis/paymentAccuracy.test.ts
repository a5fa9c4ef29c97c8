/** Payment accuracy (DOMAIN.md 4.1): the share of adjudicated, non-denied lines paid within tolerance of the contract. */
import { computePaymentAccuracy, kpiIssueExcelError, kpiIssueMessage, type KpiIssue } from "../../../src/engine";

function issueOf(result: ReturnType<typeof computePaymentAccuracy>): KpiIssue {
  if (result.ok) throw new Error(`expected an issue, got a share of ${result.value.share}`);
  return result.issue;
}

describe("payment accuracy over a small table, by hand", () => {
  // expected vs allowed: exact, 1 cent short, 50 cents short, $2 over, $10 short on $500.
  const expected = [100, 100, 100, 100, 500];
  const allowed = [100, 99.99, 99.5, 102, 490];

  it("counts a line within the default cent as accurate: 2 of 5", () => {
    const result = computePaymentAccuracy({ expected, allowed });
    expect(result.ok && [result.value.accurateLines, result.value.measuredLines, result.value.share]).toEqual([
      2, 5, 0.4,
    ]);
  });

  it("widens the tolerance to a dollar amount: $2.00 takes the 50-cent and the $2 lines too (4 of 5)", () => {
    const result = computePaymentAccuracy({ expected, allowed, toleranceDollars: 2 });
    expect(result.ok && result.value.share).toBe(0.8);
  });

  it("takes the larger of the dollar and the percent bound: 2% of $500 is $10, so every line is within", () => {
    const result = computePaymentAccuracy({ expected, allowed, toleranceDollars: 0.01, tolerancePercent: 0.02 });
    expect(result.ok && result.value.share).toBe(1);
  });

  it("compares the percent bound exactly: 1% of $100.01 is 100.01 cents, so $1.00 short is within and $1.01 is not", () => {
    const result = computePaymentAccuracy({
      expected: [100.01, 100.01],
      allowed: [99.01, 99.0],
      toleranceDollars: 0,
      tolerancePercent: 0.01,
    });
    expect(result.ok && result.value.accurateLines).toBe(1);
  });

  it("counts an overpayment beyond tolerance as inaccurate, as an underpayment", () => {
    const result = computePaymentAccuracy({ expected: [80, 80], allowed: [80.5, 79.5] });
    expect(result.ok && result.value.accurateLines).toBe(0);
  });
});

describe("which lines are measured", () => {
  it("leaves out lines whose Outcome is Denied or Reversed, and keeps Paid and Partial lines", () => {
    const result = computePaymentAccuracy({
      expected: [100, 100, 100, -100, 100],
      allowed: [100, 0, 90, -100, 100],
      outcomes: ["Paid", "Denied", "Partial", "Reversed", "paid"],
    });
    expect(result.ok && result.value).toEqual({
      share: 2 / 3,
      accurateLines: 2,
      measuredLines: 3,
      blankRows: 0,
      leftOutRows: 2,
    });
  });

  it("reads a Denied Flag column: TRUE is left out", () => {
    const result = computePaymentAccuracy({ expected: [100, 100], allowed: [0, 100], outcomes: [true, false] });
    expect(result.ok && [result.value.share, result.value.leftOutRows]).toEqual([1, 1]);
  });

  it("leaves out pending and void lines, which are not adjudicated", () => {
    const result = computePaymentAccuracy({
      expected: [100, 100, 100],
      allowed: [0, 0, 100],
      outcomes: ["Pending", "void", ""],
    });
    expect(result.ok && [result.value.measuredLines, result.value.leftOutRows]).toEqual([1, 2]);
  });

  it("skips rows without an expected or an allowed amount, counting them as blank", () => {
    const result = computePaymentAccuracy({ expected: [100, null, 100, ""], allowed: [100, 100, "", null] });
    expect(result.ok && [result.value.measuredLines, result.value.blankRows, result.value.share]).toEqual([1, 3, 1]);
  });

  it("reads amounts written as text with a currency sign", () => {
    const result = computePaymentAccuracy({ expected: ["$1,250.00"], allowed: ["1250"] });
    expect(result.ok && result.value.share).toBe(1);
  });
});

describe("payment accuracy issues", () => {
  it("names the row of an allowed amount that is text", () => {
    const issue = issueOf(computePaymentAccuracy({ expected: [100, 100], allowed: [100, "n/a"] }));
    expect([kpiIssueExcelError(issue), kpiIssueMessage(issue)]).toEqual([
      "#VALUE!",
      "allowed row 2: 'n/a' is not an amount; expected a number of dollars like 125.50, or a blank cell.",
    ]);
  });

  it("names the row of an expected amount that is text", () => {
    expect(kpiIssueMessage(issueOf(computePaymentAccuracy({ expected: ["pending"], allowed: [1] })))).toMatch(
      /^expected row 1: 'pending' is not an amount/,
    );
  });

  it("refuses adjustment codes as outcomes, pointing to the Outcome column", () => {
    const issue = issueOf(computePaymentAccuracy({ expected: [1], allowed: [1], outcomes: ["CO-151"] }));
    expect(kpiIssueMessage(issue)).toBe(
      "outcomes row 1: 'CO-151' is not an outcome; expected an Outcome of the remittance table (Paid, Partial, Denied, Reversed), pending, or TRUE/FALSE (a denied flag).",
    );
  });

  it("answers #DIV/0! with the counts when no line is left to measure", () => {
    const issue = issueOf(
      computePaymentAccuracy({
        expected: [100, 100, null],
        allowed: [0, 0, null],
        outcomes: ["Denied", "Reversed", ""],
      }),
    );
    expect([kpiIssueExcelError(issue), kpiIssueMessage(issue)]).toEqual([
      "#DIV/0!",
      "No line to measure: of 3 rows, 1 is blank (no expected or no allowed amount) and 2 are denied, reversed or pending; payment accuracy needs an adjudicated line that was not denied.",
    ]);
  });

  it("refuses a negative tolerance", () => {
    const issue = issueOf(computePaymentAccuracy({ expected: [1], allowed: [1], tolerancePercent: -0.02 }));
    expect(kpiIssueMessage(issue)).toBe("tolerance_percent: -0.02 is negative; a tolerance is 0 or more.");
  });
});
