/**
 * Builds (or, once the user confirmed it, rebuilds in place) the Objections sheet of one contract as one operation
 * (ARCHITECTURE.md s.5), as the Negotiation sheet is built: the registry's tables are read (is there a contract of
 * that name, a Benchmarks table?), then the contract's claims and the claims table's headers (has the variance review
 * added its Variance Flag?); the sheet (objectionSheetLayout.ts) is staged on a hidden working sheet in one request;
 * the commit replaces the contract's earlier sheet and records the new one. Any failure or cancel before the commit
 * leaves the workbook as it was. A user's own sheet of the name is never replaced.
 */
import { fail, ok, registryKey, type IsoDate, type Result } from "../../engine";
import { BENCHMARKS_TABLE } from "../benchmarks/benchmarkColumns";
import { claimsMappingStep } from "../claims/claimsMapping";
import { sheetNameProblem } from "../core/builtSheets";
import type { ExcelGateway } from "../core/excelGateway";
import { activateSheet, runOperation } from "../core/operation";
import { BLOCK_FILLS, writeBlock, setColumnWidths } from "../core/sheetBlocks";
import { buildRegistry, readRegistryTables } from "../registry";
import { REVIEW_COLUMNS } from "../varianceReview/reviewColumns";
import {
  contractSheetName,
  placeContractSheet,
  readContractSheet,
  type ContractSheetKind,
  type ContractSheetState,
} from "./contractSheets";
import { readContractClaims } from "./negotiationClaims";
import type { ObjectionSheetIssue, ObjectionSheetRequest } from "./objectionSheetIssues";
import { layoutObjectionSheet, type ObjectionSheetLayout } from "./objectionSheetLayout";

/** How many of the contract's codes, by revenue, the market comparison takes. */
export const OBJECTION_TOP_CODES = 10;

/** The Objections sheet of a contract: "Objections - <contract>". */
const OBJECTION_SHEET: ContractSheetKind = {
  prefix: "Objections - ",
  setting: "objectionSheets",
  noun: "Objections sheet",
};

/** The sheet's name for a contract (contractSheets.ts). */
export const objectionSheetName = (contractName: string): string => contractSheetName(OBJECTION_SHEET, contractName);

/** The contract's sheet in the workbook: absent, built here for it, or a sheet of that name that is not its. */
export type ObjectionSheetState = ContractSheetState;

/** Whether the contract already has its sheet (the pane asks before replacing it); one request. */
export async function findObjectionSheet(excel: ExcelGateway, contractName: string): Promise<ObjectionSheetState> {
  return (await readContractSheet(excel, OBJECTION_SHEET, contractName)).state;
}

/** A built sheet: its name, whether it replaced the earlier one, and its layout. */
export interface BuiltObjectionSheet {
  readonly sheetName: string;
  readonly replaced: boolean;
  readonly layout: ObjectionSheetLayout;
}

/** The claims table's Variance Flag header as written (null without one): the variance review's flags. */
async function reviewFlagHeader(excel: ExcelGateway, tableName: string): Promise<string | null> {
  return excel.run(async (context) => {
    const header = context.workbook.tables.getItem(tableName).getHeaderRowRange().load("values");
    await context.sync();
    const wanted = REVIEW_COLUMNS.flag.name.toLowerCase();
    const found = (header.values[0] ?? []).map(String).find((name) => name.trim().toLowerCase() === wanted);
    return found ?? null;
  });
}

/** Queues the sheet: blocks, input shading and widths. */
function queueSheet(sheet: Excel.Worksheet, layout: ObjectionSheetLayout): void {
  for (const block of layout.blocks) writeBlock(sheet, block);
  for (const address of layout.inputCells) sheet.getRange(address).format.fill.color = BLOCK_FILLS.input;
  setColumnWidths(sheet, layout.columnWidths);
}

/** What a copy of the sheet's cells does not carry (a rebuild queues it again): the widths. */
const dressSheet = (layout: ObjectionSheetLayout) => (sheet: Excel.Worksheet) => setColumnWidths(sheet, layout.columnWidths); // prettier-ignore

/**
 * Builds the Objections sheet `request` describes (see the module comment); with `replace` false, an earlier sheet
 * of the contract is left alone and the build refused (the pane asks the user first).
 * @example const built = await buildObjectionSheet(hostExcel(), { contractName: "Acme Health PPO", tableName: "Claims", mapping, replace: false });
 */
export async function buildObjectionSheet(
  excel: ExcelGateway,
  request: ObjectionSheetRequest,
  options: { readonly signal?: AbortSignal; readonly now?: () => Date } = {},
): Promise<Result<BuiltObjectionSheet, ObjectionSheetIssue>> {
  const asOf = (options.now?.() ?? new Date()).toISOString().slice(0, 10) as IsoDate;
  const sheetName = objectionSheetName(request.contractName);
  return runOperation(excel, { what: `building the sheet "${sheetName}"`, signal: options.signal }, async (op) => {
    if (sheetNameProblem(sheetName) !== null) return fail<ObjectionSheetIssue>({ code: "sheetTaken", sheetName });
    // Only the registry's own tables: the contract's name is all this sheet needs of it.
    const read = await readRegistryTables(op.excel, () => []);
    const versions = buildRegistry(read.tables).registry.versionsByName.get(registryKey(request.contractName)) ?? [];
    if (versions.length === 0) return fail({ code: "contractNotFound", contractName: request.contractName });
    const market = read.tableNames.some((name) => registryKey(name) === registryKey(BENCHMARKS_TABLE));
    const sheet = await readContractSheet(op.excel, OBJECTION_SHEET, request.contractName);
    const { state } = sheet;
    if (state.kind === "taken")
      return fail(state.contractName === null ? { code: "sheetTaken", sheetName: state.sheetName } : { code: "sheetOfAnotherContract", sheetName: state.sheetName, contractName: state.contractName }); // prettier-ignore
    if (state.kind === "built" && !request.replace) return fail({ code: "replaceNotConfirmed", sheetName: state.sheetName }); // prettier-ignore
    const claims = await readContractClaims(op.excel, request);
    if (!claims.ok) return fail({ code: "claims", issue: claims.issue });
    const flagHeader = await reviewFlagHeader(op.excel, request.tableName);
    const { mapping } = request;
    const layout = layoutObjectionSheet({
      contractName: request.contractName,
      claims: { tableName: request.tableName, contractHeader: mapping.contractName!, codeHeader: mapping.hcpcsCode!, amountHeader: mapping.amount!, unitsHeader: mapping.units }, // prettier-ignore
      codes: claims.value.codes.slice(0, OBJECTION_TOP_CODES).map((code) => code.hcpcsCode),
      market,
      reviewFlagHeader: flagHeader,
      asOf,
    });
    op.checkCancelled();
    const [staged] = await op.addStagingSheets(1, ([sheet], context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      queueSheet(sheet!, layout);
    });
    const placed = await placeContractSheet(op.excel, OBJECTION_SHEET, sheet, { stagedId: staged!.id, sheetName, contractName: request.contractName, dress: dressSheet(layout), chartCount: 0 }); // prettier-ignore
    return ok({
      output: { sheetName, replaced: state.kind === "built", layout },
      steps: [...placed.steps, claimsMappingStep(request.tableName, mapping), activateSheet(placed.sheetId)],
    });
  });
}
