/**
 * The Contract Performance sheet, built from the sample workbook through the simulator after a variance review: its
 * formulas compute, without the add-in, the engine's figures month by month, and they show the planted slow payer
 * and denial spike; building it again replaces it (faults: test/operations/performanceFaults.test.ts).
 */
import { daysInArAafp, DENIAL_CATEGORY_LABELS, netDaysInArMap } from "../../../src/engine";
import { AR_COLUMNS, buildPerformanceSheet, describePerformanceIssue, MONTHLY_COLUMNS, RULE_INPUT_LABELS, WINDOW_HEADER_ROW, type BuiltPerformance, type PerformanceRequest } from "../../../src/excel/performance"; // prettier-ignore
import { PLANTED_DENIAL_SPIKE, PLANTED_SLOW_PAYER } from "../../../src/playground/sample/claimDates";
import { buildSampleWorkbook, PLANTED_SIGNED_PROPOSAL } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { buildAtNow as build, reviewedSample, SHEET } from "./reviewedSample";

jest.setTimeout(300_000);

/** The cells of a rectangle (0-based top-left, size) as the simulator computes them. */
function cellsOf(sim: WorkbookSimulator, sheet: string, row: number, col: number, rows: number, cols: number) {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => sim.cell(sheet, row + r, col + c)),
  );
}

const column = (key: string) => MONTHLY_COLUMNS.findIndex((c) => c.key === key);

/** The sheet's monthly rows as computed by the simulator's formulas, by contract and month text. */
function sheetRows(simulator: WorkbookSimulator, built: BuiltPerformance) {
  const first = built.layout.firstRow;
  const count = built.rows.length;
  return cellsOf(simulator, SHEET, first - 1, 0, count, MONTHLY_COLUMNS.length).map((cells) => ({
    row: cells.map((c) => c.value),
    month: cells[column("month")]!.text,
  }));
}

let simulator: WorkbookSimulator;
let request: PerformanceRequest;
let built: BuiltPerformance;

beforeAll(async () => {
  ({ simulator, request } = await reviewedSample());
  built = await build(simulator, request);
});

