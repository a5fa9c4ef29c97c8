import Papa from "papaparse";
import { headerRowScore, HEADER_SEARCH_ROWS } from "./columnMapping";
import { nextTask, type PacingOptions } from "./pacing";

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

/**
 * The top of a file that delimiter detection reads: papaparse would split a whole unquoted file into lines before
 * taking its first rows, so only this much is handed to it (70 rows of up to 3,700 characters).
 */
const TOP_CHARACTERS = 1 << 18;

function parseTop(text: string, delimiter: Delimiter): string[][] {
  return Papa.parse<string[]>(text.slice(0, TOP_CHARACTERS), {
    delimiter,
    header: false,
    skipEmptyLines: false,
    preview: HEADER_SEARCH_ROWS + 20,
  }).data;
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
 * The delimiter under which a header row appears (so a European file's "12,50" does not make it a comma file),
 * else the one giving the most rows of equal width, from the top of the file only.
 */
function detectDelimiter(text: string): Delimiter {
  let best: { delimiter: Delimiter; score: [number, number] } | null = null;
  for (const delimiter of DELIMITERS) {
    const score = delimiterScore(parseTop(text, delimiter));
    if (best === null || score[0] > best.score[0] || (score[0] === best.score[0] && score[1] > best.score[1]))
      best = { delimiter, score };
  }
  return best?.delimiter ?? ",";
}

/** Characters of text parsed between two chances to pause: about 10 ms of papaparse (6,000 short rows). */
const CHUNK_CHARACTERS = 1 << 17;

/**
 * Parses the text with papaparse's chunked parsing, collecting the rows into one grid (the only copy the import
 * keeps). Without `pacing` it runs to the end at once; with it, it pauses between chunks once a slice is used up,
 * gives the event loop a turn, reports progress and stops when the signal aborts (then null).
 */
function parseInChunks(
  text: string,
  delimiter: Delimiter,
  pacing: PacingOptions | null,
): Promise<DelimitedText | null> | DelimitedText {
  const grid: string[][] = [];
  const unbalancedQuoteRows: number[] = [];
  let cancelled = false;
  let sliceStart = Date.now();
  const finished = () => (cancelled ? null : { grid, delimiter, unbalancedQuoteRows });
  const chunk = (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
    for (const error of results.errors)
      if (error.code === "MissingQuotes" && error.row !== undefined)
        unbalancedQuoteRows.push(grid.length + error.row + 1);
    for (const row of results.data) grid.push(row);
    if (pacing === null || Date.now() - sliceStart < (pacing.sliceMs ?? 16)) return;
    if (pacing.signal?.aborted) {
      cancelled = true;
      parser.abort();
      return;
    }
    parser.pause();
    pacing.onProgress?.({ phase: "reading", done: results.meta.cursor, total: text.length });
    void nextTask().then(() => {
      sliceStart = Date.now();
      if (pacing.signal?.aborted) {
        cancelled = true;
        parser.abort();
      } else parser.resume();
    });
  };
  const config = { delimiter, header: false, skipEmptyLines: false, chunkSize: CHUNK_CHARACTERS, chunk } as const;
  if (pacing === null) {
    Papa.parse<string[]>(text, config);
    return { grid, delimiter, unbalancedQuoteRows };
  }
  return new Promise((resolve) => Papa.parse<string[]>(text, { ...config, complete: () => resolve(finished()) }));
}

/**
 * Reads CSV, TSV or delimited TXT into a grid with papaparse (quotes, quoted line breaks, CRLF). The delimiter is
 * detected from the top of the file (see detectDelimiter). A byte-order mark is dropped.
 */
export function readDelimitedText(text: string): DelimitedText {
  const body = text.replace(/^\uFEFF/, "");
  return parseInChunks(body, detectDelimiter(body), null) as DelimitedText;
}

/**
 * {@link readDelimitedText} in slices that give the event loop a turn, with progress (characters read) and cancel
 * (then null): a 20 MB file takes about a second to parse, too long to freeze the task pane.
 */
export async function readDelimitedTextAsync(text: string, pacing: PacingOptions = {}): Promise<DelimitedText | null> {
  const body = text.replace(/^\uFEFF/, "");
  return parseInChunks(body, detectDelimiter(body), pacing);
}
