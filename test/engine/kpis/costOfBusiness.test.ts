/**
 * The cost of doing business and the renegotiation scorecard (issue 15 item 4; DOMAIN.md 4.1, 3.3), on small tables
 * whose figures are computed by hand in each test: the burden of denials, appeals and days to pay, the net effective
 * rate, state prompt-pay interest on late lines (working days skip weekends), and the score's rank and reason.
 */
import {
  computeScorecard,
  costOf,
  DEFAULT_COST_ASSUMPTIONS,
  DEFAULT_SCORE_WEIGHTS,
  promptPayDeadline,
  PROMPT_PAY_RULES,
  priorAuthorizationOf,
  type CostAssumptions,
  type PerformanceLine,
} from "../../../src/engine";

/** An ISO date as an Excel day number. */
const day = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

/** A line of contract "Acme" submitted Wednesday 2025-01-01 and paid 30 days later: $100 expected and allowed, $80 paid. */
function aLine(overrides: Partial<PerformanceLine> & { paid?: string } = {}): PerformanceLine {
  const { paid = "2025-01-31", ...rest } = overrides;
  return {
    key: "Acme",
    flag: "OK",
    submittedDay: day("2025-01-01"),
    paidDay: day(paid),
    expectedCents: 10_000,
    varianceCents: 0,
    paidCents: 8_000,
    chargeCents: 25_000,
    denialCategory: null,
    ...rest,
  };
}

/** A cost of capital of 3.65% a year: a dollar outstanding for a day costs 0.01 cent. */
const ASSUMPTIONS: CostAssumptions = {
  reworkCostPerDenial: 25,
  appealCostPerAppeal: 118,
  shareOfDenialsAppealed: 0.5,
  costPerPriorAuthorization: 40,
  costOfCapitalPerYear: 0.0365,
};

const lines = [
  aLine(),
  aLine({ flag: "Underpaid", varianceCents: -2_000, expectedCents: 20_000, paidCents: 15_000, paid: "2025-02-10" }),
  aLine({ flag: "Denied", varianceCents: null, paidCents: 0, paid: "2025-01-23" }),
  aLine({ flag: "Reversed", varianceCents: null, paidCents: -8_000, paid: "2025-03-01" }),
];

