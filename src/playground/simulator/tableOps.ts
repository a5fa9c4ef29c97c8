/**
 * What Excel does to a workbook when a table is created, grows by rows, is renamed or deleted: header texts
 * made unique, header-only tables given one empty data row, rows inserted (shifting what lies below), number
 * formats carried to new rows, and every structured reference re-translated.
 */
import { formatRect, intersect, type CellRect } from "./addresses";
import { keyColumn, keyRow, type SheetEntity, type TableEntity } from "./entities";
import { invalidArgument, invalidOperation } from "./errors";
import type { WorkbookModel } from "./workbookModel";

/** Header row and data body of a table. */
export function tableParts(table: TableEntity): { header: CellRect; body: CellRect } {
  const { rect } = table;
  return { header: { ...rect, rowCount: 1 }, body: { ...rect, row: rect.row + 1, rowCount: rect.rowCount - 1 } };
}

/** Moves tables at or below `at` down by `count` rows (after whole rows were inserted). */
function shiftTables(
  model: WorkbookModel,
  sheet: SheetEntity,
  at: number,
  count: number,
  except: TableEntity | null,
): void {
  for (const t of model.tables) {
    if (t === except || t.sheet !== sheet) continue;
    if (t.rect.row >= at) t.rect = { ...t.rect, row: t.rect.row + count };
    else if (t.rect.row + t.rect.rowCount > at) t.rect = { ...t.rect, rowCount: t.rect.rowCount + count };
  }
}

