/**
 * The sample workbook as a user has it before opening the Performance tab (a variance review run on its claims), and
 * the Contract Performance sheet built on it at a fixed date: the setup the performance sheet's tests share.
 */
import { suggestClaimsMapping } from "../../../src/excel/claims/claimsMapping";
import {
  buildPerformanceSheet,
  describePerformanceIssue,
  DEFAULT_PERFORMANCE_SHEET_NAME,
  type BuiltPerformance,
  type PerformanceRequest,
} from "../../../src/excel/performance";
import { describeVarianceReviewIssue, runVarianceReview } from "../../../src/excel/varianceReview";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../../src/playground/simulator";

/** The day the sheet is built: its "as of" and the months it shows follow from it. */
export const NOW = new Date("2026-03-02T12:00:00Z");
export const SHEET = DEFAULT_PERFORMANCE_SHEET_NAME;

/** The sample after a variance review, and the request that builds the Performance sheet from its claims. */
export async function reviewedSample(): Promise<{ simulator: WorkbookSimulator; request: PerformanceRequest }> {
  const simulator = new WorkbookSimulator(buildSampleWorkbook());
  const width = simulator.usedSize("Claims").columns;
  const headers = Array.from({ length: width }, (_, c) => String(simulator.cell("Claims", 0, c).value));
  const mapping = suggestClaimsMapping(headers);
  const review = await runVarianceReview(simulator.excel, {
    tableName: "Claims",
    mapping,
    payerContracts: {},
    tolerance: { amount: 1, fraction: 0.01, rule: "both" },
    replaceExisting: false,
  });
  if (!review.ok) throw new Error(describeVarianceReviewIssue(review.issue));
  return { simulator, request: { tableName: "Claims", mapping, sheetName: SHEET } };
}

/** Builds (or rebuilds) the Performance sheet as of NOW; a failure is a failed test. */
export async function buildAtNow(simulator: WorkbookSimulator, request: PerformanceRequest): Promise<BuiltPerformance> {
  const built = await buildPerformanceSheet(simulator.excel, request, { now: () => NOW });
  if (!built.ok) throw new Error(describePerformanceIssue(built.issue));
  return built.value;
}
