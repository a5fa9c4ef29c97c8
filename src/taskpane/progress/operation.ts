import type { Result } from "../../engine";
import type { TaskPaneCommand } from "../taskPaneCommand";

/**
 * Long operations of the task pane (imports, model builds) as the progress UI sees them: a function that reports
 * counts, stops when its signal is aborted, and ends with an outcome that says, in the user's words, what happened.
 */

/** How far an operation is: `done` of `total` units (rows, codes, claims). */
export interface OperationProgressCount {
  readonly done: number;
  readonly total: number;
}

/** What the progress UI hands an operation. */
export interface OperationControls {
  /** Aborted when the user clicks Cancel or the pane goes away. */
  readonly signal: AbortSignal;
  readonly onProgress: (progress: OperationProgressCount) => void;
}

/** How an operation ended; `message` is shown as is. */
export type OperationOutcome<Output> =
  | { readonly ok: true; readonly value: Output; readonly message: string }
  | { readonly ok: false; readonly cancelled: boolean; readonly message: string };

/** A long operation on some input. Expected failures are outcomes; a thrown error is shown as a failure too. */
export type Operation<Input, Output> = (input: Input, controls: OperationControls) => Promise<OperationOutcome<Output>>;

/** Where an operation's latest run stands, as a component renders it. */
export type OperationState<Output> =
  | { readonly status: "idle" }
  | {
      readonly status: "running";
      /** Null until the operation first reports. */
      readonly progress: OperationProgressCount | null;
      /** The user clicked Cancel; the operation stops at its next check. */
      readonly cancelRequested: boolean;
      /** Estimated seconds left at the rate so far; absent or null while there is no honest estimate. */
      readonly secondsLeft?: number | null;
    }
  | { readonly status: "succeeded"; readonly value: Output; readonly message: string }
  | { readonly status: "failed"; readonly message: string }
  | { readonly status: "cancelled"; readonly message: string };

/**
 * A command's input with the progress UI's controls as optional fields: omitted, the command runs to the end without
 * reporting (a test, a script); given, it reports progress and stops on Cancel.
 */
export type WithControls<Input> = Input & {
  readonly signal?: AbortSignal;
  readonly onProgress?: OperationControls["onProgress"];
};

/**
 * A long task-pane action (an import, a model build, a save): a command taking the progress UI's controls with its
 * input and ending with an outcome whose message the pane shows as is. `useOperationCommand` runs it with a progress
 * bar and Cancel.
 */
export type OperationCommand<Input, Output> = TaskPaneCommand<WithControls<Input>, OperationOutcome<Output>>;

/** How the Excel layer's writers count: rows written of the rows to write. */
export interface RowsWritten {
  readonly rowsWritten: number;
  readonly totalRows: number;
}

/** The progress UI's callback as a row writer's: rows written become units done. Undefined when there is none. */
export function rowsProgress(
  onProgress: OperationControls["onProgress"] | undefined,
): ((progress: RowsWritten) => void) | undefined {
  return onProgress && (({ rowsWritten, totalRows }) => onProgress({ done: rowsWritten, total: totalRows }));
}

/** An operation refused before it started (nothing to write, a file that cannot be read): shown as a failure. */
export function refusedOutcome(message: string): OperationOutcome<never> {
  return { ok: false, cancelled: false, message };
}

/**
 * An Excel-layer result as an outcome: the issue's message from its catalogue (a cancel shown as cancelled), or the
 * success message made from the value.
 *
 * @example outcomeOf(await repairFormulas(excel, request), describeSharingIssue, (report) => `Re-entered ${report.reentered}.`)
 */
export function outcomeOf<Value, Issue extends { readonly code: string }>(
  result: Result<Value, Issue>,
  describe: (issue: Issue) => string,
  succeeded: (value: Value) => string,
  isCancel: (issue: Issue) => boolean = (issue) => issue.code === "cancelled",
): OperationOutcome<Value> {
  return result.ok
    ? { ok: true, value: result.value, message: succeeded(result.value) }
    : { ok: false, cancelled: isCancel(result.issue), message: describe(result.issue) };
}
