/**
 * The executive brief of a negotiation (issue 17 item 6), built in the workbook simulator after the contract's
 * Negotiation and Proposals sheets and recalculated there: every figure equals the cell of those sheets it refers to,
 * follows an input changed on the Negotiation sheet, and is a plain reference or arithmetic (no PAYER function, for
 * executives without the add-in); the build names a missing sheet and writes nothing; a rebuild replaces the brief
 * only once confirmed.
 */
import { brokenFaultCases, type Operation } from "../../support/faults";
import type { BuiltBriefSheet } from "../../../src/excel/negotiation/briefSheetBuild";
import { briefSheetName, buildBriefSheet, describeBriefSheetIssue } from "../../../src/excel/negotiation/briefSheetBuild"; // prettier-ignore
import { BRIEF_POSITIONS, type BriefPosition } from "../../../src/excel/negotiation/briefSheetLayout";
import type { BuiltNegotiationSheet } from "../../../src/excel/negotiation/buildNegotiationSheet";
import type { NegotiationPositionKey } from "../../../src/excel/negotiation/negotiationSheetLayout";
import type { BuiltProposalSheet } from "../../../src/excel/negotiation/proposalSheetBuild";
import { parseAddress, type WorkbookSimulator } from "../../../src/playground/simulator";
import {
  aBriefWorkbook,
  BRIEF,
  BRIEF_PROPOSAL_ROWS,
  NOW,
  buildBrief,
  buildNegotiation,
  buildProposals,
  formulaAt,
  NEGOTIATION,
  PROPOSALS,
  valueAt,
} from "./briefSupport";
import { aProposalRow } from "./proposalSupport";
import { aNegotiationRequest } from "./negotiationSheetSupport";
import { OBJECTION_KEYS } from "../../../src/engine";
import { buildObjectionSheet, objectionSheetName } from "../../../src/excel/negotiation/objectionSheetBuild";
import { describeObjectionSheetIssue } from "../../../src/excel/negotiation/objectionSheetIssues";

jest.setTimeout(120_000);

async function built(simulator: WorkbookSimulator, replace = false): Promise<BuiltBriefSheet> {
  const result = await buildBrief(simulator, { replace });
  if (typeof result === "string") throw new Error(result);
  return result;
}

/** The brief's positions that are the Negotiation sheet's, by their key there. */
const FROM_NEGOTIATION = { opening: "opening", target: "target", floor: "floor", payerMax: "payerMax", batna: "batna" } as const satisfies Partial<Record<BriefPosition, NegotiationPositionKey>>; // prettier-ignore

