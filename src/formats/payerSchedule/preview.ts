import type { Decimal } from "../../engine";
import type { FeeScheduleRow } from "../../engine";
import { parseHcpcsCode, type HcpcsCode } from "../../engine";
import type { IsoDate } from "../../engine";
import { parseModifiers, type Modifier } from "../../engine";
import { fail, ok, type Result } from "../../engine";
import {
  cellText,
  cellValue,
  detectDecimalStyle,
  looksLikeFormula,
  parseRate,
  parseScheduleDate,
  type CellValue,
  type DecimalStyle,
} from "./cellValues";
import {
  checkColumnMapping,
  detectHeaderRow,
  PAYER_SCHEDULE_FIELD_ORDER,
  suggestColumnMapping,
  type ColumnMapping,
  type MappingSuggestion,
  type PayerScheduleField,
} from "./columnMapping";
import { PAYER_SCHEDULE_FILE_KIND } from "./fileInput";
import { findDuplicates } from "./duplicates";
import {
  columnLetter,
  problem,
  type PayerScheduleIssue,
  type PayerScheduleProblem,
  type ProblemColumn,
  type Severity,
} from "./issues";

/** A clean schedule row: the engine's {@link FeeScheduleRow} plus the source description, shown and written as text. */
export interface PayerScheduleRow extends FeeScheduleRow {
  readonly description: string | null;
}

/** What the preview did with the source rows. */
export interface PreviewCounts {
  /** Rows below the header, up to the last non-blank one. */
  readonly sourceRows: number;
  readonly blankRows: number;
  /** Notes and repeated header rows, skipped with an info problem each. */
  readonly skippedRows: number;
  readonly rowsWithErrors: number;
  /** Second copies of identical rows, left out with a warning. */
  readonly duplicateRowsDropped: number;
  readonly cleanRows: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** Everything the task pane shows before writing: the mapping used, the clean rows, every problem, the counts. */
export interface PayerSchedulePreview {
  /** The header's row number in the source (1-based). */
  readonly headerRowNumber: number;
  readonly headers: readonly string[];
  /** The automatic mapping with confidences and alternatives, for the user to correct. */
  readonly suggestion: MappingSuggestion;
  /** The mapping this preview applied (the user's, else the suggestion). */
  readonly mapping: ColumnMapping;
  readonly decimalStyle: DecimalStyle;
  /** Rows without errors, in source order, ready for the schedule table. */
  readonly rows: readonly PayerScheduleRow[];
  /** Whole-file problems first, then by row. */
  readonly problems: readonly PayerScheduleProblem[];
  readonly counts: PreviewCounts;
}

/** Choices the user (or the caller) makes instead of the automatic ones. */
export interface PreviewOptions {
  /** The column of each field; default: {@link suggestColumnMapping}. */
  readonly mapping?: ColumnMapping;
  /** The header's 0-based index in the grid; default: {@link detectHeaderRow}. */
  readonly headerRowIndex?: number;
  /** The source row number of `grid[0]` (a workbook range may start below row 1); default 1. */
  readonly firstRowNumber?: number;
  /** Default: detected from the rate cells. */
  readonly decimalStyle?: DecimalStyle;
}

const EXPECTED_HEADER =
  "a code column (Code, CPT, HCPCS, Procedure Code, ...) and a rate column (Rate, Fee, Allowed, Amount, Facility, ...)";

/** One source row read through the mapping: the values found and the problems met. */
interface ReadRow {
  readonly row: PayerScheduleRow | null;
  readonly problems: PayerScheduleProblem[];
}

class RowReader {
  readonly problems: PayerScheduleProblem[] = [];
  private failed = false;

  constructor(
    private readonly cells: readonly unknown[],
    private readonly columns: Readonly<Partial<Record<PayerScheduleField, ProblemColumn>>>,
    readonly rowNumber: number,
    private readonly style: DecimalStyle,
  ) {}

  value(field: PayerScheduleField): CellValue {
    const column = this.columns[field];
    return column === undefined ? null : cellValue(this.cells[column.index]);
  }

