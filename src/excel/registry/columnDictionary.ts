/**
 * The column dictionary (STYLE.md "declare, then derive", ARCHITECTURE.md 2): every table the add-in reads or writes
 * is a record of columns declared once, each with its header and synonyms, the kind its cells are read with, the kind
 * and number format they are written with, whether a reader requires it, the severity of its checks and its
 * description. Parsing (tableSpec.ts), the table writer's columns ({@link tableColumnsOf}), the contract editor's
 * written kinds, the header matching of every reader and of the claims mapping ({@link findHeader}) and the README
 * (workbookTables.ts) derive from it.
 */
import { numberFormatOf, type ColumnKind, type TableColumn } from "../core/tableColumns";
import type { CellKind } from "./cellKinds";

/**
 * What a cell that fails its column's checks does to its row: an error leaves the row out (and is reported where the
 * row is used); a warning is reported apart, the cell read as blank and the row kept.
 */
export type CheckSeverity = "error" | "warning";

/** One column of a table the add-in reads or writes. */
export interface Column<T = unknown> {
  /** The header users see and type; matched ignoring case, spaces and punctuation. */
  readonly header: string;
  /** Other headers accepted for the column, in order of preference (e.g. "Mod" for "Modifier"). */
  readonly synonyms?: readonly string[];
  /** How the add-in reads the column's cells; absent for a column it only writes (its readers ignore it). */
  readonly kind?: CellKind<T>;
  /** How the add-in writes the column (the table writer's kind); absent for a column it only reads. */
  readonly written?: ColumnKind;
  /** The number format written cells get, when not the written kind's own (tableColumns.ts). */
  readonly numberFormat?: string;
  /** A required column must exist and every data row must fill it. Default false. */
  readonly required?: boolean;
  /** What a failed check of the column's cells does. Default "error". */
  readonly severity?: CheckSeverity;
  readonly description: string;
  /** An example cell as a user would type it. */
  readonly example?: string;
  /** For choice columns: the words accepted (shown in the README and offered by the forms). */
  readonly allowed?: readonly string[];
}

/** A column the add-in both reads and writes (the registry's): a reader, a written kind, required-ness, an example. */
export interface ColumnSpec<T = unknown> extends Column<T> {
  readonly kind: CellKind<T>;
  readonly written: ColumnKind;
  readonly required: boolean;
  readonly example: string;
}

/** A column of a registry table (read and written), declared as written: its literal `required` types the parsed row. */
export const column = <const C extends ColumnSpec>(spec: C): C => spec;

/** A column the add-in writes. */
export type WrittenColumn = Column & { readonly written: ColumnKind };

/** A table's columns, keyed by field. */
export type Columns = Readonly<Record<string, Column>>;

/** A cross-column rule of a row: which column is wrong and what was expected, or null when the row is fine. */
export type RowCheck<R> = (row: R) => { readonly column: string; readonly expected: string } | null;

/** The fields of a table the add-in reads (those with a cell kind). */
export type ReadField<C extends Columns> = {
  [K in keyof C]: C[K] extends { readonly kind: CellKind<unknown> } ? K : never;
}[keyof C];

type CellOf<L> = L extends { readonly kind: CellKind<infer T> } ? T : never;

/**
 * A parsed row: each read column's value (null when blank or the column is absent; never null for a required
 * column, whose blank cell leaves the row out) and the row's Excel number.
 */
export type ParsedRow<C extends Columns> = {
  readonly [K in ReadField<C>]: C[K] extends { readonly required: true } ? CellOf<C[K]> : CellOf<C[K]> | null;
} & { readonly rowNumber: number };

/**
 * A row as cross-column checks see it: any cell may still be blank (the contract editor checks a form as it is
 * typed, before its required cells are filled).
 */
export type DraftRow<C extends Columns> = { readonly [K in ReadField<C>]: CellOf<C[K]> | null } & {
  readonly rowNumber: number;
};

/** A workbook table: what it is for, its columns keyed by field, and its cross-column rules. */
export interface TableSpec<C extends Columns> {
  /** The table name, or for a family of tables a description of which ones ("Fee schedule tables"). */
  readonly title: string;
  readonly purpose: string;
  readonly columns: C;
  readonly checks?: readonly RowCheck<DraftRow<C>>[];
}

/** A header as the add-in compares headers: case, spaces and punctuation ignored ("Mod 1" = "MOD1" = "mod-1"). */
export function headerKey(text: unknown): string {
  return String(text ?? "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** A table's headers as compared ({@link headerKey}), in table order. */
export function headerKeys(headers: readonly unknown[]): string[] {
  return headers.map(headerKey);
}

/**
 * The position of the header naming `column` among `keys` ({@link headerKeys}): its header first, then its synonyms
 * in order of preference, each at its leftmost position; `skip` passes over positions already given to another
 * column. Undefined when no header names it. The one header matcher of the Excel layer: registry tables, the
 * contract editor, the Medicare registration and the claims mapping's suggestions all find columns with it.
 */
export function findHeader(
  keys: readonly string[],
  column: Pick<Column, "header" | "synonyms">,
  skip: (position: number) => boolean = () => false,
): number | undefined {
  for (const name of [column.header, ...(column.synonyms ?? [])]) {
    const wanted = headerKey(name);
    const position = keys.findIndex((key, index) => key === wanted && !skip(index));
    if (position >= 0) return position;
  }
  return undefined;
}

/** The table position of each of `columns` found among `headers`, by field (absent: the table has no such column). */
export function columnPositions(columns: Columns, headers: readonly unknown[]): Map<string, number> {
  const keys = headerKeys(headers);
  const positions = new Map<string, number>();
  for (const [field, column] of Object.entries(columns)) {
    const position = findHeader(keys, column);
    if (position !== undefined) positions.set(field, position);
  }
  return positions;
}

/** The number format a written column's cells get. */
export function columnFormat(column: WrittenColumn): string {
  return numberFormatOf({ name: column.header, kind: column.written, numberFormat: column.numberFormat });
}

/** The columns as the table writer takes them, in declaration order (columns the add-in only reads left out). */
export function tableColumnsOf(columns: Columns): TableColumn[] {
  return Object.values(columns).flatMap((column): TableColumn[] => {
    if (column.written === undefined) return [];
    const { header: name, written: kind, numberFormat } = column;
    return [numberFormat === undefined ? { name, kind } : { name, kind, numberFormat }];
  });
}
