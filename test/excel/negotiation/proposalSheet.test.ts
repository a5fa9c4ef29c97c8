/**
 * The Proposals sheet of a contract (issue 17 item 2), built through the simulator from the Tuva synthetic claims and
 * recalculated by HyperFormula with the PAYER functions registered: every proposal's dollars equal the engine's, the
 * floor and target are live inputs, a rebuild replaces the sheet only once confirmed, and a proposal that does not
 * price stops the build with nothing written.
 */
import { associated } from "../../functions/support/installShim";
import "../../../src/functions/functions";
import {
  buildProposalSheet,
  describeProposalSheetIssue,
  type BuiltProposalSheet,
  type ProposalSheetRequest,
} from "../../../src/excel/negotiation/proposalSheetBuild";
import { PROPOSAL_SHEET_ROWS } from "../../../src/excel/negotiation/proposalSheetLayout";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { Decimal } from "../../../src/engine/decimal";
import { priceProposal } from "../../../src/engine/negotiation";
import { PROPOSALS_SPEC } from "../../../src/excel/negotiation/proposalTable";
import { describeWithSharedData } from "../../support/sharedData";
import {
  aProposalRow,
  aProposalWorkbook,
  claimsMapping,
  PROPOSAL_ROWS,
  tuvaClaimRows,
  type Row,
} from "./proposalSupport";

// The simulator recalculates a FILTER over ~4,900 lines per formula; slow on a busy machine.
jest.setTimeout(300_000);

const SHEET = "Proposals - Acme PPO";
const request = (overrides: Partial<ProposalSheetRequest> = {}): ProposalSheetRequest => ({
  contractName: "Acme PPO",
  tableName: "Claims",
  mapping: claimsMapping(),
  replace: false,
  ...overrides,
});
const simulatorOf = (options: Parameters<typeof aProposalWorkbook>[0] = {}) =>
  new WorkbookSimulator(aProposalWorkbook(options), { customFunctions: associated });
const NOW = () => new Date("2026-04-01T12:00:00Z");

async function built(simulator: WorkbookSimulator, overrides: Partial<ProposalSheetRequest> = {}) {
  const result = await buildProposalSheet(simulator.excel, request(overrides), { now: NOW });
  if (!result.ok) throw new Error(describeProposalSheetIssue(result.issue));
  await simulator.whenIdle();
  return result.value;
}

/** A proposal row's cell on the sheet, by the layout's column. */
const cellOf = (simulator: WorkbookSimulator, sheet: BuiltProposalSheet, p: number, key: string) =>
  simulator.cell(SHEET, sheet.layout.proposalRows[p]! - 1, sheet.layout.columns.index(key as never));
const cents = (value: unknown) => Math.round(Number(value) * 100);

