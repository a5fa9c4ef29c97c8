/** Formula evaluation: recalculation after API writes and typed edits, errors, names, calculate. */
import { WorkbookSimulator, type SimulatorChange } from "../../../src/playground/simulator";
import { cellAt, claimsWorkbook, run, typeInto } from "./helpers";

describe("formulas", () => {
  it("recalculates after an API write", async () => {
    const simulator = new WorkbookSimulator({ sheets: [{ name: "Sheet1", cells: [[100, "=A1*1.05"]] }] });
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[200]];
      await context.sync();
    });
    expect(cellAt(simulator, "Sheet1", "B1").value).toBe(210);
  });

  it("recalculates after a typed edit and tells subscribers", () => {
    const simulator = new WorkbookSimulator({ sheets: [{ name: "Sheet1", cells: [[100, "=A1*1.05"]] }] });
    const changes: SimulatorChange[] = [];
    simulator.subscribe((change) => changes.push(change));
    typeInto(simulator, "Sheet1", "A1", "300");
    expect(cellAt(simulator, "Sheet1", "B1").value).toBe(315);
    expect(changes).toContainEqual({ kind: "cells", sheet: "Sheet1", address: "A1" });
  });

  it("shows errors as Excel's error texts", () => {
    const simulator = new WorkbookSimulator({
      sheets: [{ name: "Sheet1", cells: [["=1/0", '=VLOOKUP("x",F1:G1,2,FALSE)', "=NOSUCH()", '="a"+1']] }],
    });
    expect(["A1", "B1", "C1", "D1"].map((a) => cellAt(simulator, "Sheet1", a).value)).toEqual([
      "#DIV/0!",
      "#N/A",
      "#NAME?",
      "#VALUE!",
    ]);
  });

  it("evaluates cross-sheet references and workbook names", () => {
    const simulator = new WorkbookSimulator({
      ...claimsWorkbook(),
      names: [{ name: "Uplift", formula: "=Contract!$B$1" }],
    });
    typeInto(simulator, "Contract", "A2", "=Claims!E2*(1+Uplift)");
    expect(cellAt(simulator, "Contract", "A2").value).toBeCloseTo(97.125, 10);
  });

  it("recalculates on application.calculate", async () => {
    const simulator = new WorkbookSimulator({ sheets: [{ name: "Sheet1", cells: [[1, "=A1+1"]] }] });
    await run(simulator, async (context) => {
      context.workbook.application.calculate(simulator.excel.CalculationType.full as Excel.CalculationType);
      await context.sync();
    });
    expect(cellAt(simulator, "Sheet1", "B1").value).toBe(2);
  });

  it("parses typed text as Excel does: numbers, dates with a date format, text", () => {
    const simulator = new WorkbookSimulator();
    typeInto(simulator, "Sheet1", "A1", "1,234.5");
    typeInto(simulator, "Sheet1", "A2", "2025-01-15");
    typeInto(simulator, "Sheet1", "A3", "CO-45");
    expect(cellAt(simulator, "Sheet1", "A1").value).toBe(1234.5);
    expect(cellAt(simulator, "Sheet1", "A2")).toMatchObject({ value: 45672, text: "2025-01-15" });
    expect(cellAt(simulator, "Sheet1", "A3").value).toBe("CO-45");
  });

  it("compares texts by their own date reading each time, however often it met them", () => {
    const simulator = new WorkbookSimulator({
      sheets: [{ name: "Sheet1", cells: [["'2025-01-15", "'2025-02-01", "'Aetna"]] }],
    });
    typeInto(simulator, "Sheet1", "A2", "=A1<B1");
    typeInto(simulator, "Sheet1", "B2", "=B1<A1");
    typeInto(simulator, "Sheet1", "C2", '=A1<"2025-01-16"');
    typeInto(simulator, "Sheet1", "D2", '=C1="aetna"');
    typeInto(simulator, "Sheet1", "E2", "=A1<B1");
    const values = ["A2", "B2", "C2", "D2", "E2"].map((a) => cellAt(simulator, "Sheet1", a).value);
    expect(values).toEqual([true, false, true, true, true]);
  });
});
