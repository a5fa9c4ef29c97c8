/**
 * Excel.TableRow and Excel.TableColumn with their collections. A row or column proxy stands for a position in its
 * table (as Excel's TableRow does: it keeps pointing at its index when rows are added or deleted before it).
 */
import type { CellRect } from "./addresses";
import { ClientObjectBase, CollectionBase } from "./clientObject";
import type { TableEntity } from "./entities";
import { invalidArgument, itemNotFound } from "./errors";
import { RangeProxy } from "./range";
import type { SimRequestContext } from "./requestContext";
import { addTableColumn, addTableRows, deleteTableColumn, deleteTableRow, tableParts } from "./tableOps";

export interface Slot {
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

  /** Deletes the row; the rows below move up (see `deleteTableRow` for what the simulator supports). */
  delete(): void {
    this.queue(
      "delete",
      () => null,
      ({ table, index }) => deleteTableRow(this.context.model, table, index),
    );
  }
}

export class TableRowCollectionProxy extends CollectionBase<Slot, TableRowProxy> {
  protected readonly typeName = "TableRowCollection";

  constructor(
    context: SimRequestContext,
    private readonly table: { entity(): TableEntity },
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
    private readonly table: { entity(): TableEntity },
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