describe("the executive brief of a negotiation", () => {
  let simulator: WorkbookSimulator;
  let negotiation: BuiltNegotiationSheet;
  let proposals: BuiltProposalSheet;
  let brief: BuiltBriefSheet;
  const onBrief = (address: string) => valueAt(simulator, BRIEF, address);
  const onNegotiation = (address: string) => valueAt(simulator, NEGOTIATION, address);
  const proposalCell = (row: number, key: string) => simulator.cell(PROPOSALS, row - 1, proposals.layout.columns.index(key as never)).value; // prettier-ignore

  beforeAll(async () => {
    simulator = aBriefWorkbook();
    negotiation = await buildNegotiation(simulator);
    proposals = await buildProposals(simulator);
    brief = await built(simulator);
  });

  it('is a new sheet "Brief - <contract>", shown', () => {
    expect([brief.sheetName, brief.replaced, simulator.activeSheetName()]).toEqual([BRIEF, false, BRIEF]);
  });

  it("shows the ask, the target, the floor, the payer's maximum and the BATNA as the Negotiation sheet does", () => {
    const keys = Object.keys(FROM_NEGOTIATION) as (keyof typeof FROM_NEGOTIATION)[];
    const cells = ["added", "fraction", "revenue"] as const;
    const briefValues = keys.map((key) => cells.map((column) => onBrief(brief.layout.positions[key][column])));
    const sheetValues = keys.map((key) => cells.map((column) => onNegotiation(negotiation.layout.positions[FROM_NEGOTIATION[key]][column]))); // prettier-ignore
    expect(briefValues).toEqual(sheetValues);
    expect(briefValues.map(([added]) => added)).toEqual([700, 400, 200, 350, -6_500]);
  });

  it("shows the payer's best year-1 proposal: the highest of its proposals on the Proposals sheet", () => {
    const payerRows = proposals.layout.proposalRows.filter((row) => proposalCell(row, "party") === "Payer");
    const best = Math.max(...payerRows.map((row) => proposalCell(row, "added") as number));
    expect(onBrief(brief.layout.positions.bestPayer.added)).toBe(best);
    expect(onBrief(brief.layout.positions.bestPayer.fraction)).toBeCloseTo(best / 10_000, 12);
  });

  it("says the zone of agreement in words, with its dollars", () => {
    expect(onBrief(brief.layout.figures.zopaWords)).toBe("Zone of agreement: $200.00 to $350.00 added per year");
  });

  it("shows current revenue, the revenue without the contract and the revenue at risk of the Negotiation sheet", () => {
    const keys = ["current", "batnaRevenue", "atRisk"] as const;
    expect(keys.map((key) => onBrief(brief.layout.figures[key]))).toEqual(keys.map((key) => onNegotiation(negotiation.layout.figures[key]))); // prettier-ignore
  });

  it("shows each side's latest proposals side by side, ours first, with the Proposals sheet's dollars and result", () => {
    const columns = ["proposal", "party", "year1", "term", "toFloor", "verdict"] as const;
    const onSheet = { proposal: "proposal", party: "party", year1: "added", term: "termAdded", toFloor: "toFloor", verdict: "verdict" } as const; // prettier-ignore
    const shown = brief.layout.proposalRows.map((row) => columns.map((key) => simulator.cell(BRIEF, row - 1, brief.layout.proposalColumns.index(key)).value)); // prettier-ignore
    const expected = proposals.layout.proposalRows.map((row) => columns.map((key) => proposalCell(row, onSheet[key])));
    expect(shown).toEqual(expected);
    expect(shown.map(([name]) => name)).toEqual(["Opening: 7% flat", "5% on the top code", "Payer: 1% flat", "Payer: 3% for 2 years", "Payer: 2% flat"]); // prettier-ignore
  });

  it("holds no PAYER function: only references to the two sheets and arithmetic", () => {
    const formulas = Array.from({ length: 40 }, (_, row) => Array.from({ length: 13 }, (_, column) => simulator.cell(BRIEF, row, column).formula)).flat(); // prettier-ignore
    const written = formulas.filter((formula): formula is string => formula !== null);
    expect(written.length).toBeGreaterThan(30);
    expect(written.filter((formula) => /PAYER\./i.test(formula))).toEqual([]);
  });

  it("charts the ask, target, floor, payer's maximum and best payer proposal as clustered bars", () => {
    const [chart] = simulator.charts(BRIEF);
    expect([chart!.type, chart!.sourceAddress]).toEqual(["BarClustered", `'${BRIEF}'!A6:B11`]);
    expect(BRIEF_POSITIONS.slice(0, 5)).toEqual(["opening", "target", "floor", "payerMax", "bestPayer"]);
  });

  it("follows a floor the executive raises to 3% on the Negotiation sheet: $300.00, on the brief and its proposals", () => {
    const floor = parseAddress(negotiation.layout.inputCells.floor)!.rect;
    simulator.setCellInput(NEGOTIATION, floor.row, floor.column, "0.03");
    const firstShown = brief.layout.proposalRows[0]!;
    const toFloor = simulator.cell(BRIEF, firstShown - 1, brief.layout.proposalColumns.index("toFloor")).value;
    expect([onBrief(brief.layout.positions.floor.added), toFloor]).toEqual([300, 700 - 300]);
    expect(onBrief(brief.layout.figures.zopaWords)).toBe("Zone of agreement: $300.00 to $350.00 added per year");
  });

  it("says there is no zone once the payer's maximum entered on the Negotiation sheet falls below the floor", () => {
    const payerMax = parseAddress(negotiation.layout.inputCells.payerMax)!.rect;
    simulator.setCellInput(NEGOTIATION, payerMax.row, payerMax.column, "0.01");
    expect(onBrief(brief.layout.figures.zopaWords)).toBe(
      "No zone: the payer's likely maximum ($100.00) is below our walk-away point ($300.00)",
    );
  });

  it("prints on one landscape page: the positions, the zone, the proposals, the evidence and the chart, under the title rows", () => {
    expect(brief.layout.print).toEqual({ area: "A1:M30", titleRows: "$1:$2" });
  });

  it("says how to get the evidence while the contract's Objections sheet is not built", () => {
    expect([brief.layout.evidence, valueAt(simulator, BRIEF, "A30")]).toEqual([null, "Build the Objections sheet from the Negotiation tab to show the evidence here."]); // prettier-ignore
  });

  it("refers to the floor's cell of the Negotiation sheet, by the sheet's name", () => {
    expect(formulaAt(simulator, BRIEF, brief.layout.positions.floor.added)).toBe(`='${NEGOTIATION}'!$B$24`);
  });
});

describe("a brief built after the Objections sheet", () => {
  it("ends with each objection and our answer, as the Objections sheet words it", async () => {
    const simulator = aBriefWorkbook();
    await buildNegotiation(simulator);
    await buildProposals(simulator);
    const { tableName, mapping } = aNegotiationRequest();
    const objections = await buildObjectionSheet(simulator.excel, { contractName: "Acme PPO", tableName, mapping, replace: false }, { now: NOW }); // prettier-ignore
    if (!objections.ok) throw new Error(describeObjectionSheetIssue(objections.issue));
    const brief = await built(simulator);
    const answers = OBJECTION_KEYS.map((key) => valueAt(simulator, BRIEF, brief.layout.evidence![key]));
    const onObjections = OBJECTION_KEYS.map((key) => valueAt(simulator, objectionSheetName("Acme PPO"), objections.value.layout.counterpoints[key])); // prettier-ignore
    expect(answers).toEqual(onObjections);
    expect(answers.every((answer) => typeof answer === "string" && answer.length > 20)).toBe(true);
  });
});

