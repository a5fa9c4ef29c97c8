// Copies of real CMS files cut short, as a failed download or a copy interrupted leaves them.

/** Where a file is cut: inside a line (mid-line) or just after a line break (a whole number of lines). */
export type Cut = "mid-line" | "line boundary";

/**
 * The text cut at about `share` of its length: inside a line (never next to a line break, so the cut is really
 * mid-line), or after the last line break before that point.
 */
export function cutShort(text: string, share: number, cut: Cut): string {
  let at = Math.floor(text.length * share);
  if (cut === "line boundary") return text.slice(0, text.lastIndexOf("\n", at) + 1);
  while (/[\r\n]/.test(text[at - 1] ?? "") || /[\r\n]/.test(text[at] ?? "")) at -= 3;
  return text.slice(0, at);
}

/** The lines of a text as a spreadsheet numbers them (none of the real CMS files has a line break inside a cell). */
export function linesOf(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** The first field of a line, as the PPRRVU's HCPCS code is read: digits re-padded ("100" -> "00100"). */
export function firstField(line: string): string {
  const field = line.split(",")[0] ?? "";
  return /^\d{1,4}$/.test(field) ? field.padStart(5, "0") : field;
}
