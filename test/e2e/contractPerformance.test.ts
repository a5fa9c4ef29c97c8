/**
 * The Contract Performance sheet in the playground, in a real Chromium: after the Variance review tab reviewed the
 * sample claims, the Performance tab builds the sheet, says which spikes it found (the planted denial spike and slow
 * payer), and the sheet's own formulas show them and the planted gap against the signed proposal, as the engine
 * computes them in this process.
 */
import { existsSync } from "fs";
import path from "path";
import { suggestClaimsMapping } from "../../src/excel/claims/claimsMapping";
import { columnLetters } from "../../src/excel/core/columnLetters";
import {
  buildPerformanceSheet,
  DEFAULT_PERFORMANCE_SHEET_NAME,
  MONTHLY_COLUMNS,
  SCORE_COLUMNS,
  type BuiltPerformance,
} from "../../src/excel/performance";
import { runVarianceReview } from "../../src/excel/varianceReview";
import { PLANTED_DENIAL_SPIKE, PLANTED_SLOW_PAYER } from "../../src/playground/sample/claimDates";
import { buildSampleWorkbook, PLANTED_SIGNED_PROPOSAL } from "../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../src/playground/simulator";
import { spikesText } from "../../src/taskpane/performance/performanceCommands";
import { ROOT, usePlaygroundPage } from "./support/playground";

const SCREENSHOT = path.join(ROOT, "test-results", "contract-performance.png");
const SPIKE_SCREENSHOT = path.join(ROOT, "test-results", "contract-performance-spikes.png");
const GAP_SCREENSHOT = path.join(ROOT, "test-results", "contract-performance-gap.png");
const TRENDS_SCREENSHOT = path.join(ROOT, "test-results", "contract-performance-trends.png");
const SHEET = DEFAULT_PERFORMANCE_SHEET_NAME;

/** The same review and sheet built in this process: what the page must show. */
let expected: BuiltPerformance;

beforeAll(async () => {
  const simulator = new WorkbookSimulator(buildSampleWorkbook());
  const headers = buildSampleWorkbook().sheets[0]!.cells[0]!.map(String);
  const mapping = suggestClaimsMapping(headers);
  const review = await runVarianceReview(simulator.excel, {
    tableName: "Claims",
    mapping,
    payerContracts: {},
    tolerance: { amount: 1, fraction: 0.01, rule: "both" },
    replaceExisting: false,
  });
  if (!review.ok) throw new Error(`the reference review failed: ${review.issue.code}`);
  const built = await buildPerformanceSheet(simulator.excel, { tableName: "Claims", mapping, sheetName: SHEET });
  if (!built.ok) throw new Error(`the reference sheet failed: ${built.issue.code}`);
  expected = built.value;
}, 300_000);

const playground = usePlaygroundPage();
const { problems, taskPane, cellAt } = playground;

/** The sheet address of a contract's month in the monthly figures. */
function addressOf(contract: string, month: string, key: string): string {
  const index = expected.rows.findIndex((r) => r.key === contract && r.month === month);
  return `${columnLetters(MONTHLY_COLUMNS.findIndex((c) => c.key === key))}${expected.layout.firstRow + index}`;
}

/** Scrolls the grid so that 1-based `row` is near the top (the grid renders the rows in view only). */
async function scrollToRow(row: number): Promise<void> {
  const grid = playground.page.getByRole("grid", { name: `Sheet ${SHEET}` });
  await grid.evaluate(
    (element, top) => {
      element.scrollTop = top;
    },
    (row - 4) * 22,
  );
  await playground.page.waitForTimeout(300);
}

