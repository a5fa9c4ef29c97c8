/**
 * `Workbook.insertWorksheetsFromBase64` (ExcelApi 1.13): the sheets of another workbook file inserted into this one,
 * with their cells, number formats, tables and formats. The file is read with the playground's .xlsx module before
 * the request is applied (Excel reads it on its side too); a sheet or table whose name is taken gets the next free
 * "Name (2)" / "Name_2", as Excel renames them.
 * @see https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-insertworksheetsfrombase64-member(1)
 */
import { parseAddress } from "./addresses";
import type { SheetEntity } from "./entities";
import { invalidArgument } from "./errors";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import type { WorkbookModel } from "./workbookModel";

/** Excel.InsertWorksheetOptions, as the API takes it. */
export interface InsertWorksheetOptions {
  readonly sheetNamesToInsert?: readonly string[];
  readonly positionType?: "None" | "Before" | "After" | "Beginning" | "End";
  readonly relativeTo?: string | { readonly name?: string };
}

/** The first of `name`, `name` + suffix(2), suffix(3)... that `taken` refuses. */
function freeName(name: string, taken: (candidate: string) => boolean, suffix: (n: number) => string): string {
  let candidate = name;
  for (let n = 2; taken(candidate); n++) candidate = `${name.slice(0, 31 - suffix(n).length)}${suffix(n)}`;
  return candidate;
}

function insertSheet(model: WorkbookModel, source: SheetSnapshot): SheetEntity {
  const sheet = model.addSheet(
    freeName(
      source.name,
      (name) => model.sheet(name) !== undefined,
      (n) => ` (${n})`,
    ),
  );
  sheet.visibility = source.visibility ?? "Visible";
  for (const { address, format } of source.numberFormats ?? [])
    model.cells.setNumberFormat(sheet, parseAddress(address)!.rect, format);
  const width = Math.max(0, ...source.cells.map((row) => row.length));
  if (width > 0) {
    const block = source.cells.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
    model.write(sheet, { row: 0, column: 0, rowCount: block.length, columnCount: width }, block, "values");
  }
  for (const table of source.tables ?? []) {
    const entity = {
      id: model.newId("table"),
      name: freeName(
        table.name,
        (name) => model.table(name) !== undefined,
        (n) => `_${n}`,
      ),
      sheet,
      rect: parseAddress(table.address)!.rect,
      deleted: false,
      style: table.style ?? "TableStyleMedium2",
    };
    model.tables.push(entity);
    model.tableAdded(entity);
  }
  sheet.rangeFormats.push(...(source.rangeFormats ?? []));
  sheet.conditionalFormats.push(...(source.conditionalFormats ?? []));
  sheet.dataValidations.push(...(source.dataValidations ?? []));
  return sheet;
}

/** The tab index the inserted sheets start at, among the sheets there before; throws for a missing `relativeTo`. */
function insertAt(model: WorkbookModel, options: InsertWorksheetOptions): number {
  const relative = () => {
    const key = typeof options.relativeTo === "string" ? options.relativeTo : options.relativeTo?.name;
    if (key === undefined) throw invalidArgument("relativeTo is required with positionType Before or After");
    return model.sheets.indexOf(model.requireSheet(key));
  };
  const position = options.positionType ?? "End";
  switch (position) {
    case "None":
    case "End":
      return model.sheets.length;
    case "Beginning":
      return 0;
    case "Before":
      return relative();
    case "After":
      return relative() + 1;
  }
}

/**
 * Inserts the sheets of an opened file (all, or `sheetNamesToInsert`) and returns their ids in tab order. Throws
 * InvalidArgument, before changing anything, for a sheet name the file does not have or a missing `relativeTo`.
 */
export function insertSnapshotSheets(
  model: WorkbookModel,
  file: WorkbookSnapshot,
  options: InsertWorksheetOptions,
): string[] {
  const wanted = options.sheetNamesToInsert ?? [];
  const missing = wanted.filter((name) => !file.sheets.some((sheet) => sheet.name === name));
  if (missing.length > 0) throw invalidArgument(`the file has no worksheet named ${missing.join(", ")}`);
  const chosen = wanted.length === 0 ? file.sheets : file.sheets.filter((sheet) => wanted.includes(sheet.name));
  const at = insertAt(model, options);
  const inserted = chosen.map((source) => insertSheet(model, source));
  inserted.forEach((sheet, i) => model.moveSheet(sheet, at + i));
  return inserted.map((sheet) => sheet.id);
}
