/**
 * The contract registry of a saved .xlsx workbook: its tables read with exceljs into the cells the add-in reads
 * through Office.js (`TableData`, values as `Range.values` gives them), then built by the add-in's own pure
 * `buildRegistry`, so the tool and the add-in read the same table specs with the same messages.
 */
import ExcelJS from "exceljs";
import { fail, ok, registryKey, type Result } from "../engine";
import { buildRegistry, PAYER_CONTRACTS_TABLE, type RegistrySnapshot, type TableData } from "../excel/registry";
import type { CliIssue } from "./cliIssues";

type Cell = string | number | boolean;

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** A value as Excel's `Range.values` gives it: dates as serial numbers, errors as their text, empty as "". */
function excelValue(value: ExcelJS.CellValue): Cell | undefined {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  // exceljs reads date-formatted numbers as UTC dates.
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_UTC) / MS_PER_DAY;
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? undefined : excelValue(result);
  }
  if ("error" in value) return value.error;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("text" in value) return typeof value.text === "string" ? value.text : excelValue(value.text);
  return "";
}

/** One table's header and body cells, or the first formula cell Excel never calculated. */
function tableData(file: string, sheet: ExcelJS.Worksheet, name: string, ref: string): Result<TableData, CliIssue> {
  const [from, to = from] = ref.split(":") as [string, string?];
  const start = sheet.getCell(from);
  const end = sheet.getCell(to);
  const rows: Cell[][] = [];
  for (let row = Number(start.row); row <= Number(end.row); row++) {
    const cells: Cell[] = [];
    for (let column = Number(start.col); column <= Number(end.col); column++) {
      const cell = sheet.getCell(row, column);
      const value = excelValue(cell.value);
      if (value === undefined)
        return fail({ code: "formulaNotCalculated", file, sheet: sheet.name, cell: cell.address });
      cells.push(value);
    }
    rows.push(cells);
  }
  const [headers = [], ...body] = rows;
  return ok({ name, sheet: sheet.name, headers, rows: body, firstRowNumber: Number(start.row) + 1 });
}

/** Every table of a workbook, by registry key of its name, as `readRegistryTables` gives them from Excel. */
export async function readWorkbookTables(file: string): Promise<Result<Map<string, TableData>, CliIssue>> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(file);
  } catch (error) {
    return fail({ code: "workbookUnreadable", file, detail: error instanceof Error ? error.message : String(error) });
  }
  const tables = new Map<string, TableData>();
  for (const sheet of book.worksheets) {
    for (const table of sheet.getTables()) {
      const model = (table as unknown as { table: { name: string; tableRef: string } }).table;
      const data = tableData(file, sheet, model.name, model.tableRef);
      if (!data.ok) return data;
      tables.set(registryKey(model.name), data.value);
    }
  }
  return ok(tables);
}

/** The registry of a workbook file, with its issues as the add-in reports them. */
export async function readWorkbookRegistry(file: string): Promise<Result<RegistrySnapshot, CliIssue>> {
  const tables = await readWorkbookTables(file);
  if (!tables.ok) return tables;
  if (!tables.value.has(registryKey(PAYER_CONTRACTS_TABLE))) {
    const names = [...tables.value.values()].map((table) => table.name);
    return fail({ code: "workbookWithoutContracts", file, tables: names });
  }
  return ok(buildRegistry(tables.value));
}