  private columnName(field: PayerScheduleField): string {
    const column = this.columns[field];
    return column ? column.header || `column ${column.letter}` : field;
  }

  private add(issue: PayerScheduleIssue, field?: PayerScheduleField): void {
    const p = problem(issue, this.rowNumber, field ? (this.columns[field] ?? null) : null);
    if (p.severity === "error") this.failed = true;
    this.problems.push(p);
  }

  get hasErrors(): boolean {
    return this.failed;
  }

  invalid(field: PayerScheduleField, expected: string): void {
    const value = cellText(this.value(field));
    this.add(
      { code: "valueInvalid", rowNumber: this.rowNumber, column: this.columnName(field), value, expected },
      field,
    );
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
    // Excel writes whole numbers it exported as "99213.0" in some exports; the fraction is not part of the code.
    const text = typeof value === "string" && /^\d+\.0+$/.test(value) ? value.replace(/\.0+$/, "") : value;
    const parsed = parseHcpcsCode(text);
    if (!parsed.ok) {
      const issue = { code: "valueRejected", rowNumber: this.rowNumber, column: this.columnName("hcpcsCode") } as const;
      this.add({ ...issue, issue: parsed.issue }, "hcpcsCode");
      return null;
    }
    if (/^\d{1,4}$/.test(String(text)))
      this.add(
        {
          code: "codeZerosRestored",
          rowNumber: this.rowNumber,
          column: this.columnName("hcpcsCode"),
          value: String(text),
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
    const rate = parseRate(value, this.style);
    const example = this.style === "point" ? "125.00 or $1,234.50" : "125,00 or 1.234,50";
    if (rate === null) this.invalid(field, `a rate in dollars, like ${example}`);
    else if (rate.isNegative()) this.invalid(field, "a rate of zero or more");
    else if (rate.isZero())
      this.add({ code: "rateZero", rowNumber: this.rowNumber, column: this.columnName(field) }, field);
    return rate;
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

function readRow(reader: RowReader): ReadRow {
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
  if (reader.hasErrors || hcpcsCode === null) return { row: null, problems: reader.problems };
  const description = reader.value("description");
  return {
    row: {
      hcpcsCode,
      modifier,
      nonFacilityRate,
      facilityRate,
      effectiveStartDate,
      effectiveEndDate,
      sourceRowNumber: rowNumber,
      description: description === null ? null : String(description),
    },
    problems: reader.problems,
  };
}

/** Whether a row is the header again (files concatenated from several exports repeat it). */
function repeatsHeader(cells: readonly unknown[], headers: readonly string[]): boolean {
  return headers.some((h) => h !== "") && headers.every((h, i) => cellText(cellValue(cells[i])) === h);
}

/**
 * Validates a payer fee schedule grid before anything is written, and says what it found. The grid comes from a
 * text file ({@link readDelimitedText}) or a workbook range (Office.js values or exceljs cells). Finds the header
 * by content (banner and blank rows above it are skipped), maps the columns (or applies the user's mapping), reads
 * every row, and lists every problem by source row and column with a severity: bad codes, lost leading zeros
 * (restored), rates that are not numbers or are negative, blank rows (counted), modifiers, dates, duplicates,
 * formula-looking text (kept as text). Fails only when there is no table to read: an empty grid, no header, or an
 * impossible mapping.
 */
export function previewPayerSchedule(
  grid: readonly (readonly unknown[])[],
  options: PreviewOptions = {},
): Result<PayerSchedulePreview, PayerScheduleIssue> {
  const isBlank = (row: readonly unknown[] | undefined): boolean => (row ?? []).every((c) => cellValue(c) === null);
  if (grid.every((row) => isBlank(row))) return fail({ code: "fileEmpty", fileKind: PAYER_SCHEDULE_FILE_KIND });
  const headerRowIndex = options.headerRowIndex ?? detectHeaderRow(grid);
  if (headerRowIndex === null || headerRowIndex < 0 || headerRowIndex >= grid.length)
    return fail({ code: "headerNotFound", fileKind: PAYER_SCHEDULE_FILE_KIND, expected: EXPECTED_HEADER });
  const firstRowNumber = options.firstRowNumber ?? 1;
  const headers = (grid[headerRowIndex] ?? []).map((cell) => cellText(cellValue(cell)));
  let end = grid.length;
  while (end > headerRowIndex + 1 && isBlank(grid[end - 1])) end--;
  const body = grid.slice(headerRowIndex + 1, end);
  const width = body.reduce((widest, row) => Math.max(widest, row.length), headers.length);

  const suggestion = suggestColumnMapping(grid, headerRowIndex);
  const checked = checkColumnMapping(options.mapping ?? suggestion.mapping, width);
  if (!checked.ok) return checked;
  const mapping = checked.value;
  const columns: Partial<Record<PayerScheduleField, ProblemColumn>> = {};
  for (const field of PAYER_SCHEDULE_FIELD_ORDER) {
    const index = mapping[field];
    if (index !== undefined) columns[field] = { index, letter: columnLetter(index), header: headers[index] ?? "" };
  }

  const rateValues = body.flatMap((row) =>
    (["nonFacilityRate", "facilityRate"] as const).map((f) => (columns[f] ? cellValue(row[columns[f].index]) : null)),
  );
  const decimalStyle = options.decimalStyle ?? detectDecimalStyle(rateValues);
  const fileProblems = decimalStyle === "comma" ? [problem({ code: "decimalCommaRead" })] : [];

  const rowProblems: PayerScheduleProblem[] = [];
  const readRows: PayerScheduleRow[] = [];
  let blankRows = 0;
  let skippedRows = 0;
  let rowsWithErrors = 0;
  body.forEach((cells, offset) => {
    const rowNumber = firstRowNumber + headerRowIndex + 1 + offset;
    if (isBlank(cells)) {
      blankRows++;
      return;
    }
    if (repeatsHeader(cells, headers)) {
      skippedRows++;
      rowProblems.push(problem({ code: "headerRepeated", rowNumber }, rowNumber));
      return;
    }
    const reader = new RowReader(cells, columns, rowNumber, decimalStyle);
    const noRate = reader.value("nonFacilityRate") === null && reader.value("facilityRate") === null;
    // Footnotes and section titles ("* CPT codes are copyright AMA", "RADIOLOGY") have no rate and no real code.
    if (noRate && !parseHcpcsCode(reader.value("hcpcsCode")).ok) {
      skippedRows++;
      const text = cells
        .map((c) => cellText(cellValue(c)))
        .filter((t) => t !== "")
        .join(" ")
        .slice(0, 80);
      rowProblems.push(problem({ code: "noteRowSkipped", rowNumber, text }, rowNumber));
      return;
    }
    const read = readRow(reader);
    rowProblems.push(...read.problems);
    if (read.row) readRows.push(read.row);
    else rowsWithErrors++;
  });

  const duplicates = findDuplicates(readRows);
  const problems = [
    ...fileProblems,
    ...[...rowProblems, ...duplicates.problems].sort((a, b) => (a.rowNumber ?? 0) - (b.rowNumber ?? 0)),
  ];
  const conflicted = readRows.length - duplicates.rows.length - duplicates.dropped;
  const count = (severity: Severity): number => problems.filter((p) => p.severity === severity).length;
  return ok({
    headerRowNumber: firstRowNumber + headerRowIndex,
    headers,
    suggestion,
    mapping,
    decimalStyle,
    rows: duplicates.rows,
    problems,
    counts: {
      sourceRows: body.length,
      blankRows,
      skippedRows,
      rowsWithErrors: rowsWithErrors + conflicted,
      duplicateRowsDropped: duplicates.dropped,
      cleanRows: duplicates.rows.length,
      errors: count("error"),
      warnings: count("warning"),
      infos: count("info"),
    },
  });
}
