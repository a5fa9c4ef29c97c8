/** The workbook described as plain data, to assert that an operation left it as it was. */
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { claimsWorkbook, run } from "./helpers";

const claims = () => new WorkbookSimulator(claimsWorkbook());

describe("the workbook description", () => {
  it("lists the sheets in tab order with their visibility and the active sheet", async () => {
    const simulator = claims();
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Contract").visibility = "Hidden";
      await context.sync();
    });
    const description = simulator.describe();
    expect(description.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Claims", "Visible"],
      ["Contract", "Hidden"],
    ]);
    expect(description.activeSheet).toBe("Claims");
  });

  it("gives each used cell its value, and its formula and number format when it has them", async () => {
    const simulator = claims();
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Claims").getRange("F2").formulas = [["=E2*(1+Contract!B1)"]];
      await context.sync();
    });
    const { cells } = simulator.describe().sheets[0]!;
    expect(cells["A2"]).toEqual({ value: "C-1001" });
    expect(cells["E2"]).toEqual({ value: 92.5, numberFormat: "$#,##0.00" });
    expect(cells["F2"]).toEqual({ value: 97.125, formula: "=E2*(1+Contract!B1)" });
    expect(cells["F3"]).toBeUndefined();
  });

  it("lists a cell formatted beyond the used cells, where a value typed later would show formatted", async () => {
    const simulator = claims();
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Claims").getRange("H10").numberFormat = [["@"]];
      await context.sync();
    });
    expect(simulator.describe().sheets[0]!.cells["H10"]).toEqual({ value: null, numberFormat: "@" });
  });

  it("describes tables with their sheet, address and header texts", () => {
    expect(claims().describe().tables).toEqual([
      {
        name: "Claims",
        sheet: "Claims",
        address: "A1:E4",
        headers: ["Claim ID", "HCPCS Code", "Units", "Charge Amount", "Allowed Amount"],
        style: "TableStyleMedium2",
      },
    ]);
  });

  it("describes names, settings, conditional formats and charts", async () => {
    const simulator = claims();
    await run(simulator, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Claims");
      context.workbook.names.add("UpliftRate", sheet.getRange("B1"));
      context.workbook.settings.add("payer.claimsMapping", { table: "Claims", version: 1 });
      const format = sheet.getRange("E2:E4").conditionalFormats.add("CellValue") as Excel.ConditionalFormat;
      format.cellValue.format.fill.color = "#FFC7CE";
      sheet.charts.add("ColumnClustered", sheet.getRange("B1:B4"), "Columns");
      await context.sync();
    });
    const description = simulator.describe();
    expect(description.names).toEqual([{ name: "UpliftRate", formula: "=Claims!$B$1", comment: "" }]);
    expect(description.settings).toEqual({ "payer.claimsMapping": { table: "Claims", version: 1 } });
    expect(description.sheets[0]!.conditionalFormats).toEqual([
      { type: "CellValue", address: "E2:E4", properties: { "cellValue.format.fill.color": "#FFC7CE" }, calls: [] },
    ]);
    expect(description.sheets[0]!.charts.map((c) => [c.type, c.sourceAddress])).toEqual([
      ["ColumnClustered", "Claims!B1:B4"],
    ]);
  });

  it("is equal for two workbooks built the same way", () => {
    expect(claims().describe()).toEqual(claims().describe());
  });

  it("differs when one number format changed", async () => {
    const simulator = claims();
    const before = simulator.describe();
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Claims").getRange("D2").numberFormat = [["0.00"]];
      await context.sync();
    });
    expect(simulator.describe()).not.toEqual(before);
  });

  it("is plain data: later changes to the workbook do not change a description taken before", async () => {
    const simulator = claims();
    const before = simulator.describe();
    const copy = JSON.parse(JSON.stringify(before)) as unknown;
    await run(simulator, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Claims");
      sheet.getRange("A2").values = [["C-9999"]];
      sheet.getRange("A2:A4").conditionalFormats.add("ContainsText");
      context.workbook.settings.add("payer.models", ["a"]);
      await context.sync();
    });
    expect(before).toEqual(copy);
  });

  it("names the sheet a settings value refers to by id, so two runs of an operation compare", async () => {
    const built = async () => {
      const simulator = claims();
      await run(simulator, async (context) => {
        context.workbook.worksheets.add("Scratch").delete(); // uses up an id, as a failed first attempt would
        const sheet = context.workbook.worksheets.add("Summary");
        sheet.load("id");
        await context.sync();
        context.workbook.settings.add("payer.builtSheets", { sheetIds: [sheet.id], note: `built ${sheet.id}` });
      });
      return simulator;
    };
    const [first, second] = [await built(), claims()];
    await run(second, async (context) => {
      const sheet = context.workbook.worksheets.add("Summary");
      sheet.load("id");
      await context.sync();
      context.workbook.settings.add("payer.builtSheets", { sheetIds: [sheet.id], note: `built ${sheet.id}` });
    });
    expect(first.describe()).not.toEqual(second.describe());
    expect(first.describe({ sheetIdsAsNames: true })).toEqual(second.describe({ sheetIdsAsNames: true }));
    expect(first.describe({ sheetIdsAsNames: true }).settings).toEqual({
      "payer.builtSheets": { sheetIds: ['<id of sheet "Summary">'], note: 'built <id of sheet "Summary">' },
    });
  });
});
