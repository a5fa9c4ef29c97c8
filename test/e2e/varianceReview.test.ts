/**
 * The variance review in the playground, in a real Chromium: from the sample claims (about 5% of paid lines
 * underpaid, about 8% denied), the Variance review tab adds the flag columns to the Claims table and writes the
 * Summary sheet, whose recoverable total is the engine's.
 */
import { existsSync } from "fs";
import path from "path";
import { suggestClaimsMapping } from "../../src/excel/claims/claimsMapping";
import { columnLetters } from "../../src/excel/core/columnLetters";
import { REVIEW_COLUMN_NAMES, runVarianceReview, type VarianceReviewResult } from "../../src/excel/varianceReview";
import { buildSampleWorkbook } from "../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../src/playground/simulator";
import { SAMPLE_CLAIMS_HEADERS } from "../excel/upliftModel/support";
import { ROOT, usePlaygroundPage } from "./support/playground";

const SCREENSHOT = path.join(ROOT, "test-results", "variance-review.png");
/** The Variance Flag column once the review adds its columns after the sample's own. */
const SAMPLE_WIDTH = buildSampleWorkbook().sheets[0]!.cells[0]!.length;
const FLAG = columnLetters(SAMPLE_WIDTH + REVIEW_COLUMN_NAMES.indexOf("Variance Flag"));

/** The same review run in this process: the numbers the page must show. */
let expected: VarianceReviewResult;

beforeAll(async () => {
  const reference = await runVarianceReview(new WorkbookSimulator(buildSampleWorkbook()).excel, {
    tableName: "Claims",
    mapping: suggestClaimsMapping(SAMPLE_CLAIMS_HEADERS),
    payerContracts: {},
    tolerance: { amount: 1, fraction: 0.01, rule: "both" },
    replaceExisting: false,
  });
  if (!reference.ok) throw new Error(`the reference review failed: ${reference.issue.code}`);
  expected = reference.value;
});

const playground = usePlaygroundPage();
const { problems, taskPane, cellAt } = playground;

const money = (cents: number) => (cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD" });

describe("the variance review in the playground", () => {
  it("has a plausible reference: a few percent of lines underpaid, some denied, dollars to recover", () => {
    const { total } = expected.summary;
    expect(total.underpaidLines / total.lines).toBeGreaterThan(0.01);
    expect(total.underpaidLines / total.lines).toBeLessThan(0.1);
    expect(total.deniedLines / total.lines).toBeGreaterThan(0.03);
    expect(total.recoverableAmount).toBeGreaterThan(0);
    expect(total.recoverableAmount).toBeLessThan(0.1 * total.expectedAmount);
  });

  it("runs the review on the sample Claims from the Variance review tab", async () => {
    await taskPane().getByRole("tab", { name: "Variance review", exact: true }).click();
    const panel = taskPane().getByRole("region", { name: "Variance review" });
    const codeColumn = panel.getByLabel("HCPCS/CPT code");
    await codeColumn.waitFor({ state: "visible", timeout: 30_000 });
    for (let i = 0; i < 100 && (await codeColumn.inputValue()) !== "HCPCS Code"; i++)
      await playground.page.waitForTimeout(100);
    expect(await panel.getByLabel("Allowed amount", { exact: true }).inputValue()).toBe("Allowed Amount");

    await panel.getByRole("button", { name: "Run variance review" }).click();

    await panel.getByText("Done", { exact: true }).waitFor({ state: "visible", timeout: 120_000 });
    expect(await panel.textContent()).toContain(`(${money(expected.summary.total.recoverableAmount)} recoverable`);
  });

  it("shows the Summary sheet with the engine's recoverable total", async () => {
    const sheetTab = playground.page.getByRole("tab", { name: "Claims Variance", exact: true });
    await sheetTab.waitFor({ state: "visible", timeout: 30_000 });
    expect(await sheetTab.getAttribute("aria-selected")).toBe("true");
    const totalRow = 6 + expected.summary.byPayer.length;
    expect(await cellAt(`A${totalRow}`).textContent()).toBe("Total");
    expect(await cellAt(`G${totalRow}`).textContent()).toBe(money(expected.summary.total.recoverableAmount));
  });

  it("adds the Variance Flag column to the Claims table", async () => {
    await playground.page.getByRole("tab", { name: "Claims", exact: true }).click();
    expect(await cellAt(`${FLAG}1`).textContent()).toBe("Variance Flag");
    const flags = await Promise.all([2, 3, 4, 5, 6].map((r) => cellAt(`${FLAG}${r}`).textContent()));
    expect(flags.every((f) => ["OK", "Underpaid", "Overpaid", "Denied", "No contract rate"].includes(f ?? ""))).toBe(
      true,
    );
  });

  it("looks presentable (screenshot in test-results/variance-review.png)", async () => {
    await playground.page.getByRole("tab", { name: "Claims Variance", exact: true }).click();
    await cellAt("A1").click();
    await taskPane().getByText("Done", { exact: true }).scrollIntoViewIfNeeded();
    await playground.screenshot(SCREENSHOT);
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it("logs no errors and sends nothing to another host", () => {
    expect(problems).toEqual([]);
  });
});
