/**
 * What Excel writes into formulas whose sheet or table is deleted: the reference becomes `#REF!` in the formula's
 * text (`=Summary!B2*2` becomes `=#REF!B2*2`), for good. A sheet or table that later takes the same name does not
 * bring the reference back, which matters to an operation that swaps a rebuilt sheet in for an old one: the user's
 * formulas pointing at the old sheet break in Excel. (HyperFormula alone would revive them, so the simulator
 * rewrites the text as Excel does.) Converting a table to a range instead turns its structured references into the
 * A1 references they stand for.
 */
import { contains } from "./addresses";
import type { SheetEntity, TableEntity } from "./entities";
import { mapStructuredRefs, mayHaveStructuredRefs, translateStructuredRefs } from "./structuredRefs";
import type { WorkbookModel } from "./workbookModel";

const QUOTED_SHEET = /'((?:[^']|'')+)'!/g;
const PLAIN_SHEET = /(?<![A-Za-z0-9_.'])([A-Za-z_][A-Za-z0-9_.]*)!/g;

/** The formula with each reference to sheet `name` made `#REF!` (outside string literals). */
export function breakSheetReferences(formula: string, name: string): string {
  if (!formula.includes("!")) return formula;
  const key = name.toLowerCase();
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(QUOTED_SHEET, (whole, quoted: string) =>
              quoted.replace(/''/g, "'").toLowerCase() === key ? "#REF!" : whole,
            )
            .replace(PLAIN_SHEET, (whole, plain: string) => (plain.toLowerCase() === key ? "#REF!" : whole)),
    )
    .join("");
}

/** The formula with each structured reference naming `table` made `#REF!`. */
export function breakTableReferences(formula: string, table: string): string {
  if (!mayHaveStructuredRefs(formula)) return formula;
  const key = table.toLowerCase();
  return mapStructuredRefs(formula, (name) => (name?.toLowerCase() === key ? "#REF!" : undefined));
}

/** Rewrites every formula of the workbook (except on `skip`) through `rewrite`, entering the ones it changes. */
export function rewriteFormulas(
  model: WorkbookModel,
  rewrite: (formula: string, sheet: SheetEntity, row: number, column: number) => string,
  skip?: SheetEntity,
): void {
  const changes: { sheet: SheetEntity; row: number; column: number; formula: string }[] = [];
  for (const sheet of model.sheets) {
    if (sheet === skip) continue;
    for (const { row, column, formula } of model.cells.formulaCells(sheet)) {
      const next = rewrite(formula, sheet, row, column);
      if (next !== formula) changes.push({ sheet, row, column, formula: next });
    }
  }
  for (const { sheet, row, column, formula } of changes) {
    model.cells.engine.setContents(sheet.name, row, column, [[model.cells.enteredRaw(sheet, row, column, formula)]]);
  }
}

/** Excel's `table.convertToRange()` for formulas: the table's structured references become A1 references. */
export function convertTableReferences(model: WorkbookModel, table: TableEntity): void {
  const shape = model.cells.tableShape(table);
  const key = table.name.toLowerCase();
  rewriteFormulas(model, (formula, sheet, row, column) => {
    if (!mayHaveStructuredRefs(formula)) return formula;
    const inside = sheet === table.sheet && contains(table.rect, row, column);
    return mapStructuredRefs(formula, (name, inner) =>
      name?.toLowerCase() === key || (name === undefined && inside)
        ? translateStructuredRefs(`[${inner}]`, { row, table: shape }, () => undefined)
        : undefined,
    );
  });
}
