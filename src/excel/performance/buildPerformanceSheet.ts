/**
 * Builds (or rebuilds in place) the Contract Performance sheet from a reviewed claims table, as one operation
 * (ARCHITECTURE.md s.5): reads the table and the registry, decides the contracts and months the sheet shows,
 * stages the sheet (formulas, formats, conditional formats, charts) on a hidden working sheet, and commits it: the
 * earlier build replaced, the record of built sheets updated. A user's own sheet of the name is never replaced.
 *
 * The expected amount of each line is the one the Variance review wrote (its Expected Amount, Variance Amount and
 * Variance Flag columns), not a second pricing: the review prices claims with the claim-level rules (multiple
 * procedures ranked within a claim) that no per-line formula has, and its flags already carry the user's tolerance,
 * so the sheet's accuracy and the review's Summary agree line for line.
 */
import {
  computeActualVsModeled,
  DEFAULT_AR_PERIOD_DAYS,
  computeContractPerformance,
  readHcpcsCodeCell,
  priorAuthorizationOf,
  type ModeledRow,
  computeScorecard,
  DEFAULT_COST_ASSUMPTIONS,
  DEFAULT_PROMPT_PAY_STATE,
  DEFAULT_SCORE_WEIGHTS,
  excelSerialOf,
  PROMPT_PAY_RULES,
  type CostAssumptions,
  type PromptPayState,
  type Scorecard,
  type ScoreWeights,
  DEFAULT_CLEAN_CLAIM_WINDOW_DAYS,
  DEFAULT_SPIKE_RULES,
  DENIAL_CATEGORIES,
  deniedReasonPrefix,
  fail,
  HFMA_DENOMINATOR_MONTHS,
  monthIndexOfDay,
  monthStartDay,
  ok,
  registryKey,
  VARIANCE_FLAGS,
  type DenialCategory,
  type IsoDate,
  type PerformanceLine,
  type PerformanceRow,
  type Result,
  type SpikeRules,
  type VarianceFlag,
} from "../../engine";
import { claimsMappingStep } from "../claims/claimsMapping";
import { readFromHeld, readTableColumns, type TableCells } from "../claims/tableColumnsRead";
import { findSheetNamed, readSheetsAndRecord, sheetNameProblem } from "../core/builtSheets";
import type { ExcelGateway } from "../core/excelGateway";
import { activateSheet, placeSheet, runOperation, type OperationContext } from "../core/operation";
import { writeBlock, setColumnWidths } from "../core/sheetBlocks";
import { storeSettingStep, workbookSetting } from "../core/workbookSettings";
import { readRegistry, type RegistrySnapshot } from "../registry";
import { REVIEW_COLUMNS } from "../varianceReview/reviewColumns";
import { readEarlierInputs, type EarlierInputs } from "./earlierInputs";
import { layoutPerformance, type PerformanceLayout, type PerformanceSource } from "./performanceLayout";
import type { PerformanceIssue, PerformanceRequest } from "./performanceRequest";
import { medicareAmountColumn } from "./scorecardColumns";
import type { SignedRow } from "./signedLayout";
import { readSignedProposals } from "./signedProposals";
import { pricesBeforeSigning, signedBasis, withPricesBefore } from "./pricesBeforeSigning";

const NO_EARLIER_INPUTS: EarlierInputs = {
  windows: new Map(),
  rules: {},
  assumptions: {},
  weights: {},
  state: null,
  asOfFormula: null,
  ar: { balances: new Map(), asOfDay: undefined, periodDays: undefined },
};

/** The setting listing the Contract Performance sheets built in this workbook (sheet ids). */
const PERFORMANCE_SHEETS = workbookSetting("performanceSheets");

/**
 * The name of the Contract Performance sheet built here most recently that the workbook still has (renamed or not),
 * or null: what other sheets (the portfolio summary) link to. One request; Office errors reject unchanged.
 */
export async function findPerformanceSheet(excel: ExcelGateway): Promise<string | null> {
  const { sheets, record } = await readSheetsAndRecord(excel, PERFORMANCE_SHEETS, { version: 1, sheetIds: [] });
  const ids = [...record.sheetIds].reverse();
  return ids.map((id) => sheets.find((s) => s.id === id)).find((s) => s !== undefined)?.name ?? null;
}

