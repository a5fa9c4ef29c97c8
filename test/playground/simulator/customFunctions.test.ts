/** Custom functions run inside the simulator's formulas the way Excel runs them. */
import { CustomFunctionError, ErrorCode } from "../../../src/playground/customFunctionsShim";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { cellAt, run, typeInto } from "./helpers";

const calls: unknown[][] = [];

/** A function defined here, Excel-style: a scalar or a column in, the same shape out; `factor` optional. */
function double(amounts: unknown, factor: unknown): unknown {
  calls.push([amounts, factor]);
  const times = factor === null ? 2 : Number(factor);
  if (Array.isArray(amounts))
    return (amounts as unknown[][]).map((row) => [row[0] === null ? 0 : Number(row[0]) * times]);
  if (typeof amounts !== "number")
    return new CustomFunctionError(ErrorCode.invalidValue, `Expected a number, got "${String(amounts)}"`);
  return amounts * times;
}

function workbook(): WorkbookSimulator {
  return new WorkbookSimulator(
    { sheets: [{ name: "Sheet1", cells: [["Allowed", null], [10], [20], [null], [40]] }] },
    { customFunctions: new Map([["DOUBLE", double as (...args: unknown[]) => unknown]]) },
  );
}

/** The workbook above with one other function registered. */
function withFunction(id: string, fn: (...args: unknown[]) => unknown): WorkbookSimulator {
  return new WorkbookSimulator(
    { sheets: [{ name: "Sheet1", cells: [["Allowed", null], [10], [20], [null], [40]] }] },
    { customFunctions: new Map([[id, fn]]) },
  );
}

