/**
 * The one way the add-in writes a table for people (fee schedules, remittances, registry tables): into a NEW sheet,
 * as an Excel table with number formats, chunked under a request-size budget, with progress and cancel, through the
 * operation runner (ARCHITECTURE.md s.5, s.9, s.10): the table is staged in a hidden sheet under a working name and
 * put in place (replacing the earlier sheet when asked) in the one commit request.
 *
 * Requests: one to look at the workbook, one to add the staging sheet, one per chunk of rows (greedy under the byte
 * budget; the first also sets every column's number format, before any value lands, so text stays text, the header
 * and the table), then the runner's look and commit. Values are written as ranges into the table's body rather than
 * with `table.rows.add` per chunk: one command per chunk either way, but a range write does not make Excel insert and
 * shift rows each time.
 */
import { fail, ok, type Result } from "../../engine";
import { findSheetNamed, sheetNameProblem } from "./builtSheets";
import { columnLetters } from "./columnLetters";
import type { ExcelGateway } from "./excelGateway";
import {
  activateSheet,
  placeSheet,
  renameTable,
  runOperation,
  type CommitStep,
  type OperationContext,
} from "./operation";
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
  /** Replace a sheet of the same name (and its tables) in the commit. Default false. */
  readonly replaceExisting?: boolean;
  /** Bytes per request at most; default 4 MB, under Excel on the web's 5 MB limit. */
  readonly maxRequestBytes?: number;
  /** Rows per request at most; default 5,000, so progress and cancel respond every few seconds. */
  readonly maxRowsPerRequest?: number;
  /** Called after each request that wrote rows. */
  readonly onProgress?: (progress: TableWriteProgress) => void;
  /** Checked before each request until the commit: when aborted, the staging sheet is removed. */
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

/**
 * Writes `request` into a new sheet as an Excel table, and returns it or the issue that stopped it.
 *
 * - Never overwrites: an existing sheet of that name, or a table of that name anywhere, is an issue unless
 *   `replaceExisting`, which replaces the sheet in the commit, once the new table is complete.
 * - Text columns are formatted "@" before values are written: "=HYPERLINK(...)", "+1-555", "00110" land as text.
 *   Only "formula" columns write formulas; other kinds refuse strings Excel could parse (issue `cellInvalid`).
 * - A failure or a cancel before the commit leaves the workbook as it was (the runner checks and says so).
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
  const prepared = prepareTable(request, options);
  if (!prepared.ok) return prepared;
  const { onProgress } = options;
  return runOperation(
    excel,
    {
      what: `writing table ${request.tableName}`,
      signal: options.signal,
      onProgress: onProgress && (({ done, total }) => onProgress({ rowsWritten: done, totalRows: total })),
    },
    async (op) => {
      const staged = await stageTable(op, prepared.value);
      return staged.ok ? ok({ output: staged.value.written, steps: staged.value.steps }) : staged;
    },
  );
}

/** A validated table write, its cells converted for Excel and its chunks planned ({@link prepareTable}). */
export interface PreparedTable {
  readonly request: TableWriteRequest;
  readonly replaceExisting: boolean;
  readonly cells: readonly ExcelCell[][];
  readonly chunks: readonly RowChunk[];
}

/** A table staged in an operation: what it will be once committed, and the steps that put it in place. */
export interface StagedTable {
  readonly written: WrittenTable;
  readonly steps: readonly CommitStep[];
  /** The staged sheet's id (for operations that add to it before the commit). */
  readonly stagedSheetId: string;
}

/**
 * Stages a prepared table inside an operation (see the module comment); for operations that commit a table with
 * other changes (a Medicare schedule and its registration). Progress is reported in rows.
 */
