/**
 * Cell contents and number formats of all sheets, with Excel's write rules: shape checks, null leaves a cell
 * unchanged, "" clears it, text-formatted ("@") cells keep "=..." as text, "+x"/"-x" that is not a number is a
 * formula, and structured references are translated for the engine while the user's text is kept.
 */
import type { RawCellContent } from "hyperformula";
import { contains, formatRect, type CellRect } from "./addresses";
import { cellKey, keyColumn, keyRow, type CellInput, type SheetEntity, type TableEntity } from "./entities";
import { invalidArgument } from "./errors";
import type { CellValue, FormulaEngine } from "./formulaEngine";
import { formatValue } from "./numberFormat";
import { toEngineFormula } from "./formulaDialect";
import { mayHaveStructuredRefs, translateStructuredRefs, type TableShape } from "./structuredRefs";

/** "1,234.50" / "$1,234": Excel reads thousands separators; HyperFormula cannot (its argument separator is ","). */
const GROUPED = /^[+-]?\$?\d{1,3}(,\d{3})+(\.\d*)?$/;
const NUMBER_LIKE = /^[+-]?\$?(\d[\d,]*\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i;

/** Returns (r, c) -> element of a value written to a range, after Excel's shape rules; throws InvalidArgument. */
export function shapedInput<T>(input: unknown, rect: CellRect, what: string): (r: number, c: number) => T {
  if (input === null || input === undefined) throw invalidArgument(`${what} cannot be set to null`);
  if (!Array.isArray(input)) return () => input as T; // a single value applies to every cell
  const rows = input as unknown[];
  if (rows.length === 1 && Array.isArray(rows[0]) && rows[0].length === 1) return () => (rows[0] as T[])[0]!;
  const fits =
    rows.length === rect.rowCount && rows.every((row) => Array.isArray(row) && row.length === rect.columnCount);
  if (!fits) {
    throw invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range ` +
        `(${what}: ${rows.length}x${Array.isArray(rows[0]) ? rows[0].length : "?"} for ${formatRect(rect)}, ` +
        `${rect.rowCount}x${rect.columnCount})`,
    );
  }
  return (r, c) => (rows[r] as T[])[c]!;
}

function checkCellInput(value: unknown): CellInput | undefined {
  if (value === null) return undefined; // null in a 2-D array leaves the cell unchanged
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw invalidArgument(`Unsupported cell value ${String(value)}`);
}

export class CellStore {
  constructor(
    readonly engine: FormulaEngine,
    private readonly tables: () => readonly TableEntity[],
  ) {}

  /** Table shapes read during one write (header texts do not change while a block is translated). */
  private shapes = new Map<TableEntity, TableShape>();

  /** The shape structured-reference translation needs, for a live table. */
  tableShape(table: TableEntity): TableShape {
    const known = this.shapes.get(table);
    if (known !== undefined && known.rect === table.rect) return known;
    const shape = this.readShape(table);
    this.shapes.set(table, shape);
    return shape;
  }

  private readShape(table: TableEntity): TableShape {
    const header = this.engine.values(table.sheet.name, { ...table.rect, rowCount: 1 })[0] ?? [];
    return {
      name: table.name,
      sheetName: table.sheet.name,
      rect: table.rect,
      columns: header.map((v) => String(v ?? "")),
    };
  }

  private translate(sheet: SheetEntity, row: number, column: number, formula: string): string {
    const live = this.tables().filter((t) => !t.deleted);
    const around = live.find((t) => t.sheet === sheet && contains(t.rect, row, column));
    const lookup = (name: string) => {
      const table = live.find((t) => t.name.toLowerCase() === name.toLowerCase());
      return table && this.tableShape(table);
    };
    try {
      return translateStructuredRefs(formula, { row, table: around && this.tableShape(around) }, lookup);
    } catch {
      return "=#REF!"; // Excel refuses such a formula; the simulator shows the reference as broken
    }
  }

  /** The engine's text for a formula at a cell: structured references translated, Excel dialect adjusted. */
  private engineFormula(sheet: SheetEntity, row: number, column: number, formula: string): string {
    return toEngineFormula(mayHaveStructuredRefs(formula) ? this.translate(sheet, row, column, formula) : formula);
  }

  /** What the engine should hold for one entered cell input (a formula's user text is kept beside it). */
  enteredRaw(sheet: SheetEntity, row: number, column: number, input: CellInput): RawCellContent {
    const key = cellKey(row, column);
    sheet.userFormulas.delete(key);
    if (typeof input !== "string") return input;
    if (input === "") return null;
    if (sheet.numberFormats.get(key) === "@") return `'${input}`;
    let formula = input.startsWith("=") ? input : null;
    if (formula === null && /^[+-]/.test(input) && !NUMBER_LIKE.test(input)) formula = `=${input}`;
    if (formula === null) return GROUPED.test(input) ? Number(input.replace(/[$,]/g, "")) : input;
    const engineText = this.engineFormula(sheet, row, column, formula);
    if (engineText !== formula) sheet.userFormulas.set(key, formula);
    return engineText;
  }

  /** Throws InvalidArgument unless `input` fits `rect` and holds only cell values. */
  shapeCheck(rect: CellRect, input: unknown): void {
    const at = shapedInput<unknown>(input, rect, "values");
    for (let r = 0; r < rect.rowCount; r++) for (let c = 0; c < rect.columnCount; c++) checkCellInput(at(r, c));
  }

  /** The engine contents for a block of inputs at A1, without writing them (for building a sheet at once). */
  rawBlock(sheet: SheetEntity, block: CellInput[][]): RawCellContent[][] {
    return block.map((row, r) => row.map((v, c) => this.enteredRaw(sheet, r, c, v)));
  }

  /** Writes `values` or `formulas` to a range (both accept constants and formulas, as in Excel). */
  write(sheet: SheetEntity, rect: CellRect, input: unknown, what: string): void {
    const at = shapedInput<unknown>(input, rect, what);
    this.shapes.clear();
    const inputs: (CellInput | undefined)[][] = [];
    for (let r = 0; r < rect.rowCount; r++) {
      const row: (CellInput | undefined)[] = [];
      for (let c = 0; c < rect.columnCount; c++) row.push(checkCellInput(at(r, c)));
      inputs.push(row);
    }
    // Validation first, so a bad element leaves the whole command unapplied.
    const raws = inputs.map((row, r) =>
      row.map((v, c) =>
        v === undefined
          ? this.currentRaw(sheet, rect.row + r, rect.column + c)
          : this.enteredRaw(sheet, rect.row + r, rect.column + c, v),
      ),
    );
    this.engine.setContents(sheet.name, rect.row, rect.column, raws);
    this.formatParsedDates(sheet, rect, inputs);
  }

  /** What the engine should hold for a cell to stay as it is (its formula translated again). */
  currentRaw(sheet: SheetEntity, row: number, column: number): RawCellContent {
    const user = sheet.userFormulas.get(cellKey(row, column));
    return user !== undefined ? this.engineFormula(sheet, row, column, user) : this.engine.raw(sheet.name, row, column);
  }

  /** Excel gives text it reads as a date a date format; so does the simulator, for "General" cells. */
  private formatParsedDates(sheet: SheetEntity, rect: CellRect, inputs: (CellInput | undefined)[][]): void {
    inputs.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v !== "string" || v.startsWith("=") || !/\d[/-]\d/.test(v)) return;
        const key = cellKey(rect.row + r, rect.column + c);
        if (!sheet.numberFormats.has(key) && this.engine.isDate(sheet.name, rect.row + r, rect.column + c)) {
          sheet.numberFormats.set(key, /^\d{4}-/.test(v) ? "yyyy-mm-dd" : "m/d/yyyy");
        }
      }),
    );
  }

  setNumberFormat(sheet: SheetEntity, rect: CellRect, input: unknown): void {
    const at = shapedInput<unknown>(input, rect, "numberFormat");
    for (let r = 0; r < rect.rowCount; r++) {
      for (let c = 0; c < rect.columnCount; c++) {
        const format = at(r, c);
        if (format === null) continue;
        if (typeof format !== "string") throw invalidArgument(`Number format ${String(format)} is not text`);
        const key = cellKey(rect.row + r, rect.column + c);
        if (format === "" || format === "General") sheet.numberFormats.delete(key);
        else sheet.numberFormats.set(key, format);
      }
    }
  }

  numberFormat(sheet: SheetEntity, row: number, column: number): string {
    return sheet.numberFormats.get(cellKey(row, column)) ?? "General";
  }

  value(sheet: SheetEntity, row: number, column: number): CellValue {
    return this.engine.value(sheet.name, row, column);
  }

  /** Formula as the user wrote it, or null for a constant or an empty cell. */
  formula(sheet: SheetEntity, row: number, column: number): string | null {
    const user = sheet.userFormulas.get(cellKey(row, column));
    if (user !== undefined) return user;
    const raw = this.engine.raw(sheet.name, row, column);
    return typeof raw === "string" && raw.startsWith("=") ? raw : null;
  }

  /**
   * Every cell holding a formula, with the formula as the user wrote it; `structuredOnly` lists only those with
   * structured references (kept beside the engine's translation), which is much faster on a large sheet.
   */
  formulaCells(sheet: SheetEntity, structuredOnly = false): { row: number; column: number; formula: string }[] {
    const found = [...sheet.userFormulas].map(([key, formula]) => ({
      row: keyRow(key),
      column: keyColumn(key),
      formula,
    }));
    if (structuredOnly) return found;
    this.engine.formulas(sheet.name).forEach((row, r) =>
      row.forEach((formula, c) => {
        if (formula !== undefined && !sheet.userFormulas.has(cellKey(r, c))) found.push({ row: r, column: c, formula });
      }),
    );
    return found;
  }

  /** A rectangle of cells, mapped per cell (row-major). */
  map<T>(sheet: SheetEntity, rect: CellRect, read: (row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < rect.rowCount; r++) {
      const row: T[] = [];
      for (let c = 0; c < rect.columnCount; c++) row.push(read(rect.row + r, rect.column + c));
      out.push(row);
    }
    return out;
  }

  /** `range.values`: computed values, "" for empty cells. */
  values(sheet: SheetEntity, rect: CellRect): (string | number | boolean)[][] {
    return this.engine.values(sheet.name, rect).map((row) => row.map((v) => v ?? ""));
  }

  /** `range.formulas`: formula text, else the constant, "" for empty cells. */
  formulas(sheet: SheetEntity, rect: CellRect): (string | number | boolean)[][] {
    return this.map(sheet, rect, (r, c) => this.formula(sheet, r, c) ?? this.value(sheet, r, c) ?? "");
  }

  text(sheet: SheetEntity, row: number, column: number): string {
    return formatValue(this.value(sheet, row, column), this.numberFormat(sheet, row, column));
  }

  clear(sheet: SheetEntity, rect: CellRect, applyTo: string): void {
    if (applyTo !== "Formats") this.write(sheet, rect, "", "values");
    if (applyTo !== "Contents") this.setNumberFormat(sheet, rect, "General");
  }

  /** The bounding box of cells holding something (values only, or also number formats), or null. */
  usedRect(sheet: SheetEntity, valuesOnly: boolean): CellRect | null {
    let top = Infinity,
      left = Infinity,
      bottom = -1,
      right = -1;
    const see = (r: number, c: number) => {
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    };
    const { rows, columns } = this.engine.dimensions(sheet.name);
    const values = this.engine.values(sheet.name, { row: 0, column: 0, rowCount: rows, columnCount: columns });
    values.forEach((row, r) => row.forEach((v, c) => v !== null && v !== "" && see(r, c)));
    if (!valuesOnly) for (const key of sheet.numberFormats.keys()) see(keyRow(key), keyColumn(key));
    return bottom < 0 ? null : { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }

  /** Inserts whole rows; side maps shift with the engine's cells. */
  insertRows(sheet: SheetEntity, at: number, count: number): void {
    this.engine.insertRows(sheet.name, at, count);
    this.shiftSideMaps(sheet, at, count);
  }

  /** Removes whole rows; side maps shift with the engine's cells. */
  removeRows(sheet: SheetEntity, at: number, count: number): void {
    this.engine.removeRows(sheet.name, at, count);
    this.shiftSideMaps(sheet, at, -count);
  }

  /** Moves the number formats and user formulas of rows at or below `at` by `delta` rows (dropping removed rows). */
  private shiftSideMaps(sheet: SheetEntity, at: number, delta: number): void {
    for (const map of [sheet.numberFormats, sheet.userFormulas] as Map<number, string>[]) {
      const moved = [...map].filter(([key]) => keyRow(key) >= at);
      for (const [key] of moved) map.delete(key);
      for (const [key, v] of moved) {
        const row = keyRow(key) + delta;
        if (delta > 0 || keyRow(key) >= at - delta) map.set(cellKey(row, keyColumn(key)), v);
      }
    }
  }

  /** Re-translates every structured-reference formula (after a table changed shape or name). */
  retranslate(sheets: readonly SheetEntity[]): void {
    // Translate first (it reads table headers), then write in one batch (during which the engine cannot be read).
    // Only formulas whose translation changed are written again: writing one makes the engine evaluate it anew, and a
    // sheet rename or a table added elsewhere changes none of a summary's thousands of SUMIFS.
    this.shapes.clear();
    const updates = sheets.flatMap((sheet) =>
      [...sheet.userFormulas].flatMap(([key, formula]) => {
        const [row, column] = [keyRow(key), keyColumn(key)];
        const raw = this.engineFormula(sheet, row, column, formula);
        return raw === this.engine.raw(sheet.name, row, column) ? [] : [{ sheet: sheet.name, row, column, raw }];
      }),
    );
    if (updates.length === 0) return;
    this.engine.batch(() => {
      for (const u of updates) this.engine.setContents(u.sheet, u.row, u.column, [[u.raw]]);
    });
  }
}
