/**
 * The simulated workbook saved as an .xlsx file (issue 18 item 1), as a user's "Save as" in Excel would: every
 * sheet with its visibility, formulas with their calculated results (a dynamic array as an array formula over the
 * range it spills into), constants, number formats, tables, workbook-scoped named ranges, fills, fonts, column
 * widths, frozen panes and formula conditional formats. What exceljs cannot write (charts) or the simulator only
 * recorded without meaning here is listed in `notSaved`, never dropped silently.
 */
import ExcelJS from "exceljs";
import {
  MAX_COLUMNS,
  MAX_ROWS,
  parseAddress,
  type CellRect,
  type Recorded,
  type SheetDescription,
  type WorkbookSimulator,
} from "../simulator";
import { fileColor, fileColumnWidth, fileFormula } from "./xlsxDialect";

/** What the saved file lacks of the simulated workbook. */
const NOT_SAVED = {
  charts: "charts (exceljs cannot write charts; the data they draw is saved)",
  conditionalFormats: "conditional formats other than formula rules",
  names: "named items that are not a range",
  formats: "formatting the file format here does not carry",
  dataValidations: "data validation rules other than a list to pick from",
} as const;

export type NotSavedFeature = keyof typeof NOT_SAVED;

/** One thing of a sheet (null: of the workbook) the file does not hold; `what` names it ("Monthly allowed"). */
export interface NotSaved {
  readonly feature: NotSavedFeature;
  readonly sheet: string | null;
  readonly what: string;
}

export interface SaveOptions {
  /** The sheets to save, in tab order; default all of them. */
  readonly sheets?: readonly string[];
  /** Sheets saved with each cell's value instead of its formula (a user's table whose formulas are the add-in's). */
  readonly valuesOnly?: readonly string[];
}

export interface SavedXlsx {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly notSaved: readonly NotSaved[];
}

/** "Not saved: charts (...): Monthly allowed on Performance." or "" when the file holds everything. */
export function describeNotSaved(notSaved: readonly NotSaved[]): string {
  if (notSaved.length === 0) return "";
  const byFeature = new Map<NotSavedFeature, string[]>();
  for (const { feature, sheet, what } of notSaved)
    byFeature.set(feature, [...(byFeature.get(feature) ?? []), sheet === null ? what : `${what} on ${sheet}`]);
  return `Not saved: ${[...byFeature].map(([feature, whats]) => `${NOT_SAVED[feature]}: ${whats.join(", ")}`).join("; ")}.`; // prettier-ignore
}

const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|BUSY!|GETTING_DATA)$/;

/** A formula's calculated value as exceljs writes it beside the formula. */
function formulaResult(value: SheetDescription["cells"][string]["value"]): ExcelJS.CellValue {
  return typeof value === "string" && ERROR_VALUE.test(value)
    ? ({ error: value } as ExcelJS.CellErrorValue)
    : (value as ExcelJS.CellValue);
}

/** The cells of a rectangle within a sheet's used part (a whole column stops at the last used row). */
function* cellsOf(out: ExcelJS.Worksheet, rect: CellRect): Generator<ExcelJS.Cell> {
  const rows = rect.rowCount === MAX_ROWS ? Math.max(out.rowCount - rect.row, 0) : rect.rowCount;
  const columns = rect.columnCount === MAX_COLUMNS ? Math.max(out.columnCount - rect.column, 0) : rect.columnCount;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) yield out.getCell(rect.row + r + 1, rect.column + c + 1);
}

type FormatTarget = { readonly out: ExcelJS.Worksheet; readonly rect: CellRect };

const solidFill = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
const eachCell = (apply: (cell: ExcelJS.Cell, value: unknown) => void) => (target: FormatTarget, value: unknown) => {
  for (const cell of cellsOf(target.out, target.rect)) apply(cell, value);
};
const fontProperty = (key: keyof ExcelJS.Font) =>
  eachCell((cell, value) => (cell.font = { ...cell.font, [key]: value }));

