/**
 * A registry row as a form edits it, derived from the table's declared spec (registryTables.ts): the inputs are the
 * texts a user would type into the row's cells, and they are validated by the very parser that reads the table
 * (`parseTable`, the spec's cell kinds and cross-column checks). So the editor and the sheet accept exactly the same
 * rows, and there is no second copy of the rules (STYLE.md "declare, then derive").
 */
import { toExcelCell, type CellValue, type ColumnKind, type ExcelCell } from "../core/tableColumns";
import { booleanCell, moneyCell, percentCell, readCell, type CellKind } from "../registry/cellKinds";
import { parseTable, type ColumnSpec, type ParsedRow, type TableSpec } from "../registry/tableSpec";
import { Decimal, percentText } from "../../engine";

type Columns = Readonly<Record<string, ColumnSpec>>;

/** What one input holds: the text typed (as into a cell), or a switch's state for TRUE/FALSE columns. */
export type FormInput = string | boolean;

/** The inputs of a row's form, one per column of the spec. */
export type FormValues<C extends Columns> = { readonly [K in keyof C & string]: FormInput };

/** A message per field that has a problem (absent = fine). */
export type FieldErrors<C extends Columns> = { readonly [K in keyof C & string]?: string };

/** A form checked against the spec: the problems by field, and the parsed row when there are none. */
export interface FormCheck<C extends Columns> {
  readonly errors: FieldErrors<C>;
  readonly row: ParsedRow<C> | null;
}

/** Whether a column is a TRUE/FALSE column (a switch in the form). */
export function isSwitchColumn(spec: ColumnSpec): boolean {
  return spec.kind === (booleanCell as CellKind<unknown>);
}

/** The kinds of cell the editor writes into a registry row. */
export type WrittenKind = Extract<ColumnKind, "text" | "number" | "date" | "percent" | "money" | "boolean">;

/** The kind of cell the add-in writes for a column, as the column declares it (number format and conversion). */
export function writtenKind(spec: ColumnSpec): WrittenKind {
  // A form writes values: a formula column (a Medicare schedule's rates) is never a field of a registry form.
  if (spec.written === "formula") throw new Error(`Column ${spec.header} holds formulas: no form writes it`);
  return spec.written;
}

/** An empty form: blank texts, switches off. */
export function emptyForm<C extends Columns>(columns: C): FormValues<C> {
  return Object.fromEntries(
    Object.entries(columns).map(([field, spec]) => [field, isSwitchColumn(spec) ? false : ""]),
  ) as FormValues<C>;
}

/**
 * The text a form shows for a cell as read from the sheet: dates as 2025-01-31, percentages as 115%, choices with
 * their canonical words. A cell that does not read is shown as it is, so that the form reports what is wrong.
 */
export function formInputOf(spec: ColumnSpec, cell: unknown): FormInput {
  const read = readCell(spec.kind as CellKind<unknown>, cell);
  if (isSwitchColumn(spec)) return read.ok && read.value === true;
  // A cell that does not read shows as the user sees it (a 1899 date, not its serial 1), beside the message.
  if (!read.ok) return cell === null || cell === undefined ? "" : (spec.kind.shown?.(cell) ?? String(cell));
  const value = read.value;
  if (value === null) return "";
  if (spec.kind === (percentCell as CellKind<unknown>)) return percentText(value as Decimal);
  if (spec.kind === (moneyCell as CellKind<unknown>)) return (value as Decimal).toFixed(2);
  if (spec.allowed !== undefined) return spec.allowed.find((word) => spec.kind.read(word) === value) ?? String(value);
  return String(value);
}

/** The form of a row as read from the sheet (cells by field). */
export function formOf<C extends Columns>(columns: C, cells: Readonly<Record<string, unknown>>): FormValues<C> {
  return Object.fromEntries(
    Object.entries(columns).map(([field, spec]) => [field, formInputOf(spec, cells[field] ?? null)]),
  ) as FormValues<C>;
}

/** The words of a cell problem, as a form shows them under the input. */
const expectedMessage = (expected: string) => `Expected ${expected}.`;

/**
 * Checks a form as the table's reader would check the row: each cell by its kind and required flag, then every
 * cross-column check of the spec (all of them, so the user sees every problem at once, not only the first).
 */
