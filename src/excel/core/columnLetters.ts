/**
 * Column letters, and the named column maps the laid-out sheets (uplift model, variance review, portfolio summary)
 * declare their tables with: each column is declared once (key, header, number format, width) and its letter is
 * derived from its position in the declaration, so that formulas are written through names (`cell(r, "current")`)
 * and inserting a column in a declaration moves every formula with it.
 */

/** A 0-based column index as A1-style letters: 0 -> "A", 25 -> "Z", 26 -> "AA", 27 -> "AB". */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** One column of a laid-out table, as declared. */
export interface ColumnDeclaration<K extends string> {
  readonly key: K;
  /** The header cell's text; null for a spacer column that has none. */
  readonly header: string | null;
  /** The number format of the column's body cells; absent where the sheet formats whole columns from another table. */
  readonly numberFormat?: string;
  /** Width in points, for the layouts that set widths. */
  readonly width?: number;
}

/** Which parts of a reference carry "$": none, the column (`$A5`), the row (`A$5`) or both (`$A$5`). */
export type Anchor = "relative" | "column" | "row" | "absolute";

/** A declared table placed on a sheet from a column; every position is derived from the declaration's order. */
export interface ColumnMap<K extends string> {
  readonly columns: readonly (ColumnDeclaration<K> & { readonly index: number; readonly letter: string })[];
  /** 0-based sheet column of the first declared column, and the one just after the last. */
  readonly first: number;
  readonly end: number;
  /** Whether the table has the column (optional columns are left out of the declaration). */
  has(key: K): boolean;
  /** 0-based sheet column of a column. */
  index(key: K): number;
  letter(key: K): string;
  /** A cell of a column, `row` being the 1-based row number as A1 writes it. */
  cell(row: number, key: K, anchor?: Anchor): string;
  /** A column's cells from `firstRow` to `lastRow` (1-based): `C6:C9`. */
  range(key: K, firstRow: number, lastRow: number, anchor?: Anchor): string;
  /** The rectangle from column `from` to column `to`, rows `firstRow` to `lastRow` (1-based): `A11:D13`. */
  span(from: K, to: K, firstRow: number, lastRow: number): string;
  /** The columns from `from` to `to`, in place (same sheet positions), as a map of their own. */
  between(from: K, to: K): ColumnMap<K>;
  /** A row's cells in column order, from a value per key; a column the record lacks is empty (null). */
  row<T>(cells: Readonly<Record<K, T>>): (T | null)[];
  headers(): (string | null)[];
  /** Number formats in column order ("General" where a column declares none). */
  numberFormats(): string[];
  /** Widths in column order; a column without a declared width is a bug of its declaration. */
  widths(): number[];
}

/** The reference to column `letter`, row `row`, with the anchors asked for. */
function reference(letter: string, row: number, anchor: Anchor): string {
  const column = anchor === "column" || anchor === "absolute" ? "$" : "";
  const rowMark = anchor === "row" || anchor === "absolute" ? "$" : "";
  return `${column}${letter}${rowMark}${row}`;
}

/** Places a declared table on a sheet, its first column at sheet column `firstColumn` (0-based). */
export function placeColumns<K extends string>(
  declared: readonly ColumnDeclaration<K>[],
  firstColumn = 0,
): ColumnMap<K> {
  const columns = declared.map((column, i) => ({
    ...column,
    index: firstColumn + i,
    letter: columnLetters(firstColumn + i),
  }));
  const byKey = new Map(columns.map((column) => [column.key, column]));
  const column = (key: K) => {
    const found = byKey.get(key);
    // A layout naming a column its declaration lacks is a bug, not a workbook problem.
    if (found === undefined) throw new Error(`no column "${key}" in this table's declaration`);
    return found;
  };
  const map: ColumnMap<K> = {
    columns,
    first: firstColumn,
    end: firstColumn + columns.length,
    has: (key) => byKey.has(key),
    index: (key) => column(key).index,
    letter: (key) => column(key).letter,
    cell: (row, key, anchor = "relative") => reference(column(key).letter, row, anchor),
    range: (key, firstRow, lastRow, anchor = "relative") =>
      `${reference(column(key).letter, firstRow, anchor)}:${reference(column(key).letter, lastRow, anchor)}`,
    span: (from, to, firstRow, lastRow) => `${column(from).letter}${firstRow}:${column(to).letter}${lastRow}`,
    between: (from, to) =>
      placeColumns(declared.slice(map.index(from) - firstColumn, map.index(to) - firstColumn + 1), map.index(from)),
    row: (cells) => columns.map((c) => cells[c.key] ?? null),
    headers: () => columns.map((c) => c.header),
    numberFormats: () => columns.map((c) => c.numberFormat ?? "General"),
    widths: () =>
      columns.map((c) => {
        if (c.width === undefined) throw new Error(`the column "${c.key}" declares no width`);
        return c.width;
      }),
  };
  return map;
}

/**
 * A group of columns repeated once per instance (the uplift model's columns per scenario), declared once as a
 * function of the instance and placed one copy after another from `firstColumn`.
 */
export function repeatColumns<G extends string, I>(
  group: (instance: I) => readonly ColumnDeclaration<G>[],
  instances: readonly I[],
  firstColumn: number,
): ColumnMap<G>[] {
  const maps: ColumnMap<G>[] = [];
  let next = firstColumn;
  for (const instance of instances) {
    const map = placeColumns(group(instance), next);
    maps.push(map);
    next = map.end;
  }
  return maps;
}
