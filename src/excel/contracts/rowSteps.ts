/**
 * The commit steps that change a registry table (ARCHITECTURE.md s.5): each change to the user's table is a step
 * the runner can observe (a cell holds its new value, a row was added, a row is gone), so that a commit Excel
 * applies in part is completed from where it stopped, never left half-done; setting formats is safe to repeat.
 * Cells are addressed within the table's body, so they follow the table wherever it is on its sheet.
 */
import type { CommitStep } from "../core/operation";
import type { CellWrite, RowPlan } from "./rowPlan";

const bodyOf = (context: Excel.RequestContext, table: string) =>
  context.workbook.tables.getItem(table).getDataBodyRange();
const isBlank = (cell: unknown) => cell === "" || cell === null || cell === undefined;

/** Writes one cell of the row. Observed: the cell reads its new value. */
function writeCell(table: string, index: number, rowNumber: number, write: CellWrite): CommitStep {
  return {
    describe: `write "${write.header}" in row ${rowNumber} of ${table}`,
    apply: (context) => {
      bodyOf(context, table).getCell(index, write.column).values = [[write.written]];
    },
    observe: (context) => {
      const cell = bodyOf(context, table).getCell(index, write.column).load("values");
      return () => cell.values[0]?.[0] === write.reads;
    },
  };
}

/** Gives the written cells their number formats (safe to repeat, not observed); null when none changes. */
function formatCells(table: string, plan: RowPlan): CommitStep | null {
  const formatted = plan.writes.filter((write) => write.format !== null);
  if (formatted.length === 0) return null;
  return {
    describe: `format the cells written in row ${plan.rowNumber} of ${table}`,
    apply: (context) => {
      const body = bodyOf(context, table);
      for (const write of formatted) body.getCell(plan.index, write.column).numberFormat = [[write.format!]];
    },
  };
}

/**
 * The steps that save a planned row into the user's table, which has `rowCount` body rows now. A loaded or blank
 * row: each changed cell (text already behind its apostrophe, see rowPlan.ts), then the formats. A new row: the row
 * added, its formats set, then its values written into cells that are already formatted.
 */
export function rowSteps(plan: RowPlan, rowCount: number): CommitStep[] {
  const table = plan.after.name;
  const formats = formatCells(table, plan);
  if (plan.placement.kind !== "append") {
    const cells = plan.writes.map((write) => writeCell(table, plan.index, plan.rowNumber, write));
    return cells.length === 0 ? [] : [...cells, ...(formats === null ? [] : [formats])];
  }
  const addRow: CommitStep = {
    describe: `add row ${plan.rowNumber} to ${table}`,
    apply: (context) => void context.workbook.tables.getItem(table).rows.add(),
    observe: (context) => {
      const body = bodyOf(context, table).load("rowCount");
      return () => body.rowCount > rowCount;
    },
  };
  const fillRow: CommitStep = {
    describe: `write row ${plan.rowNumber} of ${table}`,
    apply: (context) => {
      const body = bodyOf(context, table);
      for (const write of plan.writes) body.getCell(plan.index, write.column).values = [[write.written]];
    },
    observe: (context) => {
      const body = bodyOf(context, table).load("values");
      return () => plan.writes.every((write) => body.values[plan.index]?.[write.column] === write.reads);
    },
  };
  return [addRow, ...(formats === null ? [] : [formats]), fillRow];
}

/**
 * Deletes body row `index` (Excel row `rowNumber`) of a table that has `rowCount` body rows now, with Excel's own
 * row deletion: the rows below move up. Observed: the table has one row fewer, or (a table keeps one body row) the
 * row is blank.
 */
export function deleteRowStep(table: string, index: number, rowNumber: number, rowCount: number): CommitStep {
  return {
    describe: `delete row ${rowNumber} of ${table}`,
    apply: (context) => context.workbook.tables.getItem(table).rows.getItemAt(index).delete(),
    observe: (context) => {
      const body = bodyOf(context, table).load("values");
      return () => body.values.length < rowCount || (body.values[index] ?? []).every(isBlank);
    },
  };
}
