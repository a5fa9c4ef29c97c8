/**
 * Rebuilding a contract's Negotiation or Proposals sheet rewrites the earlier sheet in place (sheetRewrite.ts): Excel
 * turns every reference to a deleted sheet into #REF! for good, so a rebuild that deleted the sheet would break the
 * brief, the Proposals sheet's floor and target, and any formula of the user's own that reads it. Built in the
 * workbook simulator, which breaks such references as Excel does.
 */
import { brokenFaultCases, type Operation } from "../../support/faults";
import { buildNegotiationSheet } from "../../../src/excel/negotiation/buildNegotiationSheet";
import { DEFAULT_NEGOTIATION_INPUTS, describeNegotiationSheetIssue } from "../../../src/excel/negotiation/negotiationSheetIssues"; // prettier-ignore
import type { BuiltBriefSheet } from "../../../src/excel/negotiation/briefSheetBuild";
import type { WorkbookSimulator } from "../../../src/playground/simulator";
import {
  aBriefWorkbook,
  BRIEF,
  buildBrief,
  buildNegotiation,
  buildProposals,
  NEGOTIATION,
  NOW,
  PROPOSALS,
  valueAt,
} from "./briefSupport";
import { aNegotiationRequest } from "./negotiationSheetSupport";

jest.setTimeout(180_000);

/** The opening offer raised from the default 7% to 9%: $900.00 a year on Acme's $10,000.00. */
const RAISED = aNegotiationRequest({ replace: true, inputs: { ...DEFAULT_NEGOTIATION_INPUTS, opening: 0.09 } });

async function rebuildNegotiation(simulator: WorkbookSimulator) {
  const result = await buildNegotiationSheet(simulator.excel, RAISED, { now: NOW });
  if (!result.ok) throw new Error(describeNegotiationSheetIssue(result.issue));
  await simulator.whenIdle();
  return result.value;
}

/** The values of a sheet's cells that show an error ("#REF!", "#N/A"...). */
async function errorValues(simulator: WorkbookSimulator, sheet: string): Promise<unknown[]> {
  const values = await simulator.excel.run(async (context) => {
    const used = context.workbook.worksheets.getItem(sheet).getUsedRange().load("values");
    await context.sync();
    return used.values;
  });
  return values.flat().filter((value) => typeof value === "string" && /^#[A-Z/0!?]+[!?A]?$/.test(value));
}

async function threeSheets(): Promise<{ simulator: WorkbookSimulator; opening: string; brief: BuiltBriefSheet }> {
  const simulator = aBriefWorkbook();
  const { layout } = await buildNegotiation(simulator);
  await buildProposals(simulator);
  const brief = await buildBrief(simulator);
  if (typeof brief === "string") throw new Error(brief);
  return { simulator, opening: layout.positions.opening.added, brief };
}

/** The id of the sheet of that name. */
async function sheetIdOf(simulator: WorkbookSimulator, name: string): Promise<string> {
  return simulator.excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(name).load("id");
    await context.sync();
    return sheet.id;
  });
}

describe("rebuilding the Negotiation sheet with a new opening offer", () => {
  let simulator: WorkbookSimulator;
  let brief: BuiltBriefSheet;
  let ids: { before: string; after: string };

  beforeAll(async () => {
    let opening: string;
    ({ simulator, opening, brief } = await threeSheets());
    await simulator.excel.run(async (context) => {
      context.workbook.worksheets.add("My notes").getRange("A1").formulas = [[`='${NEGOTIATION}'!${opening}`]];
      await context.sync();
    });
    const before = await sheetIdOf(simulator, NEGOTIATION);
    await rebuildNegotiation(simulator);
    ids = { before, after: await sheetIdOf(simulator, NEGOTIATION) };
  });

  it("keeps the sheet itself: same name, same sheet, no copy", () => {
    expect([ids.after, simulator.sheetNames().filter((name) => name.startsWith("Negotiation"))]).toEqual([ids.before, [NEGOTIATION]]); // prettier-ignore
  });

  it("leaves no #REF! on the brief, and the brief shows the new ask: $900.00", async () => {
    expect(await errorValues(simulator, BRIEF)).toEqual([]);
    expect(valueAt(simulator, BRIEF, brief.layout.positions.opening.added)).toBe(900);
  });

  it("leaves no #REF! on the Proposals sheet, whose floor still reads the Negotiation sheet's", async () => {
    expect(await errorValues(simulator, PROPOSALS)).toEqual([]);
  });

  it("keeps a formula of the user's own that reads the sheet, now showing $900.00", () => {
    expect(valueAt(simulator, "My notes", "A1")).toBe(900);
  });

  it("has one positions chart, not the earlier build's as well", () => {
    const sheet = simulator.describe().sheets.find((s) => s.name === NEGOTIATION);
    expect(sheet?.charts.length).toBe(1);
  });

  it("leaves none of the add-in's working sheets behind", () => {
    expect(simulator.sheetNames().filter((name) => name.startsWith("~"))).toEqual([]);
  });
});

describe("rebuilding the Proposals sheet", () => {
  it("leaves no #REF! on the brief", async () => {
    const { simulator } = await threeSheets();
    await buildProposals(simulator, true);
    expect(await errorValues(simulator, BRIEF)).toEqual([]);
  });
});

describe("rebuilding the Negotiation sheet, with a fault at any request", () => {
  it("leaves the workbook as it was, or rebuilt, and says which", async () => {
    const operation: Operation = async (excel, signal) => {
      const result = await buildNegotiationSheet(excel, RAISED, { signal, now: NOW });
      return { ok: result.ok, message: result.ok ? "built" : describeNegotiationSheetIssue(result.issue) };
    };
    const outcome = await brokenFaultCases(async () => (await threeSheets()).simulator, operation);
    expect(outcome.cases).toBeGreaterThan(0);
    expect(outcome.broken).toEqual([]);
  });
});
