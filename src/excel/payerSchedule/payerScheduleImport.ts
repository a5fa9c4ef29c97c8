/**
 * Writes a previewed payer fee schedule into a new sheet as a fee schedule table that contracts can name
 * (ARCHITECTURE.md s.3, s.5, s.10): the columns of FEE_SCHEDULE_SPEC, read back by readRegistry, with the
 * description and the source row the spec declares for people and auditors. The preview decides what is clean;
 * this refuses to write a preview that still has errors unless the user chose to skip those rows.
 */
import { catalogue } from "../../engine";
import type { PayerSchedulePreview, PayerScheduleRow } from "../../formats/payerSchedule";
import { fail, ok, type Result } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import { tableColumnsOf } from "../registry/columnDictionary";
import { FEE_SCHEDULE_SPEC } from "../registry/registryTables";
import { describeTableWriteIssue, type TableWriteIssue } from "../core/tableWriteIssues";
import {
  writeTable,
  type CellValue,
  type TableColumn,
  type TableWriteOptions,
  type WrittenTable,
} from "../core/tableWriter";

const SPEC = FEE_SCHEDULE_SPEC.columns;

/** Header of the column holding the description from the file (not read by the registry; for people). */
export const DESCRIPTION_COLUMN = SPEC.description.header;
/** Header of the column holding the row of the source file or range each rate came from, for audit. */
export const SOURCE_ROW_COLUMN = SPEC.sourceRow.header;

/** The columns of an imported fee schedule table: FEE_SCHEDULE_SPEC's, in its order, with their kinds. */
export const PAYER_SCHEDULE_TABLE_COLUMNS: readonly TableColumn[] = tableColumnsOf(SPEC);

/** Each column's cell for a clean row, by field: the compiler asks for one for every column of the spec. */
const CELLS = {
  hcpcsCode: (row) => row.hcpcsCode,
  modifier: (row) => row.modifier,
  description: (row) => row.description,
  nonFacilityRate: (row) => row.nonFacilityRate?.toNumber() ?? null,
  facilityRate: (row) => row.facilityRate?.toNumber() ?? null,
  effectiveStartDate: (row) => row.effectiveStartDate,
  effectiveEndDate: (row) => row.effectiveEndDate,
  sourceRow: (row) => row.sourceRowNumber ?? null,
} satisfies { readonly [F in keyof typeof SPEC]: (row: PayerScheduleRow) => CellValue };

const FIELDS = Object.keys(SPEC) as (keyof typeof SPEC)[];

/** One clean schedule row as table cells, in {@link PAYER_SCHEDULE_TABLE_COLUMNS} order. */
export function payerScheduleCells(row: PayerScheduleRow): CellValue[] {
  return FIELDS.map((field) => CELLS[field](row));
}

/** What to import: the preview the user saw, the names they confirmed, and what they agreed to. */
export interface PayerScheduleImportRequest {
  readonly preview: Pick<PayerSchedulePreview, "rows" | "counts">;
  readonly sheetName: string;
  readonly tableName: string;
  /** The user chose "import the clean rows and skip the rows with errors". Default false. */
  readonly skipRowsWithErrors?: boolean;
  /** The user confirmed replacing a sheet of the same name. Default false. */
  readonly replaceExisting?: boolean;
}

/** Why an import did not happen, as values; {@link describePayerScheduleImportIssue} holds the messages. */
export type PayerScheduleImportIssue =
  | { readonly code: "previewHasErrors"; readonly rowsWithErrors: number; readonly errors: number }
  | { readonly code: "nothingToImport" }
  | { readonly code: "writeFailed"; readonly issue: TableWriteIssue };

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** The message a finance user reads for an import issue. */
export const describePayerScheduleImportIssue: (issue: PayerScheduleImportIssue) => string =
  catalogue<PayerScheduleImportIssue>({
    previewHasErrors: (issue) =>
      `The preview still has ${count(issue.errors, "error", "errors")} in ${count(issue.rowsWithErrors, "row", "rows")}. ` +
      "Fix the file or the column mapping, or choose to import the clean rows and skip the rows with errors.",
    nothingToImport: () => "There are no clean rows to import: fix the problems listed, or check the column mapping.",
    writeFailed: (issue) => describeTableWriteIssue(issue.issue),
  });

