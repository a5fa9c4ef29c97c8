/**
 * The record of frozen cells across freezes and repairs: entries accumulate, restored ones leave, rows the add-in does
 * not recognise stay, its cells are text, and a record it cannot recognise as its own is never replaced.
 */
import "../../functions/support/installShim"; // first: the functions associate themselves when they load
import "../../../src/functions/functions";
import {
  describeSharingIssue,
  freezeForSharing,
  FROZEN_RECORD_SHEET,
  previewFreeze,
  readFrozenRecord,
  repairFormulas,
} from "../../../src/excel/sharing";
import type { ExcelGateway } from "../../../src/excel/core/excelGateway";
import type { WorkbookSimulator } from "../../../src/playground/simulator";
import { excelWithFault } from "../../support/faults";
import { DETAIL, perRowRate, sharingWorkbook } from "./support";

jest.setTimeout(30_000);

const NOW = new Date("2025-07-01T09:30:00Z");

async function frozen(excel: ExcelGateway, sheets: string[]) {
  const result = await freezeForSharing(excel, sheets, { now: () => NOW });
  if (!result.ok) throw new Error(describeSharingIssue(result.issue));
}

const rangesRecorded = async (simulator: WorkbookSimulator) =>
  (await readFrozenRecord(simulator.excel)).map((entry) => `${entry.sheet}!${entry.range}`);

const PER_ROW_RANGES = ["Claims!G2", "Claims!G3", "Claims!G4", "Claims!G5", "Claims!G6"];

describe("the record of frozen cells", () => {
  it("keeps the entries of an earlier freeze when a later one adds its own", async () => {
    const simulator = sharingWorkbook();
    await frozen(simulator.excel, ["Claims"]);
    await frozen(simulator.excel, ["Pricing"]);
    expect(await rangesRecorded(simulator)).toEqual([...PER_ROW_RANGES, "Pricing!A3:F6"]);
    expect(simulator.sheetNames()).toEqual(["Claims", "Pricing", FROZEN_RECORD_SHEET]);
  });

  it("lists each formula as text, in cells formatted as text", async () => {
    const simulator = sharingWorkbook();
    await frozen(simulator.excel, ["Claims"]);
    const record = simulator.describe().sheets.find((s) => s.name === FROZEN_RECORD_SHEET)!;
    expect(record.cells.C5).toEqual({ value: perRowRate(2), numberFormat: "@" });
  });

  it("loses only the entries a repair restored", async () => {
    const simulator = sharingWorkbook();
    await frozen(simulator.excel, ["Claims", "Pricing"]);

    const result = await repairFormulas(simulator.excel, { sheetNames: ["Pricing"], restoreFrozen: true });

    expect(result.ok && result.value.restored).toBe(1);
    expect(simulator.cell("Pricing", 2, 0).formula).toBe(DETAIL);
    expect(await rangesRecorded(simulator)).toEqual(PER_ROW_RANGES);
  });

  it("keeps a row edited by hand as it is, and does not restore it", async () => {
    const simulator = sharingWorkbook();
    await frozen(simulator.excel, ["Claims"]);
    simulator.setCellInput(FROZEN_RECORD_SHEET, 4, 1, "the first claim");

    const result = await repairFormulas(simulator.excel, { sheetNames: ["Claims"], restoreFrozen: true });

    expect(result.ok && result.value.restored).toBe(4);
    expect(simulator.cell("Claims", 1, 6).formula).toBeNull();
    expect(await readFrozenRecord(simulator.excel)).toEqual([
      { sheet: "Claims", range: "the first claim", formula: perRowRate(2), frozenAt: "2025-07-01 09:30 UTC" },
    ]);
  });

  it("is not replaced once it was moved to a sheet of another name: the freeze stops, changing nothing", async () => {
    const simulator = sharingWorkbook();
    await frozen(simulator.excel, ["Claims"]);
    await simulator.excel.run(async (context) => {
      context.workbook.worksheets.getItem(FROZEN_RECORD_SHEET).name = "Audit trail";
      await context.sync();
    });
    const before = simulator.describe();

    const result = await freezeForSharing(simulator.excel, ["Pricing"], { now: () => NOW });

    expect(result.ok ? "frozen" : describeSharingIssue(result.issue)).toBe(
      'The record of frozen cells (table FrozenForSharing) is on the sheet "Audit trail", not on "Frozen for ' +
        'sharing". Rename that sheet back to "Frozen for sharing", then try again. Nothing was changed.',
    );
    expect(simulator.describe()).toEqual(before);
  });
});

describe("the review of a freeze", () => {
  it("says in the user's words that Excel could not read the workbook, and that nothing was changed", async () => {
    const simulator = sharingWorkbook();
    const excel = excelWithFault(simulator, { request: 1, mode: "refused" });
    const preview = await previewFreeze(excel, ["Claims"]);
    expect(preview.ok ? "previewed" : describeSharingIssue(preview.issue)).toBe(
      "The review of the freeze did not complete: Excel could not read the workbook: a cell is being edited: press " +
        "Enter or Esc in the sheet, then try again (Excel error InvalidOperationInCellEditMode). Nothing was " +
        "changed: the workbook is as it was.",
    );
  });
});
