import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { ExcelGatewayContext } from "../../../src/taskpane/ExcelGatewayContext";
import type { OperationState } from "../../../src/taskpane/progress/operation";
import { OperationProgress } from "../../../src/taskpane/progress/OperationProgress";

function show(state: OperationState<unknown>, onCancel = jest.fn()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <OperationProgress state={state} onCancel={onCancel} label="Writing the fee schedule" />
    </FluentProvider>,
  );
  return onCancel;
}

describe("the progress of a long operation", () => {
  it("shows how many rows of how many are written, on a bar that far along", () => {
    show({ status: "running", progress: { done: 12_000, total: 20_000 }, cancelRequested: false });

    expect(screen.getByText("12,000 of 20,000 rows")).toBeInTheDocument();
    expect(screen.getByRole("progressbar", { name: "Writing the fee schedule" })).toHaveAttribute(
      "aria-valuenow",
      "0.6",
    );
  });

  it("says about how long is left beside the counts", () => {
    show({ status: "running", progress: { done: 12_000, total: 40_000 }, cancelRequested: false, secondsLeft: 8 });

    expect(screen.getByText("12,000 of 40,000 rows").textContent).toBe("12,000 of 40,000 rows, about 8 s left");
  });

  it("says it is finishing once every row is written (what is left is saving it into the workbook)", () => {
    show({ status: "running", progress: { done: 20_000, total: 20_000 }, cancelRequested: false, secondsLeft: null });

    expect(screen.getByText("20,000 of 20,000 rows").textContent).toBe("20,000 of 20,000 rows, finishing…");
  });

  it("lets the user cancel while it runs", () => {
    const onCancel = show({ status: "running", progress: { done: 5_000, total: 20_000 }, cancelRequested: false });

    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));

    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it("says it is cancelling, and cannot be cancelled twice", () => {
    show({ status: "running", progress: { done: 5_000, total: 20_000 }, cancelRequested: true });

    expect(screen.getByText("Cancelling: removing what was written…")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Cancel" })).toBeDisabled();
  });

  it("shows a success message when done, without the Cancel button", () => {
    show({ status: "succeeded", value: null, message: 'Wrote 20,000 rows to table AcmePpo2026 on sheet "Acme".' });

    expect(screen.getByText("Done").parentElement).toHaveTextContent("Wrote 20,000 rows to table AcmePpo2026");
    expect(screen.queryByRole("button", { name: "Cancel" })).not.toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("shows why it failed", () => {
    show({ status: "failed", message: "Excel stopped the write after 1,000 of 3,000 rows (ItemNotFound)." });

    expect(screen.getByText("Could not finish").parentElement).toHaveTextContent("(ItemNotFound)");
  });

  it("says when it was cancelled", () => {
    show({ status: "cancelled", message: "Cancelled after 1,000 of 3,000 rows." });

    expect(screen.getByText("Cancelled").parentElement).toHaveTextContent("Cancelled after 1,000 of 3,000 rows.");
  });

  it("shows nothing before it starts", () => {
    const { container } = render(
      <OperationProgress state={{ status: "idle" }} onCancel={jest.fn()} label="Writing the fee schedule" />,
    );

    expect(container).toBeEmptyDOMElement();
  });

  describe("the sheets a success wrote", () => {
    const workbook = () =>
      new WorkbookSimulator({
        sheets: [
          { name: "Claims", cells: [["HCPCS Code"]] },
          { name: "Claims Variance", cells: [["Variance review"]] },
        ],
      });
    const succeeded: OperationState<{ summarySheet: string }> = {
      status: "succeeded",
      value: { summarySheet: "Claims Variance" },
      message: 'Reviewed 2,868 lines. See sheet "Claims Variance".',
    };
    function showDone(simulator: WorkbookSimulator, state = succeeded) {
      render(
        <ExcelGatewayContext.Provider value={simulator.excel}>
          <FluentProvider theme={webLightTheme}>
            <OperationProgress
              state={state}
              onCancel={jest.fn()}
              label="Writing the variance review"
              resultSheets={(value) => [value.summarySheet]}
            />
          </FluentProvider>
        </ExcelGatewayContext.Provider>,
      );
    }

    it("are linked under Done, and following a link selects that sheet in Excel", async () => {
      const simulator = workbook();
      showDone(simulator);

      fireEvent.click(screen.getByRole("button", { name: "Go to sheet “Claims Variance”" }));

      await waitFor(() => expect(simulator.activeSheetName()).toBe("Claims Variance"));
      await act(() => new Promise((resolve) => setTimeout(resolve, 20))); // the command's last state update
      expect(screen.queryByRole("status")).not.toBeInTheDocument();
    });

    it("are said to be gone when the user deleted the sheet since", async () => {
      const simulator = workbook();
      showDone(simulator, { ...succeeded, value: { summarySheet: "Old Summary" } });

      fireEvent.click(screen.getByRole("button", { name: "Go to sheet “Old Summary”" }));

      expect(await screen.findByText("That sheet is no longer in the workbook.")).toBeInTheDocument();
      expect(simulator.activeSheetName()).toBe("Claims");
    });
  });
});
