/**
 * Writes the portfolio summary sheet, atomically and in place (as the uplift model does): a rebuild writes a new
 * sheet under a temporary name and removes the earlier build only in its last request, so a failure leaves the
 * earlier summary intact; a sheet is replaced only when the workbook's settings record it (by id) as a summary
 * this add-in built, never a user's own sheet of the same name.
 */
import { z } from "zod";
import { fail, ok, type Result } from "../../../engine";
import { findSheetNamed, readSheetsAndRecord, sheetNameProblem, temporarySheetName } from "../../core/builtSheets";
import type { ExcelGateway } from "../../core/excelGateway";
import { excelFailed, officeError } from "../../core/officeErrors";
import { writeBlock } from "../../core/sheetBlocks";
import type { PortfolioLayout } from "./portfolioLayout";
import type { PortfolioIssue } from "./portfolioRequest";

/** Settings key listing the summary sheets built in this workbook (sheet ids). */
export const PORTFOLIO_SUMMARIES_SETTING = "payerContracts.portfolioSummaries";

const storedSchema = z.object({ version: z.literal(1), sheetIds: z.array(z.string()) });

/** Where the summary goes. */
interface Target {
  readonly finalName: string;
  readonly writingName: string;
  readonly replacedId: string | null;
  readonly sheetIds: readonly string[];
}

async function planTarget(excel: ExcelGateway, sheetName: string): Promise<Result<Target, PortfolioIssue>> {
  const problem = sheetNameProblem(sheetName);
  if (problem !== null) return fail({ code: "sheetNameInvalid", sheetName, reason: problem });
  // An unreadable record only means no sheet is recognised as ours: nothing is replaced.
  const { sheets, record } = await readSheetsAndRecord(excel, PORTFOLIO_SUMMARIES_SETTING, storedSchema, {
    version: 1 as const,
    sheetIds: [],
  });
  const sheetIds = record.sheetIds;
  const existing = findSheetNamed(sheets, sheetName);
  if (existing === null) return ok({ finalName: sheetName, writingName: sheetName, replacedId: null, sheetIds });
  if (!sheetIds.includes(existing.id)) return fail({ code: "sheetTaken", sheetName: existing.name });
  return ok({
    finalName: sheetName,
    writingName: temporarySheetName(sheets, sheetName),
    replacedId: existing.id,
    sheetIds,
  });
}

/** Formats, conditional formats and charts of the summary (queued, not synced). */
function queueSheet(sheet: Excel.Worksheet, layout: PortfolioLayout): void {
  for (const block of layout.blocks) writeBlock(sheet, block);
  layout.columnWidths.forEach((width, c) => {
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = width;
  });
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
 * Writes `layout` into a summary sheet named `sheetName`, replacing the earlier build of that name. Returns whether
 * an earlier build was replaced.
 */
export async function writePortfolio(
  excel: ExcelGateway,
  sheetName: string,
  layout: PortfolioLayout,
  signal?: AbortSignal,
): Promise<Result<{ readonly replaced: boolean }, PortfolioIssue>> {
  const target = await planTarget(excel, sheetName);
  if (!target.ok) return target;
  if (signal?.aborted === true) return fail({ code: "cancelled" });
  const { writingName, replacedId, finalName, sheetIds } = target.value;
  const sheetId = await excel.run(async (context) => {
    const sheet = context.workbook.worksheets.add(writingName).load("id");
    await context.sync();
    return sheet.id;
  });
  try {
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetId);
      context.workbook.application.suspendApiCalculationUntilNextSync();
      queueSheet(sheet, layout);
      // Last, once everything is written: the old build goes (a failure before this leaves it intact).
      if (replacedId !== null) {
        context.workbook.worksheets.getItem(replacedId).delete();
        sheet.name = finalName;
      }
      context.workbook.settings.add(PORTFOLIO_SUMMARIES_SETTING, {
        version: 1,
        sheetIds: [...sheetIds.filter((id) => id !== replacedId), sheetId],
      });
      sheet.activate();
      await context.sync();
    });
    return ok({ replaced: replacedId !== null });
  } catch (error) {
    const office = officeError(error);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetId).load("id");
      const old = replacedId === null ? null : context.workbook.worksheets.getItemOrNullObject(replacedId);
      old?.load("id");
      await context.sync();
      // When the old build is already gone, the new sheet is the only copy and stays.
      if (!sheet.isNullObject && (old === null || !old.isNullObject)) sheet.delete();
      await context.sync();
    });
    if (office === null) throw error;
    return fail(excelFailed(office));
  }
}