/** A built sheet: its name, whether it replaced an earlier build, and the engine's figures it shows. */
export interface BuiltPerformance {
  readonly sheetName: string;
  readonly replaced: boolean;
  readonly rows: readonly PerformanceRow[];
  /** The engine's cost of doing business and renegotiation ranks, under the inputs the sheet starts from. */
  readonly scorecard: Scorecard;
  /** The engine's actual vs modeled revenue of the contracts with a signed proposal. */
  readonly modeled: readonly ModeledRow[];
  readonly layout: PerformanceLayout;
}

/** The scorecard's inputs a build starts from: the earlier build's where the user set them, else the defaults. */
interface CostInputs {
  readonly assumptions: CostAssumptions;
  readonly state: PromptPayState;
  readonly weights: ScoreWeights;
}

function costInputsOf(earlier: EarlierInputs): CostInputs {
  return {
    assumptions: { ...DEFAULT_COST_ASSUMPTIONS, ...earlier.assumptions },
    state: earlier.state ?? DEFAULT_PROMPT_PAY_STATE,
    weights: { ...DEFAULT_SCORE_WEIGHTS, ...earlier.weights },
  };
}

/** Steps of a build, for the progress bar. */
export const PERFORMANCE_BUILD_STEPS = 3;

/** Options: cancel, progress in steps (reading, computing, writing), and a clock for the "built" date. */
export interface PerformanceBuildOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void;
  readonly now?: () => Date;
}

/**
 * The columns the sheet and the engine read, once, a chunk of rows per request: every mapped column (a signed
 * contract's lines are reviewed again from the same cells, pricesBeforeSigning.ts), the review's and the Medicare
 * amount's.
 */
function readTable(excel: ExcelGateway, request: PerformanceRequest): Promise<TableCells | null> {
  const mapped = Object.values(request.mapping).filter((c): c is string => c !== null);
  const review = Object.values(REVIEW_COLUMNS).map((c) => c.name);
  return readTableColumns(excel, request.tableName, (headers) => {
    const medicare = medicareAmountColumn(headers);
    return [...mapped, ...review, ...(medicare === null ? [] : [medicare])];
  });
}

