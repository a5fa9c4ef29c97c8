/**
 * Hospital MRF CSV, tall and wide, v2 and v3, read as a stream: papaparse's row parser is fed one chunk at a time
 * and the incomplete last row of each chunk is carried into the next, so a 500 MB file is read with a few MB of
 * memory and each row is judged as soon as it is complete.
 */
import Papa from "papaparse";
import { fail, ok } from "../../../engine";
import type { MarketRateFilter } from "../marketRate";
import { RateCollector, type ChargeField, type ItemCode, type SkipReason } from "./collector";
import {
  GENERAL_HEADER_ROW,
  GENERAL_VALUES_ROW,
  ITEM_HEADER_ROW,
  readGeneralData,
  readItemHeader,
  type ItemLayout,
  type PayerColumns,
  type TallLayout,
  type WideLayout,
} from "./csvHeader";
import { codesPattern, skimRecords } from "./csvSkim";
import type { HospitalMrfFileIssue, MrfPosition } from "./issues";
import {
  finishRead,
  generationOf,
  type HospitalIdentity,
  type HospitalMrfFormat,
  type HospitalMrfResult,
} from "./result";
import type { ReadPacer, TextChunk } from "./textChunks";
import { pipeList } from "./vocabulary";

/** The longest row read, 16 million characters: a real row is a few hundred; longer is a quote left open. */
export const MAX_ROW_CHARACTERS = 1 << 24;

/** The line break of the file, from its first one (papaparse's row parser must be told). */
function newlineOf(text: string): "\r\n" | "\n" | "\r" {
  const lf = text.indexOf("\n");
  if (lf > 0 && text[lf - 1] === "\r") return "\r\n";
  if (lf >= 0) return "\n";
  return text.includes("\r") ? "\r" : "\n";
}

/** Why the first row is not a general-data header: an X12 file, or another CSV (a PFS file, a payer schedule). */
function notMrf(firstRow: readonly string[]): HospitalMrfFileIssue {
  const start = firstRow.join(",").slice(0, 60);
  return { code: "notHospitalMrf", looksLike: /^ISA[*|^~:]/.test(start) ? "x12" : "delimited", start };
}

/** The reading state between rows: the header block first, then item rows. */
class CsvState {
  rowNumber = 0;
  generalHeader: string[] = [];
  general: { identity: HospitalIdentity; version: string } | null = null;
  layout: ItemLayout | null = null;
  format: HospitalMrfFormat | null = null;
  /** A row shorter than the header, reported once the next row shows it was not the file's last (a cut). */
  short: { rowNumber: number; cells: number } | null = null;

  constructor(readonly collector: RateCollector) {}

  /** Takes one record; a file-level issue stops the reading. */
  take(row: string[]): HospitalMrfFileIssue | null {
    this.rowNumber++;
    const rowNumber = this.rowNumber;
    if (rowNumber === GENERAL_HEADER_ROW) {
      const keys = row.map((cell) =>
        cell
          .replace(/^\uFEFF/, "")
          .trim()
          .toLowerCase(),
      );
      if (!keys.includes("hospital_name") && !keys.some((key) => key === "version")) return notMrf(row);
      this.generalHeader = row;
      return null;
    }
    if (rowNumber === GENERAL_VALUES_ROW) {
      const general = readGeneralData(this.generalHeader, row);
      if (!general.ok) return general.issue;
      this.general = general.value;
      return null;
    }
    if (rowNumber === ITEM_HEADER_ROW) {
      const version = this.general!.version;
      // readGeneralData has refused every version without a generation.
      const header = readItemHeader(row, { version, generation: generationOf(version)! });
      if (!header.ok) return header.issue;
      this.layout = header.value.layout;
      this.format = header.value.format;
      return null;
    }
    if (row.length === 1 && row[0]!.trim() === "") return null;
    const layout = this.layout!;
    this.flushShort();
    this.collector.rowsRead++;
    if (row.length < layout.headers.length) {
      this.short = { rowNumber, cells: row.length };
      return null;
    }
    if (layout.layout === "tall") readTallRow(this.collector, layout, row, rowNumber);
    else readWideRow(this.collector, layout, row, rowNumber);
    return null;
  }

