/**
 * Registering a Medicare schedule table in `MedicareSchedules` (ARCHITECTURE.md 3), so that PAYER.MEDICARE_RATE and
 * %-of-Medicare contracts use it. Looked at before the schedule is written (so a registry that cannot take the row
 * refuses the import before anything is written), then appended in one request, creating the table when the
 * workbook has none, with the columns of MEDICARE_SCHEDULES_SPEC.
 */
import { parseLocalityKey, type LocalityKey } from "../../engine";
import type { IsoDate } from "../../engine";
import { fail, ok, type Result } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import { officeError, type OfficeRefusal } from "../core/officeErrors";
import { yearCell } from "../registry/cellKinds";
import { MEDICARE_SCHEDULES_SPEC, MEDICARE_SCHEDULES_TABLE } from "../registry/registryTables";
import type { MedicareImportIssue } from "./medicareImportIssues";

/** One row of MedicareSchedules. */
export interface MedicareRegistration {
  readonly scheduleTable: string;
  readonly year: number;
  readonly locality: LocalityKey;
  readonly localityName: string;
  readonly effectiveStartDate: IsoDate;
  readonly effectiveEndDate: IsoDate;
}

type Field = keyof typeof MEDICARE_SCHEDULES_SPEC.columns;

/** How the row will be added: to the existing table (its headers in order), or in a new sheet and table. */
export type RegistrationPlan =
  | {
      readonly kind: "append";
      readonly headers: readonly string[];
      /** Excel gives a header-only table one empty row: the registration fills it instead of adding another. */
      readonly fillsEmptyRow: boolean;
    }
  | { readonly kind: "create"; readonly sheetName: string };

/** The sheet MedicareSchedules is created on (the sample workbook's name). */
export const MEDICARE_SCHEDULES_SHEET = "Medicare Schedules";

const FIELDS = Object.keys(MEDICARE_SCHEDULES_SPEC.columns) as Field[];
/** Year is a number; every other column is written as text, so "04412-18" and "2025-01-01" stay as typed. */
const TEXT_FIELDS = new Set<Field>(FIELDS.filter((field) => field !== "year"));
const headerKey = (text: unknown): string => String(text).trim().toLowerCase().replace(/\s+/g, " ");
const isBlank = (cell: unknown) => cell === null || cell === undefined || String(cell).trim() === "";

function cellOf(registration: MedicareRegistration, field: Field): string | number {
  return registration[field];
}

/** The field a header names, if any. */
function fieldOf(headerText: unknown): Field | undefined {
  return FIELDS.find((field) => headerKey(MEDICARE_SCHEDULES_SPEC.columns[field].header) === headerKey(headerText));
}

