/**
 * Reads a block of the user's workbook as a grid of values, for imports that preview a range before writing (payer
 * fee schedules pasted or opened in Excel): the selected range, or a table or named range by name. Values come in
 * row chunks, one request each, so a large range never makes one response of many megabytes.
 */
import { catalogue, type Messages } from "../../engine";
import { fail, ok, type Result } from "../../engine";
import { columnLetters } from "./columnLetters";
import type { ExcelGateway } from "./excelGateway";

/** Which block of the workbook to read. */
export type RangeSource =
  | { readonly kind: "selection" }
  /** A table ("Sheet1_Table") or a workbook-scoped named range, matched as Excel does (any case). */
  | { readonly kind: "name"; readonly name: string }
  /** The used range of a sheet by id (a file's sheet inserted for reading), named `shownAs` in the grid and messages. */
  | { readonly kind: "sheet"; readonly id: string; readonly shownAs: string };

/** A block of the workbook as values, with where it starts so that problems can name workbook rows. */
export interface WorkbookGrid {
  readonly sheetName: string;
  /** "Rates!A1:F120", as Excel writes addresses. */
  readonly address: string;
  /** The workbook row number (1-based) of `values[0]`. */
  readonly firstRowNumber: number;
  /** The workbook column number (1-based) of `values[r][0]`. */
  readonly firstColumnNumber: number;
  /** Row-major cell values as Excel gives them: numbers, text ("" when empty), booleans. */
  readonly values: readonly (readonly unknown[])[];
}

/** Why a range could not be read, as values; {@link describeRangeReadIssue} holds the messages. */
export type RangeReadIssue =
  | { readonly code: "nameNotFound"; readonly name: string }
  | { readonly code: "nameNotRange"; readonly name: string }
  | { readonly code: "rangeEmpty"; readonly address: string }
  | { readonly code: "rangeTooLarge"; readonly address: string; readonly cells: number; readonly limitCells: number };

/** The tables and named ranges the user can read from, for a picker. */
export interface RangeSources {
  readonly tables: readonly { readonly name: string; readonly sheetName: string }[];
  readonly names: readonly string[];
}

/**
 * Cells read at most: 2,000,000 is 100,000 rows of 20 columns, far above any fee schedule (about 10,000 codes),
 * while a whole-sheet selection of junk is refused before its values are fetched.
 */
export const MAX_RANGE_CELLS = 2_000_000;
/** Cells per read request, so each response stays around a megabyte or two. */
const CELLS_PER_REQUEST = 100_000;

const count = (n: number) => n.toLocaleString("en-US");

const MESSAGES: Messages<RangeReadIssue> = {
  nameNotFound: (i) => `The workbook has no table or named range "${i.name}".`,
  nameNotRange: (i) => `The name "${i.name}" does not refer to a range of cells.`,
  rangeEmpty: (i) => `${i.address} is empty: select the schedule's cells, header row included, and try again.`,
  rangeTooLarge: (i) =>
    `${i.address} holds ${count(i.cells)} cells; the limit is ${count(i.limitCells)}. Select only the schedule's rows and columns.`,
};

/** The message a finance user reads for a range that could not be read. */
export const describeRangeReadIssue: (issue: RangeReadIssue) => string = catalogue(MESSAGES);

