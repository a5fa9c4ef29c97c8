/**
 * The one way the add-in writes a table for people (fee schedules, models, worklists): into a NEW sheet, as an
 * Excel table with number formats, chunked under a request-size budget, with progress and cancel, and atomic
 * (ARCHITECTURE.md s.5, s.9, s.10).
 *
 * Requests: one to look at the workbook, one to add the sheet, then one per chunk of rows (greedy under the byte
 * budget). The first chunk also sets every column's number format (before any value lands, so text stays text),
 * the header, and the table over the whole range; the last one also replaces the old sheet when asked. Values are
 * written as ranges into the table's body rather than with `table.rows.add` per chunk: one command per chunk
 * either way, but a range write does not make Excel insert and shift rows each time.
 */
import { fail, ok, type Result } from "../../engine";
import { findSheetNamed, temporarySheetName } from "./builtSheets";
import { columnLetters } from "./columnLetters";
import type { ExcelGateway } from "./excelGateway";
import { officeError } from "./officeErrors";
import { numberFormatOf, toExcelCell, type CellValue, type ExcelCell, type TableColumn } from "./tableColumns";
import type { TableWriteIssue } from "./tableWriteIssues";
import { jsonBytes, planChunks, type RowChunk } from "./writePlan";

export type { CellValue, ColumnKind, TableColumn } from "./tableColumns";

/** What to write: a new sheet holding one table. */
export interface TableWriteRequest {
  readonly sheetName: string;
  readonly tableName: string;
  readonly columns: readonly TableColumn[];
  /** Data rows, one value per column, in column order. */
  readonly rows: readonly (readonly CellValue[])[];
}

/** Rows written so far, reported after each request. */
export interface TableWriteProgress {
  readonly rowsWritten: number;
  readonly totalRows: number;
}

export interface TableWriteOptions {
  /** Replace a sheet of the same name (and its tables) once the new one is complete. Default false. */
  readonly replaceExisting?: boolean;
  /** Bytes per request at most; default 4 MB, under Excel on the web's 5 MB limit. */
  readonly maxRequestBytes?: number;
  /** Rows per request at most; default 5,000, so progress and cancel respond every few seconds. */
  readonly maxRowsPerRequest?: number;
  /** Called after each request that wrote rows. */
  readonly onProgress?: (progress: TableWriteProgress) => void;
  /** Checked before each request: when aborted, the write stops and its partial sheet is removed. */
  readonly signal?: AbortSignal;
}

/** A completed write. */
export interface WrittenTable {
  readonly sheetName: string;
  readonly tableName: string;
  /** Data rows (without the header). */
  readonly rowCount: number;
  /** The table's range with its header row, on its sheet ("A1:H20001"). */
  readonly address: string;
}

/** Default budget per request: 4 MB, leaving a margin under Excel on the web's 5 MB. */
export const DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;
/** Default rows per request. */
export const DEFAULT_MAX_ROWS_PER_REQUEST = 5_000;

const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/;
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;
const CELL_REFERENCE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

/**
 * Writes `request` into a new sheet as an Excel table, and returns it or the issue that stopped it.
 *
 * - Never overwrites: an existing sheet of that name, or a table of that name anywhere, is an issue unless
 *   `replaceExisting`, which replaces the sheet only after the new table is complete.
 * - Text columns are formatted "@" before values are written: "=HYPERLINK(...)", "+1-555", "00110" land as text.
 *   Only "formula" columns write formulas; other kinds refuse strings Excel could parse (issue `cellInvalid`).
 * - On an Excel error or a cancel, the partial sheet is deleted and the workbook is as it was.
 * - Office errors become issues; anything else (a bug) is rethrown after the partial sheet is removed.
 *
 * @example
 * const result = await writeTable(hostExcel(), {
 *   sheetName: "Acme PPO 2026", tableName: "AcmePpo2026",
 *   columns: [{ name: "HCPCS Code", kind: "text" }, { name: "Non-Facility Rate", kind: "money" }],
 *   rows: [["99213", 92.45]],
 * }, { onProgress: ({ rowsWritten, totalRows }) => show(rowsWritten, totalRows), signal });
 */
