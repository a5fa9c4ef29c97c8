/**
 * Excel.Range: a rectangle on a sheet, with values/formulas/numberFormat (set with Excel's shape rules),
 * text, address, size, derived ranges (getCell, getResizedRange, getOffsetRange, getUsedRange...), clear,
 * recorded formats and conditional formats.
 */
import { formatAddress, formatRect, intersect, MAX_COLUMNS, MAX_ROWS, parseAddress, type CellRect } from "./addresses";
import { ClientObjectBase } from "./clientObject";
import type { RangeEntity, RecordedDataValidation, RecordedRangeFormat, SheetEntity } from "./entities";
import { invalidArgument, itemNotFound } from "./errors";
import { clearRecords, copyRange } from "./copyRange";
import { ConditionalFormatCollection } from "./recordedCollections";
import { createRecorder } from "./recorder";
import type { SimRequestContext } from "./requestContext";
import type { WorkbookModel } from "./workbookModel";
import { WorksheetProxy } from "./worksheet";

/** A dynamic array: its anchor cell and the rectangle it fills. */
type Spill = { readonly row: number; readonly column: number; readonly rect: CellRect };

/** The spill an anchor cell fills; null for a cell of the spill that is not its anchor. */
const spillingTo = (spill: Spill, cell: CellRect): CellRect | null =>
  spill.row === cell.row && spill.column === cell.column ? spill.rect : null;

/** The anchor cell of a spill. */
const spillParent = (spill: Spill): CellRect => ({ row: spill.row, column: spill.column, rowCount: 1, columnCount: 1 });

function valueType(value: unknown): string {
  if (value === "") return "Empty";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return typeof value === "string" && /^#[A-Z/0!?]+[!?A]?$/.test(value) ? "Error" : "String";
}

function checkRect(rect: CellRect): CellRect {
  const inside = rect.row >= 0 && rect.column >= 0 && rect.rowCount > 0 && rect.columnCount > 0;
  if (!inside || rect.row + rect.rowCount > MAX_ROWS || rect.column + rect.columnCount > MAX_COLUMNS) {
    throw invalidArgument("The range would lie outside the worksheet");
  }
  return rect;
}

/**
 * A range passed to a method as a Range or an address: "Sheet1!A1:B2", or "A1:B2" on `defaultSheet` (the sheet of
 * the object the method is called on). Resolved at sync; InvalidArgument for text that is not an address.
 */
export function rangeArgument(
  model: WorkbookModel,
  range: RangeProxy | string,
  defaultSheet: SheetEntity,
): RangeEntity {
  if (typeof range !== "string") return range.entity();
  const parsed = parseAddress(range);
  if (parsed === null) throw invalidArgument(`"${range}" is not an A1 address`);
  return { sheet: parsed.sheet === null ? defaultSheet : model.requireSheet(parsed.sheet), rect: parsed.rect };
}

export class RangeProxy extends ClientObjectBase<RangeEntity> {
  protected readonly typeName = "Range";

  constructor(context: SimRequestContext, resolver: () => RangeEntity | null, nullable = false) {
    super(context, resolver, { nullable, describe: "range" });
  }

  protected override isGone(entity: RangeEntity): boolean {
    return entity.sheet.deleted;
  }

  protected override navigation(name: string): ClientObjectBase<unknown> | undefined {
    return name === "worksheet" ? (this.worksheet as ClientObjectBase<unknown>) : undefined;
  }

