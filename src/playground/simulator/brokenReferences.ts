/**
 * What Excel writes into formulas whose sheet or table is deleted: the reference becomes `#REF!` in the formula's
 * text (`=Summary!B2*2` becomes `=#REF!B2*2`), for good. A sheet or table that later takes the same name does not
 * bring the reference back, which matters to an operation that swaps a rebuilt sheet in for an old one: the user's
 * formulas pointing at the old sheet break in Excel. (HyperFormula alone would revive them, so the simulator
 * rewrites the text as Excel does.) Converting a table to a range instead turns its structured references into the
 * A1 references they stand for.
 */
import { contains } from "./addresses";
import { cellKey, type SheetEntity, type TableEntity } from "./entities";
import { outsideStrings } from "./formulaDialect";
import { mapStructuredRefs, mayHaveStructuredRefs, translateStructuredRefs } from "./structuredRefs";
import type { WorkbookModel } from "./workbookModel";

const QUOTED_SHEET = /'((?:[^']|'')+)'!/g;
const PLAIN_SHEET = /(?<![A-Za-z0-9_.'])([A-Za-z_][A-Za-z0-9_.]*)!/g;

/** The formula with each reference to sheet `name` made `#REF!` (outside string literals). */
export function breakSheetReferences(formula: string, name: string): string {
  if (!formula.includes("!")) return formula;
  const key = name.toLowerCase();
  return outsideStrings(formula, (part) =>
    part
      .replace(QUOTED_SHEET, (whole, quoted: string) =>
        quoted.replace(/''/g, "'").toLowerCase() === key ? "#REF!" : whole,
      )
      .replace(PLAIN_SHEET, (whole, plain: string) => (plain.toLowerCase() === key ? "#REF!" : whole)),
  );
}

/** The formula with each structured reference naming `table` made `#REF!`. */
export function breakTableReferences(formula: string, table: string): string {
  if (!mayHaveStructuredRefs(formula)) return formula;
  const key = table.toLowerCase();
  return mapStructuredRefs(formula, (name) => (name?.toLowerCase() === key ? "#REF!" : undefined));
}

/** A cell whose formula text was rewritten. */
export interface RewrittenCell {
  readonly sheet: SheetEntity;
  readonly row: number;
  readonly column: number;
}

/**
 * Rewrites formulas of the workbook (except on `skip`) through `rewrite`: every formula, or with `structuredOnly`
 * those with structured references (the only ones a table's deletion touches). With `enter`, the engine takes the
 * new formulas at once (one batch: HyperFormula recalculates once); without, only the user's text changes and the
 * caller has the engine catch up (a re-translation, or `reenterFormulas`), which spares recalculating formulas
 * that already evaluate to #REF!.
 */
export function rewriteFormulas(
  model: WorkbookModel,
  rewrite: (formula: string, sheet: SheetEntity, row: number, column: number) => string,
  options: { skip?: SheetEntity; structuredOnly?: boolean; enter: boolean },
): RewrittenCell[] {
  const changed: RewrittenCell[] = [];
  for (const sheet of model.sheets) {
    if (sheet === options.skip) continue;
    for (const { row, column, formula } of model.cells.formulaCells(sheet, options.structuredOnly)) {
      const next = rewrite(formula, sheet, row, column);
      if (next === formula) continue;
      changed.push({ sheet, row, column });
      sheet.userFormulas.set(cellKey(row, column), next);
    }
  }
  if (options.enter) reenterFormulas(model, changed);
  return changed;
}

/** Enters the user's formula text of these cells into the engine again (those still on the workbook). */
export function reenterFormulas(model: WorkbookModel, cells: readonly RewrittenCell[]): void {
  const live = cells.filter(({ sheet, row, column }) => !sheet.deleted && sheet.userFormulas.has(cellKey(row, column)));
  if (live.length === 0) return;
  // Engine contents first (translation reads the engine), then one batch.
  const raws = live.map(({ sheet, row, column }) =>
    model.cells.enteredRaw(sheet, row, column, sheet.userFormulas.get(cellKey(row, column))!),
  );
  model.cells.engine.batch(() =>
    live.forEach(({ sheet, row, column }, i) => model.cells.engine.setContents(sheet.name, row, column, [[raws[i]!]])),
  );
}

/** Excel's `table.convertToRange()` for formulas: the table's structured references become A1 references. */
export function convertTableReferences(model: WorkbookModel, table: TableEntity): void {
  const shape = model.cells.tableShape(table);
  const key = table.name.toLowerCase();
  rewriteFormulas(
    model,
    (formula, sheet, row, column) => {
      const inside = sheet === table.sheet && contains(table.rect, row, column);
      return mapStructuredRefs(formula, (name, inner) =>
        name?.toLowerCase() === key || (name === undefined && inside)
          ? translateStructuredRefs(`[${inner}]`, { row, table: shape }, () => undefined)
          : undefined,
      );
    },
    { structuredOnly: true, enter: true },
  );
}
