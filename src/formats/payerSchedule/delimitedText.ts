import Papa from "papaparse";
import { headerRowScore, HEADER_SEARCH_ROWS } from "./columnMapping";

/** The separators payer exports use: comma (CSV), tab (TSV, Excel "Text"), semicolon (European CSV), pipe (TXT). */
export const DELIMITERS = [",", "\t", ";", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** A delimited text file read as rows of cells; row `i` is record `i + 1` of the file. */
export interface DelimitedText {
  readonly grid: readonly (readonly string[])[];
  readonly delimiter: Delimiter;
  /** 1-based rows where a quoted cell was never closed (the rest of the file may sit in one cell). */
  readonly unbalancedQuoteRows: readonly number[];
}

function parse(text: string, delimiter: Delimiter, preview = 0): Papa.ParseResult<string[]> {
  return Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false, preview });
}

/**
 * How well a delimiter splits the top of a file: first whether some row then reads as a schedule header
 * (its {@link headerRowScore}), then how many rows share the most common width above one column.
 */
function delimiterScore(rows: readonly (readonly string[])[]): [number, number] {
  const header = Math.max(0, ...rows.map((row) => headerRowScore(row)));
  const widths = new Map<number, number>();
  for (const row of rows) if (row.length > 1) widths.set(row.length, (widths.get(row.length) ?? 0) + 1);
  return [header, Math.max(0, ...widths.values())];
}

/**
 * Reads CSV, TSV or delimited TXT into a grid with papaparse (quotes, quoted line breaks, CRLF). The delimiter is
 * the one under which a header row appears (so a European file's "12,50" does not make it a comma file), else the
 * one giving the most rows of equal width. A byte-order mark is dropped.
 */
export function readDelimitedText(text: string): DelimitedText {
  const body = text.replace(/^\uFEFF/, "");
  let best: { delimiter: Delimiter; score: [number, number] } | null = null;
  for (const delimiter of DELIMITERS) {
    const score = delimiterScore(parse(body, delimiter, HEADER_SEARCH_ROWS + 20).data);
    if (best === null || score[0] > best.score[0] || (score[0] === best.score[0] && score[1] > best.score[1]))
      best = { delimiter, score };
  }
  const delimiter = best?.delimiter ?? ",";
  const parsed = parse(body, delimiter);
  const unbalancedQuoteRows = parsed.errors
    .filter((error) => error.code === "MissingQuotes" && error.row !== undefined)
    .map((error) => (error.row ?? 0) + 1);
  return { grid: parsed.data, delimiter, unbalancedQuoteRows };
}