export async function stageTable(
  op: OperationContext,
  prepared: PreparedTable,
): Promise<Result<StagedTable, TableWriteIssue>> {
  const { request, cells, chunks } = prepared;
  const look = await lookAtWorkbook(op.excel, request, prepared.replaceExisting);
  if (!look.ok) return look;
  const [sheet] = await op.addStagingSheets(1);
  const sheetId = sheet!.id;
  const totalRows = request.rows.length;
  const columnCount = request.columns.length;
  // Excel gives a header-only table one empty data row; so does this writer, knowingly.
  const height = Math.max(totalRows, 1) + 1;
  const address = `A1:${columnLetters(columnCount - 1)}${height}`;
  let tableId = "";
  let rowsWritten = 0;
  for (const [index, chunk] of chunks.entries()) {
    const table = await op.write(
      (context) => {
        context.workbook.application.suspendApiCalculationUntilNextSync();
        const staging = context.workbook.worksheets.getItem(sheetId);
        const added = index === 0 ? start(staging, request, op.stagingTableName(), height) : null;
        if (chunk.count > 0) {
          staging.getRangeByIndexes(1 + chunk.start, 0, chunk.count, columnCount).values = cells.slice(
            chunk.start,
            chunk.start + chunk.count,
          );
        }
        if (index === chunks.length - 1) {
          staging.freezePanes.freezeRows(1);
          staging.getRangeByIndexes(0, 0, height, columnCount).format.autofitColumns();
        }
        return added;
      },
      { done: rowsWritten + chunk.count, total: totalRows },
    );
    if (table !== null) tableId = table.id;
    rowsWritten += chunk.count;
  }
  // The earlier sheet goes before the new table is named: its table holds the name.
  const [show, ...rest] = placeSheet({ stagedId: sheetId, name: request.sheetName, replaces: look.value });
  const rename = rest.pop()!;
  const steps = [
    show!,
    ...rest,
    renameTable(tableId, request.tableName, `name the new table ${request.tableName}`),
    rename,
    activateSheet(sheetId),
  ];
  return ok({
    written: { sheetName: request.sheetName, tableName: request.tableName, rowCount: totalRows, address },
    steps,
    stagedSheetId: sheetId,
  });
}

/**
 * Queues what precedes the rows: every column's number format (before any value lands: a value written into a
 * "General" cell is parsed, and a leading "=" makes a formula), the header, and the table over the whole range
 * under a working name, so that formula columns can use structured references (`[@[Non-Facility Rate]]`) as soon as
 * they are written. Returns the table, its id loaded.
 */
function start(sheet: Excel.Worksheet, request: TableWriteRequest, stagingName: string, height: number): Excel.Table {
  const columnCount = request.columns.length;
  request.columns.forEach((column, c) => {
    sheet.getRangeByIndexes(1, c, height - 1, 1).numberFormat = [[numberFormatOf(column)]];
  });
  const header = sheet.getRangeByIndexes(0, 0, 1, columnCount);
  header.numberFormat = [["@"]];
  header.values = [request.columns.map((column) => column.name)];
  const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, height, columnCount), true);
  table.name = stagingName;
  return table.load("id");
}

/** Validates a request and converts every cell; plans the chunks. No request is sent. */
export function prepareTable(
  request: TableWriteRequest,
  options: Pick<TableWriteOptions, "replaceExisting" | "maxRequestBytes" | "maxRowsPerRequest"> = {},
): Result<PreparedTable, TableWriteIssue> {
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
  // Room for the commands around the rows: formats, header and table (first request), finishing touches (last).
  const reservedBytes = 4_096 + 4 * jsonBytes(columns);
  const plan = planChunks(rowBytes, {
    maxBytes,
    reservedBytes,
    maxRows: options.maxRowsPerRequest ?? DEFAULT_MAX_ROWS_PER_REQUEST,
  });
  if (!plan.ok)
    return fail({ code: "rowTooLarge", rowNumber: plan.row.rowIndex + 1, bytes: plan.row.bytes, limitBytes: maxBytes });
  return ok({
    request,
    replaceExisting: options.replaceExisting === true,
    cells,
    chunks: plan.chunks.length > 0 ? plan.chunks : [{ start: 0, count: 0 }],
  });
}

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;
const CELL_REFERENCE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

/** Why Excel would refuse a table name, or null. */
export function tableNameProblem(tableName: string): string | null {
  if (!TABLE_NAME.test(tableName))
    return "it must start with a letter or underscore and hold only letters, digits, periods and underscores (no spaces)";
  if (tableName.length > 255) return "it is longer than 255 characters";
  if (CELL_REFERENCE.test(tableName)) return "it reads as a cell reference";
  return null;
}

/** Names Excel would refuse, and columns a table cannot have. */
function checkNames({ sheetName, tableName, columns }: TableWriteRequest): TableWriteIssue | null {
  const sheetReason = sheetNameProblem(sheetName);
  if (sheetReason !== null) return { code: "sheetNameInvalid", sheetName, reason: sheetReason };
  const tableReason = tableNameProblem(tableName);
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

/** One request: refuses a name already in use; returns the sheet a replace removes (null for a new sheet). */
async function lookAtWorkbook(
  excel: ExcelGateway,
  request: TableWriteRequest,
  replaceExisting: boolean,
): Promise<Result<{ readonly id: string; readonly name: string } | null, TableWriteIssue>> {
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
  return ok(existing);
}