  /** A range derived from this one when first used. */
  private derived(derive: (entity: RangeEntity) => CellRect | null, nullable = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const entity = this.entity();
        const rect = derive(entity);
        return rect === null ? null : { sheet: entity.sheet, rect: checkRect(rect) };
      },
      nullable,
    );
  }

  get worksheet(): WorksheetProxy {
    return this.cached("worksheet", () => new WorksheetProxy(this.context, () => this.entity().sheet));
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derived(({ rect }) => ({
      row: rect.row + row,
      column: rect.column + column,
      rowCount: 1,
      columnCount: 1,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived(({ rect }) => ({
      ...rect,
      rowCount: rect.rowCount + deltaRows,
      columnCount: rect.columnCount + deltaColumns,
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived(({ rect }) => ({ ...rect, row: rect.row + rowOffset, column: rect.column + columnOffset }));
  }

  getRow(row: number): RangeProxy {
    return this.derived(({ rect }) => ({ ...rect, row: rect.row + row, rowCount: 1 }));
  }

  getColumn(column: number): RangeProxy {
    return this.derived(({ rect }) => ({ ...rect, column: rect.column + column, columnCount: 1 }));
  }

  getLastRow(): RangeProxy {
    return this.derived(({ rect }) => ({ ...rect, row: rect.row + rect.rowCount - 1, rowCount: 1 }));
  }

  getEntireColumn(): RangeProxy {
    return this.derived(({ rect }) => ({ ...rect, row: 0, rowCount: MAX_ROWS }));
  }

  getEntireRow(): RangeProxy {
    return this.derived(({ rect }) => ({ ...rect, column: 0, columnCount: MAX_COLUMNS }));
  }

  /** Offset-free "B2:C3" relative to the sheet, or another range. */
  getIntersection(other: RangeProxy | string): RangeProxy {
    return this.derived(({ rect }) => {
      const otherRect = typeof other === "string" ? parseAddress(other)?.rect : other.entity().rect;
      const overlap = otherRect === undefined ? null : intersect(rect, otherRect);
      if (overlap === null) throw itemNotFound("intersection");
      return overlap;
    });
  }

  private used(valuesOnly: boolean): (entity: RangeEntity) => CellRect | null {
    return ({ sheet, rect }) => {
      const used = this.context.model.cells.usedRect(sheet, valuesOnly);
      return used === null ? null : intersect(used, rect);
    };
  }

  /** Throws ItemNotFound at sync when no cell of the range is used, as Excel. */
  getUsedRange(valuesOnly = false): RangeProxy {
    const used = this.used(valuesOnly);
    return this.derived((entity) => {
      const rect = used(entity);
      if (rect === null) throw itemNotFound("used range (the range is empty)");
      return rect;
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.derived(this.used(valuesOnly), true).trackNull();
  }

  /**
   * Pastes a range (or "Sheet!A1:B2"; a bare address is on this range's sheet) onto this one (ExcelApi 1.9; see
   * copyRange.ts for what is pasted).
   */
  copyFrom(source: RangeProxy | string, copyType = "All", skipBlanks = false, transpose = false): void {
    this.queue(
      "copyFrom",
      () => ({ copyFrom: typeof source === "string" ? source : "range", copyType, skipBlanks, transpose }),
      (destination) => {
        const from = rangeArgument(this.context.model, source, destination.sheet);
        copyRange(this.context.model, destination, from, copyType, skipBlanks, transpose);
      },
    );
  }

  /** The spill an anchor cell's formula fills (ExcelApi 1.12); ItemNotFound for any other range. */
  getSpillingToRange(): RangeProxy {
    return this.spill("spilling range", spillingTo);
  }

  /** The spill of an anchor cell, or a null object (also for a range of more than one cell). */
  getSpillingToRangeOrNullObject(): RangeProxy {
    return this.spill(null, spillingTo);
  }

  /** The anchor of the spill a cell is part of (the anchor itself included; ExcelApi 1.12); else ItemNotFound. */
  getSpillParent(): RangeProxy {
    return this.spill("spill parent", spillParent);
  }

  /** The anchor of the spill a cell is part of, or a null object. */
  getSpillParentOrNullObject(): RangeProxy {
    return this.spill(null, spillParent);
  }

  /**
   * A range found from the spill this one-cell range is part of (a spill fills more than one cell: a formula whose
   * result is one value, or whose spill is blocked, spills nowhere). `missing` names what ItemNotFound reports;
   * null makes the result an *OrNullObject one.
   */
  private spill(missing: string | null, pick: (spill: Spill, cell: CellRect) => CellRect | null): RangeProxy {
    const proxy = this.derived(({ sheet, rect }) => {
      if (rect.rowCount !== 1 || rect.columnCount !== 1) {
        if (missing === null) return null;
        throw invalidArgument(`The ${missing} is found from one cell only (${formatRect(rect)})`);
      }
      const spill = this.context.model.cells.engine.spillOf(sheet.name, rect.row, rect.column);
      const found = spill === null || spill.rect.rowCount * spill.rect.columnCount < 2 ? null : pick(spill, rect);
      if (found === null && missing !== null) throw itemNotFound(`${missing} (${formatRect(rect)} is not in a spill)`);
      return found;
    }, missing === null);
    return missing === null ? proxy.trackNull() : proxy;
  }

  clear(applyTo: string = "All"): void {
    this.queue(
      "clear",
      () => ({ clear: applyTo }),
      ({ sheet, rect }) => {
        if (applyTo !== "Formats") this.context.model.write(sheet, rect, "", "values");
        if (applyTo === "Contents") return;
        this.context.model.cells.setNumberFormat(sheet, rect, "General");
        clearRecords(sheet, rect);
      },
    );
  }

  select(): void {
    this.command("select", () => undefined);
  }

  calculate(): void {
    this.command("calculate", () => this.context.model.cells.engine.recalculate());
  }

  /** Range formatting (fonts, fills, widths, autofit), recorded per range. */
  get format(): unknown {
    return this.cached("format", () => this.recordOnSheet("RangeFormat", (sheet) => sheet.rangeFormats));
  }

  get conditionalFormats(): ConditionalFormatCollection {
    return this.cached("conditionalFormats", () => new ConditionalFormatCollection(this));
  }

  /** The range's data validation (`rule = { list: { inCellDropDown, source } }`), recorded as it is set. */
  get dataValidation(): unknown {
    return this.cached("dataValidation", () => this.recordOnSheet("DataValidation", (sheet) => sheet.dataValidations));
  }

  /** A recorder of this range's sets and calls, kept in the sheet's `list` (at sync, where the range then is). */
  private recordOnSheet(
    typeName: string,
    list: (sheet: SheetEntity) => (RecordedRangeFormat | RecordedDataValidation)[],
  ): unknown {
    const record: RecordedRangeFormat & RecordedDataValidation = { address: "", properties: {}, calls: [] };
    return createRecorder(this.context, typeName, record, {
      attach: () => {
        const { sheet, rect } = this.entity();
        (record as { address: string }).address = formatRect(rect);
        list(sheet).push(record);
      },
    });
  }
}

/** Writes values or formulas (both take constants and formulas, as in Excel) with Excel's shape rules. */
const contents = (what: "values" | "formulas") => (range: RangeEntity, input: unknown, model: WorkbookModel) =>
  model.write(range.sheet, range.rect, input, what);

ClientObjectBase.defineProperties<RangeEntity>(RangeProxy, {
  address: { get: ({ sheet, rect }) => formatAddress(sheet.name, rect) },
  addressLocal: { get: ({ sheet, rect }) => formatAddress(sheet.name, rect) },
  values: { get: ({ sheet, rect }, { cells }) => cells.values(sheet, rect), set: contents("values") },
  formulas: { get: ({ sheet, rect }, { cells }) => cells.formulas(sheet, rect), set: contents("formulas") },
  formulasLocal: { get: ({ sheet, rect }, { cells }) => cells.formulas(sheet, rect) },
  numberFormat: {
    get: ({ sheet, rect }, { cells }) => cells.map(sheet, rect, (r, c) => cells.numberFormat(sheet, r, c)),
    set: ({ sheet, rect }, formats, model) => {
      model.cells.setNumberFormat(sheet, rect, formats);
      model.change({ kind: "cells", sheet: sheet.name, address: formatRect(rect) });
    },
  },
  text: { get: ({ sheet, rect }, { cells }) => cells.map(sheet, rect, (r, c) => cells.text(sheet, r, c)) },
  valueTypes: { get: ({ sheet, rect }, { cells }) => cells.values(sheet, rect).map((row) => row.map(valueType)) },
  rowCount: { get: ({ rect }) => rect.rowCount },
  columnCount: { get: ({ rect }) => rect.columnCount },
  rowIndex: { get: ({ rect }) => rect.row },
  columnIndex: { get: ({ rect }) => rect.column },
  cellCount: { get: ({ rect }) => rect.rowCount * rect.columnCount },
});
