/**
 * Builds (or, once the user confirmed it, rebuilds in place) the Negotiation sheet of one contract as one operation
 * (ARCHITECTURE.md s.5), as the Benchmarks and Contract Performance sheets are built: the registry and the Benchmarks
 * table are read, then the contract's claims; the engine computes the figures (zopa.ts), which also checks the inputs;
 * the sheet (negotiationSheetLayout.ts) is staged on a hidden working sheet in one request with its formats and chart;
 * the commit replaces the contract's earlier sheet, records the new one and stores the claims mapping. Any failure or
 * cancel before the commit leaves the workbook as it was. A user's own sheet of the name is never replaced.
 *
 * Requests: 3 to read the registry and the Benchmarks table, 1 for the sheets and the record, 3 for the claims
 * columns, 1 staging sheet written with everything, the runner's look and the commit.
 */
import {
  checkNegotiationInputs,
  computeNegotiation,
  describeContractRates,
  fail,
  findContractVersion,
  marketRate,
  ok,
  registryKey,
  Decimal,
  type IsoDate,
  type MarketRateEntry,
  type NegotiationCode,
  type NegotiationPosition,
  type Result,
} from "../../engine";
import { BENCHMARKS_SPEC, BENCHMARKS_TABLE } from "../benchmarks/benchmarkColumns";
import { claimsMappingStep } from "../claims/claimsMapping";
import { sheetNameProblem } from "../core/builtSheets";
import type { ExcelGateway } from "../core/excelGateway";
import { activateSheet, runOperation } from "../core/operation";
import { BLOCK_FILLS, writeBlock, setColumnWidths } from "../core/sheetBlocks";
import { buildRegistry, parseTable, readRegistryTables, scheduleTablesNeeded, type TableData } from "../registry";
import {
  contractSheetName,
  placeContractSheet,
  readContractSheet,
  type ContractSheetKind,
  type ContractSheetState,
} from "./contractSheets";
import { readContractClaims } from "./negotiationClaims";
import type { NegotiationSheetIssue, NegotiationSheetRequest } from "./negotiationSheetIssues";
import { layoutNegotiationSheet, type NegotiationSheetLayout } from "./negotiationSheetLayout";

/** The Negotiation sheet of a contract: "Negotiation - <contract>". */
const NEGOTIATION_SHEET: ContractSheetKind = {
  prefix: "Negotiation - ",
  setting: "negotiationSheets",
  noun: "Negotiation sheet",
};

/** The sheet's name for a contract (contractSheets.ts). */
export const negotiationSheetName = (contractName: string): string =>
  contractSheetName(NEGOTIATION_SHEET, contractName);

/** The contract's sheet in the workbook: absent, built here for it, or a sheet of that name that is not its. */
export type NegotiationSheetState = ContractSheetState;

/** Whether the contract already has its sheet (the pane asks before replacing it); one request. */
export async function findNegotiationSheet(excel: ExcelGateway, contractName: string): Promise<NegotiationSheetState> {
  return (await readContractSheet(excel, NEGOTIATION_SHEET, contractName)).state;
}

/** A built sheet: its name, whether it replaced the earlier one, the engine's figures it shows, and its layout. */
export interface BuiltNegotiationSheet {
  readonly sheetName: string;
  readonly replaced: boolean;
  readonly lineCount: number;
  readonly position: NegotiationPosition;
  readonly layout: NegotiationSheetLayout;
}

/** The Benchmarks table's dollar and percent rates by code (trimmed, upper case), or why it cannot be read. */
function marketOf(
  data: TableData | undefined,
): Result<ReadonlyMap<string, MarketRateEntry[]> | null, NegotiationSheetIssue> {
  if (data === undefined) return ok(null);
  const parsed = parseTable(BENCHMARKS_SPEC, data);
  const missing = parsed.issues.find((issue) => issue.code === "columnMissing");
  if (missing !== undefined) return fail({ code: "benchmarksUnreadable", column: missing.column });
  const byCode = new Map<string, MarketRateEntry[]>();
  for (const row of parsed.rows) {
    const key = row.code.trim().toUpperCase();
    const entry = { payer: row.payer, setting: row.setting, billingClass: row.billingClass, unit: row.unit, rate: row.rate }; // prettier-ignore
    byCode.set(key, [...(byCode.get(key) ?? []), entry]);
  }
  return ok(byCode);
}

/** The market's p75 of a code's dollar rates, to the cent, as PAYER.MARKET_RATE and the sheet's formula give it. */
function p75Of(market: ReadonlyMap<string, MarketRateEntry[]>, code: string): Decimal | null {
  const query = { code, fraction: new Decimal("0.75"), payer: null, setting: null, billingClass: null };
  const rate = marketRate(market.get(code.toUpperCase()) ?? [], query);
  return rate.ok ? rate.value : null;
}

/** Queues the sheet: blocks, input shading, then its dressing. */
function queueSheet(sheet: Excel.Worksheet, layout: NegotiationSheetLayout): void {
  for (const block of layout.blocks) writeBlock(sheet, block);
  for (const address of Object.values(layout.inputCells)) sheet.getRange(address).format.fill.color = BLOCK_FILLS.input; // prettier-ignore
  dressSheet(sheet, layout);
}