  /** Counts records skimmed past without parsing (csvSkim.ts): none holds a code asked for. */
  pass(records: number, blank: number): void {
    if (records > 0) this.flushShort();
    this.rowNumber += records + blank;
    this.collector.rowsRead += records;
    this.collector.skip("filteredOut", records);
  }

  /** Whether rows may be skimmed: a tall file read for some codes, its line breaks line feeds. */
  skimmable(filter: MarketRateFilter, newline: string): boolean {
    return this.layout?.layout === "tall" && filter.codes !== undefined && newline !== "\r";
  }

  private flushShort(): void {
    if (this.short === null) return;
    this.collector.report({ code: "rowShort", ...this.short, expected: this.layout!.headers.length });
    this.collector.skip("rowMalformed");
    this.short = null;
  }

  /** At the end of the file: a short last row means the file was cut inside it. */
  finish(): HospitalMrfFileIssue | null {
    if (this.short !== null)
      return { code: "fileCutMidRow", ...this.short, expected: this.layout?.headers.length ?? 0 };
    if (this.rowNumber < GENERAL_VALUES_ROW) return { code: "generalDataMissing", column: "version" };
    if (this.layout === null)
      return { code: "itemHeaderMissing", rowNumber: ITEM_HEADER_ROW, found: "(the file ends before row 3)" };
    return null;
  }
}

function cellOf(row: readonly string[], column: number): string {
  return column < 0 ? "" : (row[column] ?? "");
}

function selectRowCodes(collector: RateCollector, layout: ItemLayout, row: readonly string[], where: Where) {
  const pairs = layout.codes.map(([code, type]) => [row[code] ?? "", row[type] ?? ""] as const);
  return collector.selectCodes(pairs, cellOf(row, layout.modifiers).trim() !== "", where);
}

type Where = (field: ChargeField) => MrfPosition;

/** The column of each charge field of a row (payer columns are those of one payer group in a wide file). */
function whereIn(layout: ItemLayout, payer: PayerColumns, payerColumn: number, rowNumber: number): Where {
  return (field) => {
    const column = {
      code: layout.codes[0]![0],
      setting: layout.setting,
      billingClass: layout.billingClass,
      dollar: payer.dollar,
      percentage: payer.percentage,
      methodology: payer.methodology,
      payer: payerColumn,
    } satisfies Record<ChargeField, number>;
    return { row: rowNumber, column: (layout.headers[column[field]] ?? field).trim() };
  };
}

function readTallRow(collector: RateCollector, layout: TallLayout & ItemLayout, row: string[], rowNumber: number) {
  const where = whereIn(layout, layout, layout.payer, rowNumber);
  const codes = selectRowCodes(collector, layout, row, where);
  if (typeof codes === "string") return collector.skip(codes);
  addPayerCharge(collector, layout, layout, row, codes, rowNumber, where, row[layout.payer]!, row[layout.plan]!);
}

function readWideRow(collector: RateCollector, layout: WideLayout & ItemLayout, row: string[], rowNumber: number) {
  let codes: ItemCode[] | SkipReason | null = null;
  for (const payer of layout.payers) {
    const hasCharge = [payer.dollar, payer.percentage, payer.algorithm].some(
      (column) => cellOf(row, column).trim() !== "",
    );
    // A wide row leaves the columns of payers without a charge for the item blank: no charge, nothing to count.
    if (!hasCharge) continue;
    // The payer's name is in the header of its columns: a blank one is reported at its dollar column.
    const where = whereIn(layout, payer, payer.dollar, rowNumber);
    codes ??= selectRowCodes(collector, layout, row, where);
    if (typeof codes === "string") collector.skip(codes);
    else addPayerCharge(collector, layout, payer, row, codes, rowNumber, where, payer.payer, payer.plan);
  }
}