/** The lines as the engine reads them, or why the table cannot be reported on. */
function linesOf(request: PerformanceRequest, cells: TableCells): Result<PerformanceLine[], PerformanceIssue> {
  const { tableName, mapping } = request;
  const key = mapping.contractName ?? mapping.payer;
  if (key === null) return fail({ code: "fieldUnmapped", tableName, field: "contract or payer" });
  if (mapping.submittedDate === null) return fail({ code: "fieldUnmapped", tableName, field: "submitted date" });
  if (mapping.paidDate === null) return fail({ code: "fieldUnmapped", tableName, field: "paid date" });
  const lower = cells.headers.map((h) => h.toLowerCase());
  const index = (column: string) => lower.indexOf(column.toLowerCase());
  const review = [REVIEW_COLUMNS.expected, REVIEW_COLUMNS.variance, REVIEW_COLUMNS.flag, REVIEW_COLUMNS.reason];
  const missingReview = review.filter((c) => index(c.name) < 0).map((c) => c.name);
  if (missingReview.length > 0) return fail({ code: "reviewMissing", tableName, columns: missingReview });
  const read = [
    key,
    mapping.submittedDate,
    mapping.paidDate,
    mapping.paidAmount,
    mapping.chargeAmount,
    mapping.priorAuthorizationNumber,
  ];
  for (const column of read)
    if (column !== null && index(column) < 0) return fail({ code: "columnMissing", tableName, column });
  const at = (column: string | null) => (column === null ? null : (cells.columns.get(column.toLowerCase()) ?? null));
  const columns = {
    key: at(key),
    submitted: at(mapping.submittedDate),
    paid: at(mapping.paidDate),
    paidAmount: at(mapping.paidAmount),
    charge: at(mapping.chargeAmount),
    expected: at(REVIEW_COLUMNS.expected.name),
    variance: at(REVIEW_COLUMNS.variance.name),
    flag: at(REVIEW_COLUMNS.flag.name),
    reason: at(REVIEW_COLUMNS.reason.name),
    medicare: at(medicareAmountColumn(cells.headers)),
    code: at(mapping.hcpcsCode),
    priorAuthorization: at(mapping.priorAuthorizationNumber),
  };
  const codeOf = (value: unknown) => {
    const code = readHcpcsCodeCell(value);
    return code.ok ? code.value : null;
  };
  const flags = new Map<string, VarianceFlag>(VARIANCE_FLAGS.map((f) => [f.toLowerCase(), f]));
  const cents = (value: unknown) => (typeof value === "number" ? Math.round(value * 100) : null);
  const lines: PerformanceLine[] = [];
  for (let r = 0; r < cells.rowCount; r++) {
    const day = (c: readonly unknown[] | null, column: string): number | null | PerformanceIssue => {
      const value = c?.[r] ?? null;
      if (value === null || value === "") return null;
      if (typeof value === "number") return value;
      return { code: "dateNotADate", tableName, column, row: r + 1, value: String(value) };
    };
    const submittedDay = day(columns.submitted, mapping.submittedDate);
    if (typeof submittedDay === "object" && submittedDay !== null) return fail(submittedDay);
    const paidDay = day(columns.paid, mapping.paidDate);
    if (typeof paidDay === "object" && paidDay !== null) return fail(paidDay);
    const flag = flags.get(String(columns.flag?.[r] ?? "").toLowerCase()) ?? null;
    const reason = String(columns.reason?.[r] ?? "");
    lines.push({
      key: String(columns.key?.[r] ?? "").trim(),
      flag,
      submittedDay,
      paidDay,
      expectedCents: cents(columns.expected?.[r]),
      varianceCents: cents(columns.variance?.[r]),
      paidCents: columns.paidAmount === null ? null : cents(columns.paidAmount[r]),
      chargeCents: columns.charge === null ? null : cents(columns.charge[r]),
      denialCategory: flag === "Denied" ? categoryOfReason(reason) : null,
      medicareCents: columns.medicare === null ? null : cents(columns.medicare[r]),
      hcpcsCode: columns.code === null ? null : codeOf(columns.code[r]),
      priorAuthorizationNumber:
        columns.priorAuthorization === null ? null : priorAuthorizationOf(columns.priorAuthorization[r]),
    });
  }
  if (!lines.some((line) => line.paidDay !== null))
    return fail({ code: "noRemittanceDates", tableName, column: mapping.paidDate });
  return ok(lines);
}

/** The category a denied line's Variance Reason starts with ("Denied (Medical necessity): CO-50"). */
function categoryOfReason(reason: string): DenialCategory | null {
  return DENIAL_CATEGORIES.find((category) => reason.startsWith(deniedReasonPrefix(category))) ?? null;
}

