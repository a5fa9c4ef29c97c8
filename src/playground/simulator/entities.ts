/**
 * The simulated workbook's own objects (what Excel holds on its side). Proxies resolve to these at sync time.
 */
import { MAX_COLUMNS, type CellRect } from "./addresses";

/** A value as the user or the API enters it; a string starting with "=" is a formula. */
export type CellInput = string | number | boolean | null;

/**
 * Text entered so that it stays text, with the leading apostrophe a user types in Excel: "=1+1", "-5" or "00100"
 * read from a file land as those characters, never as a formula or a number.
 */
export const textInput = (text: string): CellInput => (text === "" ? null : `'${text}`);

/** Property sets and method calls recorded on an object the simulator does not model (charts, formats). */
export interface Recorded {
  /** Dotted path -> last value set, e.g. "cellValue.format.fill.color" -> "#FFC7CE". */
  readonly properties: Record<string, unknown>;
  /** Methods called, with their dotted path, e.g. { path: "setPosition", args: ["A1", "H20"] }. */
  readonly calls: { path: string; args: unknown[] }[];
}

export interface RecordedConditionalFormat extends Recorded {
  readonly type: string;
  /** Address on its sheet, without the sheet name ("B2:B100"). */
  readonly address: string;
}

export interface RecordedChart extends Recorded {
  readonly type: string;
  readonly sourceAddress: string;
  readonly seriesBy: string;
}

/** A range's `dataValidation` sets (`rule = { list: { source } }`) and calls (`clear()`), recorded per range. */
export interface RecordedDataValidation extends Recorded {
  /** Address on its sheet, without the sheet name ("B12"). */
  readonly address: string;
}

/** A `range.format...` set or call (column widths, fonts, fills), recorded per range. */
export interface RecordedRangeFormat extends Recorded {
  readonly address: string;
}

export interface SheetEntity {
  readonly id: string;
  name: string;
  deleted: boolean;
  visibility: string;
  /** Cell key -> number format, only where not "General". */
  readonly numberFormats: Map<number, string>;
  /** Cell key -> formula text as the user wrote it, where it differs from what the engine holds (structured refs). */
  readonly userFormulas: Map<number, string>;
  readonly conditionalFormats: RecordedConditionalFormat[];
  readonly charts: RecordedChart[];
  readonly rangeFormats: RecordedRangeFormat[];
  readonly dataValidations: RecordedDataValidation[];
}

export interface TableEntity {
  readonly id: string;
  name: string;
  readonly sheet: SheetEntity;
  /** Whole table including the header row. */
  rect: CellRect;
  deleted: boolean;
  style: string;
}

/** A range resolved to its sheet and rectangle. */
export interface RangeEntity {
  readonly sheet: SheetEntity;
  readonly rect: CellRect;
}

/** Map key of a cell. */
export const cellKey = (row: number, column: number): number => row * MAX_COLUMNS + column;
export const keyRow = (key: number): number => Math.floor(key / MAX_COLUMNS);
export const keyColumn = (key: number): number => key % MAX_COLUMNS;

/** A fresh sheet entity. */
export function newSheet(id: string, name: string): SheetEntity {
  return {
    id,
    name,
    deleted: false,
    visibility: "Visible",
    numberFormats: new Map(),
    userFormulas: new Map(),
    conditionalFormats: [],
    charts: [],
    rangeFormats: [],
    dataValidations: [],
  };
}
