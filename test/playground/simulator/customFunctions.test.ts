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

  it("shows #NAME? for a function that is not registered", () => {
    const simulator = workbook();
    typeInto(simulator, "Sheet1", "C2", "=PAYER.NOPE(A2)");
    expect(cellAt(simulator, "Sheet1", "C2").value).toBe("#NAME?");
  });
});
