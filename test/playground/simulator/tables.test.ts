/** Tables: creation, rows, columns, parts, events, and the structured references that follow them. */
import { WorkbookSimulator, type ChangedEventArgs } from "../../../src/playground/simulator";
import { cellAt, claimsWorkbook, rejectionOf, run, typeInto } from "./helpers";

const claims = (context: Excel.RequestContext) => context.workbook.tables.getItem("Claims");

describe("tables", () => {
  it("adds a table over a range with headers and finds it by name", async () => {
    const simulator = new WorkbookSimulator({
      sheets: [
        {
          name: "Sheet1",
          cells: [
            ["HCPCS Code", "Rate"],
            ["99213", 92.5],
          ],
        },
      ],
    });
    const [name, address] = await run(simulator, async (context) => {
      const table = context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B2", true);
      table.name = "FeeSchedule";
      await context.sync();
      const found = context.workbook.tables.getItem("FeeSchedule").load("name");
      const range = found.getRange().load("address");
      await context.sync();
      return [found.name, range.address];
    });
    expect([name, address]).toEqual(["FeeSchedule", "Sheet1!A1:B2"]);
  });

  it("gives a header-only table one empty data row, as Excel does", async () => {
    const simulator = new WorkbookSimulator({ sheets: [{ name: "Sheet1", cells: [["Code", "Rate"]] }] });
    const rows = await run(simulator, async (context) => {
      const table = context.workbook.worksheets.getItem("Sheet1").tables.add("Sheet1!A1:B1", true);
      const count = table.rows.getCount();
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult needs no load (a false positive of the rule)
      return count.value;
    });
    expect(rows).toBe(1);
  });

  it("appends rows with rows.add and grows the data body", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    const [body, values] = await run(simulator, async (context) => {
      claims(context).rows.add(undefined, [
        ["C-1003", "99215", 1, 310, 180],
        ["C-1003", "81002", 1, 12, 3.5],
      ]);
      const bodyRange = claims(context).getDataBodyRange().load("address, values");
      await context.sync();
      return [bodyRange.address, bodyRange.values.at(-1)];
    });
    expect(body).toBe("Claims!A2:E6");
    expect(values).toEqual(["C-1003", 81002, 1, 12, 3.5]);
    expect(cellAt(simulator, "Claims", "D6").text).toBe("$12.00");
  });

  it("rejects rows whose width is not the table's", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await run(simulator, async (context) => {
      claims(context).rows.add(undefined, [["C-1003", "99215"]]);
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(simulator.tables()).toEqual([{ name: "Claims", sheet: "Claims", address: "A1:E4" }]);
  });

  it("lists columns by name and reads a column's data body", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    const [names, units] = await run(simulator, async (context) => {
      const columns = claims(context).columns.load("items/name");
      const unitsBody = claims(context).columns.getItem("Units").getDataBodyRange().load("values");
      await context.sync();
      return [columns.items.map((c) => c.name), unitsBody.values];
    });
    expect(names).toEqual(["Claim ID", "HCPCS Code", "Units", "Charge Amount", "Allowed Amount"]);
    expect(units).toEqual([[1], [1], [2]]);
  });

  it("reads the header row range", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    const header = await run(simulator, async (context) => {
      const range = claims(context).getHeaderRowRange().load("values");
      await context.sync();
      return range.values;
    });
    expect(header[0]).toContain("Allowed Amount");
  });

  it("fires onChanged for an API write and for a typed edit inside the table", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    const seen: ChangedEventArgs[] = [];
    await run(simulator, async (context) => {
      claims(context).onChanged.add(async (args) => void seen.push(args as unknown as ChangedEventArgs));
      await context.sync();
      context.workbook.worksheets.getItem("Claims").getRange("E2:F2").values = [[95, "outside"]];
      await context.sync();
    });
    typeInto(simulator, "Claims", "C3", "3");
    typeInto(simulator, "Claims", "H9", "not in the table");
    await simulator.whenIdle();
    expect(seen.map((e) => [e.type, e.changeType, e.address])).toEqual([
      ["TableChanged", "RangeEdited", "E2"],
      ["TableChanged", "RangeEdited", "C3"],
    ]);
    expect(seen[0]).toMatchObject({ tableId: expect.any(String), worksheetId: expect.any(String), source: "Local" });
  });

  it("fires onChanged with RowInserted for rows.add, and stops after the handler is removed", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    const seen: string[] = [];
    await run(simulator, async (context) => {
      const handle = claims(context).onChanged.add(async (args) => void seen.push(args.changeType));
      await context.sync();
      claims(context).rows.add(undefined, [["C-1003", "99215", 1, 310, 180]]);
      await context.sync();
      handle.remove();
      await context.sync();
    });
    typeInto(simulator, "Claims", "C3", "3");
    await simulator.whenIdle();
    expect(seen).toEqual(["RowInserted"]);
  });
});