/** The first free sheet name among "Medicare Schedules", "Medicare Schedules 2"... */
function freeSheetName(taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  let name = MEDICARE_SCHEDULES_SHEET;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${MEDICARE_SCHEDULES_SHEET} ${n}`;
  return name;
}

/**
 * Looks at MedicareSchedules (one request, two when it exists): refuses when it lacks a required column or already
 * registers the year and locality or the table name; else says how the row will be added.
 */
export async function planRegistration(
  excel: ExcelGateway,
  registration: MedicareRegistration,
): Promise<Result<RegistrationPlan, MedicareImportIssue>> {
  return excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(MEDICARE_SCHEDULES_TABLE);
    table.load("name");
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    if (table.isNullObject) return ok({ kind: "create", sheetName: freeSheetName(sheets.items.map((s) => s.name)) });

    const header = table.getHeaderRowRange().load("values,rowIndex");
    const body = table.getDataBodyRange().load("values");
    const sheet = table.worksheet.load("name");
    await context.sync();
    const headers = (header.values[0] ?? []).map(String);
    const position = (field: Field) => headers.findIndex((h) => fieldOf(h) === field);
    const missing = FIELDS.filter((f) => MEDICARE_SCHEDULES_SPEC.columns[f].required && position(f) < 0);
    if (missing.length > 0) {
      const columns = missing.map((f) => MEDICARE_SCHEDULES_SPEC.columns[f].header);
      return fail({ code: "registryColumnsMissing", sheetName: sheet.name, missing: columns });
    }
    const [tableAt, yearAt, localityAt] = (["scheduleTable", "year", "locality"] as const).map(position);
    for (const [index, cells] of body.values.entries()) {
      const scheduleTable = String(cells[tableAt!] ?? "").trim();
      const year = yearCell.read(cells[yearAt!]);
      const locality = parseLocalityKey(cells[localityAt!]);
      const sameTable = scheduleTable.toLowerCase() === registration.scheduleTable.toLowerCase();
      const sameYearAndLocality = year === registration.year && locality.ok && locality.value === registration.locality;
      if (sameTable || sameYearAndLocality) {
        return fail({
          code: "alreadyRegistered",
          rowNumber: header.rowIndex + 2 + index,
          scheduleTable,
          year: year ?? registration.year,
          locality: locality.ok ? locality.value : String(cells[localityAt!] ?? ""),
        });
      }
    }
    const fillsEmptyRow = body.values.length === 1 && (body.values[0] ?? []).every(isBlank);
    return ok({ kind: "append", headers, fillsEmptyRow });
  });
}

/**
 * Adds the registration row in one request of one command (a table row added with its values, or the empty row
 * filled), so Excel applies all of it or none. Office errors reject unchanged: the caller undoes the import.
 */
export async function addRegistration(
  excel: ExcelGateway,
  plan: RegistrationPlan,
  registration: MedicareRegistration,
): Promise<void> {
  await excel.run(async (context) => {
    if (plan.kind === "append") {
      const table = context.workbook.tables.getItem(MEDICARE_SCHEDULES_TABLE);
      // Columns the user added get blanks; a new table row takes the number formats of the row above ("@").
      const values = [plan.headers.map((h) => (fieldOf(h) === undefined ? "" : cellOf(registration, fieldOf(h)!)))];
      if (plan.fillsEmptyRow) table.rows.getItemAt(0).values = values;
      else table.rows.add(undefined, values);
    } else {
      const sheet = context.workbook.worksheets.add(plan.sheetName);
      const width = FIELDS.length;
      // Text cells are formatted "@" before their values land, so Excel keeps "04412-18" and dates as typed.
      sheet.getRangeByIndexes(0, 0, 2, width).numberFormat = [
        FIELDS.map(() => "@"),
        FIELDS.map((f) => (TEXT_FIELDS.has(f) ? "@" : "0")),
      ];
      sheet.getRangeByIndexes(0, 0, 2, width).values = [
        FIELDS.map((f) => MEDICARE_SCHEDULES_SPEC.columns[f].header),
        FIELDS.map((f) => cellOf(registration, f)),
      ];
      const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, 2, width), true);
      table.name = MEDICARE_SCHEDULES_TABLE;
      sheet.getRangeByIndexes(0, 0, 2, width).format.autofitColumns();
    }
    await context.sync();
  });
}

/** What an import may have left after a failure or a cancel. */
export interface ImportLeftovers {
  /** Sheets it added: the schedule's, and MedicareSchedules' when it created that. */
  readonly sheetNames: readonly string[];
  /** The schedule table, whose registration row is blanked if a failed request still added it. */
  readonly scheduleTable: string;
}

/**
 * Removes what an import wrote, after a failure or a cancel: its sheets, and its registration row if Excel applied
 * it before failing (blanked: a blank row is skipped by the registry, a row naming a deleted table is an error).
 * Returns null when done, else the Office error that prevented it.
 */
export async function removeImport(excel: ExcelGateway, leftovers: ImportLeftovers): Promise<OfficeRefusal | null> {
  try {
    await excel.run(async (context) => {
      const sheets = leftovers.sheetNames.map((name) => context.workbook.worksheets.getItemOrNullObject(name).load("name")); // prettier-ignore
      const registry = context.workbook.tables.getItemOrNullObject(MEDICARE_SCHEDULES_TABLE).load("name");
      await context.sync();
      if (!registry.isNullObject) {
        const header = registry.getHeaderRowRange().load("values");
        const body = registry.getDataBodyRange().load("values");
        await context.sync();
        const at = (header.values[0] ?? []).findIndex((h) => fieldOf(h) === "scheduleTable");
        body.values.forEach((cells, r) => {
          if (
            at >= 0 &&
            String(cells[at] ?? "")
              .trim()
              .toLowerCase() === leftovers.scheduleTable.toLowerCase()
          ) {
            (header.values[0] ?? []).forEach((h, c) => {
              if (fieldOf(h) !== undefined) body.getCell(r, c).values = [[""]];
            });
          }
        });
      }
      for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
      await context.sync();
    });
    return null;
  } catch (error) {
    const refusal = officeError(error);
    if (refusal === null) throw error; // not an Office refusal: a bug
    return refusal;
  }
}
