/**
 * Freeze for sharing and Repair formulas are all or nothing (issue 10): whatever Excel does at any request of either,
 * refusing it, failing after applying it, or the user pressing Cancel just before it, the workbook ends exactly as it
 * was or exactly as after a clean run, the message says which, and running it again succeeds.
 *
 * The workbook has what a freeze and a repair meet in practice: a Claims table with a PAYER formula on every row, a
 * spilled PAYER result whose code column is text ("00100" must stay text), and a PAYER formula still showing #NAME?
 * because the add-in loaded after the workbook was opened.
 */
import "../../functions/support/installShim"; // first: the functions associate themselves when they load
import "../../../src/functions/functions";
import {
  describeSharingIssue,
  freezeForSharing,
  FROZEN_RECORD_SHEET,
  readFrozenRecord,
  repairFormulas,
  type RepairRequest,
} from "../../../src/excel/sharing";
import { WorkbookSimulator, type WorkbookSnapshot } from "../../../src/playground/simulator";
import { faultCases, runCleanly, runWithFault, type CleanRun, type Operation } from "../../support/faults";
import {
  DENIAL_RATE,
  DETAIL,
  lateAddIn,
  openedBeforeTheAddIn,
  perRowRate,
  SHARING_WORKBOOK,
  sharingWorkbook,
  SPILL_ANCHOR,
  workbookSnapshot,
} from "./support";

jest.setTimeout(60_000);

const NOW = new Date("2025-07-01T09:30:00Z");
const SHEETS = ["Claims", "Pricing"];

const freeze: Operation = async (excel, signal) => {
  const result = await freezeForSharing(excel, SHEETS, { signal, now: () => NOW });
  return { ok: result.ok, message: result.ok ? "frozen" : describeSharingIssue(result.issue) };
};

const repairing =
  (request: RepairRequest): Operation =>
  async (excel, signal) => {
    const result = await repairFormulas(excel, request, { signal });
    return { ok: result.ok, message: result.ok ? "repaired" : describeSharingIssue(result.issue) };
  };
const RESTORE: RepairRequest = { sheetNames: null, restoreFrozen: true };
const REENTER_ONLY: RepairRequest = { sheetNames: null, restoreFrozen: false };

/** Requests of a clean run, pinned so that `it.each` can list the cases when the file loads (checked below). */
const FREEZE_REQUESTS = 11;
const REPAIR_REQUESTS = 8;
const REENTER_REQUESTS = 7;

/** The sharing workbook after a clean freeze of both sheets: Pricing!B1 still shows #NAME?. */
let frozenSnapshot: WorkbookSnapshot;
const frozenWorkbook = () => openedBeforeTheAddIn(frozenSnapshot, []);

beforeAll(async () => {
  const simulator = sharingWorkbook();
  const result = await freezeForSharing(simulator.excel, SHEETS, { now: () => NOW });
  if (!result.ok) throw new Error(describeSharingIssue(result.issue));
  await simulator.whenIdle();
  frozenSnapshot = workbookSnapshot(simulator);
});

/** The checks of one fault case: before or clean, a true message, a retry that succeeds. */
async function expectAllOrNothing(
  makeSimulator: () => WorkbookSimulator,
  operation: Operation,
  clean: CleanRun,
  fault: Parameters<typeof runWithFault>[2],
  what: string,
) {
  const run = await runWithFault(makeSimulator, operation, fault);
  expect(run.fired).toBe(true);
  if (run.outcome.ok) expect(run.after).toEqual(clean.after);
  else {
    expect(run.after).toEqual(run.before);
    expect(run.outcome.message).toMatch(/Nothing was changed: the workbook is as it was\.$/);
    if (fault.mode === "cancelled") expect(run.outcome.message).toMatch(new RegExp(`^${what} was cancelled\\.`));
    else expect(run.outcome.message).toMatch(new RegExp(`^${what} did not complete: .*\\(Excel error \\w+\\)\\.`));
  }
  const retry = await run.retry();
  expect(retry.outcome).toEqual(clean.outcome);
  expect(retry.after).toEqual(clean.after);
}

