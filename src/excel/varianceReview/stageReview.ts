/**
 * The variance review's writes, inside an operation (ARCHITECTURE.md s.5):
 * - staged: the five columns' values (with their number formats) on a hidden working sheet, chunked with progress;
 *   the Worklist; the Summary's titles, notes, formats and styles (its formulas refer to the review columns, which
 *   the table gets only in the commit, so they are written there);
 * - committed, in one request: the review record, the columns added to the user's table (or the earlier review's
 *   replaced) by copying the staged values in, the flag colours, the Summary's formulas, the earlier Summary and
 *   Worklist replaced by the new ones, the claims mapping, and the working sheet removed.
 */
import type { Cents } from "../../engine";
import { centsToDollars, VARIANCE_FLAGS, type VarianceFlag, type VarianceLine } from "../../engine";
import { columnLetters } from "../core/columnLetters";
import {
  activateSheet,
  deleteSheet,
  placeSheet,
  type CommitStep,
  type OperationContext,
  type StagedSheet,
} from "../core/operation";
import { BLOCK_STYLES } from "../core/sheetBlocks";
import { storeSettingStep, tableSetting } from "../core/workbookSettings";
import { REVIEW_COLUMNS, REVIEW_COLUMN_NAMES, type VarianceReviewRecord } from "./reviewColumns";
import type { SheetLayout } from "./reviewSheets";

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

/**
 * The flag column's colours (fill, font) by flag, declared for every flag: the ones that need attention are
 * coloured; OK and Reversed (not rated, nothing to follow up) are left plain.
 */
const FLAG_COLOURS = {
  Reversed: null,
  Denied: ["#D9D9D9", "#3F3F3F"],
  "No contract rate": ["#DDEBF7", "#1F4E79"],
  Underpaid: ["#FFC7CE", "#9C0006"],
  Overpaid: ["#FFEB9C", "#9C5700"],
  OK: null,
} as const satisfies Record<VarianceFlag, readonly [string, string] | null>;

const FLAG_FORMATS = VARIANCE_FLAGS.flatMap((flag): (readonly [string, string, string])[] => {
  const colours: readonly [string, string] | null = FLAG_COLOURS[flag];
  return colours === null ? [] : [[flag, colours[0], colours[1]]];
});

const isFormula = (cell: unknown): cell is string => typeof cell === "string" && cell.startsWith("=");

