import { readWorkbookOverview, type TableOverview } from "../../excel/workbook/workbookOverview";
import type { TaskPaneCommand } from "../taskPaneCommand";

/** Lists the workbook's tables (name, sheet, rows, columns) for the Workbook panel. */
export const listTables: TaskPaneCommand<void, TableOverview[]> = {
  name: "workbook.listTables",
  label: "Refresh",
  run: (excel) => readWorkbookOverview(excel),
};
