/**
 * The AnesthesiaBaseUnits table as the Medicare import writes it from an anesthesia base units file: the columns
 * ANESTHESIA_BASE_UNITS_SPEC declares (code, base units, the file's row for audit), so what is written is what the
 * registry reads back.
 */
import type { AnesthesiaBaseUnitsRow } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import type { TableWriteRequest } from "../core/tableWriter";
import { tableColumnsOf } from "../registry/columnDictionary";
import { ANESTHESIA_BASE_UNITS_SPEC } from "../registry/registryTables";

/** The sheet the base units are written on. */
export const ANESTHESIA_BASE_UNITS_SHEET = "Anesthesia Base Units";

/** The table write of the base units: one row per code, in the file's order. */
export function anesthesiaBaseUnitsRequest(rows: readonly AnesthesiaBaseUnitsRow[]): TableWriteRequest {
  const cells = {
    hcpcsCode: (row: AnesthesiaBaseUnitsRow) => row.hcpcsCode,
    baseUnits: (row: AnesthesiaBaseUnitsRow) => row.baseUnits,
    sourceRow: (row: AnesthesiaBaseUnitsRow) => row.sourceRowNumber,
  } satisfies Record<keyof typeof ANESTHESIA_BASE_UNITS_SPEC.columns, (row: AnesthesiaBaseUnitsRow) => string | number>;
  const fields = Object.keys(ANESTHESIA_BASE_UNITS_SPEC.columns) as (keyof typeof cells)[];
  return {
    sheetName: ANESTHESIA_BASE_UNITS_SHEET,
    tableName: ANESTHESIA_BASE_UNITS_SPEC.title,
    columns: tableColumnsOf(ANESTHESIA_BASE_UNITS_SPEC.columns),
    rows: rows.map((row) => fields.map((field) => cells[field](row))),
  };
}

/** The sheet of the workbook's AnesthesiaBaseUnits table, or null when it has none (one request). */
export async function existingBaseUnitsSheet(excel: ExcelGateway): Promise<string | null> {
  return excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(ANESTHESIA_BASE_UNITS_SPEC.title);
    table.load("name");
    await context.sync();
    if (table.isNullObject) return null;
    const sheet = table.worksheet.load("name");
    await context.sync();
    return sheet.name;
  });
}
