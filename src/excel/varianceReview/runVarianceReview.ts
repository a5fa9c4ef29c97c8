/**
 * The variance review as one command (issue 6 item 4): reads a claims or remittance table through its mapping,
 * prices every claim under the workbook's contract registry, and writes the result:
 * - five columns added to the table itself (Expected Amount, Variance Amount, Variance Percent, Variance Flag,
 *   Variance Reason) as VALUES computed by the engine, not PAYER.* formulas: they are exact to the cent by
 *   construction, cost nothing to recalculate over 100,000 lines, read the same without the add-in, and the claim-
 *   level multiple-procedure ranking (which needs all of a claim's lines at once) has no per-cell formula form. The
 *   trade-off: they are a snapshot, so the Summary says to run the review again after contracts change;
 * - conditional formatting on the flag column;
 * - a Summary sheet of native SUMIFS/COUNTIFS formulas over those columns, and a Worklist sheet of underpaid claims.
 *
 * Guarantees (ARCHITECTURE.md 5): the user's own cells are never overwritten. Columns of an earlier review (known by
 * the workbook's review record) are replaced only with `replaceExisting`, a same-named column the add-in did not
 * write stops the review; the write is chunked with progress and cancel, and atomic: on a failure or a cancel the
 * added columns are removed, the earlier review's values are put back, the new sheets are deleted.
 */
import { registryKey } from "../../engine";
import { Decimal } from "../../engine";
import { centsToDollars, type Cents } from "../../engine";
import { fail, ok, type Result } from "../../engine";
import {
  reviewVariances,
  summariseVariances,
  type VarianceInputLine,
  type VarianceLine,
  type VarianceSummary,
  type VarianceTolerance,
} from "../../engine";
import { findSheetNamed, temporarySheetName } from "../core/builtSheets";
import type { ClaimsMapping } from "../claims/claimsMapping";
import { columnLetters } from "../core/columnLetters";
import type { ExcelGateway } from "../core/excelGateway";
import { excelFailed, officeError } from "../core/officeErrors";
import { readRegistry, registryIssueMessage, type RegistrySnapshot } from "../registry";
import { BLOCK_STYLES } from "../core/sheetBlocks";
import type { VarianceReviewIssue } from "./issues";
import { readReviewLines } from "./readReviewLines";
import {
  REVIEW_COLUMNS,
  REVIEW_COLUMN_NAMES,
  readReviewRecord,
  varianceReviewSettingKey,
  type VarianceReviewRecord,
} from "./reviewColumns";
import { layoutSummary, layoutWorklist, type SheetLayout } from "./reviewSheets";

/** What the user chose in the panel. */
export interface VarianceReviewRequest {
  readonly tableName: string;
  readonly mapping: ClaimsMapping;
  /** Payer (any case) -> contract name, for lines whose table has no contract column, or a blank one. */
  readonly payerContracts: Readonly<Record<string, string>>;
  /** Dollars (1 = $1.00), a fraction (0.01 = 1%), and whether a line must exceed both or either. */
  readonly tolerance: { readonly amount: number; readonly fraction: number; readonly rule: "both" | "either" };
  /** The user confirmed replacing the columns of an earlier review. */
  readonly replaceExisting: boolean;
}

/** A finished review. */
export interface VarianceReviewResult {
  readonly tableName: string;
  readonly summarySheet: string;
  readonly worklistSheet: string;
  /** Lines reviewed (rows with a code or an amount). */
  readonly lineCount: number;
  /** The review of each table row, in order; null for an empty row. */
  readonly lines: readonly (VarianceLine | null)[];
  readonly summary: VarianceSummary;
  /** Whether the columns of an earlier review were replaced. */
  readonly replaced: boolean;
}

/** Progress and cancel of the write, chunk size, and the clock for the "reviewed on" stamp. */
export interface VarianceReviewOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void;
  /** Table rows written per request at most; default 5,000 (five columns: well under Excel on the web's 5 MB). */
  readonly maxRowsPerRequest?: number;
  readonly now?: () => Date;
}

/** The names of the review's sheets for a table (within Excel's 31 characters). */
export function reviewSheetNames(tableName: string): { readonly summary: string; readonly worklist: string } {
  const base = tableName.slice(0, 21);
  return { summary: `${base} Variance`, worklist: `${base} Worklist` };
}