export function checkForm<C extends Columns>(spec: TableSpec<C>, values: FormValues<C>): FormCheck<C> {
  const fields = Object.keys(spec.columns);
  const parse = (columns: Columns, cells: Readonly<Record<string, unknown>>) =>
    parseTable(
      { ...spec, columns: columns as C, checks: [] },
      {
        name: spec.title,
        sheet: "",
        headers: fields.map((field) => spec.columns[field]!.header),
        rows: [fields.map((field) => cells[field] ?? "")],
        firstRowNumber: 2,
      },
    );
  const parsed = parse(spec.columns, values);
  const errors: Record<string, string> = {};
  const fieldOfHeader = (header: string) => fields.find((field) => spec.columns[field]!.header === header);
  for (const issue of parsed.issues) {
    if (!("column" in issue)) continue;
    const field = fieldOfHeader(issue.column);
    if (field === undefined || errors[field] !== undefined) continue;
    if (issue.code === "cellRequired") errors[field] = "Required.";
    else if (issue.code === "cellInvalid") errors[field] = expectedMessage(issue.expected);
  }
  // A blank form reads as a blank row (skipped by the reader): every required field is missing.
  if (parsed.rows.length === 0 && parsed.issues.length === 0)
    for (const field of fields) if (spec.columns[field]!.required) errors[field] = "Required.";
  // The cross-column rules run on what reads so far (problem cells as blanks), so they show while the form is
  // still incomplete, as the user types.
  const lenient = Object.fromEntries(
    Object.entries(spec.columns).map(([field, column]) => [field, { ...column, required: false }]),
  );
  const draft = parse(
    lenient,
    Object.fromEntries(fields.map((f) => [f, errors[f] === undefined ? values[f as keyof C & string] : ""])),
  ).rows[0];
  for (const check of draft === undefined ? [] : (spec.checks ?? [])) {
    const failed = check(draft!);
    const field = failed === null ? undefined : fieldOfHeader(failed.column);
    if (failed !== null && field !== undefined && errors[field] === undefined) errors[field] = `${failed.expected}.`;
  }
  const row = parsed.rows[0] ?? null;
  return { errors: errors as FieldErrors<C>, row: Object.keys(errors).length === 0 ? row : null };
}

/** A parsed value as a cell to write: Decimals as numbers, choices with their shown word, dates as ISO text. */
function cellValueOf(spec: ColumnSpec, value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Decimal) return value.toNumber();
  if (typeof value === "boolean" || typeof value === "number") return value;
  const text = String(value);
  if (spec.allowed !== undefined) return spec.allowed.find((word) => spec.kind.read(word) === value) ?? text;
  return text;
}

/** One cell to write into a registry row: its value as sent to Excel, the column's kind, and the value as text. */
export interface RowCell {
  readonly value: ExcelCell;
  readonly kind: WrittenKind;
  /**
   * What a user would type for the value, for a cell the user formatted as text ("@"): "2025-01-01", "120%",
   * "12.50", "TRUE". Written there as text, the cell reads back as the same value and keeps the user's format.
   */
  readonly text: string;
}

/** The text of a written value, by kind (`value` is the parsed value, `cell` what is sent to Excel). */
const TEXT_OF = {
  text: (cell) => String(cell),
  number: (cell) => String(cell),
  date: (_, value) => String(value),
  percent: (_, value) => percentText(value as Decimal),
  money: (_, value) => (value as Decimal).toFixed(2),
  boolean: (cell) => (cell === true ? "TRUE" : "FALSE"),
} satisfies Record<WrittenKind, (cell: ExcelCell, value: unknown) => string>;

/**
 * The cells of a checked row, by field, as the add-in writes them: dates as Excel dates, percentages as fractions
 * formatted %, money as numbers, TRUE/FALSE as booleans, everything else as text (written as text, so that a name
 * like "=HYPERLINK(...)" stays text).
 */
export function rowCells<C extends Columns>(columns: C, row: ParsedRow<C>): Readonly<Record<string, RowCell>> {
  const cells: Record<string, RowCell> = {};
  for (const [field, spec] of Object.entries(columns)) {
    const kind = writtenKind(spec);
    const value = (row as Record<string, unknown>)[field];
    const converted = toExcelCell(kind, cellValueOf(spec, value));
    // A parsed row always converts; a failure here is a bug in the mapping above, not a user's mistake.
    if (!converted.ok) throw new Error(`Column ${spec.header} cannot be written as ${kind}`);
    const text = converted.cell === "" ? "" : TEXT_OF[kind](converted.cell, value);
    cells[field] = { value: converted.cell, kind, text };
  }
  return cells;
}
