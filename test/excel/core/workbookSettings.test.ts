// The workbook settings the add-in keeps, declared once: their keys, and reading and storing them through the one
// declared schema, against the workbook simulator.
import { ok } from "../../../src/engine";
import { readSheetsAndRecord } from "../../../src/excel/core/builtSheets";
import { runOperation } from "../../../src/excel/core/operation";
import {
  WORKBOOK_SETTINGS,
  readSetting,
  storeSettingStep,
  tableSetting,
  workbookSetting,
} from "../../../src/excel/core/workbookSettings";
import { WorkbookSimulator } from "../../../src/playground/simulator";

/** Stores `value` under `key` as a user (or another version of the add-in) could have. */
async function storedByHand(simulator: WorkbookSimulator, key: string, value: unknown): Promise<void> {
  await simulator.excel.run(async (context) => {
    context.workbook.settings.add(key, value as string);
    await context.sync();
  });
}

describe("the keys of the workbook settings", () => {
  it("keeps every setting under payerContracts.", () => {
    const keys = Object.values(WORKBOOK_SETTINGS).map((setting) => setting.key);

    expect(keys.filter((key) => !key.startsWith("payerContracts."))).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("keys a per-table setting by the table's name in lower case, as Excel's table names ignore case", () => {
    expect(tableSetting("claimsMapping", "Claims_2025").key).toBe("payerContracts.claimsMapping.claims_2025");
    expect(tableSetting("varianceReview", "CLAIMS").key).toBe(tableSetting("varianceReview", "claims").key);
  });
});

describe("reading and storing a setting", () => {
  it("reads back what a commit stored, with the schema's defaults filled in", async () => {
    const simulator = new WorkbookSimulator();
    const review = tableSetting("varianceReview", "Claims");
    await runOperation(simulator.excel, { what: "recording a review" }, async () =>
      ok({ output: null, steps: [storeSettingStep(review, { version: 1, tableName: "Claims" }, "record it")] }),
    );

    const read = await readSetting(simulator.excel, review);

    expect(read).toEqual({
      success: true,
      data: {
        version: 1,
        tableName: "Claims",
        payerContracts: {},
        tolerance: null,
        columns: [],
        summarySheetId: null,
        worklistSheetId: null,
      },
    });
  });

  it("reads a setting that was never stored as nothing", async () => {
    expect(await readSetting(new WorkbookSimulator().excel, workbookSetting("upliftModels"))).toBeUndefined();
  });

  it("reports a stored value its schema refuses (written by a newer version) instead of taking it", async () => {
    const simulator = new WorkbookSimulator();
    const models = workbookSetting("upliftModels");
    await storedByHand(simulator, models.key, { version: 2, models: [] });

    const read = await readSetting(simulator.excel, models);

    expect(read?.success).toBe(false);
  });

  it("refuses, when type-checking, a value its readers would refuse", () => {
    const portfolio = workbookSetting("portfolioSummaries");

    // @ts-expect-error a record of built sheets lists sheet ids as text
    const step = storeSettingStep(portfolio, { version: 1, sheetIds: [7] }, "record it");

    expect(step.describe).toBe("record it");
  });
});

describe("the record of sheets the add-in built", () => {
  it("is read with the workbook's sheets in one request", async () => {
    const simulator = new WorkbookSimulator({ sheets: [{ name: "Portfolio Summary", cells: [["Summary"]] }] });
    const summaries = workbookSetting("portfolioSummaries");
    await storedByHand(simulator, summaries.key, { version: 1, sheetIds: ["sheet-7"] });
    const before = simulator.requestLog.length;

    const read = await readSheetsAndRecord(simulator.excel, summaries, { version: 1, sheetIds: [] });

    expect(simulator.requestLog.length - before).toBe(1);
    expect(read.record).toEqual({ version: 1, sheetIds: ["sheet-7"] });
    expect(read.sheets.map((sheet) => sheet.name)).toEqual(["Portfolio Summary"]);
  });

  it("counts as empty when it cannot be read, so that no sheet is taken for one the add-in built", async () => {
    const simulator = new WorkbookSimulator();
    const models = workbookSetting("upliftModels");
    await storedByHand(simulator, models.key, "edited by hand");

    const read = await readSheetsAndRecord(simulator.excel, models, { version: 1, models: [] });

    expect(read.record).toEqual({ version: 1, models: [] });
  });
});
