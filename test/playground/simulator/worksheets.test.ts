/** Worksheets: add, find, rename, move, activate, delete. */
import { ErrorCodes, WorkbookSimulator } from "../../../src/playground/simulator";
import { claimsWorkbook, rejectionOf, run } from "./helpers";

describe("worksheets", () => {
  it("adds a sheet, activates it and reads its name and position", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    const sheet = await run(simulator, async (context) => {
      const added = context.workbook.worksheets.add("Uplift Model");
      added.activate();
      added.load("name, position");
      await context.sync();
      return { name: added.name, position: added.position };
    });
    expect(sheet).toEqual({ name: "Uplift Model", position: 2 });
    expect(simulator.activeSheetName()).toBe("Uplift Model");
    expect(simulator.sheetNames()).toEqual(["Claims", "Contract", "Uplift Model"]);
  });

  it("refuses a second sheet with the same name (case-insensitive)", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    const error = await rejectionOf(
      run(simulator, async (context) => {
        context.workbook.worksheets.add("CLAIMS");
        await context.sync();
      }),
    );
    expect(error.code).toBe(ErrorCodes.itemAlreadyExists);
  });

  it("renames, moves and deletes sheets", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await run(simulator, async (context) => {
      const contract = context.workbook.worksheets.getItem("Contract");
      contract.name = "Contracts";
      contract.position = 0;
      context.workbook.worksheets.add("Scratch").delete();
      await context.sync();
    });
    expect(simulator.sheetNames()).toEqual(["Contracts", "Claims"]);
  });

  it("leaves a hidden sheet out of the tabs the host shows, as Excel does", async () => {
    const simulator = new WorkbookSimulator({
      sheets: [
        { name: "Model", cells: [] },
        { name: "Lines", cells: [] },
      ],
    });
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Lines").visibility = "Hidden";
      await context.sync();
    });
    expect(simulator.sheetNames()).toEqual(["Model", "Lines"]);
    expect(simulator.visibleSheetNames()).toEqual(["Model"]);
  });

  it("reads the active worksheet", async () => {
    const simulator = new WorkbookSimulator({ ...claimsWorkbook(), activeSheet: "Contract" });
    const name = await run(simulator, async (context) => {
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      return active.name;
    });
    expect(name).toBe("Contract");
  });

  it("gives ItemNotFound for a range on a sheet deleted earlier in the batch", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    const error = await rejectionOf(
      run(simulator, async (context) => {
        const contract = context.workbook.worksheets.getItem("Contract");
        contract.getRange("A1").load("values");
        await context.sync();
        contract.delete();
        contract.getRange("A1").load("values");
        await context.sync();
      }),
    );
    expect(error.code).toBe(ErrorCodes.itemNotFound);
  });
});

/** Staging sheets are hidden while an operation builds them; Excel's rules about hidden sheets apply. */
describe("hidden worksheets", () => {
  const withStaging = (visibility: "Hidden" | "VeryHidden") =>
    new WorkbookSimulator({
      sheets: [...claimsWorkbook().sheets, { name: "~Staging", visibility, cells: [["HCPCS Code"]] }],
    });

  it("renames a hidden sheet, which stays hidden", async () => {
    const simulator = withStaging("Hidden");
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("~Staging").name = "Review";
      await context.sync();
    });
    expect(simulator.describe().sheets.map((s) => [s.name, s.visibility])).toContainEqual(["Review", "Hidden"]);
  });

  it("refuses to hide the last visible sheet", async () => {
    const simulator = new WorkbookSimulator();
    const error = await rejectionOf(
      run(simulator, async (context) => {
        context.workbook.worksheets.getItem("Sheet1").visibility = "Hidden";
        await context.sync();
      }),
    );
    expect(error.code).toBe(ErrorCodes.invalidOperation);
    expect(simulator.visibleSheetNames()).toEqual(["Sheet1"]);
  });

  it("activates the next visible sheet when the active one is hidden", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Claims").visibility = "Hidden";
      await context.sync();
    });
    expect(simulator.activeSheetName()).toBe("Contract");
  });

  it("refuses to activate a hidden sheet", async () => {
    const simulator = withStaging("Hidden");
    const error = await rejectionOf(
      run(simulator, async (context) => {
        context.workbook.worksheets.getItem("~Staging").activate();
        await context.sync();
      }),
    );
    expect([error.code, simulator.activeSheetName()]).toEqual([ErrorCodes.invalidOperation, "Claims"]);
  });

  it("refuses to delete a very hidden sheet until it is unhidden, as Excel does", async () => {
    const simulator = withStaging("VeryHidden");
    const error = await rejectionOf(
      run(simulator, async (context) => {
        context.workbook.worksheets.getItem("~Staging").delete();
        await context.sync();
      }),
    );
    expect(error.code).toBe(ErrorCodes.invalidOperation);
    await run(simulator, async (context) => {
      const staging = context.workbook.worksheets.getItem("~Staging");
      staging.visibility = "Hidden";
      staging.delete();
      await context.sync();
    });
    expect(simulator.sheetNames()).toEqual(["Claims", "Contract"]);
  });

  it("refuses to delete the last visible sheet while hidden sheets remain", async () => {
    const simulator = new WorkbookSimulator({
      sheets: [
        { name: "Review", cells: [] },
        { name: "~Staging", visibility: "Hidden", cells: [] },
      ],
    });
    const error = await rejectionOf(
      run(simulator, async (context) => {
        context.workbook.worksheets.getItem("Review").delete();
        await context.sync();
      }),
    );
    expect([error.code, simulator.sheetNames()]).toEqual([ErrorCodes.invalidOperation, ["Review", "~Staging"]]);
  });

  it("refuses a visibility Excel does not have", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    const error = await rejectionOf(
      run(simulator, async (context) => {
        context.workbook.worksheets.getItem("Contract").visibility = "Invisible" as Excel.SheetVisibility;
        await context.sync();
      }),
    );
    expect(error.code).toBe(ErrorCodes.invalidArgument);
  });
});

describe("renaming a sheet", () => {
  it("rewrites every formula that refers to it, those with structured references included, as Excel does", async () => {
    const simulator = new WorkbookSimulator({
      sheets: [
        {
          name: "Claims",
          cells: [
            ["Code", "Amt"],
            ["a", 1],
            ["b", 2],
          ],
          tables: [{ name: "Claims", address: "A1:B3" }],
        },
        { name: "Model", cells: [["=SUM('~pc x 1'!A1:A2)+SUM(Claims[Amt])", "=\"'~pc x 1'!\""]] },
        { name: "~pc x 1", cells: [[10], [20]] },
      ],
    });

    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("~pc x 1").name = "Model Lines";
      await context.sync();
    });

    expect(simulator.cell("Model", 0, 0)).toMatchObject({
      formula: "=SUM('Model Lines'!A1:A2)+SUM(Claims[Amt])",
      value: 33,
    });
    // Text in a string literal is not a reference.
    expect(simulator.cell("Model", 0, 1).formula).toBe("=\"'~pc x 1'!\"");
  });
});
