/**
 * The grid draws what Excel draws from what the add-in set: the portfolio summary's house look (fills, fonts,
 * widths, frozen header) and conditional formats evaluated on the values shown.
 */
import { BLOCK_FILLS, BLOCK_STYLES } from "../../../src/excel/core/sheetBlocks";
import { buildPortfolioSummary, describePortfolioIssue, PORTFOLIO_ROWS } from "../../../src/excel/sharing";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { sheetLook } from "../../../src/playground/sheetLook";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { aPortfolioRequest } from "../../excel/sharing/support";
import { adr, claimsWorkbook, run } from "../simulator/helpers";

jest.setTimeout(120_000);

const SUMMARY = "Portfolio Summary";

describe("the portfolio summary as the grid draws it", () => {
  const simulator = new WorkbookSimulator(buildSampleWorkbook());
  beforeAll(async () => {
    const built = await buildPortfolioSummary(simulator.excel, aPortfolioRequest(), {
      now: () => new Date("2025-06-30T12:00:00Z"),
    });
    if (!built.ok) throw new Error(describePortfolioIssue(built.issue));
  });

  it("shows the column headers in the house header look: bold white on dark blue", () => {
    const style = sheetLook(simulator, SUMMARY).style(PORTFOLIO_ROWS.header, 0);
    expect(style).toEqual({ fill: BLOCK_FILLS.header, color: "#FFFFFF", bold: true });
  });

  it("shows the title in its larger bold blue font", () => {
    const style = sheetLook(simulator, SUMMARY).style(PORTFOLIO_ROWS.title, 0);
    expect(style).toEqual(BLOCK_STYLES.title!.font);
  });

  it("leaves a contract's figures in Excel's default look", () => {
    expect(sheetLook(simulator, SUMMARY).style(PORTFOLIO_ROWS.firstContract, 2)).toEqual({});
  });

  it("keeps the title rows and the header frozen at the top, as the add-in froze them", () => {
    expect(sheetLook(simulator, SUMMARY).frozen).toEqual({ rows: PORTFOLIO_ROWS.header + 1, columns: 0 });
  });

  it("uses the column widths the add-in set for every column of the summary", () => {
    const set = simulator
      .rangeFormats(SUMMARY)
      .filter((record) => typeof record.properties.columnWidth === "number")
      .map((record) => [adr(record.address).column, record.properties.columnWidth]);
    expect(set.length).toBeGreaterThan(5);
    expect([...sheetLook(simulator, SUMMARY).columnWidths]).toEqual(set);
  });
});

describe("conditional formats as the grid draws them", () => {
  /** Claims with a rule shading allowed amounts under 100 (the rule written for the range's first cell, E2). */
  async function withRules(...rules: { formula: string; fill: string }[]) {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await run(simulator, async (context) => {
      const range = context.workbook.worksheets.getItem("Claims").getRange("E2:E4");
      for (const { formula, fill } of rules) {
        const format = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
        format.custom.rule.formula = formula;
        format.custom.format.fill.color = fill;
        format.custom.format.font.color = "#9C0006";
      }
      await context.sync();
    });
    return simulator;
  }

  it("shades the cells where the rule holds, moving the rule from the first cell to each cell", async () => {
    const look = sheetLook(await withRules({ formula: "=E2<100", fill: "#FFC7CE" }), "Claims");
    // E2 92.50 and E3 3.10 are under 100; E4 260.00 is not.
    expect(["E2", "E3", "E4"].map((a) => look.style(adr(a).row, adr(a).column).fill)).toEqual([
      "#FFC7CE",
      "#FFC7CE",
      undefined,
    ]);
  });

  it("follows the values: a cell edited over the threshold loses its shading", async () => {
    const simulator = await withRules({ formula: "=E2<100", fill: "#FFC7CE" });
    simulator.setCellInput("Claims", 1, 4, "150");
    expect(sheetLook(simulator, "Claims").style(1, 4).fill).toBeUndefined();
  });

  it("lets the rule added last win where two rules hold, as Excel gives a new rule the top priority", async () => {
    const look = sheetLook(
      await withRules({ formula: "=E2<100", fill: "#FFC7CE" }, { formula: "=E2<10", fill: "#FFEB9C" }),
      "Claims",
    );
    expect([look.style(1, 4).fill, look.style(2, 4).fill]).toEqual(["#FFC7CE", "#FFEB9C"]);
  });

  it("draws no shading where the rule gives an error", async () => {
    const look = sheetLook(await withRules({ formula: "=1/0", fill: "#FFC7CE" }), "Claims");
    expect(look.style(1, 4).fill).toBeUndefined();
  });
});
