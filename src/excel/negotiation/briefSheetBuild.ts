/**
 * Builds (or, once the user confirmed it, rebuilds in place) the executive brief of one contract (briefSheetLayout.ts)
 * as one operation (ARCHITECTURE.md s.5). The brief refers to the contract's Negotiation sheet (the one built here for
 * it, recorded in `negotiationSheets`) and its Proposals sheet, so both must exist: the build names the missing ones
 * and writes nothing. The Proposals sheet's proposal rows are read to choose the ones shown; the brief is staged on a
 * hidden sheet with its formats, chart and print settings in one request; the commit replaces the contract's earlier
 * brief and records the new one in `briefSheets`. A user's own sheet of the name is never replaced.
 *
 * When the contract's Objections sheet is built, the brief ends with its objections and counterpoints (references).
 *
 * Requests: 1 for the Negotiation sheet's record, 1 for the sheets and the brief's record, 1 for the proposal rows,
 * 1 for the Objections sheet's record, 1 staging sheet written with everything, the runner's look and the commit
 * (and, for a rebuild, 1 to read what the rewrite needs).
 */
import { catalogue, fail, ok, PROPOSAL_PARTIES, type Result } from "../../engine";
import { findSheetNamed } from "../core/builtSheets";
import {
  contractSheetName,
  placeContractSheet,
  readContractSheet,
  type ContractSheetKind,
  type ContractSheetState,
} from "./contractSheets";
import type { ExcelGateway } from "../core/excelGateway";
import { activateSheet, describeOperationIssue, runOperation, type OperationIssue } from "../core/operation";
import { writeBlock, setColumnWidths } from "../core/sheetBlocks";
import { negotiationCells, objectionCells } from "./briefSources";
import { findObjectionSheet } from "./objectionSheetBuild";
import { layoutBriefSheet, type BriefSheetLayout } from "./briefSheetLayout";
import { findNegotiationSheet } from "./buildNegotiationSheet";
import { proposalSheetName } from "./proposalSheetBuild";
import { PROPOSAL_COLUMNS, PROPOSAL_SHEET_ROWS } from "./proposalSheetLayout";

/** The setting listing the briefs built in this workbook (sheet id and contract). */

/** Each side's latest proposals the brief shows side by side. */
export const PROPOSALS_PER_SIDE = 3;
/** Proposal rows of the Proposals sheet read at most (a contract has a handful). */
const MAX_PROPOSAL_ROWS = 500;

/** What to build: the contract, and whether the user confirmed replacing its earlier brief. */
export interface BriefSheetRequest {
  readonly contractName: string;
  readonly replace: boolean;
}

/** Why the brief was not built (nothing was written). */
export type BriefSheetIssue =
  | { readonly code: "sheetsMissing"; readonly contractName: string; readonly sheetNames: readonly string[] }
  | { readonly code: "sheetTaken"; readonly sheetName: string }
  | { readonly code: "replaceNotConfirmed"; readonly sheetName: string }
  | OperationIssue;

/** The message a finance user reads for an issue. */
export const describeBriefSheetIssue: (issue: BriefSheetIssue) => string = catalogue<BriefSheetIssue>({
  sheetsMissing: (i) =>
    `The brief refers to the Negotiation and Proposals sheets of "${i.contractName}"; not built for it yet: ${i.sheetNames.map((name) => `"${name}"`).join(" and ")}. Build ${i.sheetNames.length === 1 ? "it" : "them"} from the Negotiation tab first. Nothing was written.`, // prettier-ignore
  sheetTaken: (i) =>
    `A sheet named "${i.sheetName}" already exists and was not built here as a brief: rename or move it, then build again. Nothing was written.`, // prettier-ignore
  replaceNotConfirmed: (i) => `The sheet "${i.sheetName}" already exists: confirm that it may be replaced. Nothing was written.`, // prettier-ignore
  cancelled: (i) => describeOperationIssue(i),
  excelRefused: (i) => describeOperationIssue(i),
});

/** The brief of a contract: "Brief - <contract>". */
const BRIEF_SHEET: ContractSheetKind = { prefix: "Brief - ", setting: "briefSheets", noun: "brief" };

/** The brief's name for a contract (contractSheets.ts). */
export const briefSheetName = (contractName: string): string => contractSheetName(BRIEF_SHEET, contractName);

/** The contract's brief in the workbook: absent, built here for it, or a sheet of that name that is not its. */
export type BriefSheetState = ContractSheetState;

/** Whether the contract already has a brief (the pane asks before replacing it); one request. */
export async function findBriefSheet(excel: ExcelGateway, contractName: string): Promise<BriefSheetState> {
  return (await readContractSheet(excel, BRIEF_SHEET, contractName)).state;
}

/** A built brief: its name, whether it replaced the earlier one, and its layout. */
export interface BuiltBriefSheet {
  readonly sheetName: string;
  readonly replaced: boolean;
  readonly layout: BriefSheetLayout;
}

