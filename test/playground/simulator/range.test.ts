/** Ranges: addresses, values/formulas/number formats with Excel's write rules, derived ranges. */
import { ErrorCodes, WorkbookSimulator } from "../../../src/playground/simulator";
import { cellAt, claimsWorkbook, rejectionOf, run } from "./helpers";

const sheet1 = (context: Excel.RequestContext) => context.workbook.worksheets.getItem("Sheet1");

describe("ranges", () => {
  it("rejects values whose shape does not match the range with InvalidArgument", async () => {
    const simulator = new WorkbookSimulator();
    const error = await rejectionOf(
      run(simulator, async (context) => {
        sheet1(context).getRange("A1:B2").values = [[1, 2]];
        await context.sync();
      }),
    );
    expect(error.code).toBe(ErrorCodes.invalidArgument);
  });

  it("applies a single value, or a 1x1 array, to every cell of a bigger range", async () => {
    const simulator = new WorkbookSimulator();
    await run(simulator, async (context) => {
      sheet1(context).getRange("A1:B2").values = [[7]];
      (sheet1(context).getRange("C1:C2") as unknown as { values: unknown }).values = "x";
      await context.sync();
    });
    expect(["A1", "B2", "C2"].map((a) => cellAt(simulator, "Sheet1", a).value)).toEqual([7, 7, "x"]);
  });

  it("leaves cells unchanged where the array holds null, and clears them where it holds an empty string", async () => {
    const simulator = new WorkbookSimulator({ sheets: [{ name: "Sheet1", cells: [[1, 2, 3]] }] });
    await run(simulator, async (context) => {
      sheet1(context).getRange("A1:C1").values = [[null, "", 30]] as unknown as string[][];
      await context.sync();
    });
    expect(["A1", "B1", "C1"].map((a) => cellAt(simulator, "Sheet1", a).value)).toEqual([1, null, 30]);
  });

  it("turns text starting with = into a formula, unless the cell is formatted as text", async () => {
    const simulator = new WorkbookSimulator({
      sheets: [{ name: "Sheet1", cells: [[2]], numberFormats: [{ address: "C1", format: "@" }] }],
    });
    await run(simulator, async (context) => {
      sheet1(context).getRange("B1:C1").values = [["=A1*10", "=A1*10"]];
      await context.sync();
    });
    expect(cellAt(simulator, "Sheet1", "B1")).toMatchObject({ value: 20, formula: "=A1*10" });
    expect(cellAt(simulator, "Sheet1", "C1")).toMatchObject({ value: "=A1*10", formula: null });
  });

  it("reads formulas as entered and values as computed, with empty cells as empty strings", async () => {
    const simulator = new WorkbookSimulator({ sheets: [{ name: "Sheet1", cells: [[2, "=A1+1", null]] }] });
    const [values, formulas] = await run(simulator, async (context) => {
      const range = sheet1(context).getRange("A1:C1").load("values, formulas");
      await context.sync();
      return [range.values, range.formulas];
    });
    expect(values).toEqual([[2, 3, ""]]);
    expect(formulas).toEqual([[2, "=A1+1", ""]]);
  });

  it("shows values through their number format in text", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    const text = await run(simulator, async (context) => {
      const range = context.workbook.worksheets.getItem("Claims").getRange("D4:E4");
      range.numberFormat = [["#,##0", "0.0%"]];
      range.load("text");
      await context.sync();
      return range.text;
    });
    expect(text).toEqual([["420", "26000.0%"]]);
  });

  it("derives cells, resized and offset ranges from a range, with their addresses", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    const addresses = await run(simulator, async (context) => {
      const base = context.workbook.worksheets.getItem("Claims").getRange("B2:C3");
      const derived = [
        base.getCell(1, 1),
        base.getResizedRange(2, -1),
        base.getOffsetRange(1, 2),
        base.getRow(0),
        base.getColumn(1),
      ];
      derived.forEach((r) => r.load("address"));
      await context.sync();
      return derived.map((r) => r.address);
    });
    expect(addresses).toEqual(["Claims!C3", "Claims!B2:B5", "Claims!D3:E4", "Claims!B2:C2", "Claims!C2:C3"]);
  });

  it("finds the used range of a sheet, and a null object for an empty one", async () => {
    const simulator = new WorkbookSimulator({
      sheets: [
        { name: "Sheet1", cells: [[null], [null, 1, 2], [null, 3]] },
        { name: "Empty", cells: [] },
      ],
    });
    await run(simulator, async (context) => {
      const used = sheet1(context).getUsedRange().load("address");
      const none = context.workbook.worksheets.getItem("Empty").getUsedRangeOrNullObject();
      await context.sync();
      expect(used.address).toBe("Sheet1!B2:C3");
      expect(none.isNullObject).toBe(true);
    });
  });

  it("clears contents and formats", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Claims").getRange("D2").clear();
      await context.sync();
    });
    expect(cellAt(simulator, "Claims", "D2")).toMatchObject({ value: null, numberFormat: "General" });
  });

  it("makes text that is not a number and starts with + or - a formula, as Excel does", async () => {
    const simulator = new WorkbookSimulator();
    await run(simulator, async (context) => {
      sheet1(context).getRange("A1:C1").values = [["-5", "+A1*2", "-cmd"]];
      await context.sync();
    });
    expect(cellAt(simulator, "Sheet1", "A1").value).toBe(-5);
    expect(cellAt(simulator, "Sheet1", "B1")).toMatchObject({ formula: "=+A1*2", value: -10 });
    expect(cellAt(simulator, "Sheet1", "C1").value).toBe("#NAME?");
  });
});