describe("freeze for sharing, with a fault at any request", () => {
  let clean: CleanRun;
  beforeAll(async () => {
    clean = await runCleanly(sharingWorkbook, freeze);
  });

  it("freezes the per-row formulas and the spilled result, keeps text as text and leaves the #NAME? cell", () => {
    const cells = clean.after.sheets.find((s) => s.name === "Pricing")!.cells;
    expect(cells.B1).toMatchObject({ formula: DENIAL_RATE, value: "#NAME?" });
    expect(cells.A3!.formula).toBeUndefined();
    expect(Object.values(cells).map((cell) => cell.value)).toContain("00100");
    const claims = clean.after.sheets.find((s) => s.name === "Claims")!.cells;
    expect(claims.G2).toEqual({ value: 0 });
    expect(claims.G3).toEqual({ value: 1 });
  });

  it(`takes ${FREEZE_REQUESTS} requests when nothing goes wrong`, () => {
    expect(clean.requests).toBe(FREEZE_REQUESTS);
  });

  it.each(faultCases(FREEZE_REQUESTS))("ends as before or as a clean freeze, and says which, when $title", (fault) =>
    expectAllOrNothing(sharingWorkbook, freeze, clean, fault, "The freeze for sharing"),
  );
});

describe("repair formulas restoring frozen cells, with a fault at any request", () => {
  let clean: CleanRun;
  beforeAll(async () => {
    clean = await runCleanly(frozenWorkbook, repairing(RESTORE));
  });

  it("restores the per-row formulas and the spilled formula, re-enters the #NAME? one and removes the record", () => {
    const pricing = clean.after.sheets.find((s) => s.name === "Pricing")!.cells;
    expect(pricing.B1).toMatchObject({ formula: DENIAL_RATE, value: 0.4 });
    expect(pricing.A3).toMatchObject({ formula: DETAIL });
    const claims = clean.after.sheets.find((s) => s.name === "Claims")!.cells;
    expect(claims.G2).toEqual({ value: 0, formula: perRowRate(2) });
    expect(clean.after.sheets.map((s) => s.name)).toEqual(["Claims", "Pricing"]);
  });

  it(`takes ${REPAIR_REQUESTS} requests when nothing goes wrong`, () => {
    expect(clean.requests).toBe(REPAIR_REQUESTS);
  });

  it.each(faultCases(REPAIR_REQUESTS))("ends as before or as a clean repair, and says which, when $title", (fault) =>
    expectAllOrNothing(frozenWorkbook, repairing(RESTORE), clean, fault, "The repair of formulas"),
  );
});

describe("repair formulas re-entering #NAME? formulas only, with a fault at any request", () => {
  let clean: CleanRun;
  beforeAll(async () => {
    clean = await runCleanly(frozenWorkbook, repairing(REENTER_ONLY));
  });

  it("re-enters the #NAME? formula and keeps the frozen cells and their record", () => {
    const pricing = clean.after.sheets.find((s) => s.name === "Pricing")!.cells;
    expect(pricing.B1).toMatchObject({ formula: DENIAL_RATE, value: 0.4 });
    expect(pricing.A3!.formula).toBeUndefined();
    expect(clean.after.sheets.map((s) => s.name)).toContain(FROZEN_RECORD_SHEET);
  });

  it(`takes ${REENTER_REQUESTS} requests when nothing goes wrong`, () => {
    expect(clean.requests).toBe(REENTER_REQUESTS);
  });

  it.each(faultCases(REENTER_REQUESTS))("ends as before or as a clean repair, and says which, when $title", (fault) =>
    expectAllOrNothing(frozenWorkbook, repairing(REENTER_ONLY), clean, fault, "The repair of formulas"),
  );
});