function addPayerCharge(
  collector: RateCollector,
  layout: ItemLayout,
  columns: PayerColumns,
  row: readonly string[],
  codes: readonly ItemCode[],
  rowNumber: number,
  where: Where,
  payer: string,
  plan: string,
) {
  collector.addCharge(
    codes,
    {
      payer,
      plan,
      setting: cellOf(row, layout.setting),
      billingClass: layout.billingClass < 0 ? undefined : cellOf(row, layout.billingClass),
      modifiers: pipeList(cellOf(row, layout.modifiers)),
      dollar: cellOf(row, columns.dollar),
      percentage: cellOf(row, columns.percentage),
      algorithm: cellOf(row, columns.algorithm),
      methodology: cellOf(row, columns.methodology),
    },
    `row ${rowNumber}`,
    where,
  );
}

/**
 * Reads a hospital CSV from its text chunks. The first row must be the general-data header, the third the item
 * header (tall or wide); a cut file (an unclosed quote, a short last row) is refused with no rate.
 */
export async function readHospitalMrfCsv(
  chunks: AsyncIterable<TextChunk>,
  pacer: ReadPacer,
  filter: MarketRateFilter,
): Promise<HospitalMrfResult> {
  const state = new CsvState(new RateCollector(filter));
  let parser: Papa.Parser | null = null;
  let newline: ReturnType<typeof newlineOf> | null = null;
  let pattern: RegExp | null = null;
  let carried = "";
  for await (const chunk of chunks) {
    const text = carried + (state.rowNumber === 0 && carried === "" ? chunk.text.replace(/^\uFEFF/, "") : chunk.text);
    newline ??= newlineOf(text);
    parser ??= new Papa.Parser({ delimiter: ",", newline, quoteChar: '"' });
    const rowParser = parser;
    if (state.skimmable(filter, newline)) {
      pattern ??= codesPattern(filter.codes!);
      const consumed = skimRecords(text, pattern, {
        take: (record) => {
          for (const row of (rowParser.parse(record, 0, false) as Papa.ParseResult<string[]>).data) state.take(row);
        },
        pass: (records, blank) => state.pass(records, blank),
      });
      carried = text.substring(consumed);
    } else {
      const parsed = parser.parse(text, 0, true) as Papa.ParseResult<string[]>;
      for (const row of parsed.data) {
        const stop = state.take(row);
        if (stop !== null) return fail(stop);
      }
      carried = text.substring(parsed.meta.cursor);
    }
    // An unclosed quote would otherwise carry the rest of the file from chunk to chunk, re-parsed each time.
    if (carried.length > MAX_ROW_CHARACTERS)
      return fail({ code: "rowTooLong", rowNumber: state.rowNumber + 1, limit: MAX_ROW_CHARACTERS });
    if (await pacer.afterChunk(chunk, state.collector.rowsRead))
      return fail({ code: "cancelled", rowsRead: state.collector.rowsRead });
  }
  if (parser === null) return fail({ code: "fileEmpty" });
  if (carried !== "") {
    const parsed = parser.parse(carried, 0, false) as Papa.ParseResult<string[]>;
    const unclosed = parsed.errors.find((error) => error.code === "MissingQuotes");
    if (unclosed !== undefined)
      return fail({
        code: "quoteNeverClosed",
        rowNumber: state.rowNumber + (unclosed.row ?? 0) + 1,
        rowsRead: state.collector.rowsRead,
      });
    for (const row of parsed.data) {
      const stop = state.take(row);
      if (stop !== null) return fail(stop);
    }
  }
  const end = state.finish();
  if (end !== null) return fail(end);
  return ok(finishRead(state.collector, state.format!, state.general!.identity));
}
