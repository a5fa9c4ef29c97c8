/** Office's errors (OfficeExtension.Error) carry a string `code`; anything else is a bug and is rethrown by callers. */
export function officeError(error: unknown): { code: string; message: string } | null {
  if (typeof error !== "object" || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== "string" || code === "") return null;
  return { code, message: typeof message === "string" ? message : "" };
}