/** Excel's header fix-up: blanks become "ColumnN", repeats get a number. */
function uniqueHeaders(raw: readonly unknown[]): string[] {
  const seen = new Set<string>();
  return raw.map((value, i) => {
    let name = value === null || value === "" ? `Column${i + 1}` : String(value);
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${String(value)}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

export function addTable(model: WorkbookModel, sheet: SheetEntity, rect: CellRect, hasHeaders: boolean): TableEntity {
  if (model.tables.some((t) => t.sheet === sheet && intersect(t.rect, rect) !== null)) {
    throw invalidOperation(`A table can't overlap another table (${formatRect(rect)})`);
  }
  let tableRect = rect;
  if (!hasHeaders) {
    // Excel adds a header row above the data; the simulator inserts a whole sheet row for it.
    model.cells.insertRows(sheet, rect.row, 1);
    shiftTables(model, sheet, rect.row, 1, null);
    tableRect = { ...rect, rowCount: rect.rowCount + 1 };
  }
  if (tableRect.rowCount === 1) tableRect = { ...tableRect, rowCount: 2 }; // Excel gives a header-only table one empty row
  const header = { ...tableRect, rowCount: 1 };
  const current = hasHeaders ? (model.cells.engine.values(sheet.name, header)[0] ?? []) : [];
  const names = uniqueHeaders(Array.from({ length: rect.columnCount }, (_, i) => current[i] ?? null));
  model.cells.write(sheet, header, [names], "values");
  let name = "";
  for (let n = 1; name === "" || model.table(name) !== undefined; n++) name = `Table${n}`;
  const table: TableEntity = {
    id: model.newId("table"),
    name,
    sheet,
    rect: tableRect,
    deleted: false,
    style: "TableStyleMedium2",
  };
  model.tables.push(table);
  model.tableAdded(table);
  model.cells.retranslate(model.sheets);
  model.cellsChanged(sheet, tableRect, "RangeEdited");
  model.change({ kind: "tables" });
  return table;
}

/** `table.rows.add(index, values)`: returns the new rows' rectangle. */
export function addTableRows(
  model: WorkbookModel,
  table: TableEntity,
  index: number | null | undefined,
  values: unknown,
): CellRect {
  const { rect, sheet } = table;
  const rows = values === undefined || values === null ? [Array<null>(rect.columnCount).fill(null)] : values;
  if (
    !Array.isArray(rows) ||
    rows.length === 0 ||
    !rows.every((r) => Array.isArray(r) && r.length === rect.columnCount)
  ) {
    throw invalidArgument(`rows.add needs a 2-D array of rows with ${rect.columnCount} values each`);
  }
  const dataRows = rect.rowCount - 1;
  if (index !== null && index !== undefined && (index < 0 || index > dataRows))
    throw invalidArgument(`row index ${index}`);
  const at = index === null || index === undefined ? rect.row + rect.rowCount : rect.row + 1 + index;
  const count = rows.length;
  // Validate values before changing anything, so a bad row leaves the table as it was.
  const added: CellRect = { row: at, column: rect.column, rowCount: count, columnCount: rect.columnCount };
  model.cells.shapeCheck(added, rows);
  model.cells.insertRows(sheet, at, count);
  shiftTables(model, sheet, at, count, table);
  table.rect = { ...rect, rowCount: rect.rowCount + count };
  const template = at - 1 > rect.row ? at - 1 : at + count; // formats come from the neighbouring data row
  for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
    const format = model.cells.numberFormat(sheet, template, c);
    if (format !== "General") model.cells.setNumberFormat(sheet, { ...added, column: c, columnCount: 1 }, format);
  }
  model.cells.write(sheet, added, rows, "values");
  model.cells.retranslate(model.sheets);
  model.cellsChanged(sheet, added, "RowInserted");
  model.change({ kind: "tables" });
  return added;
}

/** Renames a table and the structured references that use its name, as Excel does. */
export function renameTable(model: WorkbookModel, table: TableEntity, name: string): void {
  if (table.name === name) return;
  model.checkTableName(name, table);
  const pattern = new RegExp(`(?<![A-Za-z0-9_.])${table.name.replace(/[.\\]/g, "\\$&")}\\[`, "gi");
  for (const sheet of model.sheets) {
    for (const [key, formula] of sheet.userFormulas) sheet.userFormulas.set(key, formula.replace(pattern, `${name}[`));
  }
  table.name = name;
  model.cells.retranslate(model.sheets);
  model.change({ kind: "tables" });
}

/**
 * `table.columns.add(null, values, name)`: appends a column at the right end of the table. Excel shifts the cells
 * to the right of the table's rows; the simulator supports appending into empty cells only and refuses otherwise,
 * so a test never silently passes on a layout Excel would handle differently. `values`, when given, is the whole
 * column (header first) as in Excel; `name` (ExcelApi 1.4) overrides the header.
 */
export function addTableColumn(
  model: WorkbookModel,
  table: TableEntity,
  values: unknown,
  name: string | undefined,
): CellRect {
  const { rect, sheet } = table;
  const added: CellRect = { ...rect, column: rect.column + rect.columnCount, columnCount: 1 };
  if (model.tables.some((t) => t !== table && t.sheet === sheet && intersect(t.rect, added) !== null)) {
    throw invalidOperation(`A table can't overlap another table (${formatRect(added)})`);
  }
  const occupied = model.cells.formulas(sheet, added).some((row) => row.some((v) => v !== ""));
  if (occupied)
    throw invalidOperation(`The simulator appends a table column only into empty cells (${formatRect(added)})`);
  const column: unknown[][] =
    values === undefined || values === null
      ? Array.from({ length: rect.rowCount }, () => [null])
      : (values as unknown[][]);
  model.cells.shapeCheck(added, column);
  const existing = new Set(model.tableColumns(table).map((n) => n.toLowerCase()));
  let header = name ?? (column[0]?.[0] === null || column[0]?.[0] === undefined ? "" : String(column[0][0]));
  if (header === "") header = `Column${rect.columnCount + 1}`;
  for (let n = 2, base = header; existing.has(header.toLowerCase()); n++) header = `${base}${n}`;
  model.cells.write(sheet, added, [[header], ...column.slice(1)], "values");
  table.rect = { ...rect, columnCount: rect.columnCount + 1 };
  model.cells.retranslate(model.sheets);
  model.cellsChanged(sheet, added, "RangeEdited");
  model.change({ kind: "tables" });
  return added;
}

/**
 * `tableColumn.delete()`: removes a column from the table and its cells. The simulator supports the table's last
 * column only (Excel shifts the cells to its right within the table's rows).
 */
export function deleteTableColumn(model: WorkbookModel, table: TableEntity, index: number): void {
  const { rect, sheet } = table;
  if (rect.columnCount === 1) throw invalidOperation("A table must keep at least one column");
  if (index !== rect.columnCount - 1) throw invalidOperation("The simulator deletes only a table's last column");
  const removed: CellRect = { ...rect, column: rect.column + index, columnCount: 1 };
  table.rect = { ...rect, columnCount: rect.columnCount - 1 };
  model.cells.clear(sheet, removed, "All");
  model.cells.retranslate(model.sheets);
  model.cellsChanged(sheet, removed, "RangeEdited");
  model.change({ kind: "tables" });
}

/** True when a cell of `sheet` from row `from` down, outside the columns `span`, holds something or is formatted. */
function anythingBeside(model: WorkbookModel, sheet: SheetEntity, from: number, span: CellRect): boolean {
  const { rows, columns } = model.cells.engine.dimensions(sheet.name);
  const right = span.column + span.columnCount;
  const outside = (column: number) => column < span.column || column >= right;
  if (rows > from) {
    const values = model.cells.engine.values(sheet.name, {
      row: from,
      column: 0,
      rowCount: rows - from,
      columnCount: columns,
    });
    if (values.some((row) => row.some((v, c) => outside(c) && v !== null && v !== ""))) return true;
  }
  return [...sheet.numberFormats.keys()].some((key) => keyRow(key) >= from && outside(keyColumn(key)));
}

/**
 * `tableRow.delete()`: removes a data row; the cells below it in the table's columns move up, and references to
 * the row's cells become #REF!, as in Excel. Excel moves only the table's columns; the simulator removes whole sheet
 * rows, so it refuses when anything lies beside the table from that row down (another table, values, formats),
 * rather than pass a test on a layout Excel would treat differently. Deleting a table's only data row leaves it
 * one empty row, as Excel does.
 */
export function deleteTableRow(model: WorkbookModel, table: TableEntity, index: number): void {
  const { rect, sheet } = table;
  const dataRows = rect.rowCount - 1;
  if (!Number.isInteger(index) || index < 0 || index >= dataRows)
    throw invalidArgument(`Table ${table.name} has no row ${index} (it has ${dataRows})`);
  const at = rect.row + 1 + index;
  const removed: CellRect = { ...rect, row: at, rowCount: 1 };
  if (dataRows === 1) {
    model.write(sheet, removed, "", "values");
    return;
  }
  const others = model.tables.filter((t) => t !== table && t.sheet === sheet && t.rect.row + t.rect.rowCount > at);
  const besideTable = others.some(
    (t) => t.rect.column < rect.column || t.rect.column + t.rect.columnCount > rect.column + rect.columnCount,
  );
  if (besideTable || anythingBeside(model, sheet, at, rect)) {
    throw invalidOperation(
      `The simulator deletes a table row only when nothing lies beside the table from that row down (${formatRect(removed)})`,
    );
  }
  model.cells.removeRows(sheet, at, 1);
  for (const t of others) t.rect = { ...t.rect, row: t.rect.row - 1 };
  table.rect = { ...rect, rowCount: rect.rowCount - 1 };
  model.cells.retranslate(model.sheets);
  model.cellsChanged(sheet, removed, "RowDeleted");
  model.change({ kind: "tables" });
}

/**
 * `table.resize(range)` (ExcelApi 1.13): the table takes the new range, which must keep the header in the same row
 * and overlap the old one. Cells left out stay as they are; header cells taken in keep their text (made unique)
 * or, when blank, become "ColumnN", as Excel names them.
 */
export function resizeTable(model: WorkbookModel, table: TableEntity, rect: CellRect): void {
  if (rect.row !== table.rect.row || intersect(rect, table.rect) === null)
    throw invalidArgument(`The new range ${formatRect(rect)} must overlap the table and keep its header row`);
  if (rect.rowCount < 2) throw invalidArgument(`The new range ${formatRect(rect)} leaves the table no data row`);
  if (model.tables.some((t) => t !== table && t.sheet === table.sheet && intersect(t.rect, rect) !== null))
    throw invalidOperation(`A table can't overlap another table (${formatRect(rect)})`);
  const header = { ...rect, rowCount: 1 };
  const current = model.cells.engine.values(table.sheet.name, header)[0] ?? [];
  const names = uniqueHeaders(current.map((v) => v ?? null));
  if (names.some((name, i) => name !== current[i])) model.cells.write(table.sheet, header, [names], "values");
  table.rect = rect;
  model.cells.retranslate(model.sheets);
  model.cellsChanged(table.sheet, rect, "RangeEdited");
  model.change({ kind: "tables" });
}
