/**
 * Excel.TableRow and Excel.TableColumn with their collections. A row or column proxy stands for a position in its
 * table (as Excel's TableRow does: it keeps pointing at its index when rows are added or deleted before it).
 */
import type { CellRect } from "./addresses";
import { ClientObjectBase, CollectionBase, type ProxyOptions } from "./clientObject";
import type { TableEntity } from "./entities";
import { invalidArgument, itemNotFound } from "./errors";
import { RangeProxy } from "./range";
import type { SimRequestContext } from "./requestContext";
import { addTableColumn, addTableRows, deleteTableColumn, deleteTableRow, tableParts } from "./tableOps";
import type { WorkbookModel } from "./workbookModel";

/** A row or column of a table, by its 0-based index among the table's data rows or columns. */
export interface Slot {
  readonly table: TableEntity;
  readonly index: number;
}

type SlotKind = "row" | "column";

/** The cells of a slot: a data row, or a column's data, its header, or both (the whole column). */
function cellsOf({ table, index }: Slot, kind: SlotKind, part: "body" | "header" | "whole" = "body"): CellRect {
  const { body, header } = tableParts(table);
  if (kind === "row") return { ...body, row: body.row + index, rowCount: 1 };
  const column = { column: body.column + index, columnCount: 1 };
  return part === "body"
    ? { ...body, ...column }
    : part === "header"
      ? { ...header, ...column }
      : { ...table.rect, ...column };
}

/** How a row or a column is deleted (see tableOps.ts for what the simulator supports). */
const DELETE = { row: deleteTableRow, column: deleteTableColumn } satisfies Record<
  SlotKind,
  (model: WorkbookModel, table: TableEntity, index: number) => void
>;

/** The proxy of a row or column: `getRange` and friends give its cells. */
abstract class SlotProxy extends ClientObjectBase<Slot> {
  protected abstract readonly kind: SlotKind;

  /** Deletes the row or column; the rows below or the columns to the right move up or left. */
  delete(): void {
    this.command("delete", ({ table, index }) => DELETE[this.kind](this.context.model, table, index));
  }

  protected cells(part: "body" | "header" | "whole"): RangeProxy {
    return new RangeProxy(this.context, () => {
      const slot = this.entity();
      return { sheet: slot.table.sheet, rect: cellsOf(slot, this.kind, part) };
    });
  }
}

export class TableRowProxy extends SlotProxy {
  protected readonly typeName = "TableRow";
  protected readonly kind = "row";

  getRange(): RangeProxy {
    return this.cells("body");
  }
}

ClientObjectBase.defineProperties<Slot>(TableRowProxy, {
  index: { get: (slot) => slot.index },
  values: {
    get: (slot, model) => model.cells.values(slot.table.sheet, cellsOf(slot, "row")),
    set: (slot, values, model) => model.write(slot.table.sheet, cellsOf(slot, "row"), values, "values"),
  },
});

export class TableColumnProxy extends SlotProxy {
  protected readonly typeName = "TableColumn";
  protected readonly kind = "column";

  getDataBodyRange(): RangeProxy {
    return this.cells("body");
  }
  getHeaderRowRange(): RangeProxy {
    return this.cells("header");
  }
  getRange(): RangeProxy {
    return this.cells("whole");
  }
}

ClientObjectBase.defineProperties<Slot>(TableColumnProxy, {
  name: { get: (slot, model) => model.tableColumns(slot.table)[slot.index] },
  index: { get: (slot) => slot.index },
  id: { get: (slot) => slot.index + 1 },
  values: { get: (slot, model) => model.cells.values(slot.table.sheet, cellsOf(slot, "column", "whole")) },
});

/** The rows or the columns of a table, read at sync. */
abstract class SlotCollection<P extends SlotProxy> extends CollectionBase<Slot, P> {
  constructor(
    context: SimRequestContext,
    protected readonly table: { entity(): TableEntity },
    kind: SlotKind,
    private readonly itemClass: new (context: SimRequestContext, find: () => Slot | null, options?: ProxyOptions) => P,
  ) {
    super(context, () => {
      const entity = table.entity();
      const count = kind === "row" ? entity.rect.rowCount - 1 : entity.rect.columnCount;
      return Array.from({ length: count }, (_, index) => ({ table: entity, index }));
    });
  }

  protected proxy(find: () => Slot | null, options?: ProxyOptions): P {
    return new this.itemClass(this.context, find, options);
  }

  /** Queues `add` and gives the proxy of the slot it made. */
  protected added(location: string, payload: () => unknown, add: (table: TableEntity) => number): P {
    let slot: Slot | null = null;
    this.queue(location, payload, () => {
      const table = this.table.entity();
      slot = { table, index: add(table) };
    });
    return this.proxy(() => slot);
  }
}

export class TableRowCollectionProxy extends SlotCollection<TableRowProxy> {
  protected readonly typeName = "TableRowCollection";

  constructor(context: SimRequestContext, table: { entity(): TableEntity }) {
    super(context, table, "row", TableRowProxy);
  }

  /** Appends (index null/undefined) or inserts rows; values is a 2-D array, one inner array per row. */
  add(index?: number | null, values?: unknown, _alwaysInsert?: boolean): TableRowProxy {
    return this.added(
      "add",
      () => ({ index: index ?? null, values: values ?? null }),
      (table) => addTableRows(this.context.model, table, index, values).row - table.rect.row - 1,
    );
  }

  getItemAt(index: number): TableRowProxy {
    return this.proxy(() => {
      const table = this.table.entity();
      if (index < 0 || index >= table.rect.rowCount - 1) throw itemNotFound(`row ${index}`);
      return { table, index };
    });
  }
}

export class TableColumnCollectionProxy extends SlotCollection<TableColumnProxy> {
  protected readonly typeName = "TableColumnCollection";

  constructor(context: SimRequestContext, table: { entity(): TableEntity }) {
    super(context, table, "column", TableColumnProxy);
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
    return this.added(
      "add",
      () => ({ index: index ?? null, values: values ?? null, name: name ?? null }),
      (table) => {
        if (index !== null && index !== undefined && index !== table.rect.columnCount) {
          throw invalidArgument(`The simulator appends table columns only (index ${index})`);
        }
        return addTableColumn(this.context.model, table, values, name).column - table.rect.column;
      },
    );
  }

  /** By name or id (1-based), as Excel. */
  getItem(key: string | number): TableColumnProxy {
    return this.item(() => this.find(key), `table column "${key}"`);
  }
  getItemOrNullObject(key: string | number): TableColumnProxy {
    return this.itemOrNull(() => this.find(key));
  }
  getItemAt(index: number): TableColumnProxy {
    return this.item(() => this.find(index + 1), `table column at ${index}`);
  }
}
