/**
 * Issue 7: the portfolio sheet, saved as an .xlsx file (exceljs, as a user's "Save as" would), holds only formulas a
 * spreadsheet program without the add-in can compute: reopened from the file bytes with no custom function
 * registered, it computes the same values.
 */
import { buildPortfolioSummary, describePortfolioIssue } from "../../../src/excel/sharing";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator, type WorkbookSnapshot } from "../../../src/playground/simulator";
import { formulasIn, savedAndReopened } from "../../support/xlsxRoundTrip";
import { aPortfolioRequest, valuesOn } from "./support";

jest.setTimeout(120_000);

const SHEET = "Portfolio Summary";

describe("the portfolio summary saved as .xlsx", () => {
  const simulator = new WorkbookSimulator(buildSampleWorkbook());
  let saved: WorkbookSnapshot;

  beforeAll(async () => {
    const built = await buildPortfolioSummary(simulator.excel, aPortfolioRequest(), {
      now: () => new Date("2025-06-30T12:00:00Z"),
    });
    if (!built.ok) throw new Error(describePortfolioIssue(built.issue));
    saved = await savedAndReopened(simulator, { sheets: [SHEET] });
  });

  it("keeps its live formulas in the file, none of them the add-in's", () => {
    expect(formulasIn(saved, SHEET).length).toBeGreaterThan(30);
    expect(formulasIn(saved, SHEET).filter((formula) => /PAYER\./i.test(formula))).toEqual([]);
  });

  it("computes the same values when reopened without the add-in", () => {
    const reopened = new WorkbookSimulator(saved);
    const original = valuesOn(simulator, SHEET).flat();
    const again = valuesOn(reopened, SHEET).flat();
    expect(again).not.toContain("#NAME?");
    expect(again.filter((value) => typeof value === "number")).toEqual(
      original.filter((value) => typeof value === "number"),
    );
  });
});
