/**
 * What differs between a workbook as Excel's API shows it and as an .xlsx file stores it: functions newer than
 * Excel 2007 carry a `_xlfn.` prefix in the file (without it Excel shows #NAME?), colours are ARGB, column widths
 * are in characters of the default font instead of points. Each conversion is declared here once, both ways.
 */

/** Functions the add-in's sheets use that the file format stores under a prefix (ECMA-376 Part 1, 18.17.7 "future functions"). */
const FUTURE_FUNCTIONS = {
  FILTER: "_xlfn._xlws.FILTER",
  SORT: "_xlfn._xlws.SORT",
  MAXIFS: "_xlfn.MAXIFS",
  MINIFS: "_xlfn.MINIFS",
  IFS: "_xlfn.IFS",
  IFNA: "_xlfn.IFNA",
  XLOOKUP: "_xlfn.XLOOKUP",
  XMATCH: "_xlfn.XMATCH",
  UNIQUE: "_xlfn.UNIQUE",
  SEQUENCE: "_xlfn.SEQUENCE",
  SWITCH: "_xlfn.SWITCH",
  CONCAT: "_xlfn.CONCAT",
  TEXTJOIN: "_xlfn.TEXTJOIN",
  DAYS: "_xlfn.DAYS",
  LET: "_xlfn.LET",
} as const satisfies Record<string, string>;

const FUTURE_CALL = new RegExp(`(?<![\\w.])(${Object.keys(FUTURE_FUNCTIONS).join("|")})\\(`, "gi");
const PREFIX = /_xlfn\.(_xlws\.)?/gi;
/** Text literals of a formula, where nothing may be rewritten. */
const STRING_LITERAL = /("(?:[^"]|"")*")/;

/** Applies `rewrite` to the parts of a formula outside its text literals. */
function outsideLiterals(formula: string, rewrite: (code: string) => string): string {
  return formula
    .split(STRING_LITERAL)
    .map((part, i) => (i % 2 === 1 ? part : rewrite(part)))
    .join("");
}

/** A formula as the API gives it ("=MAXIFS(...)") as the file stores it ("_xlfn.MAXIFS(...)", no "="). */
export function fileFormula(formula: string): string {
  return outsideLiterals(formula.slice(1), (code) =>
    code.replace(
      FUTURE_CALL,
      (_, name: string) => `${FUTURE_FUNCTIONS[name.toUpperCase() as keyof typeof FUTURE_FUNCTIONS]}(`,
    ),
  );
}

/** A formula as the file stores it as the API gives it. */
export function apiFormula(stored: string): string {
  return `=${outsideLiterals(stored, (code) => code.replace(PREFIX, ""))}`;
}

/** "#FFC7CE" as the file's "FFFFC7CE"; null for what is not a "#RRGGBB" colour (a colour name the API accepts). */
export function fileColor(color: unknown): string | null {
  return typeof color === "string" && /^#[0-9A-Fa-f]{6}$/.test(color) ? `FF${color.slice(1).toUpperCase()}` : null;
}

/** The file's "FFFFC7CE" as "#FFC7CE". */
export function apiColor(argb: string): string {
  return `#${argb.slice(-6).toUpperCase()}`;
}

/** Excel's pixels for a width in characters of the default font (Calibri 11: 7 px a character, 5 px of padding). */
const PIXELS_PER_CHARACTER = 7;
const PADDING_PIXELS = 5;
const POINTS_PER_PIXEL = 0.75;

/** A column width in points (the API's `columnWidth`) as characters (the file's). */
export function fileColumnWidth(points: number): number {
  return Math.max(0, Math.round(((points / POINTS_PER_PIXEL - PADDING_PIXELS) / PIXELS_PER_CHARACTER) * 100) / 100);
}

/** A column width in characters as points. */
export function apiColumnWidth(characters: number): number {
  return (characters * PIXELS_PER_CHARACTER + PADDING_PIXELS) * POINTS_PER_PIXEL;
}

/** A date exceljs read (UTC midnight for a date-formatted number) as Excel's serial number. */
export function dateSerial(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}
