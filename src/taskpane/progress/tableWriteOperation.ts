import type { ExcelGateway } from "../../excel/core/excelGateway";
import { describeTableWriteIssue } from "../../excel/core/tableWriteIssues";
import { writeTable, type TableWriteRequest, type WrittenTable } from "../../excel/core/tableWriter";
import type { Operation } from "./operation";

/** Input of {@link tableWriteOperation}: the table, and whether the user confirmed replacing its sheet. */
export interface TableWriteInput {
  readonly request: TableWriteRequest;
  readonly replaceExisting?: boolean;
}

/**
 * `writeTable` as a cancellable task-pane operation: progress in rows, the user's Cancel as its abort signal,
 * and every issue turned into the message the progress UI shows.
 */
export function tableWriteOperation(excel: ExcelGateway): Operation<TableWriteInput, WrittenTable> {
  return async ({ request, replaceExisting = false }, { signal, onProgress }) => {
    const result = await writeTable(excel, request, {
      replaceExisting,
      signal,
      onProgress: ({ rowsWritten, totalRows }) => onProgress({ done: rowsWritten, total: totalRows }),
    });
    if (result.ok) {
      const { rowCount, tableName, sheetName } = result.value;
      const rows = `${rowCount.toLocaleString()} ${rowCount === 1 ? "row" : "rows"}`;
      return { ok: true, value: result.value, message: `Wrote ${rows} to table ${tableName} on sheet "${sheetName}".` };
    }
    return { ok: false, cancelled: result.issue.code === "cancelled", message: describeTableWriteIssue(result.issue) };
  };
}
