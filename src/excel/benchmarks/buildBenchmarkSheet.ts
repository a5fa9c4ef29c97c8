/**
 * Builds the Benchmarks sheet (benchmarkSheetLayout.ts) as one operation (ARCHITECTURE.md s.5), as the uplift model
 * and the performance sheets are built: the Benchmarks table, the contract registry and (when given) the claims
 * table are read; the sheet is staged under a working name, written in one request with its formats, conditional
 * formats and chart; the commit names it. A failure or a cancel before the commit leaves the workbook as it was.
 *
 * A rebuild replaces the "Benchmarks" sheet an earlier build made (known by its id in the workbook's record of built
 * sheets), so its formulas and chart follow the table as it is now; a user's own sheet of that name is never
 * replaced: the build then takes the first free name among "Benchmarks 2", "Benchmarks 3"...
 * Requests: 2 or 3 reads of the registry and the Benchmarks table, those of the claims (when given), 1 staging
 * sheet, 1 write, 1 to list the sheets and the record, the runner's look and the commit.
 */
import { catalogue, fail, findContractVersion, ok, registryKey, type IsoDate, type Result } from "../../engine";
import type { ContractVersion } from "../../engine";
import { findSheetNamed, readSheetsAndRecord, type SheetRef } from "../core/builtSheets";
import type { ClaimsMapping } from "../claims/claimsMapping";
import type { ExcelGateway } from "../core/excelGateway";
import {
  activateSheet,
  describeOperationIssue,
  placeSheet,
  runOperation,
  type OperationIssue,
} from "../core/operation";
import { BLOCK_FILLS, writeBlock, setColumnWidths } from "../core/sheetBlocks";
import { storeSettingStep, workbookSetting } from "../core/workbookSettings";
import { buildRegistry, FEE_SCHEDULE_SPEC, MEDICARE_SCHEDULE_SPEC, parseTable, readRegistryTables } from "../registry";
import { scheduleTablesNeeded } from "../registry";
import { BENCHMARKS_SPEC, BENCHMARKS_TABLE } from "./benchmarkColumns";
import { layoutBenchmarkSheet, type BenchmarkSheetLayout, type ContractRateColumn } from "./benchmarkSheetLayout";
import { readTopCodes } from "./topCodes";

/** The sheet's name when it is free. */
export const BENCHMARK_SHEET = "Benchmarks";

const BENCHMARK_SHEETS = workbookSetting("benchmarkSheets");

/** What to build from: the claims table whose volume orders the codes (and gives the volume), if any. */
export interface BenchmarkSheetRequest {
  readonly claims: { readonly tableName: string; readonly mapping: ClaimsMapping } | null;
  /** The day contract versions are chosen for; default today. */
  readonly today?: IsoDate;
}

/** The sheet built. */
export interface BuiltBenchmarkSheet {
  readonly sheetName: string;
  /** Whether it replaced the sheet an earlier build made. */
  readonly replaced: boolean;
  readonly codeCount: number;
  /** The contracts that got a column of rates, and those left out with why. */
  readonly contracts: readonly string[];
  readonly contractsLeftOut: readonly string[];
  /** Where the formulas are (tests and the pane read them). */
  readonly layout: BenchmarkSheetLayout;
}

/** Why the sheet was not built. */
export type BenchmarkSheetIssue =
  | { readonly code: "noBenchmarksTable" }
  | { readonly code: "benchmarksUnreadable"; readonly column: string }
  | { readonly code: "claimsUnreadable"; readonly tableName: string; readonly message: string }
  | OperationIssue;

/** The message a finance user reads for an issue. */
export const describeBenchmarkSheetIssue: (issue: BenchmarkSheetIssue) => string = catalogue<BenchmarkSheetIssue>({
  noBenchmarksTable: () =>
    `The workbook has no table ${BENCHMARKS_TABLE}: read price-transparency files and Write the table first. Nothing was built.`,
  benchmarksUnreadable: (i) =>
    `Table ${BENCHMARKS_TABLE} has no column "${i.column}": write it again from the Benchmarks tab. Nothing was built.`,
  claimsUnreadable: (i) => `The codes of table ${i.tableName} could not be ranked: ${i.message} Nothing was built.`,
  cancelled: (i) => describeOperationIssue(i),
  excelRefused: (i) => describeOperationIssue(i),
});

