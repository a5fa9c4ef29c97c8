/**
 * Excel.Worksheet and Excel.WorksheetCollection.
 */
import { formatAddress, parseAddress, MAX_COLUMNS, MAX_ROWS } from "./addresses";
import { ClientObjectBase, CollectionBase } from "./clientObject";
import type { RecordedChart, SheetEntity } from "./entities";
import { invalidArgument } from "./errors";
import { ChangedEventSource } from "./events";
import { RangeProxy } from "./range";
import { createRecorder } from "./recorder";
import type { SimRequestContext } from "./requestContext";
import { TableCollectionProxy } from "./table";

const SHEET_PROPERTIES = ["name", "id", "position", "visibility"] as const;

export class WorksheetProxy extends ClientObjectBase<SheetEntity> {
  protected readonly typeName = "Worksheet";
  protected readonly scalarProperties = SHEET_PROPERTIES;

  constructor(
    context: SimRequestContext,
    resolver: () => SheetEntity | null,
    options: { nullable?: boolean; describe?: string } = {},
  ) {
    super(context, resolver, options);
  }

  protected override isGone(entity: SheetEntity): boolean {
    return entity.deleted;
  }

  protected property(sheet: SheetEntity, name: string): unknown {
    switch (name as (typeof SHEET_PROPERTIES)[number]) {
      case "name":
        return sheet.name;
      case "id":
        return sheet.id;
      case "position":
        return this.context.model.sheets.indexOf(sheet);
      case "visibility":
        return sheet.visibility;
    }
  }

  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.queue(
      "name",
      () => ({ name }),
      (sheet) => this.context.model.renameSheet(sheet, name),
    );
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }
  set position(position: number) {
    this.queue(
      "position",
      () => ({ position }),
      (sheet) => this.context.model.moveSheet(sheet, position),
    );
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(visibility: string) {
    this.queue(
      "visibility",
      () => ({ visibility }),
      (sheet) => this.context.model.setVisibility(sheet, visibility),
    );
  }

  /** A range by A1 address on this sheet; without an address, the whole sheet. */
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.entity();
      if (address === undefined)
        return { sheet, rect: { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS } };
      const parsed = parseAddress(address);
      if (parsed === null) throw invalidArgument(`"${address}" is not an A1 address`);
      if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
        throw invalidArgument(`"${address}" is on another sheet than ${sheet.name}`);
      }
      return { sheet, rect: parsed.rect };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1) throw invalidArgument("range indexes");
      return { sheet: this.entity(), rect: { row: startRow, column: startColumn, rowCount, columnCount } };
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** The used range; A1 when the sheet is empty, as Excel. */
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.entity();
      return {
        sheet,
        rect: this.context.model.cells.usedRect(sheet, valuesOnly) ?? {
          row: 0,
          column: 0,
          rowCount: 1,
          columnCount: 1,
        },
      };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const sheet = this.entity();
        const rect = this.context.model.cells.usedRect(sheet, valuesOnly);
        return rect === null ? null : { sheet, rect };
      },
      true,
    ).trackNull();
  }

  activate(): void {
    this.queue(
      "activate",
      () => null,
      (sheet) => this.context.model.activate(sheet),
    );
  }

  delete(): void {
    this.queue(
      "delete",
      () => null,
      (sheet) => this.context.model.deleteSheet(sheet),
    );
  }

  calculate(_markAllDirty?: boolean): void {
    this.queue(
      "calculate",
      () => null,
      () => this.context.model.cells.engine.recalculate(),
    );
  }

  get tables(): TableCollectionProxy {
    return this.cached("tables", () => new TableCollectionProxy(this.context, () => this.entity()));
  }

  get charts(): ChartCollection {
    return this.cached("charts", () => new ChartCollection(this));
  }

  get onChanged(): ChangedEventSource {
    return this.cached(
      "onChanged",
      () => new ChangedEventSource(this.context, this.context.model, () => this.entity().id, "Worksheet.onChanged"),
    );
  }

  /** Freeze panes, tab colour and protection are recorded with the sheet's range formats. */
  get freezePanes(): unknown {
    return this.cached("freezePanes", () => this.recorded("freezePanes"));
  }

  get protection(): unknown {
    return this.cached("protection", () => this.recorded("protection"));
  }

  private recorded(address: string): unknown {
    const record = { address, properties: {}, calls: [] };
    return createRecorder(this.context, `Worksheet.${address}`, record, {
      attach: () => void this.entity().rangeFormats.push(record),
    });
  }
}

/** Excel.ChartCollection: `add` records a chart for the host API. */
export class ChartCollection {
  constructor(private readonly sheet: WorksheetProxy) {}

  add(type: string, sourceData: RangeProxy, seriesBy = "Auto"): unknown {
    const record: RecordedChart = { type, sourceAddress: "", seriesBy, properties: {}, calls: [] };
    let list: RecordedChart[] = [];
    return createRecorder(this.sheet.context, "Chart", record, {
      attach: () => {
        const source = sourceData.entity();
        // Bound to the range, as Excel's charts are: the address follows a rename of the source sheet.
        Object.defineProperty(record, "sourceAddress", {
          get: () => formatAddress(source.sheet.name, source.rect),
          enumerable: true,
        });
        list = this.sheet.entity().charts;
        list.push(record);
      },
      onDelete: () => list.splice(list.indexOf(record), 1),
    });
  }
}

export class WorksheetCollectionProxy extends CollectionBase<SheetEntity, WorksheetProxy> {
  protected readonly typeName = "WorksheetCollection";

  constructor(context: SimRequestContext) {
    super(context, () => context.model.sheets);
  }

  protected itemProxy(sheet: SheetEntity): WorksheetProxy {
    return new WorksheetProxy(this.context, () => sheet);
  }

  add(name?: string): WorksheetProxy {
    let created: SheetEntity | null = null;
    this.queue(
      "add",
      () => ({ add: name ?? null }),
      () => {
        created = this.context.model.addSheet(name);
      },
    );
    return new WorksheetProxy(this.context, () => created);
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.model.sheet(key) ?? null, {
      describe: `worksheet "${key}"`,
    });
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    const proxy = new WorksheetProxy(this.context, () => this.context.model.sheet(key) ?? null, { nullable: true });
    return proxy.trackNull();
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.model.activeSheet);
  }

  getFirst(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.model.sheets[0] ?? null);
  }
}