/** How each recorded `range.format` property lands in the file; a property not here is reported as not saved. */
const FORMAT_PROPERTIES: Readonly<Record<string, (target: FormatTarget, value: unknown) => void>> = {
  "fill.color": eachCell((cell, value) => {
    const argb = fileColor(value);
    if (argb !== null) cell.fill = solidFill(argb);
  }),
  "font.color": eachCell((cell, value) => {
    const argb = fileColor(value);
    if (argb !== null) cell.font = { ...cell.font, color: { argb } };
  }),
  "font.bold": fontProperty("bold"),
  "font.italic": fontProperty("italic"),
  "font.size": fontProperty("size"),
  "font.name": fontProperty("name"),
  horizontalAlignment: eachCell((cell, value) => {
    cell.alignment = { ...cell.alignment, horizontal: String(value).toLowerCase() as ExcelJS.Alignment["horizontal"] };
  }),
  wrapText: eachCell((cell, value) => (cell.alignment = { ...cell.alignment, wrapText: value === true })),
  columnWidth: ({ out, rect }, value) => {
    for (let c = 0; c < Math.min(rect.columnCount, out.columnCount); c++)
      out.getColumn(rect.column + c + 1).width = fileColumnWidth(Number(value));
  },
  rowHeight: ({ out, rect }, value) => {
    for (let r = 0; r < Math.min(rect.rowCount, out.rowCount); r++) out.getRow(rect.row + r + 1).height = Number(value);
  },
};

/** Characters Excel's autofit would leave room for: the longest shown text of the column, within Excel's limits. */
function autofitColumns({ out, rect }: FormatTarget): void {
  for (let c = 0; c < Math.min(rect.columnCount, out.columnCount); c++) {
    const column = out.getColumn(rect.column + c + 1);
    let longest = 0;
    column.eachCell({ includeEmpty: false }, (cell) => (longest = Math.max(longest, cell.text.length)));
    column.width = Math.min(Math.max(longest + 2, 8.43), 255);
  }
}

/** How each recorded `range.format` or freeze-panes call lands in the file. */
const FORMAT_CALLS: Readonly<Record<string, (target: FormatTarget, args: readonly unknown[]) => void>> = {
  autofitColumns: (target) => autofitColumns(target),
  "font.set": eachCell((cell, args) => (cell.font = { ...cell.font, ...((args as unknown[])[0] as Partial<ExcelJS.Font>) })), // prettier-ignore
  freezeRows: ({ out }, [rows]) => (out.views = [{ state: "frozen", ySplit: Number(rows), xSplit: 0 }]),
  freezeColumns: ({ out }, [columns]) => (out.views = [{ state: "frozen", xSplit: Number(columns), ySplit: 0 }]),
};

/** Applies a sheet's recorded range formats; returns what it could not. */
function applyFormats(out: ExcelJS.Worksheet, sheet: SheetDescription): NotSaved[] {
  const notSaved: NotSaved[] = [];
  const skip = (what: string) => notSaved.push({ feature: "formats", sheet: sheet.name, what });
  for (const { address, properties, calls } of sheet.rangeFormats) {
    // Worksheet-level records (freeze panes) have no range: their calls apply to the sheet.
    const rect = parseAddress(address)?.rect ?? { row: 0, column: 0, rowCount: 0, columnCount: 0 };
    const target = { out, rect };
    for (const [property, value] of Object.entries(properties)) {
      const apply = FORMAT_PROPERTIES[property];
      if (apply === undefined) skip(`${address} ${property}`);
      else apply(target, value);
    }
    for (const { path, args } of calls) {
      const call = FORMAT_CALLS[path];
      if (call === undefined) skip(`${address} ${path}()`);
      else call(target, args);
    }
  }
  return notSaved;
}

/** A recorded "Custom" conditional format as the file's expression rule; null for any other kind. */
function expressionRule({ properties }: Recorded & { type: string }): ExcelJS.ConditionalFormattingRule | null {
  const formula = properties["custom.rule.formula"];
  if (typeof formula !== "string") return null;
  const fill = fileColor(properties["custom.format.fill.color"]);
  const font = fileColor(properties["custom.format.font.color"]);
  return {
    type: "expression",
    priority: 1,
    formulae: [fileFormula(formula)],
    style: {
      ...(fill === null ? {} : { fill: { type: "pattern", pattern: "solid", bgColor: { argb: fill } } }),
      ...(font === null ? {} : { font: { color: { argb: font } } }),
    },
  };
}