const todayIso = (now = new Date()): IsoDate => now.toISOString().slice(0, 10) as IsoDate;

/** Codes in order of the claims' volume (highest first), then the codes the claims do not have, in table order. */
function ordered(codes: readonly string[], ranked: readonly string[]): string[] {
  const rank = new Map(ranked.map((code, i) => [code.toUpperCase(), i]));
  const at = (code: string) => rank.get(code.toUpperCase()) ?? Number.MAX_SAFE_INTEGER;
  return codes.map((code, i) => ({ code, i })).sort((a, b) => at(a.code) - at(b.code) || a.i - b.i).map((c) => c.code); // prettier-ignore
}

/** A table column as a structured reference, with the table's name as the workbook spells it. */
const ref = (table: string, header: string) => `${table}[${header}]`;

/** A rate, blank where the schedule has no row or a $0 rate (a code Medicare's PFS does not price, like labs). */
const orBlank = (rate: string) => `IFERROR(IF(${rate}=0,"",${rate}),"")`;

/**
 * A contract's rate for a code as the registry prices a plain office line: its fee schedule's Non-Facility Rate, or
 * its percent x its Medicare schedule's Non-Facility Rate (rounded to the cent); null for other methods.
 */
function rateColumn(version: ContractVersion, tableNamed: (name: string) => string | null): ContractRateColumn | null {
  const method = version.method;
  const lookUp = (table: string, spec: typeof FEE_SCHEDULE_SPEC | typeof MEDICARE_SCHEDULE_SPEC, code: string) =>
    `INDEX(${ref(table, spec.columns.nonFacilityRate.header)},MATCH(${code},${ref(table, spec.columns.hcpcsCode.header)},0))`; // prettier-ignore
  switch (method.kind) {
    case "fee schedule": {
      const table = tableNamed(method.feeScheduleName);
      if (table === null) return null;
      return { contractName: version.contractName, rateOf: (code) => orBlank(lookUp(table, FEE_SCHEDULE_SPEC, code)) };
    }
    case "percent of medicare": {
      const table = version.medicareScheduleName === null ? null : tableNamed(version.medicareScheduleName);
      if (table === null) return null;
      const percent = method.percent.toString();
      return { contractName: version.contractName, rateOf: (code) => orBlank(`ROUND(${percent}*${lookUp(table, MEDICARE_SCHEDULE_SPEC, code)},2)`) }; // prettier-ignore
    }
    case "percent of billed":
    case "none":
      return null;
  }
}

/**
 * Builds the Benchmarks sheet; returns it, or the issue that stopped it with the workbook as it was.
 * @example const built = await buildBenchmarkSheet(hostExcel(), { claims: { tableName: "Claims", mapping } });
 */
