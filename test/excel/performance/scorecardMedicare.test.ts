/**
 * The scorecard's net effective rate as a % of Medicare, on a small reviewed table that carries a Medicare Amount
 * column: the sheet's formula divides the net effective amount by the compared lines' Medicare amounts, as the
 * engine does (without such a column the sheet says n/a: scorecardSheet.test.ts).
 */
import type { CellInput } from "../../../src/playground/simulator";
import { buildPerformanceSheet, describePerformanceIssue, SCORE_COLUMNS } from "../../../src/excel/performance";
import { describeVarianceReviewIssue, runVarianceReview } from "../../../src/excel/varianceReview";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { columnLetters } from "../../../src/excel/core/columnLetters";
import { aReviewRequest, plantedWorkbook } from "../varianceReview/support";

jest.setTimeout(300_000);

test("the net effective % of Medicare divides by the Medicare Amount column, as the engine does", async () => {
  const planted = await plantedWorkbook(12);
  const claims = planted.snapshot.sheets.find((s) => s.name === "Claims")!;
  const charge = planted.headers.indexOf("Charge Amount");
  // A Medicare amount of 40% of each line's charge: any amounts do, the test compares the sheet with the engine.
  const cells = claims.cells.map((row, r): CellInput[] => [
    ...row,
    r === 0 ? "Medicare Amount" : Math.round(Number(row[charge]) * 40) / 100,
  ]);
  const width = cells[0]!.length;
  const snapshot = {
    ...planted.snapshot,
    sheets: planted.snapshot.sheets.map((s) =>
      s === claims
        ? { ...s, cells, tables: [{ name: "Claims", address: `A1:${columnLetters(width - 1)}${cells.length}` }] }
        : s,
    ),
  };
  const simulator = new WorkbookSimulator(snapshot);
  const review = await runVarianceReview(simulator.excel, aReviewRequest(cells[0]!.map(String)));
  if (!review.ok) throw new Error(describeVarianceReviewIssue(review.issue));
  const built = await buildPerformanceSheet(simulator.excel, {
    tableName: "Claims",
    mapping: aReviewRequest(cells[0]!.map(String)).mapping,
    sheetName: "Contract Performance",
  });
  if (!built.ok) throw new Error(describePerformanceIssue(built.issue));

  const column = SCORE_COLUMNS.findIndex((c) => c.key === "percentOfMedicare");
  const { firstRow } = built.value.layout.scorecard;
  const sheet = built.value.scorecard.contracts.map(
    (_, i) => simulator.cell("Contract Performance", firstRow - 1 + i, column).value,
  );
  const engine = built.value.scorecard.contracts.map((c) => c.netEffectivePercentOfMedicare);
  expect(engine.every((p) => p !== null && p > 0)).toBe(true);
  // The engine rounds each cost to whole cents before netting, the sheet does not: a few cents of Medicare's thousands.
  sheet.forEach((value, i) => expect(Number(value)).toBeCloseTo(engine[i]!, 4));
});