/** A recorded list rule's source as the file's formula ("$A$5:$A$11", or a quoted list); null for any other rule. */
function listSource({ properties }: Recorded): string | null {
  const rule = properties["rule"] as { readonly list?: { readonly source?: unknown } } | undefined;
  const source = rule?.list?.source;
  if (typeof source !== "string") return null;
  return source.startsWith("=") ? fileFormula(source) : `"${source}"`;
}

/** A sheet's cells; a formula that spills is stored as an array formula over the range it fills. */
function writeCells(
  out: ExcelJS.Worksheet,
  sheet: SheetDescription,
  keepFormulas: boolean,
  simulator: WorkbookSimulator,
) {
  for (const [address, { value, formula, numberFormat }] of Object.entries(sheet.cells)) {
    const target = out.getCell(address);
    if (formula !== undefined && keepFormulas) {
      const { row, column } = parseAddress(address)!.rect;
      const spill = simulator.spillRange(sheet.name, row, column);
      const stored = { formula: fileFormula(formula), result: formulaResult(value) };
      target.value = (spill === null ? stored : { ...stored, shareType: "array", ref: spill }) as ExcelJS.CellValue;
    } else if (value !== null && value !== "") target.value = value;
    if (numberFormat !== undefined) target.numFmt = numberFormat;
  }
}

/** Saves the simulated workbook as .xlsx bytes, with the list of what the file does not hold. */
export async function saveXlsx(simulator: WorkbookSimulator, options: SaveOptions = {}): Promise<SavedXlsx> {
  const book = new ExcelJS.Workbook();
  const description = simulator.describe();
  const chosen = options.sheets ?? description.sheets.map((s) => s.name);
  const notSaved: NotSaved[] = [];
  for (const sheet of description.sheets.filter((s) => chosen.includes(s.name))) {
    const state = sheet.visibility === "VeryHidden" ? "veryHidden" : sheet.visibility === "Hidden" ? "hidden" : "visible"; // prettier-ignore
    const out = book.addWorksheet(sheet.name, { state });
    writeCells(out, sheet, !(options.valuesOnly ?? []).includes(sheet.name), simulator);
    for (const table of description.tables.filter((t) => t.sheet === sheet.name)) {
      const { rect } = parseAddress(table.address)!;
      // exceljs writes a table's cells from its rows: the cells written above, read back.
      const rows = Array.from({ length: rect.rowCount - 1 }, (_, r) =>
        table.headers.map((_, c) => out.getCell(rect.row + r + 2, rect.column + c + 1).value),
      );
      out.addTable({
        name: table.name,
        ref: out.getCell(rect.row + 1, rect.column + 1).address,
        headerRow: true,
        style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
        columns: table.headers.map((name) => ({ name })),
        rows,
      });
    }
    notSaved.push(...applyFormats(out, sheet));
    for (const format of sheet.conditionalFormats) {
      const rule = format.type === "Custom" ? expressionRule(format) : null;
      if (rule === null)
        notSaved.push({ feature: "conditionalFormats", sheet: sheet.name, what: `${format.type} on ${format.address}` }); // prettier-ignore
      else out.addConditionalFormatting({ ref: format.address, rules: [rule] });
    }
    for (const validation of sheet.dataValidations) {
      const source = listSource(validation);
      if (source === null) notSaved.push({ feature: "dataValidations", sheet: sheet.name, what: validation.address });
      else out.getCell(validation.address).dataValidation = { type: "list", allowBlank: true, formulae: [source] };
    }
    for (const chart of sheet.charts) {
      const title = chart.properties["title.text"];
      notSaved.push({ feature: "charts", sheet: sheet.name, what: typeof title === "string" ? `"${title}"` : `${chart.type} of ${chart.sourceAddress}` }); // prettier-ignore
    }
  }
  for (const { name, formula } of description.names) {
    const range = /^=('[^']+'|[^!]+)!\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/.test(formula) ? formula.slice(1) : null;
    if (range === null) notSaved.push({ feature: "names", sheet: null, what: name });
    else book.definedNames.add(range, name);
  }
  const active = description.sheets.filter((s) => chosen.includes(s.name)).findIndex((s) => s.name === description.activeSheet); // prettier-ignore
  if (active >= 0) book.views = [{ activeTab: active, x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, visibility: "visible" }]; // prettier-ignore
  return { bytes: new Uint8Array(await book.xlsx.writeBuffer()), notSaved };
}
