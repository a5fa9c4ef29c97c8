import type { ExcelGateway } from "../excel/core/excelGateway";

/**
 * A task-pane action as a plain object: components render its label and state and call `run`; only `run` touches
 * the workbook, through the gateway it is given (the host's Excel or the simulator's).
 */
export interface TaskPaneCommand<Input, Output> {
  /** Stable id, for tests and logs (`workbook.listTables`). */
  readonly name: string;
  /** Button text, in the user's words. */
  readonly label: string;
  run(excel: ExcelGateway, input: Input): Promise<Output>;
}
