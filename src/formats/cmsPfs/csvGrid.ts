import Papa from "papaparse";
import { fail, isBlankCell, ok, type Result } from "../../engine";
import type { ImportIssue } from "./importIssues";
import { decodeFileBytes, hasControlCharacter, sniffText } from "./textInput";

/** A CSV file as rows of trimmed cells; row `i` is record `i + 1` of the file (a spreadsheet's row `i + 1`). */
export type CsvGrid = readonly (readonly string[])[];

/** DOS end-of-file marker (Ctrl-Z) that some CMS files still end with (PPRRVU24_JUL, PPRRVU25_JAN). */
export const END_OF_FILE_MARKER = "\u001a";

/** A quoted cell that holds line breaks: in a CMS file that is always a quote left open, swallowing the lines after it. */
export interface QuotedLineBreaks {
  /** The record that opens the quote, 1-based. */
  readonly rowNumber: number;
  /** How many line breaks the cell swallowed. */
  readonly lineBreaks: number;
  /** False when the quote is never closed: the cell runs to the end of the file. */
  readonly closed: boolean;
}

/** A CMS CSV file as read, with what its end says about whether it is complete. */
export interface CmsCsv {
  /** Trimmed cells; trailing blank rows and the end-of-file marker row are removed. */
  readonly rows: CsvGrid;
  /** The text ends with a line break (a file cut inside a line does not). */
  readonly endsWithLineBreak: boolean;
  /** The text ends with the DOS end-of-file marker, which only a writer that finished puts there. */
  readonly endOfFileMarker: boolean;
  readonly quotedLineBreaks: readonly QuotedLineBreaks[];
  /** Whether any cell (the end-of-file marker aside) holds a control character: rows need checking one by one. */
  readonly controlCharacters: boolean;
}

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Reads the text of a CMS CSV file with papaparse (quotes, CRLF). A byte-order mark is dropped; blank rows and an
 * end-of-file marker row at the end are removed but noted, with whether the text ends with a line break, so that
 * the readers can tell a complete file from a cut one.
 */
export function readCmsCsv(text: string): CmsCsv {
  const body = text.replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false });
  const rows = parsed.data.map((row) => row.map((cell) => cell.trim()));
  const unclosed = new Set(
    parsed.errors.filter((error) => error.code === "MissingQuotes").map((error) => (error.row ?? 0) + 1),
  );
  const quotedLineBreaks: QuotedLineBreaks[] = [];
  // Only a quoted cell holds a line break: a file without quotes (every real PPRRVU file) is not scanned.
  if (body.includes('"'))
    rows.forEach((row, index) => {
      if (!row.some((cell) => cell.includes("\n") || cell.includes("\r"))) return;
      const lineBreaks = row.reduce((sum, cell) => sum + (cell.match(LINE_BREAK)?.length ?? 0), 0);
      quotedLineBreaks.push({ rowNumber: index + 1, lineBreaks, closed: !unclosed.has(index + 1) });
    });
  const popBlankRows = () => {
    while (rows.length > 0 && isBlankRow(rows[rows.length - 1] ?? [])) rows.pop();
  };
  popBlankRows();
  const last = rows[rows.length - 1] ?? [];
  const endOfFileMarker = last[0] === END_OF_FILE_MARKER && isBlankRow(last.slice(1));
  if (endOfFileMarker) {
    rows.pop();
    popBlankRows();
  }
  // One scan of the whole text instead of one per cell: control characters are rare.
  const beforeMarker = endOfFileMarker ? body.slice(0, body.lastIndexOf(END_OF_FILE_MARKER)) : body;
  const controlCharacters = hasControlCharacter(beforeMarker);
  return { rows, endsWithLineBreak: /[\r\n]$/.test(body), endOfFileMarker, quotedLineBreaks, controlCharacters };
}

/**
 * Reads a CMS CSV file given as text or as the bytes of the file (decoded UTF-8 first, then UTF-16 by its
 * byte-order mark, then Windows-1252), refusing what is not CSV text (a PDF, a workbook, binary data) and an
 * empty file.
 */
export function readCmsInput(input: string | Uint8Array, fileKind: string): Result<CmsCsv, ImportIssue> {
  let text: string;
  if (typeof input === "string") {
    text = input.replace(/^\uFEFF/, "");
    const notText = sniffText(text);
    if (notText !== null) return fail({ code: "fileNotCsv", fileKind, ...notText });
  } else {
    const decoded = decodeFileBytes(input);
    if (!decoded.ok) return fail({ code: "fileNotCsv", fileKind, ...decoded.issue });
    text = decoded.value.text;
  }
  const csv = readCmsCsv(text);
  return csv.rows.length === 0 ? fail({ code: "fileEmpty", fileKind }) : ok(csv);
}

/**
 * The line breaks swallowed by a closed quote, by the row that opens it (that row is then reported, not read), or
 * the refusal of a file with a quote never closed: its last cell ran to the end of the file and swallowed the rest.
 */
export function swallowedLineBreaks(csv: CmsCsv, fileKind: string): Result<ReadonlyMap<number, number>, ImportIssue> {
  const open = csv.quotedLineBreaks.find((quote) => !quote.closed);
  if (open) return fail({ code: "quoteNeverClosed", fileKind, rowNumber: open.rowNumber, lineBreaks: open.lineBreaks });
  return ok(new Map(csv.quotedLineBreaks.map((quote) => [quote.rowNumber, quote.lineBreaks])));
}

/** Reads CSV text into rows of trimmed cells (see {@link readCmsCsv}), without the notes on its end. */
export function readCsvGrid(text: string): CsvGrid {
  return readCmsCsv(text).rows;
}

/** Whether every cell is blank (the vocabulary's rule; the cells are trimmed already). */
export function isBlankRow(row: readonly string[]): boolean {
  return row.every(isBlankCell);
}

/** A header text reduced to upper-case letters and digits, so "CO-\nSURG", "CO- SURG" and "Co-Surg" compare equal. */
export function headerKey(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, "");
}
