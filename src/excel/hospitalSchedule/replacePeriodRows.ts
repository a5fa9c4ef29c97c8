/**
 * Writes one period's rows (a fiscal year of MS-DRG weights, a quarter of Addendum B) into a registered CMS table
 * that holds every imported period, as one operation (ARCHITECTURE.md s.5): the rows of the same period are replaced,
 * the others kept, so importing the same file again leaves the table as it was.
 *
 * Excel cannot swap a table's rows atomically, so the whole table is rebuilt: the rows kept (read through the
 * registry's own cell kinds, so what is carried over is what the registry reads) and the new rows, ordered by period,
 * are staged on a hidden sheet, and the commit replaces the table's sheet with it under the same sheet and table
 * names. That is only safe when the sheet holds the table alone and the table only declared columns, which is
 * checked first: otherwise the import is refused and nothing is written. Without the table, it is created on a new
 * sheet.
 *
 * Requests: 1 to look at the workbook (when it has the table, 1 more and 1 per 10,000 of its rows), then the table
 * writer's: 1 look, 1 staging sheet, 1 per chunk of rows, then the runner's look and the commit.
 */
import { Decimal, fail, ok, type Result } from "../../engine";
import { findSheetNamed } from "../core/builtSheets";
import type { ExcelGateway } from "../core/excelGateway";
import { runOperation } from "../core/operation";
import { prepareTable, stageTable, type CellValue, type TableWriteOptions, type WrittenTable } from "../core/tableWriter"; // prettier-ignore
import { readCell } from "../registry/cellKinds";
import { columnPositions, headerKey, tableColumnsOf, type ColumnSpec, type TableSpec } from "../registry/columnDictionary"; // prettier-ignore
import type { HospitalImportIssue } from "./hospitalImportIssues";

type SpecColumns = Readonly<Record<string, ColumnSpec>>;

/** One period's rows for a registered table. */
export interface PeriodRowsWrite<C extends SpecColumns> {
  readonly spec: TableSpec<C>;
  /** The column that tells periods apart, and this import's value in it as the registry reads it (2026, "2025-10-01"). */
  readonly periodField: keyof C & string;
  readonly period: number | string;
  /** The rows, each by field of the spec. */
  readonly rows: readonly Readonly<Record<keyof C & string, CellValue>>[];
  /** The sheet the table is created on when the workbook has none ("MS-DRG Weights"; "MS-DRG Weights 2" if taken). */
  readonly newSheetName: string;
  /** The operation in the user's words: "the import of MS-DRG weights FY2026". */
  readonly what: string;
}

/** Progress, cancel and request limits, as for writeTable. */
export type PeriodRowsWriteOptions = Pick<TableWriteOptions, "onProgress" | "signal" | "maxRowsPerRequest" | "maxRequestBytes">; // prettier-ignore

/** A completed write: the table as written, and how many rows were replaced and kept. */
export interface WrittenPeriodRows extends WrittenTable {
  /** Rows of the same period the import replaced (0 on a first import of the period). */
  readonly replacedRows: number;
  /** Rows of other periods carried over. */
  readonly keptRows: number;
  /** The table did not exist and was created. */
  readonly created: boolean;
}

/** The registered table as found: where it is and its rows, or null when the workbook has none. */
interface FoundTable {
  readonly sheetName: string;
  readonly headers: readonly unknown[];
  readonly rows: readonly (readonly unknown[])[];
  readonly firstRowNumber: number;
  /** Cells with values outside the table on its sheet. */
  readonly sheetShared: boolean;
}

interface Look {
  readonly table: FoundTable | null;
  readonly sheetNames: readonly string[];
}

type Box = { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number };
const inside = (inner: Box, outer: Box) =>
  inner.rowIndex >= outer.rowIndex &&
  inner.columnIndex >= outer.columnIndex &&
  inner.rowIndex + inner.rowCount <= outer.rowIndex + outer.rowCount &&
  inner.columnIndex + inner.columnCount <= outer.columnIndex + outer.columnCount;

/**
 * Rows read per request: four quarters of Addendum B are 75,000 rows, whose values in one response would pass Excel
 * on the web's 5 MB limit; 10,000 rows of these tables are well under 1 MB.
 */
const READ_ROWS = 10_000;

/**
 * The table's cells and whether its sheet holds anything else, and the workbook's sheet names: one request to find
 * the table, one for its header and size, one per {@link READ_ROWS} of its body.
 */
async function lookAtTable(excel: ExcelGateway, tableName: string): Promise<Look> {
  return excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const table = context.workbook.tables.getItemOrNullObject(tableName);
    await context.sync();
    const sheetNames = sheets.items.map((sheet) => sheet.name);
    if (table.isNullObject) return { table: null, sheetNames };
    const header = table.getHeaderRowRange().load("values,rowIndex");
    const body = table.getDataBodyRange().load("rowIndex,columnIndex,rowCount,columnCount");
    const range = table.getRange().load("rowIndex,columnIndex,rowCount,columnCount");
    const sheet = table.worksheet.load("name");
    const used = table.worksheet.getUsedRange(true).load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    const rows: unknown[][] = [];
    for (let start = 0; start < body.rowCount; start += READ_ROWS) {
      const count = Math.min(READ_ROWS, body.rowCount - start);
      const part = table.worksheet.getRangeByIndexes(body.rowIndex + start, body.columnIndex, count, body.columnCount).load("values"); // prettier-ignore
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk keeps each response small
      await context.sync();
      rows.push(...part.values);
    }
    return {
      sheetNames,
      table: {
        sheetName: sheet.name,
        headers: header.values[0] ?? [],
        rows,
        firstRowNumber: header.rowIndex + 2,
        sheetShared: !inside(used, range),
      },
    };
  });
}