function toTolerance(request: VarianceReviewRequest["tolerance"]): Result<VarianceTolerance, VarianceReviewIssue> {
  if (!Number.isFinite(request.amount) || request.amount < 0)
    return fail({ code: "toleranceInvalid", detail: "the dollar tolerance must be 0 or more, like 1.00." });
  if (!Number.isFinite(request.fraction) || request.fraction < 0)
    return fail({ code: "toleranceInvalid", detail: "the percent tolerance must be 0 or more, like 1%." });
  return ok({
    amount: new Decimal(String(request.amount)).times(100).toDecimalPlaces(0).toNumber() as Cents,
    fraction: new Decimal(String(request.fraction)),
    rule: request.rule,
  });
}

/** Runs the review; see the module comment. Expected failures are values; Office errors reject (bugs throw). */
export async function runVarianceReview(
  excel: ExcelGateway,
  request: VarianceReviewRequest,
  options: VarianceReviewOptions = {},
): Promise<Result<VarianceReviewResult, VarianceReviewIssue>> {
  const tolerance = toTolerance(request.tolerance);
  if (!tolerance.ok) return tolerance;
  const { tableName } = request;
  const record = await readReviewRecord(excel, tableName);
  const read = await readReviewLines(excel, { ...request, extraColumns: REVIEW_COLUMN_NAMES });
  if (!read.ok) return read;
  const lower = (s: string) => s.toLowerCase();
  const ours = new Set(record.columns.map(lower));
  const existing = REVIEW_COLUMN_NAMES.filter((name) => read.value.headers.some((h) => lower(h) === lower(name)));
  const foreign = existing.find((name) => !ours.has(lower(name)));
  if (foreign !== undefined) return fail({ code: "columnTaken", tableName, column: foreign });
  if (existing.length > 0 && !request.replaceExisting)
    return fail({ code: "confirmReplace", tableName, columns: existing });
  const sheets = await planSheets(excel, tableName, record);
  if (!sheets.ok) return sheets;

  const snapshot = await readRegistry(excel);
  const inputs: VarianceInputLine[] = [];
  for (const line of read.value.lines) {
    if (line !== null) inputs.push(distrustProblemContract(line, snapshot));
  }
  const reviewed = reviewVariances(snapshot.registry, inputs, tolerance.value);
  const summary = summariseVariances(inputs, reviewed);
  let k = 0;
  const lines = read.value.lines.map((line) => (line === null ? null : reviewed[k++]!));
  if (options.signal?.aborted === true) return fail({ code: "cancelled" });

  const mapping = request.mapping;
  const asOf = (options.now?.() ?? new Date()).toISOString().slice(0, 10);
  const allowed =
    mapping.allowedAmount !== null
      ? { kind: "allowed" as const, column: mapping.allowedAmount }
      : mapping.paidAmount !== null
        ? { kind: "paid" as const, paidColumn: mapping.paidAmount, patientColumn: mapping.patientResponsibilityAmount }
        : { kind: "allowed" as const, column: mapping.amount ?? "" };
  const summaryLayout = layoutSummary(
    {
      tableName,
      payerColumn: mapping.payer ?? mapping.contractName ?? "Payer",
      codeColumn: mapping.hcpcsCode ?? "HCPCS Code",
      chargeColumn: mapping.chargeAmount,
      allowed,
      tolerance: tolerance.value,
      asOf,
    },
    summary,
  );
  const worklistLayout = layoutWorklist(tableName, asOf, summary);
  const previous = new Map(existing.map((name) => [name, read.value.columns.get(lower(name)) ?? []]));
  const written = await writeReview(excel, {
    tableName,
    lines,
    previous,
    sheets: sheets.value,
    summaryLayout,
    worklistLayout,
    record: { ...record, payerContracts: { ...request.payerContracts }, tolerance: request.tolerance },
    options,
  });
  if (!written.ok) return written;
  return ok({
    tableName,
    summarySheet: sheets.value.final.summary,
    worklistSheet: sheets.value.final.worklist,
    lineCount: inputs.length,
    lines,
    summary,
    replaced: existing.length > 0,
  });
}

/**
 * A line priced under a contract whose registry rows have problems, turned into a line with no expected amount (the
 * first problem says why): a figure from a half-broken contract would be trusted. The variance review and the
 * portfolio summary's recoverable dollars both review lines through this, so they state the same dollars.
 */
export function distrustProblemContract(line: VarianceInputLine, snapshot: RegistrySnapshot): VarianceInputLine {
  if (!line.pricing.ok) return line;
  const contract = line.pricing.value.contractName;
  const problems = snapshot.issuesByContract.get(registryKey(contract));
  if (problems === undefined || problems.length === 0) return line;
  return {
    ...line,
    pricing: fail({
      code: "varianceContractUnreliable",
      contractName: contract,
      message: registryIssueMessage(problems[0]!),
    }),
  };
}

