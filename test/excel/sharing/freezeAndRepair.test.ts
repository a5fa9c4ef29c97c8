/**
 * Freeze for sharing and Repair formulas, through the simulator on the sample workbook with a sheet of PAYER.*
 * formulas: a single result, a text trace, an error, and a spilled table; plus native formulas that must stay live.
 */
import {
  describeSharingIssue,
  freezeForSharing,
  FROZEN_RECORD_SHEET,
  FROZEN_RECORD_TABLE,
  previewFreeze,
  previewRepair,
  readFrozenRecord,
  repairFormulas,
} from "../../../src/excel/sharing";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator, type WorkbookSnapshot } from "../../../src/playground/simulator";
import { associated } from "../../functions/support/installShim";
import { simulatorWithRegistry } from "../../formulas/support";
import { cellsOf, formulasOn, lateAddIn, valuesOn } from "./support";

jest.setTimeout(120_000);

const NOW = new Date("2025-07-01T09:30:00Z");
const PAYMENT = '=PAYER.EXPECTED_PAYMENT("Acme Health PPO","99213",,1,,"2025-03-01")';
const TRACE = '=PAYER.PRICING_TRACE("Acme Health PPO","99213",,1,,"2025-03-01")';
const UNKNOWN = '=PAYER.EXPECTED_PAYMENT("No Such Contract","99213",,1,,"2025-03-01")';
const DETAIL = '=PAYER.UPLIFT_SCENARIO(Claims[HCPCS Code],Claims[Allowed Amount],5%,3,,,,"detail")';

/** The sample workbook with a "Pricing" sheet of PAYER formulas and native formulas over their results. */
function pricingWorkbook(): WorkbookSnapshot {
  const snapshot = buildSampleWorkbook();
  snapshot.sheets.push({
    name: "Pricing",
    cells: [
      ["Payment", PAYMENT, "Code as text", "00123"],
      ["Trace", TRACE],
      ["Unknown contract", UNKNOWN],
      ["Doubled", "=B1*2"],
      ["Top codes"],
      [DETAIL],
    ],
    numberFormats: [{ address: "D1", format: "@" }],
  });
  return snapshot;
}

async function frozen(simulator: WorkbookSimulator, sheets = ["Pricing"]) {
  const result = await freezeForSharing(simulator.excel, sheets, { now: () => NOW });
  if (!result.ok) throw new Error(describeSharingIssue(result.issue));
  return result.value;
}

