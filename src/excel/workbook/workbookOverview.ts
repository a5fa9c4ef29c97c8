import { hostExcel, type ExcelGateway } from "../core/excelGateway";

/** One Excel table as the task pane's Workbook panel lists it. */
export interface TableOverview {
  /** The table's name, as formulas refer to it (`Claims[HCPCS Code]`). */
  readonly name: string;
  /** The worksheet that holds the table. */
  readonly sheetName: string;
  /** Data rows, without the header (and total) row. */
  readonly rowCount: number;
  /** Header texts, left to right. */
  readonly columnNames: readonly string[];
}

/**
 * Lists every table in the workbook with its sheet, data-row count and column names, in workbook order.
 *
 * Two round trips whatever the number of tables: one to learn the tables, one for all their details
 * (queued for every table before a single `sync`, never a sync per table).
 * Office errors reject the returned promise unchanged, for the caller to show.
 *
 * @example
 * const tables = await readWorkbookOverview(); // [{ name: "Claims", sheetName: "Claims", rowCount: 3000, ... }]
 */
export async function readWorkbookOverview(excel: ExcelGateway = hostExcel()): Promise<TableOverview[]> {
  return excel.run(async (context) => {
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();

    const pending = tables.items.map((table) => {
      const worksheet = table.worksheet;
      worksheet.load("name");
      const rows = table.rows;
      rows.load("count");
      const columns = table.columns;
      columns.load("items/name");
      return { table, worksheet, rows, columns };
    });
    await context.sync();

    return pending.map(({ table, worksheet, rows, columns }) => ({
      name: table.name,
      sheetName: worksheet.name,
      rowCount: rows.count,
      columnNames: columns.items.map((column) => column.name),
    }));
  });
}
