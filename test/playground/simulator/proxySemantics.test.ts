/** The Excel JavaScript API's proxy rules, as the simulator enforces them. */
import { ErrorCodes, WorkbookSimulator } from "../../../src/playground/simulator";
import { cellAt, claimsWorkbook, rejectionOf, run } from "./helpers";

describe("proxy objects and sync", () => {
  it("throws PropertyNotLoaded when a property is read before load and sync", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await run(simulator, async (context) => {
      const range = context.workbook.worksheets.getItem("Claims").getRange("A1");
      /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load -- reading too early is what is tested */
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
      await context.sync();
      expect(range.values).toEqual([["Claim ID"]]);
    });
  });

  it("does not make a property readable by setting it (load it to read it back)", async () => {
    const simulator = new WorkbookSimulator();
    await run(simulator, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [[5]];
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- reading without a load is what is tested
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("queues writes until sync", async () => {
    const simulator = new WorkbookSimulator();
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[5]];
      expect(cellAt(simulator, "Sheet1", "A1").value).toBeNull();
      await context.sync();
      expect(cellAt(simulator, "Sheet1", "A1").value).toBe(5);
    });
  });

  it("loads properties given as a comma string, an array, {select} or {property: true}", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await run(simulator, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Claims");
      const byString = sheet.getRange("A1:B2").load("values, address");
      const byArray = sheet.getRange("C2").load(["rowIndex", "columnIndex"]);
      const bySelect = sheet.getRange("D2").load({ select: "text", expand: "worksheet" });
      const byObject = sheet.getRange("E2").load({ numberFormat: true, worksheet: { name: true } });
      await context.sync();
      expect([byString.address, byString.values[1]]).toEqual(["Claims!A1:B2", ["C-1001", 99213]]);
      expect([byArray.rowIndex, byArray.columnIndex]).toEqual([1, 2]);
      expect([bySelect.text, bySelect.worksheet.name]).toEqual([[["$150.00"]], "Claims"]);
      expect([byObject.numberFormat, byObject.worksheet.name]).toEqual([[["$#,##0.00"]], "Claims"]);
    });
  });

  it("rejects an unknown worksheet with ItemNotFound at sync", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    const error = await rejectionOf(
      run(simulator, async (context) => {
        context.workbook.worksheets.getItem("Remits").getRange("A1").load("values");
        await context.sync();
      }),
    );
    expect(error.code).toBe(ErrorCodes.itemNotFound);
  });

  it("gives a null object for a missing sheet from getItemOrNullObject, readable after sync", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await run(simulator, async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Remits");
      const present = context.workbook.worksheets.getItemOrNullObject("claims");
      // eslint-disable-next-line office-addins/call-sync-before-read -- reading too early is what is tested
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect([missing.isNullObject, present.isNullObject]).toEqual([true, false]);
    });
  });

  it("lists a collection's items after loading them, and counts it with getCount", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await run(simulator, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const count = sheets.getCount();
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- reading too early is what is tested
      expect(() => count.value).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Claims", "Contract"]);
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult needs no load (a false positive of the rule)
      expect(count.value).toBe(2);
    });
  });

  it("keeps commands before a failing one applied and drops the rest (failure in the middle of a batch)", async () => {
    const simulator = new WorkbookSimulator();
    const error = await rejectionOf(
      run(simulator, async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [["before"]];
        sheet.getRange("A2:B2").values = [["too", "many", "values"]];
        sheet.getRange("A3").values = [["after"]];
        await context.sync();
      }),
    );
    expect(error.code).toBe(ErrorCodes.invalidArgument);
    expect(error.debugInfo.errorLocation).toBe("Range.values");
    expect(cellAt(simulator, "Sheet1", "A1").value).toBe("before");
    expect(cellAt(simulator, "Sheet1", "A2").value).toBeNull();
    expect(cellAt(simulator, "Sheet1", "A3").value).toBeNull();
    expect(simulator.requestLog.at(-1)?.ok).toBe(false);
  });

  it("delivers no loaded value from a batch that failed", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await run(simulator, async (context) => {
      const range = context.workbook.worksheets.getItem("Claims").getRange("A1").load("values");
      context.workbook.worksheets.getItem("Remits").load("name");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("syncs what is still queued when the batch returns, and rejects a batch that returns no promise", async () => {
    const simulator = new WorkbookSimulator();
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("B1").values = [[1]];
    });
    expect(cellAt(simulator, "Sheet1", "B1").value).toBe(1);
    const notAsync = (() => 1) as unknown as (context: Excel.RequestContext) => Promise<number>;
    await expect(simulator.excel.run(notAsync)).rejects.toMatchObject({ code: "RunMustReturnPromise" });
  });
});