describe("freeze for sharing", () => {
  it("lists, before changing anything, how many PAYER formulas each chosen sheet holds", async () => {
    const simulator = await simulatorWithRegistry(pricingWorkbook());
    const preview = await previewFreeze(simulator.excel, ["Pricing", "Claims"]);
    expect(preview).toEqual({
      ok: true,
      value: [
        { sheet: "Pricing", formulaCells: 4, notCalculated: 0 },
        { sheet: "Claims", formulaCells: 0, notCalculated: 0 },
      ],
    });
    expect(formulasOn(simulator, "Pricing")).toContain(DETAIL);
  });

  it("leaves no PAYER formula on the frozen sheet and every value as it was, spilled cells included", async () => {
    const simulator = await simulatorWithRegistry(pricingWorkbook());
    const before = valuesOn(simulator, "Pricing");
    expect(before[5]![1]).not.toBe(""); // the detail table spills right and down from A6

    const report = await frozen(simulator);

    expect(formulasOn(simulator, "Pricing").filter((f) => /PAYER\./i.test(f))).toEqual([]);
    const after = valuesOn(simulator, "Pricing").map((row) => row.slice(0, before[0]!.length));
    expect(after.slice(0, before.length)).toEqual(before);
    const detailRows = before.slice(5).filter((row) => row[0] !== "").length;
    expect(detailRows).toBeGreaterThan(20); // every code of the sample, one row each
    expect(report.sheets[0]).toMatchObject({ sheet: "Pricing", formulaCells: 4, spilledCells: detailRows * 6 - 1 });
  });

  it("keeps text as text and errors as errors", async () => {
    const simulator = await simulatorWithRegistry(pricingWorkbook());
    const code = simulator.cell("Pricing", 5, 1).value; // the detail table's first code, text like "99213"
    const error = simulator.cell("Pricing", 2, 1).value;
    expect(error).toMatch(/^#/);
    await frozen(simulator);
    expect(simulator.cell("Pricing", 5, 1).value).toBe(code);
    expect(typeof simulator.cell("Pricing", 5, 1).value).toBe("string");
    expect(simulator.cell("Pricing", 2, 1).value).toBe(error);
    expect(simulator.cell("Pricing", 2, 1).formula).toBeNull();
    expect(simulator.cell("Pricing", 0, 3).value).toBe("00123");
  });

  it("leaves native formulas live", async () => {
    const simulator = await simulatorWithRegistry(pricingWorkbook());
    await frozen(simulator);
    expect(simulator.cell("Pricing", 3, 1).formula).toBe("=B1*2");
    expect(simulator.cell("Pricing", 3, 1).value).toBe((simulator.cell("Pricing", 0, 1).value as number) * 2);
  });

  it("records sheet, range, original formula and time of every frozen cell", async () => {
    const simulator = await simulatorWithRegistry(pricingWorkbook());
    await frozen(simulator);
    const record = await readFrozenRecord(simulator.excel);
    expect(record).toEqual([
      { sheet: "Pricing", range: "B1", formula: PAYMENT, frozenAt: "2025-07-01 09:30 UTC" },
      { sheet: "Pricing", range: "B2", formula: TRACE, frozenAt: "2025-07-01 09:30 UTC" },
      { sheet: "Pricing", range: "B3", formula: UNKNOWN, frozenAt: "2025-07-01 09:30 UTC" },
      {
        sheet: "Pricing",
        range: `A6:F${simulator.usedSize("Pricing").rows}`,
        formula: DETAIL,
        frozenAt: "2025-07-01 09:30 UTC",
      },
    ]);
    expect(simulator.tables().find((t) => t.name === FROZEN_RECORD_TABLE)?.sheet).toBe(FROZEN_RECORD_SHEET);
  });

  it("stamps the frozen sheet with the time its values are as of", async () => {
    const simulator = await simulatorWithRegistry(pricingWorkbook());
    await frozen(simulator);
    const texts = cellsOf(simulator, "Pricing")
      .flat()
      .map((c) => c.value);
    expect(texts).toContain(
      `Values frozen for sharing 2025-07-01 09:30 UTC: 4 PAYER formulas replaced by their values (see sheet "${FROZEN_RECORD_SHEET}").`,
    );
  });

  it("does not freeze formulas showing #NAME?: there is no value to keep", async () => {
    const simulator = new WorkbookSimulator(pricingWorkbook()); // opened without the add-in
    const report = await frozen(simulator);
    expect(report.sheets[0]).toMatchObject({ formulaCells: 0, notCalculated: 4 });
    expect(simulator.cell("Pricing", 0, 1).formula).toBe(PAYMENT);
  });

  it("freezes thousands of cells in a few requests, each within Excel on the web's size limit", async () => {
    const rows = 3_000;
    const simulator = new WorkbookSimulator(
      {
        sheets: [
          {
            name: "Rates",
            cells: Array.from({ length: rows }, (_, i) => [i % 7 === 0, `=PAYER.DENIAL_RATE(A${i + 1})`]),
          },
        ],
      },
      { customFunctions: associated },
    );
    const requestsBefore = simulator.requestLog.length;

    const report = await frozen(simulator, ["Rates"]);

    expect(report.sheets[0]).toMatchObject({ formulaCells: rows, spilledCells: 0 });
    const requests = simulator.requestLog.slice(requestsBefore);
    expect(requests.length).toBeLessThan(20);
    expect(Math.max(...requests.map((r) => r.bytes))).toBeLessThan(5 * 1024 * 1024);
    expect(simulator.cell("Rates", 7, 1)).toMatchObject({ formula: null, value: 1 });
  });

  it("refuses to freeze its own record", async () => {
    const simulator = await simulatorWithRegistry(pricingWorkbook());
    const result = await freezeForSharing(simulator.excel, [FROZEN_RECORD_SHEET]);
    expect(result.ok ? "frozen" : describeSharingIssue(result.issue)).toContain("is the record of frozen cells");
  });
});

describe("repair formulas", () => {
  it("finds the PAYER formulas showing #NAME? in a workbook opened without the add-in", async () => {
    const simulator = new WorkbookSimulator(pricingWorkbook());
    expect(simulator.cell("Pricing", 0, 1).value).toBe("#NAME?");
    const preview = await previewRepair(simulator.excel, { sheetNames: null, restoreFrozen: false });
    expect(preview.ok && preview.value.find((s) => s.sheet === "Pricing")).toEqual({
      sheet: "Pricing",
      notCalculated: 4,
      frozen: 0,
    });
  });

  it("makes #NAME? cells calculate again once the add-in is loaded", async () => {
    const { state, functions } = lateAddIn();
    const simulator = new WorkbookSimulator(pricingWorkbook(), { customFunctions: functions });
    const { registryCache } = await import("../../../src/functions/registryCache");
    await registryCache.start(simulator.excel);
    state.loaded = true;
    // Loading the add-in changed nothing the cells depend on: they still show #NAME?.
    expect(simulator.cell("Pricing", 0, 1).value).toBe("#NAME?");

    const result = await repairFormulas(simulator.excel, { sheetNames: ["Pricing"], restoreFrozen: false });

    expect(result.ok && result.value.reentered).toBe(4);
    expect(typeof simulator.cell("Pricing", 0, 1).value).toBe("number");
    expect(simulator.cell("Pricing", 0, 1).formula).toBe(PAYMENT);
    // A real answer now: the add-in's own message that the contract does not exist.
    expect(simulator.cell("Pricing", 2, 1).errorMessage).toMatch(/No Such Contract/i);
    expect(simulator.cell("Pricing", 5, 1).value).toMatch(/^\d{5}$/);
  });

  it("leaves formulas that calculate alone", async () => {
    const simulator = await simulatorWithRegistry(pricingWorkbook());
    const result = await repairFormulas(simulator.excel, { sheetNames: ["Pricing"], restoreFrozen: false });
    expect(result.ok && result.value.reentered).toBe(0);
  });

  it("restores the frozen cells' formulas from the record, spilled ranges included, and removes the record", async () => {
    const simulator = await simulatorWithRegistry(pricingWorkbook());
    const before = valuesOn(simulator, "Pricing");
    await frozen(simulator);

    const result = await repairFormulas(simulator.excel, { sheetNames: ["Pricing"], restoreFrozen: true });

    expect(result.ok && result.value.restored).toBe(4);
    expect(formulasOn(simulator, "Pricing")).toEqual(expect.arrayContaining([PAYMENT, TRACE, UNKNOWN, DETAIL]));
    const after = valuesOn(simulator, "Pricing").map((row) => row.slice(0, before[0]!.length));
    expect(after.slice(0, before.length)).toEqual(before);
    expect(simulator.sheetNames()).not.toContain(FROZEN_RECORD_SHEET);
  });
});
