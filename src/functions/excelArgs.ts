/**
 * Excel-shaped arguments to columns, driven by a declared spec (STYLE.md "declare, then derive").
 * Excel passes a range as a 2-D array (rows of cells; an empty cell as "" or null), a single value as a scalar, and an
 * omitted optional argument as null (or undefined). Each function declares its arguments once in a table; this module
 * reads, validates and broadcasts them so every function treats ranges, scalars and omissions the same way. Every
 * cell passes the checks of argumentLimits.ts: a bad single value refuses the call, a bad cell of a range its row.
 */
import { fail, isBlankCell, ok, parseNumberText, type Result } from "../engine";
import type { ArgumentIssue } from "./argumentIssues";
import { cellIssue, nextCellToCheck, type NumberLimit } from "./argumentLimits";

/** An argument that takes one value per row: a column or row range, or one value repeated on every row. */
export interface ColumnArgSpec {
  readonly kind: "column";
  readonly optional: boolean;
  readonly description: string;
  /** The sane range of a numeric cell (numeric text too), when the argument is a quantity. */
  readonly limit?: NumberLimit;
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
  /**
   * Words of a family too large to list, also taken (as typed, trimmed), e.g. percentiles "p0" to "p100": the
   * pattern they match and how the message names them.
   */
  readonly pattern?: { readonly matches: RegExp; readonly shown: string };
}