/** The sheet's groups, months and categories, from the lines and the engine's rows. */
function sourceOf(
  request: PerformanceRequest,
  lines: readonly PerformanceLine[],
  rows: readonly PerformanceRow[],
  context: {
    readonly asOf: string;
    readonly earlier: EarlierInputs;
    readonly rules: SpikeRules;
    readonly unkeyedLines: number;
    readonly costs: CostInputs;
    readonly medicareAmount: string | null;
    readonly signed: readonly SignedRow[];
    readonly snapshot: RegistrySnapshot;
  },
): PerformanceSource {
  const { snapshot } = context;
  const keys = [...new Set(rows.map((r) => r.key))];
  const byContract = request.mapping.contractName !== null;
  const latestOf = (key: string) => {
    const versions = byContract ? snapshot.registry.versionsByName.get(registryKey(key)) : undefined;
    return versions?.[versions.length - 1];
  };
  const groups = keys.map((key) => {
    const latest = latestOf(key);
    return {
      key,
      payer: latest?.payer ?? (byContract ? "" : key),
      product: latest?.product ?? (byContract ? "" : "All products"),
      windowDays: context.earlier.windows.get(key.toLowerCase()) ?? DEFAULT_CLEAN_CLAIM_WINDOW_DAYS,
    };
  });
  const monthIndexes = [...new Set(rows.map((r) => r.month))].map((m) => {
    const [y, mo] = m.split("-").map(Number) as [number, number];
    return y * 12 + mo - 1;
  });
  const submitted = lines.flatMap((l) => (l.submittedDay === null ? [] : [monthIndexOfDay(l.submittedDay)]));
  const firstSubmitted = submitted.length === 0 ? Infinity : Math.min(...submitted);
  const present = new Set(lines.map((l) => l.denialCategory));
  const mapping = request.mapping;
  return {
    tableName: request.tableName,
    columns: {
      key: (mapping.contractName ?? mapping.payer)!,
      submittedDate: mapping.submittedDate!,
      paidDate: mapping.paidDate!,
      paidAmount: mapping.paidAmount,
      chargeAmount: mapping.chargeAmount,
      hcpcsCode: mapping.hcpcsCode,
      amount: mapping.amount,
      priorAuthorization: mapping.priorAuthorizationNumber,
    },
    signed: context.signed,
    ar: {
      balances: context.earlier.ar.balances,
      asOfDay: context.earlier.ar.asOfDay ?? excelSerialOf(context.asOf as IsoDate),
      periodDays: context.earlier.ar.periodDays ?? DEFAULT_AR_PERIOD_DAYS,
    },
    groups,
    months: monthIndexes.map(monthStartDay),
    coveredMonths: new Set(
      monthIndexes.filter((m) => m - HFMA_DENOMINATOR_MONTHS >= firstSubmitted).map(monthStartDay),
    ),
    categories: DENIAL_CATEGORIES.filter((c) => present.has(c)),
    rules: context.rules,
    scorecard: {
      ...context.costs,
      medicareAmount: context.medicareAmount,
      // The renewal dates of the contract's latest version in PayerContracts (none when grouped by payer).
      contracts: keys.map((key) => {
        const latest = latestOf(key);
        const day = (date: IsoDate | null | undefined) =>
          date === null || date === undefined ? null : excelSerialOf(date);
        return { key, termEndDay: day(latest?.termEndDate), noticeDay: day(latest?.renewalNoticeDate) };
      }),
      asOf: context.earlier.asOfFormula ?? excelSerialOf(context.asOf as IsoDate),
    },
    lineCount: lines.filter((l) => l.flag !== null).length,
    unkeyedLines: context.unkeyedLines,
    asOf: context.asOf,
  };
}

/** Formats, conditional formats and charts of the sheet (queued, not synced). */
function queueSheet(sheet: Excel.Worksheet, layout: PerformanceLayout): void {
  for (const block of layout.blocks) writeBlock(sheet, block);
  setColumnWidths(sheet, layout.columnWidths);
  for (const { range, formula, fill, font } of layout.formats) {
    const format = sheet.getRange(range).conditionalFormats.add("Custom");
    format.custom.rule.formula = formula;
    format.custom.format.fill.color = fill;
    format.custom.format.font.color = font;
  }
  for (const { cell, source } of layout.scorecard.choices) {
    const validation = sheet.getRange(cell).dataValidation;
    validation.rule = { list: { inCellDropDown: true, source } };
    validation.errorAlert = {
      showAlert: true,
      style: "Stop",
      title: "Not a rule of the table",
      message: "Pick one of the codes of the prompt-pay rule table below.",
    };
  }
  for (const { title, source, position } of layout.charts) {
    const chart = sheet.charts.add("Line", sheet.getRange(source), "Columns");
    chart.title.text = title;
    chart.legend.position = "Bottom";
    chart.setPosition(position[0], position[1]);
  }
  sheet.freezePanes.freezeRows(layout.headerRow);
}

