/**
 * Blank: what a reader takes for "no value". Excel gives an empty cell as "" (or null through some hosts and for an
 * omitted function argument), and a cell of spaces looks empty to the user, so it is blank too.
 * @example isBlankCell("  ") // true
 * @example isBlankCell(0) // false
 */
export function isBlankCell(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}
