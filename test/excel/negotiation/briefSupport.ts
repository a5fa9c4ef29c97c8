/**
 * A workbook for the executive brief's specifications: the Negotiation sheet's small workbook
 * (negotiationSheetSupport.ts: Acme PPO earns $10,000.00 a year; floor 2% = $200.00, payer's market maximum $350.00)
 * with a Proposals table of Acme's proposals, two of ours and three of the payer's, priced as PAYER.UPLIFT_SCENARIO prices them
 * over the same claim lines; and the builders of the three sheets, in the order a user builds them.
 */
import { associated } from "../../functions/support/installShim";
import "../../../src/functions/functions";
import { buildBriefSheet, describeBriefSheetIssue, type BriefSheetRequest } from "../../../src/excel/negotiation/briefSheetBuild"; // prettier-ignore
import { buildNegotiationSheet } from "../../../src/excel/negotiation/buildNegotiationSheet";
import { describeNegotiationSheetIssue } from "../../../src/excel/negotiation/negotiationSheetIssues";
import { buildProposalSheet, describeProposalSheetIssue } from "../../../src/excel/negotiation/proposalSheetBuild";
import { PROPOSALS_SPEC } from "../../../src/excel/negotiation/proposalTable";
import { parseAddress, WorkbookSimulator } from "../../../src/playground/simulator";
import { aNegotiationRequest, aNegotiationSheetWorkbook } from "./negotiationSheetSupport";
import { aProposalRow, tableSheet, type Row } from "./proposalSupport";

export const NOW = () => new Date("2026-09-02T12:00:00Z");
export const NEGOTIATION = "Negotiation - Acme PPO";
export const PROPOSALS = "Proposals - Acme PPO";
export const BRIEF = "Brief - Acme PPO";

/** Acme's proposals: ours at 7% and 5% on the top code; the payer's at 1%, 3% over two years, and 2%. */
export const BRIEF_PROPOSAL_ROWS = [
  aProposalRow({ Proposal: "Opening: 7% flat", Date: "2026-03-01", Kind: "Across the board", "Uplift %": 0.07 }),
  aProposalRow({ Proposal: "5% on the top code", Date: "2026-03-10", Kind: "Top-N uplift", "Uplift %": 0.05, "Top N": 1 }), // prettier-ignore
  aProposalRow({ Proposal: "Payer: 1% flat", Party: "Payer", Date: "2026-03-05", Kind: "Across the board", "Uplift %": 0.01 }), // prettier-ignore
  aProposalRow({ Proposal: "Payer: 3% for 2 years", Party: "Payer", Date: "2026-03-15", Kind: "Across the board", "Uplift %": 0.03, "Annual Escalator %": 0.02, "Term (years)": 2 }), // prettier-ignore
  aProposalRow({ Proposal: "Payer: 2% flat", Party: "Payer", Date: "2026-03-20", Kind: "Across the board", "Uplift %": 0.02 }), // prettier-ignore
];

/** The workbook, with the PAYER functions registered for the Proposals sheet; `rows` replaces the proposals. */
export function aBriefWorkbook(rows: readonly Row[] = BRIEF_PROPOSAL_ROWS): WorkbookSimulator {
  const base = aNegotiationSheetWorkbook();
  const headers = Object.values(PROPOSALS_SPEC.columns).map((column) => column.header);
  const proposals = tableSheet("Proposal Tracker", PROPOSALS_SPEC.title, headers, rows);
  return new WorkbookSimulator({ ...base, sheets: [...base.sheets, proposals] }, { customFunctions: associated });
}

/** Builds the Negotiation sheet with the form's defaults. */
export async function buildNegotiation(simulator: WorkbookSimulator, replace = false) {
  const result = await buildNegotiationSheet(simulator.excel, aNegotiationRequest({ replace }), { now: NOW });
  if (!result.ok) throw new Error(describeNegotiationSheetIssue(result.issue));
  await simulator.whenIdle();
  return result.value;
}

/** Builds the Proposals sheet over the same claims table and mapping. */
export async function buildProposals(simulator: WorkbookSimulator, replace = false) {
  const { tableName, mapping } = aNegotiationRequest();
  const result = await buildProposalSheet(simulator.excel, { contractName: "Acme PPO", tableName, mapping, replace }, { now: NOW }); // prettier-ignore
  if (!result.ok) throw new Error(describeProposalSheetIssue(result.issue));
  await simulator.whenIdle();
  return result.value;
}

/** Builds the brief: its value, or the message of why not. */
export async function buildBrief(simulator: WorkbookSimulator, request: Partial<BriefSheetRequest> = {}) {
  const result = await buildBriefSheet(simulator.excel, { contractName: "Acme PPO", replace: false, ...request }, { now: NOW }); // prettier-ignore
  await simulator.whenIdle();
  return result.ok ? result.value : describeBriefSheetIssue(result.issue);
}

/** A cell's value by its A1 address. */
export function valueAt(simulator: WorkbookSimulator, sheet: string, address: string): unknown {
  const parsed = parseAddress(address)!;
  return simulator.cell(sheet, parsed.rect.row, parsed.rect.column).value;
}

/** A cell's formula by its A1 address. */
export function formulaAt(simulator: WorkbookSimulator, sheet: string, address: string): string | null {
  const parsed = parseAddress(address)!;
  return simulator.cell(sheet, parsed.rect.row, parsed.rect.column).formula;
}
