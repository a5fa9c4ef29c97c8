import type { Result } from "../../engine";
import type { ExcelGateway } from "../../excel/core/excelGateway";
import { outcomeOf, type OperationCommand, type OperationControls } from "./operation";

/** An Excel-layer writer as a task-pane command declares it: what it runs, and how its result is worded. */
export interface WriterCommandSpec<Input, Value, Issue extends { readonly code: string }> {
  /** Stable id, for tests and logs (`sharing.freeze`). */
  readonly name: string;
  /** Button text, in the user's words. */
  readonly label: string;
  /** The writer, given the input without the controls and the controls it understands. */
  readonly write: (
    excel: ExcelGateway,
    input: Input,
    controls: Partial<OperationControls>,
  ) => Promise<Result<Value, Issue>>;
  /** The writer's message catalogue. */
  readonly describe: (issue: Issue) => string;
  /** The success message, from what was written and what was asked. */
  readonly succeeded: (value: Value, input: Input) => string;
  /** Which issue is the user's Cancel; default the issue coded "cancelled" (the operation runner's). */
  readonly isCancel?: (issue: Issue) => boolean;
}

/**
 * A long command from its declaration: the controls are taken off the input (so that no signal or callback reaches a
 * request the writer stores in the workbook) and handed to the writer, and its result becomes the outcome the
 * progress UI shows.
 *
 * @example
 * export const freezeCommand = writerCommand({ name: "sharing.freeze", label: "Freeze",
 *   write: (excel, { sheetNames }, controls) => freezeForSharing(excel, sheetNames, controls),
 *   describe: describeSharingIssue, succeeded: (report) => `Froze ${report.sheets.length} sheets.` });
 */
export function writerCommand<Input, Value, Issue extends { readonly code: string }>(
  spec: WriterCommandSpec<Input, Value, Issue>,
): OperationCommand<Input, Value> {
  return {
    name: spec.name,
    label: spec.label,
    run: async (excel, { signal, onProgress, ...rest }) => {
      // `rest` is the input as given: the controls are the only fields taken off it.
      const input = rest as unknown as Input;
      const result = await spec.write(excel, input, { signal, onProgress });
      return outcomeOf(result, spec.describe, (value) => spec.succeeded(value, input), spec.isCancel);
    },
  };
}
