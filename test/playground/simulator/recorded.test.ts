/** Conditional formats, charts and range formats are recorded for inspection. */
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { claimsWorkbook, run } from "./helpers";

describe("recorded objects", () => {
  it("records a conditional format with the properties set on it", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await run(simulator, async (context) => {
      const range = context.workbook.worksheets.getItem("Claims").getRange("E2:E4");
      const format = range.conditionalFormats.add(
        simulator.excel.ConditionalFormatType.cellValue as Excel.ConditionalFormatType,
      );
      format.cellValue.format.fill.color = "#FFC7CE";
      format.cellValue.rule = { formula1: "=D2*0.5", operator: "LessThan" };
      await context.sync();
    });
    expect(simulator.conditionalFormats("Claims")).toEqual([
      {
        type: "CellValue",
        address: "E2:E4",
        properties: {
          "cellValue.format.fill.color": "#FFC7CE",
          "cellValue.rule": { formula1: "=D2*0.5", operator: "LessThan" },
        },
        calls: [],
      },
    ]);
  });

  it("records a list to pick from set on a cell, and clearing the cell drops it", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    const rule = { list: { inCellDropDown: true, source: "=$B$2:$B$4" } };
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Claims").getRange("F2").dataValidation.rule = rule;
      await context.sync();
    });
    expect(simulator.dataValidations("Claims")).toEqual([{ address: "F2", properties: { rule }, calls: [] }]);
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Claims").getRange("E1:F4").clear("All");
      await context.sync();
    });
    expect(simulator.dataValidations("Claims")).toEqual([]);
  });

  it("records a chart with its source, title and position", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await run(simulator, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Claims");
      const chart = sheet.charts.add(
        Excel.ChartType.columnClustered,
        sheet.getRange("B1:B4"),
        Excel.ChartSeriesBy.columns,
      );
      chart.title.text = "Allowed by code";
      chart.setPosition("H2", "O20");
      await context.sync();
    });
    expect(simulator.charts("Claims")).toEqual([
      {
        type: "ColumnClustered",
        sourceAddress: "Claims!B1:B4",
        seriesBy: "Columns",
        properties: { "title.text": "Allowed by code" },
        calls: [{ path: "setPosition", args: ["H2", "O20"] }],
      },
    ]);
  });

  it("records nothing of a batch that was refused", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook(), { requestBudgetBytes: 50 });
    await run(simulator, async (context) => {
      const range = context.workbook.worksheets.getItem("Claims").getRange("E2:E4");
      range.format.font.bold = true;
      range.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
      await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    });
    expect([simulator.conditionalFormats("Claims"), simulator.rangeFormats("Claims")]).toEqual([[], []]);
  });
});

// The chart test uses the namespace the add-in reads from the global, as inside Excel.
beforeAll(() => {
  (globalThis as unknown as { Excel: unknown }).Excel = new WorkbookSimulator().excel;
});
