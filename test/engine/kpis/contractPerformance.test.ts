/**
 * Contract performance by contract and month (DOMAIN.md 4.1), on small tables whose figures are computed by hand in
 * each test: the month of a line is its remittance month, reversals are left out, HFMA's initial denial rate divides
 * by the average submissions of the 3 months before, days to pay are PERCENTILE.INC of whole days.
 */
import {
  computeContractPerformance,
  DEFAULT_SPIKE_RULES,
  type PerformanceLine,
  type PerformanceRow,
} from "../../../src/engine";

/** An ISO date as an Excel day number. */
const day = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

/** A paid line of contract "Acme", submitted 2025-01-05 and paid 2025-01-25, $100 expected and allowed. */
function aLine(
  overrides: Partial<PerformanceLine> & { submitted?: string; paid?: string | null } = {},
): PerformanceLine {
  const { submitted = "2025-01-05", paid = "2025-01-25", ...rest } = overrides;
  return {
    key: "Acme",
    flag: "OK",
    submittedDay: day(submitted),
    paidDay: paid === null ? null : day(paid),
    expectedCents: 10_000,
    varianceCents: 0,
    paidCents: 8_000,
    chargeCents: 25_000,
    denialCategory: null,
    ...rest,
  };
}

const denied = (overrides: Partial<PerformanceLine> & { submitted?: string; paid?: string } = {}) =>
  aLine({ flag: "Denied", expectedCents: 10_000, varianceCents: null, paidCents: 0, ...overrides });

function rowOf(rows: readonly PerformanceRow[], month: string, key = "Acme"): PerformanceRow {
  const row = rows.find((r) => r.key === key && r.month === month);
  if (row === undefined) throw new Error(`no row ${key} ${month}`);
  return row;
}

describe("contract performance by month", () => {
  test("a month of remittance with no claims is a row of zeros with no rates, between months that have them", () => {
    const rows = computeContractPerformance([aLine({ paid: "2025-01-25" }), aLine({ paid: "2025-03-10" })]);
    expect(rows.map((r) => r.month)).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(rowOf(rows, "2025-02")).toMatchObject({
      lines: 0,
      expectedCents: 0,
      paidCents: 0,
      paymentAccuracy: null,
      underpaymentRate: null,
      deniedLines: 0,
      medianDaysToPay: null,
      p90DaysToPay: null,
      topDenialCategory: null,
    });
  });

  test("reversals are left out of lines, paid dollars, denials and days to pay", () => {
    const rows = computeContractPerformance([
      aLine({ paidCents: 8_000 }),
      aLine({ flag: "Reversed", paidCents: -8_000, expectedCents: null, varianceCents: null }),
    ]);
    expect(rowOf(rows, "2025-01")).toMatchObject({ lines: 1, paidCents: 8_000, deniedLines: 0, medianDaysToPay: 20 });
  });

  test("payment accuracy counts OK lines among compared lines; denied and unpriced lines are not compared", () => {
    const rows = computeContractPerformance([
      aLine(),
      aLine({ flag: "Underpaid", varianceCents: -1_000 }),
      aLine({ flag: "Overpaid", expectedCents: 5_000, varianceCents: 500 }),
      aLine({ flag: "No contract rate", expectedCents: null, varianceCents: null }),
      denied(),
    ]);
    // 1 OK of 3 compared; expected 100 + 100 + 50 = 250; allowed 250 - 10 + 5 = 245; underpaid 10 / 250.
    expect(rowOf(rows, "2025-01")).toMatchObject({
      lines: 5,
      paymentAccuracy: 1 / 3,
      expectedCents: 25_000,
      allowedCents: 24_500,
      underpaymentRate: 1_000 / 25_000,
    });
  });

  test("HFMA's initial denial rate divides the month's denied lines by the average submissions of the 3 months before", () => {
    const lines = [
      ...Array.from({ length: 3 }, () => aLine({ submitted: "2025-01-10", paid: "2025-02-01" })),
      ...Array.from({ length: 6 }, () => aLine({ submitted: "2025-02-10", paid: "2025-03-01" })),
      ...Array.from({ length: 3 }, () => aLine({ submitted: "2025-03-10", paid: "2025-04-01" })),
      denied({ submitted: "2025-04-02", paid: "2025-04-20", chargeCents: 30_000 }),
      denied({ submitted: "2025-04-03", paid: "2025-04-21", chargeCents: 10_000 }),
    ];
    const april = rowOf(computeContractPerformance(lines), "2025-04");
    // Submitted Jan 3, Feb 6, Mar 3 lines: average 4; 2 denied in April: 2 / 4. Charges 12 x $250 / 3 = $1,000.
    expect(april.submittedLinesAverage).toBe(4);
    expect(april.denialRateCount).toBe(0.5);
    expect(april.submittedChargeAverageCents).toBe(100_000);
    expect(april.denialRateDollars).toBe(40_000 / 100_000);
  });

  test("HFMA's rate is left blank until the data covers the 3 months before", () => {
    const lines = [
      aLine({ submitted: "2025-01-10", paid: "2025-02-01" }),
      denied({ submitted: "2025-03-02", paid: "2025-03-20" }),
    ];
    const march = rowOf(computeContractPerformance(lines), "2025-03");
    expect(march.deniedLines).toBe(1);
    expect(march.denialRateCount).toBeNull();
  });

  test("days to pay are the median and 90th percentile (PERCENTILE.INC) of paid lines, denied lines left out", () => {
    const rows = computeContractPerformance([
      aLine({ submitted: "2025-01-01", paid: "2025-01-11" }),
      aLine({ submitted: "2025-01-01", paid: "2025-01-21" }),
      aLine({ submitted: "2025-01-01", paid: "2025-01-31" }),
      aLine({ submitted: "2024-12-31", paid: "2025-01-30" }),
      aLine({ submitted: "2025-01-01", paid: "2025-02-10", flag: "No contract rate", expectedCents: null }),
      denied({ submitted: "2024-10-01", paid: "2025-01-30" }),
    ]);
    // January: 10, 20, 30, 30 days -> median 25; p90 rank 2.7 -> 30. The denied line's 121 days are not counted.
    expect(rowOf(rows, "2025-01")).toMatchObject({ medianDaysToPay: 25, p90DaysToPay: 30 });
    expect(rowOf(rows, "2025-02")).toMatchObject({ medianDaysToPay: 40, p90DaysToPay: 40 });
  });

  test("the 90th percentile interpolates between ranks as PERCENTILE.INC does", () => {
    const rows = computeContractPerformance(
      [5, 10, 20, 30].map((days) =>
        aLine({ submitted: "2025-01-01", paid: `2025-01-${String(1 + days).padStart(2, "0")}` }),
      ),
    );
    // rank (4 - 1) x 0.9 = 2.7: 20 + 0.7 x (30 - 20) = 27.
    expect(rowOf(rows, "2025-01").p90DaysToPay).toBeCloseTo(27, 10);
  });

  test("the top denial category has the most denied lines; a tie goes to the first category in the standard order", () => {
    const rows = computeContractPerformance([
      denied({ denialCategory: "coding" }),
      denied({ denialCategory: "authorization" }),
      denied({ denialCategory: "coding" }),
      denied({ denialCategory: "authorization" }),
    ]);
    expect(rowOf(rows, "2025-01").topDenialCategory).toBe("authorization");
  });

  test("each contract gets every month, contracts in order of first appearance", () => {
    const rows = computeContractPerformance([
      aLine({ key: "Summit", paid: "2025-03-01" }),
      aLine({ key: "Acme", paid: "2025-01-20" }),
    ]);
    expect(rows.map((r) => `${r.key} ${r.month}`)).toEqual([
      "Summit 2025-01",
      "Summit 2025-02",
      "Summit 2025-03",
      "Acme 2025-01",
      "Acme 2025-02",
      "Acme 2025-03",
    ]);
  });
});

