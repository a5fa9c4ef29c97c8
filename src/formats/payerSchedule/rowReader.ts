/**
 * One source row of a payer fee schedule read through the column mapping: the values found and the problems met.
 * The preview reads every row once for its problems; the clean rows are read again from the grid when they are
 * needed (see previewRows.ts), so the same rules here decide both.
 */
import type { Decimal } from "../../engine";
import type { FeeScheduleRow } from "../../engine";
import { readDollars, readHcpcsCodeCell, zerosLostFrom, type HcpcsCode } from "../../engine";
import type { IsoDate } from "../../engine";
import { parseModifiers, type Modifier } from "../../engine";
import { firstControlCharacter, hasControlCharacter, showControlCharacters } from "../cmsPfs/textInput";
import {
  cellText,
  cellValue,
  looksLikeFormula,
  MAX_RATE,
  parseScheduleDate,
  type CellValue,
  type DecimalStyle,
} from "./cellValues";
import { PAYER_SCHEDULE_FIELD_ORDER, type PayerScheduleField } from "./columnMapping";
import { problem, type PayerScheduleIssue, type PayerScheduleProblem, type ProblemColumn } from "./issues";

/** A clean schedule row: the engine's {@link FeeScheduleRow} plus the source description, shown and written as text. */
export interface PayerScheduleRow extends FeeScheduleRow {
  readonly description: string | null;
}

/** Where each mapped field is in the grid. */
export type MappedColumns = Readonly<Partial<Record<PayerScheduleField, ProblemColumn>>>;

/**
 * Rates read so far by their text: a schedule repeats the same few thousand rates over many rows, and a Decimal is
 * immutable, so one per text is shared. Cleared when it grows past {@link RATE_CACHE_SIZE} texts.
 */
export type RateCache = Map<string, RateReading>;

/** A rate as read, with what is wrong with it (decided once per text: comparing decimals allocates). */
interface RateReading {
  readonly rate: Decimal | null;
  readonly fault: "notANumber" | "negative" | "tooLarge" | "zero" | null;
}

function readRate(value: string | number, style: DecimalStyle): RateReading {
  // A payer's rate is a price: never negative.
  const rate = readDollars(value, "zeroOrMore", style);
  if (rate === "negative") return { rate: null, fault: "negative" };
  if (typeof rate === "string") return { rate: null, fault: "notANumber" };
  if (rate.gt(MAX_RATE)) return { rate, fault: "tooLarge" };
  return { rate, fault: rate.isZero() ? "zero" : null };
}
const RATE_CACHE_SIZE = 65536;

/** Reads one row's cells as the mapping says; with `collect` false it records no problems (a re-read). */
export class RowReader {
  private problems: PayerScheduleProblem[] | null = null;
  private failed = false;
  private readonly values: Partial<Record<PayerScheduleField, CellValue>> = {};

  constructor(
    cells: readonly unknown[],
    private readonly columns: MappedColumns,
    readonly rowNumber: number,
    private readonly style: DecimalStyle,
    private readonly collect = true,
    private readonly rates: RateCache = new Map(),
  ) {
    for (const field of PAYER_SCHEDULE_FIELD_ORDER) {
      const column = columns[field];
      this.values[field] = column === undefined ? null : cellValue(cells[column.index]);
    }
  }

  value(field: PayerScheduleField): CellValue {
    return this.values[field] ?? null;
  }

  /** The problems met so far, in the order met. */
  get found(): readonly PayerScheduleProblem[] {
    return this.problems ?? [];
  }

  get hasErrors(): boolean {
    return this.failed;
  }

  private columnName(field: PayerScheduleField): string {
    const column = this.columns[field];
    return column ? column.header || `column ${column.letter}` : field;
  }

  private add(issue: PayerScheduleIssue, field?: PayerScheduleField): void {
    const p = problem(issue, this.rowNumber, field ? (this.columns[field] ?? null) : null);
    if (p.severity === "error") this.failed = true;
    if (this.collect) (this.problems ??= []).push(p);
  }

  invalid(field: PayerScheduleField, expected: string): void {
    const value = cellText(this.value(field));
    this.add(
      { code: "valueInvalid", rowNumber: this.rowNumber, column: this.columnName(field), value, expected },
      field,
    );
  }

  /** Reports each mapped cell holding a control character; true when there was one (the row is then not read). */
  controlCharacters(): boolean {
    for (const field of PAYER_SCHEDULE_FIELD_ORDER) {
      const value = this.value(field);
      if (typeof value !== "string" || !hasControlCharacter(value)) continue;
      const column = this.columnName(field);
      const shown = showControlCharacters(value);
      this.add({ code: "controlCharacter", rowNumber: this.rowNumber, column, shown, codePoint: firstControlCharacter(value) }, field); // prettier-ignore
    }
    return this.failed;
  }

  /** Flags text that a spreadsheet would run as a formula; it stays text (ARCHITECTURE.md section 10). */
  formulaCheck(field: PayerScheduleField): void {
    const value = this.value(field);
    if (looksLikeFormula(value))
      this.add({ code: "formulaText", rowNumber: this.rowNumber, column: this.columnName(field), value }, field);
  }

