/**
 * Reading a declared table (columnDictionary.ts) from its cells: the zod schema that parses a row ({@link rowSchema})
 * and the messages that name sheet, row, column and value ({@link parseTable}), derived from the columns' cell kinds,
 * required flags and check severities.
 */
import { z } from "zod";
import { isBlankCell, readCell } from "./cellKinds";
import {
  columnPositions,
  type CheckSeverity,
  type Column,
  type Columns,
  type ParsedRow,
  type TableSpec,
} from "./columnDictionary";
import type { RegistryIssue } from "./issues";

export type { Column, ColumnSpec, Columns, DraftRow, ParsedRow, RowCheck, TableSpec } from "./columnDictionary";

/** One table's cells as read from Excel: header texts, body rows, and the Excel row number of the first body row. */
export interface TableData {
  readonly name: string;
  readonly sheet: string;
  readonly headers: readonly unknown[];
  readonly rows: readonly (readonly unknown[])[];
  readonly firstRowNumber: number;
}

/** Which zod issue a cell raised: the cell did not read, or a required cell is blank. */
type CellProblem = { readonly problem: "invalid"; readonly expected: string } | { readonly problem: "required" };

/** A column the add-in reads: one with a cell kind. */
type ReadColumn = Column & { readonly kind: NonNullable<Column["kind"]> };

/** The columns of a table the add-in reads, by field, in declaration order (columns it only writes left out). */
function readColumns(columns: Columns): [string, ReadColumn][] {
  return Object.entries(columns).filter((entry): entry is [string, ReadColumn] => entry[1].kind !== undefined);
}

const severityOf = (column: Column): CheckSeverity => column.severity ?? "error";

/**
 * The zod schema of one row, derived from the columns: each read column reads its cell with its kind; a cell that
 * does not read, or a blank required cell, is a zod issue whose path is the column's field and whose params say why.
 */
export function rowSchema<C extends Columns>(columns: C) {
  const shape: Record<string, z.ZodType> = {};
  for (const [field, spec] of readColumns(columns)) {
    shape[field] = z.unknown().transform((value, context) => {
      const read = readCell(spec.kind, value);
      if (!read.ok) {
        const params: CellProblem = { problem: "invalid", expected: spec.kind.expected };
        context.addIssue({ code: "custom", message: "invalid", params });
        return z.NEVER;
      }
      if (read.value === null && spec.required === true) {
        const params: CellProblem = { problem: "required" };
        context.addIssue({ code: "custom", message: "required", params });
        return z.NEVER;
      }
      return read.value;
    });
  }
  return z.object(shape);
}

/** A row left out of a table because of an issue. */
export interface RejectedRow {
  readonly rowNumber: number;
  readonly cells: Readonly<Record<string, unknown>>;
}

/** The rows of a table that parsed, and an issue for every cell or row that did not. */
export interface ParsedTable<C extends Columns> {
  readonly rows: readonly ParsedRow<C>[];
  readonly issues: readonly RegistryIssue[];
  /** Rows left out because of an issue: their Excel row number and raw cells by field (to tell whose row it was). */
  readonly rejected: readonly RejectedRow[];
  /** Cells of "warning" columns that did not read: read as blank, their rows kept. */
  readonly warnings: readonly RegistryIssue[];
}

const shown = (value: unknown): string => (value === null || value === undefined ? "" : String(value).trim());

/** How a cell that does not read is shown in a message: as the user sees it (a date, not its serial). */
const shownAs = (column: ReadColumn, value: unknown): string => column.kind.shown?.(value) ?? shown(value);

/**
 * Parses a table's cells by its spec: columns are found by header (any order, extra columns ignored; a missing
 * required column refuses the table), blank rows are skipped, each other row is parsed by the derived zod schema and
 * checked by the spec's cross-column rules. A row with an error is left out and reported, never half-read; a cell of
 * a "warning" column that does not read is reported among the warnings and read as blank.
 */
export function parseTable<C extends Columns>(spec: TableSpec<C>, data: TableData): ParsedTable<C> {
  const place = { table: data.name, sheet: data.sheet };
  const columns = readColumns(spec.columns);
  const positions = columnPositions(Object.fromEntries(columns), data.headers);
  const missing = columns.find(([field, column]) => column.required === true && !positions.has(field));
  if (missing !== undefined) {
    const headers = columns.map(([, c]) => c.header);
    return {
      rows: [],
      issues: [{ code: "columnMissing", ...place, column: missing[1].header, columns: headers }],
      rejected: [],
      warnings: [],
    };
  }
  const schema = rowSchema(spec.columns);
  const rows: ParsedRow<C>[] = [];
  const issues: RegistryIssue[] = [];
  const rejected: RejectedRow[] = [];
  const warnings: RegistryIssue[] = [];
  data.rows.forEach((cells, index) => {
    const rowNumber = data.firstRowNumber + index;
    if (cells.every(isBlankCell)) return;
    const record: Record<string, unknown> = {};
    // Every field is present (an absent column reads as blank): zod objects refuse missing keys.
    for (const [field, column] of columns) {
      const position = positions.get(field);
      const value = position === undefined ? null : (cells[position] ?? null);
      const warned = severityOf(column) === "warning" && !readCell(column.kind, value).ok;
      if (warned) {
        const { header, kind } = column;
        const warning = { ...place, rowNumber, column: header, value: shownAs(column, value), expected: kind.expected };
        warnings.push({ code: "cellInvalid", ...warning });
      }
      record[field] = warned ? null : value;
    }
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        const column = spec.columns[field] as ReadColumn;
        const params = (issue as { params?: CellProblem }).params;
        if (params?.problem === "required")
          issues.push({ code: "cellRequired", ...place, rowNumber, column: column.header });
        else
          issues.push({
            code: "cellInvalid",
            ...place,
            rowNumber,
            column: column.header,
            value: shownAs(column, record[field]),
            expected: params?.problem === "invalid" ? params.expected : column.kind.expected,
          });
      }
      rejected.push({ rowNumber, cells: record });
      return;
    }
    const row = { ...(parsed.data as object), rowNumber } as ParsedRow<C>;
    const failed = (spec.checks ?? []).map((check) => check(row)).find((result) => result !== null);
    if (failed) {
      const field = Object.keys(spec.columns).find((f) => spec.columns[f]!.header === failed.column);
      issues.push({
        code: "cellInconsistent",
        ...place,
        rowNumber,
        column: failed.column,
        value: field === undefined ? "" : shown(record[field]),
        expected: failed.expected,
      });
      rejected.push({ rowNumber, cells: record });
      return;
    }
    rows.push(row);
  });
  return { rows, issues, rejected, warnings };
}
