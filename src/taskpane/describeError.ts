/**
 * The text a user sees for a failure: the error's message, with Office's error code when it has one
 * (`OfficeExtension.Error` carries `code`, e.g. "ItemNotFound") so that a report to support can quote it.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error || (typeof error === "object" && error !== null && "message" in error)) {
    const { message, code } = error as { message?: unknown; code?: unknown };
    const text = typeof message === "string" && message.trim() !== "" ? message : "Something went wrong.";
    return typeof code === "string" && code !== "" && !text.includes(code) ? `${text} (${code})` : text;
  }
  return typeof error === "string" && error !== "" ? error : "Something went wrong.";
}
