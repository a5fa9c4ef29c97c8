/**
 * Building the Contract Performance sheet with a fault at every request (issue 10's contract, applied to issue 15's
 * new writer): Excel refusing the request before applying any of it, applying all of it and then failing, or the
 * user pressing Cancel just before it. After each run the workbook (every sheet, cell, format, table, name, setting,
 * conditional format and chart) is exactly as before, or exactly as a clean build leaves it when the message says it
 * succeeded; and a retry without the fault succeeds. Runs on a small reviewed table (the sample's first claims), so
 * every request can be faulted, both for a first build and for a rebuild over an earlier sheet.
 */
import { describePerformanceIssue, buildPerformanceSheet } from "../../src/excel/performance";
import { describeVarianceReviewIssue, runVarianceReview } from "../../src/excel/varianceReview";
import { WorkbookSimulator } from "../../src/playground/simulator";
import { aReviewRequest, plantedWorkbook, type Planted } from "../excel/varianceReview/support";
import { brokenFaultCases, type Operation } from "../support/faults";

jest.setTimeout(900_000);

const NOW = () => new Date("2026-03-02T12:00:00Z");

let planted: Planted;
beforeAll(async () => {
  planted = await plantedWorkbook(12);
});

const request = () => ({
  tableName: "Claims",
  mapping: aReviewRequest(planted.headers).mapping,
  sheetName: "Contract Performance",
});

const build: Operation = async (excel, signal) => {
  const result = await buildPerformanceSheet(excel, request(), { signal, now: NOW });
  return { ok: result.ok, message: result.ok ? "built" : describePerformanceIssue(result.issue) };
};

/** The small table after a variance review, and, with `built`, after a first build of the sheet. */
async function reviewed(built: boolean): Promise<WorkbookSimulator> {
  const simulator = new WorkbookSimulator(planted.snapshot);
  const review = await runVarianceReview(simulator.excel, aReviewRequest(planted.headers), { now: NOW });
  if (!review.ok) throw new Error(describeVarianceReviewIssue(review.issue));
  if (built) {
    const first = await build(simulator.excel, new AbortController().signal);
    if (!first.ok) throw new Error(first.message);
  }
  return simulator;
}

describe("building the Contract Performance sheet, with a fault at every request", () => {
  test("a first build ends as before or as a clean build", async () => {
    const { cases, broken } = await brokenFaultCases(() => reviewed(false), build);
    expect(cases).toBeGreaterThanOrEqual(15);
    expect(broken).toEqual([]);
  });

  test("a rebuild over an earlier sheet ends as before or as a clean rebuild", async () => {
    const { cases, broken } = await brokenFaultCases(() => reviewed(true), build);
    expect(cases).toBeGreaterThanOrEqual(15);
    expect(broken).toEqual([]);
  });
});
