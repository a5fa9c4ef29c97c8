/**
 * Builds a contract's Proposals sheet (proposalSheetLayout.ts) as one operation (ARCHITECTURE.md s.5): the
 * contracts, the Proposals rows and the uplift tables they name are read; the contract's claim lines are read through
 * the uplift model's reader and every proposal priced by the engine (priceProposal), so a proposal that does not
 * price, a contract without claim lines or a Proposals row that does not read stops the build with nothing written.
 * The sheet is staged under a working name and written in one request; the commit puts it in place. An earlier build
 * of the same sheet is rewritten in place (so the brief's references to it stay) only when the caller says the user
 * confirmed it: never a "... 2" copy. When the
 * contract's Negotiation sheet exists, the floor and target refer to its floor and target instead of being inputs.
 */
import { catalogue, describeProposalIssue, fail, ok, priceProposal, registryKey, type Cents } from "../../engine";
import type { ProposalIssue, ProposalTerms, Result, UpliftScenario } from "../../engine";
import type { ClaimsMapping } from "../claims/claimsMapping";
import { findSheetNamed } from "../core/builtSheets";
import type { ExcelGateway } from "../core/excelGateway";
import { activateSheet, describeOperationIssue, placeBuild, runOperation, type OperationIssue } from "../core/operation"; // prettier-ignore
import { BLOCK_FILLS, writeBlock, setColumnWidths } from "../core/sheetBlocks";
import { registryIssueMessage } from "../registry/issues";
import { readRegistryTables } from "../registry/readRegistry";
import { PAYER_CONTRACTS_SPEC } from "../registry/registryTables";
import { parseTable, type TableData } from "../registry/tableSpec";
import { describeUpliftModelIssue, DEFAULT_FLOOR, DEFAULT_TARGET, readClaimLines, type UpliftModelIssue } from "../upliftModel"; // prettier-ignore
import { groupModelLines, type ModelLineGroups } from "../upliftModel/lineGroups";
import { negotiationCells } from "./briefSources";
import { findNegotiationSheet } from "./buildNegotiationSheet";
import { sheetProposalOf, sortedForSheet } from "./proposalSheetRows";
import { layoutProposalSheet, type ProposalSheetLayout, type ProposalSheetLine } from "./proposalSheetLayout";
import { PROPOSALS_SPEC } from "./proposalTable";

/** What to build: the contract, and the claims table (with its confirmed mapping) whose lines price it. */
export interface ProposalSheetRequest {
  readonly contractName: string;
  readonly tableName: string;
  readonly mapping: ClaimsMapping;
  /** The user confirmed replacing an earlier build of the sheet. */
  readonly replace: boolean;
}

/** One proposal as priced by the engine, in dollars' cents. */
export interface PricedRow {
  readonly proposalName: string;
  readonly year1AddedCents: Cents;
  readonly termAddedCents: Cents;
}

/** The sheet built. */
export interface BuiltProposalSheet {
  readonly sheetName: string;
  readonly replaced: boolean;
  readonly lineCount: number;
  readonly currentCents: Cents;
  /** In the sheet's order. */
  readonly proposals: readonly PricedRow[];
  readonly layout: ProposalSheetLayout;
}

/** Why the sheet was not built (nothing was written). */
export type ProposalSheetIssue =
  | { readonly code: "contractUnknown"; readonly contractName: string }
  | { readonly code: "noProposals"; readonly contractName: string }
  | { readonly code: "proposalsUnreadable"; readonly messages: readonly string[] }
  | { readonly code: "proposalInvalid"; readonly proposalName: string; readonly rowNumber: number; readonly issue: ProposalIssue } // prettier-ignore
  | { readonly code: "claimsNoContractColumn"; readonly tableName: string }
  | { readonly code: "noClaimLines"; readonly tableName: string; readonly contractName: string }
  | { readonly code: "claims"; readonly issue: UpliftModelIssue }
  | { readonly code: "sheetExists"; readonly sheetName: string }
  | OperationIssue;

/** The message a finance user reads for an issue. */
export const describeProposalSheetIssue: (issue: ProposalSheetIssue) => string = catalogue<ProposalSheetIssue>({
  contractUnknown: (i) => `PayerContracts has no contract "${i.contractName}": choose one of its contracts. Nothing was built.`, // prettier-ignore
  noProposals: (i) => `Table ${PROPOSALS_SPEC.title} has no proposal for "${i.contractName}": add one first. Nothing was built.`, // prettier-ignore
  proposalsUnreadable: (i) => `${i.messages.join(" ")} Correct the row, then build again. Nothing was built.`,
  proposalInvalid: (i) => `Proposal "${i.proposalName}" (row ${i.rowNumber} of ${PROPOSALS_SPEC.title}): ${describeProposalIssue(i.issue)} Nothing was built.`, // prettier-ignore
  claimsNoContractColumn: (i) => `The proposals are priced over each contract's own lines, but no column of table ${i.tableName} is mapped as the contract: map it, then build again. Nothing was built.`, // prettier-ignore
  noClaimLines: (i) => `Table ${i.tableName} has no claim line of contract "${i.contractName}" to price the proposals over. Nothing was built.`, // prettier-ignore
  claims: (i) => `${describeUpliftModelIssue(i.issue)} Nothing was built.`,
  sheetExists: (i) => `The sheet "${i.sheetName}" already exists: confirm to replace it with the new build.`,
  cancelled: (i) => describeOperationIssue(i),
  excelRefused: (i) => describeOperationIssue(i),
});

