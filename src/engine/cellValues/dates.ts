import { parseIsoDate, type IsoDate } from "../isoDate";
import { fail, type Result } from "../result";

/** "1/31/2025" or "1/31/25": month first, as US exports and payers write dates. */
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/;
/** "31.01.2025": day first with dots, as European exports write dates (never ambiguous with the US form). */
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/;
/** ISO text, with a time of day that is ignored ("2025-01-31 00:00:00", "2025-01-31T00:00:00Z"). */
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+Z?)?$/;
/** The digits of an Excel date exported as General text ("45688"). */
const SERIAL_TEXT = /^\d{5}$/;

/**
 * A two-digit year as Excel reads one typed into a cell: 00-29 are 2000-2029, 30-99 are 1930-1999 (Excel's
 * default cut-off), so "12/31/99" is 1999, not 2099.
 */
function fullYear(digits: string): string {
  if (digits.length === 4) return digits;
  const year = Number(digits);
  return String(year < 30 ? 2000 + year : 1900 + year);
}

const pad2 = (digits: string | undefined): string => (digits ?? "").padStart(2, "0");

/** The ISO text a date cell's text stands for, before the calendar check; null when it has none of the forms. */
function isoTextOf(text: string): string | null {
  const iso = ISO_DATE.exec(text);
  if (iso) return iso[1] ?? null;
  const us = US_DATE.exec(text);
  if (us) return `${fullYear(us[3] ?? "")}-${pad2(us[1])}-${pad2(us[2])}`;
  const dotted = DOTTED_DATE.exec(text);
  if (dotted) return `${fullYear(dotted[3] ?? "")}-${pad2(dotted[2])}-${pad2(dotted[1])}`;
  return null;
}

/**
 * Reads a date cell: an Excel serial number (or its five digits as text), ISO text 2025-01-31 (a time of day is
 * ignored), US text 1/31/2025 (month first; a two-digit year as Excel reads it) or European text 31.01.2025. A day
 * that does not exist (2/30/2025) is refused. The issue quotes the cell as written.
 * @example readDateCell("1/31/2025") // { ok: true, value: "2025-01-31" }
 * @example readDateCell(45688) // { ok: true, value: "2025-01-31" }
 */
export function readDateCell(value: unknown): Result<IsoDate> {
  if (typeof value !== "string") return parseIsoDate(value);
  const text = value.trim();
  const read = SERIAL_TEXT.test(text) ? parseIsoDate(Number(text)) : parseIsoDate(isoTextOf(text) ?? text);
  return read.ok ? read : fail({ code: "dateMalformed", value: text });
}

const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's serial dates (so that serial 1 is 1899-12-31, and every serial after 60 is the right day). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/**
 * A serial number as the date a date-formatted cell shows ("1899-12-31" for 1): what a user sees of a date that
 * does not read, rather than its serial. Numbers outside Excel's dates stay numbers.
 * @example serialDateText(1) // "1899-12-31"
 */
export function serialDateText(serial: number): string {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2958466) return String(serial);
  return new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * An ISO date as an Excel serial number, for writing dates that sort and compute in the sheet.
 * @example excelSerialOf("2025-01-31" as IsoDate) // 45688
 */
export function excelSerialOf(date: IsoDate): number {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return (Date.UTC(year, month - 1, day) - EXCEL_EPOCH_UTC) / MS_PER_DAY;
}
