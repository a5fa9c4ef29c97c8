/**
 * Actual vs modeled once the signed rates are in PayerContracts (issue 15 item 3): the variance review's Expected
 * Amount then holds the new rates, so the sheet prices the lines at the rates in effect the day before the effective
 * date and applies the proposal's uplift to those, instead of counting the uplift twice.
 */
import { runVarianceReview, describeVarianceReviewIssue } from "../../../src/excel/varianceReview";
import { MONTHLY_COLUMNS, SIGNED_COLUMNS, type BuiltPerformance } from "../../../src/excel/performance";
import { PLANTED_SIGNED_PROPOSAL } from "../../../src/playground/sample/sampleWorkbook";
import type { WorkbookSimulator } from "../../../src/playground/simulator";
import { buildAtNow as build, reviewedSample, SHEET } from "./reviewedSample";

jest.setTimeout(1_500_000);

const ACME = PLANTED_SIGNED_PROPOSAL.contractName;

/** Ends Acme's 2025 fee-schedule row the day before the signing and adds the signed rates: 125% of Medicare. */
async function enterSignedRates(simulator: WorkbookSimulator): Promise<void> {
  await simulator.excel.run(async (context) => {
    const table = context.workbook.tables.getItem("PayerContracts");
    const header = table.getHeaderRowRange().load("values");
    const body = table.getDataBodyRange().load("values");
    await context.sync();
    const at = (name: string) => header.values[0]!.indexOf(name);
    const row = body.values.findIndex(
      (r) => r[at("Contract Name")] === ACME && r[at("Effective Start Date")] === "2025-01-01",
    );
    body.getCell(row, at("Effective End Date")).values = [["2025-06-30"]];
    const signed = [...body.values[row]!];
    signed[at("Effective Start Date")] = "2025-07-01";
    signed[at("Method")] = "percent of medicare";
    signed[at("Percent")] = 1.25;
    signed[at("Fee Schedule")] = "";
    signed[at("Default Method")] = "";
    signed[at("Default Percent")] = "";
    table.rows.add(undefined, [signed]);
    await context.sync();
  });
}

const modeledByMonth = (built: BuiltPerformance) => built.modeled.map((m) => [m.month, m.modeledCents]);
const expectedOfAcme = (built: BuiltPerformance) =>
  built.rows.filter((r) => r.key === ACME).reduce((sum, r) => sum + r.expectedCents, 0);

let before: BuiltPerformance;
let after: BuiltPerformance;
let simulator: WorkbookSimulator;

beforeAll(async () => {
  const sample = await reviewedSample();
  simulator = sample.simulator;
  before = await build(simulator, sample.request);
  await enterSignedRates(simulator);
  const review = await runVarianceReview(simulator.excel, {
    tableName: sample.request.tableName,
    mapping: sample.request.mapping,
    payerContracts: {},
    tolerance: { amount: 1, fraction: 0.01, rule: "both" },
    replaceExisting: true,
  });
  if (!review.ok) throw new Error(describeVarianceReviewIssue(review.issue));
  after = await build(simulator, sample.request);
});

describe("actual vs modeled after the signed rates are entered in PayerContracts", () => {
  test("the review's expected amounts now hold the signed rates", () => {
    expect(expectedOfAcme(after)).not.toBe(expectedOfAcme(before));
  });

  test("models the same revenue as before they were entered, month by month", () => {
    expect(modeledByMonth(before).length).toBeGreaterThan(3);
    expect(modeledByMonth(after)).toEqual(modeledByMonth(before));
  });

  test("the sheet's modeled cells compute the engine's figures", () => {
    const first = after.layout.firstRow - 1;
    const at = (key: string) => MONTHLY_COLUMNS.findIndex((c) => c.key === key);
    const engine = new Map(after.modeled.map((m) => [m.month, m.modeledCents / 100]));
    const shown = after.rows.flatMap((row, i) => {
      if (row.key !== ACME || !engine.has(row.month)) return [];
      return [[row.month, simulator.cell(SHEET, first + i, at("modeled")).value]];
    });
    expect(shown.length).toBe(engine.size);
    expect(shown.filter(([month, value]) => Math.abs(Number(value) - engine.get(String(month))!) > 0.001)).toEqual([]);
  });

  test("says the uplift applies to the rates in effect the day before the effective date", () => {
    const size = simulator.usedSize(SHEET);
    const column = SIGNED_COLUMNS.findIndex((c) => c.key === "appliesTo");
    const texts = Array.from({ length: size.rows }, (_, r) => String(simulator.cell(SHEET, r, column).value ?? ""));
    expect(texts.some((t) => t.startsWith("Rates in effect 2025-06-30"))).toBe(true);
  });
});
