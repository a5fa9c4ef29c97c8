/**
 * Excel.Table with its rows and columns collections, and Excel.TableCollection (workbook- or sheet-scoped).
 */
import type { CellRect } from "./addresses";
import { convertTableReferences } from "./brokenReferences";
import { ClientObjectBase, CollectionBase, type ProxyOptions } from "./clientObject";
import type { SheetEntity, TableEntity } from "./entities";
import { invalidArgument, itemNotFound } from "./errors";
import { ChangedEventSource } from "./events";
import { rangeArgument, RangeProxy } from "./range";
import type { SimRequestContext } from "./requestContext";
import { addTable, renameTable, resizeTable, tableParts } from "./tableOps";
import { TableColumnCollectionProxy, TableRowCollectionProxy } from "./tableSlots";
import { tableCollectionEventTarget } from "./workbookModel";
import { WorksheetProxy } from "./worksheet";

export class TableProxy extends ClientObjectBase<TableEntity> {
  protected readonly typeName = "Table";

  protected override navigation(name: string): ClientObjectBase<unknown> | undefined {
    if (name === "worksheet") return this.worksheet as ClientObjectBase<unknown>;
    if (name === "rows") return this.rows as ClientObjectBase<unknown>;
    if (name === "columns") return this.columns as ClientObjectBase<unknown>;
    return undefined;
  }

  private part(pick: (table: TableEntity) => CellRect): RangeProxy {
    return new RangeProxy(this.context, () => {
      const table = this.entity();
      return { sheet: table.sheet, rect: pick(table) };
    });
  }

  getRange(): RangeProxy {
    return this.part((t) => t.rect);
  }
  getDataBodyRange(): RangeProxy {
    return this.part((t) => tableParts(t).body);
  }
  getHeaderRowRange(): RangeProxy {
    return this.part((t) => tableParts(t).header);
  }
  getTotalRowRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      throw itemNotFound("total row (the table shows none)");
    });
  }

  get worksheet(): WorksheetProxy {
    return this.cached("worksheet", () => new WorksheetProxy(this.context, () => this.entity().sheet));
  }
  get rows(): TableRowCollectionProxy {
    return this.cached("rows", () => new TableRowCollectionProxy(this.context, this));
  }
  get columns(): TableColumnCollectionProxy {
    return this.cached("columns", () => new TableColumnCollectionProxy(this.context, this));
  }
  get onChanged(): ChangedEventSource {
    return this.cached(
      "onChanged",
      () => new ChangedEventSource(this.context, this.context.model, () => this.entity().id, "Table.onChanged"),
    );
  }

  delete(): void {
    this.command("delete", (table) => {
      const { sheet, rect } = table;
      this.context.model.deleteTable(table);
      this.context.model.write(sheet, rect, "", "values");
    });
  }

  /** Gives the table a new range with its header in the same row (ExcelApi 1.13; see `resizeTable`). */
  resize(newRange: RangeProxy | string): void {
    this.queue(
      "resize",
      () => ({ resize: typeof newRange === "string" ? newRange : "range" }),
      (table) => {
        const { sheet, rect } = rangeArgument(this.context.model, newRange, table.sheet);
        if (sheet !== table.sheet) throw invalidArgument(`A table can't be resized onto another sheet (${sheet.name})`);
        resizeTable(this.context.model, table, rect);
      },
    );
  }

  /** Keeps the cells, drops the table; its structured references in formulas become A1 references, as in Excel. */
  convertToRange(): RangeProxy {
    let rect: CellRect | null = null;
    let sheet: SheetEntity | null = null;
    this.command("convertToRange", (table) => {
      ({ rect, sheet } = table);
      convertTableReferences(this.context.model, table);
      this.context.model.deleteTable(table);
    });
    return new RangeProxy(this.context, () => (sheet && rect ? { sheet, rect } : null));
  }
}

ClientObjectBase.defineProperties<TableEntity>(TableProxy, {
  name: { get: (table) => table.name, set: (table, name, model) => renameTable(model, table, name as string) },
  id: { get: (table) => table.id },
  showHeaders: { get: () => true },
  showTotals: { get: () => false },
  style: {
    get: (table) => table.style,
    set: (table, style) => {
      table.style = style as string;
    },
  },
});

export class TableCollectionProxy extends CollectionBase<TableEntity, TableProxy> {
  protected readonly typeName = "TableCollection";

  /** `scope` gives the sheet for worksheet.tables, null for workbook.tables. */
  constructor(
    context: SimRequestContext,
    private readonly scope: () => SheetEntity | null,
  ) {
    super(context, () => {
      const sheet = scope();
      return context.model.tables.filter((t) => sheet === null || t.sheet === sheet);
    });
  }

  protected proxy(find: () => TableEntity | null, options?: ProxyOptions): TableProxy {
    return new TableProxy(this.context, find, options);
  }

  /** `address` is an A1 address (sheet-qualified or on this sheet / the active sheet) or a Range. */
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let created: TableEntity | null = null;
    this.context.enqueue({
      location: "TableCollection.add",
      payload: () => ({ address: typeof address === "string" ? address : "range", hasHeaders }),
      apply: () => {
        const { model } = this.context;
        const { sheet, rect } = rangeArgument(model, address, this.scope() ?? model.activeSheet);
        created = addTable(model, sheet, rect, hasHeaders);
      },
    });
    return this.proxy(() => created);
  }

  /** Fires after a table is added to this collection (ExcelApi 1.9), asynchronously as in Excel. */
  get onAdded(): ChangedEventSource {
    return this.collectionEvent("onAdded");
  }

  /** Fires after a table of this collection is deleted (ExcelApi 1.9). */
  get onDeleted(): ChangedEventSource {
    return this.collectionEvent("onDeleted");
  }

  private collectionEvent(event: "onAdded" | "onDeleted"): ChangedEventSource {
    const { context } = this;
    return new ChangedEventSource(
      context,
      context.model,
      () => tableCollectionEventTarget(event, this.scope()),
      `TableCollection.${event}`,
    );
  }

  private find(key: string): TableEntity | null {
    const table = this.context.model.table(key);
    const sheet = this.scope();
    return table !== undefined && (sheet === null || table.sheet === sheet) ? table : null;
  }

  getItem(key: string): TableProxy {
    return this.item(() => this.find(key), `table "${key}"`);
  }
  getItemOrNullObject(key: string): TableProxy {
    return this.itemOrNull(() => this.find(key));
  }
  getItemAt(index: number): TableProxy {
    return this.item(() => this.entityOrNull()?.[index] ?? null, `table at ${index}`);
  }
}
