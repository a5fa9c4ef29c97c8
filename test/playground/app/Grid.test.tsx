/** The grid paints what the workbook's formats say: fills, fonts, set column widths and frozen rows. */
import { act, render, within } from "@testing-library/react";
import { PlaygroundApp } from "../../../src/playground/PlaygroundApp";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { claimsWorkbook, run } from "../simulator/helpers";

/** The claims sheet, formatted by `format` through the API, shown in the playground window. */
async function shown(format: (sheet: Excel.Worksheet) => void) {
  const simulator = new WorkbookSimulator(claimsWorkbook());
  await run(simulator, async (context) => {
    format(context.workbook.worksheets.getItem("Claims"));
    await context.sync();
  });
  const view = render(<PlaygroundApp workbook={simulator} taskPane={null} />);
  return {
    simulator,
    view,
    cell: (address: string) => view.container.querySelector<HTMLElement>(`[data-address="${address}"]`)!,
  };
}

describe("the grid's look", () => {
  beforeAll(() => {
    Element.prototype.scrollTo = () => undefined; // jsdom lays nothing out
  });

  it("paints a header with the fill and bold white font the workbook gives it", async () => {
    const { cell } = await shown((sheet) =>
      sheet.getRange("A1:E1").format.set({ fill: { color: "#1F4E79" }, font: { bold: true, color: "#FFFFFF" } }),
    );
    expect(cell("B1")).toHaveStyle({ backgroundColor: "#1F4E79", color: "#FFFFFF", fontWeight: "700" });
    expect(cell("B2").style.backgroundColor).toBe("");
  });

  it("draws a column at the width the workbook sets, in points scaled as the grid scales its font", async () => {
    const { cell } = await shown((sheet) => {
      sheet.getRange("B1").format.columnWidth = 110;
    });
    expect(cell("B2")).toHaveStyle({ width: "130px" });
  });

  it("shows the next sheet, without an error, when the sheet on show with its chart and rules is deleted", async () => {
    const { simulator, view } = await shown((sheet) => {
      sheet.charts
        .add("ColumnClustered" as Excel.ChartType, sheet.getRange("B1:E4"), "Columns" as Excel.ChartSeriesBy)
        .setPosition("G2", "L12");
      sheet.getRange("E2:E4").conditionalFormats.add("Custom" as Excel.ConditionalFormatType).custom.rule.formula =
        "=E2<100";
    });
    expect(view.getAllByTestId("chart")).toHaveLength(1);
    await act(async () => {
      await run(simulator, async (context) => {
        context.workbook.worksheets.getItem("Claims").delete();
        await context.sync();
      });
    });
    expect(view.getByRole("tab", { name: "Contract" })).toHaveAttribute("aria-selected", "true");
    expect(view.queryByTestId("chart")).toBeNull();
  });

  it("keeps frozen rows in the block that stays at the top while the sheet scrolls", async () => {
    const { view } = await shown((sheet) => sheet.freezePanes.freezeRows(1));
    const frozen = await act(async () => view.getByTestId("frozen-rows"));
    expect(within(frozen).getByText("HCPCS Code")).toBeInTheDocument();
    expect(within(frozen).queryByText("99213")).toBeNull();
  });
});