export async function writeTable(
  excel: ExcelGateway,
  request: TableWriteRequest,
  options: TableWriteOptions = {},
): Promise<Result<WrittenTable, TableWriteIssue>> {
  const prepared = prepare(request, options);
  if (!prepared.ok) return prepared;
  const { cells, chunks } = prepared.value;
  const totalRows = request.rows.length;
  const cancelled = (rowsWritten: number) => fail<TableWriteIssue>({ code: "cancelled", rowsWritten, totalRows });
  if (aborted(options.signal)) return cancelled(0);

  const look = await lookAtWorkbook(excel, request, options.replaceExisting === true);
  if (!look.ok) return look;
  const { writeName, replacedSheetId } = look.value;
  if (aborted(options.signal)) return cancelled(0);

  const sheetId = await excel.run(async (context) => {
    const sheet = context.workbook.worksheets.add(writeName);
    sheet.load("id");
    await context.sync();
    return sheet.id;
  });

  let rowsWritten = 0;
  const columnCount = request.columns.length;
  // Excel gives a header-only table one empty data row; so does this writer, knowingly.
  const height = Math.max(totalRows, 1) + 1;
  const address = `A1:${columnLetters(columnCount - 1)}${height}`;
  const target = { sheetId, writeName, replacedSheetId, sheetName: request.sheetName };
  try {
    const stopped = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetId);
      for (const [index, chunk] of chunks.entries()) {
        if (aborted(options.signal)) return true;
        context.workbook.application.suspendApiCalculationUntilNextSync();
        if (index === 0) start(sheet, request, target, height);
        if (chunk.count > 0) {
          sheet.getRangeByIndexes(1 + chunk.start, 0, chunk.count, columnCount).values = cells.slice(
            chunk.start,
            chunk.start + chunk.count,
          );
        }
        if (index === chunks.length - 1) finish(context, sheet, target, request.tableName, height, columnCount);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk is the point of chunking
        await context.sync();
        rowsWritten += chunk.count;
        options.onProgress?.({ rowsWritten, totalRows });
      }
      return false;
    });
    if (stopped)
      return (await removePartialSheet(excel, target, cancelled(rowsWritten).issue)) ?? cancelled(rowsWritten);
    return ok({ sheetName: request.sheetName, tableName: request.tableName, rowCount: totalRows, address });
  } catch (error) {
    const office = officeError(error);
    const issue: TableWriteIssue = {
      code: "excelFailed",
      excelCode: office?.code ?? "Unknown",
      message: office?.message ?? String(error),
      rowsWritten,
      totalRows,
    };
    const cleanup = await removePartialSheet(excel, target, issue);
    if (office === null) throw error; // a bug, not an Excel refusal: surface it, now that the workbook is clean
    return cleanup ?? fail(issue);
  }
}

/** Where the rows go and what they replace. */
interface WriteTarget {
  readonly sheetId: string;
  /** The name the sheet is written under: the final one, or a temporary one while replacing. */
  readonly writeName: string;
  readonly replacedSheetId: string | null;
  readonly sheetName: string;
}

/**
 * Queues what precedes the rows: every column's number format (before any value lands: a value written into a
 * "General" cell is parsed, and a leading "=" makes a formula), the header, and the table over the whole range,
 * so that formula columns can use structured references (`[@[Non-Facility Rate]]`) as soon as they are written.
 */
function start(sheet: Excel.Worksheet, request: TableWriteRequest, target: WriteTarget, height: number): void {
  const columnCount = request.columns.length;
  request.columns.forEach((column, c) => {
    sheet.getRangeByIndexes(1, c, height - 1, 1).numberFormat = [[numberFormatOf(column)]];
  });
  const header = sheet.getRangeByIndexes(0, 0, 1, columnCount);
  header.numberFormat = [["@"]];
  header.values = [request.columns.map((column) => column.name)];
  const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, height, columnCount), true);
  // While replacing, the old table still holds the name; the new one takes it when the old sheet goes.
  if (target.replacedSheetId === null) table.name = request.tableName;
}

/** Queues the replace (if any) and the finishing touches, in the request that writes the last rows. */
function finish(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  target: WriteTarget,
  tableName: string,
  height: number,
  columnCount: number,
): void {
  sheet.freezePanes.freezeRows(1);
  sheet.getRangeByIndexes(0, 0, height, columnCount).format.autofitColumns();
  sheet.activate();
  if (target.replacedSheetId !== null) {
    // Last, once everything is written: the old sheet goes (a failure before this leaves it intact).
    context.workbook.worksheets.getItem(target.replacedSheetId).delete();
    sheet.tables.getItemAt(0).name = tableName;
    sheet.name = target.sheetName;
  }
}

/** Validates the request and converts every cell; plans the chunks. */
function prepare(
  request: TableWriteRequest,
  options: TableWriteOptions,
): Result<{ cells: ExcelCell[][]; chunks: RowChunk[] }, TableWriteIssue> {
  const names = checkNames(request);
  if (names !== null) return fail(names);
  const { columns } = request;
  const cells: ExcelCell[][] = [];
  const rowBytes: number[] = [];
  for (const [r, row] of request.rows.entries()) {
    if (row.length !== columns.length) {
      return fail({
        code: "columnsInvalid",
        reason: `row ${r + 1} has ${row.length} values for ${columns.length} columns`,
      });
    }
    const converted: ExcelCell[] = [];
    for (const [c, column] of columns.entries()) {
      const value = row[c] ?? null;
      const cell = toExcelCell(column.kind, value);
      if (!cell.ok) {
        return fail({
          code: "cellInvalid",
          rowNumber: r + 1,
          columnName: column.name,
          value: String(value).slice(0, 100),
          expected: cell.expected,
        });
      }
      converted.push(cell.cell);
    }
    cells.push(converted);
    rowBytes.push(jsonBytes(converted));
  }
  const maxBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  // Room for the commands around the rows: formats and header (first request), the table (last request).
  const reservedBytes = 4_096 + 4 * jsonBytes(columns);
  const plan = planChunks(rowBytes, {
    maxBytes,
    reservedBytes,
    maxRows: options.maxRowsPerRequest ?? DEFAULT_MAX_ROWS_PER_REQUEST,
  });
  if (!plan.ok)
    return fail({ code: "rowTooLarge", rowNumber: plan.row.rowIndex + 1, bytes: plan.row.bytes, limitBytes: maxBytes });
  return ok({ cells, chunks: plan.chunks.length > 0 ? plan.chunks : [{ start: 0, count: 0 }] });
}

