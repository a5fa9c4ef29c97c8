/**
 * Writes the Benchmarks table (benchmarkColumns.ts) from the rates read from price-transparency files, with the table
 * writer's guarantees (ARCHITECTURE.md s.5, s.10): staged on a hidden sheet, put in place in one commit request,
 * progress and cancel, the workbook as it was after a failure or a cancel, file text written as text.
 *
 * The rates REPLACE the table's earlier rows (once the user confirms) rather than being appended: a market is read as
 * a set of files at once, and a hospital or plan republishes its file every month or year, so appending a newer file
 * would count the same rates twice and skew every percentile PAYER.MARKET_RATE gives. Excel cannot swap a table's rows
 * atomically, so the table's sheet is replaced, as the CMS tables are (replacePeriodRows.ts); that is refused when the
 * sheet holds anything besides the table.
 *
 * Requests: 1 to look at the table (2 when it exists), 2 or 3 to read the registered Medicare schedules (when a
 * locality is chosen), then the table writer's: 1 look, 1 staging sheet, 1 per chunk of rows, the runner's look and
 * the commit.
 */
import { fail, ok, type IsoDate, type LocalityKey, type Result } from "../../engine";
import { findSheetNamed } from "../core/builtSheets";
import type { ExcelGateway } from "../core/excelGateway";
import { runOperation } from "../core/operation";
import { prepareTable, stageTable, type TableWriteOptions, type WrittenTable } from "../core/tableWriter";
import { tableColumnsOf } from "../registry/columnDictionary";
import { readRegistry } from "../registry";
import { BENCHMARKS_SHEET, BENCHMARKS_SPEC, BENCHMARKS_TABLE } from "./benchmarkColumns";
import { MAX_BENCHMARK_ROWS, type BenchmarksIssue } from "./benchmarkIssues";
import { benchmarkRows, type BenchmarkFile } from "./benchmarkRows";
import { medicareComparer, medicareYardstick, type MedicareYardstick } from "./medicareComparison";

/** What to write. */
export interface BenchmarksWrite {
  /** The files' rates, in the order the table lists them. */
  readonly files: readonly BenchmarkFile[];
  /** The user's Medicare locality (MAC-locality, "04412-18"); null writes no % of Medicare. */
  readonly locality: LocalityKey | null;
  /** The user confirmed that the rows of an existing Benchmarks table are replaced. */
  readonly replaceExisting: boolean;
  /** The date the Medicare schedule is chosen and priced for; default today. */
  readonly today?: IsoDate;
}

/** Progress, cancel and request limits, as for writeTable. */
export type BenchmarksWriteOptions = Pick<TableWriteOptions, "onProgress" | "signal" | "maxRowsPerRequest" | "maxRequestBytes">; // prettier-ignore

/** The table as written. */
export interface WrittenBenchmarks extends WrittenTable {
  /** Rows of the earlier table replaced; null when the table was created. */
  readonly replacedRows: number | null;
  /** Rows that got a % of Medicare. */
  readonly comparedRows: number;
}

/** The Benchmarks table as found. */
interface FoundTable {
  readonly sheetName: string;
  readonly rowCount: number;
  /** Cells with values outside the table on its sheet. */
  readonly sheetShared: boolean;
}

type Box = { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number };
const inside = (inner: Box, outer: Box) =>
  inner.rowIndex >= outer.rowIndex &&
  inner.columnIndex >= outer.columnIndex &&
  inner.rowIndex + inner.rowCount <= outer.rowIndex + outer.rowCount &&
  inner.columnIndex + inner.columnCount <= outer.columnIndex + outer.columnCount;

/** The Benchmarks table and the workbook's sheet names: one request, two when the table exists. */
async function lookAtWorkbook(excel: ExcelGateway): Promise<{ table: FoundTable | null; sheetNames: string[] }> {
  return excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const table = context.workbook.tables.getItemOrNullObject(BENCHMARKS_TABLE);
    await context.sync();
    const sheetNames = sheets.items.map((sheet) => sheet.name);
    if (table.isNullObject) return { table: null, sheetNames };
    const body = table.getDataBodyRange().load("rowCount");
    const range = table.getRange().load("rowIndex,columnIndex,rowCount,columnCount");
    const sheet = table.worksheet.load("name");
    const used = table.worksheet.getUsedRange(true).load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    return { sheetNames, table: { sheetName: sheet.name, rowCount: body.rowCount, sheetShared: !inside(used, range) } };
  });
}

/** The first free name among "Benchmark Rates", "Benchmark Rates 2"... */
function freeSheetName(taken: readonly string[]): string {
  const sheets = taken.map((name) => ({ name, id: name }));
  let candidate = BENCHMARKS_SHEET;
  for (let n = 2; findSheetNamed(sheets, candidate) !== null; n++) candidate = `${BENCHMARKS_SHEET} ${n}`;
  return candidate;
}

