import Papa from "papaparse";

/** A CSV file as rows of trimmed cells; row `i` is line `i + 1` of the file. */
export type CsvGrid = readonly (readonly string[])[];

/** DOS end-of-file marker (Ctrl-Z) that some CMS files still end with. */
const END_OF_FILE_MARKER = "\u001a";

/**
 * Reads CSV text into rows of trimmed cells with papaparse (quotes, CRLF). A byte-order mark is dropped and a
 * final DOS end-of-file marker row is removed: it is not data.
 */
export function readCsvGrid(text: string): CsvGrid {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: false });
  const rows = parsed.data.map((row) => row.map((cell) => cell.trim()));
  while (rows.length > 0 && isBlankRow(rows[rows.length - 1] ?? [], true)) rows.pop();
  return rows;
}

/** Whether every cell is empty (optionally counting a lone end-of-file marker as empty). */
export function isBlankRow(row: readonly string[], allowEndOfFileMarker = false): boolean {
  return row.every((cell) => cell === "" || (allowEndOfFileMarker && cell === END_OF_FILE_MARKER));
}

/** A header text reduced to upper-case letters and digits, so "CO-\nSURG", "CO- SURG" and "Co-Surg" compare equal. */
export function headerKey(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, "");
}
