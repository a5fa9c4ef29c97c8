/**
 * Excel.Range: a rectangle on a sheet, with values/formulas/numberFormat (set with Excel's shape rules),
 * text, address, size, derived ranges (getCell, getResizedRange, getOffsetRange, getUsedRange...), clear,
 * recorded formats and conditional formats.
 */
import { formatAddress, formatRect, intersect, MAX_COLUMNS, MAX_ROWS, parseAddress, type CellRect } from "./addresses";
import { ClientObjectBase, ClientResult } from "./clientObject";
import type { RangeEntity, RecordedConditionalFormat, RecordedRangeFormat, SheetEntity } from "./entities";
import { invalidArgument, itemNotFound } from "./errors";
import { copyRange } from "./copyRange";
import { createRecorder } from "./recorder";
import type { SimRequestContext } from "./requestContext";
import type { WorkbookModel } from "./workbookModel";
import { WorksheetProxy } from "./worksheet";

type Values = (string | number | boolean)[][];

/** A dynamic array: its anchor cell and the rectangle it fills. */
type Spill = { readonly row: number; readonly column: number; readonly rect: CellRect };

const RANGE_PROPERTIES = [
  "address",
  "addressLocal",
  "values",
  "formulas",
  "formulasLocal",
  "numberFormat",
  "text",
  "rowCount",
  "columnCount",
  "rowIndex",
  "columnIndex",
  "cellCount",
  "valueTypes",
] as const;

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
  protected readonly scalarProperties = RANGE_PROPERTIES;

  constructor(context: SimRequestContext, resolver: () => RangeEntity | null, nullable = false) {
    super(context, resolver, { nullable, describe: "range" });
  }

  protected override isGone(entity: RangeEntity): boolean {
    return entity.sheet.deleted;
  }

  protected property({ sheet, rect }: RangeEntity, name: string): unknown {
    const cells = this.context.model.cells;
    switch (name as (typeof RANGE_PROPERTIES)[number]) {
      case "address":
      case "addressLocal":
        return formatAddress(sheet.name, rect);
      case "values":
        return cells.values(sheet, rect);
      case "formulas":
      case "formulasLocal":
        return cells.formulas(sheet, rect);
      case "numberFormat":
        return cells.map(sheet, rect, (r, c) => cells.numberFormat(sheet, r, c));
      case "text":
        return cells.map(sheet, rect, (r, c) => cells.text(sheet, r, c));
      case "valueTypes":
        return cells.values(sheet, rect).map((row) => row.map(valueType));
      case "rowCount":
        return rect.rowCount;
      case "columnCount":
        return rect.columnCount;
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.column;
      case "cellCount":
        return rect.rowCount * rect.columnCount;
    }
  }

  protected override navigation(name: string): ClientObjectBase<unknown> | undefined {
    return name === "worksheet" ? (this.worksheet as ClientObjectBase<unknown>) : undefined;
  }

  get address(): string {
    return this.read("address");
  }
  get addressLocal(): string {
    return this.read("addressLocal");
  }
  get values(): Values {
    return this.read("values");
  }
  set values(values: unknown) {
    this.write("values", values);
  }
  get formulas(): Values {
    return this.read("formulas");
  }
  set formulas(formulas: unknown) {
    this.write("formulas", formulas);
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(formats: unknown) {
    this.queue(
      "numberFormat",
      () => ({ numberFormat: formats }),
      ({ sheet, rect }) => {
        this.context.model.cells.setNumberFormat(sheet, rect, formats);
        this.context.model.change({ kind: "cells", sheet: sheet.name, address: formatRect(rect) });
      },
    );
  }
  get text(): string[][] {
    return this.read("text");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }

  private write(what: "values" | "formulas", input: unknown): void {
    this.queue(
      what,
      () => ({ [what]: input }),
      ({ sheet, rect }) => {
        this.context.model.write(sheet, rect, input, what);
      },
    );
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
    return this.spill("spilling range", (spill, cell) =>
      spill.row === cell.row && spill.column === cell.column ? spill.rect : null,
    );
  }

  /** The spill of an anchor cell, or a null object (also for a range of more than one cell). */
  getSpillingToRangeOrNullObject(): RangeProxy {
    return this.spill(null, (spill, cell) =>
      spill.row === cell.row && spill.column === cell.column ? spill.rect : null,
    );
  }

  /** The anchor of the spill a cell is part of (the anchor itself included; ExcelApi 1.12); else ItemNotFound. */
  getSpillParent(): RangeProxy {
    return this.spill("spill parent", (spill) => ({
      row: spill.row,
      column: spill.column,
      rowCount: 1,
      columnCount: 1,
    }));
  }

  /** The anchor of the spill a cell is part of, or a null object. */
  getSpillParentOrNullObject(): RangeProxy {
    return this.spill(null, (spill) => ({ row: spill.row, column: spill.column, rowCount: 1, columnCount: 1 }));
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
        if (applyTo !== "Contents") this.context.model.cells.setNumberFormat(sheet, rect, "General");
      },
    );
  }

  select(): void {
    this.queue(
      "select",
      () => null,
      () => undefined,
    );
  }

  calculate(): void {
    this.queue(
      "calculate",
      () => null,
      () => this.context.model.cells.engine.recalculate(),
    );
  }

  /** Range formatting (fonts, fills, widths, autofit), recorded per range. */
  get format(): unknown {
    return this.cached("format", () => this.recordFormat());
  }

  private recordFormat(): unknown {
    const record: RecordedRangeFormat = { address: "", properties: {}, calls: [] };
    return createRecorder(this.context, "RangeFormat", record, {
      attach: () => {
        const { sheet, rect } = this.entity();
        (record as { address: string }).address = formatRect(rect);
        sheet.rangeFormats.push(record);
      },
    });
  }

  get conditionalFormats(): ConditionalFormatCollection {
    return this.cached("conditionalFormats", () => new ConditionalFormatCollection(this));
  }
}

/** Excel.ConditionalFormatCollection, recording each added format for the host API. */
export class ConditionalFormatCollection {
  constructor(private readonly range: RangeProxy) {}

  add(type: string): unknown {
    const record: RecordedConditionalFormat = { type, address: "", properties: {}, calls: [] };
    let sheetList: RecordedConditionalFormat[] = [];
    return createRecorder(this.range.context, "ConditionalFormat", record, {
      attach: () => {
        const { sheet, rect } = this.range.entity();
        (record as { address: string }).address = formatRect(rect);
        sheetList = sheet.conditionalFormats;
        sheetList.push(record);
      },
      onDelete: () => sheetList.splice(sheetList.indexOf(record), 1),
    });
  }

  clearAll(): void {
    this.range.context.enqueue({
      location: "ConditionalFormatCollection.clearAll",
      payload: () => null,
      apply: () => {
        const { sheet, rect } = this.range.entity();
        const kept = sheet.conditionalFormats.filter((cf) => intersect(parseAddress(cf.address)!.rect, rect) === null);
        sheet.conditionalFormats.splice(0, sheet.conditionalFormats.length, ...kept);
      },
    });
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.range.context.enqueue({
      location: "ConditionalFormatCollection.getCount",
      payload: () => null,
      apply: () => {
        const { sheet, rect } = this.range.entity();
        const n = sheet.conditionalFormats.filter(
          (cf) => intersect(parseAddress(cf.address)!.rect, rect) !== null,
        ).length;
        return () => result.settle(n);
      },
    });
    return result;
  }
}