/** Names Excel would refuse, and columns a table cannot have. */
function checkNames({ sheetName, tableName, columns }: TableWriteRequest): TableWriteIssue | null {
  const sheetReason =
    sheetName.trim() === ""
      ? "it is empty"
      : sheetName.length > 31
        ? "it is longer than 31 characters"
        : SHEET_NAME_FORBIDDEN.test(sheetName)
          ? "it contains one of \\ / ? * [ ] :"
          : /^'|'$/.test(sheetName)
            ? "it starts or ends with an apostrophe"
            : sheetName.toLowerCase() === "history"
              ? "Excel reserves it"
              : null;
  if (sheetReason !== null) return { code: "sheetNameInvalid", sheetName, reason: sheetReason };
  const tableReason = !TABLE_NAME.test(tableName)
    ? "it must start with a letter or underscore and hold only letters, digits, periods and underscores (no spaces)"
    : tableName.length > 255
      ? "it is longer than 255 characters"
      : CELL_REFERENCE.test(tableName)
        ? "it reads as a cell reference"
        : null;
  if (tableReason !== null) return { code: "tableNameInvalid", tableName, reason: tableReason };
  if (columns.length === 0) return { code: "columnsInvalid", reason: "there are no columns" };
  const seen = new Set<string>();
  for (const column of columns) {
    const key = column.name.trim().toLowerCase();
    if (key === "") return { code: "columnsInvalid", reason: "a column has no name" };
    if (seen.has(key)) return { code: "columnsInvalid", reason: `two columns are named "${column.name}"` };
    seen.add(key);
  }
  return null;
}

/** One request: refuses a name already in use, and picks the name to write under. */
async function lookAtWorkbook(
  excel: ExcelGateway,
  request: TableWriteRequest,
  replaceExisting: boolean,
): Promise<Result<{ writeName: string; replacedSheetId: string | null }, TableWriteIssue>> {
  const { sheets, tables } = await excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id");
    const workbookTables = context.workbook.tables;
    workbookTables.load("items/name,items/worksheet/name");
    await context.sync();
    return {
      sheets: worksheets.items.map((sheet) => ({ name: sheet.name, id: sheet.id })),
      tables: workbookTables.items.map((table) => ({ name: table.name, sheetName: table.worksheet.name })),
    };
  });
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const existing = findSheetNamed(sheets, request.sheetName);
  if (existing !== null && !replaceExisting) return fail({ code: "sheetExists", sheetName: existing.name });
  const clash = tables.find(
    (table) => same(table.name, request.tableName) && (existing === null || !same(table.sheetName, existing.name)),
  );
  if (clash !== undefined) return fail({ code: "tableNameTaken", tableName: clash.name, sheetName: clash.sheetName });
  if (existing === null) return ok({ writeName: request.sheetName, replacedSheetId: null });
  return ok({ writeName: temporarySheetName(sheets, request.sheetName), replacedSheetId: existing.id });
}

/**
 * After a failure or a cancel: deletes the sheet being written, unless a replace got as far as deleting the old
 * sheet (then the new one is the only copy and stays). Returns an issue when the workbook is not as it was.
 */
async function removePartialSheet(
  excel: ExcelGateway,
  target: WriteTarget,
  cause: TableWriteIssue,
): Promise<Result<never, TableWriteIssue> | null> {
  try {
    return await excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const written = worksheets.getItemOrNullObject(target.sheetId);
      written.load("name");
      const replaced = target.replacedSheetId === null ? null : worksheets.getItemOrNullObject(target.replacedSheetId);
      replaced?.load("name");
      await context.sync();
      if (written.isNullObject) return null;
      if (replaced !== null && replaced.isNullObject) {
        const office = cause.code === "excelFailed" ? cause : { excelCode: "Unknown", message: "" };
        return fail<TableWriteIssue>({
          code: "replaceIncomplete",
          sheetName: target.sheetName,
          currentSheetName: written.name,
          excelCode: office.excelCode,
          message: office.message,
        });
      }
      written.delete();
      await context.sync();
      return null;
    });
  } catch (error) {
    const office = officeError(error);
    if (office === null) throw error;
    return fail({
      code: "cleanupFailed",
      sheetName: target.writeName,
      cause: describeCause(cause),
      excelCode: office.code,
      message: office.message,
    });
  }
}

function describeCause(cause: TableWriteIssue): string {
  return cause.code === "cancelled" ? "The write was cancelled." : "Excel stopped the write.";
}

/** Read through a call: TypeScript would otherwise narrow `signal.aborted` to false after the first check. */
function aborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