describe("table columns", () => {
  it("appends a named column with its values and widens the table and its structured references", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await run(simulator, async (context) => {
      claims(context).columns.add(undefined, [["Expected Amount"], [95], [3.1], [250]]);
      await context.sync();
    });
    typeInto(simulator, "Contract", "A3", "=SUM(Claims[Expected Amount])");
    const address = await run(simulator, async (context) => {
      const range = claims(context).getRange().load("address");
      await context.sync();
      return range.address;
    });
    expect(address).toBe("Claims!A1:F4");
    expect(cellAt(simulator, "Contract", "A3").value).toBe(348.1);
  });

  it("deletes the last column with its cells", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await run(simulator, async (context) => {
      claims(context).columns.getItem("Allowed Amount").delete();
      await context.sync();
    });
    expect(cellAt(simulator, "Claims", "E1").value).toBeNull();
    expect(cellAt(simulator, "Claims", "E2").value).toBeNull();
    const columns = await run(simulator, async (context) => {
      const items = claims(context).columns.load("items/name");
      await context.sync();
      return items.items.map((column) => column.name);
    });
    expect(columns).toEqual(["Claim ID", "HCPCS Code", "Units", "Charge Amount"]);
  });

  it("refuses to insert a column in the middle, which the simulator does not model", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    const error = await rejectionOf(
      run(simulator, async (context) => {
        claims(context).columns.add(1, [["Note"], [""], [""], [""]]);
        await context.sync();
      }),
    );
    expect(error.code).toBe("InvalidArgument");
  });
});

describe("table collection events", () => {
  it("fires onAdded when a table is added and onDeleted when one is deleted, on the workbook's collection", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    const seen: unknown[] = [];
    await run(simulator, async (context) => {
      context.workbook.tables.onAdded.add(async (args) => void seen.push(args));
      context.workbook.tables.onDeleted.add(async (args) => void seen.push(args));
      await context.sync();
      context.workbook.worksheets.getItem("Contract").tables.add("A1:B1", true).name = "Uplifts";
      await context.sync();
      claims(context).delete();
      await context.sync();
    });
    await simulator.whenIdle();
    expect(seen).toEqual([
      expect.objectContaining({ type: "TableAdded", tableId: expect.any(String), worksheetId: expect.any(String) }),
      expect.objectContaining({ type: "TableDeleted", tableName: "Claims" }),
    ]);
  });

  it("fires a sheet's onAdded only for tables added on that sheet", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    let added = 0;
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Claims").tables.onAdded.add(async () => void added++);
      await context.sync();
      context.workbook.worksheets.getItem("Contract").tables.add("A1:B1", true);
      await context.sync();
    });
    await simulator.whenIdle();
    expect(added).toBe(0);
  });
});

describe("structured references", () => {
  it("evaluates Table[Column] and keeps the formula as written", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    typeInto(simulator, "Contract", "A3", "=SUM(Claims[Allowed Amount])");
    expect(cellAt(simulator, "Contract", "A3")).toMatchObject({
      value: 355.6,
      formula: "=SUM(Claims[Allowed Amount])",
    });
  });

  it("follows the table when rows are added", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    typeInto(simulator, "Contract", "A3", "=SUM(Claims[[Allowed Amount]])");
    await run(simulator, async (context) => {
      claims(context).rows.add(undefined, [["C-1003", "99215", 1, 310, 44.4]]);
      await context.sync();
    });
    expect(cellAt(simulator, "Contract", "A3").value).toBe(400);
  });

  it("reads this row's cell with [@Column] inside the table", async () => {
    const snapshot = claimsWorkbook();
    const sheet = snapshot.sheets[0]!;
    sheet.cells = sheet.cells.map((row, i) => [...row, i === 0 ? "Allowed Per Unit" : "=[@[Allowed Amount]]/[@Units]"]);
    sheet.tables = [{ name: "Claims", address: "A1:F4" }];
    const simulator = new WorkbookSimulator(snapshot);
    expect(cellAt(simulator, "Claims", "F4").value).toBe(130);
  });

  it("follows a table that is renamed", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    typeInto(simulator, "Contract", "A3", "=COUNTA(Claims[Claim ID])");
    await run(simulator, async (context) => {
      claims(context).name = "ClaimLines";
      await context.sync();
    });
    expect(cellAt(simulator, "Contract", "A3")).toMatchObject({ value: 3, formula: "=COUNTA(ClaimLines[Claim ID])" });
  });
});
