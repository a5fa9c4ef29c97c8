/**
 * Telling Excel's refusals from bugs. Office.js rejects with an `OfficeExtension.Error`, which carries a non-empty
 * string `code` ("ItemNotFound", "InvalidArgument"...): an expected failure the caller turns into an issue value.
 * Anything else thrown inside `Excel.run` is a bug in the add-in, which callers rethrow.
 */

/** What an Office refusal says: its code, for support, and its message, for the user. */
export interface OfficeRefusal {
  readonly code: string;
  readonly message: string;
}

/** The refusal when `error` is one of Office's errors (a string `code`), else null: a bug, to be rethrown. */
export function officeError(error: unknown): OfficeRefusal | null {
  if (typeof error !== "object" || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== "string" || code === "") return null;
  return { code, message: typeof message === "string" ? message : "" };
}

/**
 * The issue a workbook-writing feature (uplift model, variance review, portfolio summary, sharing) reports when
 * Office refuses a request; each feature words it in its own catalogue, saying what became of the workbook.
 */
export interface ExcelFailedIssue {
  readonly code: "excelFailed";
  /** Office's error code ("ItemNotFound", "RequestPayloadSizeLimitExceeded"...). */
  readonly excelCode: string;
  readonly message: string;
}

/** The {@link ExcelFailedIssue} for a refusal. */
export function excelFailed(refusal: OfficeRefusal): ExcelFailedIssue {
  return { code: "excelFailed", excelCode: refusal.code, message: refusal.message };
}
