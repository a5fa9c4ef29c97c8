/**
 * Registering a Medicare schedule table in `MedicareSchedules` (ARCHITECTURE.md 3), so that PAYER.MEDICARE_RATE and
 * %-of-Medicare contracts use it. Looked at before the schedule is written (so a registry that cannot take the row
 * refuses the import before anything is written), then registered in the import's commit, creating the table when the
 * workbook has none, with the columns of MEDICARE_SCHEDULES_SPEC.
 */
import { parseLocalityKey, type LocalityKey } from "../../engine";
import type { IsoDate } from "../../engine";
import { fail, ok, type Result } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import { placeSheet, renameTable, type CommitStep, type OperationContext } from "../core/operation";
import { toExcelCell } from "../core/tableColumns";
import { rowCells } from "../contracts/registryForm";
import { planRowWrite, type RowPlan } from "../contracts/rowPlan";
import { rowSteps } from "../contracts/rowSteps";
import { yearCell } from "../registry/cellKinds";
import { columnFormat, columnPositions } from "../registry/columnDictionary";
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

/**
 * How the row will be added: into the existing table as the contract editor adds a registry row (its first blank row,
 * else a row added at the end; see rowPlan.ts), or in a new sheet and table.
 */
export type RegistrationPlan =
  | { readonly kind: "append"; readonly row: RowPlan; readonly rowCount: number }
  | { readonly kind: "create"; readonly sheetName: string };

/** The sheet MedicareSchedules is created on (the sample workbook's name). */
export const MEDICARE_SCHEDULES_SHEET = "Medicare Schedules";

const FIELDS = Object.keys(MEDICARE_SCHEDULES_SPEC.columns) as Field[];
const columnOf = (field: Field) => MEDICARE_SCHEDULES_SPEC.columns[field];

/**
 * A registration cell as sent to Excel, dates as serial numbers. `unformatted`: the cell's format is not "@" yet (a
 * row Excel adds to the user's table), so text goes behind an apostrophe, which Excel takes as "this is text".
 */
function excelCellOf(registration: MedicareRegistration, field: Field, unformatted: boolean): string | number {
  // Names and the locality are declared text (so "04412-18" and "=HYPERLINK(...)" stay as typed), the year a number.
  const kind = columnOf(field).written;
  const converted = toExcelCell(kind, cellOf(registration, field));
  if (!converted.ok) throw new Error(`registration: ${field} does not convert to a ${kind} cell`);
  return kind === "text" && unformatted ? `'${String(converted.cell)}` : (converted.cell as string | number);
}

const formatOf = (field: Field) => columnFormat(columnOf(field));

function cellOf(registration: MedicareRegistration, field: Field): string | number {
  return registration[field];
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
    const body = table.getDataBodyRange().load("values,numberFormat");
    const sheet = table.worksheet.load("name");
    await context.sync();
    const headers = (header.values[0] ?? []).map(String);
    const positions = columnPositions(MEDICARE_SCHEDULES_SPEC.columns, headers);
    const position = (field: Field) => positions.get(field) ?? -1;
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
      const rowNumber = header.rowIndex + 2 + index;
      if (sameYearAndLocality)
        return fail({ code: "alreadyRegistered", rowNumber, scheduleTable, year: registration.year, locality: registration.locality }); // prettier-ignore
      // The name is taken by another year or locality: "importing this schedule again" would not be true.
      if (sameTable) {
        const shownLocality = locality.ok ? locality.value : String(cells[localityAt!] ?? "").trim();
        return fail({ code: "tableNameRegistered", rowNumber, scheduleTable, year: year ?? null, locality: shownLocality }); // prettier-ignore
      }
    }
    const data = {
      name: MEDICARE_SCHEDULES_TABLE,
      sheet: sheet.name,
      headers,
      rows: body.values,
      firstRowNumber: header.rowIndex + 2,
    };
    const cells = rowCells(MEDICARE_SCHEDULES_SPEC.columns, { ...registration, rowNumber: 0 });
    const row = planRowWrite(MEDICARE_SCHEDULES_SPEC, { data, formats: body.numberFormat }, null, cells, sheet.name);
    // The required columns were checked above: a planning refusal here is a bug.
    if (!row.ok) throw new Error(`registration: ${row.issue.code}`);
    return ok({ kind: "append", row: row.value, rowCount: body.values.length });
  });
}

/**
 * Stages what registering the schedule takes, and returns the commit steps that register it:
 * - in the user's MedicareSchedules: the registry row's steps (rowSteps.ts): a row added or a blank row filled, text
 *   cells written as text on exactly those cells ("04412-18" and a locality name like "=HYPERLINK(...)" stay as
 *   typed), each observable;
 * - creating MedicareSchedules: the table staged on a hidden sheet, named and shown in the commit.
 */
export async function registrationSteps(
  op: OperationContext,
  plan: RegistrationPlan,
  registration: MedicareRegistration,
): Promise<CommitStep[]> {
  if (plan.kind === "append") return rowSteps(plan.row, plan.rowCount);
  const width = FIELDS.length;
  const staged = await op.addStagingSheets(1, ([staging]) => {
    // Text cells are formatted "@" before their values land, so Excel keeps "04412-18" and dates as typed.
    const range = staging!.getRangeByIndexes(0, 0, 2, width);
    range.numberFormat = [FIELDS.map(() => "@"), FIELDS.map(formatOf)];
    range.values = [
      FIELDS.map((f) => MEDICARE_SCHEDULES_SPEC.columns[f].header),
      FIELDS.map((f) => excelCellOf(registration, f, false)),
    ];
    const added = staging!.tables.add(range, true);
    added.name = op.stagingTableName();
    range.format.autofitColumns();
    return added.load("id");
  });
  const [sheet] = staged;
  const table = staged.queued!;
  return [
    renameTable(table.id, MEDICARE_SCHEDULES_TABLE, `create the ${MEDICARE_SCHEDULES_TABLE} table`),
    ...placeSheet({ stagedId: sheet!.id, name: plan.sheetName }),
  ];
}