describe("the Contract Performance sheet in the playground", () => {
  it("reviews the sample claims on the Variance review tab first", async () => {
    await taskPane().getByRole("tab", { name: "Variance review", exact: true }).click();
    const panel = taskPane().getByRole("region", { name: "Variance review" });
    const codeColumn = panel.getByLabel("HCPCS/CPT code");
    await codeColumn.waitFor({ state: "visible", timeout: 30_000 });
    for (let i = 0; i < 100 && (await codeColumn.inputValue()) !== "HCPCS Code"; i++)
      await playground.page.waitForTimeout(100);
    await panel.getByRole("button", { name: "Run variance review" }).click();
    await panel.getByText("Done", { exact: true }).waitFor({ state: "visible", timeout: 120_000 });
  });

  it("builds the sheet from the Performance tab and names the planted spikes", async () => {
    await taskPane().getByRole("tab", { name: "Performance", exact: true }).click();
    const panel = taskPane().getByRole("region", { name: "Performance" });
    const paidDate = panel.getByLabel("Paid date");
    await paidDate.waitFor({ state: "visible", timeout: 30_000 });
    for (let i = 0; i < 100 && (await paidDate.inputValue()) !== "Paid Date"; i++)
      await playground.page.waitForTimeout(100);
    const button = panel.getByRole("button", { name: "Build performance sheet" });
    for (let i = 0; i < 100 && !(await button.isEnabled()); i++) await playground.page.waitForTimeout(100);

    await button.click();

    await panel.getByText("Done", { exact: true }).waitFor({ state: "visible", timeout: 180_000 });
    const text = await panel.textContent();
    expect(text).toContain(`Built sheet "${SHEET}": 2 contracts over 26 months; ${spikesText(expected)}.`);
    expect(text).toContain(`${PLANTED_DENIAL_SPIKE.contractName} ${PLANTED_DENIAL_SPIKE.paidMonth}`);
    expect(text).toContain(`${PLANTED_SLOW_PAYER.contractName} 2025-07`);
  });

  it("opens the sheet, whose title and inputs come first (screenshot in test-results/contract-performance.png)", async () => {
    const sheetTab = playground.page.getByRole("tab", { name: SHEET, exact: true });
    await sheetTab.waitFor({ state: "visible", timeout: 30_000 });
    expect(await sheetTab.getAttribute("aria-selected")).toBe("true");
    expect(await cellAt("A1").textContent()).toBe("Contract performance");
    expect(await cellAt("D8").textContent()).toBe("30");
    await cellAt("A1").click();
    await playground.screenshot(SCREENSHOT);
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it("draws the two monthly trends as native line charts (screenshot in test-results/contract-performance-trends.png)", async () => {
    const charts = playground.page.getByTestId("chart");
    expect(await charts.locator("canvas").count()).toBe(2);
    const labels = await charts.locator("canvas").evaluateAll((all) => all.map((c) => c.getAttribute("aria-label")));
    expect(labels).toEqual(["Initial denial rate (count) by month", "Median days to pay by month"]);
    await charts.first().scrollIntoViewIfNeeded();
    await playground.screenshot(TRENDS_SCREENSHOT);
    expect(existsSync(TRENDS_SCREENSHOT)).toBe(true);
  });

  it("shows the planted denial spike in the sheet's own formulas (screenshot in test-results/contract-performance-spikes.png)", async () => {
    const spike = addressOf(PLANTED_DENIAL_SPIKE.contractName, PLANTED_DENIAL_SPIKE.paidMonth, "denialSpike");
    await scrollToRow(Number(spike.replace(/^[A-Z]+/, "")));
    await cellAt(spike).waitFor({ state: "attached", timeout: 10_000 });
    expect(await cellAt(spike).textContent()).toBe("Spike");
    const row = expected.rows.find(
      (r) => r.key === PLANTED_DENIAL_SPIKE.contractName && r.month === PLANTED_DENIAL_SPIKE.paidMonth,
    )!;
    const rate = addressOf(PLANTED_DENIAL_SPIKE.contractName, PLANTED_DENIAL_SPIKE.paidMonth, "denialRateCount");
    expect(await cellAt(rate).textContent()).toBe(`${(row.denialRateCount! * 100).toFixed(1)}%`);
    await cellAt(spike).scrollIntoViewIfNeeded();
    await cellAt(spike).click();
    await playground.screenshot(SPIKE_SCREENSHOT);
    expect(existsSync(SPIKE_SCREENSHOT)).toBe(true);
  });

  it("shows the planted gap: Acme allowed less than its signed proposal modeled (screenshot in test-results/contract-performance-gap.png)", async () => {
    const month = expected.modeled.find((r) => r.key === PLANTED_SIGNED_PROPOSAL.contractName && r.gapCents < 0)!;
    const gap = addressOf(PLANTED_SIGNED_PROPOSAL.contractName, month.month, "modeledGap");
    await scrollToRow(Number(gap.replace(/^[A-Z]+/, "")));
    await cellAt(gap).waitFor({ state: "attached", timeout: 10_000 });
    const text = (await cellAt(gap).textContent()) ?? "";
    expect([/[-(]/.test(text), Math.round(Number(text.replace(/[^0-9.]/g, "")) * 100)]).toEqual([true, -month.gapCents]); // prettier-ignore
    await cellAt(gap).scrollIntoViewIfNeeded();
    await cellAt(gap).click();
    await playground.screenshot(GAP_SCREENSHOT);
    expect(existsSync(GAP_SCREENSHOT)).toBe(true);
  });

  it("counts the sample's prior authorizations in the scorecard's own formulas, each claim's number once", async () => {
    const column = columnLetters(SCORE_COLUMNS.findIndex((c) => c.key === "priorAuthorizations"));
    const cell = `${column}${expected.layout.scorecard.portfolioRow}`;
    await scrollToRow(expected.layout.scorecard.portfolioRow);
    await cellAt(cell).waitFor({ state: "attached", timeout: 10_000 });
    expect(await cellAt(cell).textContent()).toBe(String(expected.scorecard.portfolio.priorAuthorizations));
  });

  it("logs no errors and sends nothing to another host", () => {
    expect(problems).toEqual([]);
  });
});