/** Stages the sheet in one request and returns its commit steps. */
async function stage(
  op: OperationContext,
  target: { sheetName: string; replaced: { id: string; name: string } | null; sheetIds: readonly string[] },
  layout: PerformanceLayout,
  request: PerformanceRequest,
) {
  const [sheet] = await op.addStagingSheets(1, ([staging], context) => {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    queueSheet(staging!, layout);
  });
  const stagedId = sheet!.id;
  return [
    ...placeSheet({ stagedId, name: target.sheetName, replaces: target.replaced }),
    storeSettingStep(
      PERFORMANCE_SHEETS,
      { version: 1, sheetIds: [...target.sheetIds.filter((id) => id !== target.replaced?.id), stagedId] },
      `record "${target.sheetName}" as a Contract Performance sheet built here`,
    ),
    claimsMappingStep(request.tableName, request.mapping),
    activateSheet(stagedId),
  ];
}

/**
 * Builds the sheet `request` describes (see the module comment). Running it again with the same sheet name replaces
 * the earlier build, all or nothing.
 * @example
 * const built = await buildPerformanceSheet(hostExcel(), { tableName: "Claims", mapping, sheetName: "Contract Performance" });
 */
export async function buildPerformanceSheet(
  excel: ExcelGateway,
  request: PerformanceRequest,
  options: PerformanceBuildOptions = {},
): Promise<Result<BuiltPerformance, PerformanceIssue>> {
  const sheetName = request.sheetName.trim();
  const step = (done: number) => options.onProgress?.({ done, total: PERFORMANCE_BUILD_STEPS });
  return runOperation(
    excel,
    { what: `building the Contract Performance sheet "${sheetName}"`, signal: options.signal },
    async (op) => {
      step(0);
      const problem = sheetNameProblem(sheetName);
      if (problem !== null) return fail({ code: "sheetNameInvalid", sheetName, reason: problem });
      const { sheets, record } = await readSheetsAndRecord(op.excel, PERFORMANCE_SHEETS, { version: 1, sheetIds: [] });
      const existing = findSheetNamed(sheets, sheetName);
      if (existing !== null && !record.sheetIds.includes(existing.id))
        return fail({ code: "sheetTaken", sheetName: existing.name });
      const cells = await readTable(op.excel, request);
      if (cells === null) return fail({ code: "tableMissing", tableName: request.tableName });
      const lines = linesOf(request, cells);
      if (!lines.ok) return lines;
      // A rebuild keeps the windows and margins the user set on the earlier sheet.
      const earlier = existing === null ? NO_EARLIER_INPUTS : await readEarlierInputs(op.excel, existing.id);
      const rules: SpikeRules = { ...DEFAULT_SPIKE_RULES, ...earlier.rules };
      step(1);
      op.checkCancelled();
      // A line with a blank contract cell belongs to no row of the sheet, so to none of the engine's either.
      const keyed = lines.value.filter((line) => line.key !== "");
      const unkeyedLines = lines.value.filter((line) => line.key === "" && line.flag !== null).length;
      const rows = computeContractPerformance(keyed, rules);
      const costs = costInputsOf(earlier);
      const scorecard = computeScorecard(keyed, costs.assumptions, PROMPT_PAY_RULES[costs.state], costs.weights);
      const signed = await readSignedProposals(op.excel, { mapping: request.mapping, cells, keys: [...new Set(rows.map((r) => r.key))] }); // prettier-ignore
      if (!signed.ok) return signed;
      const snapshot = await readRegistry(op.excel);
      const read = readFromHeld(op.excel, request.tableName, cells);
      const before = await pricesBeforeSigning(op.excel, { ...request, read }, snapshot, signed.value);
      if (!before.ok) return before;
      const modeled = computeActualVsModeled(withPricesBefore(lines.value, before.value), signed.value);
      const signedRows = signed.value.map((row) => ({ ...row, basis: signedBasis(row, before.value, modeled) }));
      const asOf = (options.now?.() ?? new Date()).toISOString().slice(0, 10);
      const medicareAmount = medicareAmountColumn(cells.headers);
      const context = { asOf, earlier, rules, unkeyedLines, costs, medicareAmount, signed: signedRows, snapshot };
      const layout = layoutPerformance(sourceOf(request, keyed, rows, context));
      step(2);
      const steps = await stage(op, { sheetName, replaced: existing, sheetIds: record.sheetIds }, layout, request);
      step(3);
      return ok({ output: { sheetName, replaced: existing !== null, rows, scorecard, modeled, layout }, steps });
    },
  );
}
