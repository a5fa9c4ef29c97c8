/**
 * Excel.Table with its rows and columns collections, and Excel.TableCollection (workbook- or sheet-scoped).
 */
import { parseAddress, type CellRect } from "./addresses";
import { ClientObjectBase, CollectionBase } from "./clientObject";
import type { SheetEntity, TableEntity } from "./entities";
import { invalidArgument, itemNotFound } from "./errors";
import { ChangedEventSource } from "./events";
import { RangeProxy } from "./range";
import type { SimRequestContext } from "./requestContext";
import { addTable, addTableColumn, addTableRows, deleteTableColumn, renameTable, tableParts } from "./tableOps";
import { tableCollectionEventTarget } from "./workbookModel";
import { WorksheetProxy } from "./worksheet";

const TABLE_PROPERTIES = ["name", "id", "showHeaders", "showTotals", "style"] as const;

export class TableProxy extends ClientObjectBase<TableEntity> {
  protected readonly typeName = "Table";
  protected readonly scalarProperties = TABLE_PROPERTIES;

  constructor(
    context: SimRequestContext,
    resolver: () => TableEntity | null,
    options: { nullable?: boolean; describe?: string } = {},
  ) {
    super(context, resolver, options);
  }

  protected override isGone(table: TableEntity): boolean {
    return table.deleted;
  }

  protected property(table: TableEntity, name: string): unknown {
    switch (name as (typeof TABLE_PROPERTIES)[number]) {
      case "name":
        return table.name;
      case "id":
        return table.id;
      case "showHeaders":
        return true;
      case "showTotals":
        return false;
      case "style":
        return table.style;
    }
  }

  protected override navigation(name: string): ClientObjectBase<unknown> | undefined {
    if (name === "worksheet") return this.worksheet as ClientObjectBase<unknown>;
    if (name === "rows") return this.rows as ClientObjectBase<unknown>;
    if (name === "columns") return this.columns as ClientObjectBase<unknown>;
    return undefined;
  }

  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.queue(
      "name",
      () => ({ name }),
      (table) => renameTable(this.context.model, table, name),
    );
  }
  get id(): string {
    return this.read("id");
  }
  get showHeaders(): boolean {
    return this.read("showHeaders");
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }
  get style(): string {
    return this.read("style");
  }
  set style(style: string) {
    this.queue(
      "style",
      () => ({ style }),
      (table) => {
        table.style = style;
      },
    );
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
    this.queue(
      "delete",
      () => null,
      (table) => {
        const { sheet, rect } = table;
        this.context.model.deleteTable(table);
        this.context.model.write(sheet, rect, "", "values");
      },
    );
  }

  /** Keeps the cells, drops the table. */
  convertToRange(): RangeProxy {
    let rect: CellRect | null = null;
    let sheet: SheetEntity | null = null;
    this.queue(
      "convertToRange",
      () => null,
      (table) => {
        ({ rect, sheet } = table);
        this.context.model.deleteTable(table);
      },
    );
    return new RangeProxy(this.context, () => (sheet && rect ? { sheet, rect } : null));
  }
}

interface Slot {
  readonly table: TableEntity;
  readonly index: number;
}

const sliceOf = (table: TableEntity, index: number, kind: "row" | "column"): CellRect => {
  const { body } = tableParts(table);
  return kind === "row"
    ? { ...body, row: body.row + index, rowCount: 1 }
    : { ...body, column: body.column + index, columnCount: 1 };
};

export class TableRowProxy extends ClientObjectBase<Slot> {
  protected readonly typeName = "TableRow";
  protected readonly scalarProperties = ["index", "values"] as const;

  protected property(slot: Slot, name: string): unknown {
    if (name === "index") return slot.index;
    return this.context.model.cells.values(slot.table.sheet, sliceOf(slot.table, slot.index, "row"));
  }
  get index(): number {
    return this.read("index");
  }
  get values(): (string | number | boolean)[][] {
    return this.read("values");
  }
  set values(values: unknown) {
    this.queue(
      "values",
      () => ({ values }),
      ({ table, index }) => this.context.model.write(table.sheet, sliceOf(table, index, "row"), values, "values"),
    );
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { table, index } = this.entity();
      return { sheet: table.sheet, rect: sliceOf(table, index, "row") };
    });
  }
}

export class TableRowCollectionProxy extends CollectionBase<Slot, TableRowProxy> {
  protected readonly typeName = "TableRowCollection";

  constructor(
    context: SimRequestContext,
    private readonly table: TableProxy,
  ) {
    super(context, () => {
      const entity = table.entity();
      return Array.from({ length: entity.rect.rowCount - 1 }, (_, index) => ({ table: entity, index }));
    });
  }

  protected itemProxy(slot: Slot): TableRowProxy {
    return new TableRowProxy(this.context, () => slot);
  }

  /** Appends (index null/undefined) or inserts rows; values is a 2-D array, one inner array per row. */
  add(index?: number | null, values?: unknown, _alwaysInsert?: boolean): TableRowProxy {
    let slot: Slot | null = null;
    this.context.enqueue({
      location: "TableRowCollection.add",
      payload: () => ({ index: index ?? null, values: values ?? null }),
      apply: () => {
        const table = this.table.entity();
        const added = addTableRows(this.context.model, table, index, values);
        slot = { table, index: added.row - table.rect.row - 1 };
      },
    });
    return new TableRowProxy(this.context, () => slot);
  }

  getItemAt(index: number): TableRowProxy {
    return new TableRowProxy(this.context, () => {
      const table = this.table.entity();
      if (index < 0 || index >= table.rect.rowCount - 1) throw itemNotFound(`row ${index}`);
      return { table, index };
    });
  }
}