/** A parsed registry value as the table writer takes it: Decimals as numbers, Y/N flags as the letters. */
function writtenValue(value: unknown, column: ColumnSpec): CellValue {
  if (value === null || value === undefined) return null;
  if (Decimal.isDecimal(value)) return (value as Decimal).toNumber();
  if (typeof value === "boolean") return column.written === "text" ? (value ? "Y" : "N") : value;
  return value as CellValue;
}

type Carried = { readonly period: string; readonly cells: CellValue[] };

/** The rows of other periods, read cell by cell with the registry's kinds; the first cell that does not read refuses. */
function carriedRows<C extends SpecColumns>(
  write: PeriodRowsWrite<C>,
  found: FoundTable,
): Result<{ readonly kept: Carried[]; readonly replaced: number }, HospitalImportIssue> {
  const { spec } = write;
  const table = spec.title;
  const fields = Object.keys(spec.columns);
  const positions = columnPositions(spec.columns, found.headers);
  const missing = fields.filter((f) => spec.columns[f]!.required && !positions.has(f));
  if (missing.length > 0)
    return fail({ code: "columnsMissing", table, sheetName: found.sheetName, missing: missing.map((f) => spec.columns[f]!.header) }); // prettier-ignore
  const declared = new Set(positions.values());
  const unknown = found.headers.filter((header, i) => !declared.has(i) && headerKey(header) !== "").map(String);
  if (unknown.length > 0) return fail({ code: "columnsUnknown", table, sheetName: found.sheetName, columns: unknown });
  if (found.sheetShared) return fail({ code: "sheetShared", table, sheetName: found.sheetName });
  const kept: Carried[] = [];
  let replaced = 0;
  for (const [index, cells] of found.rows.entries()) {
    if (cells.every((cell) => cell === "" || cell === null)) continue; // Excel's blank row of an emptied table
    const values: CellValue[] = [];
    for (const field of fields) {
      const column = spec.columns[field]!;
      const raw = positions.has(field) ? cells[positions.get(field)!] : "";
      const read = readCell(column.kind, raw);
      if (!read.ok || (read.value === null && column.required)) {
        const rowNumber = found.firstRowNumber + index;
        const expected = column.kind.expected;
        return fail({ code: "rowUnreadable", table, sheetName: found.sheetName, rowNumber, column: column.header, value: column.kind.shown?.(raw) ?? String(raw ?? ""), expected }); // prettier-ignore
      }
      values.push(writtenValue(read.value, column));
    }
    const period = String(values[fields.indexOf(write.periodField)]);
    if (period === String(write.period)) replaced++;
    else kept.push({ period, cells: values });
  }
  return ok({ kept, replaced });
}

/** The first free name among `name`, "`name` 2"... */
function freeSheetName(name: string, taken: readonly string[]): string {
  let candidate = name;
  for (let n = 2; findSheetNamed(taken.map((t) => ({ name: t, id: t })), candidate) !== null; n++) candidate = `${name} ${n}`; // prettier-ignore
  return candidate;
}

/**
 * Replaces one period's rows in the registered table (see the module comment); returns the table written, or the
 * issue that stopped it, with the workbook as it was.
 * @example
 * await replacePeriodRows(excel, { spec: MS_DRG_WEIGHTS_SPEC, periodField: "fiscalYear", period: 2026,
 *   rows: drgWeightCells(table), newSheetName: "MS-DRG Weights", what: "the import of MS-DRG weights FY2026" });
 */
export async function replacePeriodRows<C extends SpecColumns>(
  excel: ExcelGateway,
  write: PeriodRowsWrite<C>,
  options: PeriodRowsWriteOptions = {},
): Promise<Result<WrittenPeriodRows, HospitalImportIssue>> {
  if (write.rows.length === 0) return fail({ code: "noRows", what: write.what });
  const fields = Object.keys(write.spec.columns) as (keyof C & string)[];
  const columns = tableColumnsOf(write.spec.columns);
  const { onProgress } = options;
  return runOperation(
    excel,
    {
      what: write.what,
      signal: options.signal,
      onProgress: onProgress && (({ done, total }) => onProgress({ rowsWritten: done, totalRows: total })),
    },
    async (op) => {
      const look = await lookAtTable(op.excel, write.spec.title);
      const carried = look.table === null ? ok({ kept: [], replaced: 0 }) : carriedRows(write, look.table);
      if (!carried.ok) return carried;
      const incoming: Carried[] = write.rows.map((row) => ({
        period: String(write.period),
        cells: fields.map((field) => row[field]),
      }));
      // Ordered by period (a stable sort keeps each period's own order): the same import gives the same table.
      const rows = [...carried.value.kept, ...incoming].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0)); // prettier-ignore
      const sheetName = look.table?.sheetName ?? freeSheetName(write.newSheetName, look.sheetNames);
      const request = { sheetName, tableName: write.spec.title, columns, rows: rows.map((row) => row.cells) };
      const prepared = prepareTable(request, { ...options, replaceExisting: look.table !== null });
      if (!prepared.ok) return fail<HospitalImportIssue>({ code: "tableWrite", issue: prepared.issue });
      const staged = await stageTable(op, prepared.value);
      if (!staged.ok) return fail<HospitalImportIssue>({ code: "tableWrite", issue: staged.issue });
      const output: WrittenPeriodRows = {
        ...staged.value.written,
        replacedRows: carried.value.replaced,
        keptRows: carried.value.kept.length,
        created: look.table === null,
      };
      return ok({ output, steps: staged.value.steps });
    },
  );
}
