import type { ExcelGateway } from "../../excel/core/excelGateway";
import { describeTableWriteIssue } from "../../excel/core/tableWriteIssues";
import { writeTable, type TableWriteRequest, type WrittenTable } from "../../excel/core/tableWriter";
import { countOf } from "../shared/wording";
import { outcomeOf, rowsProgress, type Operation } from "./operation";

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
  return async ({ request, replaceExisting = false }, { signal, onProgress }) =>
    outcomeOf(
      await writeTable(excel, request, { replaceExisting, signal, onProgress: rowsProgress(onProgress) }),
      describeTableWriteIssue,
      ({ rowCount, tableName, sheetName }) =>
        `Wrote ${countOf(rowCount, "row", "rows")} to table ${tableName} on sheet "${sheetName}".`,
    );
}