describe("the Contract Performance sheet on the sample workbook", () => {
  test("has one row per contract and month of remittance, 2 contracts over 26 months", () => {
    expect(built.rows.length).toBe(52);
    expect(new Set(built.rows.map((r) => r.key))).toEqual(new Set(["Acme Health PPO", "Summit Medicare Advantage"]));
  });

  test("its formulas compute the engine's lines, expected, allowed, denials and days to pay in every row", () => {
    const rows = sheetRows(simulator, built);
    const mismatches = rows.flatMap(({ row, month }, i) => {
      const engine = built.rows[i]!;
      const near = (a: unknown, b: number | null) =>
        b === null ? a === "" : typeof a === "number" && Math.abs(a - b) < 1e-6;
      const checks: [string, unknown, number | null][] = [
        ["lines", row[column("lines")], engine.lines],
        ["expected", row[column("expected")], engine.expectedCents / 100],
        ["allowed", row[column("allowed")], engine.allowedCents / 100],
        ["paid", row[column("paid")], engine.paidCents / 100],
        ["accuracy", row[column("accuracy")], engine.paymentAccuracy],
        ["underpayment", row[column("underpaymentRate")], engine.underpaymentRate],
        ["denied", row[column("deniedLines")], engine.deniedLines],
        ["denial rate", row[column("denialRateCount")], engine.denialRateCount],
        ["denial rate $", row[column("denialRateDollars")], engine.denialRateDollars],
        ["median days", row[column("medianDays")], engine.medianDaysToPay],
        ["p90 days", row[column("p90Days")], engine.p90DaysToPay],
      ];
      const category = engine.topDenialCategory === null ? "" : DENIAL_CATEGORY_LABELS[engine.topDenialCategory];
      const wrong = checks.filter(([, a, b]) => !near(a, b)).map(([name, a, b]) => `${name} ${String(a)} != ${b}`);
      if (row[column("topCategory")] !== category)
        wrong.push(`top category ${String(row[column("topCategory")])} != ${category}`);
      return month === engine.month && row[0] === engine.key && wrong.length === 0
        ? []
        : [`${engine.key} ${engine.month} (sheet ${month}): ${wrong.join(", ")}`];
    });
    expect(mismatches).toEqual([]);
  });

  test("flags the planted denial spike: Acme's initial denial rate in February 2025, and no other month", () => {
    const rows = sheetRows(simulator, built);
    const spikes = rows
      .filter(({ row }) => row[column("denialSpike")] === "Spike")
      .map(({ row, month }) => `${row[0]} ${month}`);
    expect(spikes).toEqual([`${PLANTED_DENIAL_SPIKE.contractName} ${PLANTED_DENIAL_SPIKE.paidMonth}`]);
    const spike = rows.find(({ row, month }) => row[0] === PLANTED_DENIAL_SPIKE.contractName && month === "2025-02");
    expect(spike?.row[column("topCategory")]).toBe("Service not covered");
  });

  test("flags the planted slow payer: Summit's median days to pay beyond its 30-day window in July-August 2025", () => {
    const rows = sheetRows(simulator, built);
    const slow = rows
      .filter(({ row }) => row[0] === PLANTED_SLOW_PAYER.contractName)
      .filter(({ row }) => Number(row[column("medianDays")]) > Number(row[column("window")]))
      .map(({ month }) => month);
    expect(slow).toEqual(["2025-07", "2025-08", "2025-09"]);
    const spikes = rows
      .filter(({ row }) => row[column("daysSpike")] === "Spike")
      .map(({ row, month }) => `${row[0]} ${month}`);
    expect(spikes).toEqual([
      `${PLANTED_SLOW_PAYER.contractName} 2025-07`,
      `${PLANTED_SLOW_PAYER.contractName} 2025-08`,
    ]);
  });

  test("shows the planted gap: Acme's allowed below what its signed proposal modeled, every month from July 2025", () => {
    const rows = sheetRows(simulator, built).filter(({ row }) => row[0] === PLANTED_SIGNED_PROPOSAL.contractName);
    const engine = new Map(built.modeled.map((m) => [m.month, m]));
    const shown = rows.filter(({ row }) => row[column("modeled")] !== null && row[column("modeled")] !== "");
    expect(shown[0]?.month).toBe("2025-07");
    const wrong = shown.flatMap(({ row, month }) => {
      const m = engine.get(month);
      const expected = [m?.modeledCents ?? 0, m?.allowedCents ?? 0, m?.gapCents ?? 0].map((c) => c / 100);
      const actual = [row[column("modeled")], row[column("signedAllowed")], row[column("modeledGap")]];
      return actual.every((a, i) => typeof a === "number" && Math.abs(a - expected[i]!) < 0.005)
        ? []
        : [`${month}: sheet ${actual.join(", ")} != engine ${expected.join(", ")}`];
    });
    expect(wrong).toEqual([]);
    // The payer kept its old rates on the top 20 codes: several points below the model, never above.
    const gaps = shown.filter(({ row }) => row[column("modeled")] !== 0).map(({ row }) => Number(row[column("modeledGapShare")])); // prettier-ignore
    expect(gaps.length).toBeGreaterThan(3);
    expect(gaps.every((g) => g < -0.02 && g > -0.05)).toBe(true);
    expect(built.modeled.every((m) => m.key === PLANTED_SIGNED_PROPOSAL.contractName)).toBe(true);
  });

  test("uses no PAYER function: an executive's Excel refreshes it without the add-in", () => {
    const size = simulator.usedSize(SHEET);
    const formulas = cellsOf(simulator, SHEET, 0, 0, size.rows, size.columns)
      .flat()
      .map((c) => c.formula ?? "");
    expect(formulas.some((f) => f.startsWith("="))).toBe(true);
    expect(formulas.filter((f) => /PAYER\./i.test(f))).toEqual([]);
  });

  test("draws the two trend charts as native line charts", () => {
    expect(simulator.charts(SHEET).map((c) => c.type)).toEqual(["Line", "Line"]);
  });

  test("building it again replaces the sheet in place", async () => {
    const again = await build(simulator, request);
    expect(again.replaced).toBe(true);
    expect(simulator.sheetNames().filter((n) => n === SHEET)).toHaveLength(1);
  });

  test("building it again keeps the clean-claim window and spike margin the user set on the sheet", async () => {
    const inputRow = [0, 1]
      .map((i) => WINDOW_HEADER_ROW + i)
      .find((r) => simulator.cell(SHEET, r, 0).value === PLANTED_SLOW_PAYER.contractName)!;
    simulator.setCellInput(SHEET, inputRow, 3, "45");
    const marginRow = cellsOf(simulator, SHEET, 0, 0, 40, 1).findIndex(
      ([c]) => c!.value === RULE_INPUT_LABELS.daysToPayDays,
    );
    simulator.setCellInput(SHEET, marginRow, 1, "30");

    built = await build(simulator, request);

    expect(simulator.cell(SHEET, inputRow, 3).value).toBe(45);
    expect(simulator.cell(SHEET, marginRow, 1).value).toBe(30);
    const rows = sheetRows(simulator, built);
    const late = rows
      .filter(({ row }) => row[0] === PLANTED_SLOW_PAYER.contractName)
      .filter(({ row }) => Number(row[column("medianDays")]) > Number(row[column("window")]))
      .map(({ month }) => month);
    expect(late).toEqual(["2025-07", "2025-08"]);
    // With a 30-day margin only July's jump (from about 15 to about 58 days) is a spike, on the sheet and in the engine.
    const spikes = rows.filter(({ row }) => row[column("daysSpike")] === "Spike").map(({ month }) => month);
    expect(spikes).toEqual(["2025-07"]);
    expect(built.rows.filter((r) => r.daysToPaySpike).map((r) => r.month)).toEqual(["2025-07"]);
  });

  test("computes days in A/R from the balances the user enters, and a rebuild keeps them", async () => {
    const { ar } = built.layout;
    const r = [0, 1].map((i) => ar.firstRow - 1 + i).find((i) => simulator.cell(SHEET, i, 0).value === "Acme Health PPO")!; // prettier-ignore
    const cellRow = (address: string) => Number(/\d+/.exec(address)![0]) - 1;
    simulator.setCellInput(SHEET, cellRow(ar.inputCells.asOf), 1, "2025-12-31");
    const [balance, credits, netAr, aafp, map] = (["arBalance", "credits", "netAr", "aafp", "map"] as const).map((k) => AR_COLUMNS.findIndex((c) => c.key === k)) as [number, number, number, number, number]; // prettier-ignore
    simulator.setCellInput(SHEET, r, balance, "60000");
    simulator.setCellInput(SHEET, r, credits, "1500");
    simulator.setCellInput(SHEET, r, netAr, "21000");
    // The period's charges and revenue, summed here from the Claims table: Acme's lines submitted Oct 3-Dec 31, 2025.
    const width = simulator.usedSize("Claims").columns;
    const headers = Array.from({ length: width }, (_, c) => String(simulator.cell("Claims", 0, c).value));
    const col = (h: string) => headers.indexOf(h);
    const asOf = (Date.UTC(2025, 11, 31) - Date.UTC(1899, 11, 30)) / 86_400_000;
    let charges = 0;
    let revenue = 0;
    for (let i = 1; i < simulator.usedSize("Claims").rows; i++) {
      const at = (h: string) => simulator.cell("Claims", i, col(h)).value;
      const submitted = Number(at("Submitted Date"));
      if (at("Contract Name") !== "Acme Health PPO" || !(submitted > asOf - 90 && submitted <= asOf)) continue;
      charges += Math.round(Number(at("Charge Amount")) * 100);
      revenue += Math.round(Number(at("Allowed Amount")) * 100);
    }
    expect(charges).toBeGreaterThan(0);
    const value = (c: number) => simulator.cell(SHEET, r, c).value as number;
    expect(value(aafp)).toBeCloseTo(daysInArAafp({ arCents: 6_000_000, creditCents: 150_000, chargeCents: charges, periodDays: 90 })!, 6); // prettier-ignore
    expect(value(map)).toBeCloseTo(netDaysInArMap({ netArCents: 2_100_000, netRevenueCents: revenue, periodDays: 90 })!, 6); // prettier-ignore

    built = await build(simulator, request);
    const again = built.layout.ar.firstRow - 1 + (r - (ar.firstRow - 1));
    expect([balance, credits, netAr].map((c) => simulator.cell(SHEET, again, c).value)).toEqual([60000, 1500, 21000]);
    expect(simulator.cell(SHEET, cellRow(built.layout.ar.inputCells.asOf), 1).value).toBe(asOf);
  });

  test("refuses a table without a variance review, naming the columns it needs", async () => {
    const fresh = new WorkbookSimulator(buildSampleWorkbook());
    const result = await buildPerformanceSheet(fresh.excel, request);
    expect(!result.ok && describePerformanceIssue(result.issue)).toBe(
      "Table Claims has no Expected Amount, Variance Amount, Variance Flag, Variance Reason column: run the Variance review on it first. The sheet takes each line's expected amount and flag from the review, so both price lines the same way.",
    );
  });
});
