/**
 * The table every CMS file reader of this folder reads: a header row found by content among banner rows, the columns
 * a reader declares located by header text (never by position: CMS inserts columns between years), data rows below
 * it, and the signs of a file cut short. Declared once here so that each reader keeps only what is its own: its
 * columns, how a row's cells become a value, and the words of its messages.
 */
import { fail, ok, type Result } from "../../engine";
import { headerKey, isBlankRow, readCmsInput, swallowedLineBreaks, type CmsCsv, type CsvGrid } from "./csvGrid";
import type { ImportIssue } from "./importIssues";
import { firstControlCharacter, hasControlCharacter, showControlCharacters } from "./textInput";

/** A column a reader declares: how its header text is recognised and the name its messages give it. */
export interface CmsColumn {
  /** Whether a header text, reduced by `headerKey` ("NON-FAC PE RVU" -> "NONFACPERVU"), names this column. */
  readonly matches: (key: string) => boolean;
  readonly label: string;
  /** A column some files lack (older years, other publishers): its cells then read as blank. Required unless set. */
  readonly optional?: true;
}

/** A reader's columns by name, in the order they are located and checked (the first missing one is reported). */
export type CmsColumns = Readonly<Record<string, CmsColumn>>;

/**
 * Where each declared column stands in the file: a required column always has a place, an optional one (or one not
 * declared required by its literal type) may not. `matches` keeps the test from being a weak type, which a column
 * without `optional` would fail.
 */
export type ColumnIndex<S extends CmsColumns> = {
  readonly [
    K in keyof S
  ]: S[K] extends { readonly matches: unknown; readonly optional?: never } ? number : number | undefined; // prettier-ignore
};

/** What a reader declares about its table. */
export interface CmsTableSpec<S extends CmsColumns> {
  /** The file's name in messages ("CMS ANES"). */
  readonly fileKind: string;
  /** Whether a row, its cells reduced by `headerKey`, is the header: banner rows above it name columns too. */
  readonly isHeader: (keys: readonly string[]) => boolean;
  /** What the header holds, in the words of the headerNotFound message ("HCPCS and CARRIER"). */
  readonly expected: string;
  readonly columns: S;
  /**
   * The header texts the columns are matched against, when the header is spread over the banner rows above it
   * (PPRRVU); the header row's own cells when not given.
   */
  readonly headers?: (grid: CsvGrid, headerRow: number) => readonly string[];
}

/** A header found and its columns located. */
export interface TableStart<S extends CmsColumns> {
  /** Index of the header row in the grid (its row number less one). */
  readonly headerRow: number;
  readonly columns: ColumnIndex<S>;
}

/** A CMS file read as far as its header, ready for its data rows. */
export interface CmsTable<S extends CmsColumns> extends TableStart<S> {
  readonly spec: CmsTableSpec<S>;
  readonly csv: CmsCsv;
  /** Line breaks swallowed by a closed quote, by the row that opens it: that row is reported, not read. */
  readonly swallowed: ReadonlyMap<number, number>;
}

const namesOf = <S extends CmsColumns>(columns: S): (keyof S & string)[] => Object.keys(columns);

/**
 * Finds the header row by content and locates the declared columns in it; refuses a grid without the header
 * (headerNotFound) or a header without a required column (columnMissing, the first one in declaration order).
 */
export function locateTable<S extends CmsColumns>(
  grid: CsvGrid,
  spec: CmsTableSpec<S>,
): Result<TableStart<S>, ImportIssue> {
  const headerRow = grid.findIndex((row) => spec.isHeader(row.map(headerKey)));
  if (headerRow < 0) return fail({ code: "headerNotFound", fileKind: spec.fileKind, expected: spec.expected });
  const keys = (spec.headers ? spec.headers(grid, headerRow) : (grid[headerRow] ?? [])).map(headerKey);
  const columns: Record<string, number | undefined> = {};
  for (const name of namesOf(spec.columns)) {
    const column = spec.columns[name];
    const found = keys.findIndex((key) => column?.matches(key) === true);
    if (found < 0 && column?.optional !== true)
      return fail({ code: "columnMissing", fileKind: spec.fileKind, column: column?.label ?? name });
    columns[name] = found < 0 ? undefined : found;
  }
  // Every required column has a place: the loop above refused the grid otherwise.
  return ok({ headerRow, columns: columns as ColumnIndex<S> });
}

/**
 * Reads a CMS file given as text or bytes as far as its header. Refused, in this order: not CSV text or empty (see
 * `readCmsInput`), no header or a required column missing (see `locateTable`), a quote never closed.
 */
export function openCmsTable<S extends CmsColumns>(
  input: string | Uint8Array,
  spec: CmsTableSpec<S>,
): Result<CmsTable<S>, ImportIssue> {
  const csv = readCmsInput(input, spec.fileKind);
  if (!csv.ok) return csv;
  const start = locateTable(csv.value.rows, spec);
  if (!start.ok) return start;
  const quotes = swallowedLineBreaks(csv.value, spec.fileKind);
  if (!quotes.ok) return quotes;
  return ok({ ...start.value, spec, csv: csv.value, swallowed: quotes.value });
}

/** The text of a declared column in a row's cells; blank when the file lacks the column or the row is short. */
export function cellText<S extends CmsColumns>(
  columns: ColumnIndex<S>,
  cells: readonly string[],
  name: keyof S,
): string {
  const column: number | undefined = columns[name];
  return column === undefined ? "" : (cells[column] ?? "");
}

