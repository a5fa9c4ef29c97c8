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
    }
  | { readonly status: "succeeded"; readonly value: Output; readonly message: string }
  | { readonly status: "failed"; readonly message: string }
  | { readonly status: "cancelled"; readonly message: string };
