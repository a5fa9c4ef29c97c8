/**
 * What Excel does to a formula copied to another cell: every relative part of an A1 reference moves by the distance
 * of the copy, absolute parts (`$`) stay, and a reference pushed off the grid becomes `#REF!`. Cells (`B2`, `$B$2`),
 * ranges (`B2:C9`), whole columns (`B:C`) and whole rows (`2:9`) are moved, sheet-qualified or not (the sheet stays).
 * String literals and structured references (`Claims[Allowed]`, which name columns, not cells) are left alone, as
 * are names and function names (`LOG10(`).
 */
import { columnIndex, columnLetters, MAX_COLUMNS, MAX_ROWS } from "./addresses";

/** One corner of a reference: each coordinate absent (whole rows or columns) or with its `$` flag. */
interface Part {
  readonly absolute: boolean;
  readonly index: number;
}

// A reference starts where no name character precedes it (a sheet's "!" may) and ends before "(" or a name character.
const BEFORE = String.raw`(?<![A-Za-z0-9_.$])`;
const AFTER = String.raw`(?![A-Za-z0-9_.(!$])`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d{1,7}`;
const REFERENCE = new RegExp(
  `${BEFORE}(?:(${CELL})(?::(${CELL}))?|(\\$?[A-Za-z]{1,3}):(\\$?[A-Za-z]{1,3})|(\\$?\\d{1,7}):(\\$?\\d{1,7}))${AFTER}`,
  "g",
);

const part = (text: string, index: number): Part => ({ absolute: text.startsWith("$"), index });

function moved(p: Part, delta: number, limit: number): Part | null {
  const index = p.absolute ? p.index : p.index + delta;
  return index < 0 || index >= limit ? null : { absolute: p.absolute, index };
}

const columnText = (p: Part) => `${p.absolute ? "$" : ""}${columnLetters(p.index)}`;
const rowText = (p: Part) => `${p.absolute ? "$" : ""}${p.index + 1}`;

function shiftCell(text: string, rows: number, columns: number): string | null {
  const [, columnPart = "", rowPart = ""] = /^(\$?[A-Za-z]+)(\$?\d+)$/.exec(text) ?? [];
  const column = moved(part(columnPart, columnIndex(columnPart.replace("$", ""))), columns, MAX_COLUMNS);
  const row = moved(part(rowPart, Number(rowPart.replace("$", "")) - 1), rows, MAX_ROWS);
  return column === null || row === null ? null : columnText(column) + rowText(row);
}

function shiftColumn(text: string, columns: number): string | null {
  const column = moved(part(text, columnIndex(text.replace("$", ""))), columns, MAX_COLUMNS);
  return column === null ? null : columnText(column);
}

function shiftRow(text: string, rows: number): string | null {
  const row = moved(part(text, Number(text.replace("$", "")) - 1), rows, MAX_ROWS);
  return row === null ? null : rowText(row);
}

/** Moves the references of the formula text outside string literals and brackets. */
function shiftPlain(text: string, rows: number, columns: number): string {
  return text.replace(
    REFERENCE,
    (whole, cell?: string, cellEnd?: string, col?: string, colEnd?: string, row?: string, rowEnd?: string) => {
      const corners =
        cell !== undefined
          ? [shiftCell(cell, rows, columns), cellEnd === undefined ? "" : shiftCell(cellEnd, rows, columns)]
          : col !== undefined
            ? [shiftColumn(col, columns), shiftColumn(colEnd!, columns)]
            : row !== undefined
              ? [shiftRow(row, rows), shiftRow(rowEnd!, rows)]
              : [whole];
      if (corners.some((c) => c === null)) return "#REF!";
      return corners.filter((c) => c !== "").join(":");
    },
  );
}

/** The formula as Excel writes it when the cell holding it is copied `rows` down and `columns` right (negative: up, left). */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  let out = "";
  let plainStart = 0;
  const flush = (end: number) => {
    out += shiftPlain(formula.slice(plainStart, end), rows, columns);
  };
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch !== '"' && ch !== "[" && ch !== "'") continue;
    flush(i);
    const end = ch === "[" ? bracketEnd(formula, i) : quoteEnd(formula, i, ch);
    out += formula.slice(i, end);
    plainStart = end;
    i = end - 1;
  }
  flush(formula.length);
  return out;
}

/** Index after the string literal or quoted sheet name starting at `start` ("" and '' are escaped quotes). */
function quoteEnd(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] !== quote) continue;
    if (text[i + 1] === quote) i++;
    else return i + 1;
  }
  return text.length;
}

/** Index after the balanced `[...]` starting at `start` (' escapes a bracket inside). */
function bracketEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === "'") i++;
    else if (text[i] === "[") depth++;
    else if (text[i] === "]" && --depth === 0) return i + 1;
  }
  return text.length;
}