describeWithSharedData("the Proposals sheet of Acme PPO", () => {
  const simulator = simulatorOf();
  let sheet: BuiltProposalSheet;
  beforeAll(async () => {
    sheet = await built(simulator);
  });

  it("adds the sheet and shows it", () => {
    expect(simulator.sheetNames()).toContain(SHEET);
    expect(simulator.activeSheetName()).toBe(SHEET);
  });

  it("lists the contract's proposals side by side: ours by date, then the payer's", () => {
    const names = sheet.layout.proposalRows.map((_, p) => [cellOf(simulator, sheet, p, "party").value, cellOf(simulator, sheet, p, "proposal").value]); // prettier-ignore
    expect(names).toEqual([
      ["Ours", "Opening: 5% on top 20"],
      ["Ours", "E/M codes"],
      ["Ours", "CF to 36"],
      ["Payer", "Payer counter: 2% flat"],
      ["Payer", "Payer: E/M table"],
    ]);
  });

  it("computes every figure with native formulas, so it reads the same without the add-in: no PAYER function", () => {
    const cells = Object.entries(simulator.describe().sheets.find((s) => s.name === SHEET)!.cells);
    expect(cells.filter(([, cell]) => /PAYER\./i.test(cell.formula ?? "")).map(([address]) => address)).toEqual([]);
    expect(cellOf(simulator, sheet, 0, "newRevenue").formula).toMatch(/^=ROUND\(SUM\(/);
  });

  it("gives every proposal's added dollars in year 1 exactly as the engine prices them", () => {
    const onSheet = sheet.proposals.map((_, p) => cents(cellOf(simulator, sheet, p, "added").value));
    expect(onSheet).toEqual(sheet.proposals.map((p) => p.year1AddedCents));
    expect(sheet.proposals.every((p) => p.year1AddedCents > 0)).toBe(true);
  });

  it("gives every proposal's added dollars over its term exactly as the engine prices them", () => {
    const onSheet = sheet.proposals.map((_, p) => cents(cellOf(simulator, sheet, p, "termAdded").value));
    expect(onSheet).toEqual(sheet.proposals.map((p) => p.termAddedCents));
  });

  it("shows the current revenue of the contract's lines as the engine sums them", () => {
    expect(cents(simulator.cell(SHEET, PROPOSAL_SHEET_ROWS.current, 1).value)).toBe(sheet.currentCents);
  });

  it("leaves the years after a proposal's term empty", () => {
    const counter = 3; // the payer's 3-year counter
    expect(cellOf(simulator, sheet, counter, "year3").value).not.toBe("");
    expect(cellOf(simulator, sheet, counter, "year4").value).toBe("");
  });

  it("measures each proposal against the floor and target typed in the input cells", () => {
    const added = Number(cellOf(simulator, sheet, 0, "added").value);
    simulator.setCellInput(SHEET, PROPOSAL_SHEET_ROWS.floor, 1, String(added - 100));
    simulator.setCellInput(SHEET, PROPOSAL_SHEET_ROWS.target, 1, String(added + 100));
    expect(cents(cellOf(simulator, sheet, 0, "toFloor").value)).toBe(10000);
    expect(cents(cellOf(simulator, sheet, 0, "toTarget").value)).toBe(-10000);
    expect(cellOf(simulator, sheet, 0, "verdict").value).toBe("Above floor");
  });

  it("follows an edit of a proposal's uplift in the Proposals table, without a rebuild", () => {
    const counter = 3; // the payer's 2% flat counter, row 2 of the Proposals table
    const upliftColumn = Object.keys(PROPOSALS_SPEC.columns).indexOf("upliftFraction");
    simulator.setCellInput("Proposal Tracker", 1, upliftColumn, "0.03");
    const acme = tuvaClaimRows().filter((row) => row.Contract === "Acme PPO");
    const lines = { codes: acme.map((r) => r["HCPCS Code"]), amounts: acme.map((r) => r["Paid Amount"]), billed: acme.map((r) => r["Charge Amount"]) }; // prettier-ignore
    const terms = { kind: "acrossTheBoard", upliftFraction: new Decimal("0.03"), topN: null, perCodeRates: null, oldConversionFactor: null, newConversionFactor: null, escalatorFraction: new Decimal("0.015"), termYears: 3 } as const; // prettier-ignore
    const priced = priceProposal(terms, lines, () => null);
    expect(priced.ok && cents(cellOf(simulator, sheet, counter, "added").value)).toBe(priced.ok && priced.value.years[0]!.addedCents); // prettier-ignore
    expect(priced.ok && cents(cellOf(simulator, sheet, counter, "termAdded").value)).toBe(priced.ok && priced.value.termAddedCents); // prettier-ignore
  });

  it("shades the floor and the target as inputs", () => {
    expect(sheet.layout.inputCells).toEqual([
      `B${PROPOSAL_SHEET_ROWS.floor + 1}`,
      `B${PROPOSAL_SHEET_ROWS.target + 1}`,
    ]);
  });
});

describeWithSharedData("rebuilding the Proposals sheet", () => {
  it("asks before replacing the earlier build, and writes nothing until confirmed", async () => {
    const simulator = simulatorOf();
    await built(simulator);
    const sheets = simulator.sheetNames();
    const again = await buildProposalSheet(simulator.excel, request(), { now: NOW });
    expect(!again.ok && again.issue).toEqual({ code: "sheetExists", sheetName: SHEET });
    expect(simulator.sheetNames()).toEqual(sheets);
  });

  it("shows a proposal added since, in place of the earlier build, never as a copy", async () => {
    const simulator = simulatorOf();
    await built(simulator);
    const added: Row = aProposalRow({ Proposal: "Payer: 3% flat", Party: "Payer", Date: "2026-04-02", Kind: "Across the board", "Uplift %": 0.03 }); // prettier-ignore
    const rows = [...PROPOSAL_ROWS, added];
    const later = new WorkbookSimulator(aProposalWorkbook({ proposals: rows }), { customFunctions: associated });
    await built(later);
    const rebuilt = await built(later, { replace: true });
    expect(rebuilt.replaced).toBe(true);
    expect(later.sheetNames().filter((name) => name.startsWith("Proposals"))).toEqual([SHEET]);
    expect(rebuilt.proposals.map((p) => p.proposalName)).toContain("Payer: 3% flat");
    const p = rebuilt.proposals.findIndex((proposal) => proposal.proposalName === "Payer: 3% flat");
    expect(cents(cellOf(later, rebuilt, p, "added").value)).toBe(rebuilt.proposals[p]!.year1AddedCents);
  });
});

describeWithSharedData("a Proposals sheet that cannot be built", () => {
  const refused = async (options: Parameters<typeof aProposalWorkbook>[0], overrides: Partial<ProposalSheetRequest> = {}) => {
    const simulator = simulatorOf(options);
    const sheets = simulator.sheetNames();
    const result = await buildProposalSheet(simulator.excel, request(overrides), { now: NOW });
    expect(simulator.sheetNames()).toEqual(sheets);
    if (result.ok) throw new Error("expected the build to be refused");
    return describeProposalSheetIssue(result.issue);
  }; // prettier-ignore

  it("names the row, the item and the character of a per-code list that does not read", async () => {
    const proposals = [aProposalRow({ Proposal: "Bad list", Kind: "Per-code rates", "Per-code Rates": "99213:5%; 99214 4%" })]; // prettier-ignore
    expect(await refused({ proposals })).toBe(
      'Table Proposals (sheet Proposal Tracker), row 2, column "Per-code Rates": "99213:5%; 99214 4%", but Per-code rates, item 2 ("99214 4%", at character 11): expected a code and a percentage separated by ":", like 99213:5%. Correct the row, then build again. Nothing was built.',
    );
  });

  it("refuses a contract PayerContracts does not have", async () => {
    expect(await refused({}, { contractName: "Nowhere HMO" })).toBe(
      'PayerContracts has no contract "Nowhere HMO": choose one of its contracts. Nothing was built.',
    );
  });

  it("refuses a contract without claim lines to price over", async () => {
    const proposals = [aProposalRow({ "Contract Name": "Cedar EPO", Proposal: "Cedar ask", Kind: "Across the board", "Uplift %": 0.03 })]; // prettier-ignore
    expect(await refused({ proposals }, { contractName: "Cedar EPO" })).toBe(
      'Table Claims has no claim line of contract "Cedar EPO" to price the proposals over. Nothing was built.',
    );
  });

  it("refuses a per-code proposal naming a table the workbook does not have", async () => {
    const proposals = [aProposalRow({ Proposal: "From a table", Kind: "Per-code rates", "Per-code Rates": "NoSuchRates" })]; // prettier-ignore
    expect(await refused({ proposals })).toBe(
      'Proposal "From a table" (row 2 of Proposals): The per-code rates name the table "NoSuchRates", which this workbook does not have; give a table of codes and fractions, or a list like 99213:5%. Nothing was built.',
    );
  });

  it("refuses claims whose contract column is not mapped", async () => {
    expect(await refused({}, { mapping: claimsMapping({ contractName: null }) })).toMatch(/no column of table Claims is mapped as the contract/); // prettier-ignore
  });
});
