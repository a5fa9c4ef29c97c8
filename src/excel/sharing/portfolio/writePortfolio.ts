/**
 * Writes the portfolio summary sheet inside an operation (ARCHITECTURE.md s.5), in place as the uplift model does:
 * the sheet is staged under a working name and the commit removes the earlier build, puts the new one in place and
 * records it; a sheet is replaced only when the workbook's settings record it (by id) as a summary this add-in
 * built, never a user's own sheet of the same name.
 */
import { fail, ok, type Result } from "../../../engine";
import { findSheetNamed, readSheetsAndRecord, sheetNameProblem } from "../../core/builtSheets";
import type { ExcelGateway } from "../../core/excelGateway";
import { activateSheet, placeSheet, type CommitStep, type OperationContext } from "../../core/operation";
import { writeBlock, setColumnWidths } from "../../core/sheetBlocks";
import { storeSettingStep, workbookSetting } from "../../core/workbookSettings";
import type { PortfolioLayout } from "./portfolioLayout";
import type { PortfolioIssue } from "./portfolioRequest";

/** The setting listing the summary sheets built in this workbook (sheet ids). */
const PORTFOLIO_SUMMARIES = workbookSetting("portfolioSummaries");
/** Its key (see workbookSettings.ts). */
export const PORTFOLIO_SUMMARIES_SETTING = PORTFOLIO_SUMMARIES.key;

/** Where the summary goes: its name, the earlier build it replaces, the record of summaries. */
export interface PortfolioTarget {
  readonly sheetName: string;
  readonly replaced: { readonly id: string; readonly name: string } | null;
  readonly sheetIds: readonly string[];
}

/** Looks at the sheets and the record of summaries; a user's own sheet of the name stops the build. */
export async function planPortfolioTarget(
  excel: ExcelGateway,
  sheetName: string,
): Promise<Result<PortfolioTarget, PortfolioIssue>> {
  const problem = sheetNameProblem(sheetName);
  if (problem !== null) return fail({ code: "sheetNameInvalid", sheetName, reason: problem });
  // An unreadable record only means no sheet is recognised as ours: nothing is replaced.
  const { sheets, record } = await readSheetsAndRecord(excel, PORTFOLIO_SUMMARIES, { version: 1, sheetIds: [] });
  const existing = findSheetNamed(sheets, sheetName);
  if (existing !== null && !record.sheetIds.includes(existing.id))
    return fail({ code: "sheetTaken", sheetName: existing.name });
  return ok({ sheetName, replaced: existing, sheetIds: record.sheetIds });
}

/** Formats, conditional formats and charts of the summary (queued, not synced). */
function queueSheet(sheet: Excel.Worksheet, layout: PortfolioLayout): void {
  for (const block of layout.blocks) writeBlock(sheet, block);
  setColumnWidths(sheet, layout.columnWidths);
  if (layout.deadlineRange !== null) {
    const deadlines = sheet.getRange(layout.deadlineRange);
    const cell = layout.firstDeadlineCell;
    for (const [rule, fill, font] of [
      [`=AND(ISNUMBER(${cell}),${cell}<TODAY())`, "#FFC7CE", "#9C0006"],
      [`=AND(ISNUMBER(${cell}),${cell}>=TODAY(),${cell}<=EDATE(TODAY(),9))`, "#FFEB9C", "#9C5700"],
    ] as const) {
      const format = deadlines.conditionalFormats.add("Custom");
      format.custom.rule.formula = rule;
      format.custom.format.fill.color = fill;
      format.custom.format.font.color = font;
    }
  }
  for (const { title, source, position } of layout.charts) {
    const chart = sheet.charts.add("ColumnClustered", sheet.getRange(source), "Columns");
    chart.title.text = title;
    chart.legend.position = "Bottom";
    chart.setPosition(position[0], position[1]);
  }
  sheet.freezePanes.freezeRows(5);
}

/**
 * Stages the summary in one request (its blocks are small: one row per contract) and returns the commit steps: the
 * earlier build replaced, the record of summaries updated, then `extra` (the claims mapping), the sheet shown.
 */
export async function stagePortfolio(
  op: OperationContext,
  target: PortfolioTarget,
  layout: PortfolioLayout,
  extra: readonly CommitStep[],
): Promise<CommitStep[]> {
  const [sheet] = await op.addStagingSheets(1, ([staging], context) => {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    queueSheet(staging!, layout);
  });
  const stagedId = sheet!.id;
  const { replaced } = target;
  return [
    ...placeSheet({ stagedId, name: target.sheetName, replaces: replaced }),
    storeSettingStep(
      PORTFOLIO_SUMMARIES,
      { version: 1, sheetIds: [...target.sheetIds.filter((id) => id !== replaced?.id), stagedId] },
      `record "${target.sheetName}" as a summary built here`,
    ),
    ...extra,
    activateSheet(stagedId),
  ];
}
