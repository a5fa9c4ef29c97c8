/** The Sharing panel's commands, run against the workbook simulator. */
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { repairCommand } from "../../../src/taskpane/sharing/sharingCommands";

describe("the repair command", () => {
  it("stops when the user cancels, says so, and changes nothing", async () => {
    const simulator = new WorkbookSimulator({
      sheets: [{ name: "Rates", cells: [[true, "=PAYER.DENIAL_RATE(A1)"]] }],
    }); // opened without the add-in: the formula shows #NAME?
    const before = simulator.describe();
    const cancel = new AbortController();
    cancel.abort();

    const outcome = await repairCommand.run(simulator.excel, {
      sheetNames: null,
      restoreFrozen: false,
      signal: cancel.signal,
    });

    expect(outcome).toEqual({
      ok: false,
      cancelled: true,
      message: "The repair of formulas was cancelled. Nothing was changed: the workbook is as it was.",
    });
    expect(simulator.describe()).toEqual(before);
  });
});
