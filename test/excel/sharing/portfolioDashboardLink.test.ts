/**
 * The portfolio summary links to the Contract Performance sheet (issue 15 item 5): a native HYPERLINK, so an
 * executive reaches the dashboard in one click without the add-in; no link when the workbook has no such sheet.
 */
import { buildPortfolioSummary, describePortfolioIssue, PORTFOLIO_ROWS } from "../../../src/excel/sharing";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator, type WorkbookSnapshot } from "../../../src/playground/simulator";
import { aPortfolioRequest } from "./support";

jest.setTimeout(300_000);

const SHEET = "Portfolio Summary";
const DASHBOARD = "Q3 Performance";

/** The sample with a sheet the Performance tab recorded as its Contract Performance sheet (by id). */
async function sampleWithDashboard(): Promise<WorkbookSimulator> {
  const sample = buildSampleWorkbook();
  const snapshot: WorkbookSnapshot = { ...sample, sheets: [...sample.sheets, { name: DASHBOARD, cells: [["Contract performance"]] }] }; // prettier-ignore
  // Sheet ids follow the snapshot's order, so a first load tells the id the second one gives the sheet.
  const id = await new WorkbookSimulator(snapshot).excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(DASHBOARD).load("id");
    await context.sync();
    return sheet.id;
  });
  return new WorkbookSimulator({ ...snapshot, settings: { "payerContracts.performanceSheets": { version: 1, sheetIds: [id] } } }); // prettier-ignore
}

async function build(simulator: WorkbookSimulator): Promise<void> {
  const built = await buildPortfolioSummary(simulator.excel, aPortfolioRequest());
  if (!built.ok) throw new Error(describePortfolioIssue(built.issue));
}

describe("the portfolio summary's link to the dashboard", () => {
  test("links to the Contract Performance sheet built in the workbook, under the name it has now", async () => {
    const simulator = await sampleWithDashboard();
    await build(simulator);
    const link = simulator.cell(SHEET, PORTFOLIO_ROWS.dashboardLink, 0);
    expect(link.formula).toBe(
      `=HYPERLINK("#'${DASHBOARD}'!A1","Contract performance by contract and month (payment accuracy, denials, days to pay, actual vs modeled): sheet ${DASHBOARD}")`,
    );
    expect(link.value).toBe(
      `Contract performance by contract and month (payment accuracy, denials, days to pay, actual vs modeled): sheet ${DASHBOARD}`,
    );
  });

  test("has no link when the workbook has no Contract Performance sheet", async () => {
    const simulator = new WorkbookSimulator(buildSampleWorkbook());
    await build(simulator);
    const cell = simulator.cell(SHEET, PORTFOLIO_ROWS.dashboardLink, 0);
    expect([cell.formula, cell.value]).toEqual([null, null]);
  });
});