interface Block {
  readonly sheetName: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/**
 * Reads the selected range, or a table or named range, as a grid. Only the used part is read: a selection of
 * whole columns reads down to the last filled row, and a single selected cell reads its sheet's used range (the
 * user clicked into the schedule rather than selecting it). Office errors reject unchanged.
 * @example const grid = await readRangeAsGrid(hostExcel(), { kind: "name", name: "AcmeRates" });
 */
export async function readRangeAsGrid(
  excel: ExcelGateway,
  source: RangeSource,
  limitCells: number = MAX_RANGE_CELLS,
): Promise<Result<WorkbookGrid, RangeReadIssue>> {
  return excel.run(async (context) => {
    const resolved = await resolveRange(context, source);
    if (!resolved.ok) return resolved;
    const { range, label } = resolved.value;
    range.load("rowCount,columnCount");
    // A single cell means "this schedule": read the used range of its sheet.
    const sheet = range.worksheet.load("name");
    const used = sheet.getUsedRangeOrNullObject(true);
    const usedPart = range.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    usedPart.load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    const singleCell = source.kind === "selection" && range.rowCount === 1 && range.columnCount === 1;
    const block = singleCell ? used : usedPart;
    if (block.isNullObject) return fail<RangeReadIssue>({ code: "rangeEmpty", address: label });
    const rect: Block = {
      sheetName: source.kind === "sheet" ? source.shownAs : sheet.name,
      rowIndex: block.rowIndex,
      columnIndex: block.columnIndex,
      rowCount: block.rowCount,
      columnCount: block.columnCount,
    };
    const address = addressOf(rect);
    const cells = rect.rowCount * rect.columnCount;
    if (cells > limitCells) return fail<RangeReadIssue>({ code: "rangeTooLarge", address, cells, limitCells });

    const values: unknown[][] = [];
    const rowsPerRequest = Math.max(1, Math.floor(CELLS_PER_REQUEST / rect.columnCount));
    for (let start = 0; start < rect.rowCount; start += rowsPerRequest) {
      const rows = Math.min(rowsPerRequest, rect.rowCount - start);
      const part = sheet
        .getRangeByIndexes(rect.rowIndex + start, rect.columnIndex, rows, rect.columnCount)
        .load("values");
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk keeps responses small
      await context.sync();
      values.push(...part.values);
    }
    return ok<WorkbookGrid>({
      sheetName: rect.sheetName,
      address,
      firstRowNumber: rect.rowIndex + 1,
      firstColumnNumber: rect.columnIndex + 1,
      values,
    });
  });
}

/** The range a source names, or why there is none; `label` names it in messages. */
async function resolveRange(
  context: Excel.RequestContext,
  source: RangeSource,
): Promise<Result<{ range: Excel.Range; label: string }, RangeReadIssue>> {
  if (source.kind === "selection") return ok({ range: context.workbook.getSelectedRange(), label: "The selection" });
  if (source.kind === "sheet")
    return ok({ range: context.workbook.worksheets.getItem(source.id).getRange(), label: `"${source.shownAs}"` });
  const table = context.workbook.tables.getItemOrNullObject(source.name);
  const name = context.workbook.names.getItemOrNullObject(source.name);
  name.load("type");
  await context.sync();
  if (!table.isNullObject) return ok({ range: table.getRange(), label: `Table ${source.name}` });
  if (name.isNullObject) return fail({ code: "nameNotFound", name: source.name });
  if (name.type !== "Range") return fail({ code: "nameNotRange", name: source.name });
  return ok({ range: name.getRange(), label: `The range ${source.name}` });
}

/** Lists the workbook's tables (with their sheet) and workbook-scoped named ranges, in one request. */
export async function listRangeSources(excel: ExcelGateway): Promise<RangeSources> {
  return excel.run(async (context) => {
    const tables = context.workbook.tables.load("items/name,items/worksheet/name");
    const names = context.workbook.names.load("items/name,items/type");
    await context.sync();
    return {
      tables: tables.items.map((table) => ({ name: table.name, sheetName: table.worksheet.name })),
      names: names.items.filter((item) => item.type === "Range").map((item) => item.name),
    };
  });
}

/** "'Acme Rates'!A1:F120": quoted when the sheet name needs it, as Excel writes it. */
function addressOf({ sheetName, rowIndex, columnIndex, rowCount, columnCount }: Block): string {
  const sheet = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  const start = `${columnLetters(columnIndex)}${rowIndex + 1}`;
  const end = `${columnLetters(columnIndex + columnCount - 1)}${rowIndex + rowCount}`;
  return `${sheet}!${start === end ? start : `${start}:${end}`}`;
}