describe("what an interrupted freeze of an earlier version left behind", () => {
  it("does not stop a freeze: the leftover sheet is removed and the record written", async () => {
    const snapshot: WorkbookSnapshot = {
      ...SHARING_WORKBOOK,
      sheets: [...SHARING_WORKBOOK.sheets, { name: `~${FROZEN_RECORD_SHEET}`, cells: [["Frozen for sharing"]] }],
    };
    const simulator = openedBeforeTheAddIn(snapshot, [SPILL_ANCHOR]);
    const outcome = await freeze(simulator.excel, new AbortController().signal);
    expect(outcome).toEqual({ ok: true, message: "frozen" });
    expect(simulator.sheetNames()).toEqual(["Claims", "Pricing", FROZEN_RECORD_SHEET]);
    expect((await readFrozenRecord(simulator.excel)).map((entry) => entry.range)).toEqual(["A3:F6"]);
  });
});

/** A sheet of `count` PAYER formulas, one every other row: as many separate places as formulas. */
function scattered(count: number, withAddIn: boolean): WorkbookSimulator {
  const cells = Array.from({ length: count * 2 }, (_, i) => (i % 2 === 0 ? [true, perRowRate(i + 1)] : [false]));
  const { state, functions } = lateAddIn();
  state.loaded = withAddIn;
  return new WorkbookSimulator({ sheets: [{ name: "Rates", cells }] }, { customFunctions: functions });
}

const describeNow = async (simulator: WorkbookSimulator) => {
  await simulator.whenIdle();
  return simulator.describe({ sheetIdsAsNames: true });
};

describe("a change too large for one request", () => {
  it("is refused before a freeze changes anything, with the count and what to do", async () => {
    const simulator = scattered(5_001, true);
    const before = await describeNow(simulator);
    const result = await freezeForSharing(simulator.excel, ["Rates"], { now: () => NOW });
    expect(result.ok ? "frozen" : describeSharingIssue(result.issue)).toBe(
      "Freezing would write 5,001 cells in 5,001 separate places (about 1.9 MB) in one request, more than Excel " +
        "accepts at once (5,000 places, 4.0 MB), so nothing was changed. Places per sheet: Rates 5,001. Sheet " +
        '"Rates" alone is over the limit: leave it out and freeze the others; for that sheet, copy its cells and ' +
        "paste them as values in Excel (no record of its formulas is kept then).",
    );
    expect(await describeNow(simulator)).toEqual(before);
  });

  it("is refused before a repair changes anything, with the count and what to do", async () => {
    const simulator = scattered(5_001, false);
    const before = await describeNow(simulator);
    const result = await repairFormulas(simulator.excel, REENTER_ONLY);
    expect(result.ok ? "repaired" : describeSharingIssue(result.issue)).toBe(
      "Repairing would write 5,001 formulas in 5,001 separate places (about 2.1 MB) in one request, more than Excel " +
        "accepts at once (5,000 places, 4.0 MB), so nothing was changed. Places per sheet: Rates 5,001. Enter some " +
        'of the formulas again in Excel first (select their cells, then Find and Replace "=" with "="), then repair ' +
        "the rest.",
    );
    expect(await describeNow(simulator)).toEqual(before);
  });
});

describe("a sheet named like the record that is not the record", () => {
  it("is never replaced: the freeze stops and says what to do", async () => {
    const snapshot: WorkbookSnapshot = {
      ...SHARING_WORKBOOK,
      sheets: [...SHARING_WORKBOOK.sheets, { name: FROZEN_RECORD_SHEET, cells: [["my notes on frozen budgets"]] }],
    };
    const simulator = openedBeforeTheAddIn(snapshot, [SPILL_ANCHOR]);
    const before = await describeNow(simulator);
    const outcome = await freeze(simulator.excel, new AbortController().signal);
    expect(outcome.message).toBe(
      `The sheet "${FROZEN_RECORD_SHEET}" does not hold the record of frozen cells (table FrozenForSharing), so the ` +
        "add-in will not replace it. Rename or remove that sheet, then try again. Nothing was changed.",
    );
    expect(await describeNow(simulator)).toEqual(before);
  });
});