interface SheetPlan {
  readonly final: { readonly summary: string; readonly worklist: string };
  readonly writing: { readonly summary: string; readonly worklist: string };
  /** Ids of the earlier review's sheets that this one replaces. */
  readonly replacing: readonly string[];
}

/** Decides the sheets' names: new, or replacing the earlier review's (by id); a user's sheet of the name stops it. */
async function planSheets(
  excel: ExcelGateway,
  tableName: string,
  record: VarianceReviewRecord,
): Promise<Result<SheetPlan, VarianceReviewIssue>> {
  const final = reviewSheetNames(tableName);
  const sheets = await excel.run(async (context) => {
    const worksheets = context.workbook.worksheets.load("items/name,items/id");
    await context.sync();
    return worksheets.items.map((s) => ({ name: s.name, id: s.id }));
  });
  const replacing: string[] = [];
  const writing = { ...final };
  for (const [kind, recorded] of [
    ["summary", record.summarySheetId],
    ["worklist", record.worklistSheetId],
  ] as const) {
    const found = findSheetNamed(sheets, final[kind]);
    if (found === null) continue;
    if (found.id !== recorded) return fail({ code: "sheetTaken", sheetName: found.name });
    replacing.push(found.id);
    writing[kind] = temporarySheetName(sheets, final[kind]);
  }
  return ok({ final, writing, replacing });
}

interface WriteInput {
  readonly tableName: string;
  readonly lines: readonly (VarianceLine | null)[];
  /** Values of the earlier review's columns, to put back if this write fails. */
  readonly previous: ReadonlyMap<string, unknown[]>;
  readonly sheets: SheetPlan;
  readonly summaryLayout: SheetLayout;
  readonly worklistLayout: SheetLayout;
  readonly record: VarianceReviewRecord;
  readonly options: VarianceReviewOptions;
}

/** The five cells a line adds to its row ("" leaves a cell empty). */
function rowCells(line: VarianceLine | null): (string | number)[] {
  if (line === null) return ["", "", "", "", ""];
  const dollars = (cents: Cents | null) => (cents === null ? "" : centsToDollars(cents));
  return [
    dollars(line.expectedAmount),
    dollars(line.varianceAmount),
    line.varianceFraction ?? "",
    line.flag,
    line.reason,
  ];
}

const FLAG_FORMATS: readonly (readonly [string, string, string])[] = [
  ["Underpaid", "#FFC7CE", "#9C0006"],
  ["Overpaid", "#FFEB9C", "#9C5700"],
  ["Denied", "#D9D9D9", "#3F3F3F"],
  ["No contract rate", "#DDEBF7", "#1F4E79"],
];

function writeSheet(sheet: Excel.Worksheet, layout: SheetLayout): void {
  const height = layout.rows.length;
  const width = layout.columnFormats.length;
  layout.columnFormats.forEach((format, c) => {
    sheet.getRangeByIndexes(0, c, height, 1).numberFormat = Array.from({ length: height }, () => [format]);
  });
  sheet.getRangeByIndexes(0, 0, height, width).formulas = layout.rows.map((row) => row.map((cell) => cell ?? ""));
  layout.styles.forEach((style, r) => {
    const format = BLOCK_STYLES[style];
    if (format !== undefined)
      sheet
        .getRangeByIndexes(r, 0, 1, style === "title" || style === "note" || style === "heading" ? 1 : width)
        .format.set(format);
  });
  layout.columnWidths.forEach((w, c) => {
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w;
  });
}