describe("a negotiation with many proposals", () => {
  it("shows each side's three latest proposals", async () => {
    const payer = (name: string, date: string) => aProposalRow({ Proposal: name, Party: "Payer", Date: date, Kind: "Across the board", "Uplift %": 0.01 }); // prettier-ignore
    const rows = [...BRIEF_PROPOSAL_ROWS, payer("Payer: final 1%", "2026-04-01")];
    const simulator = aBriefWorkbook(rows);
    await buildNegotiation(simulator);
    await buildProposals(simulator);
    const brief = await built(simulator);
    const names = brief.layout.proposalRows.map((row) => simulator.cell(BRIEF, row - 1, 0).value);
    expect(names).toEqual(["Opening: 7% flat", "5% on the top code", "Payer: 3% for 2 years", "Payer: 2% flat", "Payer: final 1%"]); // prettier-ignore
  });
});

describe("a brief that cannot be built yet, with nothing written", () => {
  const refused = async (simulator: WorkbookSimulator) => {
    const before = simulator.describe();
    const message = await buildBrief(simulator);
    expect(simulator.describe()).toEqual(before);
    return message;
  };

  it("names both sheets when neither is built", async () => {
    expect(await refused(aBriefWorkbook())).toBe(
      `The brief refers to the Negotiation and Proposals sheets of "Acme PPO"; not built for it yet: "${NEGOTIATION}" and "${PROPOSALS}". Build them from the Negotiation tab first. Nothing was written.`,
    );
  });

  it("names the Proposals sheet when only the Negotiation sheet is built", async () => {
    const simulator = aBriefWorkbook();
    await buildNegotiation(simulator);
    expect(await refused(simulator)).toBe(
      `The brief refers to the Negotiation and Proposals sheets of "Acme PPO"; not built for it yet: "${PROPOSALS}". Build it from the Negotiation tab first. Nothing was written.`,
    );
  });

  it("names the Negotiation sheet when only the Proposals sheet is built", async () => {
    const simulator = aBriefWorkbook();
    await buildProposals(simulator);
    expect(await refused(simulator)).toMatch(new RegExp(`not built for it yet: "${NEGOTIATION}"\\. Build it from the Negotiation tab first\\. Nothing was written\\.$`)); // prettier-ignore
  });
});

describe("rebuilding the brief", () => {
  let simulator: WorkbookSimulator;
  beforeEach(async () => {
    simulator = aBriefWorkbook();
    await buildNegotiation(simulator);
    await buildProposals(simulator);
  });

  it("asks first: without the user's confirmation it leaves the earlier brief as it was", async () => {
    await built(simulator);
    const before = simulator.describe();
    expect(await buildBrief(simulator)).toBe(`The sheet "${BRIEF}" already exists: confirm that it may be replaced. Nothing was written.`); // prettier-ignore
    expect(simulator.describe()).toEqual(before);
  });

  it('replaces it once confirmed, never adding a "... 2" copy, and records it', async () => {
    await built(simulator);
    const again = await built(simulator, true);
    expect([again.replaced, simulator.sheetNames().filter((name) => name.startsWith("Brief"))]).toEqual([true, [BRIEF]]); // prettier-ignore
    expect(valueAt(simulator, BRIEF, again.layout.positions.target.added)).toBe(400);
    expect(simulator.settings()["payerContracts.briefSheets"]).toEqual({
      version: 1,
      sheets: [{ sheetId: expect.any(String), contractName: "Acme PPO" }],
    });
  });

  it("never replaces a sheet of the name that the user made", async () => {
    await simulator.excel.run(async (context) => {
      context.workbook.worksheets.add(BRIEF);
      await context.sync();
    });
    expect(await buildBrief(simulator, { replace: true })).toBe(
      `A sheet named "${BRIEF}" already exists and was not built here as a brief: rename or move it, then build again. Nothing was written.`,
    );
  });
});

describe("building the brief, with a fault at any request", () => {
  it("leaves the workbook as it was, or built, and says which", async () => {
    const operation: Operation = async (excel, signal) => {
      const result = await buildBriefSheet(excel, { contractName: "Acme PPO", replace: false }, { signal, now: NOW });
      return { ok: result.ok, message: result.ok ? "built" : describeBriefSheetIssue(result.issue) };
    };
    const make = async () => {
      const simulator = aBriefWorkbook();
      await buildNegotiation(simulator);
      await buildProposals(simulator);
      return simulator;
    };
    const outcome = await brokenFaultCases(make, operation);
    expect(outcome.cases).toBeGreaterThan(0);
    expect(outcome.broken).toEqual([]);
  });
});

describe("the brief's name", () => {
  it("keeps within Excel's 31 characters and leaves out the characters Excel refuses", () => {
    expect(briefSheetName("Summit Medicare Advantage Plan 2027")).toBe("Brief - Summit Medicare Advanta");
    expect(briefSheetName("Acme [2027]: PPO/HMO")).toBe("Brief - Acme -2027-- PPO-HMO");
  });
});
