/**
 * The variance review of hospital claims with a fault at every request (issue 10's contract): Excel refusing the
 * request before applying any of it, applying all of it and then failing, or the user pressing Cancel just before it.
 * After each run the workbook (every sheet, cell, format, table, name, setting, conditional format and chart) is
 * exactly as before, or exactly as a clean review leaves it when the message says it succeeded; and a retry without
 * the fault succeeds. Runs on the sample's first hospital stays and outpatient claims, for a first review and for a
 * review over an earlier one.
 */
import { describeVarianceReviewIssue, runVarianceReview } from "../../src/excel/varianceReview";
import { WorkbookSimulator } from "../../src/playground/simulator";
import { aHospitalReviewRequest, hospitalSample, type HospitalSample } from "../excel/varianceReview/hospitalSupport";
import { brokenFaultCases, type Operation } from "../support/faults";
import { describeWithSharedData } from "../support/sharedData";

jest.setTimeout(900_000);

const NOW = () => new Date("2026-01-15T12:00:00Z");

let sample: HospitalSample;
beforeAll(() => {
  // Three stays and three outpatient claims: a request count small enough to fault every one.
  sample = hospitalSample((ids) => [
    ...ids.filter((id) => id.startsWith("IP")).slice(0, 3),
    ...ids.filter((id) => id.startsWith("OP")).slice(0, 3),
  ]);
});

const review =
  (replaceExisting: boolean): Operation =>
  async (excel, signal) => {
    const request = aHospitalReviewRequest(sample.headers, { replaceExisting });
    const result = await runVarianceReview(excel, request, { signal, now: NOW, maxRowsPerRequest: 10 });
    return { ok: result.ok, message: result.ok ? "reviewed" : describeVarianceReviewIssue(result.issue) };
  };

/** The small hospital workbook, and with `reviewed` after a first review. */
async function workbook(reviewed: boolean): Promise<WorkbookSimulator> {
  const simulator = new WorkbookSimulator(sample.snapshot);
  if (reviewed) {
    const first = await review(false)(simulator.excel, new AbortController().signal);
    if (!first.ok) throw new Error(first.message);
  }
  return simulator;
}

describeWithSharedData("the variance review of hospital claims, with a fault at every request", () => {
  test("a first review ends as before or as a clean review", async () => {
    const { cases, broken } = await brokenFaultCases(() => workbook(false), review(false));
    expect(cases).toBeGreaterThanOrEqual(15);
    expect(broken).toEqual([]);
  });

  test("a review over an earlier one ends as before or as a clean review", async () => {
    const { cases, broken } = await brokenFaultCases(() => workbook(true), review(true));
    expect(cases).toBeGreaterThanOrEqual(15);
    expect(broken).toEqual([]);
  });
});
