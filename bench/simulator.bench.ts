// The playground must feel instant on the sample workbook: building the simulator from it and recalculating a
// typed edit (no budget in ARCHITECTURE.md s.9; figures for the record).
import { suggestClaimsMapping } from "../src/excel/claims/claimsMapping";
import { freezeForSharing } from "../src/excel/sharing";
import { describeVarianceReviewIssue, runVarianceReview } from "../src/excel/varianceReview";
import { installCustomFunctionsShim } from "../src/playground/customFunctionsShim";
import { buildSampleWorkbook } from "../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator, type CellInput, type WorkbookSnapshot } from "../src/playground/simulator";
import { measure } from "./measure";
import { cpuMsSince, sampleWithClaimLines, timedExcel } from "./simulatorWorkbooks";

const snapshot = buildSampleWorkbook();
measure("build the sample workbook snapshot (seeded generator)", () => buildSampleWorkbook(), { runs: 5 });
measure("WorkbookSimulator from the sample workbook", () => new WorkbookSimulator(snapshot), { runs: 5 });
const simulator = new WorkbookSimulator(snapshot);
let workRvu = 1;
measure(
  "type a Work RVU into Medicare 2025!E2, read its rate formula",
  () => {
    simulator.setCellInput("Medicare 2025", 1, 4, String((workRvu += 0.01).toFixed(2)));
    return simulator.cell("Medicare 2025", 1, 18).value;
  },
  { runs: 15 },
);

// Issue 18 item 3: the simulator's budgets (ARCHITECTURE.md s.9), with the PAYER functions registered as the
// playground registers them. One run each (each changes the workbook), in CPU time, the simulator's apart where the
// add-in's own work is also in the figure.
const SAMPLE_REVIEW_BUDGET_MS = 2_000;
const FREEZE_BUDGET_MS = 2_000;
const SPILL_BUDGET_MS = 5_000;
const SPILL_ROWS = 100_000;
const NOW = () => new Date("2025-06-30T12:00:00Z");
/** A spilled `PAYER.EXPECTED_PAYMENT` over every claim line, as a user enters it on a sheet of their own. */
const PRICING_FORMULA =
  "=PAYER.EXPECTED_PAYMENT(Claims[Contract Name],Claims[HCPCS Code],Claims[HCPCS Modifier 1]," +
  "Claims[Service Unit Quantity],Claims[Charge Amount],Claims[Service Date],Claims[Place of Service Code])";

const withPricingSheet = (snapshot: WorkbookSnapshot): WorkbookSnapshot => ({
  ...snapshot,
  sheets: [...snapshot.sheets, { name: "Pricing", cells: [[PRICING_FORMULA]] }],
});

const verdict = (ms: number, budget: number) =>
  `${ms.toFixed(0).padStart(7)} ms CPU  (budget ${budget} ms  ${ms <= budget ? "ok" : "OVER"})`;

async function simulatorBudgets(): Promise<void> {
  const customFunctions = installCustomFunctionsShim();
  await import("../src/functions/functions");
  const { registryCache } = await import("../src/functions/registryCache");
  const opened = async (snapshot: WorkbookSnapshot) => {
    const simulator = new WorkbookSimulator(snapshot, { customFunctions });
    await registryCache.start(simulator.excel);
    return simulator;
  };

  const sample = buildSampleWorkbook();
  const simulator = await opened(sample);
  const headers = (sample.sheets.find((s) => s.name === "Claims")!.cells[0] as CellInput[]).map(String);
  const spent = { simulatorMs: 0 };
  const review = await runVarianceReview(
    timedExcel(simulator, spent),
    {
      tableName: "Claims",
      mapping: suggestClaimsMapping(headers),
      payerContracts: {},
      replaceExisting: false,
      tolerance: { amount: 1, fraction: 0.01, rule: "both" },
    },
    { now: NOW },
  );
  if (!review.ok) throw new Error(describeVarianceReviewIssue(review.issue));
  const lines = sample.sheets.find((s) => s.name === "Claims")!.cells.length - 1;
  console.log(`${`variance review of the sample's ${lines} lines, simulator`.padEnd(60)} ${verdict(spent.simulatorMs, SAMPLE_REVIEW_BUDGET_MS)}`); // prettier-ignore

  // The spill is entered after the review, so the review's figure is the sample's alone (see below for spills).
  await simulator.excel.run(async (context) => {
    context.workbook.worksheets.add("Pricing").getRange("A1").formulas = [[PRICING_FORMULA]];
    await context.sync();
  });
  let start = process.cpuUsage();
  const freeze = await freezeForSharing(simulator.excel, ["Pricing"], { now: NOW });
  if (!freeze.ok) throw new Error(`freeze: ${freeze.issue.code}`);
  console.log(`${"freeze the spilled Pricing sheet after the review".padEnd(60)} ${verdict(cpuMsSince(start), FREEZE_BUDGET_MS)}`); // prettier-ignore

  start = process.cpuUsage();
  const large = await opened(withPricingSheet(sampleWithClaimLines(SPILL_ROWS)));
  const spill = large.spillRange("Pricing", 0, 0);
  console.log(`${`load: EXPECTED_PAYMENT spilled over ${spill}`.padEnd(60)} ${verdict(cpuMsSince(start), SPILL_BUDGET_MS)}`); // prettier-ignore
  start = process.cpuUsage();
  large.setCellInput("Acme Fee Schedule", 1, 2, "123.45");
  await large.whenIdle();
  await registryCache.settled();
  console.log(`${"a fee schedule rate edited: the spill recalculated".padEnd(60)} ${verdict(cpuMsSince(start), SPILL_BUDGET_MS)}`); // prettier-ignore
}

void simulatorBudgets();
