/** Workbook named items and settings. */
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { cellAt, claimsWorkbook, run, typeInto } from "./helpers";

describe("named items", () => {
  it("adds a name for a range that formulas can use, and gives the range back", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    const [formula, address] = await run(simulator, async (context) => {
      const name = context.workbook.names.add(
        "UpliftRate",
        context.workbook.worksheets.getItem("Contract").getRange("B1"),
      );
      name.load("formula");
      const range = context.workbook.names.getItem("UpliftRate").getRange().load("address");
      await context.sync();
      return [name.formula, range.address];
    });
    expect([formula, address]).toEqual(["=Contract!$B$1", "Contract!B1"]);
    typeInto(simulator, "Contract", "C1", "=100*(1+UpliftRate)");
    expect(cellAt(simulator, "Contract", "C1").value).toBe(105);
  });

  it("gives a null object for an unknown name", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    const isNull = await run(simulator, async (context) => {
      const name = context.workbook.names.getItemOrNullObject("Nope");
      await context.sync();
      return name.isNullObject;
    });
    expect(isNull).toBe(true);
  });
});

describe("settings", () => {
  it("stores, reads and deletes settings", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    const mapping = { hcpcsCode: "HCPCS Code", chargeAmount: "Charge Amount" };
    const [value, missing] = await run(simulator, async (context) => {
      context.workbook.settings.add("claimsMapping", mapping);
      const setting = context.workbook.settings.getItem("claimsMapping").load("value");
      const none = context.workbook.settings.getItemOrNullObject("nothing");
      await context.sync();
      return [setting.value, none.isNullObject];
    });
    expect([value, missing]).toEqual([mapping, true]);
    await run(simulator, async (context) => {
      context.workbook.settings.getItem("claimsMapping").delete();
      await context.sync();
    });
    expect(simulator.settings()).toEqual({});
  });

  it("rejects getItem of an unknown setting with ItemNotFound", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await run(simulator, async (context) => {
      context.workbook.settings.getItem("nothing").load("value");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });
});