/** The parties of the Proposals sheet's proposal rows, from its first proposal row until the first blank one. */
async function readProposalParties(excel: ExcelGateway, sheetName: string): Promise<string[]> {
  const first = PROPOSAL_SHEET_ROWS.firstProposal + 1;
  const address = PROPOSAL_COLUMNS.range("party", first, first + MAX_PROPOSAL_ROWS - 1);
  const values = await excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheetName).getRange(address).load("values");
    await context.sync();
    return range.values;
  });
  const blank = values.findIndex(([party]) => party === "" || party === null);
  return values.slice(0, blank === -1 ? values.length : blank).map(([party]) => String(party));
}

/** The rows shown: each side's latest proposals (the sheet orders each side by date), ours first. */
function shownRows(parties: readonly string[]): { row: number }[] {
  const first = PROPOSAL_SHEET_ROWS.firstProposal + 1;
  const rows = parties.map((party, i) => ({ party, row: first + i }));
  const latest = (label: string) => rows.filter((r) => r.party === label).slice(-PROPOSALS_PER_SIDE);
  return [...latest(PROPOSAL_PARTIES.ours.label), ...latest(PROPOSAL_PARTIES.payer.label)].map(({ row }) => ({ row }));
}

/** Queues the brief: blocks, then its dressing. */
function queueSheet(sheet: Excel.Worksheet, layout: BriefSheetLayout): void {
  for (const block of layout.blocks) writeBlock(sheet, block);
  dressSheet(sheet, layout);
}

/**
 * What a copy of the brief's cells does not carry (a rebuild queues it again): widths, the positions chart and,
 * where the host has them, the print settings.
 */
function dressSheet(sheet: Excel.Worksheet, layout: BriefSheetLayout): void {
  setColumnWidths(sheet, layout.columnWidths);
  const chart = sheet.charts.add("BarClustered", sheet.getRange(layout.chart.source), "Columns");
  chart.title.text = layout.chart.title;
  chart.legend.visible = false;
  chart.setPosition(layout.chart.topLeft, layout.chart.bottomRight);
  // Page layout is ExcelApi 1.9: an older host (and the workbook simulator) has no pageLayout, and the brief is
  // still whole without it.
  if (!("pageLayout" in sheet)) return;
  sheet.pageLayout.orientation = "Landscape";
  sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
  sheet.pageLayout.setPrintArea(layout.print.area);
  sheet.pageLayout.setPrintTitleRows(layout.print.titleRows);
}

/**
 * Builds the brief of `request.contractName` (see the module comment); with `replace` false, an earlier brief of the
 * contract is left alone and the build refused (the pane asks the user first).
 * @example const built = await buildBriefSheet(hostExcel(), { contractName: "Acme Health PPO", replace: false });
 */
export async function buildBriefSheet(
  excel: ExcelGateway,
  request: BriefSheetRequest,
  options: { readonly signal?: AbortSignal; readonly now?: () => Date } = {},
): Promise<Result<BuiltBriefSheet, BriefSheetIssue>> {
  const asOf = (options.now?.() ?? new Date()).toISOString().slice(0, 10);
  const { contractName } = request;
  const sheetName = briefSheetName(contractName);
  const stop = (issue: BriefSheetIssue) => fail<BriefSheetIssue>(issue);
  return runOperation(excel, { what: `building the sheet "${sheetName}"`, signal: options.signal }, async (op) => {
    const negotiation = await findNegotiationSheet(op.excel, contractName);
    const brief = await readContractSheet(op.excel, BRIEF_SHEET, contractName);
    const { state, sheets } = brief;
    const proposals = findSheetNamed(sheets, proposalSheetName(contractName));
    const missing = [
      ...(negotiation.kind === "built" ? [] : [negotiation.sheetName]),
      ...(proposals === null ? [proposalSheetName(contractName)] : []),
    ];
    if (missing.length > 0 || negotiation.kind !== "built" || proposals === null)
      return stop({ code: "sheetsMissing", contractName, sheetNames: missing });
    if (state.kind === "taken") return stop({ code: "sheetTaken", sheetName: state.sheetName });
    if (state.kind === "built" && !request.replace) return stop({ code: "replaceNotConfirmed", sheetName: state.sheetName }); // prettier-ignore
    const parties = await readProposalParties(op.excel, proposals.name);
    const objectionSheet = await findObjectionSheet(op.excel, contractName);
    const objections = objectionSheet.kind === "built" ? { sheetName: objectionSheet.sheetName, counterpoints: objectionCells() } : null; // prettier-ignore
    const first = PROPOSAL_SHEET_ROWS.firstProposal + 1;
    const layout = layoutBriefSheet({
      contractName,
      negotiationSheet: negotiation.sheetName,
      negotiation: negotiationCells(),
      proposalSheet: proposals.name,
      proposalRows: parties.length === 0 ? null : { first, last: first + parties.length - 1 },
      shown: shownRows(parties),
      objections,
      asOf,
    });
    op.checkCancelled();
    const [staged] = await op.addStagingSheets(1, ([sheet], context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      queueSheet(sheet!, layout);
    });
    const dress = (target: Excel.Worksheet) => dressSheet(target, layout);
    const placed = await placeContractSheet(op.excel, BRIEF_SHEET, brief, { stagedId: staged!.id, sheetName, contractName, dress, chartCount: 1 }); // prettier-ignore
    return ok({
      output: { sheetName, replaced: state.kind === "built", layout },
      steps: [...placed.steps, activateSheet(placed.sheetId)],
    });
  });
}
