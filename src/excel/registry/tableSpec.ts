/**
 * A workbook table declared once (STYLE.md "declare, then derive"): its columns with header, kind, required flag,
 * description and example. From a spec derive the zod schema that parses a row ({@link rowSchema}), the messages
 * that name sheet, row, column and value ({@link parseTable}), and the README documentation (registryDocs.ts).
 */
import { z } from "zod";
import type { CellKind } from "./cellKinds";
import { isBlankCell, readCell } from "./cellKinds";
import type { RegistryIssue } from "./issues";

/** One column of a workbook table. */
export interface ColumnSpec<T = unknown> {
  /** The header users see and type; matched ignoring case and extra spaces. */
  readonly header: string;
  /** Other headers accepted for the column (e.g. "Mod" for "Modifier"). */
  readonly aliases?: readonly string[];
  readonly kind: CellKind<T>;
  /** A required column must exist and every data row must fill it; an optional column may be absent or blank. */
  readonly required: boolean;
  readonly description: string;
  /** An example cell as a user would type it. */
  readonly example: string;
  /** For choice columns: the words accepted (shown in the README). */
  readonly allowed?: readonly string[];
}

/** A cross-column rule of a row: which column is wrong and what was expected, or null when the row is fine. */
export type RowCheck<R> = (row: R) => { readonly column: string; readonly expected: string } | null;

/** A workbook table: what it is for, its columns keyed by field, and its cross-column rules. */
export interface TableSpec<C extends Readonly<Record<string, ColumnSpec>>> {
  /** The table name, or for schedule tables a description of which tables ("any table a contract names"). */
  readonly title: string;
  readonly purpose: string;
  readonly columns: C;
  readonly checks?: readonly RowCheck<ParsedRow<C>>[];
}

/** A parsed row: each column's value (null when blank or the column is absent) and the row's Excel number. */
export type ParsedRow<C extends Readonly<Record<string, ColumnSpec>>> = {
  readonly [K in keyof C]: C[K] extends ColumnSpec<infer T> ? T | null : never;
} & { readonly rowNumber: number };

/** One table's cells as read from Excel: header texts, body rows, and the Excel row number of the first body row. */
export interface TableData {
  readonly name: string;
  readonly sheet: string;
  readonly headers: readonly unknown[];
  readonly rows: readonly (readonly unknown[])[];
  readonly firstRowNumber: number;
}

const headerKey = (text: unknown): string => String(text).trim().toLowerCase().replace(/\s+/g, " ");

/** Which zod issue a cell raised: the cell did not read, or a required cell is blank. */
type CellProblem = { readonly problem: "invalid"; readonly expected: string } | { readonly problem: "required" };

/**
 * The zod schema of one row, derived from the column spec: each column reads its cell with its kind; a cell that
 * does not read, or a blank required cell, is a zod issue whose path is the column's field and whose params say why.
 */
export function rowSchema<C extends Readonly<Record<string, ColumnSpec>>>(columns: C) {
  const shape: Record<string, z.ZodType> = {};
  for (const [field, spec] of Object.entries(columns)) {
    shape[field] = z.unknown().transform((value, context) => {
      const read = readCell(spec.kind, value);
      if (!read.ok) {
        const params: CellProblem = { problem: "invalid", expected: spec.kind.expected };
        context.addIssue({ code: "custom", message: "invalid", params });
        return z.NEVER;
      }
      if (read.value === null && spec.required) {
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
export interface ParsedTable<C extends Readonly<Record<string, ColumnSpec>>> {
  readonly rows: readonly ParsedRow<C>[];
  readonly issues: readonly RegistryIssue[];
  /** Rows left out because of an issue: their Excel row number and raw cells by field (to tell whose row it was). */
  readonly rejected: readonly RejectedRow[];
}

const shown = (value: unknown): string => (value === null || value === undefined ? "" : String(value).trim());

/**
 * Parses a table's cells by its spec: columns are found by header (any order, extra columns ignored; a missing
 * required column refuses the table), blank rows are skipped, each other row is parsed by the derived zod schema and
 * checked by the spec's cross-column rules. A row with a problem is left out and reported, never half-read.
 */
export function parseTable<C extends Readonly<Record<string, ColumnSpec>>>(
  spec: TableSpec<C>,
  data: TableData,
): ParsedTable<C> {
  const place = { table: data.name, sheet: data.sheet };
  const keys = data.headers.map(headerKey);
  const positions = new Map<string, number>();
  for (const [field, column] of Object.entries(spec.columns)) {
    const wanted = [column.header, ...(column.aliases ?? [])].map(headerKey);
    const index = keys.findIndex((key) => wanted.includes(key));
    if (index >= 0) positions.set(field, index);
    else if (column.required) {
      const columns = Object.values(spec.columns).map((c) => c.header);
      return {
        rows: [],
        issues: [{ code: "columnMissing", ...place, column: column.header, columns }],
        rejected: [],
      };
    }
  }
  const schema = rowSchema(spec.columns);
  const rows: ParsedRow<C>[] = [];
  const issues: RegistryIssue[] = [];
  const rejected: RejectedRow[] = [];
  data.rows.forEach((cells, index) => {
    const rowNumber = data.firstRowNumber + index;
    if (cells.every(isBlankCell)) return;
    const record: Record<string, unknown> = {};
    // Every field is present (an absent column reads as blank): zod objects refuse missing keys.
    for (const field of Object.keys(spec.columns)) {
      const position = positions.get(field);
      record[field] = position === undefined ? null : (cells[position] ?? null);
    }
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        const column = spec.columns[field]!.header;
        const params = (issue as { params?: CellProblem }).params;
        if (params?.problem === "required") issues.push({ code: "cellRequired", ...place, rowNumber, column });
        else
          issues.push({
            code: "cellInvalid",
            ...place,
            rowNumber,
            column,
            value: spec.columns[field]!.kind.shown?.(record[field]) ?? shown(record[field]),
            expected: params?.problem === "invalid" ? params.expected : spec.columns[field]!.kind.expected,
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
  return { rows, issues, rejected };
}
