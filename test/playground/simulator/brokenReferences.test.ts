/**
 * Formulas whose sheet or table is deleted break for good, as in Excel, even when a rebuilt sheet or table takes the
 * old name in the same request: what an operation that swaps in a staged sheet does to the user's formulas.
 */
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { cellAt, claimsWorkbook, run } from "./helpers";

/** A user's Notes sheet reading a Summary the add-in built, and the rebuilt Summary staged under a hidden name. */
function summaryAndStaging(): WorkbookSimulator {
  return new WorkbookSimulator({
    sheets: [
      { name: "Summary", cells: [["Underpaid Amount", 1250]] },
      {
        name: "Notes",
        cells: [
          ["Twice the underpaid amount", "=Summary!B1*2"],
          ["Quoted", "='Summary'!$B$1"],
        ],
      },
      { name: "~Summary", visibility: "Hidden", cells: [["Underpaid Amount", 980]] },
    ],
  });
}

describe("formulas pointing at a deleted sheet", () => {
  it("become #REF!, in their text and their value", async () => {
    const simulator = summaryAndStaging();
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Summary").delete();
      await context.sync();
    });
    expect(cellAt(simulator, "Notes", "B1")).toMatchObject({ formula: "=#REF!B1*2", value: "#REF!" });
    expect(cellAt(simulator, "Notes", "B2")).toMatchObject({ formula: "=#REF!$B$1", value: "#REF!" });
  });

  it("stay broken when a staged sheet is renamed to the deleted sheet's name", async () => {
    const simulator = summaryAndStaging();
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Summary").delete();
      const staged = context.workbook.worksheets.getItem("~Summary");
      staged.name = "Summary";
      staged.visibility = "Visible";
      await context.sync();
    });
    expect(cellAt(simulator, "Notes", "B1").value).toBe("#REF!");
  });

  it("keep working when the rebuilt contents are copied into the existing sheet instead", async () => {
    const simulator = summaryAndStaging();
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Summary").getRange("A1:B1").copyFrom("~Summary!A1:B1");
      context.workbook.worksheets.getItem("~Summary").delete();
      await context.sync();
    });
    expect(cellAt(simulator, "Notes", "B1")).toMatchObject({ formula: "=Summary!B1*2", value: 1960 });
  });
});

/** The claims workbook with a total of its Allowed Amount column on the Contract sheet. */
function claimsWithTotal(): WorkbookSimulator {
  const snapshot = claimsWorkbook();
  snapshot.sheets[1]!.cells.push(["Total allowed", "=SUM(Claims[Allowed Amount])"]);
  return new WorkbookSimulator(snapshot);
}

describe("formulas pointing at a deleted table", () => {
  it("become #REF! and stay so when another table takes the name", async () => {
    const simulator = claimsWithTotal();
    await run(simulator, async (context) => {
      context.workbook.tables.getItem("Claims").delete();
      const rebuilt = context.workbook.worksheets.getItem("Contract").tables.add("D1:E2", true);
      rebuilt.name = "Claims";
      await context.sync();
    });
    expect(cellAt(simulator, "Contract", "B2")).toMatchObject({ formula: "=SUM(#REF!)", value: "#REF!" });
  });
});

describe("converting a table to a range", () => {
  it("turns its structured references into the A1 references they stood for", async () => {
    const simulator = claimsWithTotal();
    await run(simulator, async (context) => {
      context.workbook.tables.getItem("Claims").convertToRange();
      await context.sync();
    });
    expect(cellAt(simulator, "Contract", "B2")).toMatchObject({ formula: "=SUM(Claims!$E$2:$E$4)", value: 355.6 });
  });
});
