/**
 * The contract portfolio's figures on the sample's hospital claims (issue 14 item 4), through the workbook simulator:
 * each inpatient stay counts once (its revenue is the claim's allowed amount, its denial and its recoverable dollars
 * are the stay's), and the recoverable dollars per contract are the hospital variance review's.
 */
import { suggestClaimsMapping } from "../../../src/excel/claims/claimsMapping";
import { computePortfolioNumbers, describePortfolioIssue, type PortfolioNumbers } from "../../../src/excel/sharing";
import { describeVarianceReviewIssue, runVarianceReview } from "../../../src/excel/varianceReview";
import { registryKey } from "../../../src/engine";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { describeWithSharedData } from "../../support/sharedData";
import {
  aHospitalReviewRequest,
  HOSPITAL_TABLE,
  hospitalSample,
  type HospitalSample,
} from "../varianceReview/hospitalSupport";
import { aPortfolioRequest } from "./support";

jest.setTimeout(300_000);

describeWithSharedData("the portfolio of the sample's hospital claims", () => {
  let sample: HospitalSample;
  let numbers: PortfolioNumbers;
  const cell = (row: number, header: string) => sample.rows[row]![sample.headers.indexOf(header)];
  const isStay = (row: number) => String(cell(row, "Type of Bill")).startsWith("011");
  const centsOf = (value: unknown) => Math.round(Number(value ?? 0) * 100);
  const rowsOf = (contract: string) =>
    sample.rows.map((_, r) => r).filter((r) => registryKey(String(cell(r, "Contract Name"))) === registryKey(contract));
  const hospitalContracts = () => numbers.contracts.filter((c) => c.lineCount > 0);

  beforeAll(async () => {
    sample = hospitalSample();
    const request = aPortfolioRequest({
      tableName: HOSPITAL_TABLE,
      mapping: suggestClaimsMapping(sample.headers),
      capAtBilled: false,
    });
    const computed = await computePortfolioNumbers(new WorkbookSimulator(sample.snapshot).excel, request);
    if (!computed.ok) throw new Error(describePortfolioIssue(computed.issue));
    numbers = computed.value;
  });

  it("counts each stay once and each outpatient line once, per contract", () => {
    expect(hospitalContracts().length).toBeGreaterThan(1);
    for (const contract of hospitalContracts()) {
      const rows = rowsOf(contract.contractName);
      const stays = new Set(rows.filter(isStay).map((r) => String(cell(r, "Claim ID"))));
      expect(contract.lineCount).toBe(stays.size + rows.filter((r) => !isStay(r)).length);
    }
    expect(numbers.unmatchedLines).toBe(0);
  });

  it("takes a stay's revenue once, at its claim's allowed amount, and an outpatient line's at its own", () => {
    for (const contract of hospitalContracts()) {
      const rows = rowsOf(contract.contractName);
      const stays = new Map(rows.filter(isStay).map((r) => [cell(r, "Claim ID"), centsOf(cell(r, "Claim Allowed Amount"))])); // prettier-ignore
      const outpatient = rows.filter((r) => !isStay(r)).reduce((sum, r) => sum + centsOf(cell(r, "Allowed Amount")), 0); // prettier-ignore
      expect(contract.currentCents).toBe([...stays.values()].reduce((a, b) => a + b, 0) + outpatient);
    }
  });

  it("states per contract the recoverable dollars the hospital variance review finds, each underpaid stay once", async () => {
    const simulator = new WorkbookSimulator(sample.snapshot);
    const reviewed = await runVarianceReview(simulator.excel, aHospitalReviewRequest(sample.headers));
    if (!reviewed.ok) throw new Error(describeVarianceReviewIssue(reviewed.issue));
    const review = reviewed.value;
    const plantedStays = sample.planted.filter((p) => p.claimId.startsWith("IP"));
    expect(plantedStays.length).toBeGreaterThan(0);
    for (const contract of hospitalContracts()) {
      const byReview = rowsOf(contract.contractName).reduce((sum, r) => sum + (review.lines[r]?.recoverableAmount ?? 0), 0); // prettier-ignore
      expect(contract.recoverable?.recoverableCents).toBe(byReview);
    }
    const total = hospitalContracts().reduce((sum, c) => sum + (c.recoverable?.recoverableCents ?? 0), 0);
    expect(total).toBe(review.summary.total.recoverableAmount);
  });
});
