/** A claims table an operation reads several ways is read from Excel once (issue 20: the portfolio read it 3 times). */
import { readTableColumns, sharedTableRead } from "../../../src/excel/claims/tableColumnsRead";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { smallClaimsWorkbook } from "../upliftModel/support";

const rows = [
  ["C1", "2025-03-04", "Acme", "99213", 1, 150, 96.62],
  ["C2", "2025-03-05", "Summit", "99214", 2, 300, 180],
] as const;

describe("a table read shared by an operation", () => {
  it("reads the declared columns once and answers later asks within them from memory", async () => {
    const simulator = new WorkbookSimulator(smallClaimsWorkbook(rows));
    const read = sharedTableRead(simulator.excel, "Claims", ["CPT", "Allowed", "Payer", "Billed"]);

    const first = await read("Claims", ["CPT", "Allowed"]);
    const requestsAfterFirst = simulator.requestLog.length;
    const second = await read("claims", ["Payer", "Billed"]);
    const third = await read("Claims", ["CPT"]);

    expect(simulator.requestLog.length).toBe(requestsAfterFirst);
    expect(first?.columns.get("allowed")).toEqual([96.62, 180]);
    expect(second?.columns.get("payer")).toEqual(["Acme", "Summit"]);
    expect(third?.columns.get("cpt")).toEqual(["99213", "99214"]);
  });

  it("reads from Excel a column it was not declared with, as a reader without sharing does", async () => {
    const simulator = new WorkbookSimulator(smallClaimsWorkbook(rows));
    const read = sharedTableRead(simulator.excel, "Claims", ["CPT"]);
    await read("Claims", ["CPT"]);
    const before = simulator.requestLog.length;

    const units = await read("Claims", ["Units"]);

    expect(simulator.requestLog.length).toBeGreaterThan(before);
    expect(units?.columns.get("units")).toEqual((await readTableColumns(simulator.excel, "Claims", ["Units"]))?.columns.get("units")); // prettier-ignore
  });
});
