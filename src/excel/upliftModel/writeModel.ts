/**
 * Writes a laid-out uplift model into the workbook: the model sheet and its hidden per-line sheet, chunked under a
 * request budget, with progress and cancel, and atomic (ARCHITECTURE.md s.5): the sheets are written under
 * temporary names when they replace an earlier build of the same model, and the old ones go only in the last
 * request; on a failure or a cancel the new sheets are deleted and the workbook is as it was.
 *
 * A model sheet is replaced only when the workbook's settings record it as a model this add-in built (by sheet id):
 * a user's own sheet of the same name is never overwritten.
 */
import { z } from "zod";
import { fail, ok, type Result } from "../../engine";
import { findSheetNamed, readSheetsAndRecord, sheetNameProblem, temporarySheetName } from "../core/builtSheets";
import type { ExcelGateway } from "../core/excelGateway";
import { excelFailed, officeError } from "../core/officeErrors";
import { BLOCK_FILLS, writeBlock, type PlanCell } from "../core/sheetBlocks";
import { jsonBytes, planChunks } from "../core/writePlan";
import type { ModelLayout } from "./modelPlan";
import type { UpliftModelIssue } from "./modelRequest";

/** Settings key listing the models built in this workbook (sheet ids), so a rebuild replaces its own sheets. */
export const UPLIFT_MODELS_SETTING = "payerContracts.upliftModels";

const storedModelsSchema = z.object({
  version: z.literal(1),
  models: z.array(z.object({ modelSheetId: z.string(), linesSheetId: z.string() })),
});
type StoredModels = z.infer<typeof storedModelsSchema>;

/** Names of a model's two sheets. */
export interface ModelSheetNames {
  readonly modelSheet: string;
  readonly linesSheet: string;
}

/** The per-line sheet's name for a model sheet name (within Excel's 31 characters). */
export function linesSheetNameFor(modelSheet: string): string {
  return `${modelSheet.slice(0, 25)} Lines`;
}

/** Where the model goes: the names written under now, and the earlier build's sheets it replaces. */
export interface WriteTarget {
  readonly final: ModelSheetNames;
  readonly writing: ModelSheetNames;
  readonly replaced: { readonly modelSheetId: string; readonly linesSheetId: string | null } | null;
  readonly stored: StoredModels;
}

/** Looks at the workbook's sheets and recorded models; decides whether the model is new or replaces one. */
export async function planWriteTarget(
  excel: ExcelGateway,
  modelSheet: string,
): Promise<Result<WriteTarget, UpliftModelIssue>> {
  const problem = sheetNameProblem(modelSheet);
  if (problem !== null) return fail({ code: "sheetNameInvalid", sheetName: modelSheet, reason: problem });
  const final = { modelSheet, linesSheet: linesSheetNameFor(modelSheet) };
  // An unreadable record only means no sheet can be recognised as ours: nothing is replaced.
  const { sheets, record: models } = await readSheetsAndRecord<StoredModels>(
    excel,
    UPLIFT_MODELS_SETTING,
    storedModelsSchema,
    { version: 1, models: [] },
  );
  const existingModel = findSheetNamed(sheets, final.modelSheet);
  const existingLines = findSheetNamed(sheets, final.linesSheet);
  const record =
    existingModel === null ? null : (models.models.find((m) => m.modelSheetId === existingModel.id) ?? null);
  if (existingModel !== null && record === null) return fail({ code: "sheetTaken", sheetName: existingModel.name });
  if (existingLines !== null && (record === null || record.linesSheetId !== existingLines.id)) {
    return fail({ code: "sheetTaken", sheetName: existingLines.name });
  }
  if (existingModel === null) return ok({ final, writing: final, replaced: null, stored: models });
  return ok({
    final,
    writing: {
      modelSheet: temporarySheetName(sheets, final.modelSheet),
      linesSheet: temporarySheetName(sheets, final.linesSheet),
    },
    replaced: { modelSheetId: existingModel.id, linesSheetId: existingLines?.id ?? null },
    stored: models,
  });
}

/** Progress of a model write, in rows (lines and codes). */
export interface ModelWriteProgress {
  readonly rowsWritten: number;
  readonly totalRows: number;
}

