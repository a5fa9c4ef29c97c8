import { describeRefusal } from "../excel/core/operation";
import { officeError } from "../excel/core/officeErrors";

/** What the pane was doing when an error reached it: only reading the workbook, or changing it. */
export type PaneAction = "reading" | "writing";

/**
 * What became of the workbook, by action: a read changes nothing; a write that Excel stopped outside the operation
 * runner's own reporting may have been applied in part, which the pane cannot check.
 */
const AFTER_OFFICE_ERROR = {
  reading: (refusal: string) => `Excel stopped before the workbook could be read: ${refusal}. Nothing was changed.`,
  writing: (refusal: string) =>
    `Excel stopped before this could finish: ${refusal}. The workbook may need checking before you try again.`,
} as const satisfies Record<PaneAction, (refusal: string) => string>;

/**
 * The text a user sees for a failure that reached the pane instead of coming back as an issue value. An Office
 * error (it carries a string `code`) is said in the user's words with Excel's code for support, never with Office's
 * raw message ("The requested resource doesn't exist."); anything else is a bug, shown with its own message so that a
 * report to support can quote it.
 */
export function describeError(error: unknown, action: PaneAction): string {
  const refusal = officeError(error);
  if (refusal !== null) return AFTER_OFFICE_ERROR[action](describeRefusal(refusal));
  if (error instanceof Error || (typeof error === "object" && error !== null && "message" in error)) {
    const { message } = error as { message?: unknown };
    return typeof message === "string" && message.trim() !== "" ? message : "Something went wrong.";
  }
  return typeof error === "string" && error !== "" ? error : "Something went wrong.";
}
