/**
 * The contract portfolio summary in the playground, in a real Chromium: the Sharing tab builds it from the sample
 * claims, and the sheet shows the same figures as the engines compute in this process.
 */
import { existsSync } from "fs";
import path from "path";
import {
  buildPortfolioSummary,
  excelSerial,
  portfolioColumn,
  PORTFOLIO_ROWS,
  type BuiltPortfolio,
} from "../../src/excel/sharing";
import { columnLetters as columnName } from "../../src/excel/core/columnLetters";
import { buildSampleWorkbook } from "../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../src/playground/simulator";
import { aPortfolioRequest } from "../excel/sharing/support";
import { ROOT, usePlaygroundPage } from "./support/playground";

const SCREENSHOT = path.join(ROOT, "test-results", "portfolio-summary.png");
const RENEWALS_SCREENSHOT = path.join(ROOT, "test-results", "portfolio-summary-renewals.png");
const CHARTS_SCREENSHOT = path.join(ROOT, "test-results", "portfolio-summary-charts.png");

/** A cell's colour as the browser paints it ("rgb(31, 78, 121)"). */
const painted = (cell: ReturnType<typeof cellAt>, property: "backgroundColor" | "color") =>
  cell.evaluate((element, name) => getComputedStyle(element)[name], property);

/** The same summary built in this process: the numbers the page must show. */
let expected: BuiltPortfolio;

beforeAll(async () => {
  const reference = await buildPortfolioSummary(
    new WorkbookSimulator(buildSampleWorkbook()).excel,
    aPortfolioRequest(),
  );
  if (!reference.ok) throw new Error(`the reference summary failed: ${reference.issue.code}`);
  expected = reference.value;
});

const playground = usePlaygroundPage();
const { problems, taskPane, cellAt } = playground;

const money = (cents: number) => (cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD" });
const address = (row: number, key: Parameters<typeof portfolioColumn>[0]) =>
  `${columnName(portfolioColumn(key))}${row + 1}`;

describe("the portfolio summary in the playground", () => {
  it("builds the summary from the Sharing tab", async () => {
    await taskPane().getByRole("tab", { name: "Sharing", exact: true }).click();
    const portfolio = taskPane().getByRole("group", { name: "Portfolio summary" });
    const button = portfolio.getByRole("button", { name: "Build portfolio summary" });
    await button.waitFor({ state: "visible", timeout: 30_000 });
    for (let i = 0; i < 100 && !(await button.isEnabled()); i++) await playground.page.waitForTimeout(100);

    await button.click();

    await portfolio.getByText("Done", { exact: true }).waitFor({ state: "visible", timeout: 120_000 });
    // One row per contract of the registry: the sample's two professional and two hospital contracts.
    expect(await portfolio.textContent()).toContain(`Built sheet "Portfolio Summary": 4 contracts`);
  });

  it("shows each contract's revenue, uplift and recoverable underpayments as the engines compute them", async () => {
    const sheetTab = playground.page.getByRole("tab", { name: "Portfolio Summary", exact: true });
    await sheetTab.waitFor({ state: "visible", timeout: 30_000 });
    expect(await sheetTab.getAttribute("aria-selected")).toBe("true");
    for (const [i, contract] of expected.numbers.contracts.entries()) {
      const row = PORTFOLIO_ROWS.firstContract + i;
      expect(await cellAt(address(row, "contract")).textContent()).toBe(contract.contractName);
      expect(await cellAt(address(row, "revenue")).textContent()).toBe(money(contract.currentCents));
      expect(await cellAt(address(row, "uplift")).textContent()).toBe(money(contract.upliftCents));
      expect(await cellAt(address(row, "recoverable")).textContent()).toBe(
        money(contract.recoverable?.recoverableCents ?? 0),
      );
    }
  });

  it("looks presentable (screenshot in test-results/portfolio-summary.png)", async () => {
    await cellAt("A1").click();
    await playground.screenshot(SCREENSHOT);
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it("draws the column headers white on the house dark blue, as Excel shows them", async () => {
    const header = cellAt(address(PORTFOLIO_ROWS.header, "revenue"));
    expect(await painted(header, "backgroundColor")).toBe("rgb(31, 78, 121)");
    expect(await painted(header, "color")).toBe("rgb(255, 255, 255)");
  });

  it("draws its two native charts, revenue and denial rate by payer (screenshot in test-results/portfolio-summary-charts.png)", async () => {
    const charts = playground.page.getByTestId("chart");
    expect(await charts.count()).toBe(2);
    await charts.first().scrollIntoViewIfNeeded();
    expect(await charts.locator("canvas").count()).toBe(2);
    expect(await charts.first().locator("canvas").getAttribute("aria-label")).toBe("Current revenue by payer");
    await playground.screenshot(CHARTS_SCREENSHOT);
    expect(existsSync(CHARTS_SCREENSHOT)).toBe(true);
  });

  it("shows the denial, underpayment and renewal columns (screenshot in test-results/portfolio-summary-renewals.png)", async () => {
    const row = PORTFOLIO_ROWS.firstContract;
    const days = cellAt(address(row, "daysLeft"));
    await days.scrollIntoViewIfNeeded();
    const deadline = excelSerial(expected.numbers.contracts[0]!.renewalNoticeDate!);
    const today = Math.floor((Date.now() - Date.UTC(1899, 11, 30)) / 86_400_000);
    expect(Number((await days.textContent())?.replace(/,/g, ""))).toBe(deadline - today);
    if (deadline < today) {
      expect(await cellAt(address(row, "window")).textContent()).toBe("Deadline passed");
      // The conditional format's red for a notice deadline already past.
      expect(await painted(cellAt(address(row, "noticeDeadline")), "backgroundColor")).toBe("rgb(255, 199, 206)");
    }
    await playground.screenshot(RENEWALS_SCREENSHOT);
    expect(existsSync(RENEWALS_SCREENSHOT)).toBe(true);
  });

  it("logs no errors and sends nothing to another host", () => {
    expect(problems).toEqual([]);
  });
});
