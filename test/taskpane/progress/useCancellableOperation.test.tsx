import { FluentProvider, webLightTheme, Button } from "@fluentui/react-components";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { useMemo } from "react";
import type { ExcelGateway } from "../../../src/excel/core/excelGateway";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import type { Operation } from "../../../src/taskpane/progress/operation";
import { OperationProgress } from "../../../src/taskpane/progress/OperationProgress";
import { tableWriteOperation, type TableWriteInput } from "../../../src/taskpane/progress/tableWriteOperation";
import { useCancellableOperation } from "../../../src/taskpane/progress/useCancellableOperation";
import { aFeeSchedule, usersWorkbook, workbookState } from "../../excel/core/tableWriterBuilders";
import { excelBeforeEachSync } from "../../support/excelRequests";

/** A pane that runs one operation with the progress UI, as the import panels do. */
function Pane<Input>({ operation, input }: { operation: Operation<Input, unknown>; input: Input }) {
  const { state, start, cancel } = useCancellableOperation(operation);
  return (
    <FluentProvider theme={webLightTheme}>
      <Button onClick={() => void start(input)}>Write</Button>
      <OperationProgress state={state} onCancel={cancel} label="Writing the fee schedule" />
    </FluentProvider>
  );
}

function TableWritePane({ excel, input }: { excel: ExcelGateway; input: TableWriteInput }) {
  const operation = useMemo(() => tableWriteOperation(excel), [excel]);
  return <Pane operation={operation} input={input} />;
}

/** The simulator's Excel, holding request number `held` until `release` is called. */
function excelHoldingRequest(simulator: WorkbookSimulator, held: number) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const excel = excelBeforeEachSync(simulator, (request) => (request === held ? gate : undefined));
  return { excel, release: () => act(release) };
}

describe("a cancellable table write in the task pane", () => {
  it("shows the rows written so far while Excel works", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const { excel, release } = excelHoldingRequest(simulator, 4);
    render(<TableWritePane excel={excel} input={{ request: aFeeSchedule(12_000) }} />);

    fireEvent.click(screen.getByRole("button", { name: "Write" }));

    expect(await screen.findByText("5,000 of 12,000 rows")).toBeInTheDocument();
    await release();
    expect(await screen.findByText("Done")).toBeInTheDocument();
  });

  it("cancelling removes the partial sheet and says so", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const before = workbookState(simulator);
    const { excel, release } = excelHoldingRequest(simulator, 4);
    render(<TableWritePane excel={excel} input={{ request: aFeeSchedule(12_000) }} />);
    fireEvent.click(screen.getByRole("button", { name: "Write" }));
    await screen.findByText("5,000 of 12,000 rows");

    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await release();

    const title = await screen.findByText("Cancelled");
    expect(title.parentElement).toHaveTextContent("Nothing was changed: the workbook is as it was.");
    expect(workbookState(simulator)).toEqual(before);
  });

  it("says when the sheet exists instead of overwriting it", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    render(<TableWritePane excel={simulator.excel} input={{ request: aFeeSchedule(10, { sheetName: "Notes" }) }} />);

    fireEvent.click(screen.getByRole("button", { name: "Write" }));

    const title = await screen.findByText("Could not finish");
    expect(title.parentElement).toHaveTextContent('A sheet named "Notes" already exists.');
  });

  it("stops the operation when the pane closes", async () => {
    let signal: AbortSignal | undefined;
    const operation: Operation<void, null> = (_input, controls) => {
      signal = controls.signal;
      return new Promise(() => undefined); // never ends by itself
    };
    const { unmount } = render(<Pane operation={operation} input={undefined} />);
    fireEvent.click(screen.getByRole("button", { name: "Write" }));
    await screen.findByText("Starting…");

    unmount();

    expect(signal?.aborted).toBe(true);
  });

  it("shows an unexpected error as a failure with its message", async () => {
    const operation: Operation<void, null> = () => Promise.reject(new Error("The workbook is busy."));
    render(<Pane operation={operation} input={undefined} />);

    fireEvent.click(screen.getByRole("button", { name: "Write" }));

    expect((await screen.findByText("Could not finish")).parentElement).toHaveTextContent("The workbook is busy.");
  });
});
