/**
 * The variance review of the add-in's own remittance table (issue 12 item 3), mapped without the user: reversals
 * are not rated and their corrections are, multi-unit lines are priced by their units, and a line denied for
 * several reasons states the table's reason. It flags exactly the planted rows.
 */
import { suggestClaimsMapping } from "../../../src/excel/claims/claimsMapping";
import {
  describeVarianceReviewIssue,
  reviewSheetNames,
  runVarianceReview,
  type VarianceReviewResult,
} from "../../../src/excel/varianceReview";
import { SUMMARY_HEADERS } from "../../../src/excel/varianceReview/reviewSheets";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { columnValues, plantedRemittances, type PlantedRemittances } from "./support";

jest.setTimeout(60_000);

let planted: PlantedRemittances;
let simulator: WorkbookSimulator;
let result: VarianceReviewResult;
let flags: unknown[];
let reasons: unknown[];
beforeAll(async () => {
  planted = await plantedRemittances();
  simulator = new WorkbookSimulator(planted.snapshot);
  const reviewed = await runVarianceReview(
    simulator.excel,
    {
      tableName: "Remittances",
      mapping: suggestClaimsMapping(planted.headers),
      payerContracts: planted.payerContracts,
      tolerance: { amount: 1, fraction: 0.01, rule: "both" },
      replaceExisting: false,
    },
    { now: () => new Date("2025-06-30T12:00:00Z") },
  );
  if (!reviewed.ok) throw new Error(describeVarianceReviewIssue(reviewed.issue));
  result = reviewed.value;
  flags = columnValues(simulator, "Remittances", "Variance Flag", planted.flags.length);
  reasons = columnValues(simulator, "Remittances", "Variance Reason", planted.flags.length);
});

const at = (values: unknown[], rows: readonly number[]) => rows.map((row) => values[row - 1]);

describe("a review of a remittance table with reversals, corrections, multi-unit lines and a multi-reason denial", () => {
  it("flags exactly the planted rows, every other line OK", () => {
    expect(flags).toEqual(planted.flags);
  });

  it("flags every reversal line Reversed, not Overpaid or Underpaid", () => {
    expect(planted.reversalRows.length).toBeGreaterThan(1);
    expect(new Set(at(flags, planted.reversalRows))).toEqual(new Set(["Reversed"]));
  });

  it("reviews the corrections of reversed claims like any line", () => {
    expect(at(flags, planted.correctionRows)).toContain("OK");
    expect(at(flags, planted.correctionRows)).toContain("Underpaid");
  });

  it("prices a multi-unit line by its Paid Service Unit Quantity", () => {
    expect(planted.multiUnitRows.length).toBeGreaterThan(0);
    expect(new Set(at(flags, planted.multiUnitRows))).toEqual(new Set(["OK"]));
  });

  it("states the table's own reason for a line denied CO-16 $20 and CO-197 $380", () => {
    expect(reasons[planted.multiReasonRow - 1]).toBe("Denied (Authorization/Precertification): CO-197");
  });

  it("lists only the underpaid claims on the Worklist, a reversed claim only for its underpaid correction", () => {
    expect(result.summary.worklist.map((claim) => claim.claimId).sort()).toEqual([...planted.underpaidClaims].sort());
  });

  it("counts the reversal lines and leaves them out of the denial rate", () => {
    const { total } = result.summary;
    expect(total.reversedLines).toBe(planted.reversalRows.length);
    expect(total.denialRateByCount).toBe(1 / (planted.flags.length - planted.reversalRows.length));
  });

  it("gives each payer's reversed lines and denial rates on the Summary, by live formula, as the engine sums them", () => {
    const summary = reviewSheetNames("Remittances").summary;
    const column = (header: string) => SUMMARY_HEADERS.indexOf(header) + 1;
    result.summary.byPayer.forEach(({ payer, totals }, i) => {
      const row = 5 + i; // 0-based: the header is on row 5 (1-based)
      expect(simulator.cell(summary, row, 0).value).toBe(payer);
      expect(simulator.cell(summary, row, column("Reversed Lines")).value).toBe(totals.reversedLines);
      expect(simulator.cell(summary, row, column("Denial Rate (Count)")).value).toBeCloseTo(
        totals.denialRateByCount!,
        9,
      );
      expect(simulator.cell(summary, row, column("Denial Rate (Dollars)")).value).toBeCloseTo(
        totals.denialRateByDollars!,
        9,
      );
    });
    expect(result.summary.byPayer.some(({ totals }) => totals.reversedLines > 0)).toBe(true);
  });
});
