/**
 * Excel.Worksheet and Excel.WorksheetCollection.
 */
import { parseAddress, MAX_COLUMNS, MAX_ROWS } from "./addresses";
import { ClientObjectBase, CollectionBase, type ProxyOptions } from "./clientObject";
import type { SheetEntity } from "./entities";
import { invalidArgument } from "./errors";
import { ChangedEventSource } from "./events";
import { RangeProxy } from "./range";
import { ChartCollection } from "./recordedCollections";
import { createRecorder } from "./recorder";
import type { SimRequestContext } from "./requestContext";
import { TableCollectionProxy } from "./table";

export class WorksheetProxy extends ClientObjectBase<SheetEntity> {
  protected readonly typeName = "Worksheet";

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
    this.command("activate", (sheet) => this.context.model.activate(sheet));
  }

  delete(): void {
    this.command("delete", (sheet) => this.context.model.deleteSheet(sheet));
  }

  calculate(_markAllDirty?: boolean): void {
    this.command("calculate", () => this.context.model.cells.engine.recalculate());
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

ClientObjectBase.defineProperties<SheetEntity>(WorksheetProxy, {
  name: { get: (sheet) => sheet.name, set: (sheet, name, model) => model.renameSheet(sheet, name as string) },
  id: { get: (sheet) => sheet.id },
  position: {
    get: (sheet, model) => model.sheets.indexOf(sheet),
    set: (sheet, position, model) => model.moveSheet(sheet, position as number),
  },
  visibility: {
    get: (sheet) => sheet.visibility,
    set: (sheet, visibility, model) => model.setVisibility(sheet, visibility as string),
  },
});

export class WorksheetCollectionProxy extends CollectionBase<SheetEntity, WorksheetProxy> {
  protected readonly typeName = "WorksheetCollection";

  constructor(context: SimRequestContext) {
    super(context, () => context.model.sheets);
  }

  protected proxy(find: () => SheetEntity | null, options?: ProxyOptions): WorksheetProxy {
    return new WorksheetProxy(this.context, find, options);
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
    return this.proxy(() => created);
  }

  getItem(key: string): WorksheetProxy {
    return this.item(() => this.context.model.sheet(key) ?? null, `worksheet "${key}"`);
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return this.itemOrNull(() => this.context.model.sheet(key) ?? null);
  }

  getActiveWorksheet(): WorksheetProxy {
    return this.proxy(() => this.context.model.activeSheet);
  }

  getFirst(): WorksheetProxy {
    return this.proxy(() => this.context.model.sheets[0] ?? null);
  }
}
