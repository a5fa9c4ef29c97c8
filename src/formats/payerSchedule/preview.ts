import { readHcpcsCodeCell } from "../../engine";
import { fail, ok, type Result } from "../../engine";
import { cellText, cellValue, DecimalStyleVotes, type DecimalStyle } from "./cellValues";
import { hasPprrvuHeader } from "../cmsPfs/pprrvu";
import {
  checkColumnMapping,
  detectHeaderRow,
  HEADER_SEARCH_ROWS,
  PAYER_SCHEDULE_FIELD_ORDER,
  suggestColumnMapping,
  type ColumnMapping,
  type MappingSuggestion,
} from "./columnMapping";
import { duplicateKey, RepeatedKeys, scanDuplicates } from "./duplicates";
import { PAYER_SCHEDULE_FILE_KIND } from "./fileInput";
import { columnLetter, problem, type PayerScheduleIssue, type PayerScheduleProblem, type Severity } from "./issues";
import { runInSlices, runNow, type PacingOptions, type Steps } from "./pacing";
import { PreviewRows } from "./previewRows";
import {
  isBlankRow,
  noteText,
  readRow,
  repeatsHeader,
  RowReader,
  type MappedColumns,
  type PayerScheduleRow,
  type RateCache,
} from "./rowReader";
import { StartYears } from "./startYears";

export type { PayerScheduleRow } from "./rowReader";

/** A grid of cells as text files and workbook ranges give it. */
export type SourceGrid = readonly (readonly unknown[])[];

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
  /** Rows without errors, in source order, ready for the schedule table; read from the grid when asked for. */
  readonly rows: PreviewRows;
  /** How many clean rows start in each year (rows without a start date are not counted). */
  readonly startYears: ReadonlyMap<number, number>;
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

/** Progress is offered (a point where the work may pause) once per this many rows. */
const ROWS_PER_STEP = 1024;

/**
 * Merges problem lists sorted by row number into `into` (the first list's problems first on equal rows), as steps:
 * a file can have a problem on each of a million rows.
 */
function* mergeByRow(
  into: PayerScheduleProblem[],
  a: readonly PayerScheduleProblem[],
  b: readonly PayerScheduleProblem[],
): Generator<void, void, void> {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && (x.rowNumber ?? 0) <= (y.rowNumber ?? 0))) {
      into.push(x as PayerScheduleProblem);
      i++;
    } else {
      into.push(y);
      j++;
    }
    if ((i + j) % ROWS_PER_STEP === 0) yield;
  }
}

/**
 * The preview as steps (see pacing.ts): three passes over the rows below the header (widths, decimal style, the
 * rows themselves), then the duplicate check over the clean rows. Only problems, counts and the places of the clean
 * rows are kept; the rows are read again from the grid when asked for.
 */