/** A promise settled by the test, as a custom function waiting for the registry returns. */
function deferred(): { promise: Promise<unknown>; resolve(value: unknown): void } {
  let resolve: (value: unknown) => void = () => undefined;
  const promise = new Promise<unknown>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe("custom functions in formulas", () => {
  beforeEach(() => (calls.length = 0));

  it("returns a scalar for scalar arguments, with an omitted optional argument passed as null", () => {
    const simulator = workbook();
    typeInto(simulator, "Sheet1", "C2", "=PAYER.DOUBLE(A2)");
    expect(cellAt(simulator, "Sheet1", "C2").value).toBe(20);
    expect(calls.at(-1)).toEqual([10, null]);
  });

  it("passes an explicit optional argument", () => {
    const simulator = workbook();
    typeInto(simulator, "Sheet1", "C2", "=PAYER.DOUBLE(A2, 3)");
    expect(cellAt(simulator, "Sheet1", "C2").value).toBe(30);
  });

  it("passes a range as a 2-D array with null for empty cells, and spills the column it returns", () => {
    const simulator = workbook();
    typeInto(simulator, "Sheet1", "C2", "=PAYER.DOUBLE(A2:A5)");
    expect(calls.at(-1)).toEqual([[[10], [20], [null], [40]], null]);
    expect(["C2", "C3", "C4", "C5"].map((a) => cellAt(simulator, "Sheet1", a).value)).toEqual([20, 40, 0, 80]);
  });

  it("turns a CustomFunctions.Error into the cell error, keeping its message", () => {
    const simulator = workbook();
    typeInto(simulator, "Sheet1", "C2", '=PAYER.DOUBLE("ten")');
    expect(cellAt(simulator, "Sheet1", "C2")).toMatchObject({
      value: "#VALUE!",
      errorMessage: 'Expected a number, got "ten"',
    });
  });

  it("recomputes when an argument changes through the API", async () => {
    const simulator = workbook();
    typeInto(simulator, "Sheet1", "C2", "=PAYER.DOUBLE(A2)");
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[50]];
      await context.sync();
    });
    expect(cellAt(simulator, "Sheet1", "C2").value).toBe(100);
  });

  it("recalculates custom functions on application.calculate, keeping their spills", async () => {
    let factor = 2;
    const scaled = (amounts: unknown) => (amounts as unknown[][]).map((row) => [Number(row[0]) * factor]);
    const simulator = new WorkbookSimulator(
      { sheets: [{ name: "Sheet1", cells: [[10], [20], [30]] }] },
      { customFunctions: new Map([["SCALED", scaled as (...args: unknown[]) => unknown]]) },
    );
    typeInto(simulator, "Sheet1", "B1", "=PAYER.SCALED(A1:A3)");
    factor = 3; // state the formula engine cannot see, like the registry cache

    await run(simulator, async (context) => {
      context.workbook.application.calculate(simulator.excel.CalculationType.full);
      await context.sync();
    });

    expect(["B1", "B2", "B3"].map((a) => cellAt(simulator, "Sheet1", a).value)).toEqual([30, 60, 90]);
  });

  it("resizes a spill when the number of rows it returns changes", () => {
    const nonEmpty = (values: unknown) => (values as unknown[][]).filter((row) => row[0] !== null);
    const simulator = new WorkbookSimulator(
      { sheets: [{ name: "Sheet1", cells: [[1, "=PAYER.NON_EMPTY(A1:A3)"], [null], [3]] }] },
      { customFunctions: new Map([["NON_EMPTY", nonEmpty as (...args: unknown[]) => unknown]]) },
    );
    expect(["B1", "B2", "B3"].map((a) => cellAt(simulator, "Sheet1", a).value)).toEqual([1, 3, null]);
    typeInto(simulator, "Sheet1", "A2", "2");
    expect(["B1", "B2", "B3"].map((a) => cellAt(simulator, "Sheet1", a).value)).toEqual([1, 2, 3]);
  });

  it.each([ErrorCode.notAvailable, ErrorCode.invalidNumber, ErrorCode.divisionByZero, ErrorCode.invalidValue])(
    "shows a thrown CustomFunctions.Error's own code %s in a single cell, with its message",
    (code) => {
      const simulator = withFunction("FAIL", () => {
        throw new CustomFunctionError(code, "No contract named Nope");
      });
      typeInto(simulator, "Sheet1", "C2", "=PAYER.FAIL(A2)");
      expect(cellAt(simulator, "Sheet1", "C2")).toMatchObject({ value: code, errorMessage: "No contract named Nope" });
    },
  );

  it("shows an error's own code in its row of a spill, the other rows keeping their values", () => {
    const simulator = withFunction("PER_ROW", (amounts) =>
      (amounts as unknown[][]).map(([amount]) =>
        amount === null ? [new CustomFunctionError(ErrorCode.notAvailable, "No amount")] : [amount],
      ),
    );
    typeInto(simulator, "Sheet1", "C2", "=PAYER.PER_ROW(A2:A5)");
    expect(["C2", "C3", "C4", "C5"].map((a) => cellAt(simulator, "Sheet1", a).value)).toEqual([10, 20, "#N/A", 40]);
  });

  it("shows #BUSY! while a function's promise is pending, then its result", async () => {
    const answer = deferred();
    const simulator = withFunction("LATER", () => answer.promise);
    typeInto(simulator, "Sheet1", "C2", "=PAYER.LATER(A2)");
    expect(cellAt(simulator, "Sheet1", "C2").value).toBe("#BUSY!");
    answer.resolve(42);
    await simulator.whenIdle();
    expect(cellAt(simulator, "Sheet1", "C2").value).toBe(42);
  });

  it("tells the grid when a pending result arrives, so the cell is drawn again", async () => {
    const answer = deferred();
    const simulator = withFunction("LATER", () => answer.promise);
    typeInto(simulator, "Sheet1", "C2", "=PAYER.LATER(A2)");
    const changes: unknown[] = [];
    simulator.subscribe((change) => changes.push(change));
    answer.resolve(42);
    await simulator.whenIdle();
    expect(changes).toContainEqual({ kind: "cells", sheet: "Sheet1", address: "C2" });
  });

  it("spills a column that arrives asynchronously once it has arrived", async () => {
    const simulator = withFunction("LATER", (amounts) => Promise.resolve(amounts));
    typeInto(simulator, "Sheet1", "C2", "=PAYER.LATER(A2:A3)");
    await simulator.whenIdle();
    expect(["C2", "C3"].map((a) => cellAt(simulator, "Sheet1", a).value)).toEqual([10, 20]);
  });

  it("shows a rejected promise's CustomFunctions.Error code, as a thrown one", async () => {
    const simulator = withFunction("LATER", () =>
      Promise.reject(new CustomFunctionError(ErrorCode.notAvailable, "Not on the schedule")),
    );
    typeInto(simulator, "Sheet1", "C2", "=PAYER.LATER(A2)");
    await simulator.whenIdle();
    expect(cellAt(simulator, "Sheet1", "C2")).toMatchObject({ value: "#N/A", errorMessage: "Not on the schedule" });
  });

  it("shows #NAME? for a function that is not registered", () => {
    const simulator = workbook();
    typeInto(simulator, "Sheet1", "C2", "=PAYER.NOPE(A2)");
    expect(cellAt(simulator, "Sheet1", "C2").value).toBe("#NAME?");
  });
});
