/**
 * The variance review on the sample's hospital claims (issue 14 item 4), through the workbook simulator: the table maps
 * a type of bill, so its stays are compared as a whole and its outpatient lines after packaging. It flags exactly the
 * claims the generator underpaid on purpose, prices as PAYER.INPATIENT_PAYMENT and PAYER.OUTPATIENT_PAYMENT do, flags
 * denied stays as denials, and its Summary's formulas (evaluated by HyperFormula) total what the engine totals.
 */
import "../../functions/support/installShim";
import { PAYER_FUNCTIONS } from "../../../src/functions/registry";
import { registryCache } from "../../../src/functions/registryCache";
import type { InstitutionalVarianceSummary, VarianceLine } from "../../../src/engine";
import {
  describeVarianceReviewIssue,
  reviewSheetNames,
  runVarianceReview,
  type VarianceReviewResult,
} from "../../../src/excel/varianceReview";
import { WORKLIST_HEADERS } from "../../../src/excel/varianceReview/reviewSheets";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { describeWithSharedData } from "../../support/sharedData";
import { aHospitalReviewRequest, HOSPITAL_SHEET, hospitalSample, type HospitalSample } from "./hospitalSupport";

jest.setTimeout(120_000);

const implementation = (id: string) => PAYER_FUNCTIONS.find((entry) => entry.id === id)!.implementation;

let sample: HospitalSample;
let simulator: WorkbookSimulator;
let result: VarianceReviewResult;
let summary: InstitutionalVarianceSummary;
beforeAll(async () => {
  sample = hospitalSample();
  simulator = new WorkbookSimulator(sample.snapshot);
  const reviewed = await runVarianceReview(simulator.excel, aHospitalReviewRequest(sample.headers), {
    now: () => new Date("2026-01-15T12:00:00Z"),
  });
  if (!reviewed.ok) throw new Error(describeVarianceReviewIssue(reviewed.issue));
  result = reviewed.value;
  summary = result.summary as InstitutionalVarianceSummary;
  await registryCache.start(new WorkbookSimulator(sample.snapshot).excel);
});

const cell = (row: number, header: string) => sample.rows[row]![sample.headers.indexOf(header)];
const claimOf = (row: number) => String(cell(row, "Claim ID"));
const reviewOf = (row: number) => result.lines[row] as VarianceLine;
const rowsWhere = (test: (row: number) => boolean) => sample.rows.map((_, i) => i).filter(test);
const claimsFlagged = (flag: string) => [...new Set(rowsWhere((r) => reviewOf(r).flag === flag).map(claimOf))].sort();
const isStay = (row: number) => String(cell(row, "Type of Bill")).startsWith("011");
const firstRowOf = (claimId: string) => sample.rows.findIndex((_, r) => claimOf(r) === claimId);

