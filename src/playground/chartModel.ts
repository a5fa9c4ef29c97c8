/**
 * What a native chart the add-in defined shows, read as Excel reads it from the chart's record and its source range:
 * a header row of series names, a first column of category labels, one series per column (or row).
 */
import type { HostCell, HostWorkbook } from "./hostWorkbook";
import { parseAddress, type RecordedChart } from "./simulator";

type Rect = { row: number; column: number; rowCount: number; columnCount: number };

export interface ChartSeries {
  readonly name: string;
  /** null where the cell holds no number (an #N/A left so that a line shows a gap). */
  readonly values: readonly (number | null)[];
}

export interface ChartModel {
  /** Excel's chart type as recorded ("ColumnClustered", "Line"...). */
  readonly type: string;
  readonly title: string | null;
  /** Excel's legend position ("Bottom"...), null when not set. */
  readonly legendPosition: string | null;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** The number format of the first figure, for the value axis (a share reads 12.0%, not 0.12). */
  readonly numberFormat: string;
  /** The cells the chart covers, top-left to bottom-right (setPosition); null when the add-in did not place it. */
  readonly cells: Rect | null;
}

/** A date-formatted number is a label (a month), not a figure, as Excel reads a category column. */
const isDateFormat = (format: string | undefined) =>
  format !== undefined && /[ymd]/i.test(format.replace(/"[^"]*"/g, ""));
const isFigure = (cell: HostCell) => typeof cell.value === "number" && !isDateFormat(cell.numberFormat);
const isLabel = (cell: HostCell) => !isFigure(cell) && !(typeof cell.value === "string" && cell.value.startsWith("#"));

/** The cells a setPosition argument names ("H2", or a range whose corner is meant). */
function positionRect(start: unknown, end: unknown): Rect | null {
  const from = typeof start === "string" ? parseAddress(start)?.rect : undefined;
  if (from === undefined) return null;
  const to = (typeof end === "string" ? parseAddress(end)?.rect : undefined) ?? from;
  const bottom = to.row + to.rowCount;
  const right = to.column + to.columnCount;
  return { row: from.row, column: from.column, rowCount: bottom - from.row, columnCount: right - from.column };
}

/** Reads a chart's record and the current values of its source. */
export function chartModel(workbook: HostWorkbook, chart: RecordedChart): ChartModel {
  const source = parseAddress(chart.sourceAddress);
  const grid: HostCell[][] = [];
  if (source?.sheet != null) {
    const { sheet, rect } = source;
    for (let r = 0; r < rect.rowCount; r++)
      grid.push(
        Array.from({ length: rect.columnCount }, (_, c) => workbook.cell(sheet, rect.row + r, rect.column + c)),
      );
  }
  // Series run down the columns unless the chart says rows ("Auto": along the longer side, as Excel picks).
  const byRows = chart.seriesBy === "Rows" || (chart.seriesBy === "Auto" && (grid[0]?.length ?? 0) > grid.length);
  const lines = byRows ? grid : (grid[0] ?? []).map((_, c) => grid.map((row) => row[c]!));
  const hasNames = lines.length > 0 && lines.every((line) => line.length > 1 && isLabel(line[0]!));
  const labelLine = lines.length > 1 && lines[0]!.slice(hasNames ? 1 : 0).some(isLabel) ? lines[0] : undefined;
  const dataLines = labelLine === undefined ? lines : lines.slice(1);
  const skip = hasNames ? 1 : 0;
  const position = chart.calls.filter((call) => call.path === "setPosition").at(-1);
  return {
    type: chart.type,
    title: typeof chart.properties["title.text"] === "string" ? chart.properties["title.text"] : null,
    legendPosition:
      typeof chart.properties["legend.position"] === "string" ? chart.properties["legend.position"] : null,
    categories: (labelLine ?? dataLines[0] ?? []).slice(skip).map((cell, i) => (labelLine ? cell.text : String(i + 1))),
    series: dataLines.map((line, i) => ({
      name: hasNames ? line[0]!.text : `Series${i + 1}`,
      values: line.slice(skip).map((cell) => (typeof cell.value === "number" ? cell.value : null)),
    })),
    numberFormat: dataLines[0]?.[skip]?.numberFormat ?? "General",
    cells: position === undefined ? null : positionRect(position.args[0], position.args[1]),
  };
}
