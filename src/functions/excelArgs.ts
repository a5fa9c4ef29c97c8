/**
 * Excel-shaped arguments to columns, driven by a declared spec (STYLE.md "declare, then derive").
 * Excel passes a range as a 2-D array (rows of cells; an empty cell as "" or null), a single value as a scalar, and an
 * omitted optional argument as null (or undefined). Each function declares its arguments once in a table; this module
 * reads, validates and broadcasts them so every function treats ranges, scalars and omissions the same way.
 */
import type { Result } from "../engine";

/** An argument that takes one value per row: a column or row range, or one value repeated on every row. */
export interface ColumnArgSpec {
  readonly kind: "column";
  readonly optional: boolean;
  readonly description: string;
}

/**
 * An argument that takes up to `maxColumns` cells per row: one cell, or adjacent cells (a range of up to
 * `maxColumns` columns, one row per line), e.g. modifiers in "HCPCS Modifier 1" to "HCPCS Modifier 4". A one-row
 * range is one line's cells, broadcast like a single value.
 */
export interface CellsArgSpec {
  readonly kind: "cells";
  readonly maxColumns: number;
  readonly optional: boolean;
  readonly description: string;
}

/** An argument that takes one word from a fixed list (case-insensitive); omitted or blank means the default. */
export interface ChoiceArgSpec {
  readonly kind: "choice";
  readonly choices: readonly string[];
  readonly defaultChoice: string;
  readonly description: string;
}

/** An argument that takes one number (numeric text too); omitted or blank reads as null when optional. */
export interface NumberArgSpec {
  readonly kind: "number";
  readonly optional: boolean;
  readonly description: string;
}

/**
 * An argument that takes one value, or a table of `columns` columns (a lookup table such as code and uplift rows).
 * It is not broadcast and takes no part in the row count of the column arguments.
 */
export interface ValueOrTableArgSpec {
  readonly kind: "valueOrTable";
  readonly columns: number;
  readonly optional: boolean;
  readonly description: string;
}

/** A {@link ValueOrTableArgSpec} argument as read: one value, or the table's rows of cells. */
export type ValueOrTable =
  | { readonly kind: "value"; readonly value: unknown }
  | { readonly kind: "table"; readonly rows: readonly (readonly unknown[])[] };

/** How one argument is read. */
export type ArgSpec = ColumnArgSpec | CellsArgSpec | ChoiceArgSpec | NumberArgSpec | ValueOrTableArgSpec;

/** A function's arguments in Excel order, keyed by the parameter names users see (e.g. `claim_ids`). */
export type ArgSpecTable = Readonly<Record<string, ArgSpec>>;

/** The values {@link readArguments} yields for a spec table: columns (null when omitted) and chosen words. */
export type ArgValues<S extends ArgSpecTable> = {
  readonly [K in keyof S]: S[K] extends { readonly kind: "column"; readonly optional: false }
    ? readonly unknown[]
    : S[K] extends { readonly kind: "column" }
      ? readonly unknown[] | null
      : S[K] extends { readonly kind: "cells" }
        ? readonly (readonly unknown[])[] | null
        : S[K] extends { readonly kind: "choice"; readonly choices: readonly (infer C)[] }
          ? C
          : S[K] extends { readonly kind: "number"; readonly optional: false }
            ? number
            : S[K] extends { readonly kind: "number" }
              ? number | null
              : S[K] extends { readonly kind: "valueOrTable"; readonly optional: false }
                ? ValueOrTable
                : S[K] extends { readonly kind: "valueOrTable" }
                  ? ValueOrTable | null
                  : never;
};

/** Arguments read: the values and the number of rows every column has after broadcasting. */
export interface ReadArguments<S extends ArgSpecTable> {
  readonly values: ArgValues<S>;
  readonly rows: number;
}

/** Why the arguments cannot be read; each becomes `#VALUE!` with {@link argumentIssueMessage}. */
export type ArgumentIssue =
  | { readonly code: "argumentMissing"; readonly argument: string; readonly description: string }
  | { readonly code: "notOneColumn"; readonly argument: string; readonly rows: number; readonly columns: number }
  | { readonly code: "notOneValue"; readonly argument: string; readonly rows: number; readonly columns: number }
  | {
      readonly code: "tooManyColumns";
      readonly argument: string;
      readonly rows: number;
      readonly columns: number;
      readonly maxColumns: number;
    }
  | {
      readonly code: "rowsMismatch";
      readonly argument: string;
      readonly rows: number;
      readonly other: string;
      readonly otherRows: number;
    }
  | { readonly code: "notANumber"; readonly argument: string; readonly value: string; readonly description: string }
  | {
      readonly code: "notATable";
      readonly argument: string;
      readonly rows: number;
      readonly columns: number;
      readonly expectedColumns: number;
      readonly description: string;
    }
  | {
      readonly code: "choiceUnknown";
      readonly argument: string;
      readonly value: string;
      readonly choices: readonly string[];
      readonly defaultChoice: string;
    };

