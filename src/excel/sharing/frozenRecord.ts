/**
 * The "Frozen for sharing" record: a visible sheet listing every cell block that "freeze for sharing" turned from a
 * `PAYER.*` formula into values (sheet, range, original formula, when), so that nothing is lost: "repair formulas"
 * re-enters the formulas from it, and an auditor can see which numbers are no longer live.
 */
import type { ExcelGateway } from "../core/excelGateway";

/** The record's sheet and table names (stable: documented in the README). */
export const FROZEN_RECORD_SHEET = "Frozen for sharing";
export const FROZEN_RECORD_TABLE = "FrozenForSharing";
/** The table's headers, in order. */
export const FROZEN_RECORD_HEADERS = ["Sheet", "Range", "Original Formula", "Frozen At"] as const;

/** One frozen block: its anchor (top-left) held `formula`, and the whole range now holds its values. */
export interface FrozenEntry {
  readonly sheet: string;
  /** A1 range on `sheet`: "B7", or "B7:G30" for a spilled result. */
  readonly range: string;
  readonly formula: string;
  /** "2026-11-27 14:05 UTC". */
  readonly frozenAt: string;
}

/** Row of the table's header (0-based): below the title and the note. */
const HEADER_ROW = 3;
const ROWS_PER_WRITE = 5_000;

/** The entries recorded in the workbook, in table order; none when there is no record. */
export async function readFrozenRecord(excel: ExcelGateway): Promise<FrozenEntry[]> {
  return excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(FROZEN_RECORD_TABLE);
    await context.sync();
    if (table.isNullObject) return [];
    const body = table.getDataBodyRange().load("values");
    await context.sync();
    return body.values
      .map((row) => row.map((cell) => String(cell ?? "")))
      .filter(([sheet, range, formula]) => sheet !== "" && range !== "" && (formula ?? "").startsWith("="))
      .map(([sheet, range, formula, frozenAt]) => ({
        sheet: sheet as string,
        range: range as string,
        formula: formula as string,
        frozenAt: frozenAt ?? "",
      }));
  });
}

/** A text cell as written: the apostrophe keeps a formula's text (and any text) from being read as a formula. */
const asText = (text: string): string => `'${text}`;

/**
 * Replaces the record with `entries` (the record sheet is removed when there are none). The new record is written
 * under a temporary name, in chunks, and takes the old one's place in its last request.
 */
export async function writeFrozenRecord(excel: ExcelGateway, entries: readonly FrozenEntry[]): Promise<void> {
  await excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    const old = worksheets.getItemOrNullObject(FROZEN_RECORD_SHEET);
    await context.sync();
    if (entries.length === 0) {
      if (!old.isNullObject) old.delete();
      await context.sync();
      return;
    }
    const sheet = worksheets.add(old.isNullObject ? FROZEN_RECORD_SHEET : `~${FROZEN_RECORD_SHEET}`);
    const intro = sheet.getRangeByIndexes(0, 0, 2, 1);
    intro.values = [
      [asText("Frozen for sharing")],
      [
        asText(
          "These cells held PAYER.* formulas and now hold the values they showed at the time given. To make them " +
            "live again, open the add-in's Sharing tab and run Repair formulas (restore frozen cells), or rebuild the model.",
        ),
      ],
    ];
    sheet.getRange("A1").format.font.set({ size: 16, bold: true, color: "#1F4E79" });
    sheet.getRangeByIndexes(HEADER_ROW, 0, 1, FROZEN_RECORD_HEADERS.length).values = [[...FROZEN_RECORD_HEADERS]];
    for (let start = 0; start < entries.length; start += ROWS_PER_WRITE) {
      const chunk = entries.slice(start, start + ROWS_PER_WRITE);
      sheet.getRangeByIndexes(HEADER_ROW + 1 + start, 0, chunk.length, FROZEN_RECORD_HEADERS.length).values = chunk.map(
        (e) => [asText(e.sheet), asText(e.range), asText(e.formula), asText(e.frozenAt)],
      );
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk keeps requests under 5 MB
      await context.sync();
    }
    if (!old.isNullObject) {
      old.delete();
      sheet.name = FROZEN_RECORD_SHEET;
    }
    const table = sheet.tables.add(
      sheet.getRangeByIndexes(HEADER_ROW, 0, entries.length + 1, FROZEN_RECORD_HEADERS.length),
      true,
    );
    table.name = FROZEN_RECORD_TABLE;
    [90, 110, 420, 150].forEach((width, c) => {
      sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = width;
    });
    await context.sync();
  });
}