describe("the cost of doing business with a contract", () => {
  const cost = costOf("Acme", lines, ASSUMPTIONS, PROMPT_PAY_RULES.IL);

  test("counts the lines and denials, leaving the reversal out", () => {
    expect([cost.lines, cost.deniedLines]).toEqual([3, 1]);
    expect(cost.denialRate).toBeCloseTo(1 / 3, 12);
  });

  test("measures underpayment over the compared lines: $20 of $300 expected", () => {
    expect([cost.expectedCents, cost.allowedCents, cost.underpaidCents]).toEqual([30_000, 28_000, 2_000]);
    expect(cost.underpaymentRate).toBeCloseTo(2_000 / 30_000, 12);
  });

  test("costs the denial's rework at $25 and half an appeal at $118: $25 + $59", () => {
    expect([cost.reworkCents, cost.appealCents]).toEqual([2_500, 5_900]);
  });

  test("costs the days to pay: ($80 x 30 days + $150 x 40 days) x 3.65% / 365 = $0.84", () => {
    expect(cost.medianDaysToPay).toBe(35);
    expect(cost.carryingCents).toBe(84);
  });

  test("nets the burden off allowed: $280 - ($25 + $59 + $0.84) = $195.16, 69.7% of allowed", () => {
    expect(cost.burdenCents).toBe(8_484);
    expect(cost.netEffectiveCents).toBe(19_516);
    expect(cost.netEffectiveRate).toBeCloseTo(19_516 / 28_000, 12);
    expect(cost.burdenRate).toBeCloseTo(8_484 / 28_000, 12);
  });

  test("gives no % of Medicare when the lines carry no Medicare amount", () => {
    expect([cost.medicareCents, cost.netEffectivePercentOfMedicare]).toEqual([null, null]);
  });

  test("gives the net effective amount as a % of the compared lines' Medicare amounts: $195.16 / $250 = 78.064%", () => {
    const withMedicare = lines.map((line) => ({ ...line, medicareCents: 12_500 }));
    const cost2 = costOf("Acme", withMedicare, ASSUMPTIONS, PROMPT_PAY_RULES.IL);
    expect(cost2.medicareCents).toBe(25_000);
    expect(cost2.netEffectivePercentOfMedicare).toBeCloseTo(0.78064, 12);
  });

  test("owes Illinois interest on the line paid 10 days after 30: $150 x 9% x 10 / 365 = $0.37", () => {
    expect(cost.lateLines).toBe(1);
    expect(cost.promptPayInterestCents).toBe(37);
  });

  test("owes no interest under California's 30 working days, which end on 2025-02-12", () => {
    const california = costOf("Acme", lines, ASSUMPTIONS, PROMPT_PAY_RULES.CA);
    expect([california.lateLines, california.promptPayInterestCents]).toEqual([0, 0]);
  });

  test("owes no interest under Medicare's rule, which has no rate, though a line is late", () => {
    const medicare = costOf("Acme", lines, ASSUMPTIONS, PROMPT_PAY_RULES.Medicare);
    expect([medicare.lateLines, medicare.promptPayInterestCents]).toEqual([1, 0]);
  });

  test("has no rates to give for a contract without lines", () => {
    const none = costOf("Acme", [], DEFAULT_COST_ASSUMPTIONS, PROMPT_PAY_RULES.CA);
    expect([none.denialRate, none.underpaymentRate, none.medianDaysToPay, none.netEffectiveRate]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});

describe("prior authorizations in the cost of doing business", () => {
  const authorized = (number: string | null, overrides: Partial<PerformanceLine> = {}) =>
    aLine({ priorAuthorizationNumber: priorAuthorizationOf(number), ...overrides });
  const count = (withNumbers: readonly PerformanceLine[]) =>
    costOf("Acme", withNumbers, ASSUMPTIONS, PROMPT_PAY_RULES.IL).priorAuthorizations;

  test("counts a number repeated on the lines of a claim once", () => {
    expect(count([authorized("PA-100"), authorized("PA-100"), authorized("PA-200")])).toBe(2);
  });

  test("counts none for a blank cell", () => {
    expect(count([authorized(null), authorized(""), authorized("  "), authorized("PA-100")])).toBe(1);
  });

  test("takes a number written in another case or with extra spaces as the same one, as the sheet's UPPER(TRIM()) does", () => {
    expect(count([authorized("PA 100"), authorized("pa  100 ")])).toBe(1);
  });

  test("counts the number of a denied line, since the authorization was obtained, but not a reversal's", () => {
    expect(
      count([
        authorized("PA-100", { flag: "Denied", varianceCents: null }),
        authorized("PA-300", { flag: "Reversed" }),
      ]),
    ).toBe(1);
  });

  test("adds 2 authorizations x $40 = $80 to the burden: $25 + $59 + $80 + $0.84 = $164.84", () => {
    const numbers = ["PA-100", "PA-200", "PA-100", null];
    const withNumbers = lines.map((line, i) => ({
      ...line,
      priorAuthorizationNumber: priorAuthorizationOf(numbers[i]),
    }));
    const cost = costOf("Acme", withNumbers, ASSUMPTIONS, PROMPT_PAY_RULES.IL);
    expect([cost.priorAuthorizations, cost.priorAuthorizationCents]).toEqual([2, 8_000]);
    expect(cost.burdenCents).toBe(16_484);
    expect(cost.netEffectiveCents).toBe(28_000 - 16_484);
  });

  test("counts in the portfolio each contract's authorizations, even where two contracts' numbers coincide", () => {
    const card = computeScorecard(
      [authorized("PA-1"), authorized("PA-1", { key: "Summit" }), authorized("PA-2", { key: "Summit" })],
      ASSUMPTIONS,
      PROMPT_PAY_RULES.IL,
      DEFAULT_SCORE_WEIGHTS,
    );
    expect([...card.contracts.map((c) => c.priorAuthorizations), card.portfolio.priorAuthorizations]).toEqual([
      1, 2, 3,
    ]);
  });
});

describe("the prompt-pay deadline", () => {
  test("counts calendar days for Florida: 20 days after 2025-01-01 is 2025-01-21", () => {
    expect(promptPayDeadline(day("2025-01-01"), PROMPT_PAY_RULES.FL)).toBe(day("2025-01-21"));
  });

  test("counts weekdays for California: the 30th after Wednesday 2025-01-01 is Wednesday 2025-02-12", () => {
    expect(promptPayDeadline(day("2025-01-01"), PROMPT_PAY_RULES.CA)).toBe(day("2025-02-12"));
  });

  test("counts Georgia's 15 working days from a Friday, a Saturday or a Sunday alike: 2025-01-24", () => {
    const deadlines = ["2025-01-03", "2025-01-04", "2025-01-05"].map((d) =>
      promptPayDeadline(day(d), PROMPT_PAY_RULES.GA),
    );
    expect(deadlines).toEqual([day("2025-01-24"), day("2025-01-24"), day("2025-01-24")]);
  });

  test("reads Alabama's 1.5% a month as 18% a year of simple interest", () => {
    expect(PROMPT_PAY_RULES.AL.annualRate).toBe(0.18);
  });
});

describe("the renegotiation scorecard", () => {
  const only = { underpayment: 1, denials: 0, daysToPay: 0, burden: 0 };
  const table = [
    aLine({ key: "Acme", flag: "Underpaid", varianceCents: -1_000 }),
    aLine({ key: "Summit" }),
    aLine({ key: "", flag: "Underpaid", varianceCents: -10_000 }),
  ];

  test("scores each contract's measure over the portfolio's: 10% underpaid against 5% scores 2", () => {
    const card = computeScorecard(table, ASSUMPTIONS, PROMPT_PAY_RULES.CA, only);
    expect(card.portfolio.underpaymentRate).toBeCloseTo(0.05, 12);
    expect(card.contracts.map((c) => [c.key, c.score, c.rank])).toEqual([
      ["Acme", 2, 1],
      ["Summit", 0, 2],
    ]);
  });

  test("says why in words, the heaviest measure first", () => {
    const card = computeScorecard(table, ASSUMPTIONS, PROMPT_PAY_RULES.CA, only);
    expect(card.contracts[0]!.reason).toBe(
      "mostly underpayment: underpaid 10% (portfolio 5%); denials 0% (portfolio 0%); pays in 30 days (portfolio 30); burden 0.3% of allowed (portfolio 0.3%)",
    );
    expect(card.contracts[1]!.reason).toMatch(/^no measure above 0: underpaid 0% \(portfolio 5%\)/);
  });

  test("gives equal scores the same rank", () => {
    const card = computeScorecard(
      [aLine({ key: "Acme" }), aLine({ key: "Summit" })],
      ASSUMPTIONS,
      PROMPT_PAY_RULES.CA,
      only,
    );
    expect(card.contracts.map((c) => c.rank)).toEqual([1, 1]);
  });
});
