// Issue 20 item 5: each task-pane operation on the workbook simulator over a Claims table of 100,000 lines, with the
// add-in's own CPU apart from the simulator's, and the requests it sends (budgets: 2 s of own CPU, 10 MB of requests
// per operation). The simulator's share is the CPU spent inside each `context.sync()` (sizing the request, applying
// it, recalculating with HyperFormula), measured around every sync and subtracted from the operation's CPU; what
// is left is the add-in's JavaScript between requests (reading, pricing, building the request), and the garbage
// collection that lands there. The lines are the sample workbook's claims repeated under new claim ids, so their mix
// of codes, contracts and same-day rules is the sample's. One run each, the dashboard last: the simulator's formula
// engine takes minutes over the review's and the dashboard's formulas at 100,000 lines (BENCH_LINES=10000 is quicker).
import { suggestClaimsMapping } from "../src/excel/claims/claimsMapping";
import type { ExcelGateway } from "../src/excel/core/excelGateway";
import {
  buildPerformanceSheet,
  DEFAULT_PERFORMANCE_SHEET_NAME,
  describePerformanceIssue,
} from "../src/excel/performance";
import { buildPortfolioSummary, DEFAULT_PORTFOLIO_SHEET_NAME, describePortfolioIssue } from "../src/excel/sharing";
import { buildUpliftModel, describeUpliftModelIssue } from "../src/excel/upliftModel";
import { DEFAULT_SCENARIOS } from "../src/excel/upliftModel";
import { describeVarianceReviewIssue, runVarianceReview } from "../src/excel/varianceReview";
import { WorkbookSimulator, type CellInput } from "../src/playground/simulator";
import { aModelRequest } from "../test/excel/upliftModel/support";
import { cpuMsSince, sampleWithClaimLines, timedExcel } from "./simulatorWorkbooks";

/** 100,000 lines (issue 20); BENCH_LINES=10000 for a quicker look. */
const LINES = Number(process.env.BENCH_LINES ?? 100_000);
const OWN_CPU_BUDGET_MS = 2_000;
const REQUEST_BUDGET_BYTES = 10 * 1024 * 1024;
const NOW = () => new Date("2025-06-30T12:00:00Z");

/** Runs one operation and prints its own CPU, the simulator's, its requests and their bytes beside the budgets. */
async function measureOperation(
  simulator: WorkbookSimulator,
  label: string,
  operation: (excel: ExcelGateway) => Promise<string | null>,
): Promise<void> {
  const spent = { simulatorMs: 0 };
  const before = simulator.requestLog.length;
  const start = process.cpuUsage();
  const failure = await operation(timedExcel(simulator, spent));
  const totalMs = cpuMsSince(start);
  if (failure !== null) throw new Error(`${label}: ${failure}`);
  const requests = simulator.requestLog.slice(before);
  const bytes = requests.reduce((sum, request) => sum + request.bytes, 0);
  const ownMs = totalMs - spent.simulatorMs;
  const verdict = (ok: boolean) => (ok ? "ok" : "OVER");
  console.log(
    `${label.padEnd(30)} own CPU ${ownMs.toFixed(0).padStart(6)} ms (budget ${OWN_CPU_BUDGET_MS} ${verdict(ownMs <= OWN_CPU_BUDGET_MS)})` +
      `  simulator ${spent.simulatorMs.toFixed(0).padStart(6)} ms` +
      `  ${String(requests.length).padStart(3)} requests, ${(bytes / 1024 / 1024).toFixed(2)} MB` +
      ` (budget 10 MB ${verdict(bytes <= REQUEST_BUDGET_BYTES)})`,
  );
}

async function main(): Promise<void> {
  const snapshot = sampleWithClaimLines(LINES);
  const simulator = new WorkbookSimulator(snapshot);
  const headers = (snapshot.sheets.find((sheet) => sheet.name === "Claims")!.cells[0] as CellInput[]).map(String);
  const mapping = suggestClaimsMapping(headers);
  console.log(`Claims table of ${LINES.toLocaleString("en-US")} lines; each operation on the workbook the last left`);

  await measureOperation(simulator, "variance review", async (excel) => {
    const request = { tableName: "Claims", mapping, payerContracts: {}, replaceExisting: false };
    const tolerance = { amount: 1, fraction: 0.01, rule: "both" } as const;
    const result = await runVarianceReview(excel, { ...request, tolerance }, { now: NOW });
    return result.ok ? null : describeVarianceReviewIssue(result.issue);
  });
  await measureOperation(simulator, "uplift model", async (excel) => {
    const result = await buildUpliftModel(excel, aModelRequest({ mapping }), { now: NOW });
    return result.ok ? null : describeUpliftModelIssue(result.issue);
  });
  await measureOperation(simulator, "portfolio summary", async (excel) => {
    const request = {
      tableName: "Claims",
      mapping,
      scenario: DEFAULT_SCENARIOS[0]!,
      capAtBilled: true,
      sheetName: DEFAULT_PORTFOLIO_SHEET_NAME,
    };
    const result = await buildPortfolioSummary(excel, request, { now: NOW });
    return result.ok ? null : describePortfolioIssue(result.issue);
  });
  await measureOperation(simulator, "contract performance dashboard", async (excel) => {
    const request = { tableName: "Claims", mapping, sheetName: DEFAULT_PERFORMANCE_SHEET_NAME };
    const result = await buildPerformanceSheet(excel, request, { now: NOW });
    return result.ok ? null : describePerformanceIssue(result.issue);
  });
}

void main();