export interface ModelWriteOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ModelWriteProgress) => void;
  /** Bytes per request at most; default 4 MB (Excel on the web refuses over 5 MB). */
  readonly maxRequestBytes?: number;
  /** Rows per request at most; default 5,000. */
  readonly maxRowsPerRequest?: number;
}

interface Chunk {
  readonly sheet: "lines" | "model";
  readonly firstRow: number;
  readonly rows: readonly PlanCell[][];
}

/** Writes the layout into the target's sheets; see the module comment for the guarantees. */
export async function writeModel(
  excel: ExcelGateway,
  target: WriteTarget,
  layout: ModelLayout,
  options: ModelWriteOptions = {},
): Promise<Result<ModelSheetNames, UpliftModelIssue>> {
  const aborted = () => options.signal?.aborted === true;
  if (aborted()) return fail({ code: "cancelled" });
  const limits = {
    maxBytes: options.maxRequestBytes ?? 4 * 1024 * 1024,
    reservedBytes: 4_096,
    maxRows: options.maxRowsPerRequest ?? 5_000,
  };
  const chunks: Chunk[] = [];
  for (const [sheet, rows, firstRow] of [
    ["lines", layout.lines.rows, 1],
    ["model", layout.codeRows, layout.codeTableRow],
  ] as const) {
    const plan = planChunks(
      rows.map((row) => jsonBytes(row)),
      limits,
    );
    // A row of a few formulas cannot exceed megabytes; planning failing here is a bug.
    if (!plan.ok) throw new Error(`uplift model: row ${plan.row.rowIndex + 1} does not fit one request`);
    for (const { start, count } of plan.chunks) {
      chunks.push({ sheet, firstRow: firstRow + start, rows: rows.slice(start, start + count) });
    }
  }
  const totalRows = layout.lines.rows.length + layout.codeRows.length;

  const ids = await excel.run(async (context) => {
    const lines = context.workbook.worksheets.add(target.writing.linesSheet);
    const model = context.workbook.worksheets.add(target.writing.modelSheet);
    lines.load("id");
    model.load("id");
    await context.sync();
    return { linesSheetId: lines.id, modelSheetId: model.id };
  });

  let rowsWritten = 0;
  try {
    const stopped = await excel.run(async (context) => {
      const lines = context.workbook.worksheets.getItem(ids.linesSheetId);
      const model = context.workbook.worksheets.getItem(ids.modelSheetId);
      for (const [index, chunk] of chunks.entries()) {
        if (aborted()) return true;
        context.workbook.application.suspendApiCalculationUntilNextSync();
        if (index === 0) startSheets(lines, model, layout);
        const sheet = chunk.sheet === "lines" ? lines : model;
        const width = chunk.rows[0]?.length ?? 0;
        if (width > 0) {
          sheet.getRangeByIndexes(chunk.firstRow, 0, chunk.rows.length, width).formulas = chunk.rows.map((row) =>
            row.map((cell) => cell ?? ""),
          );
        }
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk is the point of chunking
        await context.sync();
        rowsWritten += chunk.rows.length;
        options.onProgress?.({ rowsWritten, totalRows });
      }
      if (aborted()) return true;
      context.workbook.application.suspendApiCalculationUntilNextSync();
      if (chunks.length === 0) startSheets(lines, model, layout);
      finish(context, lines, model, layout, target, ids);
      await context.sync();
      return false;
    });
    if (stopped) return (await removePartialSheets(excel, target, ids, "cancelled")) ?? fail({ code: "cancelled" });
    return ok(target.final);
  } catch (error) {
    const office = officeError(error);
    const cleanup = await removePartialSheets(excel, target, ids, office?.message ?? String(error));
    if (office === null) throw error; // a bug: surface it, now that the workbook is clean
    return cleanup ?? fail(excelFailed(office));
  }
}

/** Number formats (before any value, so codes stay text) and the per-line sheet's header. */
function startSheets(lines: Excel.Worksheet, model: Excel.Worksheet, layout: ModelLayout): void {
  const lineCount = Math.max(layout.lines.rows.length, 1);
  layout.lines.formats.forEach((format, c) => {
    // One format for the whole column (Excel broadcasts a 1x1 array): a few bytes whatever the number of lines.
    lines.getRangeByIndexes(1, c, lineCount, 1).numberFormat = [[format]];
  });
  const header = lines.getRangeByIndexes(0, 0, 1, layout.lines.header.length);
  header.numberFormat = [layout.lines.header.map(() => "@")];
  header.values = [[...layout.lines.header]];
  header.format.font.bold = true;
  const codeCount = Math.max(layout.codeRows.length, 1);
  layout.codeFormats.forEach((format, c) => {
    model.getRangeByIndexes(layout.codeTableRow, c, codeCount, 1).numberFormat = [[format]];
  });
}

