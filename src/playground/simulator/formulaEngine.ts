/**
 * The bridge to HyperFormula (GPL-3.0: the playground and tests only, never the add-in bundle). It holds the
 * raw contents HyperFormula computes from; the user's formula text, number formats and tables live in the
 * cell store above it.
 */
import { CellType, DetailedCellError, HyperFormula } from "hyperformula";
import type { RawCellContent } from "hyperformula";
import { BUSY_MESSAGE, createCustomFunctionPlugin, type CustomFunctionImpl } from "./customFunctionPlugin";
import type { CellRect } from "./addresses";
import { toEngineFormula } from "./formulaDialect";
import { rememberDateReadings } from "./dateTexts";
import { withGroupedCriteria } from "./groupedCriteria";
import { linkKnownRangesOnce } from "./knownRanges";

/** A computed cell value as `range.values` shows it: errors as their text ("#DIV/0!"). */
export type CellValue = string | number | boolean | null;

/** HyperFormula error texts that Excel spells differently. */
const EXCEL_ERROR: Record<string, string> = { "#CYCLE!": "#REF!", "#ERROR!": "#NAME?", "#LIC!": "#VALUE!" };

/** The fields of HyperFormula's ArrayFormulaVertex the simulator reads (the class is not exported). */
interface ArrayVertex {
  readonly leftCorner: { readonly row: number; readonly col: number };
  readonly width: number;
  readonly height: number;
}

const cellKey = (sheet: number, row: number, col: number) => `${sheet}:${row}:${col}`;

/** Owns one HyperFormula instance with our custom functions registered into it. */
export class FormulaEngine {
  private hf: HyperFormula;
  private readonly config: Parameters<typeof HyperFormula.buildFromSheets>[1];
  /** Formulas whose custom function spilled more than one cell: re-entered after edits so the size follows the data. */
  private readonly spills = new Map<string, { sheet: number; row: number; col: number }>();

  /** Resolves when no custom function's asynchronous result is pending. */
  readonly asyncSettled: () => Promise<void>;

  /**
   * `onAsyncResult` is told the cell of a formula evaluated again because its custom function's promise settled
   * (the workbook then tells its listeners, as Excel repaints the cell).
   */
  constructor(
    sheetNames: readonly string[],
    functions: ReadonlyMap<string, CustomFunctionImpl>,
    namespace: string,
    onAsyncResult: (sheet: string, row: number, column: number) => void = () => undefined,
  ) {
    const onSpill = (address: { sheet: number; row: number; col: number }, cells: number | null) => {
      if (cells === null || cells > 1) this.spills.set(cellKey(address.sheet, address.row, address.col), address);
      else this.spills.delete(cellKey(address.sheet, address.row, address.col));
    };
    const onSettle = (address: { sheet: number; row: number; col: number }) => {
      const formula = this.hf.getCellFormula(address);
      const sheet = this.hf.getSheetName(address.sheet);
      if (formula === undefined || sheet === undefined) return; // the formula or its sheet is gone meanwhile
      this.hf.setCellContents(address, formula);
      onAsyncResult(sheet, address.row, address.col);
    };
    const { plugin, names, settled } = createCustomFunctionPlugin(functions, namespace, onSpill, onSettle);
    this.asyncSettled = settled;
    // Translations are global in HyperFormula; names map to themselves, so sharing them is harmless.
    HyperFormula.getLanguage("enGB").extendFunctions(Object.fromEntries(names.map((n) => [n, n])));
    this.customPrefix = `${namespace.toUpperCase()}.`;
    this.config = {
      licenseKey: "gpl-v3",
      functionPlugins: [...withGroupedCriteria(HyperFormula.getAllFunctionPlugins()), plugin],
      dateFormats: ["MM/DD/YYYY", "MM/DD/YY", "YYYY-MM-DD"],
      currencySymbol: ["$"],
      useArrayArithmetic: true,
      smartRounding: true,
      // Excel's own row limit: HyperFormula's default (40,000) refused the 100,000-line claims tables of issue 20.
      maxRows: 1_048_576,
    };
    this.hf = this.build(Object.fromEntries(sheetNames.map((n) => [n, []])));
  }

  private build(sheets: Record<string, RawCellContent[][]>): HyperFormula {
    const hf = HyperFormula.buildFromSheets(sheets, this.config);
    linkKnownRangesOnce(hf);
    rememberDateReadings(hf);
    return hf;
  }

  /** Starts over from whole sheets of raw contents (much faster than writing them cell blocks at a time). */
  rebuild(sheets: Record<string, RawCellContent[][]>): void {
    this.hf.destroy();
    this.spills.clear();
    this.hf = this.build(sheets);
  }

  private readonly customPrefix: string;

  /** True for a formula that calls one of our custom functions (its spill size is computed from its inputs). */
  callsCustomFunction(raw: RawCellContent): boolean {
    return typeof raw === "string" && raw.startsWith("=") && raw.toUpperCase().includes(this.customPrefix);
  }

  sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`No engine sheet ${name}`);
    return id;
  }

  addSheet(name: string): void {
    this.hf.addSheet(name);
  }

  removeSheet(name: string): void {
    this.hf.removeSheet(this.sheetId(name));
  }

  renameSheet(from: string, to: string): void {
    this.hf.renameSheet(this.sheetId(from), to);
  }

  /** Writes a block of raw contents with its top-left at (row, col). */
  setContents(sheet: string, row: number, col: number, contents: RawCellContent[][]): void {
    this.hf.setCellContents({ sheet: this.sheetId(sheet), row, col }, contents);
  }

  /** Re-enters custom-function formulas that spill, so HyperFormula sizes them again from current data. */
  refreshSpills(): void {
    const addresses = [...this.spills.values()];
    if (addresses.length === 0) return;
    this.hf.batch(() => {
      for (const address of addresses) {
        const formula = this.hf.getCellFormula(address);
        if (formula !== undefined) this.hf.setCellContents(address, formula);
        else this.spills.delete(cellKey(address.sheet, address.row, address.col));
      }
    });
  }

  /** The message behind an error value (e.g. a CustomFunctions.Error message), if any. */
  errorMessage(sheet: string, row: number, col: number): string | undefined {
    const value = this.hf.getCellValue({ sheet: this.sheetId(sheet), row, col });
    return value instanceof DetailedCellError && value.message !== "" ? value.message : undefined;
  }

  value(sheet: string, row: number, col: number): CellValue {
    return toCellValue(this.hf.getCellValue({ sheet: this.sheetId(sheet), row, col }));
  }

  values(sheet: string, rect: CellRect): CellValue[][] {
    const id = this.sheetId(sheet);
    const out: CellValue[][] = [];
    for (let r = 0; r < rect.rowCount; r++) {
      const row: CellValue[] = [];
      for (let c = 0; c < rect.columnCount; c++)
        row.push(toCellValue(this.hf.getCellValue({ sheet: id, row: rect.row + r, col: rect.column + c })));
      out.push(row);
    }
    return out;
  }

  /** A formula's value on a sheet without entering it anywhere (the top-left value where it gives an array). */
  calculate(sheet: string, formula: string): CellValue {
    const result = this.hf.calculateFormula(toEngineFormula(formula), this.sheetId(sheet));
    return toCellValue(Array.isArray(result) ? result[0]?.[0] : result);
  }

  /** What HyperFormula holds for a cell: the formula text, or the constant. */
  raw(sheet: string, row: number, col: number): RawCellContent {
    return this.hf.getCellSerialized({ sheet: this.sheetId(sheet), row, col });
  }

  /** True when the cell's value is a date HyperFormula parsed from text (Excel then shows it as a date). */
  isDate(sheet: string, row: number, col: number): boolean {
    return this.hf.getCellValueDetailedType({ sheet: this.sheetId(sheet), row, col }).startsWith("NUMBER_DATE");
  }

  /** Rows and columns from A1 to the last cell holding anything. */
  dimensions(sheet: string): { rows: number; columns: number } {
    const { height, width } = this.hf.getSheetDimensions(this.sheetId(sheet));
    return { rows: height, columns: width };
  }

  /** The formula of each cell of a sheet (undefined where there is none), row-major from A1. */
  formulas(sheet: string): (string | undefined)[][] {
    return this.hf.getSheetFormulas(this.sheetId(sheet));
  }

  /** Every raw content of a sheet, row-major from A1 (for used-range scans). */
  sheetContents(sheet: string): RawCellContent[][] {
    return this.hf.getSheetSerialized(this.sheetId(sheet));
  }

  insertRows(sheet: string, at: number, count: number): void {
    this.hf.addRows(this.sheetId(sheet), [at, count]);
  }

  /** Removes whole rows; references to them become #REF! and ranges across them shrink, as in Excel. */
  removeRows(sheet: string, at: number, count: number): void {
    this.hf.removeRows(this.sheetId(sheet), [at, count]);
  }

  /**
   * The dynamic array a cell belongs to: its anchor (the formula's cell) and size. HyperFormula's public API says
   * whether a cell is part of an array but not which one, so the array's vertex is read from its dependency graph.
   */
  spillOf(sheet: string, row: number, col: number): { row: number; column: number; rect: CellRect } | null {
    const address = { sheet: this.sheetId(sheet), row, col };
    const type = this.hf.getCellType(address);
    if (type !== CellType.ARRAY && type !== CellType.ARRAYFORMULA) return null;
    const vertex = this.hf.dependencyGraph.getCell(address) as unknown as ArrayVertex | undefined;
    if (vertex?.leftCorner === undefined) return null;
    const { leftCorner, width, height } = vertex;
    return {
      row: leftCorner.row,
      column: leftCorner.col,
      rect: { row: leftCorner.row, column: leftCorner.col, rowCount: height, columnCount: width },
    };
  }

  setName(name: string, expression: string): void {
    if (this.hf.listNamedExpressions().some((n) => n.toUpperCase() === name.toUpperCase()))
      this.hf.changeNamedExpression(name, expression);
    else this.hf.addNamedExpression(name, expression);
  }

  removeName(name: string): void {
    this.hf.removeNamedExpression(name);
  }

  /**
   * Excel's full calculation, as far as it can differ here: HyperFormula keeps native formulas current by itself,
   * but our custom functions read state it cannot see (the registry cache), so every formula that calls one is
   * entered again. (rebuildAndRecalculate would serialise spilled results as constants and break every spill.)
   */
  recalculate(): void {
    this.hf.batch(() => {
      for (const name of this.hf.getSheetNames()) {
        const sheet = this.sheetId(name);
        this.hf.getSheetFormulas(sheet).forEach((row, rowIndex) =>
          row.forEach((formula, col) => {
            if (formula !== undefined && this.callsCustomFunction(formula))
              this.hf.setCellContents({ sheet, row: rowIndex, col }, formula);
          }),
        );
      }
    });
  }

  batch(work: () => void): void {
    this.hf.batch(work);
  }
}

function toCellValue(value: unknown): CellValue {
  if (value instanceof DetailedCellError && value.message === BUSY_MESSAGE) return "#BUSY!";
  if (value instanceof DetailedCellError) return EXCEL_ERROR[value.value] ?? value.value;
  if (value === undefined) return null;
  return value as CellValue;
}
