/**
 * Where and how a registry row is written, decided before anything is written (pure): the table row it lands in
 * (the loaded row, the table's first blank row, a row added at the end, or the first row of a new table), what each
 * cell receives, the number format each cell is given, and the table as it will read once the row is saved (for the
 * registry's own check, registryCheck.ts).
 *
 * Text the user typed is written as text whatever the cell held: into a cell formatted "@" as it is; into any other
 * cell behind an apostrophe (Excel's "this is text"), the cell then formatted "@". A cell the user formatted "@"
 * receives any value as the text a user would type ("2025-01-01", "120%"): it reads back as the same value, and the
 * user's format stays. Other values get their kind's format where the cell had none ("General").
 */
import { fail, ok, type Result } from "../../engine";
import { DEFAULT_NUMBER_FORMATS, type ExcelCell } from "../core/tableColumns";
import { columnPositions as positionsOf } from "../registry/columnDictionary";
import type { ColumnSpec, TableData, TableSpec } from "../registry/tableSpec";
import type { RowCell } from "./registryForm";

type Columns = Readonly<Record<string, ColumnSpec>>;

/** A row as the editor loaded it: where it was and what it held, to detect a later hand edit. */
export interface LoadedRow {
  readonly table: string;
  readonly sheet: string;
  /** 0-based index in the table's body. */
  readonly index: number;
  /** The Excel row number (for messages). */
  readonly rowNumber: number;
  /** Every cell of the row, in the table's column order, as `range.values` gave them. */
  readonly values: readonly unknown[];
}

/** Why a row cannot be written where the editor wants it. */
export type RowPlanIssue =
  | { readonly code: "rowChanged"; readonly table: string; readonly sheet: string; readonly rowNumber: number }
  | { readonly code: "tableMissing"; readonly table: string }
  | { readonly code: "columnMissing"; readonly table: string; readonly sheet: string; readonly column: string };

/** Where the row lands. */
export type RowPlacement =
  /** Over the loaded row. */
  | { readonly kind: "update" }
  /** Into a blank row of the table (Excel gives a new table one; a deleted only row leaves one). */
  | { readonly kind: "fill" }
  /** Into a row added at the table's end. */
  | { readonly kind: "append" }
  /** As the first row of a new table on a new sheet. */
  | { readonly kind: "create"; readonly sheetName: string };

/** One cell the save changes. */
export interface CellWrite {
  readonly header: string;
  /** 0-based column in the table. */
  readonly column: number;
  /** What is sent to Excel (text behind an apostrophe where the cell is not formatted "@" yet). */
  readonly written: ExcelCell;
  /** What the cell reads back once written: how the commit sees that it took effect. */
  readonly reads: ExcelCell;
  /** The number format the cell is given, or null to keep its own. */
  readonly format: string | null;
}

/** A planned save. */
export interface RowPlan {
  readonly placement: RowPlacement;
  /** 0-based index of the row in the table's body. */
  readonly index: number;
  /** The Excel row number the row will have. */
  readonly rowNumber: number;
  /** The cells that change, in table order. */
  readonly writes: readonly CellWrite[];
  /** The table as it will read once the row is saved. */
  readonly after: TableData;
}

/** What a row save knows about the table: its cells (undefined: the workbook has none) and their number formats. */
export interface TargetTable {
  readonly data: TableData | undefined;
  /** Number formats of the body, as `range.numberFormat` gave them; null when not read (the first look). */
  readonly formats: readonly (readonly string[])[] | null;
}

const sameCells = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);
const isBlank = (cell: unknown) => cell === "" || cell === null || cell === undefined;

/** The table column of each spec field present in the table; a missing required column is an issue. */
function columnPositions(spec: TableSpec<Columns>, data: TableData): Result<Map<string, number>, RowPlanIssue> {
  const positions = positionsOf(spec.columns, data.headers);
  for (const [field, column] of Object.entries(spec.columns))
    if (column.required && !positions.has(field))
      return fail({ code: "columnMissing", table: data.name, sheet: data.sheet, column: column.header });
  return ok(positions);
}

/**
 * The cell written for `cell` into a cell formatted `format` (see the module comment). `appended`: the cell is in
 * a row Excel adds, whose formats are set before its values, so text needs no apostrophe.
 */
function cellWrite(cell: RowCell, format: string, appended: boolean): Omit<CellWrite, "header" | "column"> {
  if (cell.value === "") return { written: "", reads: "", format: null };
  if (format === "@") return { written: cell.text, reads: cell.text, format: appended ? "@" : null };
  if (cell.kind === "text") return { written: appended ? cell.text : `'${cell.text}`, reads: cell.text, format: "@" };
  // A cell of the user's keeps its own format; an added row's formats are all set, whatever Excel copied into it.
  const own = format === "General" ? null : format;
  const given = own ?? DEFAULT_NUMBER_FORMATS[cell.kind];
  return { written: cell.value, reads: cell.value, format: appended || own === null ? given : null };
}

/**
 * Plans the save of `cells` (by field) into the spec's table: over `target` when editing, else into the first
 * blank row, else a row added at the end; when the workbook has no such table, as a new table on `newSheetName`.
 * Refuses when the loaded row changed since it was loaded, the table is gone, or it lacks a required column.
 */
export function planRowWrite(
  spec: TableSpec<Columns>,
  table: TargetTable,
  target: LoadedRow | null,
  cells: Readonly<Record<string, RowCell>>,
  newSheetName: string,
): Result<RowPlan, RowPlanIssue> {
  const { data } = table;
  if (data === undefined) {
    if (target !== null) return fail({ code: "tableMissing", table: target.table });
    const fields = Object.keys(spec.columns);
    const after: TableData = {
      name: spec.title,
      sheet: newSheetName,
      headers: fields.map((field) => spec.columns[field]!.header),
      rows: [fields.map((field) => cells[field]!.value)],
      firstRowNumber: 2,
    };
    return ok({ placement: { kind: "create", sheetName: newSheetName }, index: 0, rowNumber: 2, writes: [], after });
  }
  const positions = columnPositions(spec, data);
  if (!positions.ok) return positions;
  if (target !== null) {
    const current = data.rows[target.index];
    if (current === undefined || !sameCells(current, target.values))
      return fail({ code: "rowChanged", table: data.name, sheet: data.sheet, rowNumber: target.rowNumber });
  }
  const blank = data.rows.findIndex((row) => row.every(isBlank));
  const placement: RowPlacement =
    target !== null ? { kind: "update" } : blank >= 0 ? { kind: "fill" } : { kind: "append" };
  const index = target?.index ?? (blank >= 0 ? blank : data.rows.length);
  const appended = placement.kind === "append";
  // An added row takes the formats of the row above it, as Excel gives them.
  const formatRow = table.formats?.[Math.min(index, data.rows.length - 1)] ?? [];
  const current = data.rows[index] ?? data.headers.map(() => "");
  const writes: CellWrite[] = [];
  const row = [...current];
  for (const [field, column] of [...positions.value].sort(([, a], [, b]) => a - b)) {
    const write = cellWrite(cells[field]!, formatRow[column] ?? "General", appended);
    row[column] = write.reads;
    if (write.reads !== current[column] || (appended && write.reads !== ""))
      writes.push({ header: spec.columns[field]!.header, column, ...write });
  }
  const rows = [...data.rows];
  rows[index] = row;
  return ok({ placement, index, rowNumber: data.firstRowNumber + index, writes, after: { ...data, rows } });
}