type Catalogue = {
  readonly [K in ArgumentIssue["code"]]: (issue: Extract<ArgumentIssue, { code: K }>) => string;
};

const ARGUMENT_MESSAGES: Catalogue = {
  argumentMissing: (i) => `${i.argument} is required: ${i.description}`,
  notOneColumn: (i) =>
    `${i.argument} is ${i.rows} rows by ${i.columns} columns; give one column (or one row) of values.`,
  notOneValue: (i) => `${i.argument} takes one value, not a range of ${i.rows} rows by ${i.columns} columns.`,
  tooManyColumns: (i) =>
    `${i.argument} is ${i.rows} rows by ${i.columns} columns; give at most ${i.maxColumns} adjacent cells per row.`,
  rowsMismatch: (i) =>
    `${i.argument} has ${i.rows} rows but ${i.other} has ${i.otherRows}; give ranges covering the same rows.`,
  notANumber: (i) => `${i.argument}: '${i.value}' is not a number; ${i.argument} is ${i.description}`,
  notATable: (i) =>
    `${i.argument} is ${i.rows} rows by ${i.columns} columns; give one value or a table of ${i.expectedColumns} columns: ${i.argument} is ${i.description}`,
  choiceUnknown: (i) =>
    `${i.argument}: '${i.value}' is not one of ${i.choices.map((c) => `"${c}"`).join(", ")}; leave it out for "${i.defaultChoice}".`,
};

/** The message of an argument issue, naming the argument as the user sees it. */
export function argumentIssueMessage(issue: ArgumentIssue): string {
  return (ARGUMENT_MESSAGES[issue.code] as (i: ArgumentIssue) => string)(issue);
}

/** True for an omitted argument or an empty cell ("" or null; text of spaces only counts as empty). */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

type ColumnRead =
  | { readonly kind: "omitted" }
  | { readonly kind: "scalar"; readonly value: unknown }
  | {
      readonly kind: "vector";
      readonly values: readonly unknown[];
    };

/**
 * Reads positional Excel arguments against their spec: ranges become columns (a one-row range reads as a column
 * too), single values are broadcast to the common row count, choices are matched case-insensitively.
 * @example readArguments({ codes: { kind: "column", optional: false, description: "" } }, [[["99213"], [99214]]])
 */
export function readArguments<S extends ArgSpecTable>(
  spec: S,
  args: readonly unknown[],
): Result<ReadArguments<S>, ArgumentIssue> {
  const names = Object.keys(spec);
  const columns = new Map<string, ColumnRead>();
  const values: Record<string, unknown> = {};
  let rows: number | null = null;
  let rowsFrom = "";

  for (let index = 0; index < names.length; index++) {
    const name = names[index] as string;
    const argSpec = spec[name] as ArgSpec;
    const raw = args[index];
    if (argSpec.kind === "choice") {
      const chosen = readChoice(name, argSpec, raw);
      if (!chosen.ok) return chosen;
      values[name] = chosen.value;
      continue;
    }
    if (argSpec.kind === "number" || argSpec.kind === "valueOrTable") {
      const single = argSpec.kind === "number" ? readNumber(name, argSpec, raw) : readValueOrTable(name, argSpec, raw);
      if (!single.ok) return single;
      values[name] = single.value;
      continue;
    }
    const column = argSpec.kind === "cells" ? readCells(name, argSpec, raw) : readColumn(name, raw);
    if (!column.ok) return column;
    if (column.value.kind === "omitted" && !argSpec.optional) {
      return { ok: false, issue: { code: "argumentMissing", argument: name, description: argSpec.description } };
    }
    if (column.value.kind === "vector") {
      const length = column.value.values.length;
      if (rows === null) {
        rows = length;
        rowsFrom = name;
      } else if (length !== rows) {
        return {
          ok: false,
          issue: { code: "rowsMismatch", argument: name, rows: length, other: rowsFrom, otherRows: rows },
        };
      }
    }
    columns.set(name, column.value);
  }

  const rowCount = rows ?? 1;
  for (const [name, column] of columns) {
    if (column.kind === "omitted") values[name] = null;
    else if (column.kind === "vector") values[name] = column.values;
    else values[name] = new Array<unknown>(rowCount).fill(column.value);
  }
  return { ok: true, value: { values: values as ArgValues<S>, rows: rowCount } };
}