function* previewSteps(
  grid: SourceGrid,
  options: PreviewOptions,
): Steps<Result<PayerSchedulePreview, PayerScheduleIssue>> {
  if (grid.every((row) => isBlankRow(row))) return fail({ code: "fileEmpty", fileKind: PAYER_SCHEDULE_FILE_KIND });
  // Read as a payer schedule, its OPPS "PAYMENT AMOUNT" columns would become ~19,000 rates no payer pays.
  if (hasPprrvuHeader(grid.slice(0, HEADER_SEARCH_ROWS))) return fail({ code: "cmsRelativeValueFile" });
  const headerRowIndex = options.headerRowIndex ?? detectHeaderRow(grid);
  if (headerRowIndex === null || headerRowIndex < 0 || headerRowIndex >= grid.length)
    return fail({ code: "headerNotFound", fileKind: PAYER_SCHEDULE_FILE_KIND, expected: EXPECTED_HEADER });
  const firstRowNumber = options.firstRowNumber ?? 1;
  const headers = (grid[headerRowIndex] ?? []).map((cell) => cellText(cellValue(cell)));
  const first = headerRowIndex + 1;
  let end = grid.length;
  while (end > first && isBlankRow(grid[end - 1])) end--;
  const total = (end - first) * (options.decimalStyle === undefined ? 3 : 2);
  let done = 0;
  const step = () => ({ phase: "checking", done, total }) as const;

  let width = headers.length;
  for (let i = first; i < end; i++) {
    width = Math.max(width, grid[i]?.length ?? 0);
    if (++done % ROWS_PER_STEP === 0) yield step();
  }
  const suggestion = suggestColumnMapping(grid, headerRowIndex);
  const checked = checkColumnMapping(options.mapping ?? suggestion.mapping, width);
  if (!checked.ok) return checked;
  const mapping = checked.value;
  const columns: Partial<Record<string, MappedColumns[keyof MappedColumns]>> = {};
  for (const field of PAYER_SCHEDULE_FIELD_ORDER) {
    const index = mapping[field];
    if (index !== undefined) columns[field] = { index, letter: columnLetter(index), header: headers[index] ?? "" };
  }
  const mapped = columns as MappedColumns;

  let decimalStyle = options.decimalStyle;
  if (decimalStyle === undefined) {
    const votes = new DecimalStyleVotes();
    const rateColumns = [mapped.nonFacilityRate?.index, mapped.facilityRate?.index].filter((c) => c !== undefined);
    for (let i = first; i < end; i++) {
      for (const column of rateColumns) votes.add(cellValue(grid[i]?.[column]));
      if (++done % ROWS_PER_STEP === 0) yield step();
    }
    decimalStyle = votes.style;
  }
  const style = decimalStyle;
  const fileProblems: PayerScheduleProblem[] = style === "comma" ? [problem({ code: "decimalCommaRead" })] : [];

  const rowNumberOf = (index: number) => firstRowNumber + index;
  const rates: RateCache = new Map();
  const rowProblems: PayerScheduleProblem[] = [];
  const cleanIndexes: number[] = [];
  const keys: number[] = [];
  const repeatedKeys = new RepeatedKeys();
  const startYears = new StartYears();
  let blankRows = 0;
  let skippedRows = 0;
  let rowsWithErrors = 0;
  for (let i = first; i < end; i++) {
    if (++done % ROWS_PER_STEP === 0) yield step();
    const cells = grid[i] ?? [];
    const rowNumber = rowNumberOf(i);
    if (isBlankRow(cells)) {
      blankRows++;
      continue;
    }
    if (repeatsHeader(cells, headers)) {
      skippedRows++;
      rowProblems.push(problem({ code: "headerRepeated", rowNumber }, rowNumber));
      continue;
    }
    const reader = new RowReader(cells, mapped, rowNumber, style, true, rates);
    if (reader.controlCharacters()) {
      rowProblems.push(...reader.found);
      rowsWithErrors++;
      continue;
    }
    const noRate = reader.value("nonFacilityRate") === null && reader.value("facilityRate") === null;
    // Footnotes and section titles ("* CPT codes are copyright AMA", "RADIOLOGY") have no rate and no real code.
    if (noRate && !readHcpcsCodeCell(reader.value("hcpcsCode")).ok) {
      skippedRows++;
      rowProblems.push(problem({ code: "noteRowSkipped", rowNumber, text: noteText(cells) }, rowNumber));
      continue;
    }
    const row = readRow(reader);
    rowProblems.push(...reader.found);
    if (row === null) {
      rowsWithErrors++;
      continue;
    }
    cleanIndexes.push(i);
    const key = duplicateKey(row.hcpcsCode, row.modifier);
    keys.push(key);
    repeatedKeys.add(key);
    startYears.add(row);
  }

  const readAt = (index: number): PayerScheduleRow => {
    const row = readRow(new RowReader(grid[index] ?? [], mapped, rowNumberOf(index), style, false, rates));
    if (row === null) throw new Error(`Row ${rowNumberOf(index)} was clean in the preview and is not on reading it again.`); // prettier-ignore
    return row;
  };
  const rowAt = (position: number) => readAt(cleanIndexes[position] ?? 0);
  const scan = scanDuplicates(keys, repeatedKeys.repeated, rowAt, (row) => startYears.remove(row));
  let scanned = scan.next();
  for (; !scanned.done; scanned = scan.next()) yield step();
  const duplicates = scanned.value;
  const kept = new Int32Array(cleanIndexes.length - duplicates.dropped.size - duplicates.conflicting.size);
  const duplicateProblems: PayerScheduleProblem[] = [];
  let keptCount = 0;
  for (let position = 0; position < cleanIndexes.length; position++) {
    // Positions follow the source order, so the duplicates' problems come out sorted by row.
    const found = duplicates.problemAt.get(position);
    if (found !== undefined) duplicateProblems.push(found);
    if (!duplicates.dropped.has(position) && !duplicates.conflicting.has(position))
      kept[keptCount++] = cleanIndexes[position] ?? 0;
    if (position % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield step();
  }
  const problems = fileProblems;
  for (const _ of mergeByRow(problems, rowProblems, duplicateProblems)) yield step();
  const severities: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const [i, found] of problems.entries()) {
    severities[found.severity]++;
    if (i % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield step();
  }
  return ok({
    headerRowNumber: firstRowNumber + headerRowIndex,
    headers,
    suggestion,
    mapping,
    decimalStyle: style,
    rows: new PreviewRows(kept, readAt),
    startYears: startYears.counts,
    problems,
    counts: {
      sourceRows: end - first,
      blankRows,
      skippedRows,
      rowsWithErrors: rowsWithErrors + duplicates.conflicting.size,
      duplicateRowsDropped: duplicates.dropped.size,
      cleanRows: kept.length,
      errors: severities.error,
      warnings: severities.warning,
      infos: severities.info,
    },
  });
}

/**
 * Validates a payer fee schedule grid before anything is written, and says what it found. The grid comes from a
 * text file ({@link readDelimitedText}) or a workbook range (Office.js values or exceljs cells). Finds the header
 * by content (banner and blank rows above it are skipped), maps the columns (or applies the user's mapping), reads
 * every row, and lists every problem by source row and column with a severity: bad codes, lost leading zeros
 * (restored), rates that are not numbers, negative or absurd (over $10,000,000 a unit), control characters, blank
 * rows (counted), modifiers, dates, duplicates, formula-looking text (kept as text). Fails only when there is no
 * table to read: an empty grid, no header, or an impossible mapping. For large grids use
 * {@link previewPayerScheduleAsync}, which does the same work in slices.
 */
export function previewPayerSchedule(
  grid: SourceGrid,
  options: PreviewOptions = {},
): Result<PayerSchedulePreview, PayerScheduleIssue> {
  return runNow(previewSteps(grid, options));
}

/**
 * {@link previewPayerSchedule} in slices that give the event loop a turn (progress and Cancel keep working on a
 * million rows). A changed mapping is previewed again from the same grid: the file is not read again. Aborting
 * `signal` stops it with the issue "cancelled".
 */
export async function previewPayerScheduleAsync(
  grid: SourceGrid,
  options: PreviewOptions = {},
  pacing: PacingOptions = {},
): Promise<Result<PayerSchedulePreview, PayerScheduleIssue>> {
  const run = await runInSlices(previewSteps(grid, options), pacing);
  return run.ok ? run.value : fail({ code: "cancelled" });
}
