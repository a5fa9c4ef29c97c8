/**
 * Excel structured references (`Claims[Allowed]`, `Claims[[#Headers],[CPT]]`, `[@Units]`) translated into A1
 * ranges for HyperFormula, which knows no tables. The user's formula text is kept for `range.formulas`; the
 * translation is redone whenever a table changes shape (rows.add), because the A1 range it stands for changes.
 */
import { columnLetters, quoteSheetName, type CellRect } from "./addresses";

/** What translation needs to know about a table. */
export interface TableShape {
  readonly name: string;
  readonly sheetName: string;
  /** Whole table including its header row. */
  readonly rect: CellRect;
  readonly columns: readonly string[];
}

/** Where the formula sits, for `[@Column]` (this row) and for references without a table name. */
export interface FormulaSite {
  readonly row: number;
  /** The table the formula cell is in, if any. */
  readonly table: TableShape | undefined;
}

export type TableLookup = (name: string) => TableShape | undefined;

/** Quick test: could this formula contain a structured reference? (Any `[` outside string literals.) */
export function mayHaveStructuredRefs(formula: string): boolean {
  return formula.replace(/"[^"]*"/g, "").includes("[");
}

/** Reads a balanced `[...]` starting at `start`; returns the inside and the index after the closing bracket. */
function readBracket(text: string, start: number): { inner: string; end: number } | null {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'")
      i++; // escape character inside a structured reference
    else if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return { inner: text.slice(start + 1, i), end: i + 1 };
  }
  return null;
}

type Area = "#Data" | "#Headers" | "#All" | "#This Row";

/** Splits the inside of a reference into its area and column span. */
function parseSpecifier(inner: string): { area: Area; first?: string; last?: string } {
  const unescape = (s: string) => s.replace(/'(.)/g, "$1").trim();
  const trimmed = inner.trim();
  if (trimmed.startsWith("@")) {
    const col = trimmed.slice(1).replace(/^\[(.*)\]$/, "$1");
    return col === "" ? { area: "#This Row" } : { area: "#This Row", first: unescape(col) };
  }
  if (!trimmed.startsWith("[")) {
    return trimmed.startsWith("#") ? { area: trimmed as Area } : { area: "#Data", first: unescape(trimmed) };
  }
  // [[#Headers],[A]:[B]] or [[A]:[B]] or [[A]]
  const parts = [...trimmed.matchAll(/\[((?:'.|[^\]])*)\]/g)].map((m) => m[1]!);
  let area: Area = "#Data";
  const columns: string[] = [];
  for (const part of parts) {
    if (part.startsWith("#")) area = part as Area;
    else columns.push(unescape(part));
  }
  return { area, first: columns[0], last: columns[1] ?? columns[0] };
}

function columnOf(table: TableShape, name: string | undefined, fallback: number): number {
  if (name === undefined) return fallback;
  const index = table.columns.findIndex((c) => c.toLowerCase() === name.toLowerCase());
  if (index < 0) throw new Error(`Column "${name}" is not in table ${table.name}`);
  return table.rect.column + index;
}

function toA1(table: TableShape, inner: string, site: FormulaSite): string {
  const spec = parseSpecifier(inner);
  const { rect } = table;
  const left = columnOf(table, spec.first, rect.column);
  const right = columnOf(table, spec.last ?? spec.first, rect.column + rect.columnCount - 1);
  const bottom = rect.row + rect.rowCount - 1;
  const [top, last] =
    spec.area === "#Headers"
      ? [rect.row, rect.row]
      : spec.area === "#All"
        ? [rect.row, bottom]
        : spec.area === "#This Row"
          ? [site.row, site.row]
          : [rect.row + 1, Math.max(bottom, rect.row + 1)];
  const sheet = `${quoteSheetName(table.sheetName)}!`;
  const rowMark = spec.area === "#This Row" ? "" : "$";
  const corner = (column: number, row: number) => `$${columnLetters(column)}${rowMark}${row + 1}`;
  const single = left === right && top === last;
  return single ? sheet + corner(left, top) : `${sheet}${corner(left, top)}:${corner(right, last)}`;
}

/**
 * Calls `replace` with each structured reference of `formula`: the table's name (undefined for a reference inside
 * its own table, `[@Units]`) and the text inside the brackets. Its result replaces the reference; undefined keeps it.
 * String literals are left alone. Throws on an unbalanced `[`.
 */
export function mapStructuredRefs(
  formula: string,
  replace: (name: string | undefined, inner: string) => string | undefined,
): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"') {
      const close = formula.indexOf('"', i + 1);
      const end = close < 0 ? formula.length : close + 1;
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "[") {
      const name = /[A-Za-z_\\][A-Za-z0-9_.\\]*$/.exec(out)?.[0];
      const bracket = readBracket(formula, i);
      if (bracket === null) throw new Error("Unbalanced [ in formula");
      const replaced = replace(name, bracket.inner);
      if (replaced !== undefined) out = out.slice(0, out.length - (name?.length ?? 0)) + replaced;
      else out += formula.slice(i, bracket.end);
      i = bracket.end;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/**
 * Rewrites every structured reference in `formula` as an absolute A1 reference.
 * Throws (a bug in the caller's formula, surfaced as #REF! by the caller) when a table or column is unknown.
 */
export function translateStructuredRefs(formula: string, site: FormulaSite, lookup: TableLookup): string {
  return mapStructuredRefs(formula, (name, inner) => {
    const table = name === undefined ? site.table : lookup(name);
    if (table === undefined) throw new Error(`No table ${name ?? "around this cell"}`);
    return toA1(table, inner, site);
  });
}
