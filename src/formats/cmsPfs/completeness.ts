/**
 * Whether a CMS file was read to its end, from signs that hold for every real file in ../shared/data/cms-pfs
 * (PPRRVU 2024 July, 2025 January re-saved by Excel, 2025 October, 2026 July; GPCI 2025 and its Excel copy):
 *
 * - every file ends with a line break, or with the DOS end-of-file marker (Ctrl-Z) that only a writer that finished
 *   puts there (PPRRVU24_JUL, PPRRVU25_JAN1); a file cut inside a line ends with neither;
 * - every PPRRVU data row has the same number of cells, the last one included;
 * - PPRRVU codes are in order, either digits first (0001F ... 99607, then A0021 ... V5364: 2025 October, 2026) or,
 *   as CMS's mainframe sorts, letters first (A0021 ... V5364, then 0001F ... 99607: 2024, 2025 January), so a
 *   complete file ends in the last family of its order: the V codes, or the 99 codes;
 * - every GPCI locality name marked with asterisks (ALASKA*, WYOMING**) has its footnote under the table
 *   ("*Work GPCI reflects a 1.5 floor in Alaska...", "**PE GPCI reflects a 1.0 floor for frontier states...").
 *
 * And a file that stops right after its header has no data rows at all.
 *
 * A cut at a line boundary inside the last family (the last ~200 V or 99 rows) of a file without the end-of-file
 * marker cannot be told from a complete file: CMS states no row count.
 */
import type { CmsCsv } from "./csvGrid";
import type { CodeListEnd, ImportIssue } from "./importIssues";

/** The end of one data row, as the checks see it. */
export interface DataRowEnd {
  readonly rowNumber: number;
  readonly cells: number;
  /** The HCPCS code as normalised ("00100" for "100"), or the cell as written when it is not a code. */
  readonly code: string;
}

/**
 * A file that ends inside a line: no final line break and no end-of-file marker. `completeRows` counts the
 * non-blank rows below the header before that last line.
 */
function cutMidLine(csv: CmsCsv, fileKind: string, completeRows: number): ImportIssue | null {
  if (csv.endsWithLineBreak || csv.endOfFileMarker) return null;
  return { code: "fileCutMidLine", fileKind, rowNumber: csv.rows.length, completeRows };
}

/** The non-blank rows below the header, the last one left out. */
function rowsBeforeLast(csv: CmsCsv, headerRowNumber: number): number {
  return Math.max(0, csv.rows.slice(headerRowNumber, -1).filter((row) => row.some((cell) => cell !== "")).length);
}

const isDigit = (c: string): boolean => c >= "0" && c <= "9";

/** Compares codes letters first, digits after, as EBCDIC does (PPRRVU24_JUL's order). */
function compareLettersFirst(a: string, b: string): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? "";
    const y = b[i] ?? "";
    if (x === y) continue;
    if (isDigit(x) !== isDigit(y)) return isDigit(x) ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** Where a complete file of each order ends. */
const FINAL_FAMILY = {
  "V codes": (code: string) => code.startsWith("V"),
  "99 codes": (code: string) => code.startsWith("99"),
} as const satisfies Record<CodeListEnd, (code: string) => boolean>;

/**
 * The family a complete file in this code order ends with: the V codes when digits come first, the 99 codes when
 * letters do; null when the codes are in neither order (a file re-sorted by another column). Codes that fit both
 * orders (one family only so far) are told apart by the first code: a digits-first file starts with a digit.
 */
function expectedEnd(codes: readonly string[]): CodeListEnd | null {
  let digitsFirst = true;
  let lettersFirst = true;
  for (let i = 1; i < codes.length && (digitsFirst || lettersFirst); i++) {
    const previous = codes[i - 1] ?? "";
    const code = codes[i] ?? "";
    if (previous > code) digitsFirst = false;
    if (compareLettersFirst(previous, code) > 0) lettersFirst = false;
  }
  if (digitsFirst && lettersFirst) return isDigit(codes[0]?.[0] ?? "0") ? "V codes" : "99 codes";
  return digitsFirst ? "V codes" : lettersFirst ? "99 codes" : null;
}

function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = 0;
  for (const [value, n] of counts) if (n > (counts.get(best) ?? 0)) best = value;
  return best;
}

/**
 * Refuses a PPRRVU file that was cut short (see the signs above), with how far it got and what a complete file has;
 * null when it reads as complete. `headerRowNumber` is where the data starts, for a file cut right after it.
 */
export function pprrvuCutShort(
  csv: CmsCsv,
  fileKind: string,
  headerRowNumber: number,
  dataRows: readonly DataRowEnd[],
): ImportIssue | null {
  const rowsRead = dataRows.length;
  const midLine = cutMidLine(csv, fileKind, rowsBeforeLast(csv, headerRowNumber));
  if (midLine !== null) return midLine;
  const last = dataRows[dataRows.length - 1];
  if (last === undefined) return { code: "noDataRows", fileKind, headerRowNumber };
  const expectedCells = mostCommon(dataRows.map((row) => row.cells));
  if (last.cells < expectedCells)
    return { code: "lastRowShort", fileKind, rowNumber: last.rowNumber, cells: last.cells, expectedCells, rowsRead };
  if (csv.endOfFileMarker) return null;
  const end = expectedEnd(dataRows.map((row) => row.code));
  if (end === null || FINAL_FAMILY[end](last.code)) return null;
  return { code: "codeListUnfinished", fileKind, rowNumber: last.rowNumber, lastCode: last.code, rowsRead, expectedEnd: end }; // prettier-ignore
}

/** A locality name carrying a footnote mark ("ALASKA*"). */
export interface MarkedRow {
  readonly rowNumber: number;
  readonly mark: string;
  readonly text: string;
}

/** The asterisks a locality name ends with ("WYOMING**" -> "**"), or "" for none. */
export const trailingMark = (text: string): string => /\*+$/.exec(text)?.[0] ?? "";
/** The asterisks a footnote starts with ("**PE GPCI reflects..." -> "**"), or "" for none. */
const leadingMark = (text: string): string => /^\*+/.exec(text)?.[0] ?? "";

/**
 * Refuses a GPCI file that was cut short: it ends inside a line, it has nothing below its header, or a footnote mark
 * used by a locality name has no footnote under the table. Null when it reads as complete.
 */
export function gpciCutShort(
  csv: CmsCsv,
  fileKind: string,
  headerRowNumber: number,
  localitiesRead: number,
  marked: readonly MarkedRow[],
  notes: readonly string[],
): ImportIssue | null {
  const midLine = cutMidLine(csv, fileKind, rowsBeforeLast(csv, headerRowNumber));
  if (midLine !== null) return midLine;
  if (csv.rows.length <= headerRowNumber) return { code: "noDataRows", fileKind, headerRowNumber };
  const explained = new Set(notes.map(leadingMark));
  const unexplained = marked.find((row) => !explained.has(row.mark));
  if (unexplained === undefined) return null;
  return {
    code: "footnoteMissing",
    fileKind,
    rowNumber: csv.rows.length,
    rowsRead: localitiesRead,
    mark: unexplained.mark,
    markedRowNumber: unexplained.rowNumber,
    markedText: unexplained.text,
  };
}
