/**
 * The simulated workbook itself: sheets, cells (through the cell store), tables, names, settings, recorded
 * charts and formats, change events. Proxies apply their queued commands to it at sync; the host API reads it.
 */
import { formatAddress, formatRect, intersect, parseAddress, renameSheetInFormula, type CellRect } from "./addresses";
import {
  breakSheetReferences,
  breakTableReferences,
  reenterFormulas,
  rewriteFormulas,
  type RewrittenCell,
} from "./brokenReferences";
import { CellStore } from "./cellStore";
import { newSheet, type SheetEntity, type TableEntity } from "./entities";
import { invalidArgument, invalidOperation, itemAlreadyExists, itemNotFound } from "./errors";
import { FormulaEngine } from "./formulaEngine";
import type { CustomFunctionImpl } from "./customFunctionPlugin";

/** What changed, for the playground grid. */
export interface SimulatorChange {
  readonly kind: "cells" | "sheets" | "tables" | "names" | "settings";
  /** Sheet name, for "cells". */
  readonly sheet?: string;
  /** Changed range on that sheet, for "cells" ("B2:D5"). */
  readonly address?: string;
}

/** The arguments Excel passes to `onChanged` handlers (TableChangedEventArgs / WorksheetChangedEventArgs). */
export interface ChangedEventArgs {
  readonly type: "TableChanged" | "WorksheetChanged";
  readonly changeType: "RangeEdited" | "RowInserted" | "RowDeleted";
  readonly source: "Local";
  /** Changed range without the sheet name, as Excel reports it. */
  readonly address: string;
  readonly worksheetId: string;
  readonly tableId?: string;
}

/** The arguments of TableCollection `onAdded` / `onDeleted` handlers (TableAddedEventArgs / TableDeletedEventArgs). */
export interface TableCollectionEventArgs {
  readonly type: "TableAdded" | "TableDeleted";
  readonly source: "Local";
  readonly tableId: string;
  readonly tableName?: string;
  readonly worksheetId: string;
}

export type ChangedHandler = (args: ChangedEventArgs | TableCollectionEventArgs) => unknown;

/** Event targets of TableCollection events: the workbook's collection, or one sheet's. */
export function tableCollectionEventTarget(event: "onAdded" | "onDeleted", sheet: SheetEntity | null): string {
  return sheet === null ? `tables.${event}` : `tables.${event}:${sheet.id}`;
}

export interface NameEntity {
  readonly name: string;
  formula: string;
  comment: string;
}

const SHEET_VISIBILITIES: readonly string[] = ["Visible", "Hidden", "VeryHidden"];
const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/;
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;

export class WorkbookModel {
  readonly sheets: SheetEntity[] = [];
  readonly tables: TableEntity[] = [];
  readonly names = new Map<string, NameEntity>();
  readonly settings = new Map<string, unknown>();
  readonly cells: CellStore;
  activeSheet: SheetEntity;
  /** Event handlers by table id or worksheet id. */
  readonly handlers = new Map<string, Set<ChangedHandler>>();
  private readonly listeners = new Set<(change: SimulatorChange) => void>();
  private pendingEvents: { handlers: ChangedHandler[]; args: ChangedEventArgs | TableCollectionEventArgs }[] = [];
  private pendingChanges: SimulatorChange[] = [];
  private readonly running = new Set<Promise<unknown>>();
  private nextId = 1;
  /** Formulas a sheet deletion broke whose engine text still names the sheet (see `deleteSheet`). */
  private brokenCells: RewrittenCell[] = [];

  constructor(sheetNames: readonly string[], functions: ReadonlyMap<string, CustomFunctionImpl>, namespace: string) {
    const initial = sheetNames.length > 0 ? sheetNames : ["Sheet1"];
    // A settled asynchronous result is entered already sized: listeners are told, spills are not re-entered (that
    // would call the function again, and an asynchronous spill would never settle).
    const engine = new FormulaEngine(initial, functions, namespace, (sheet, row, column) => {
      const change = {
        kind: "cells",
        sheet,
        address: formatRect({ row, column, rowCount: 1, columnCount: 1 }),
      } as const;
      for (const listener of this.listeners) listener(change);
    });
    this.cells = new CellStore(engine, () => this.tables);
    for (const name of initial) this.sheets.push(newSheet(this.newId("sheet"), name));
    this.activeSheet = this.sheets[0]!;
  }

