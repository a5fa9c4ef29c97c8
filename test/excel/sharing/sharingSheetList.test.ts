/**
 * The sheets the Share tab offers to freeze or repair (issue 13): the ones the user sees as tabs, in tab order, never
 * the add-in's hidden sheets (the uplift model's line sheet), its working sheets or the record of frozen cells.
 */
import { FROZEN_RECORD_SHEET, listSheetNames } from "../../../src/excel/sharing";
import { WorkbookSimulator } from "../../../src/playground/simulator";

describe("the sheets offered for a freeze", () => {
  const simulator = new WorkbookSimulator({
    sheets: [
      { name: "Pricing", cells: [["=1"]] },
      { name: "Uplift Model Lines", cells: [["x"]], visibility: "Hidden" },
      { name: "Secret", cells: [["x"]], visibility: "VeryHidden" },
      { name: FROZEN_RECORD_SHEET, cells: [["x"]] },
      { name: "Summary", cells: [["x"]] },
    ],
  });

  it("are the visible sheets in tab order, without the record of frozen cells", async () =>
    expect(await listSheetNames(simulator.excel, [FROZEN_RECORD_SHEET])).toEqual(["Pricing", "Summary"]));
});
