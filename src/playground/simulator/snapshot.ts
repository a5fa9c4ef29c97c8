/**
 * The plain-data description of a workbook the simulator starts from (the playground's sample workbook,
 * test fixtures), and its loading into a model.
 */
import { parseAddress } from "./addresses";
import type { CellInput, RecordedConditionalFormat, RecordedDataValidation, RecordedRangeFormat } from "./entities";
import { WorkbookModel } from "./workbookModel";
import type { CustomFunctionImpl } from "./customFunctionPlugin";
import { mayHaveStructuredRefs } from "./structuredRefs";

export interface SheetSnapshot {
  name: string;
  /** Default "Visible"; a hidden sheet, e.g. the leftover of an interrupted operation. */
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Row-major from A1. */
  cells: CellInput[][];
  /** e.g. { address: "F2:H3001", format: "$#,##0.00" }. */
  numberFormats?: { address: string; format: string }[];
  /** Address includes the header row, e.g. "A1:K3001". */
  tables?: { name: string; address: string; style?: string }[];
  /** Fills, fonts, column widths and freeze panes, as the add-in's `range.format` sets record them. */
  rangeFormats?: RecordedRangeFormat[];
  conditionalFormats?: RecordedConditionalFormat[];
  dataValidations?: RecordedDataValidation[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  activeSheet?: string;
  /** Workbook-scoped named items, formula like "=Sheet1!$B$2". */
  names?: { name: string; formula: string }[];
  settings?: Record<string, unknown>;
}

function rectOf(address: string, what: string) {
  const parsed = parseAddress(address);
  if (parsed === null) throw new Error(`Snapshot ${what}: "${address}" is not an A1 address`);
  return parsed.rect;
}

/** Builds the model for a snapshot. Throws on a malformed snapshot (a bug in the fixture, not a user error). */
export function loadSnapshot(
  snapshot: WorkbookSnapshot,
  functions: ReadonlyMap<string, CustomFunctionImpl>,
  namespace: string,
): WorkbookModel {
  const model = new WorkbookModel(
    snapshot.sheets.map((s) => s.name),
    functions,
    namespace,
  );
  const { cells } = model;
  snapshot.sheets.forEach((s, i) => {
    const sheet = model.sheets[i]!;
    sheet.visibility = s.visibility ?? "Visible";
    for (const { address, format } of s.numberFormats ?? [])
      cells.setNumberFormat(sheet, rectOf(address, "number format"), format);
    for (const t of s.tables ?? []) {
      model.checkTableName(t.name);
      model.tables.push({
        id: model.newId("table"),
        name: t.name,
        sheet,
        rect: rectOf(t.address, `table ${t.name}`),
        deleted: false,
        style: t.style ?? "TableStyleMedium2",
      });
    }
    sheet.rangeFormats.push(...(s.rangeFormats ?? []));
    sheet.conditionalFormats.push(...(s.conditionalFormats ?? []));
    sheet.dataValidations.push(...(s.dataValidations ?? []));
  });
  // Constants first, then formulas that need them in place: a custom function's spill is sized when it is
  // entered, from its arguments' values; a structured reference is translated from the table's header texts.
  const needsConstants = (v: CellInput) =>
    cells.engine.callsCustomFunction(v) || (typeof v === "string" && v.startsWith("=") && mayHaveStructuredRefs(v));
  const blocks = snapshot.sheets.map((s) => {
    const width = Math.max(0, ...s.cells.map((row) => row.length));
    return s.cells.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
  });
  cells.engine.rebuild(
    Object.fromEntries(
      snapshot.sheets.map((s, i) => [
        s.name,
        cells.rawBlock(
          model.sheets[i]!,
          blocks[i]!.map((row) => row.map((v) => (needsConstants(v) ? null : v))),
        ),
      ]),
    ),
  );
  blocks.forEach((block, i) => {
    // Only the rectangle around the deferred formulas is written again (null leaves the other cells as they are).
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    block.forEach((row, r) =>
      row.forEach((v, c) => {
        if (!needsConstants(v)) return;
        [top, left, bottom, right] = [Math.min(top, r), Math.min(left, c), Math.max(bottom, r), Math.max(right, c)];
      }),
    );
    if (bottom < 0) return;
    const later = block
      .slice(top, bottom + 1)
      .map((row) => row.slice(left, right + 1).map((v) => (needsConstants(v) ? v : null)));
    cells.write(
      model.sheets[i]!,
      { row: top, column: left, rowCount: later.length, columnCount: right - left + 1 },
      later,
      "values",
    );
  });
  for (const { name, formula } of snapshot.names ?? []) model.addName(name, formula);
  for (const [key, value] of Object.entries(snapshot.settings ?? {})) model.settings.set(key, value);
  if (snapshot.activeSheet !== undefined) model.activeSheet = model.requireSheet(snapshot.activeSheet);
  return model;
}