/** The registered Medicare schedule of the locality, read from the workbook; null when no locality is chosen. */
async function yardstickFor(
  excel: ExcelGateway,
  locality: LocalityKey | null,
  today: IsoDate,
): Promise<Result<MedicareYardstick | null, BenchmarksIssue>> {
  if (locality === null) return ok(null);
  const { medicareByLocality } = await readRegistry(excel);
  const yardstick = medicareYardstick(medicareByLocality, locality, today);
  if (yardstick !== null) return ok(yardstick);
  const registered = [...medicareByLocality.keys()];
  return fail({ code: "localityNotRegistered", locality, registered });
}

/** The Benchmarks table as the tab shows it before a write: its sheet and rows, or null when there is none. */
export async function findBenchmarksTable(
  excel: ExcelGateway,
): Promise<{ readonly sheetName: string; readonly rowCount: number } | null> {
  const { table } = await lookAtWorkbook(excel);
  return table === null ? null : { sheetName: table.sheetName, rowCount: table.rowCount };
}

/** A locality with a registered Medicare schedule, for the tab's choice. */
export interface RegisteredLocality {
  readonly locality: LocalityKey;
  /** "04412-18 HOUSTON, TX (MPFS_2025)". */
  readonly label: string;
}

/** The localities MedicareSchedules registers a schedule for, in key order. */
export async function readRegisteredLocalities(excel: ExcelGateway): Promise<RegisteredLocality[]> {
  const { medicareByLocality } = await readRegistry(excel);
  return [...medicareByLocality.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([locality, schedules]) => {
      const name = schedules[0]!.locality.localityName;
      const tables = schedules.map((schedule) => schedule.name).join(", ");
      return { locality, label: `${locality}${name === "" ? "" : ` ${name}`} (${tables})` };
    });
}

/** Today where the user is (Excel's TODAY()), as PAYER.MEDICARE_RATE takes a blank date of service. */
function todayIso(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` as IsoDate;
}

/**
 * Writes the Benchmarks table from `write.files` (see the module comment); returns the table written or the issue
 * that stopped it, with the workbook as it was.
 * @example
 * const written = await writeBenchmarks(excel, { files: [{ fileName, rates }], locality: "04412-18" as LocalityKey,
 *   replaceExisting: true }, { onProgress, signal });
 */
export async function writeBenchmarks(
  excel: ExcelGateway,
  write: BenchmarksWrite,
  options: BenchmarksWriteOptions = {},
): Promise<Result<WrittenBenchmarks, BenchmarksIssue>> {
  const rateCount = write.files.reduce((sum, file) => sum + file.rates.length, 0);
  if (rateCount === 0) return fail({ code: "noRates" });
  if (rateCount > MAX_BENCHMARK_ROWS) return fail({ code: "tooManyRates", rateCount, limit: MAX_BENCHMARK_ROWS });
  const today = write.today ?? todayIso();
  const { onProgress } = options;
  return runOperation(
    excel,
    {
      what: `writing table ${BENCHMARKS_TABLE}`,
      signal: options.signal,
      onProgress: onProgress && (({ done, total }) => onProgress({ rowsWritten: done, totalRows: total })),
    },
    async (op) => {
      const look = await lookAtWorkbook(op.excel);
      const found = look.table;
      if (found !== null && found.sheetShared) return fail<BenchmarksIssue>({ code: "sheetShared", sheetName: found.sheetName }); // prettier-ignore
      if (found !== null && !write.replaceExisting)
        return fail<BenchmarksIssue>({ code: "replaceNotConfirmed", sheetName: found.sheetName, rowCount: found.rowCount }); // prettier-ignore
      const yardstick = await yardstickFor(op.excel, write.locality, today);
      if (!yardstick.ok) return yardstick;
      op.checkCancelled();
      const compare = medicareComparer(yardstick.value);
      let comparedRows = 0;
      const counted: typeof compare = (rate) => {
        const compared = compare(rate);
        if (compared.ok) comparedRows++;
        return compared;
      };
      const request = {
        sheetName: found?.sheetName ?? freeSheetName(look.sheetNames),
        tableName: BENCHMARKS_TABLE,
        columns: tableColumnsOf(BENCHMARKS_SPEC.columns),
        rows: benchmarkRows(write.files, counted),
      };
      const prepared = prepareTable(request, { ...options, replaceExisting: found !== null });
      if (!prepared.ok) return fail<BenchmarksIssue>({ code: "tableWrite", issue: prepared.issue });
      const staged = await stageTable(op, prepared.value);
      if (!staged.ok) return fail<BenchmarksIssue>({ code: "tableWrite", issue: staged.issue });
      const output: WrittenBenchmarks = {
        ...staged.value.written,
        replacedRows: found?.rowCount ?? null,
        comparedRows,
      };
      return ok({ output, steps: staged.value.steps });
    },
  );
}