/** Formats, values (formulas left out when `withFormulas` is false), styles and widths of a laid-out sheet. */
function writeSheet(sheet: Excel.Worksheet, layout: SheetLayout, withFormulas: boolean): void {
  const height = layout.rows.length;
  const width = layout.columnFormats.length;
  layout.columnFormats.forEach((format, c) => {
    sheet.getRangeByIndexes(0, c, height, 1).numberFormat = Array.from({ length: height }, () => [format]);
  });
  sheet.getRangeByIndexes(0, 0, height, width).formulas = layout.rows.map((row) =>
    row.map((cell) => (cell === null || (!withFormulas && isFormula(cell)) ? "" : cell)),
  );
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

/** The staging area of a review. */
export interface StagedReview {
  readonly values: StagedSheet;
  readonly summary: StagedSheet;
  readonly worklist: StagedSheet;
}

/** Stages the review's values (a chunk of rows per request), the Worklist and the Summary without its formulas. */
export async function stageReview(
  op: OperationContext,
  lines: readonly (VarianceLine | null)[],
  summary: SheetLayout,
  worklist: SheetLayout,
  maxRowsPerRequest: number,
): Promise<StagedReview> {
  const total = lines.length + summary.rows.length + worklist.rows.length;
  const height = Math.max(lines.length, 1);
  const [values, summarySheet, worklistSheet] = await op.addStagingSheets(3, ([valuesSheet]) => {
    // Each column's number format before any value lands, so flags and reasons stay text.
    Object.values(REVIEW_COLUMNS).forEach((column, c) => {
      valuesSheet!.getRangeByIndexes(0, c, height, 1).numberFormat = [[column.numberFormat]];
    });
  });
  for (let start = 0; start < lines.length; start += maxRowsPerRequest) {
    const cells = lines.slice(start, start + maxRowsPerRequest).map(rowCells);
    await op.write(
      (context) => {
        context.workbook.worksheets
          .getItem(values!.id)
          .getRangeByIndexes(start, 0, cells.length, REVIEW_COLUMN_NAMES.length).values = cells;
      },
      { done: start + cells.length, total },
    );
  }
  await op.write(
    (context) => {
      writeSheet(context.workbook.worksheets.getItem(summarySheet!.id), summary, false);
      writeSheet(context.workbook.worksheets.getItem(worklistSheet!.id), worklist, true);
    },
    { done: total, total },
  );
  return { values: values!, summary: summarySheet!, worklist: worklistSheet! };
}

/** Where the review's commit puts things. */
export interface ReviewCommit {
  readonly tableName: string;
  readonly headers: readonly string[];
  /** 0-based sheet column of the table's first column, and row of its first data row. */
  readonly firstColumn: number;
  readonly firstRow: number;
  readonly lineCount: number;
  readonly summaryLayout: SheetLayout;
  readonly names: { readonly summary: string; readonly worklist: string };
  /** The earlier review's sheets it replaces. */
  readonly replacing: readonly { readonly id: string; readonly name: string }[];
  readonly record: VarianceReviewRecord;
  /** Further steps (the claims mapping), before the result is shown. */
  readonly extra: readonly CommitStep[];
}

/** The review's commit steps (see the module comment); the record comes first, so "nothing applied" is observable. */
export function reviewCommitSteps(staged: StagedReview, commit: ReviewCommit): CommitStep[] {
  const { tableName, headers } = commit;
  const lower = headers.map((h) => h.toLowerCase());
  const missing = REVIEW_COLUMN_NAMES.filter((name) => !lower.includes(name.toLowerCase()));
  const columnIndex = (name: string) => {
    const existing = lower.indexOf(name.toLowerCase());
    return existing >= 0 ? existing : headers.length + missing.indexOf(name);
  };
  const height = Math.max(commit.lineCount, 1);
  const flagLetter = columnLetters(commit.firstColumn + columnIndex(REVIEW_COLUMNS.flag.name));
  const column = (context: Excel.RequestContext, name: string) =>
    context.workbook.tables.getItem(tableName).columns.getItem(name).getDataBodyRange();
  const steps: CommitStep[] = [
    storeSettingStep(
      tableSetting("varianceReview", tableName),
      {
        ...commit.record,
        columns: [...REVIEW_COLUMN_NAMES],
        summarySheetId: staged.summary.id,
        worklistSheetId: staged.worklist.id,
      },
      `record the review of table ${tableName}`,
    ),
    ...missing.map((name): CommitStep => ({
      describe: `add the column "${name}" to table ${tableName}`,
      apply: (context) => void context.workbook.tables.getItem(tableName).columns.add(undefined, undefined, name),
      observe: (context) => {
        const header = context.workbook.tables.getItem(tableName).getHeaderRowRange().load("values");
        return () => (header.values[0] ?? []).some((h) => String(h).toLowerCase() === name.toLowerCase());
      },
    })),
    {
      describe: `write the review's values into table ${tableName}`,
      apply: (context) => {
        const source = context.workbook.worksheets.getItem(staged.values.id);
        REVIEW_COLUMN_NAMES.forEach((name, c) => {
          column(context, name).copyFrom(source.getRangeByIndexes(0, c, height, 1), "All");
        });
      },
    },
    {
      describe: `colour the ${REVIEW_COLUMNS.flag.name} column`,
      apply: (context) => {
        const flags = column(context, REVIEW_COLUMNS.flag.name);
        flags.conditionalFormats.clearAll();
        for (const [flag, fill, font] of FLAG_FORMATS) {
          const format = flags.conditionalFormats.add("Custom");
          format.custom.rule.formula = `=$${flagLetter}${commit.firstRow + 1}="${flag}"`;
          format.custom.format.fill.color = fill;
          format.custom.format.font.color = font;
        }
      },
    },
    {
      describe: `write the formulas of "${commit.names.summary}"`,
      // One command for the whole sheet (its values again, and its formulas): Excel, like the simulator, then
      // evaluates the SUMIFS together, sharing their criteria.
      apply: (context) => {
        const { rows, columnFormats } = commit.summaryLayout;
        context.workbook.worksheets
          .getItem(staged.summary.id)
          .getRangeByIndexes(0, 0, rows.length, columnFormats.length).formulas = rows.map((row) =>
          row.map((cell) => cell ?? ""),
        );
      },
    },
    ...commit.replacing.map((sheet) => deleteSheet(sheet.id, `remove the earlier review sheet "${sheet.name}"`)),
    ...placeSheet({ stagedId: staged.summary.id, name: commit.names.summary }),
    ...placeSheet({ stagedId: staged.worklist.id, name: commit.names.worklist }),
    ...commit.extra,
    activateSheet(staged.summary.id),
    deleteSheet(staged.values.id, "remove the review's working sheet"),
  ];
  return steps;
}