/** A controlCharacter issue for each declared column whose cell in this row holds one, in declaration order. */
function controlCharacterIssues<S extends CmsColumns>(
  table: CmsTable<S>,
  cells: readonly string[],
  rowNumber: number,
): ImportIssue[] {
  // The whole text was scanned once: a file without a control character (nearly every one) is not checked by cell.
  if (!table.csv.controlCharacters) return [];
  return namesOf(table.spec.columns).flatMap((name): ImportIssue[] => {
    const text = cellText(table.columns, cells, name);
    if (!hasControlCharacter(text)) return [];
    const column = table.spec.columns[name]?.label ?? name;
    return [{ code: "controlCharacter", rowNumber, column, shown: showControlCharacters(text), codePoint: firstControlCharacter(text) }]; // prettier-ignore
  });
}

/** One data row as a reader reads it: its cells by declared column, and the valueInvalid issues found so far. */
export class TableRow<S extends CmsColumns> {
  readonly issues: ImportIssue[] = [];

  constructor(
    private readonly table: CmsTable<S>,
    readonly cells: readonly string[],
    readonly rowNumber: number,
  ) {}

  /** The cell of a declared column; blank when the file lacks the column or the row is short. */
  cell(name: keyof S & string): string {
    return cellText(this.table.columns, this.cells, name);
  }

  /** Reports the cell of a column as invalid, saying what was expected in the reader's words. */
  invalid(name: keyof S & string, expected: string): void {
    const column = this.table.spec.columns[name]?.label ?? name;
    this.issues.push({ code: "valueInvalid", rowNumber: this.rowNumber, column, value: this.cell(name), expected });
  }
}

/** What a reader makes of one data row: a value, or the issues that leave the row out. */
export type RowRead<T> = { readonly value: T } | { readonly issues: readonly ImportIssue[] };

/** A non-blank row below the header, with the value read from it (none when it was reported instead). */
export interface DataRow<T> {
  readonly rowNumber: number;
  readonly cells: readonly string[];
  readonly value: T | undefined;
}

/** The data rows of a table as read. */
export interface DataRowsRead<T> {
  /** The values kept, in file order: a repeated key's later rows are left out. */
  readonly values: readonly T[];
  /** Rows reported and left out, in row order. */
  readonly issues: readonly ImportIssue[];
  /** Every non-blank row below the header, reported ones included: what the cut-short checks count. */
  readonly rows: readonly DataRow<T>[];
}

/**
 * Reads the data rows below the header: blank rows are skipped; a row whose quote swallowed line breaks, or whose
 * cells hold control characters, is reported and not read; the others go to `read`. With `duplicateKey` (the text
 * the rowDuplicated message quotes), a row repeating the key of an earlier one is reported and the first kept.
 */
export function readDataRows<S extends CmsColumns, T>(
  table: CmsTable<S>,
  read: (row: TableRow<S>) => RowRead<T>,
  duplicateKey?: (value: T) => string,
): DataRowsRead<T> {
  const grid = table.csv.rows;
  const values: T[] = [];
  const issues: ImportIssue[] = [];
  const rows: DataRow<T>[] = [];
  const firstRowOfKey = new Map<string, number>();
  for (let i = table.headerRow + 1; i < grid.length; i++) {
    const cells = grid[i] ?? [];
    const rowNumber = i + 1;
    if (isBlankRow(cells)) continue;
    // No lookup per row in the usual file without quoted line breaks (PPRRVU has 19,000 rows).
    const lineBreaks = table.swallowed.size === 0 ? undefined : table.swallowed.get(rowNumber);
    if (lineBreaks !== undefined) {
      rows.push({ rowNumber, cells, value: undefined });
      issues.push({ code: "quoteSwallowedLines", rowNumber, lineBreaks });
      continue;
    }
    const damaged = controlCharacterIssues(table, cells, rowNumber);
    const result: RowRead<T> = damaged.length > 0 ? { issues: damaged } : read(new TableRow(table, cells, rowNumber));
    if ("issues" in result) {
      rows.push({ rowNumber, cells, value: undefined });
      issues.push(...result.issues);
      continue;
    }
    rows.push({ rowNumber, cells, value: result.value });
    const key = duplicateKey?.(result.value);
    const first = key === undefined ? undefined : firstRowOfKey.get(key);
    if (key !== undefined && first !== undefined) {
      issues.push({ code: "rowDuplicated", rowNumber, firstRowNumber: first, key });
      continue;
    }
    if (key !== undefined) firstRowOfKey.set(key, rowNumber);
    values.push(result.value);
  }
  return { values, issues, rows };
}

/**
 * Refuses a file cut short: it ends inside a line (no final line break and no end-of-file marker), or stops after
 * its header; with `lastRowShort`, for a file whose every row has all its columns, also when its last row has fewer
 * cells than the columns declared. Null when it reads as complete. A cut at a line boundary cannot be told from a
 * complete file: CMS states no row count.
 */
export function tableCutShort<S extends CmsColumns, T>(
  table: CmsTable<S>,
  read: DataRowsRead<T>,
  lastRowShort = false,
): ImportIssue | null {
  const { csv, spec } = table;
  const fileKind = spec.fileKind;
  if (!csv.endsWithLineBreak && !csv.endOfFileMarker)
    return { code: "fileCutMidLine", fileKind, rowNumber: csv.rows.length, completeRows: Math.max(0, read.rows.length - 1) }; // prettier-ignore
  const last = read.rows[read.rows.length - 1];
  if (last === undefined) return { code: "noDataRows", fileKind, headerRowNumber: table.headerRow + 1 };
  const expectedCells = namesOf(spec.columns).length;
  const cells = last.cells.length;
  if (lastRowShort && cells < expectedCells)
    return { code: "lastRowShort", fileKind, rowNumber: csv.rows.length, cells, expectedCells, rowsRead: read.values.length }; // prettier-ignore
  return null;
}