export async function buildBenchmarkSheet(
  excel: ExcelGateway,
  request: BenchmarkSheetRequest,
  options: { readonly signal?: AbortSignal; readonly now?: () => Date } = {},
): Promise<Result<BuiltBenchmarkSheet, BenchmarkSheetIssue>> {
  const today = request.today ?? todayIso(options.now?.());
  return runOperation(
    excel,
    { what: `building the sheet "${BENCHMARK_SHEET}"`, signal: options.signal },
    async (op) => {
      const read = await readRegistryTables(op.excel, (t) => [...scheduleTablesNeeded(t), BENCHMARKS_TABLE]);
      const data = read.tables.get(registryKey(BENCHMARKS_TABLE));
      if (data === undefined) return fail<BenchmarkSheetIssue>({ code: "noBenchmarksTable" });
      const parsed = parseTable(BENCHMARKS_SPEC, data);
      const missing = parsed.issues.find((issue) => issue.code === "columnMissing");
      if (missing !== undefined) return fail<BenchmarkSheetIssue>({ code: "benchmarksUnreadable", column: missing.column }); // prettier-ignore
      const codes = [...new Set(parsed.rows.map((row) => row.code.trim().toUpperCase()))];
      let ranked: readonly string[] = [];
      if (request.claims !== null) {
        const top = await readTopCodes(op.excel, {
          ...request.claims,
          count: codes.length + 100_000,
          rankBy: "volume",
        });
        if (!top.ok) return fail<BenchmarkSheetIssue>({ code: "claimsUnreadable", tableName: request.claims.tableName, message: top.issue }); // prettier-ignore
        ranked = top.value;
      }
      const registry = buildRegistry(read.tables).registry;
      const names = new Map(read.tableNames.map((name) => [registryKey(name), name]));
      const tableNamed = (name: string) => names.get(registryKey(name)) ?? null;
      const contracts: ContractRateColumn[] = [];
      const leftOut: string[] = [];
      for (const name of registry.contractNames) {
        const version = findContractVersion(registry, name, today);
        const column = version.ok ? rateColumn(version.value, tableNamed) : null;
        if (column === null) leftOut.push(name);
        else contracts.push(column);
      }
      const claims = request.claims;
      const layout = layoutBenchmarkSheet({
        codes: ordered(codes, ranked),
        contracts,
        volume: claims === null || claims.mapping.hcpcsCode === null ? { kind: "input" } : { kind: "claims", tableName: claims.tableName, codeHeader: claims.mapping.hcpcsCode }, // prettier-ignore
        asOf: today,
      });
      op.checkCancelled();
      const [staged] = await op.addStagingSheets(1);
      await op.write((context) => {
        const sheet = context.workbook.worksheets.getItem(staged!.id);
        writeSheet(sheet, layout);
      });
      const { sheets, record } = await readSheetsAndRecord(op.excel, BENCHMARK_SHEETS, { version: 1, sheetIds: [] });
      const { sheetName, replaces } = target(sheets, record.sheetIds);
      const output: BuiltBenchmarkSheet = {
        sheetName,
        replaced: replaces !== null,
        codeCount: codes.length,
        contracts: contracts.map((c) => c.contractName),
        contractsLeftOut: leftOut,
        layout,
      };
      return ok({
        output,
        steps: [
          ...placeSheet({ stagedId: staged!.id, name: sheetName, replaces }),
          storeSettingStep(
            BENCHMARK_SHEETS,
            { version: 1, sheetIds: [...record.sheetIds.filter((id) => id !== replaces?.id), staged!.id] },
            `record "${sheetName}" as a Benchmarks sheet built here`,
          ),
          activateSheet(staged!.id),
        ],
      });
    },
  );
}

/** Where the sheet goes: over the earlier build of "Benchmarks", else under the first free name (module comment). */
function target(sheets: readonly SheetRef[], builtIds: readonly string[]) {
  const existing = findSheetNamed(sheets, BENCHMARK_SHEET);
  if (existing === null || builtIds.includes(existing.id)) return { sheetName: BENCHMARK_SHEET, replaces: existing };
  let sheetName = `${BENCHMARK_SHEET} 2`;
  for (let n = 3; findSheetNamed(sheets, sheetName) !== null; n++) sheetName = `${BENCHMARK_SHEET} ${n}`;
  return { sheetName, replaces: null };
}

/** The blocks, input shading, widths, the "below p25" conditional formats and the chart, in one request. */
function writeSheet(sheet: Excel.Worksheet, layout: BenchmarkSheetLayout): void {
  for (const block of layout.blocks) writeBlock(sheet, block);
  if (layout.inputRange !== null) sheet.getRange(layout.inputRange).format.fill.color = BLOCK_FILLS.input;
  setColumnWidths(sheet, layout.columnWidths);
  for (const { range, rule } of layout.belowP25) {
    const format = sheet.getRange(range).conditionalFormats.add("Custom");
    format.custom.rule.formula = rule;
    format.custom.format.fill.color = "#FFC7CE";
    format.custom.format.font.color = "#9C0006";
  }
  const chart = sheet.charts.add("BarClustered", sheet.getRange(layout.chart.source), "Columns");
  chart.title.text = layout.chart.title;
  chart.legend.position = "Bottom";
  chart.setPosition(layout.chart.topLeft, layout.chart.bottomRight);
  sheet.freezePanes.freezeRows(layout.firstCodeRow);
}
