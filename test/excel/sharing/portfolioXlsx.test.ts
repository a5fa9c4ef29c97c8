/**
 * Issue 7: the portfolio sheet, saved as an .xlsx file (exceljs, as a user's "Save as" would), holds only formulas a
 * spreadsheet program without the add-in can compute: reopened from the file bytes with no custom function
 * registered, it computes the same values.
 */
import { buildPortfolioSummary, describePortfolioIssue } from "../../../src/excel/sharing";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator, type SheetSnapshot } from "../../../src/playground/simulator";
import { openXlsx, saveAsXlsx } from "../../support/xlsxRoundTrip";
import { aPortfolioRequest, valuesOn } from "./support";

jest.setTimeout(120_000);

const SHEET = "Portfolio Summary";

describe("the portfolio summary saved as .xlsx", () => {
  const simulator = new WorkbookSimulator(buildSampleWorkbook());
  let saved: { cells: SheetSnapshot["cells"]; formulas: readonly string[] };

  beforeAll(async () => {
    const built = await buildPortfolioSummary(simulator.excel, aPortfolioRequest(), {
      now: () => new Date("2025-06-30T12:00:00Z"),
    });
    if (!built.ok) throw new Error(describePortfolioIssue(built.issue));
    const [sheet] = await openXlsx(await saveAsXlsx(simulator, [SHEET]), [SHEET]);
    saved = { cells: sheet!.snapshot.cells, formulas: sheet!.formulas };
  });

  it("keeps its live formulas in the file, none of them the add-in's", () => {
    expect(saved.formulas.length).toBeGreaterThan(30);
    expect(saved.formulas.filter((formula) => /PAYER\./i.test(formula))).toEqual([]);
  });

  it("computes the same values when reopened without the add-in", () => {
    const reopened = new WorkbookSimulator({ sheets: [{ name: SHEET, cells: saved.cells }] });
    const original = valuesOn(simulator, SHEET).flat();
    const again = valuesOn(reopened, SHEET).flat();
    expect(again).not.toContain("#NAME?");
    expect(again.filter((value) => typeof value === "number")).toEqual(
      original.filter((value) => typeof value === "number"),
    );
  });
});
