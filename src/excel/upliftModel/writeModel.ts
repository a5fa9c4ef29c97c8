/**
 * Writes a laid-out uplift model inside an operation (ARCHITECTURE.md s.5): the model sheet and its hidden per-line
 * sheet are staged under working names, chunked under a request budget with progress and cancel, and the commit
 * removes the earlier build of the same model, puts the new sheets in place and records them, with the claims
 * mapping the model was built with. A failure or a cancel before the commit leaves the workbook as it was.
 *
 * A model sheet is replaced only when the workbook's settings record it as a model this add-in built (by sheet id):
 * a user's own sheet of the same name is never overwritten.
 */
import { fail, ok, type Result } from "../../engine";
import { findSheetNamed, readSheetsAndRecord, sheetNameProblem } from "../core/builtSheets";
import type { ExcelGateway } from "../core/excelGateway";
import {
  activateSheet,
  deleteSheet,
  placeSheet,
  type CommitStep,
  type OperationContext,
  type StagedSheet,
} from "../core/operation";
import { BLOCK_FILLS, writeBlock, type PlanCell, setColumnWidths } from "../core/sheetBlocks";
import { storeSettingStep, workbookSetting, type SettingValue } from "../core/workbookSettings";
import { jsonBytes, planChunks } from "../core/writePlan";
import type { ModelLayout } from "./modelPlan";
import type { UpliftModelIssue } from "./modelRequest";

/** The setting listing the models built in this workbook (sheet ids), so a rebuild replaces its own sheets. */
const UPLIFT_MODELS = workbookSetting("upliftModels");
/** Its key (see workbookSettings.ts). */
export const UPLIFT_MODELS_SETTING = UPLIFT_MODELS.key;

type StoredModels = SettingValue<"upliftModels">;

/** Names of a model's two sheets. */
export interface ModelSheetNames {
  readonly modelSheet: string;
  readonly linesSheet: string;
}

/** The per-line sheet's name for a model sheet name (within Excel's 31 characters). */
export function linesSheetNameFor(modelSheet: string): string {
  return `${modelSheet.slice(0, 25)} Lines`;
}

/** Where the model goes: its final names, the earlier build's sheets it replaces, and the record of models. */
export interface ModelTarget {
  readonly final: ModelSheetNames;
  readonly replaced: {
    readonly model: { readonly id: string; readonly name: string };
    readonly lines: { readonly id: string; readonly name: string } | null;
  } | null;
  readonly stored: StoredModels;
}

/** Looks at the workbook's sheets and recorded models; decides whether the model is new or replaces one. */
export async function planModelTarget(
  excel: ExcelGateway,
  modelSheet: string,
): Promise<Result<ModelTarget, UpliftModelIssue>> {
  const problem = sheetNameProblem(modelSheet);
  if (problem !== null) return fail({ code: "sheetNameInvalid", sheetName: modelSheet, reason: problem });
  const final = { modelSheet, linesSheet: linesSheetNameFor(modelSheet) };
  // An unreadable record only means no sheet can be recognised as ours: nothing is replaced.
  const { sheets, record: stored } = await readSheetsAndRecord(excel, UPLIFT_MODELS, { version: 1, models: [] });
  const existingModel = findSheetNamed(sheets, final.modelSheet);
  const existingLines = findSheetNamed(sheets, final.linesSheet);
  const record =
    existingModel === null ? null : (stored.models.find((m) => m.modelSheetId === existingModel.id) ?? null);
  if (existingModel !== null && record === null) return fail({ code: "sheetTaken", sheetName: existingModel.name });
  if (existingLines !== null && (record === null || record.linesSheetId !== existingLines.id)) {
    return fail({ code: "sheetTaken", sheetName: existingLines.name });
  }
  if (existingModel === null) return ok({ final, replaced: null, stored });
  return ok({ final, replaced: { model: existingModel, lines: existingLines }, stored });
}

/** Progress of a model write, in rows (lines and codes). */
export interface ModelWriteProgress {
  readonly rowsWritten: number;
  readonly totalRows: number;
}

/** Progress, cancel and request limits of a model write. */
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

/** The staged sheets of a model: the per-line sheet and the model sheet, in that order. */
export interface StagedModel {
  readonly lines: StagedSheet;
  readonly model: StagedSheet;
}

/** Writes the layout into the staged sheets, a chunk of rows per request, the fixed parts last. */
export async function stageModel(
  op: OperationContext,
  staged: StagedModel,
  layout: ModelLayout,
  options: Pick<ModelWriteOptions, "maxRequestBytes" | "maxRowsPerRequest">,
): Promise<void> {
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
  const sheetsOf = (context: Excel.RequestContext) => ({
    lines: context.workbook.worksheets.getItem(staged.lines.id),
    model: context.workbook.worksheets.getItem(staged.model.id),
  });
  let rowsWritten = 0;
  for (const [index, chunk] of chunks.entries()) {
    await op.write(
      (context) => {
        context.workbook.application.suspendApiCalculationUntilNextSync();
        const { lines, model } = sheetsOf(context);
        if (index === 0) startSheets(lines, model, layout);
        const width = chunk.rows[0]?.length ?? 0;
        if (width > 0) {
          (chunk.sheet === "lines" ? lines : model).getRangeByIndexes(
            chunk.firstRow,
            0,
            chunk.rows.length,
            width,
          ).formulas = chunk.rows.map((row) => row.map((cell) => cell ?? ""));
        }
      },
      { done: (rowsWritten += chunk.rows.length), total: totalRows },
    );
  }
  await op.write((context) => {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    const { lines, model } = sheetsOf(context);
    if (chunks.length === 0) startSheets(lines, model, layout);
    finishSheets(lines, model, layout);
  });
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

/** The fixed blocks, formats, conditional formats and chart of the model sheet; the lines sheet's look. */
function finishSheets(lines: Excel.Worksheet, model: Excel.Worksheet, layout: ModelLayout): void {
  for (const block of layout.blocks) writeBlock(model, block);
  for (const address of layout.inputCells) model.getRange(address).format.fill.color = BLOCK_FILLS.input;
  setColumnWidths(model, layout.columnWidths);
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
}

/**
 * The commit of a model: the earlier build removed, the new sheets named (the lines sheet stays hidden), the record
 * of models updated, and the claims mapping the model was built with stored (`extra`), the model shown.
 */
export function modelCommitSteps(target: ModelTarget, staged: StagedModel, extra: readonly CommitStep[]): CommitStep[] {
  const { replaced, final } = target;
  const models = target.stored.models.filter((m) => m.modelSheetId !== replaced?.model.id);
  return [
    ...(replaced === null
      ? []
      : [
          deleteSheet(replaced.model.id, `remove the earlier model sheet "${replaced.model.name}"`),
          ...(replaced.lines === null
            ? []
            : [deleteSheet(replaced.lines.id, `remove the earlier lines sheet "${replaced.lines.name}"`)]),
        ]),
    ...placeSheet({ stagedId: staged.lines.id, name: final.linesSheet, visible: false }),
    ...placeSheet({ stagedId: staged.model.id, name: final.modelSheet }),
    storeSettingStep(
      UPLIFT_MODELS,
      { version: 1, models: [...models, { modelSheetId: staged.model.id, linesSheetId: staged.lines.id }] },
      `record "${final.modelSheet}" as a model built here`,
    ),
    ...extra,
    activateSheet(staged.model.id),
  ];
}