  newId(kind: "sheet" | "table" | "chart" | "cf"): string {
    const n = this.nextId++;
    return kind === "sheet" ? `{00000000-0000-0000-0000-${String(n).padStart(12, "0")}}` : String(n);
  }

  // ---- sheets

  sheet(nameOrId: string): SheetEntity | undefined {
    const key = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key || s.id === nameOrId);
  }

  requireSheet(nameOrId: string): SheetEntity {
    const sheet = this.sheet(nameOrId);
    if (sheet === undefined) throw itemNotFound(`worksheet "${nameOrId}"`);
    return sheet;
  }

  private checkSheetName(name: string, except?: SheetEntity): void {
    if (name.trim() === "" || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name) || /^'|'$/.test(name)) {
      throw invalidArgument(`"${name}" is not a valid worksheet name`);
    }
    const other = this.sheet(name);
    if (other !== undefined && other !== except) throw itemAlreadyExists(`worksheet "${name}"`);
  }

  addSheet(name?: string): SheetEntity {
    let chosen = name;
    for (let n = this.sheets.length + 1; chosen === undefined; n++)
      if (this.sheet(`Sheet${n}`) === undefined) chosen = `Sheet${n}`;
    this.checkSheetName(chosen);
    this.enterBrokenFormulas();
    this.cells.engine.addSheet(chosen);
    const sheet = newSheet(this.newId("sheet"), chosen);
    this.sheets.push(sheet);
    this.change({ kind: "sheets" });
    return sheet;
  }

  renameSheet(sheet: SheetEntity, name: string): void {
    if (sheet.name === name) return;
    this.checkSheetName(name, sheet);
    this.enterBrokenFormulas();
    this.cells.engine.renameSheet(sheet.name, name);
    // Formulas kept as the user wrote them (with structured references) refer to the sheet by name too.
    for (const each of this.sheets)
      for (const [key, formula] of each.userFormulas)
        each.userFormulas.set(key, renameSheetInFormula(formula, sheet.name, name));
    sheet.name = name;
    this.cells.retranslate(this.sheets);
    this.change({ kind: "sheets" });
  }

  /**
   * Deletes a sheet with its tables (their names are free again), charts and formats; formulas and names that
   * referred to it become `#REF!`, as in Excel (see brokenReferences.ts). Excel refuses to delete a very hidden sheet (it must be unhidden first) and the
   * last visible sheet.
   */
  deleteSheet(sheet: SheetEntity): void {
    if (sheet.visibility === "VeryHidden")
      throw invalidOperation(`The very hidden worksheet "${sheet.name}" can't be deleted; unhide it first`);
    if (this.isLastVisible(sheet)) throw invalidOperation("A workbook must contain at least one visible worksheet");
    for (const table of this.tables.filter((t) => t.sheet === sheet)) this.deleteTable(table);
    // The engine keeps the old text (it evaluates to #REF! while no sheet has the name) until a sheet takes a name.
    const broken = rewriteFormulas(this, (formula) => breakSheetReferences(formula, sheet.name), {
      skip: sheet,
      enter: false,
    });
    this.brokenCells.push(...broken);
    for (const name of this.names.values()) {
      const parsed = parseAddress(name.formula);
      if (parsed?.sheet?.toLowerCase() !== sheet.name.toLowerCase()) continue;
      name.formula = `=#REF!${formatRect(parsed.rect, true)}`;
      this.cells.engine.setName(name.name, "=#REF!");
    }
    this.cells.engine.removeSheet(sheet.name);
    if (this.activeSheet === sheet) this.activeSheet = this.nextVisible(sheet);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    this.change({ kind: "sheets" });
  }

  /** Before a sheet takes a name, formulas broken by a deletion stop naming it, or the engine would revive them. */
  private enterBrokenFormulas(): void {
    reenterFormulas(this, this.brokenCells);
    this.brokenCells = [];
  }

  /** Shows or hides a sheet; hiding the active sheet activates the next visible one, as Excel does. */
  setVisibility(sheet: SheetEntity, visibility: string): void {
    if (!SHEET_VISIBILITIES.includes(visibility))
      throw invalidArgument(`"${visibility}" is not a sheet visibility (${SHEET_VISIBILITIES.join(", ")})`);
    if (visibility !== "Visible" && this.isLastVisible(sheet))
      throw invalidOperation("A workbook must contain at least one visible worksheet");
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheet === sheet) this.activeSheet = this.nextVisible(sheet);
    this.change({ kind: "sheets" });
  }

  /** Makes a sheet the active one; Excel refuses a hidden sheet. */
  activate(sheet: SheetEntity): void {
    if (sheet.visibility !== "Visible")
      throw invalidOperation(`The hidden worksheet "${sheet.name}" can't be activated; make it visible first`);
    this.activeSheet = sheet;
    this.change({ kind: "sheets" });
  }

  private isLastVisible(sheet: SheetEntity): boolean {
    return sheet.visibility === "Visible" && this.sheets.every((s) => s === sheet || s.visibility !== "Visible");
  }

  /** The visible sheet to the right of `sheet`, else the nearest to its left. */
  private nextVisible(sheet: SheetEntity): SheetEntity {
    const at = this.sheets.indexOf(sheet);
    const visible = (s: SheetEntity) => s !== sheet && s.visibility === "Visible";
    return this.sheets.slice(at + 1).find(visible) ?? this.sheets.slice(0, at).reverse().find(visible) ?? sheet;
  }

  moveSheet(sheet: SheetEntity, position: number): void {
    if (position < 0 || position >= this.sheets.length) throw invalidArgument(`position ${position}`);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
    this.change({ kind: "sheets" });
  }

  // ---- cells

  /** Writes values or formulas and reports the change to tables, handlers and listeners. */
  write(sheet: SheetEntity, rect: CellRect, input: unknown, what: string): void {
    this.cells.write(sheet, rect, input, what);
    this.cellsChanged(sheet, rect, "RangeEdited");
  }

  cellsChanged(sheet: SheetEntity, rect: CellRect, changeType: ChangedEventArgs["changeType"]): void {
    const address = formatRect(rect);
    this.change({ kind: "cells", sheet: sheet.name, address });
    const base = { source: "Local" as const, changeType, worksheetId: sheet.id };
    this.queueEvent(sheet.id, { ...base, type: "WorksheetChanged", address });
    for (const table of this.tables) {
      const overlap = table.sheet === sheet && !table.deleted ? intersect(table.rect, rect) : null;
      if (overlap)
        this.queueEvent(table.id, { ...base, type: "TableChanged", address: formatRect(overlap), tableId: table.id });
    }
  }

  // ---- tables

  table(nameOrId: string): TableEntity | undefined {
    const key = nameOrId.toLowerCase();
    return this.tables.find((t) => !t.deleted && (t.name.toLowerCase() === key || t.id === nameOrId));
  }

  checkTableName(name: string, except?: TableEntity): void {
    if (!TABLE_NAME.test(name) || parseAddress(name) !== null || name.length > 255)
      throw invalidArgument(`"${name}" is not a valid table name`);
    const other = this.table(name);
    if ((other !== undefined && other !== except) || this.names.has(name.toUpperCase()))
      throw itemAlreadyExists(`name "${name}"`);
  }

  /** Header texts of a table, left to right. */
  tableColumns(table: TableEntity): string[] {
    return this.cells.tableShape(table).columns.slice();
  }

  /** Queues `onAdded` for the workbook's table collection and the sheet's. */
  tableAdded(table: TableEntity): void {
    this.queueTableEvent("onAdded", table, {
      type: "TableAdded",
      source: "Local",
      tableId: table.id,
      worksheetId: table.sheet.id,
    });
  }

  /** Drops a table; formulas that referred to it by name get `#REF!`, as in Excel (see brokenReferences.ts). */
  deleteTable(table: TableEntity): void {
    this.queueTableEvent("onDeleted", table, {
      type: "TableDeleted",
      source: "Local",
      tableId: table.id,
      tableName: table.name,
      worksheetId: table.sheet.id,
    });
    // Only the user's text: the re-translation below enters it.
    rewriteFormulas(this, (formula) => breakTableReferences(formula, table.name), {
      structuredOnly: true,
      enter: false,
    });
    table.deleted = true;
    this.tables.splice(this.tables.indexOf(table), 1);
    this.handlers.delete(table.id);
    this.cells.retranslate(this.sheets);
    this.change({ kind: "tables" });
  }

  // ---- names

  addName(name: string, formula: string, comment = ""): NameEntity {
    if (this.names.has(name.toUpperCase()) || this.table(name) !== undefined) throw itemAlreadyExists(`name "${name}"`);
    if (!TABLE_NAME.test(name) || parseAddress(name) !== null) throw invalidArgument(`"${name}" is not a valid name`);
    const expression = formula.startsWith("=") ? formula : `=${formula}`;
    try {
      this.cells.engine.setName(name, expression);
    } catch (error) {
      throw invalidArgument(`name "${name}" = ${formula}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const entity = { name, formula: expression, comment };
    this.names.set(name.toUpperCase(), entity);
    this.change({ kind: "names" });
    return entity;
  }

  deleteName(entity: NameEntity): void {
    this.cells.engine.removeName(entity.name);
    this.names.delete(entity.name.toUpperCase());
    this.change({ kind: "names" });
  }

  /** "=Sheet1!$B$2" for a range. */
  static rangeFormula(sheet: SheetEntity, rect: CellRect): string {
    return `=${formatAddress(sheet.name, rect, true)}`;
  }

  // ---- change notification and events

  change(change: SimulatorChange): void {
    this.pendingChanges.push(change);
  }

  private queueTableEvent(event: "onAdded" | "onDeleted", table: TableEntity, args: TableCollectionEventArgs): void {
    this.queueEvent(tableCollectionEventTarget(event, null), args);
    this.queueEvent(tableCollectionEventTarget(event, table.sheet), args);
  }

  private queueEvent(targetId: string, args: ChangedEventArgs | TableCollectionEventArgs): void {
    const handlers = this.handlers.get(targetId);
    if (handlers !== undefined && handlers.size > 0) this.pendingEvents.push({ handlers: [...handlers], args });
  }

  subscribe(listener: (change: SimulatorChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ends a unit of work (a sync, a typed cell): spills re-sized, listeners told, events dispatched (asynchronously, as Excel). */
  flush(): void {
    if (this.pendingChanges.some((c) => c.kind === "cells" || c.kind === "tables")) this.cells.engine.refreshSpills();
    const changes = this.pendingChanges;
    const events = this.pendingEvents;
    this.pendingChanges = [];
    this.pendingEvents = [];
    for (const change of changes) for (const listener of this.listeners) listener(change);
    for (const { handlers, args } of events) {
      for (const handler of handlers) {
        const run = Promise.resolve().then(() => handler(args));
        this.running.add(run);
        void run.finally(() => this.running.delete(run)).catch(() => undefined);
      }
    }
  }

  /** Resolves when every dispatched event handler and every custom function's asynchronous result has settled. */
  async whenIdle(): Promise<void> {
    await this.cells.engine.asyncSettled();
    while (this.running.size > 0) {
      await Promise.allSettled([...this.running]);
      await this.cells.engine.asyncSettled(); // a handler may have started an asynchronous result
    }
  }
}
