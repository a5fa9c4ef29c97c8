/**
 * How an operation that did not complete left the workbook, as values, and the one message a finance user reads for
 * each case (STYLE.md "two error channels"). A message states only what the runner has checked: "the workbook is as it
 * was" only after the staging area was removed and nothing of the commit took effect.
 */
import { catalogue } from "../../../engine";
import type { OfficeRefusal } from "../officeErrors";

/** What the workbook holds after an operation stopped. */
export type WorkbookAfter =
  /** Checked: exactly as before the operation. */
  | { readonly kind: "unchanged" }
  /** As before, except hidden working sheets of the add-in that could not be removed. */
  | { readonly kind: "leftovers"; readonly sheetNames: readonly string[]; readonly refusal: OfficeRefusal }
  /** The commit took effect in part: what is done and what is not, in the steps' words. */
  | { readonly kind: "partial"; readonly done: readonly string[]; readonly notDone: readonly string[] }
  /** The commit was sent but Excel could not be asked how far it got. */
  | { readonly kind: "unknown"; readonly steps: readonly string[] };

/** When the operation stopped. */
export type OperationPhase = "reading" | "writing" | "saving";

/** Why an operation did not complete; `what` names the operation in messages ("the variance review"). */
export type OperationIssue =
  | { readonly code: "cancelled"; readonly what: string; readonly workbook: WorkbookAfter }
  | {
      readonly code: "excelRefused";
      readonly what: string;
      readonly phase: OperationPhase;
      readonly refusal: OfficeRefusal;
      readonly workbook: WorkbookAfter;
    };

/** Office error codes in the user's words (Excel.ErrorCodes); the code itself is added for support. */
const REFUSALS: Readonly<Record<string, string>> = {
  AccessDenied: "the workbook or a sheet is protected, or you may not change it",
  ActivityLimitReached: "Excel is busy with too many requests",
  Conflict: "someone else changed the same part of the workbook",
  EditModeCannotAcquireLock: "a cell is being edited: press Enter or Esc in the sheet, then try again",
  InvalidOperationInCellEditMode: "a cell is being edited: press Enter or Esc in the sheet, then try again",
  GeneralException: "Excel reported an unexpected error",
  InsertDeleteConflict: "rows or columns in the way could not be moved",
  InvalidArgument: "Excel refused what it was asked to write",
  InvalidOperation: "Excel refused the change in this workbook",
  InvalidReference: "a sheet, table or range it needed no longer exists",
  ItemAlreadyExists: "a sheet or table of the same name already exists",
  ItemNotFound: "a sheet, table or setting it needed no longer exists (renamed or deleted meanwhile?)",
  MemoryLimitReached: "Excel ran out of memory",
  RequestAborted: "the request was interrupted",
  RequestPayloadSizeLimitExceeded: "a request was larger than Excel accepts",
  ServiceNotAvailable: "Excel is not available right now",
  Unauthenticated: "Excel asked to sign in again",
  UnsupportedOperation: "this version of Excel does not support the change",
  UnsupportedSheet: "the sheet is of a kind Excel cannot change this way",
};

/** An Office refusal in the user's words, with Excel's code for support: never Office's raw message. */
export function describeRefusal(refusal: OfficeRefusal): string {
  return `${REFUSALS[refusal.code] ?? "Excel reported an error"} (Excel error ${refusal.code})`;
}

const PHASES: Readonly<Record<OperationPhase, string>> = {
  reading: "Excel could not read the workbook",
  writing: "Excel stopped while the new content was being prepared",
  saving: "Excel stopped while the result was being saved",
};

const list = (items: readonly string[]) => items.join("; ");

/** What the workbook holds now, in words. */
export function describeWorkbookAfter(workbook: WorkbookAfter): string {
  switch (workbook.kind) {
    case "unchanged":
      return "Nothing was changed: the workbook is as it was.";
    case "leftovers":
      return (
        `Nothing of yours was changed, but the add-in's hidden working sheets ${workbook.sheetNames.map((n) => `"${n}"`).join(", ")} ` +
        `could not be removed (${describeRefusal(workbook.refusal)}); they hold no data of yours, and the add-in ` +
        `removes them the next time it writes to this workbook.`
      );
    case "partial":
      return (
        `Part of the change was saved. Done: ${list(workbook.done)}. Not done: ${list(workbook.notDone)}. ` +
        `Run it again to complete it.`
      );
    case "unknown":
      return (
        `The add-in could not check how far Excel got with: ${list(workbook.steps)}. ` +
        `Check the workbook, then run it again.`
      );
  }
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The message for an operation issue.
 * @example describeOperationIssue({ code: "cancelled", what: "the import", workbook: { kind: "unchanged" } })
 * // "The import was cancelled. Nothing was changed: the workbook is as it was."
 */
export const describeOperationIssue: (issue: OperationIssue) => string = catalogue<OperationIssue>({
  cancelled: (issue) => `${capitalised(issue.what)} was cancelled. ${describeWorkbookAfter(issue.workbook)}`,
  excelRefused: (issue) =>
    `${capitalised(issue.what)} did not complete: ${PHASES[issue.phase]}: ${describeRefusal(issue.refusal)}. ` +
    describeWorkbookAfter(issue.workbook),
});
