/**
 * Reading a claims table's columns: a chunk of rows per request, and a reader an operation shares so that a table it
 * reads several ways (the portfolio: uplift, denials and the variance review's figures) is read once (issue 20).
 */
import type { ExcelGateway } from "../core/excelGateway";

/** Rows read per request: a few MB of values at most, so Excel on the web's response limit is never near. */
const ROWS_PER_READ = 20_000;

/** The body of a table's columns, as read. */
export interface TableCells {
  readonly headers: string[];
  /** Values of each requested column (by header, lower case), in row order. */
  readonly columns: Map<string, unknown[]>;
  readonly rowCount: number;
  /** 0-based sheet row and column of the body's first cell. */
  readonly firstRow: number;
  readonly firstColumn: number;
}

/**
 * Reads the named columns of a table's body, a chunk of rows per request; null when the workbook has no such
 * table. Columns not in the table are skipped (the mapping check reports them). The names may depend on the
 * headers (a column found by one of its usual names), chosen once the header row is read.
 */
export async function readTableColumns(
  excel: ExcelGateway,
  tableName: string,
  columnNames: readonly string[] | ((headers: readonly string[]) => readonly string[]),
): Promise<TableCells | null> {
  return excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(tableName);
    await context.sync();
    if (table.isNullObject) return null;
    const header = table.getHeaderRowRange();
    header.load("values");
    const body = table.getDataBodyRange();
    body.load(["rowIndex", "columnIndex", "rowCount"]);
    const rows = table.rows;
    rows.load("count");
    const worksheet = table.worksheet;
    await context.sync();
    const headers = (header.values[0] ?? []).map(String);
    const rowCount = rows.count;
    const names = typeof columnNames === "function" ? columnNames(headers) : columnNames;
    const wanted = [...new Set(names.map((n) => n.toLowerCase()))]
      .map((name) => ({ name, index: headers.findIndex((h) => h.toLowerCase() === name) }))
      .filter((column) => column.index >= 0);
    const columns = new Map<string, unknown[]>(wanted.map(({ name }) => [name, []]));
    for (let start = 0; start < rowCount; start += ROWS_PER_READ) {
      const count = Math.min(ROWS_PER_READ, rowCount - start);
      const ranges = wanted.map(({ name, index }) => {
        const range = worksheet.getRangeByIndexes(body.rowIndex + start, body.columnIndex + index, count, 1);
        range.load("values");
        return { name, range };
      });
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk keeps each response small
      await context.sync();
      for (const { name, range } of ranges) {
        const target = columns.get(name) as unknown[];
        for (const row of range.values) target.push(row[0]);
      }
    }
    return { headers, columns, rowCount, firstRow: body.rowIndex, firstColumn: body.columnIndex };
  });
}

/** Reads columns of a table: {@link readTableColumns}, or a shared read ({@link sharedTableRead}). */
export type TableColumnsReader = (tableName: string, columnNames: readonly string[]) => Promise<TableCells | null>;

/** The reader that asks Excel every time. */
export const readEachTime =
  (excel: ExcelGateway): TableColumnsReader =>
  (tableName, columnNames) =>
    readTableColumns(excel, tableName, columnNames);

/**
 * A reader that reads `columnNames` of `tableName` in one pass the first time it is asked for any of them, and
 * serves every later ask within them from that read (the cells may hold more columns than asked). Other tables or
 * columns are read from Excel as usual.
 */
export function sharedTableRead(
  excel: ExcelGateway,
  tableName: string,
  columnNames: readonly string[],
): TableColumnsReader {
  const held = new Set(columnNames.map((name) => name.toLowerCase()));
  let read: Promise<TableCells | null> | undefined;
  return (table, names) => {
    const within = table.toLowerCase() === tableName.toLowerCase() && names.every((n) => held.has(n.toLowerCase()));
    if (!within) return readTableColumns(excel, table, names);
    read ??= readTableColumns(excel, tableName, [...held]);
    return read;
  };
}

/**
 * A reader that serves asks within `cells`, already read from `tableName`, and reads anything else from Excel. A
 * column the table lacks is within: reading again would skip it again.
 */
export function readFromHeld(excel: ExcelGateway, tableName: string, cells: TableCells): TableColumnsReader {
  const headers = new Set(cells.headers.map((h) => h.toLowerCase()));
  const held = (name: string) => cells.columns.has(name.toLowerCase()) || !headers.has(name.toLowerCase());
  return (table, names) =>
    table.toLowerCase() === tableName.toLowerCase() && names.every(held)
      ? Promise.resolve(cells)
      : readTableColumns(excel, table, names);
}
