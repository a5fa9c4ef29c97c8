/**
 * A user's .xlsx workbook opened as a simulator snapshot (issue 18 item 1): sheets with their visibility, values,
 * formulas, number formats, tables (name, range, style), workbook-scoped named ranges, fills, fonts, column widths,
 * frozen rows and formula conditional formats. What the simulator cannot hold is listed, never dropped silently; a
 * file that is not an .xlsx workbook is refused. The whole snapshot is built before anything is loaded, so a
 * refusal leaves the open workbook as it was.
 */
import ExcelJS from "exceljs";
import { catalogue, fail, ok, type Result } from "../../engine";
import {
  formatRect,
  MAX_ROWS,
  textInput,
  type CellInput,
  type RecordedConditionalFormat,
  type RecordedRangeFormat,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../simulator";
import { apiColor, apiColumnWidth, apiFormula, dateSerial } from "./xlsxDialect";

/** Why a file could not be opened at all. */
export type XlsxOpenIssue =
  | { readonly code: "notXlsx"; readonly fileName: string; readonly reason: string }
  | { readonly code: "noSheets"; readonly fileName: string };

/** The message for an open that was refused. */
export const describeXlsxOpenIssue: (issue: XlsxOpenIssue) => string = catalogue<XlsxOpenIssue>({
  notXlsx: ({ fileName, reason }) =>
    `"${fileName}" is not an Excel workbook (.xlsx) the playground can read (${reason}). Save it from Excel or ` +
    "LibreOffice as an Excel Workbook (.xlsx) and open that; .xls, .xlsb and .ods files are not read.",
  noSheets: ({ fileName }) => `"${fileName}" has no worksheet to open.`,
});

/** What a workbook can hold that the simulator does not, and what opening it keeps instead. */
const NOT_LOADED = {
  mergedCells: "merged ranges (their cells kept, unmerged)",
  dataValidations: "data validation rules",
  images: "images",
  themeColors: "theme or indexed colours (those cells shown without their colour)",
  conditionalFormats: "conditional formats other than formula rules",
  names: "named items that are not a workbook-scoped range (kept out)",
  richText: "rich text (kept as plain text)",
  hyperlinks: "hyperlinks (kept as their text)",
  errorConstants: "error constants such as #N/A typed as values (kept as text)",
} as const;

export type NotLoadedFeature = keyof typeof NOT_LOADED;

/** One feature of the file the simulator did not load, on a sheet (null: the workbook's). */
export interface NotLoaded {
  readonly feature: NotLoadedFeature;
  readonly sheet: string | null;
  readonly count: number;
}

export interface OpenedXlsx {
  readonly snapshot: WorkbookSnapshot;
  readonly notLoaded: readonly NotLoaded[];
}

/** "Not loaded: merged ranges (...) (2 on Claims); images (1 on Summary)." or "" when everything was loaded. */
export function describeNotLoaded(notLoaded: readonly NotLoaded[]): string {
  if (notLoaded.length === 0) return "";
  const parts = notLoaded.map(
    ({ feature, sheet, count }) => `${NOT_LOADED[feature]}: ${count}${sheet === null ? "" : ` on ${sheet}`}`,
  );
  return `Not loaded: ${parts.join("; ")}.`;
}

/** Counts per feature for one sheet. */
class Tally {
  private readonly counts = new Map<NotLoadedFeature, number>();
  add(feature: NotLoadedFeature, count = 1): void {
    if (count > 0) this.counts.set(feature, (this.counts.get(feature) ?? 0) + count);
  }
  list(sheet: string | null): NotLoaded[] {
    return [...this.counts].map(([feature, count]) => ({ feature, sheet, count }));
  }
}

type CellRead = { readonly input: CellInput; readonly feature?: NotLoadedFeature };

/** A cell's content as the simulator's input: formulas as "=...", text always as text. */
function cellInput(cell: ExcelJS.Cell): CellRead {
  if (cell.type === ExcelJS.ValueType.Formula) return { input: apiFormula(cell.formula) };
  // A text-formatted ("@") cell keeps its input as text by itself; an apostrophe there would be kept as a character.
  const text = (value: string) => (cell.numFmt === "@" ? value : textInput(value));
  const value = cell.value;
  if (value === null || value === undefined) return { input: null };
  if (typeof value === "number" || typeof value === "boolean") return { input: value };
  if (typeof value === "string") return { input: text(value) };
  if (value instanceof Date) return { input: dateSerial(value) };
  if ("richText" in value) return { input: text(value.richText.map((run) => run.text).join("")), feature: "richText" }; // prettier-ignore
  if ("hyperlink" in value) return { input: text(String(value.text)), feature: "hyperlinks" };
  if ("error" in value) return { input: text(value.error), feature: "errorConstants" };
  return { input: text(cell.text) };
}

/** The range format records of one cell's fill and font, as the add-in's `range.format` sets would record them. */
function cellFormat(cell: ExcelJS.Cell, tally: Tally): RecordedRangeFormat | null {
  const properties: Record<string, unknown> = {};
  const fill = cell.fill;
  if (fill?.type === "pattern" && fill.pattern === "solid") {
    if (fill.fgColor?.argb !== undefined) properties["fill.color"] = apiColor(fill.fgColor.argb);
    else tally.add("themeColors");
  }
  const font = cell.font;
  if (font?.bold === true) properties["font.bold"] = true;
  if (font?.italic === true) properties["font.italic"] = true;
  if (font?.color?.argb !== undefined) properties["font.color"] = apiColor(font.color.argb);
  else if (font?.color !== undefined) tally.add("themeColors");
  return Object.keys(properties).length === 0 ? null : { address: cell.address, properties, calls: [] };
}

/** Parts of exceljs's worksheets its typings leave out. */
interface WorksheetExtras {
  readonly conditionalFormattings: readonly ExcelJS.ConditionalFormattingOptions[];
  readonly dataValidations: { readonly model: Readonly<Record<string, unknown>> };
}
const extras = (read: ExcelJS.Worksheet) => read as unknown as WorksheetExtras;

/** The formula rules of a sheet's conditional formats, as the add-in's "Custom" conditional formats record them. */
function conditionalFormats(read: ExcelJS.Worksheet, tally: Tally): RecordedConditionalFormat[] {
  return extras(read).conditionalFormattings.flatMap(({ ref, rules }) =>
    rules.flatMap((rule): RecordedConditionalFormat[] => {
      if (rule.type !== "expression" || rule.formulae?.[0] === undefined) {
        tally.add("conditionalFormats");
        return [];
      }
      const properties: Record<string, unknown> = { "custom.rule.formula": apiFormula(String(rule.formulae[0])) };
      const fill = rule.style?.fill;
      const fillColor = fill?.type === "pattern" ? (fill.bgColor?.argb ?? fill.fgColor?.argb) : undefined;
      if (fillColor !== undefined) properties["custom.format.fill.color"] = apiColor(fillColor);
      const fontColor = rule.style?.font?.color?.argb;
      if (fontColor !== undefined) properties["custom.format.font.color"] = apiColor(fontColor);
      return [{ type: "Custom", address: ref, properties, calls: [] }];
    }),
  );
}

/** Column widths and frozen rows, as the add-in's `format.columnWidth` and `freezePanes.freezeRows` record them. */
function layoutRecords(read: ExcelJS.Worksheet): RecordedRangeFormat[] {
  const records: RecordedRangeFormat[] = [];
  for (let column = 1; column <= read.columnCount; column++) {
    const { width } = read.getColumn(column);
    if (width === undefined) continue;
    const address = formatRect({ row: 0, column: column - 1, rowCount: MAX_ROWS, columnCount: 1 });
    records.push({ address, properties: { columnWidth: apiColumnWidth(width) }, calls: [] });
  }
  const frozen = (read.views ?? []).find((view) => view.state === "frozen");
  if (frozen !== undefined && frozen.state === "frozen" && (frozen.ySplit ?? 0) > 0)
    records.push({ address: "freezePanes", properties: {}, calls: [{ path: "freezeRows", args: [frozen.ySplit] }] });
  return records;
}

/** exceljs's Table objects (its typings say [Table, void] pairs), each with its model in `table`. */
interface LoadedTable {
  readonly name: string;
  readonly table: { readonly tableRef: string; readonly style?: { readonly theme?: string } };
}

function sheetSnapshot(read: ExcelJS.Worksheet, tally: Tally): SheetSnapshot {
  const cells: CellInput[][] = [];
  const numberFormats: { address: string; format: string }[] = [];
  const rangeFormats: RecordedRangeFormat[] = [];
  read.eachRow({ includeEmpty: false }, (row, r) => {
    const values: CellInput[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const { input, feature } = cellInput(cell);
      values[c - 1] = input;
      if (feature !== undefined) tally.add(feature);
      if (cell.numFmt !== undefined && cell.numFmt !== "General") numberFormats.push({ address: cell.address, format: cell.numFmt }); // prettier-ignore
      const format = cellFormat(cell, tally);
      if (format !== null) rangeFormats.push(format);
    });
    cells[r - 1] = Array.from(values, (v) => v ?? null);
  });
  tally.add("mergedCells", Object.keys(read.model.merges ?? {}).length);
  tally.add("dataValidations", Object.keys(extras(read).dataValidations.model).length);
  tally.add("images", read.getImages().length);
  const tables = (read.getTables() as unknown as readonly LoadedTable[]).map(({ name, table }) => ({
    name,
    address: table.tableRef,
    ...(table.style?.theme === undefined ? {} : { style: table.style.theme }),
  }));
  return {
    name: read.name,
    visibility: read.state === "veryHidden" ? "VeryHidden" : read.state === "hidden" ? "Hidden" : "Visible",
    cells: Array.from(cells, (row) => row ?? []),
    numberFormats,
    tables,
    rangeFormats: [...layoutRecords(read), ...rangeFormats],
    conditionalFormats: conditionalFormats(read, tally),
  };
}

