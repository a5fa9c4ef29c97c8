/**
 * Writes one row of a registry table (PayerContracts, ContractCarveOuts) the way a careful user would by hand: in
 * the table, under the columns whose headers match, leaving other columns alone. Before changing a row it re-reads
 * it, in the same batch, and refuses when the row no longer holds what the editor loaded (someone edited the sheet),
 * so a hand edit is never overwritten silently. A missing table is created on a new sheet by the table writer.
 */
import { fail, ok, type Result } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import type { RowCell } from "./registryForm";
import type { ColumnSpec, TableSpec } from "../registry/tableSpec";
import { DEFAULT_NUMBER_FORMATS, type CellValue } from "../core/tableColumns";
import type { TableWriteIssue } from "../core/tableWriteIssues";
import { writeTable } from "../core/tableWriter";

type Columns = Readonly<Record<string, ColumnSpec>>;

/** A row as the editor loaded it: where it was and what it held, to detect a later hand edit. */
export interface LoadedRow {
  readonly table: string;
  readonly sheet: string;
  /** 0-based index in the table's body. */
  readonly index: number;
  /** The Excel row number (for messages). */
  readonly rowNumber: number;
  /** Every cell of the row, in the table's column order, as `range.values` gave them. */
  readonly values: readonly unknown[];
}

/** Why a row was not written. */
export type RowWriteIssue =
  | { readonly code: "rowChanged"; readonly table: string; readonly sheet: string; readonly rowNumber: number }
  | { readonly code: "tableMissing"; readonly table: string }
  | { readonly code: "columnMissing"; readonly table: string; readonly sheet: string; readonly column: string }
  | { readonly code: "tableNotCreated"; readonly table: string; readonly issue: TableWriteIssue };

/** Where a saved row landed. */
export interface SavedRow {
  readonly table: string;
  readonly sheet: string;
  readonly rowNumber: number;
  /** True when the table did not exist and was created for this row. */
  readonly createdTable: boolean;
}

interface TableState {
  readonly sheet: string;
  readonly headers: readonly unknown[];
  readonly body: readonly (readonly unknown[])[];
  readonly formulas: readonly (readonly unknown[])[];
  readonly formats: readonly (readonly string[])[];
  /** 0-based sheet row and column of the header's first cell. */
  readonly headerRow: number;
  readonly firstColumn: number;
}

const headerKey = (text: unknown) => String(text).trim().toLowerCase().replace(/\s+/g, " ");
const sameCells = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);
const isBlankRow = (row: readonly unknown[]) => row.every((cell) => cell === "" || cell === null);

/** Loads what a row write needs of a table; null when the workbook has no such table. */
async function loadTable(context: Excel.RequestContext, name: string): Promise<TableState | null> {
  const table = context.workbook.tables.getItemOrNullObject(name);
  await context.sync();
  if (table.isNullObject) return null;
  const sheet = table.worksheet.load("name");
  const header = table.getHeaderRowRange().load("values,rowIndex,columnIndex");
  const body = table.getDataBodyRange().load("values,formulas,numberFormat");
  await context.sync();
  return {
    sheet: sheet.name,
    headers: header.values[0] ?? [],
    body: body.values,
    formulas: body.formulas,
    formats: body.numberFormat,
    headerRow: header.rowIndex,
    firstColumn: header.columnIndex,
  };
}

/** The table column of each spec field present in the table; a missing required column is an issue. */
function columnPositions(spec: TableSpec<Columns>, state: TableState): Result<Map<string, number>, RowWriteIssue> {
  const keys = state.headers.map(headerKey);
  const positions = new Map<string, number>();
  for (const [field, column] of Object.entries(spec.columns)) {
    const wanted = [column.header, ...(column.aliases ?? [])].map(headerKey);
    const index = keys.findIndex((key) => wanted.includes(key));
    if (index >= 0) positions.set(field, index);
    else if (column.required)
      return fail({ code: "columnMissing", table: spec.title, sheet: state.sheet, column: column.header });
  }
  return ok(positions);
}

function stale(row: LoadedRow, state: TableState): RowWriteIssue | null {
  const current = state.body[row.index];
  return current !== undefined && sameCells(current, row.values)
    ? null
    : { code: "rowChanged", table: row.table, sheet: state.sheet, rowNumber: row.rowNumber };
}

/**
 * Adds a row (`target` null) or updates the loaded row, in one batch after the re-read. A new row fills the table's
 * first blank row (Excel gives a new table one), else is appended. Only the spec's columns are written: text cells
 * are formatted "@" first (text stays text), other cells get their kind's format where the cell had none.
 * When the table is missing, it is created on a new sheet named `newSheetName` (or "... 2" when that is taken).
 */
