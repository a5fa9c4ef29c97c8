/**
 * The trend blocks of the Contract Performance sheet: months down, one column per contract, each drawn by a native
 * line chart beside it. #N/A where a month has no figure, so that a line chart leaves a gap instead of dropping to 0.
 */
import type { ColumnMap } from "../core/columnLetters";
import { columnLetters } from "../core/columnLetters";
import { NUMBER_FORMATS } from "../core/numberFormats";
import type { PlanBlock } from "../core/sheetBlocks";
import { MONTH_FORMAT, type MonthlyKey } from "./performanceColumns";
import type { PerformanceChart, PerformanceSource } from "./performanceLayout";

/** The trend blocks (months down, one column per contract) and their line charts. */
export function trendBlocks(
  source: PerformanceSource,
  columns: ColumnMap<string>,
  groupRows: readonly number[],
  top: number,
): { blocks: PlanBlock[]; charts: PerformanceChart[] } {
  if (source.groups.length === 0 || source.months.length === 0) return { blocks: [], charts: [] };
  const width = source.groups.length + 1;
  const blocks: PlanBlock[] = [];
  const charts: PerformanceChart[] = [];
  const trends: [string, MonthlyKey, string][] = [
    ["Initial denial rate (count) by month", "denialRateCount", NUMBER_FORMATS.share],
    ["Median days to pay by month", "medianDays", "0.0"],
  ];
  let row = top; // 1-based
  for (const [title, key, format] of trends) {
    blocks.push({ row: row - 1, column: 0, cells: [[title]], numberFormat: NUMBER_FORMATS.text, style: "heading" });
    const header = row + 1;
    blocks.push({
      row: header - 1,
      column: 0,
      cells: [["Month", ...source.groups.map((g) => g.key)]],
      numberFormat: NUMBER_FORMATS.text,
      style: "header",
    });
    // #N/A where a month has no figure: a line chart leaves a gap there instead of dropping to zero.
    const cells = source.months.map((month, m) => [
      month,
      ...groupRows.map((first) => {
        const cell = columns.cell(first + m, key);
        return `=IF(ISNUMBER(${cell}),${cell},NA())`;
      }),
    ]);
    blocks.push({
      row: header,
      column: 0,
      cells,
      numberFormat: [MONTH_FORMAT, ...source.groups.map(() => format)],
      style: "body",
    });
    const last = header + source.months.length;
    charts.push({
      title,
      source: `A${header}:${columnLetters(width - 1)}${last}`,
      position: [`${columnLetters(width + 1)}${row}`, `${columnLetters(width + 9)}${row + 18}`],
    });
    row = Math.max(last, row + 19) + 2;
  }
  return { blocks, charts };
}
