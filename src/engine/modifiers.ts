import { isBlankCell } from "./cellValues";
import type { Brand } from "./brand";
import { fail, ok, type Result } from "./result";

/** A HCPCS/CPT modifier, normalised: two upper-case letters or digits ("26", "TC", "59", "1P"). */
export type Modifier = Brand<string, "Modifier">;

/** A claim line carries at most four modifiers (CMS-1500 box 24D; 835 SVC01-3..6). */
export const MAX_MODIFIERS = 4;

const MODIFIER_PATTERN = /^[A-Z0-9]{2}$/;
/** Separators users put between modifiers in one cell: "26 59", "26,59", "26;59", "26/59", "26|59". */
const SEPARATORS = /[\s,;/|]+/;

/**
 * Reads one modifier. A number is read as its digits (59 -> "59"); a one-digit number is rejected rather than
 * padded, because no modifier starts with 0.
 */
export function parseModifier(value: unknown): Result<Modifier> {
  const text = (typeof value === "number" ? String(value) : typeof value === "string" ? value : "")
    .trim()
    .toUpperCase();
  return MODIFIER_PATTERN.test(text)
    ? ok(text as Modifier)
    : fail({ code: "modifierMalformed", value: String(value).trim() });
}

/**
 * Reads up to four modifiers from one or several cells: each cell may hold one modifier, several separated by
 * spaces, commas, semicolons, slashes or bars ("26 59", "26,59"), or be empty. Order is kept.
 * Rejects malformed modifiers, duplicates and more than four in all.
 * @example parseModifiers("26;59") // { ok: true, value: ["26", "59"] }
 * @example parseModifiers("lt", 50) // { ok: true, value: ["LT", "50"] }
 */
export function parseModifiers(...cells: readonly unknown[]): Result<readonly Modifier[]> {
  const tokens: unknown[] = [];
  for (const cell of cells) {
    if (isBlankCell(cell)) continue;
    if (typeof cell === "string") tokens.push(...cell.split(SEPARATORS).filter((t) => t !== ""));
    else tokens.push(cell);
  }
  const modifiers: Modifier[] = [];
  for (const token of tokens) {
    const parsed = parseModifier(token);
    if (!parsed.ok) return parsed;
    if (modifiers.includes(parsed.value)) return fail({ code: "modifierDuplicated", value: parsed.value });
    modifiers.push(parsed.value);
  }
  if (modifiers.length > MAX_MODIFIERS) return fail({ code: "tooManyModifiers", count: modifiers.length });
  return ok(modifiers);
}

/** Whether a line carries a modifier: `hasModifier(modifiers, "26")`. */
export function hasModifier(modifiers: readonly Modifier[], modifier: string): boolean {
  return modifiers.some((m) => m === modifier);
}
