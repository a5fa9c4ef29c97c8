/** The simulator holds as many rows as Excel does: a year of claim lines is more than HyperFormula's default 40,000. */
import { WorkbookSimulator } from "../../../src/playground/simulator";

describe("a sheet's rows", () => {
  it("holds a claims table of 100,000 lines and sums its last column to the last line", () => {
    const lines = 100_000;
    const cells = [["Charge Amount"], ...Array.from({ length: lines }, () => [2]), [`=SUM(A2:A${lines + 1})`]];
    const simulator = new WorkbookSimulator({
      sheets: [{ name: "Claims", cells, tables: [{ name: "Claims", address: `A1:A${lines + 1}` }] }],
    });

    expect(simulator.cell("Claims", lines + 1, 0).value).toBe(2 * lines);
  });
});
