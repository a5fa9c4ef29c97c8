/**
 * The uplift model of hospital stays by MS-DRG with a fault at every request (issue 10's contract): Excel refusing
 * the request before applying any of it, applying all of it and then failing, or the user pressing Cancel just before
 * it. After each run the workbook is exactly as before, or exactly as a clean build leaves it when the message says it
 * succeeded; and a retry without the fault succeeds. Runs on the sample's first hospital stays and outpatient claims.
 */
import { suggestClaimsMapping } from "../../src/excel/claims/claimsMapping";
import { buildUpliftModel, describeUpliftModelIssue } from "../../src/excel/upliftModel";
import { WorkbookSimulator } from "../../src/playground/simulator";
import { aModelRequest } from "../excel/upliftModel/support";
import { HOSPITAL_TABLE, hospitalSample, type HospitalSample } from "../excel/varianceReview/hospitalSupport";
import { brokenFaultCases, type Operation } from "../support/faults";
import { describeWithSharedData } from "../support/sharedData";

jest.setTimeout(900_000);

let sample: HospitalSample;
beforeAll(() => {
  // Four stays and two outpatient claims: a request count small enough to fault every one.
  sample = hospitalSample((ids) => [
    ...ids.filter((id) => id.startsWith("IP")).slice(0, 4),
    ...ids.filter((id) => id.startsWith("OP")).slice(0, 2),
  ]);
});

const buildByDrg: Operation = async (excel, signal) => {
  const request = aModelRequest({
    tableName: HOSPITAL_TABLE,
    mapping: suggestClaimsMapping(sample.headers),
    codeKind: "drg",
  });
  const result = await buildUpliftModel(excel, request, {
    signal,
    now: () => new Date("2026-01-15T12:00:00Z"),
    maxRowsPerRequest: 2,
  });
  return { ok: result.ok, message: result.ok ? "built" : describeUpliftModelIssue(result.issue) };
};

describeWithSharedData("the uplift model of hospital stays by MS-DRG, with a fault at every request", () => {
  test("a build ends as before or as a clean build", async () => {
    const { cases, broken } = await brokenFaultCases(async () => new WorkbookSimulator(sample.snapshot), buildByDrg);
    expect(cases).toBeGreaterThanOrEqual(10);
    expect(broken).toEqual([]);
  });
});