/** What a copy of the sheet's cells does not carry: widths and the positions chart (a rebuild queues it again). */
function dressSheet(sheet: Excel.Worksheet, layout: NegotiationSheetLayout): void {
  setColumnWidths(sheet, layout.columnWidths);
  const chart = sheet.charts.add("ColumnClustered", sheet.getRange(layout.chart.source), "Columns");
  chart.title.text = layout.chart.title;
  chart.legend.visible = false;
  chart.setPosition(layout.chart.topLeft, layout.chart.bottomRight);
}

/**
 * Builds the Negotiation sheet `request` describes (see the module comment); with `replace` false, an earlier sheet
 * of the contract is left alone and the build refused (the pane asks the user first).
 * @example const built = await buildNegotiationSheet(hostExcel(), { contractName: "Acme Health PPO", tableName: "Claims", mapping, inputs: DEFAULT_NEGOTIATION_INPUTS, replace: false });
 */
export async function buildNegotiationSheet(
  excel: ExcelGateway,
  request: NegotiationSheetRequest,
  options: { readonly signal?: AbortSignal; readonly now?: () => Date } = {},
): Promise<Result<BuiltNegotiationSheet, NegotiationSheetIssue>> {
  const asOf = (options.now?.() ?? new Date()).toISOString().slice(0, 10) as IsoDate;
  const sheetName = negotiationSheetName(request.contractName);
  // Inputs out of range are refused before anything is read.
  const checked = checkNegotiationInputs(request.inputs);
  if (!checked.ok) return checked;
  return runOperation(excel, { what: `building the sheet "${sheetName}"`, signal: options.signal }, async (op) => {
    const problem = sheetNameProblem(sheetName);
    if (problem !== null) return fail({ code: "sheetTaken", sheetName });
    const read = await readRegistryTables(op.excel, (t) => [...scheduleTablesNeeded(t), BENCHMARKS_TABLE]);
    const registry = buildRegistry(read.tables).registry;
    const versions = registry.versionsByName.get(registryKey(request.contractName)) ?? [];
    if (versions.length === 0) return fail({ code: "contractNotFound", contractName: request.contractName });
    // The terms in effect today, else (an expired contract being renegotiated) its latest version's.
    const inEffect = findContractVersion(registry, request.contractName, asOf);
    const version = inEffect.ok ? inEffect.value : versions[versions.length - 1]!;
    const market = marketOf(read.tables.get(registryKey(BENCHMARKS_TABLE)));
    if (!market.ok) return market;
    if (market.value === null && request.inputs.payerMax === null) return fail({ code: "noBenchmarksTable" });
    const sheet = await readContractSheet(op.excel, NEGOTIATION_SHEET, request.contractName);
    const { state } = sheet;
    if (state.kind === "taken")
        return fail(state.contractName === null ? { code: "sheetTaken", sheetName: state.sheetName } : { code: "sheetOfAnotherContract", sheetName: state.sheetName, contractName: state.contractName }); // prettier-ignore
    if (state.kind === "built" && !request.replace) return fail({ code: "replaceNotConfirmed", sheetName: state.sheetName }); // prettier-ignore
    const claims = await readContractClaims(op.excel, request);
    if (!claims.ok) return claims;
    const codes: NegotiationCode[] = claims.value.codes.map((code) => ({
      ...code,
      marketP75: market.value === null ? null : p75Of(market.value, code.hcpcsCode),
    }));
    const position = computeNegotiation(codes, request.inputs);
    if (!position.ok) return position;
    const { mapping } = request;
    const layout = layoutNegotiationSheet({
      contractName: request.contractName,
      claims: { tableName: request.tableName, contractHeader: mapping.contractName!, codeHeader: mapping.hcpcsCode!, amountHeader: mapping.amount!, unitsHeader: mapping.units }, // prettier-ignore
      codes: codes.map((code) => code.hcpcsCode),
      inputs: request.inputs,
      market: market.value !== null,
      terms: `${version.payer}${version.product === "" ? "" : ` ${version.product}`}, ${describeContractRates(version)}, term ends ${version.termEndDate ?? "(no term end)"}${version.autoRenew ? ", renews automatically" : ""}`, // prettier-ignore
      asOf,
    });
    op.checkCancelled();
    const [staged] = await op.addStagingSheets(1, ([sheet], context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      queueSheet(sheet!, layout);
    });
    const dress = (target: Excel.Worksheet) => dressSheet(target, layout);
    const placed = await placeContractSheet(op.excel, NEGOTIATION_SHEET, sheet, { stagedId: staged!.id, sheetName, contractName: request.contractName, dress, chartCount: 1 }); // prettier-ignore
    return ok({
      output: { sheetName, replaced: state.kind === "built", lineCount: claims.value.lineCount, position: position.value, layout }, // prettier-ignore
      steps: [...placed.steps, claimsMappingStep(request.tableName, mapping), activateSheet(placed.sheetId)],
    });
  });
}