/** Writes columns and sheets; see the module comment for the guarantees. */
async function writeReview(excel: ExcelGateway, input: WriteInput): Promise<Result<void, VarianceReviewIssue>> {
  const { tableName, lines, sheets, options } = input;
  const aborted = () => options.signal?.aborted === true;
  const maxRows = options.maxRowsPerRequest ?? 5_000;
  const missing = REVIEW_COLUMN_NAMES.filter((name) => !input.previous.has(name));
  const total = lines.length + input.summaryLayout.rows.length + input.worklistLayout.rows.length;
  let done = 0;
  const ids = await excel.run(async (context) => {
    const table = context.workbook.tables.getItem(tableName);
    for (const name of missing) table.columns.add(undefined, undefined, name);
    const summary = context.workbook.worksheets.add(sheets.writing.summary);
    const worklist = context.workbook.worksheets.add(sheets.writing.worklist);
    summary.load("id");
    worklist.load("id");
    await context.sync();
    return { summary: summary.id, worklist: worklist.id };
  });
  try {
    const stopped = await excel.run(async (context) => {
      const table = context.workbook.tables.getItem(tableName);
      const header = table.getHeaderRowRange().load("values");
      const body = table.getDataBodyRange().load("rowIndex,columnIndex");
      await context.sync();
      // A navigation property: a proxy to queue commands on, nothing to load.
      // eslint-disable-next-line office-addins/load-object-before-read
      const worksheet = table.worksheet;
      const headers = (header.values[0] ?? []).map((h) => String(h).toLowerCase());
      const indexes = REVIEW_COLUMN_NAMES.map((name) => headers.indexOf(name.toLowerCase()));
      const columnRange = (c: number, start: number, count: number) =>
        worksheet.getRangeByIndexes(body.rowIndex + start, body.columnIndex + indexes[c]!, count, 1);
      Object.values(REVIEW_COLUMNS).forEach((column, c) => {
        columnRange(c, 0, Math.max(lines.length, 1)).numberFormat = [[column.numberFormat]];
      });
      for (let start = 0; start < lines.length; start += maxRows) {
        if (aborted()) return true;
        const cells = lines.slice(start, start + maxRows).map(rowCells);
        indexes.forEach((_, c) => {
          columnRange(c, start, cells.length).values = cells.map((row) => [row[c]!]);
        });
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk is the point of chunking
        await context.sync();
        done += cells.length;
        options.onProgress?.({ done, total });
      }
      if (aborted()) return true;
      const summary = context.workbook.worksheets.getItem(ids.summary);
      const worklist = context.workbook.worksheets.getItem(ids.worklist);
      writeSheet(summary, input.summaryLayout);
      writeSheet(worklist, input.worklistLayout);
      await context.sync();
      done = total;
      options.onProgress?.({ done, total });
      if (aborted()) return true;
      // Last request: formats, the earlier sheets swapped out, the record; a failure before leaves them intact.
      const flagIndex = REVIEW_COLUMN_NAMES.indexOf(REVIEW_COLUMNS.flag.name);
      const flags = columnRange(flagIndex, 0, Math.max(lines.length, 1));
      flags.conditionalFormats.clearAll();
      const firstFlag = `${columnLetters(body.columnIndex + indexes[flagIndex]!)}${body.rowIndex + 1}`;
      for (const [flag, fill, font] of FLAG_FORMATS) {
        const format = flags.conditionalFormats.add("Custom");
        format.custom.rule.formula = `=$${firstFlag.replace(/\d+$/, "")}${firstFlag.replace(/^[A-Z]+/, "")}="${flag}"`;
        format.custom.format.fill.color = fill;
        format.custom.format.font.color = font;
      }
      for (const id of sheets.replacing) context.workbook.worksheets.getItem(id).delete();
      summary.name = sheets.final.summary;
      worklist.name = sheets.final.worklist;
      context.workbook.settings.add(varianceReviewSettingKey(tableName), {
        ...input.record,
        columns: REVIEW_COLUMN_NAMES,
        summarySheetId: ids.summary,
        worklistSheetId: ids.worklist,
      });
      summary.activate();
      await context.sync();
      return false;
    });
    if (!stopped) return ok(undefined);
    return (await rollBack(excel, input, missing, ids, "cancelled")) ?? fail({ code: "cancelled" });
  } catch (error) {
    const office = officeError(error);
    const cleanup = await rollBack(excel, input, missing, ids, office?.message ?? String(error));
    if (office === null) throw error; // a bug: surface it, now that the workbook is clean
    return cleanup ?? fail(excelFailed(office));
  }
}

/**
 * Puts the workbook back as it was: the new sheets deleted, the added columns removed (last first), the earlier
 * review's values restored. Null when done; an issue when it could not be.
 */
async function rollBack(
  excel: ExcelGateway,
  input: WriteInput,
  added: readonly string[],
  ids: { readonly summary: string; readonly worklist: string },
  cause: string,
): Promise<Result<never, VarianceReviewIssue> | null> {
  try {
    await excel.run(async (context) => {
      const written = [ids.summary, ids.worklist].map((id) => context.workbook.worksheets.getItemOrNullObject(id));
      await context.sync();
      for (const sheet of written) if (!sheet.isNullObject) sheet.delete();
      const table = context.workbook.tables.getItem(input.tableName);
      for (const name of [...added].reverse()) table.columns.getItem(name).delete();
      for (const [name, values] of input.previous) {
        if (values.length > 0) table.columns.getItem(name).getDataBodyRange().values = values.map((v) => [v as string]);
      }
      await context.sync();
    });
    return null;
  } catch (error) {
    const office = officeError(error);
    if (office === null) throw error;
    return fail({ code: "cleanupFailed", message: `${cause}; then ${office.message}` });
  }
}
