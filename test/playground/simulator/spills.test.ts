/** Finding a spill from its anchor and the anchor from a spilled cell (ExcelApi 1.12), for custom functions. */
import { ErrorCodes, WorkbookSimulator } from "../../../src/playground/simulator";
import { rejectionOf, run, typeInto } from "./helpers";

/** A custom function that returns a column of results for a column of amounts, as the PAYER functions do. */
const withAUpliftColumn = () =>
  new WorkbookSimulator(
    { sheets: [{ name: "Model", cells: [["Allowed Amount", "Uplifted"], [92.5], [3.1], [260]] }] },
    {
      customFunctions: new Map([
        ["UPLIFT", (amounts: unknown) => (amounts as number[][]).map(([amount]) => [(amount ?? 0) * 1.05])],
      ]),
    },
  );

async function addresses(
  simulator: WorkbookSimulator,
  find: (cell: Excel.Range) => Excel.Range,
  cell: string,
): Promise<string | null> {
  return run(simulator, async (context) => {
    const found = find(context.workbook.worksheets.getItem("Model").getRange(cell)).load("address");
    await context.sync();
    return found.isNullObject ? null : found.address;
  });
}

describe("spills of a custom function", () => {
  it("gives the range an anchor cell spills into", async () => {
    const simulator = withAUpliftColumn();
    typeInto(simulator, "Model", "B2", "=PAYER.UPLIFT(A2:A4)");
    expect(await addresses(simulator, (c) => c.getSpillingToRangeOrNullObject(), "B2")).toBe("Model!B2:B4");
    expect(await addresses(simulator, (c) => c.getSpillingToRange(), "B2")).toBe("Model!B2:B4");
  });

  it("gives the anchor of a spilled cell, and of the anchor itself", async () => {
    const simulator = withAUpliftColumn();
    typeInto(simulator, "Model", "B2", "=PAYER.UPLIFT(A2:A4)");
    expect(await addresses(simulator, (c) => c.getSpillParentOrNullObject(), "B4")).toBe("Model!B2");
    expect(await addresses(simulator, (c) => c.getSpillParent(), "B2")).toBe("Model!B2");
  });

  it("gives null objects for a cell outside any spill and for a range of several cells", async () => {
    const simulator = withAUpliftColumn();
    typeInto(simulator, "Model", "B2", "=PAYER.UPLIFT(A2:A4)");
    expect(await addresses(simulator, (c) => c.getSpillParentOrNullObject(), "A2")).toBeNull();
    expect(await addresses(simulator, (c) => c.getSpillingToRangeOrNullObject(), "B3")).toBeNull();
    expect(await addresses(simulator, (c) => c.getSpillingToRangeOrNullObject(), "B2:B4")).toBeNull();
  });

  it("has no spill when the result is one value", async () => {
    const simulator = withAUpliftColumn();
    typeInto(simulator, "Model", "B2", "=PAYER.UPLIFT(A2)");
    expect(await addresses(simulator, (c) => c.getSpillingToRangeOrNullObject(), "B2")).toBeNull();
  });

  it("has no spill when the spill is blocked by a value in its way (#SPILL!)", async () => {
    const simulator = withAUpliftColumn();
    typeInto(simulator, "Model", "B4", "typed by the user");
    typeInto(simulator, "Model", "B2", "=PAYER.UPLIFT(A2:A4)");
    expect(await addresses(simulator, (c) => c.getSpillingToRangeOrNullObject(), "B2")).toBeNull();
  });

  it("fails the request with ItemNotFound where the non-null form finds nothing", async () => {
    const simulator = withAUpliftColumn();
    const error = await rejectionOf(addresses(simulator, (c) => c.getSpillParent(), "A2"));
    expect(error.code).toBe(ErrorCodes.itemNotFound);
  });
});