export class TableColumnProxy extends ClientObjectBase<Slot> {
  protected readonly typeName = "TableColumn";
  protected readonly scalarProperties = ["name", "index", "id", "values"] as const;

  protected property(slot: Slot, name: string): unknown {
    if (name === "index") return slot.index;
    if (name === "id") return slot.index + 1;
    if (name === "name") return this.context.model.tableColumns(slot.table)[slot.index];
    return this.context.model.cells.values(slot.table.sheet, {
      ...slot.table.rect,
      column: slot.table.rect.column + slot.index,
      columnCount: 1,
    });
  }
  get name(): string {
    return this.read("name");
  }
  get index(): number {
    return this.read("index");
  }
  get id(): number {
    return this.read("id");
  }
  get values(): (string | number | boolean)[][] {
    return this.read("values");
  }
  private range(pick: (slot: Slot) => CellRect): RangeProxy {
    return new RangeProxy(this.context, () => {
      const slot = this.entity();
      return { sheet: slot.table.sheet, rect: pick(slot) };
    });
  }
  getDataBodyRange(): RangeProxy {
    return this.range(({ table, index }) => sliceOf(table, index, "column"));
  }
  getHeaderRowRange(): RangeProxy {
    return this.range(({ table, index }) => ({
      ...table.rect,
      column: table.rect.column + index,
      columnCount: 1,
      rowCount: 1,
    }));
  }
  getRange(): RangeProxy {
    return this.range(({ table, index }) => ({ ...table.rect, column: table.rect.column + index, columnCount: 1 }));
  }
  /** Removes the column and its cells (the simulator: the table's last column only, see `deleteTableColumn`). */
  delete(): void {
    this.queue(
      "delete",
      () => null,
      ({ table, index }) => deleteTableColumn(this.context.model, table, index),
    );
  }
}

export class TableColumnCollectionProxy extends CollectionBase<Slot, TableColumnProxy> {
  protected readonly typeName = "TableColumnCollection";

  constructor(
    context: SimRequestContext,
    private readonly table: TableProxy,
  ) {
    super(context, () => {
      const entity = table.entity();
      return Array.from({ length: entity.rect.columnCount }, (_, index) => ({ table: entity, index }));
    });
  }

  protected itemProxy(slot: Slot): TableColumnProxy {
    return new TableColumnProxy(this.context, () => slot);
  }

  private find(key: string | number): Slot | null {
    const table = this.table.entity();
    const names = this.context.model.tableColumns(table);
    const index = typeof key === "number" ? key - 1 : names.findIndex((n) => n.toLowerCase() === key.toLowerCase());
    return index >= 0 && index < names.length ? { table, index } : null;
  }

  /**
   * Appends a column (index null/undefined or the column count; see `addTableColumn` for what the simulator
   * supports). `values` is the whole column, header first; `name` sets the header (ExcelApi 1.4).
   */
  add(index?: number | null, values?: unknown, name?: string): TableColumnProxy {
    let slot: Slot | null = null;
    this.context.enqueue({
      location: "TableColumnCollection.add",
      payload: () => ({ index: index ?? null, values: values ?? null, name: name ?? null }),
      apply: () => {
        const table = this.table.entity();
        if (index !== null && index !== undefined && index !== table.rect.columnCount) {
          throw invalidArgument(`The simulator appends table columns only (index ${index})`);
        }
        const added = addTableColumn(this.context.model, table, values, name);
        slot = { table, index: added.column - table.rect.column };
      },
    });
    return new TableColumnProxy(this.context, () => slot);
  }

  /** By name or id (1-based), as Excel. */
  getItem(key: string | number): TableColumnProxy {
    return new TableColumnProxy(this.context, () => this.find(key), { describe: `table column "${key}"` });
  }
  getItemOrNullObject(key: string | number): TableColumnProxy {
    return new TableColumnProxy(this.context, () => this.find(key), { nullable: true }).trackNull();
  }
  getItemAt(index: number): TableColumnProxy {
    return new TableColumnProxy(this.context, () => this.find(index + 1), { describe: `table column at ${index}` });
  }
}

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

  protected itemProxy(table: TableEntity): TableProxy {
    return new TableProxy(this.context, () => table);
  }

  /** `address` is an A1 address (sheet-qualified or on this sheet / the active sheet) or a Range. */
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let created: TableEntity | null = null;
    this.context.enqueue({
      location: "TableCollection.add",
      payload: () => ({ address: typeof address === "string" ? address : "range", hasHeaders }),
      apply: () => {
        const { model } = this.context;
        let sheet: SheetEntity;
        let rect: CellRect;
        if (typeof address === "string") {
          const parsed = parseAddress(address);
          if (parsed === null) throw invalidArgument(`"${address}" is not an A1 address`);
          sheet = parsed.sheet !== null ? model.requireSheet(parsed.sheet) : (this.scope() ?? model.activeSheet);
          rect = parsed.rect;
        } else ({ sheet, rect } = address.entity());
        created = addTable(model, sheet, rect, hasHeaders);
      },
    });
    return new TableProxy(this.context, () => created);
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
    return new TableProxy(this.context, () => this.find(key), { describe: `table "${key}"` });
  }
  getItemOrNullObject(key: string): TableProxy {
    return new TableProxy(this.context, () => this.find(key), { nullable: true }).trackNull();
  }
  getItemAt(index: number): TableProxy {
    return new TableProxy(this.context, () => this.entityOrNull()?.[index] ?? null, { describe: `table at ${index}` });
  }
}