/** An argument that takes one number (numeric text too); omitted or blank reads as null when optional. */
export interface NumberArgSpec {
  readonly kind: "number";
  readonly optional: boolean;
  readonly description: string;
  readonly limit?: NumberLimit;
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
  /** The sane range of the value, or of each table row's last column (the value the row gives its key). */
  readonly limit?: NumberLimit;
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
        : S[K] extends { readonly kind: "choice"; readonly pattern: object }
          ? string
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

/** An argument as read: a value used as it is (a choice, a number, a table), or a column still to broadcast. */
type ArgRead =
  | { readonly kind: "fixed"; readonly value: unknown }
  | { readonly kind: "omitted" }
  | { readonly kind: "scalar"; readonly value: unknown }
  | { readonly kind: "vector"; readonly values: readonly unknown[] };

type Reader<K extends ArgSpec["kind"]> = (
  name: string,
  spec: Extract<ArgSpec, { kind: K }>,
  raw: unknown,
) => Result<ArgRead, ArgumentIssue>;

const fixed = <T>(read: Result<T, ArgumentIssue>): Result<ArgRead, ArgumentIssue> =>
  read.ok ? ok({ kind: "fixed", value: read.value }) : read;

/** One reader per kind of argument. */
const READERS: { readonly [K in ArgSpec["kind"]]: Reader<K> } = {
  column: (name, spec, raw) => readColumn(name, spec, raw),
  cells: (name, spec, raw) => readCells(name, spec, raw),
  choice: (name, spec, raw) => fixed(readChoice(name, spec, raw)),
  number: (name, spec, raw) => fixed(readNumber(name, spec, raw)),
  valueOrTable: (name, spec, raw) => fixed(readValueOrTable(name, spec, raw)),
};

/**
 * Reads positional Excel arguments against their spec: ranges become columns (a one-row range reads as a column
 * too), single values are broadcast to the common row count, choices are matched case-insensitively. A single value
 * that fails the checks of argumentLimits.ts refuses the call; the cells of ranges are checked by {@link rowIssues}.
 * @example readArguments({ codes: { kind: "column", optional: false, description: "" } }, [[["99213"], [99214]]])
 */
export function readArguments<S extends ArgSpecTable>(
  spec: S,
  args: readonly unknown[],
): Result<ReadArguments<S>, ArgumentIssue> {
  const names = Object.keys(spec);
  const columns = new Map<string, ArgRead>();
  const values: Record<string, unknown> = {};
  let rows: number | null = null;
  let rowsFrom = "";

  for (let index = 0; index < names.length; index++) {
    const name = names[index] as string;
    const argSpec = spec[name] as ArgSpec;
    const read = (READERS[argSpec.kind] as Reader<ArgSpec["kind"]>)(name, argSpec, args[index]);
    if (!read.ok) return read;
    if (read.value.kind === "fixed") {
      values[name] = read.value.value;
      continue;
    }
    if (read.value.kind === "omitted" && "optional" in argSpec && !argSpec.optional) {
      return fail({ code: "argumentMissing", argument: name, description: argSpec.description });
    }
    if (read.value.kind === "vector") {
      const length = read.value.values.length;
      if (rows === null) {
        rows = length;
        rowsFrom = name;
      } else if (length !== rows) {
        return fail({ code: "rowsMismatch", argument: name, rows: length, other: rowsFrom, otherRows: rows });
      }
    }
    columns.set(name, read.value);
  }

  const rowCount = rows ?? 1;
  for (const [name, column] of columns) {
    if (column.kind === "omitted") values[name] = null;
    else if (column.kind === "vector") values[name] = column.values;
    else if (column.kind === "scalar") values[name] = new Array<unknown>(rowCount).fill(column.value);
  }
  return ok({ values: values as ArgValues<S>, rows: rowCount });
}

/**
 * The cells of the column arguments that must be refused (argumentLimits.ts), by 0-based row in ascending order: the
 * issue of each row's first bad cell, in argument order. A per-line function answers those rows with the issue and
 * prices the others; a function of the whole range refuses the call at the first ({@link firstRowIssue}).
 */
export function rowIssues<S extends ArgSpecTable>(spec: S, read: ReadArguments<S>): ReadonlyMap<number, ArgumentIssue> {
  return scanRows(spec, read, false);
}

/** The issue of the first row {@link rowIssues} refuses, or null when every cell passes. */
export function firstRowIssue<S extends ArgSpecTable>(spec: S, read: ReadArguments<S>): ArgumentIssue | null {
  return scanRows(spec, read, true).values().next().value ?? null;
}

// Column by column, each in one tight loop (a million rows must stay cheap); an argument's issue takes a row only
// where no earlier argument has one. With `firstOnly`, later columns scan only the rows above the first issue found.
function scanRows<S extends ArgSpecTable>(
  spec: S,
  read: ReadArguments<S>,
  firstOnly: boolean,
): Map<number, ArgumentIssue> {
  const issues = new Map<number, ArgumentIssue>();
  let end = read.rows;
  const found = (row: number, issue: ArgumentIssue | null) => {
    if (issue === null || issues.has(row)) return;
    issues.set(row, issue);
    if (firstOnly) end = row;
  };
  for (const [name, argSpec] of Object.entries(spec)) {
    const cells = (read.values as Record<string, unknown>)[name];
    if (!Array.isArray(cells)) continue;
    if (argSpec.kind === "cells") {
      for (let row = 0; row < end; row++) found(row, firstCellIssue(name, cells[row] as readonly unknown[], row + 1));
    } else if (argSpec.kind === "column") {
      const limit = argSpec.limit;
      // Exports that store amounts as text repeat a few thousand texts over a million rows: each is read once.
      const textsThatPass = new Set<unknown>();
      for (
        let row = nextCellToCheck(cells, 0, end, limit);
        row !== -1;
        row = nextCellToCheck(cells, row + 1, end, limit)
      ) {
        const cell: unknown = cells[row];
        if (textsThatPass.has(cell)) continue;
        const issue = cellIssue(name, cell, limit, row + 1);
        if (issue === null && typeof cell === "string") textsThatPass.add(cell);
        found(row, issue);
      }
    }
  }
  return issues.size < 2 ? issues : new Map([...issues].sort(([a], [b]) => a - b));
}

/** The issue of the first bad cell of a row of text cells (modifiers, a table's key columns), or null. */
function firstCellIssue(name: string, cells: readonly unknown[], row: number | null): ArgumentIssue | null {
  const at = nextCellToCheck(cells, 0, cells.length, undefined);
  return at === -1 ? null : cellIssue(name, cells[at], undefined, row);
}

/** A single value broadcast to every row, once it passes the checks. */
function scalar(name: string, value: unknown, limit: NumberLimit | undefined): Result<ArgRead, ArgumentIssue> {
  const issue = cellIssue(name, value, limit, null);
  return issue === null ? ok({ kind: "scalar", value }) : fail(issue);
}

function readColumn(name: string, spec: ColumnArgSpec, raw: unknown): Result<ArgRead, ArgumentIssue> {
  if (raw === null || raw === undefined) return ok({ kind: "omitted" });
  if (!Array.isArray(raw)) return scalar(name, raw, spec.limit);
  const height = raw.length;
  const first: unknown = raw[0];
  const width = Array.isArray(first) ? first.length : 1;
  if (height === 1 && width === 1) return scalar(name, cellAt(raw, 0, 0), spec.limit);
  if (width === 1) {
    const values = new Array<unknown>(height);
    for (let r = 0; r < height; r++) values[r] = cellAt(raw, r, 0);
    return ok({ kind: "vector", values });
  }
  if (height === 1) {
    const row = first as readonly unknown[];
    return ok({ kind: "vector", values: row.slice() });
  }
  return fail({ code: "notOneColumn", argument: name, rows: height, columns: width });
}

// Each row of the range is one line's cells; a one-row range (or a single value) is broadcast to every line.
function readCells(name: string, spec: CellsArgSpec, raw: unknown): Result<ArgRead, ArgumentIssue> {
  if (raw === null || raw === undefined) return ok({ kind: "omitted" });
  const rows = Array.isArray(raw)
    ? raw.map((line: unknown) => (Array.isArray(line) ? (line as unknown[]) : [line]))
    : [[raw]];
  // A loop, not Math.max(...rows): spreading a million rows as arguments overflows the stack.
  let width = 1;
  for (const row of rows) width = Math.max(width, row.length);
  if (width > spec.maxColumns) {
    return fail({
      code: "tooManyColumns",
      argument: name,
      rows: rows.length,
      columns: width,
      maxColumns: spec.maxColumns,
    });
  }
  if (rows.length !== 1) return ok({ kind: "vector", values: rows });
  const issue = firstCellIssue(name, rows[0] as unknown[], null);
  return issue === null ? ok({ kind: "scalar", value: rows[0] }) : fail(issue);
}

// A range is rows of cells; a 1-D array (as some hosts pass a column) reads as one cell per row.
function cellAt(range: readonly unknown[], row: number, column: number): unknown {
  const line: unknown = range[row];
  return Array.isArray(line) ? line[column] : line;
}

/** The one cell of an argument that takes one value: a scalar, or a one-cell range. */
function oneValue(name: string, raw: unknown): Result<unknown, ArgumentIssue> {
  if (!Array.isArray(raw)) return ok(raw);
  const width = Array.isArray(raw[0]) ? (raw[0] as unknown[]).length : 1;
  if (raw.length !== 1 || width !== 1)
    return fail({ code: "notOneValue", argument: name, rows: raw.length, columns: width });
  return ok(cellAt(raw, 0, 0));
}

function readNumber(name: string, spec: NumberArgSpec, raw: unknown): Result<number | null, ArgumentIssue> {
  const value = oneValue(name, raw);
  if (!value.ok) return value;
  // An omitted argument or an empty cell: the vocabulary's blank.
  if (isBlankCell(value.value)) {
    if (spec.optional) return ok(null);
    return fail({ code: "argumentMissing", argument: name, description: spec.description });
  }
  const issue = cellIssue(name, value.value, spec.limit, null);
  if (issue !== null) return fail(issue);
  if (typeof value.value === "number") return ok(value.value);
  const number = typeof value.value === "string" ? parseNumberText(value.value) : null;
  if (number !== null) return ok(number.toNumber());
  return fail({ code: "notANumber", argument: name, value: String(value.value), description: spec.description });
}

function readValueOrTable(
  name: string,
  spec: ValueOrTableArgSpec,
  raw: unknown,
): Result<ValueOrTable | null, ArgumentIssue> {
  if (raw === null || raw === undefined) {
    if (spec.optional) return ok(null);
    return fail({ code: "argumentMissing", argument: name, description: spec.description });
  }
  const height = Array.isArray(raw) ? raw.length : 1;
  const width = Array.isArray(raw) && Array.isArray(raw[0]) ? (raw[0] as unknown[]).length : 1;
  if (!Array.isArray(raw) || (height === 1 && width === 1)) {
    const value = Array.isArray(raw) ? cellAt(raw, 0, 0) : raw;
    const issue = cellIssue(name, value, spec.limit, null);
    return issue === null ? ok({ kind: "value", value }) : fail(issue);
  }
  if (width !== spec.columns || !raw.every(Array.isArray)) {
    return fail({
      code: "notATable",
      argument: name,
      rows: height,
      columns: width,
      expectedColumns: spec.columns,
      description: spec.description,
    });
  }
  const rows = raw as readonly (readonly unknown[])[];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as readonly unknown[];
    // The key columns hold codes (text checks only); the last column is the value the limit bounds.
    const issue = firstCellIssue(name, row.slice(0, -1), r + 1) ?? cellIssue(name, row.at(-1), spec.limit, r + 1);
    if (issue !== null) return fail(issue);
  }
  return ok({ kind: "table", rows });
}

function readChoice(name: string, spec: ChoiceArgSpec, raw: unknown): Result<string, ArgumentIssue> {
  const value = oneValue(name, raw);
  if (!value.ok) return value;
  if (isBlankCell(value.value)) return ok(spec.defaultChoice);
  const issue = cellIssue(name, value.value, undefined, null);
  if (issue !== null) return fail(issue);
  const text = String(value.value).trim().toLowerCase();
  const choice = spec.choices.find((c) => c.toLowerCase() === text);
  if (choice === undefined) {
    if (spec.pattern?.matches.test(text) === true) return ok(text);
    return fail({
      code: "choiceUnknown",
      argument: name,
      value: String(value.value),
      choices: spec.choices,
      otherwise: spec.pattern?.shown ?? null,
      defaultChoice: spec.defaultChoice,
    });
  }
  return ok(choice);
}
