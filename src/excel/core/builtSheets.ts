/**
 * Sheets the add-in builds and rebuilds in place (uplift model, portfolio summary, variance review, written tables):
 * their names checked as Excel would, a same-named sheet found whatever its case, the temporary name a rebuild writes
 * under until it swaps out the earlier build, and the workbook settings record of which sheets (by id) were built
 * here, so that a user's own sheet of the same name is never taken for one of ours.
 */
import type { ExcelGateway } from "./excelGateway";
import {
  loadSetting,
  parseSetting,
  type SettingName,
  type SettingValue,
  type WorkbookSetting,
} from "./workbookSettings";

/** A worksheet as loaded: its name and its id (stable across renames). */
export interface SheetRef {
  readonly name: string;
  readonly id: string;
}

const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/;

/** Why Excel would refuse a sheet name, or null. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === "") return "it is empty";
  if (name.length > 31) return "it is longer than 31 characters";
  if (SHEET_NAME_FORBIDDEN.test(name)) return "it contains one of \\ / ? * [ ] :";
  if (/^'|'$/.test(name)) return "it starts or ends with an apostrophe";
  if (name.toLowerCase() === "history") return "Excel reserves it";
  return null;
}

/** The sheet named `name`, compared as Excel does (without case), or null. */
export function findSheetNamed(sheets: readonly SheetRef[], name: string): SheetRef | null {
  const lower = name.toLowerCase();
  return sheets.find((sheet) => sheet.name.toLowerCase() === lower) ?? null;
}

/** The first free "~1 Name", "~2 Name"... (within Excel's 31 characters) a rebuild writes under before the swap. */
export function temporarySheetName(sheets: readonly SheetRef[], base: string): string {
  for (let n = 1; ; n++) {
    const name = `~${n} ${base}`.slice(0, 31);
    if (findSheetNamed(sheets, name) === null) return name;
  }
}

/**
 * One request: the workbook's sheets, and the record kept in `setting` (workbookSettings.ts). An absent or
 * unreadable record gives `empty`: then no sheet can be recognised as built here, so nothing is replaced.
 */
export async function readSheetsAndRecord<N extends SettingName>(
  excel: ExcelGateway,
  setting: WorkbookSetting<N>,
  empty: SettingValue<N>,
): Promise<{ readonly sheets: SheetRef[]; readonly record: SettingValue<N> }> {
  const { sheets, stored } = await excel.run(async (context) => {
    const worksheets = context.workbook.worksheets.load("items/name,items/id");
    const read = loadSetting(context, setting);
    await context.sync();
    return { sheets: worksheets.items.map((s) => ({ name: s.name, id: s.id })), stored: read() };
  });
  const parsed = parseSetting(setting, stored);
  return { sheets, record: parsed.success ? parsed.data : empty };
}