/** A workbook-scoped name of one range ("Claims!$B$2"), as the API's formula "=Claims!$B$2"; null otherwise. */
function rangeName(name: string, ranges: readonly string[]): string | null {
  return !name.startsWith("_xlnm.") && ranges.length === 1 && /!\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/.test(ranges[0]!)
    ? `=${ranges[0]}`
    : null;
}

/** Opens .xlsx bytes as a snapshot of the whole workbook, with what was not loaded; refuses what is not an .xlsx. */
export async function openXlsx(
  bytes: ArrayBuffer | Uint8Array,
  fileName = "The file",
): Promise<Result<OpenedXlsx, XlsxOpenIssue>> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    return fail({ code: "notXlsx", fileName, reason: error instanceof Error ? error.message : String(error) });
  }
  if (book.worksheets.length === 0) return fail({ code: "noSheets", fileName });
  const notLoaded: NotLoaded[] = [];
  const sheets = book.worksheets.map((read) => {
    const tally = new Tally();
    const sheet = sheetSnapshot(read, tally);
    notLoaded.push(...tally.list(read.name));
    return sheet;
  });
  const workbookTally = new Tally();
  const names = (book.definedNames.model as readonly { name: string; ranges: string[] }[]).flatMap(
    ({ name, ranges }) => {
      const formula = rangeName(name, ranges);
      if (formula === null) workbookTally.add("names");
      return formula === null ? [] : [{ name, formula }];
    },
  );
  notLoaded.push(...workbookTally.list(null));
  const active = book.views?.[0]?.activeTab;
  const activeSheet = active === undefined ? undefined : sheets[active]?.name;
  return ok({ snapshot: { sheets, names, ...(activeSheet === undefined ? {} : { activeSheet }) }, notLoaded });
}