/**
 * Writes the preview's clean rows into a new sheet holding one fee schedule table, with writeTable's guarantees:
 * chunked, progress and cancel through `options`, atomic, never over an existing sheet unless `replaceExisting`,
 * text as text (a code "00100" or a description "=HYPERLINK(...)" lands as typed).
 * @example await importPayerSchedule(hostExcel(), { preview, sheetName: "FS_AcmePPO_2025", tableName: "FS_AcmePPO_2025" });
 */
export async function importPayerSchedule(
  excel: ExcelGateway,
  request: PayerScheduleImportRequest,
  options: Pick<TableWriteOptions, "onProgress" | "signal" | "maxRequestBytes" | "maxRowsPerRequest"> = {},
): Promise<Result<WrittenTable, PayerScheduleImportIssue>> {
  const { preview } = request;
  if (preview.counts.errors > 0 && request.skipRowsWithErrors !== true)
    return fail({
      code: "previewHasErrors",
      rowsWithErrors: preview.counts.rowsWithErrors,
      errors: preview.counts.errors,
    });
  if (preview.rows.length === 0) return fail({ code: "nothingToImport" });
  const written = await writeTable(
    excel,
    {
      sheetName: request.sheetName,
      tableName: request.tableName,
      columns: PAYER_SCHEDULE_TABLE_COLUMNS,
      rows: preview.rows.map(payerScheduleCells),
    },
    { ...options, replaceExisting: request.replaceExisting === true },
  );
  return written.ok ? ok(written.value) : fail({ code: "writeFailed", issue: written.issue });
}

/**
 * The table name proposed for a payer's schedule: `FS_<Payer>_<Year>` with only letters and digits kept from the
 * payer ("Acme PPO" -> FS_AcmePPO_2025), as the registry's example; "Payer" when nothing is left.
 */
export function defaultScheduleTableName(payer: string, year: number | string): string {
  const letters = payer.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "");
  const yearText = String(year).replace(/[^0-9]+/g, "");
  return `FS_${letters === "" ? "Payer" : letters}${yearText === "" ? "" : `_${yearText}`}`.slice(0, 255);
}

/** The year most rows start in (the year a schedule is "for"), or null when no row has a start date. */
export function scheduleYear(rows: Iterable<PayerScheduleRow>): number | null {
  const years = new Map<number, number>();
  for (const row of rows) {
    if (row.effectiveStartDate === null) continue;
    const year = Number(row.effectiveStartDate.slice(0, 4));
    years.set(year, (years.get(year) ?? 0) + 1);
  }
  return mostCommonYear(years);
}

/** The year a preview's clean rows start in most (see {@link scheduleYear}), from its counts: no row is read again. */
export function previewYear(preview: Pick<PayerSchedulePreview, "startYears">): number | null {
  return mostCommonYear(preview.startYears);
}

/** The year counted most, the earlier on a tie; null when none was counted. */
function mostCommonYear(years: ReadonlyMap<number, number>): number | null {
  let best: [number, number] | null = null;
  for (const entry of years)
    if (best === null || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  return best?.[0] ?? null;
}

/** Sheet and table names in use, to warn before a name clashes. */
export interface WorkbookNames {
  readonly sheetNames: readonly string[];
  readonly tables: readonly { readonly name: string; readonly sheetName: string }[];
}

/** Reads the workbook's sheet names and table names (with their sheet), in one request. */
export async function readWorkbookNames(excel: ExcelGateway): Promise<WorkbookNames> {
  return excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const tables = context.workbook.tables.load("items/name,items/worksheet/name");
    await context.sync();
    return {
      sheetNames: sheets.items.map((sheet) => sheet.name),
      tables: tables.items.map((table) => ({ name: table.name, sheetName: table.worksheet.name })),
    };
  });
}
