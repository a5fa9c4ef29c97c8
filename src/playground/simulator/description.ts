/**
 * The whole workbook as plain, comparable data (issue 10: "the workbook snapshot equals the one before"): sheets in
 * order with their visibility, every cell's value, formula and number format, tables, names, settings, conditional
 * formats, charts, recorded range formats and the active sheet. Two descriptions are equal (jest `toEqual`) exactly
 * when a user could not tell the two workbooks apart through anything the simulator models.
 *
 * Sheet and table ids are left out: they differ between two runs of the same operation. Settings values may hold
 * sheet ids (records of the sheets an operation built); `sheetIdsAsNames` replaces each live sheet's id inside them
 * by `<id of sheet "Name">`, so the records of two runs compare too. An id of a sheet that no longer exists is kept
 * as it is: a record pointing nowhere is a difference worth seeing. Table ids are numbers Excel reuses, so they are
 * not replaced.
 */
import { columnLetters, formatRect } from "./addresses";
import {
  keyColumn,
  keyRow,
  type RecordedChart,
  type RecordedConditionalFormat,
  type RecordedDataValidation,
  type RecordedRangeFormat,
  type SheetEntity,
} from "./entities";
import type { WorkbookModel } from "./workbookModel";

/** One cell: its value (errors as their text), and its formula and number format when it has them. */
export interface CellDescription {
  readonly value: string | number | boolean | null;
  readonly formula?: string;
  readonly numberFormat?: string;
}

export interface SheetDescription {
  readonly name: string;
  /** "Visible", "Hidden" or "VeryHidden". */
  readonly visibility: string;
  /** Every cell holding a value or a formula, or formatted other than "General", by address ("B7"). */
  readonly cells: Readonly<Record<string, CellDescription>>;
  readonly conditionalFormats: readonly RecordedConditionalFormat[];
  readonly charts: readonly RecordedChart[];
  readonly rangeFormats: readonly RecordedRangeFormat[];
  readonly dataValidations: readonly RecordedDataValidation[];
}

export interface TableDescription {
  readonly name: string;
  readonly sheet: string;
  /** Header row included ("A1:E4"). */
  readonly address: string;
  readonly headers: readonly string[];
  readonly style: string;
}

export interface WorkbookDescription {
  /** In tab order. */
  readonly sheets: readonly SheetDescription[];
  readonly activeSheet: string;
  readonly tables: readonly TableDescription[];
  /** Workbook-scoped named items, formula as Excel gives it ("=Claims!$B$2"). */
  readonly names: readonly { readonly name: string; readonly formula: string; readonly comment: string }[];
  readonly settings: Readonly<Record<string, unknown>>;
}

export interface DescribeOptions {
  /** Replace the id of each live sheet inside settings values by `<id of sheet "Name">` (see the module comment). */
  readonly sheetIdsAsNames?: boolean;
}

/** A deep copy holding plain data only (recorded values can be arrays and objects set by the add-in). */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function describeCells(model: WorkbookModel, sheet: SheetEntity): Record<string, CellDescription> {
  const { cells } = model;
  const { rows, columns } = cells.engine.dimensions(sheet.name);
  const values = cells.engine.values(sheet.name, { row: 0, column: 0, rowCount: rows, columnCount: columns });
  const described: Record<string, CellDescription> = {};
  const describe = (row: number, column: number) => {
    const value = values[row]?.[column] ?? null;
    const formula = cells.formula(sheet, row, column);
    const format = cells.numberFormat(sheet, row, column);
    if (value === null && formula === null && format === "General") return;
    described[`${columnLetters(column)}${row + 1}`] = {
      value,
      ...(formula === null ? {} : { formula }),
      ...(format === "General" ? {} : { numberFormat: format }),
    };
  };
  for (let row = 0; row < rows; row++) for (let column = 0; column < columns; column++) describe(row, column);
  for (const key of sheet.numberFormats.keys()) {
    const [row, column] = [keyRow(key), keyColumn(key)];
    if (row >= rows || column >= columns) describe(row, column);
  }
  return described;
}

function withSheetNames(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === "string") {
    let text = value;
    for (const [id, name] of ids) text = text.split(id).join(`<id of sheet "${name}">`);
    return text;
  }
  if (Array.isArray(value)) return value.map((v) => withSheetNames(v, ids));
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withSheetNames(v, ids)]));
  return value;
}

/** Describes the workbook as it is now (see the module comment). */
export function describeWorkbook(model: WorkbookModel, options: DescribeOptions = {}): WorkbookDescription {
  const settings = plain(Object.fromEntries(model.settings)) as Record<string, unknown>;
  const ids = new Map(model.sheets.map((s) => [s.id, s.name]));
  return {
    sheets: model.sheets.map((sheet) => ({
      name: sheet.name,
      visibility: sheet.visibility,
      cells: describeCells(model, sheet),
      conditionalFormats: plain(sheet.conditionalFormats),
      charts: plain(sheet.charts),
      rangeFormats: plain(sheet.rangeFormats),
      dataValidations: plain(sheet.dataValidations),
    })),
    activeSheet: model.activeSheet.name,
    tables: model.tables.map((t) => ({
      name: t.name,
      sheet: t.sheet.name,
      address: formatRect(t.rect),
      headers: model.tableColumns(t),
      style: t.style,
    })),
    names: [...model.names.values()].map(({ name, formula, comment }) => ({ name, formula, comment })),
    settings: options.sheetIdsAsNames === true ? (withSheetNames(settings, ids) as Record<string, unknown>) : settings,
  };
}