describeWithSharedData("the variance review of the sample's hospital claims", () => {
  it("flags as underpaid exactly the claims the sample underpaid on purpose", () =>
    expect(claimsFlagged("Underpaid")).toEqual(sample.planted.map((p) => p.claimId).sort()));

  it("finds no other claim beyond the tolerance either way", () => {
    expect(claimsFlagged("Overpaid")).toEqual([]);
    expect(claimsFlagged("No contract rate")).toEqual([]);
  });

  it("recovers on each underpaid stay the shortfall the sample planted", () => {
    for (const planted of sample.planted.filter((p) => p.claimId.startsWith("IP"))) {
      const claim = summary.worklist.find((c) => c.claimId === planted.claimId)!;
      expect(claim.recoverableAmount).toBe(planted.expectedCents - planted.allowedCents);
    }
  });

  it("compares a stay as a whole on its first line, its other lines carrying its flag without amounts", () => {
    const stay = sample.planted.find((p) => p.claimId.startsWith("IP"))!;
    const [first, ...others] = rowsWhere((r) => claimOf(r) === stay.claimId);
    expect(reviewOf(first!)).toMatchObject({ flag: "Underpaid", expectedAmount: stay.expectedCents });
    expect(reviewOf(first!).varianceAmount).toBe(stay.allowedCents - stay.expectedCents);
    expect(others.length).toBeGreaterThan(0);
    for (const row of others)
      expect(reviewOf(row)).toMatchObject({
        flag: "Underpaid",
        expectedAmount: null,
        varianceAmount: null,
        recoverableAmount: 0,
      });
  });

  it("names the rule that priced each planted stay: its case rate, its stop-loss, its MS-DRG x base rate", () => {
    const reasonOf = (kind: string) =>
      reviewOf(firstRowOf(sample.planted.find((p) => p.kind === kind)!.claimId)).reason;
    expect(reasonOf("case rate ignored")).toMatch(/MS-DRG 470 under .*: Case rate for DRG 470/);
    expect(reasonOf("stop-loss ignored")).toMatch(/First-dollar stop-loss at 50% over 200000\.00: total charges/);
    expect(reasonOf("prior-year base rate")).toMatch(/MS-DRG \d{3} under .*: Base rate \d+ x weight/);
  });

  it("expects for every stay what PAYER.INPATIENT_PAYMENT gives for it", async () => {
    const firsts = rowsWhere((r) => isStay(r) && (r === 0 || claimOf(r - 1) !== claimOf(r)));
    const column = (header: string) => firsts.map((r) => [cell(r, header)]);
    const answers = (await implementation("INPATIENT_PAYMENT")(
      ...["Contract Name", "MS-DRG", "Admit Date", "Discharge Date", "Total Charge Amount", "Discharge Status"].map(
        column,
      ),
    )) as number[][];
    expect(firsts.map((r) => reviewOf(r).expectedAmount)).toEqual(
      answers.map(([dollars]) => Math.round(dollars! * 100)),
    );
  });

  it("expects for every outpatient line what PAYER.OUTPATIENT_PAYMENT gives for it, packaging included", async () => {
    const lines = rowsWhere((r) => !isStay(r));
    const column = (header: string) => lines.map((r) => [cell(r, header)]);
    const answers = (await implementation("OUTPATIENT_PAYMENT")(
      ...[
        "Contract Name",
        "Claim ID",
        "Revenue Code",
        "HCPCS Code",
        "Service Unit Quantity",
        "Charge Amount",
        "Service Date",
      ].map(column),
    )) as number[][];
    expect(lines.map((r) => reviewOf(r).expectedAmount)).toEqual(
      answers.map(([dollars]) => Math.round(dollars! * 100)),
    );
  });

  it("leaves a packaged outpatient line the payer allowed $0 as OK, not underpaid", () => {
    const packaged = rowsWhere(
      (r) => !isStay(r) && reviewOf(r).expectedAmount === 0 && cell(r, "Denied Flag") === false,
    );
    expect(packaged.length).toBeGreaterThan(0);
    for (const row of packaged) expect(reviewOf(row)).toMatchObject({ flag: "OK", varianceAmount: 0 });
    expect(reviewOf(packaged[0]!).reason).toMatch(/Packaged, paid 0\.00/);
  });

  it("counts a packaged outpatient line as a denial only when the claim's paid lines were denied too", () => {
    const linesOf = (claimId: string) => rowsWhere((r) => claimOf(r) === claimId);
    const deniedPackaged = rowsWhere((r) => !isStay(r) && reviewOf(r).flag === "Denied" && reviewOf(r).expectedAmount === 0); // prettier-ignore
    expect(rowsWhere((r) => !isStay(r) && reviewOf(r).flag === "Denied").length).toBeGreaterThan(0);
    for (const row of deniedPackaged) {
      const paid = linesOf(claimOf(row)).filter((r) => (reviewOf(r).expectedAmount ?? 0) > 0);
      expect(paid.every((r) => reviewOf(r).flag === "Denied")).toBe(true);
    }
  });

  it("gives PAYER.DENIAL_RATE per claim the review's share of claims with a denial, each stay counted once", async () => {
    const claims = [...new Set(sample.rows.map((_, r) => claimOf(r)))];
    const denied = new Set(rowsWhere((r) => reviewOf(r).flag === "Denied").map(claimOf));
    const deniedStays = [...denied].filter((id) => isStay(firstRowOf(id)));
    expect(deniedStays.length).toBeGreaterThan(0);
    const column = (header: string) => sample.rows.map((_, r) => [cell(r, header)]);
    const rate = await implementation("DENIAL_RATE")(column("Denied Flag"), null, "count", column("Claim ID"));
    expect(rate).toBe(denied.size / claims.length);
  });

  it("flags a denied stay as a denial on every line, with its reason, not as an underpayment", () => {
    const denied = rowsWhere((r) => isStay(r) && cell(r, "Denied Flag") === true);
    expect(denied.length).toBeGreaterThan(0);
    for (const row of denied)
      expect(reviewOf(row)).toMatchObject({
        flag: "Denied",
        reason: expect.stringContaining("Denied (Authorization/Precertification): CO-197"),
        recoverableAmount: 0,
      });
  });

  it("counts each denied stay once in the Summary's denied lines and denial rate, by live formula, as the engine does", () => {
    const sheet = reviewSheetNames("HospitalClaims").summary;
    const [payers] = rowsOf(sheet, "Total");
    const deniedRows = rowsWhere((r) => reviewOf(r).flag === "Denied");
    const deniedStays = new Set(deniedRows.filter(isStay).map(claimOf));
    const deniedUnits = deniedStays.size + deniedRows.filter((r) => !isStay(r)).length;
    expect(deniedStays.size).toBeGreaterThan(0);
    expect([simulator.cell(sheet, payers!, 8).value, summary.total.deniedLines]).toEqual([deniedUnits, deniedUnits]);
    expect(simulator.cell(sheet, payers!, 9).value).toBeCloseTo(summary.total.denialRateByCount!, 12);
  });

  it("totals the Summary's blocks by payer, by MS-DRG and by HCPCS code, by live formula, as the engine does", () => {
    const sheet = reviewSheetNames("HospitalClaims").summary;
    const totals = rowsOf(sheet, "Total");
    const money = (row: number, column: number) =>
      Math.round((simulator.cell(sheet, row, column).value as number) * 100);
    const [payers, drgs, hcpcs] = totals;
    expect(totals).toHaveLength(3);
    expect(money(payers!, 6)).toBe(summary.total.recoverableAmount);
    expect(money(payers!, 2)).toBe(summary.total.expectedAmount);
    expect(money(payers!, 3)).toBe(summary.total.allowedAmount);
    expect(money(payers!, 10)).toBe(summary.total.deniedChargeAmount);
    const sum = (codes: InstitutionalVarianceSummary["byCode"], key: "recoverableAmount" | "lines") =>
      codes.reduce((n, c) => n + c.totals[key], 0);
    expect(money(drgs!, 6)).toBe(sum(summary.byCodeKind.drg, "recoverableAmount"));
    expect(money(hcpcs!, 6)).toBe(sum(summary.byCodeKind.hcpcs, "recoverableAmount"));
    expect(money(drgs!, 6) + money(hcpcs!, 6)).toBe(summary.total.recoverableAmount);
    expect(simulator.cell(sheet, drgs!, 1).value).toBe(sum(summary.byCodeKind.drg, "lines"));
    expect(simulator.cell(sheet, hcpcs!, 1).value).toBe(sum(summary.byCodeKind.hcpcs, "lines"));
  });

  it("gives each MS-DRG's stays, expected and allowed amounts on the Summary as the engine sums them", () => {
    const sheet = reviewSheetNames("HospitalClaims").summary;
    const header = rowsOf(sheet, "MS-DRG")[0]!;
    expect(summary.byCodeKind.drg.length).toBeGreaterThan(1);
    summary.byCodeKind.drg.forEach(({ hcpcsCode: drg, totals }, i) => {
      const value = (column: number) => simulator.cell(sheet, header + 1 + i, column).value as number;
      expect(value(0)).toBe(drg);
      expect(value(1)).toBe(totals.lines);
      expect(Math.round(value(2) * 100)).toBe(totals.expectedAmount);
      expect(Math.round(value(3) * 100)).toBe(totals.allowedAmount);
      expect(Math.round(value(6) * 100)).toBe(totals.recoverableAmount);
    });
  });

  it("lists each underpaid claim once on the Worklist, with its DRG or HCPCS codes", () => {
    const sheet = reviewSheetNames("HospitalClaims").worklist;
    const at = (i: number, header: string) => simulator.cell(sheet, 4 + i, WORKLIST_HEADERS.indexOf(header)).value;
    const ids = summary.worklist.map((_, i) => at(i, "Claim ID"));
    expect([...ids].sort()).toEqual(sample.planted.map((p) => p.claimId).sort());
    const caseRate = sample.planted.find((p) => p.kind === "case rate ignored")!.claimId;
    expect(at(ids.indexOf(caseRate), "Underpaid Codes")).toBe("470");
  });

  it("adds its columns to the Hospital Claims table without touching the table's own", () => {
    const header = Array.from({ length: sample.headers.length }, (_, c) => simulator.cell(HOSPITAL_SHEET, 0, c).value);
    expect(header).toEqual(sample.headers);
    expect(simulator.cell(HOSPITAL_SHEET, 1, sample.headers.length + 3).value).toBe(reviewOf(0).flag);
  });
});

/** The 0-based rows of a sheet whose first cell is `label`. */
function rowsOf(sheet: string, label: string): number[] {
  const rows: number[] = [];
  for (let r = 0; r < simulator.usedSize(sheet).rows; r++)
    if (simulator.cell(sheet, r, 0).value === label) rows.push(r);
  return rows;
}