  code(): HcpcsCode | null {
    const value = this.value("hcpcsCode");
    if (value === null) return null;
    const parsed = readHcpcsCodeCell(value);
    if (!parsed.ok) {
      const issue = { code: "valueRejected", rowNumber: this.rowNumber, column: this.columnName("hcpcsCode") } as const;
      this.add({ ...issue, issue: parsed.issue }, "hcpcsCode");
      return null;
    }
    const lostZeros = zerosLostFrom(value);
    if (lostZeros !== null)
      this.add(
        {
          code: "codeZerosRestored",
          rowNumber: this.rowNumber,
          column: this.columnName("hcpcsCode"),
          value: lostZeros,
          hcpcsCode: parsed.value,
        },
        "hcpcsCode",
      );
    return parsed.value;
  }

  modifier(): Modifier | null {
    const value = this.value("modifier");
    if (value === null) return null;
    const parsed = parseModifiers(value);
    if (!parsed.ok) {
      const column = this.columnName("modifier");
      this.add({ code: "valueRejected", rowNumber: this.rowNumber, column, issue: parsed.issue }, "modifier");
      return null;
    }
    if (parsed.value.length > 1) {
      this.invalid("modifier", "one modifier per row: give each modifier combination its own row");
      return null;
    }
    return parsed.value[0] ?? null;
  }

  rate(field: "nonFacilityRate" | "facilityRate"): Decimal | null {
    const value = this.value(field);
    if (value === null) return null;
    const { rate, fault } = this.readRate(value);
    switch (fault) {
      case "notANumber": {
        const example = this.style === "point" ? "125.00 or $1,234.50" : "125,00 or 1.234,50";
        this.invalid(field, `a rate in dollars, like ${example}`);
        break;
      }
      case "negative":
        this.invalid(field, "a rate of zero or more");
        break;
      case "tooLarge":
        this.invalid(field, "a rate of at most $10,000,000.00 per unit");
        break;
      case "zero":
        this.add({ code: "rateZero", rowNumber: this.rowNumber, column: this.columnName(field) }, field);
        break;
      case null:
        break;
    }
    return rate;
  }

  private readRate(value: string | number): RateReading {
    if (typeof value !== "string") return readRate(value, this.style);
    const cached = this.rates.get(value);
    if (cached !== undefined) return cached;
    const reading = readRate(value, this.style);
    if (this.rates.size >= RATE_CACHE_SIZE) this.rates.clear();
    this.rates.set(value, reading);
    return reading;
  }

  date(field: "effectiveStartDate" | "effectiveEndDate"): IsoDate | null {
    const value = this.value(field);
    if (value === null) return null;
    const date = parseScheduleDate(value);
    if (date === null) this.invalid(field, "a date like 2025-01-01, 1/1/2025 or an Excel date");
    return date;
  }

  issue(issue: PayerScheduleIssue): void {
    this.add(issue);
  }
}

/**
 * Reads a row through its reader: every field checked, every problem recorded; the clean row, or null when an
 * error keeps it out. A cell with a control character is reported alone and keeps the row out.
 */
export function readRow(reader: RowReader): PayerScheduleRow | null {
  if (reader.controlCharacters()) return null;
  for (const field of PAYER_SCHEDULE_FIELD_ORDER) reader.formulaCheck(field);
  const hcpcsCode = reader.code();
  const modifier = reader.modifier();
  const nonFacilityRate = reader.rate("nonFacilityRate");
  const facilityRate = reader.rate("facilityRate");
  const effectiveStartDate = reader.date("effectiveStartDate");
  const effectiveEndDate = reader.date("effectiveEndDate");
  const rowNumber = reader.rowNumber;
  if (reader.value("hcpcsCode") === null) reader.issue({ code: "rowWithoutCode", rowNumber });
  const anyRate = reader.value("nonFacilityRate") !== null || reader.value("facilityRate") !== null;
  if (hcpcsCode !== null && !anyRate) reader.issue({ code: "rowWithoutRate", rowNumber });
  if (effectiveStartDate !== null && effectiveEndDate !== null && effectiveEndDate < effectiveStartDate)
    reader.issue({ code: "datesReversed", rowNumber, start: effectiveStartDate, end: effectiveEndDate });
  if (reader.hasErrors || hcpcsCode === null) return null;
  const description = reader.value("description");
  return {
    hcpcsCode,
    modifier,
    nonFacilityRate,
    facilityRate,
    effectiveStartDate,
    effectiveEndDate,
    sourceRowNumber: rowNumber,
    description: description === null ? null : String(description),
  };
}

/** Whether a row is blank: every cell empty or spaces. */
export const isBlankRow = (row: readonly unknown[] | undefined): boolean =>
  (row ?? []).every((cell) => cellValue(cell) === null);

/** Whether a row is the header again (files concatenated from several exports repeat it). */
export function repeatsHeader(cells: readonly unknown[], headers: readonly string[]): boolean {
  return headers.some((h) => h !== "") && headers.every((h, i) => cellText(cellValue(cells[i])) === h);
}

/** The text of a note row for its message: its cells joined, at most 80 characters. */
export function noteText(cells: readonly unknown[]): string {
  return cells
    .map((c) => cellText(cellValue(c)))
    .filter((t) => t !== "")
    .join(" ")
    .slice(0, 80);
}