/** The sheet of a contract's proposals: "Proposals - Acme PPO", within Excel's 31 characters and allowed letters. */
export function proposalSheetName(contractName: string): string {
  const name = `Proposals - ${contractName.replace(/[\\/?*[\]:]/g, " ").trim()}`.slice(0, 31).trim();
  return name.replace(/'+$/, "");
}

const todayIso = (now: Date) => now.toISOString().slice(0, 10);

/** A table's (code, fraction) rows: its first two columns. */
const upliftRows = (data: TableData | undefined) =>
  data === undefined ? null : data.rows.map((row) => row.slice(0, 2));

/**
 * Builds the Proposals sheet of `request.contractName`; returns it, or the issue that stopped it with the workbook as
 * it was.
 * @example const built = await buildProposalSheet(hostExcel(), { contractName: "Acme PPO", tableName: "Claims", mapping, replace: false });
 */
export async function buildProposalSheet(
  excel: ExcelGateway,
  request: ProposalSheetRequest,
  options: { readonly signal?: AbortSignal; readonly now?: () => Date } = {},
): Promise<Result<BuiltProposalSheet, ProposalSheetIssue>> {
  const sheetName = proposalSheetName(request.contractName);
  const stop = (issue: ProposalSheetIssue) => fail<ProposalSheetIssue>(issue);
  return runOperation(excel, { what: `building the sheet "${sheetName}"`, signal: options.signal }, async (op) => {
    const read = await readRegistryTables(op.excel, () => [PROPOSALS_SPEC.title]);
    const contracts = read.tables.get(registryKey(PAYER_CONTRACTS_SPEC.title));
    const key = registryKey(request.contractName);
    const known = contracts !== undefined && parseTable(PAYER_CONTRACTS_SPEC, contracts).rows.some((r) => registryKey(r.contractName) === key); // prettier-ignore
    if (!known) return stop({ code: "contractUnknown", contractName: request.contractName });
    const data = read.tables.get(registryKey(PROPOSALS_SPEC.title));
    const parsed = data === undefined ? null : parseTable(PROPOSALS_SPEC, data);
    const ofContract = (name: unknown) => typeof name === "string" && registryKey(name) === key;
    const rejected = new Set((parsed?.rejected ?? []).filter((r) => ofContract(r.cells.contractName)).map((r) => r.rowNumber)); // prettier-ignore
    const problems = (parsed?.issues ?? []).filter((i) => "rowNumber" in i && rejected.has(i.rowNumber));
    if (problems.length > 0) return stop({ code: "proposalsUnreadable", messages: problems.map(registryIssueMessage) });
    const rows = sortedForSheet((parsed?.rows ?? []).filter((row) => ofContract(row.contractName)));
    if (rows.length === 0) return stop({ code: "noProposals", contractName: request.contractName });

    const { mapping, tableName } = request;
    if (mapping.contractName === null) return stop({ code: "claimsNoContractColumn", tableName });
    const capAtBilled = mapping.chargeAmount !== null;
    const filters = { payers: null, contractNames: [request.contractName], serviceDateFrom: null, serviceDateTo: null };
    const lines = await readClaimLines(op.excel, { tableName, mapping, filters, capAtBilled });
    if (!lines.ok) {
      return lines.issue.code === "noLines"
        ? stop({ code: "noClaimLines", tableName, contractName: request.contractName })
        : stop({ code: "claims", issue: lines.issue });
    }
    // The uplift tables named by per-code proposals, read in one more round trip.
    const named = rows.flatMap((row) => (row.kind === "perCode" && row.perCodeRates !== null ? [row.perCodeRates.trim()] : [])); // prettier-ignore
    const tables = named.length === 0 ? new Map<string, TableData>() : (await readRegistryTables(op.excel, () => named)).tables; // prettier-ignore
    const tableRows = (name: string) => upliftRows(tables.get(registryKey(name)));
    const claimLines = {
      codes: lines.value.hcpcsCodes,
      amounts: lines.value.amountCents.map((cents) => cents / 100),
      billed: lines.value.chargeCents?.map((cents) => (cents === null ? null : cents / 100)) ?? null,
    };
    const priced = [];
    for (const row of rows) {
      const terms: ProposalTerms = { ...row, termYears: row.termYears };
      const result = priceProposal(terms, claimLines, tableRows);
      if (!result.ok) return stop({ code: "proposalInvalid", proposalName: row.proposalName, rowNumber: row.rowNumber, issue: result.issue }); // prettier-ignore
      priced.push({ row, priced: result.value, proposal: sheetProposalOf(row, tableRows) });
    }
    const currentCents = priced[0]!.priced.currentCents;
    // The contract's own Negotiation sheet (not a user's sheet of the name) sets the floor and target.
    const negotiationSheet = await findNegotiationSheet(op.excel, request.contractName);
    const { positions } = negotiationCells();
    const negotiation = negotiationSheet.kind === "built" ? { sheetName: negotiationSheet.sheetName, floor: positions.floor.added, target: positions.target.added } : null; // prettier-ignore
    const layout = layoutProposalSheet({
      contractName: request.contractName,
      claims: { tableName, amount: mapping.amount ?? "", contractName: mapping.contractName, chargeAmount: mapping.chargeAmount }, // prettier-ignore
      lineCount: lines.value.hcpcsCodes.length,
      lines: sheetLines(groupModelLines(lines.value), priced[0]!.priced.scenario),
      proposals: priced.map((p) => p.proposal),
      floorDollars: Math.round(DEFAULT_FLOOR.value * currentCents) / 100,
      targetDollars: Math.round(DEFAULT_TARGET.value * currentCents) / 100,
      negotiation,
      asOf: todayIso(options.now?.() ?? new Date()),
    });

    const sheets = await op.excel.run(async (context) => {
      const items = context.workbook.worksheets.load("items/name,items/id");
      await context.sync();
      return items.items.map((s) => ({ name: s.name, id: s.id }));
    });
    const earlier = findSheetNamed(sheets, sheetName);
    if (earlier !== null && !request.replace) return stop({ code: "sheetExists", sheetName: earlier.name });
    op.checkCancelled();
    const [staged] = await op.addStagingSheets(1);
    await op.write((context) => writeSheet(context.workbook.worksheets.getItem(staged!.id), layout));
    const output: BuiltProposalSheet = {
      sheetName,
      replaced: earlier !== null,
      lineCount: lines.value.hcpcsCodes.length,
      currentCents,
      proposals: priced.map(({ row, priced: p }) => ({
        proposalName: row.proposalName,
        year1AddedCents: p.years[0]!.addedCents,
        termAddedCents: p.termAddedCents,
      })),
      layout,
    };
    const dress = (sheet: Excel.Worksheet) => setColumnWidths(sheet, layout.columnWidths);
    const placed = await placeBuild(op.excel, { stagedId: staged!.id, name: sheetName, dress, chartCount: 0 }, earlier);
    return ok({ output, steps: [...placed.steps, activateSheet(placed.sheetId)] });
  });
}

/** The grouped claim lines with their code's rank (as the uplift engine ranked the codes), in rank order. */
function sheetLines(groups: ModelLineGroups, scenario: UpliftScenario): ProposalSheetLine[] {
  const rankOf = new Map<string, number>(scenario.codes.map((code, i) => [code.hcpcsCode, i + 1]));
  const lines = groups.hcpcsCodes.map((hcpcsCode, i) => ({
    hcpcsCode,
    rank: rankOf.get(hcpcsCode) ?? scenario.codes.length + 1,
    amountCents: groups.amountCents[i]!,
    chargeCents: groups.chargeCents?.[i] ?? null,
    lineCount: groups.lineCounts[i]!,
  }));
  // By rank, then the larger amounts first: a reader finds a code's lines together, the top codes first.
  return lines.sort((a, b) => a.rank - b.rank || b.amountCents - a.amountCents);
}

/** The blocks, the input shading, the widths and the "below floor" / "meets target" formats, in one request. */
function writeSheet(sheet: Excel.Worksheet, layout: ProposalSheetLayout): void {
  for (const block of layout.blocks) writeBlock(sheet, block);
  for (const cell of layout.inputCells) sheet.getRange(cell).format.fill.color = BLOCK_FILLS.input;
  setColumnWidths(sheet, layout.columnWidths);
  if (layout.verdictRange === null) return;
  const first = layout.verdictRange.split(":")[0]!;
  for (const [words, fill, font] of [
    ["Below floor", "#FFC7CE", "#9C0006"],
    ["Meets target", "#C6EFCE", "#006100"],
  ] as const) {
    const format = sheet.getRange(layout.verdictRange).conditionalFormats.add("Custom");
    format.custom.rule.formula = `=${first}="${words}"`;
    format.custom.format.fill.color = fill;
    format.custom.format.font.color = font;
  }
}
