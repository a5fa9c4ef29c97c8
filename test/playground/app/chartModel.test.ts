/**
 * A native chart the add-in defines, read as Excel reads it: series from the header row, categories from the first
 * column, the source's current values, placed over the cells given to setPosition.
 */
import { buildPortfolioSummary, describePortfolioIssue } from "../../../src/excel/sharing";
import { chartModel } from "../../../src/playground/chartModel";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { aPortfolioRequest } from "../../excel/sharing/support";
import { adr, run } from "../simulator/helpers";

jest.setTimeout(120_000);

/** A denial-rate trend as the Contract Performance sheet lays it out: months down, one column per contract. */
async function trendWithChart(seriesBy: "Columns" | "Rows" = "Columns") {
  const simulator = new WorkbookSimulator({
    sheets: [
      {
        name: "Trend",
        cells: [
          ["Month", "Acme Health PPO", "Summit Medicare Advantage"],
          [45658, 0.1, 0.2],
          [45689, "=NA()", 0.25],
          [45717, 0.125, 0.225],
        ],
        numberFormats: [
          { address: "A2:A4", format: "yyyy-mm" },
          { address: "B2:C4", format: "0.0%" },
        ],
      },
    ],
  });
  await run(simulator, async (context) => {
    const sheet = context.workbook.worksheets.getItem("Trend");
    const chart = sheet.charts.add("Line" as Excel.ChartType, sheet.getRange("A1:C4"), seriesBy as Excel.ChartSeriesBy);
    chart.title.text = "Initial denial rate (count) by month";
    chart.legend.position = "Bottom";
    chart.setPosition("E2", "L16");
    await context.sync();
  });
  return chartModel(simulator, simulator.charts("Trend")[0]!);
}

describe("a chart as the grid draws it", () => {
  it("takes the months as categories, shown in their number format", async () => {
    expect((await trendWithChart()).categories).toEqual(["2025-01", "2025-02", "2025-03"]);
  });

  it("makes one series per contract column, named by its header", async () => {
    expect((await trendWithChart()).series.map((s) => s.name)).toEqual([
      "Acme Health PPO",
      "Summit Medicare Advantage",
    ]);
  });

  it("leaves a gap where a month shows #N/A instead of plotting a zero", async () => {
    expect((await trendWithChart()).series[0]!.values).toEqual([0.1, null, 0.125]);
  });

  it("reads the series along rows when the chart says so", async () => {
    const model = await trendWithChart("Rows");
    expect(model.categories).toEqual(["Acme Health PPO", "Summit Medicare Advantage"]);
  });

  it("covers the cells from setPosition's first cell to its last", async () => {
    const { cells } = await trendWithChart();
    expect(cells).toEqual({ ...adr("E2"), rowCount: 15, columnCount: 8 });
  });

  it("keeps the title, the legend's place and the figures' number format", async () => {
    expect(await trendWithChart()).toMatchObject({
      title: "Initial denial rate (count) by month",
      legendPosition: "Bottom",
      numberFormat: "0.0%",
    });
  });

  it("plots the portfolio summary's revenue by payer from the payer roll-up it wrote", async () => {
    const simulator = new WorkbookSimulator(buildSampleWorkbook());
    const built = await buildPortfolioSummary(simulator.excel, aPortfolioRequest(), {
      now: () => new Date("2025-06-30T12:00:00Z"),
    });
    if (!built.ok) throw new Error(describePortfolioIssue(built.issue));
    const revenue = chartModel(simulator, simulator.charts("Portfolio Summary")[0]!);
    expect(revenue.categories).toEqual(expect.arrayContaining(["Acme Health", "Summit Health"]));
    expect(revenue.series).toHaveLength(1);
    expect(revenue.series[0]!.values).toHaveLength(revenue.categories.length);
    expect(revenue.series[0]!.values.every((v) => typeof v === "number" && v > 0)).toBe(true);
  });
});
