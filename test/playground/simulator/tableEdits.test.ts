/** Changing a table's size: deleting rows (TableRow.delete), resizing (Table.resize), deleting its sheet. */
import { ErrorCodes, WorkbookSimulator } from "../../../src/playground/simulator";
import { cellAt, claimsWorkbook, rejectionOf, run } from "./helpers";

const claims = (context: Excel.RequestContext) => context.workbook.tables.getItem("Claims");

/** The claims workbook with a formula that reads the second claim line from another sheet. */
function withReferences(): WorkbookSimulator {
  const snapshot = claimsWorkbook();
  snapshot.sheets[1]!.cells.push(["Second line", "=Claims!E3"], ["Total allowed", "=SUM(Claims[Allowed Amount])"]);
  return new WorkbookSimulator(snapshot);
}

describe("deleting a table row", () => {
  it("removes the row, moves the rows below up and shrinks the table", async () => {
    const simulator = withReferences();
    await run(simulator, async (context) => {
      claims(context).rows.getItemAt(1).delete();
      await context.sync();
    });
    expect(simulator.tables()).toEqual([{ name: "Claims", sheet: "Claims", address: "A1:E3" }]);
    expect([cellAt(simulator, "Claims", "B3").value, cellAt(simulator, "Claims", "A4").value]).toEqual([99214, null]);
    expect(cellAt(simulator, "Claims", "E3").text).toBe("$260.00");
  });

  it("breaks references to the deleted cells and keeps structured references following the table", async () => {
    const simulator = withReferences();
    await run(simulator, async (context) => {
      claims(context).rows.getItemAt(1).delete();
      await context.sync();
    });
    expect(cellAt(simulator, "Contract", "B2").value).toBe("#REF!");
    expect(cellAt(simulator, "Contract", "B3").value).toBe(352.5);
  });

  it("leaves one empty row when the table's only row is deleted, as Excel does", async () => {
    const simulator = new WorkbookSimulator({
      sheets: [
        {
          name: "Registry",
          cells: [
            ["Contract Name", "Payer"],
            ["Acme PPO 2026", "Acme"],
          ],
        },
      ],
    });
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Registry").tables.add("A1:B2", true).rows.getItemAt(0).delete();
      await context.sync();
    });
    expect(simulator.tables()).toEqual([{ name: "Table1", sheet: "Registry", address: "A1:B2" }]);
    expect(cellAt(simulator, "Registry", "A2").value).toBeNull();
  });

  it("refuses a row that does not exist", async () => {
    const simulator = withReferences();
    const error = await rejectionOf(
      run(simulator, async (context) => {
        claims(context).rows.getItemAt(3).delete();
        await context.sync();
      }),
    );
    expect(error.code).toBe(ErrorCodes.itemNotFound);
  });

  it("refuses, changing nothing, when something lies beside the table below the row (not simulated)", async () => {
    const simulator = withReferences();
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Claims").getRange("H4").values = [["a note beside the table"]];
      await context.sync();
    });
    const before = simulator.describe();
    const error = await rejectionOf(
      run(simulator, async (context) => {
        claims(context).rows.getItemAt(0).delete();
        await context.sync();
      }),
    );
    expect(error.code).toBe(ErrorCodes.invalidOperation);
    expect(simulator.describe()).toEqual(before);
  });
});

describe("resizing a table", () => {
  it("takes in a column to its right, naming a blank header ColumnN", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Claims").getRange("F2:F4").values = [[1], [2], [3]];
      claims(context).resize("A1:F4");
      await context.sync();
    });
    expect(simulator.describe().tables[0]).toMatchObject({
      address: "A1:F4",
      headers: expect.arrayContaining(["Column6"]),
    });
  });

  it("gives back rows, leaving their cells on the sheet", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await run(simulator, async (context) => {
      claims(context).resize(context.workbook.worksheets.getItem("Claims").getRange("A1:E2"));
      await context.sync();
    });
    expect(simulator.tables()[0]!.address).toBe("A1:E2");
    expect(cellAt(simulator, "Claims", "A4").value).toBe("C-1002");
  });

  it("refuses a range that moves the header row", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    const error = await rejectionOf(
      run(simulator, async (context) => {
        claims(context).resize("A2:E4");
        await context.sync();
      }),
    );
    expect(error.code).toBe(ErrorCodes.invalidArgument);
    expect(simulator.tables()[0]!.address).toBe("A1:E4");
  });
});

describe("deleting a sheet that holds tables", () => {
  it("frees the names of its tables for new ones", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Claims").delete();
      const table = context.workbook.worksheets.getItem("Contract").tables.add("A1:B2", true);
      table.name = "Claims";
      await context.sync();
    });
    expect(simulator.tables()).toEqual([{ name: "Claims", sheet: "Contract", address: "A1:B2" }]);
  });

  it("turns names that referred to it into #REF!, as Excel does", async () => {
    const simulator = new WorkbookSimulator({
      ...claimsWorkbook(),
      names: [{ name: "UpliftRate", formula: "=Contract!$B$1" }],
    });
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Contract").delete();
      await context.sync();
    });
    expect(simulator.describe().names).toEqual([{ name: "UpliftRate", formula: "=#REF!$B$1", comment: "" }]);
  });
});
