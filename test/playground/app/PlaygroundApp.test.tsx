/**
 * The playground window follows the workbook: when the task pane deletes the sheet on show (a repair after a freeze
 * deletes "Frozen for sharing"), the page keeps working and shows the active sheet instead of failing to draw.
 */
import { act, render, screen } from "@testing-library/react";
import { PlaygroundApp } from "../../../src/playground/PlaygroundApp";
import { WorkbookSimulator } from "../../../src/playground/simulator";

describe("the playground window", () => {
  // jsdom lays nothing out: the grid's scrolling is a no-op here.
  beforeAll(() => {
    Element.prototype.scrollTo = () => undefined;
  });

  it("shows the active sheet, without an error, when the sheet on show is deleted", async () => {
    const simulator = new WorkbookSimulator({
      sheets: [
        { name: "Claims", cells: [["Claim ID"], ["C-1"]] },
        { name: "Frozen for sharing", cells: [["frozen"]] },
      ],
    });
    await simulator.excel.run(async (context) => {
      context.workbook.worksheets.getItem("Frozen for sharing").activate();
      await context.sync();
    });
    render(<PlaygroundApp workbook={simulator} taskPane={null} />);
    expect(screen.getByRole("tab", { name: "Frozen for sharing" })).toHaveAttribute("aria-selected", "true");

    await act(async () => {
      await simulator.excel.run(async (context) => {
        context.workbook.worksheets.getItem("Claims").activate();
        context.workbook.worksheets.getItem("Frozen for sharing").delete();
        await context.sync();
      });
    });

    expect(screen.queryByRole("tab", { name: "Frozen for sharing" })).toBeNull();
    expect(screen.getByRole("tab", { name: "Claims" })).toHaveAttribute("aria-selected", "true");
  });
});