/** The fixed blocks, formats, chart; then the replace, the record in settings, and the model shown. */
function finish(
  context: Excel.RequestContext,
  lines: Excel.Worksheet,
  model: Excel.Worksheet,
  layout: ModelLayout,
  target: WriteTarget,
  ids: { readonly linesSheetId: string; readonly modelSheetId: string },
): void {
  for (const block of layout.blocks) writeBlock(model, block);
  for (const address of layout.inputCells) model.getRange(address).format.fill.color = BLOCK_FILLS.input;
  layout.columnWidths.forEach((width, c) => {
    model.getRangeByIndexes(0, c, 1, 1).format.columnWidth = width;
  });
  const chart = model.charts.add("ColumnClustered", model.getRange(layout.chartSource), "Columns");
  chart.title.text = "Added revenue by scenario, against floor and target";
  chart.legend.position = "Bottom";
  chart.setPosition(layout.chartPosition[0], layout.chartPosition[1]);
  const verdicts = model.getRange(layout.verdictRange);
  const first = layout.verdictRange.split(":")[0] as string;
  for (const [text, fill, font] of [
    ["Below floor", "#FFC7CE", "#9C0006"],
    ["Meets target", "#C6EFCE", "#006100"],
  ] as const) {
    const format = verdicts.conditionalFormats.add("Custom");
    format.custom.rule.formula = `=$${first.replace(/\d+$/, "")}${first.replace(/^[A-Z]+/, "")}="${text}"`;
    format.custom.format.fill.color = fill;
    format.custom.format.font.color = font;
  }
  lines.freezePanes.freezeRows(1);
  lines
    .getRangeByIndexes(0, 0, Math.max(layout.lines.rows.length, 1) + 1, layout.lines.header.length)
    .format.autofitColumns();
  lines.visibility = "Hidden";
  model.activate();
  const worksheets = context.workbook.worksheets;
  let models = target.stored.models;
  if (target.replaced !== null) {
    // Last, once everything is written: the old build goes (a failure before this leaves it intact).
    worksheets.getItem(target.replaced.modelSheetId).delete();
    if (target.replaced.linesSheetId !== null) worksheets.getItem(target.replaced.linesSheetId).delete();
    lines.name = target.final.linesSheet;
    model.name = target.final.modelSheet;
    const replacedId = target.replaced.modelSheetId;
    models = models.filter((m) => m.modelSheetId !== replacedId);
  }
  context.workbook.settings.add(UPLIFT_MODELS_SETTING, {
    version: 1,
    models: [...models, { modelSheetId: ids.modelSheetId, linesSheetId: ids.linesSheetId }],
  });
}

/**
 * After a failure or a cancel: deletes the sheets being written, unless the replace got as far as deleting the old
 * model (then the new one is the only copy and stays). Returns an issue when the workbook is not as it was.
 */
async function removePartialSheets(
  excel: ExcelGateway,
  target: WriteTarget,
  ids: { readonly linesSheetId: string; readonly modelSheetId: string },
  cause: string,
): Promise<Result<never, UpliftModelIssue> | null> {
  try {
    return await excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const old = target.replaced === null ? null : worksheets.getItemOrNullObject(target.replaced.modelSheetId);
      old?.load("name");
      const written = [ids.linesSheetId, ids.modelSheetId].map((id) => worksheets.getItemOrNullObject(id));
      for (const sheet of written) sheet.load("name");
      await context.sync();
      if (old !== null && old.isNullObject) return null; // the replace completed: the new sheets are the model now
      for (const sheet of written) if (!sheet.isNullObject) sheet.delete();
      await context.sync();
      return null;
    });
  } catch (error) {
    const office = officeError(error);
    if (office === null) throw error;
    return fail({
      code: "cleanupFailed",
      sheetNames: [target.writing.modelSheet, target.writing.linesSheet],
      message: `${cause}; then ${office.message}`,
    });
  }
}