export async function writeRegistryRow(
  excel: ExcelGateway,
  spec: TableSpec<Columns>,
  target: LoadedRow | null,
  cells: Readonly<Record<string, RowCell>>,
  newSheetName: string,
): Promise<Result<SavedRow, RowWriteIssue>> {
  const written = await excel.run(async (context): Promise<Result<SavedRow, RowWriteIssue> | null> => {
    const state = await loadTable(context, spec.title);
    if (state === null) return target === null ? null : fail({ code: "tableMissing", table: spec.title });
    const positions = columnPositions(spec, state);
    if (!positions.ok) return positions;
    if (target !== null) {
      const changed = stale(target, state);
      if (changed !== null) return fail(changed);
    }
    const blank = state.body.findIndex(isBlankRow);
    const index = target?.index ?? (blank >= 0 ? blank : state.body.length);
    const table = context.workbook.tables.getItem(spec.title);
    if (index === state.body.length) table.rows.add(undefined, [state.headers.map(() => "")]);
    const sheet = context.workbook.worksheets.getItem(state.sheet);
    const sheetRow = state.headerRow + 1 + index;
    // Formats of the row written, or for an appended row those of the last row (which Excel carries to it).
    const formats = state.formats[Math.min(index, state.formats.length - 1)] ?? [];
    for (const [field, column] of positions.value) {
      const cell = cells[field]!;
      const range = sheet.getRangeByIndexes(sheetRow, state.firstColumn + column, 1, 1);
      const current = formats[column] ?? "General";
      if (cell.kind === "text") range.numberFormat = [["@"]];
      else if (current === "General" || current === "@") range.numberFormat = [[DEFAULT_NUMBER_FORMATS[cell.kind]]];
      range.values = [[cell.value]];
    }
    await context.sync();
    return ok({ table: spec.title, sheet: state.sheet, rowNumber: sheetRow + 1, createdTable: false });
  });
  if (written !== null) return written;
  return createTableWithRow(excel, spec, cells, newSheetName);
}

/** Creates the missing table on a new sheet with the row as its first row (atomic: the table writer's rules). */
async function createTableWithRow(
  excel: ExcelGateway,
  spec: TableSpec<Columns>,
  cells: Readonly<Record<string, RowCell>>,
  newSheetName: string,
): Promise<Result<SavedRow, RowWriteIssue>> {
  const fields = Object.keys(spec.columns);
  const columns = fields.map((field) => ({ name: spec.columns[field]!.header, kind: cells[field]!.kind }));
  // Dates go back to ISO text: the writer converts them to Excel dates itself.
  const row: CellValue[] = fields.map((field) => {
    const cell = cells[field]!;
    return cell.kind === "date" && typeof cell.value === "number" ? isoOfSerial(cell.value) : cell.value;
  });
  let issue: TableWriteIssue | null = null;
  for (let attempt = 1; attempt <= 9; attempt++) {
    const sheetName = attempt === 1 ? newSheetName : `${newSheetName} ${attempt}`;
    const result = await writeTable(excel, { sheetName, tableName: spec.title, columns, rows: [row] });
    if (result.ok) return ok({ table: spec.title, sheet: sheetName, rowNumber: 2, createdTable: true });
    issue = result.issue;
    if (issue.code !== "sheetExists") break;
  }
  return fail({ code: "tableNotCreated", table: spec.title, issue: issue! });
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const isoOfSerial = (serial: number) => new Date(EXCEL_EPOCH_UTC + serial * 86_400_000).toISOString().slice(0, 10);

/**
 * Deletes the loaded row after checking it is unchanged: the rows below move up one (their formulas and values as
 * they are) and the table's last row is cleared, so no gap is left. (Row deletion proper, `TableRow.delete`, is
 * not in the workbook simulator yet; the table keeps one blank last row, which the reader skips and the next add fills.)
 */
export async function deleteRegistryRow(
  excel: ExcelGateway,
  spec: TableSpec<Columns>,
  target: LoadedRow,
): Promise<Result<{ readonly rowNumber: number }, RowWriteIssue>> {
  return excel.run(async (context) => {
    const state = await loadTable(context, spec.title);
    if (state === null) return fail<RowWriteIssue>({ code: "tableMissing", table: spec.title });
    const changed = stale(target, state);
    if (changed !== null) return fail(changed);
    const sheet = context.workbook.worksheets.getItem(state.sheet);
    const width = state.headers.length;
    const below = state.formulas.slice(target.index + 1);
    const firstRow = state.headerRow + 1;
    if (below.length > 0)
      sheet.getRangeByIndexes(firstRow + target.index, state.firstColumn, below.length, width).formulas = below.map(
        (row) => [...row],
      );
    sheet.getRangeByIndexes(firstRow + state.body.length - 1, state.firstColumn, 1, width).clear("Contents");
    await context.sync();
    return ok({ rowNumber: target.rowNumber });
  });
}