describe("spike flags", () => {
  /** `lines` paid lines in a month, `deniedCount` of them denied, all submitted the month before. */
  const month = (paid: string, lines: number, deniedCount: number, days = 20) =>
    Array.from({ length: lines }, (_, i) => {
      const paidDay = day(paid);
      const submittedIso = new Date((paidDay - days) * 86_400_000 + Date.UTC(1899, 11, 30)).toISOString().slice(0, 10);
      return i < deniedCount ? denied({ submitted: submittedIso, paid }) : aLine({ submitted: submittedIso, paid });
    });

  const steady = [
    ...month("2025-01-15", 20, 0),
    ...month("2025-02-15", 20, 2),
    ...month("2025-03-15", 20, 2),
    ...month("2025-04-15", 20, 2),
    ...month("2025-05-15", 20, 2),
  ];

  test("a month's denial rate more than 15 points above the average of its 3 months before is a spike", () => {
    const rows = computeContractPerformance([...steady, ...month("2025-06-15", 20, 8)]);
    // May: 2 denied / 20 submitted a month = 10%, as February to April; June: 8 / 20 = 40% > 10% + 15 points.
    expect(rows.filter((r) => r.denialSpike).map((r) => r.month)).toEqual(["2025-06"]);
  });

  test("a rise within the margin is no spike", () => {
    const rows = computeContractPerformance([...steady, ...month("2025-06-15", 20, 4)]);
    expect(rows.some((r) => r.denialSpike)).toBe(false);
  });

  test("a month with fewer lines than the minimum is never flagged", () => {
    const rows = computeContractPerformance([
      ...steady,
      ...month("2025-06-15", DEFAULT_SPIKE_RULES.minimumLines - 1, 8),
    ]);
    expect(rows.some((r) => r.denialSpike)).toBe(false);
  });

  test("a median days to pay more than 10 days above its 3 months before is a spike", () => {
    const rows = computeContractPerformance([...steady, ...month("2025-06-15", 20, 0, 45)]);
    expect(rows.filter((r) => r.daysToPaySpike).map((r) => r.month)).toEqual(["2025-06"]);
  });
});