function readColumn(name: string, raw: unknown): Result<ColumnRead, ArgumentIssue> {
  if (raw === null || raw === undefined) return { ok: true, value: { kind: "omitted" } };
  if (!Array.isArray(raw)) return { ok: true, value: { kind: "scalar", value: raw } };
  const height = raw.length;
  const first: unknown = raw[0];
  const width = Array.isArray(first) ? first.length : 1;
  if (height === 1 && width === 1) return { ok: true, value: { kind: "scalar", value: cellAt(raw, 0, 0) } };
  if (width === 1) {
    const values = new Array<unknown>(height);
    for (let r = 0; r < height; r++) values[r] = cellAt(raw, r, 0);
    return { ok: true, value: { kind: "vector", values } };
  }
  if (height === 1) {
    const row = first as readonly unknown[];
    return { ok: true, value: { kind: "vector", values: row.slice() } };
  }
  return { ok: false, issue: { code: "notOneColumn", argument: name, rows: height, columns: width } };
}

// Each row of the range is one line's cells; a one-row range (or a single value) is broadcast to every line.
function readCells(name: string, spec: CellsArgSpec, raw: unknown): Result<ColumnRead, ArgumentIssue> {
  if (raw === null || raw === undefined) return { ok: true, value: { kind: "omitted" } };
  if (!Array.isArray(raw)) return { ok: true, value: { kind: "scalar", value: [raw] } };
  const height = raw.length;
  const rows = raw.map((line: unknown) => (Array.isArray(line) ? (line as unknown[]) : [line]));
  const width = Math.max(1, ...rows.map((row) => row.length));
  if (width > spec.maxColumns) {
    return {
      ok: false,
      issue: { code: "tooManyColumns", argument: name, rows: height, columns: width, maxColumns: spec.maxColumns },
    };
  }
  if (height === 1) return { ok: true, value: { kind: "scalar", value: rows[0] } };
  return { ok: true, value: { kind: "vector", values: rows } };
}

// A range is rows of cells; a 1-D array (as some hosts pass a column) reads as one cell per row.
function cellAt(range: readonly unknown[], row: number, column: number): unknown {
  const line: unknown = range[row];
  return Array.isArray(line) ? line[column] : line;
}

// Numeric text as a user types it: "20", " 2.5 ", "-1", ".5".
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)$/;

function readNumber(name: string, spec: NumberArgSpec, raw: unknown): Result<number | null, ArgumentIssue> {
  let value = raw;
  if (Array.isArray(raw)) {
    const width = Array.isArray(raw[0]) ? (raw[0] as unknown[]).length : 1;
    if (raw.length !== 1 || width !== 1) {
      return { ok: false, issue: { code: "notOneValue", argument: name, rows: raw.length, columns: width } };
    }
    value = cellAt(raw, 0, 0);
  }
  if (isBlank(value)) {
    if (spec.optional) return { ok: true, value: null };
    return { ok: false, issue: { code: "argumentMissing", argument: name, description: spec.description } };
  }
  if (typeof value === "number" && Number.isFinite(value)) return { ok: true, value };
  if (typeof value === "string" && NUMBER_TEXT.test(value.trim())) return { ok: true, value: Number(value.trim()) };
  return {
    ok: false,
    issue: { code: "notANumber", argument: name, value: String(value), description: spec.description },
  };
}

function readValueOrTable(
  name: string,
  spec: ValueOrTableArgSpec,
  raw: unknown,
): Result<ValueOrTable | null, ArgumentIssue> {
  if (raw === null || raw === undefined) {
    if (spec.optional) return { ok: true, value: null };
    return { ok: false, issue: { code: "argumentMissing", argument: name, description: spec.description } };
  }
  if (!Array.isArray(raw)) return { ok: true, value: { kind: "value", value: raw } };
  const height = raw.length;
  const width = Array.isArray(raw[0]) ? (raw[0] as unknown[]).length : 1;
  if (height === 1 && width === 1) return { ok: true, value: { kind: "value", value: cellAt(raw, 0, 0) } };
  if (width === spec.columns && raw.every(Array.isArray)) {
    return { ok: true, value: { kind: "table", rows: raw as readonly (readonly unknown[])[] } };
  }
  return {
    ok: false,
    issue: {
      code: "notATable",
      argument: name,
      rows: height,
      columns: width,
      expectedColumns: spec.columns,
      description: spec.description,
    },
  };
}

function readChoice(name: string, spec: ChoiceArgSpec, raw: unknown): Result<string, ArgumentIssue> {
  let value = raw;
  if (Array.isArray(raw)) {
    const width = Array.isArray(raw[0]) ? (raw[0] as unknown[]).length : 1;
    if (raw.length !== 1 || width !== 1) {
      return { ok: false, issue: { code: "notOneValue", argument: name, rows: raw.length, columns: width } };
    }
    value = cellAt(raw, 0, 0);
  }
  if (isBlank(value)) return { ok: true, value: spec.defaultChoice };
  const text = String(value).trim().toLowerCase();
  const choice = spec.choices.find((c) => c.toLowerCase() === text);
  if (choice === undefined) {
    return {
      ok: false,
      issue: {
        code: "choiceUnknown",
        argument: name,
        value: String(value),
        choices: spec.choices,
        defaultChoice: spec.defaultChoice,
      },
    };
  }
  return { ok: true, value: choice };
}
