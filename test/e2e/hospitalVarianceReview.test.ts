/**
 * Issue 14 "Done when", in a real Chromium: in the playground's sample (its hospital side), the Variance review
 * tab reviews the UB-04-shaped HospitalClaims table and reports the recoverable dollars of the underpayments the
 * sample planted; the same review run in this process flags exactly the planted claims.
 */
import { existsSync } from "fs";
import path from "path";
import { suggestClaimsMapping } from "../../src/excel/claims/claimsMapping";
import { runVarianceReview, type VarianceReviewResult } from "../../src/excel/varianceReview";
import { buildHospitalSheets } from "../../src/playground/sample/hospitalSheets";
import { buildSampleWorkbook, SAMPLE_DEFAULT_SEED } from "../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../src/playground/simulator";
import { ROOT, usePlaygroundPage } from "./support/playground";

const SCREENSHOT = path.join(ROOT, "test-results", "hospital-variance-review.png");
const TABLE = "HospitalClaims";
const SHEET = "Hospital Claims";

const sample = () => buildSampleWorkbook(SAMPLE_DEFAULT_SEED);

/** The review run in this process on the same workbook, and the claims the sample planted. */
let expected: VarianceReviewResult;
let planted: readonly string[];
let underpaid: readonly (string | null)[];

beforeAll(async () => {
  const workbook = sample();
  const simulator = new WorkbookSimulator(workbook);
  const headers = (workbook.sheets.find((s) => s.name === SHEET)!.cells[0] ?? []).map(String);
  const reference = await runVarianceReview(simulator.excel, {
    tableName: TABLE,
    mapping: suggestClaimsMapping(headers),
    payerContracts: {},
    tolerance: { amount: 1, fraction: 0.01, rule: "both" },
    replaceExisting: false,
  });
  if (!reference.ok) throw new Error(`the reference review failed: ${reference.issue.code}`);
  expected = reference.value;
  const contracts = workbook.sheets.find((s) => (s.tables ?? []).some((t) => t.name === "PayerContracts"))!;
  planted = [...new Set(buildHospitalSheets(SAMPLE_DEFAULT_SEED, contracts).claims.planted.map((p) => p.claimId))].sort(); // prettier-ignore
  underpaid = [...new Set(expected.summary.worklist.map((claim) => claim.claimId))].sort();
}, 240_000);

const playground = usePlaygroundPage();
const { problems, taskPane, visible } = playground;

const money = (cents: number) => (cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD" });

describe("the variance review on hospital claims in the playground", () => {
  it("lists on the Worklist, in this process, exactly the claims the sample underpaid on purpose", () => {
    expect(underpaid).toEqual(planted);
  });

  it("reviews the HospitalClaims table from the Variance review tab, with the engine's recoverable total", async () => {
    await (await visible(taskPane().getByRole("tab", { name: "Variance review", exact: true }))).click();
    const panel = taskPane().getByRole("region", { name: "Variance review" });
    const table = await visible(panel.getByLabel("Claims or remittance table"));
    await table.selectOption(TABLE);
    await visible(panel.getByLabel("Type of bill"));

    await panel.getByRole("button", { name: "Run variance review" }).click();

    await panel.getByText("Done", { exact: true }).waitFor({ state: "visible", timeout: 180_000 });
    expect(await panel.textContent()).toContain(`(${money(expected.summary.total.recoverableAmount)} recoverable`);
    await playground.screenshot(SCREENSHOT);
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it("logs no errors and sends nothing to another host", () => {
    expect(problems).toEqual([]);
  });
});
