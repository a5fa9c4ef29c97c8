/**
 * Putting a staged build of a sheet in place when an earlier build of it exists: the earlier sheet is kept and its
 * contents rewritten, rather than deleted and replaced by the staged one. Excel turns every reference to a deleted
 * sheet into #REF! for good (a new sheet of the same name does not bring them back), so a sheet other sheets refer to
 * (the Negotiation sheet, which the Proposals sheet and the brief read; a user's own formulas) must keep its identity
 * across rebuilds. A sheet built for the first time is placed as any staged sheet is (placeSheet).
 *
 * The rewrite, in the commit request: the earlier sheet is cleared and the staged cells (values, formulas, number
 * formats, fills, conditional formats) copied over it in one `copyFrom`; its charts are removed; then what a copy of
 * cells does not carry (column widths, charts, page layout) is queued again on it by the build's own `dress`; the
 * staged sheet is removed. Each of these steps is observed (the copied formulas, the chart count, the staged sheet
 * gone) or safe to apply twice, as the runner requires (commitSteps.ts).
 */
/* eslint-disable office-addins/call-sync-before-read -- an observer queues its loads and returns a closure that the
   runner calls only after syncing them. */
import type { ExcelGateway } from "../excelGateway";
import { deleteSheet, placeSheet, type CommitStep } from "./commitSteps";

/** Queues on a sheet what a build puts there besides its cells: column widths, charts, page layout. */
export type SheetDressing = (sheet: Excel.Worksheet) => void;

/** A build staged on a hidden sheet, to go in place under `name`. */
export interface StagedBuild {
  readonly stagedId: string;
  readonly name: string;
  /** The build's own dressing, queued on the earlier sheet when that is rewritten. */
  readonly dress: SheetDressing;
  /** How many charts `dress` adds. */
  readonly chartCount: number;
}

/** The commit steps of a build, and the id the sheet has once they are applied (to activate it, to record it). */
export interface BuildPlacement {
  readonly steps: readonly CommitStep[];
  readonly sheetId: string;
}

/**
 * What the rewrite must know before the commit: the staged cells' extent and formulas, the extent cleared (the staged
 * cells' and the earlier sheet's, from A1), the earlier sheet's charts.
 */
interface RewritePlan {
  readonly rows: number;
  readonly columns: number;
  readonly formulas: string;
  readonly cleared: { readonly rows: number; readonly columns: number };
  readonly earlierCharts: number;
}

/** Rows and columns from A1 to the bottom-right corner of a used range (none for a blank sheet). */
const extentOf = (used: Excel.Range) =>
  used.isNullObject
    ? { rows: 0, columns: 0 }
    : { rows: used.rowIndex + used.rowCount, columns: used.columnIndex + used.columnCount };

/**
 * The steps that put `build` in place: on a sheet of its own when `earlier` is null, else over `earlier` (kept, with
 * its id and name). One request reads what a rewrite needs to know.
 * @example const placed = await placeBuild(op.excel, { stagedId, name: "Negotiation - Acme", dress, chartCount: 1 }, earlier);
 */
export async function placeBuild(
  excel: ExcelGateway,
  build: StagedBuild,
  earlier: { readonly id: string; readonly name: string } | null,
): Promise<BuildPlacement> {
  if (earlier === null) return { steps: placeSheet({ stagedId: build.stagedId, name: build.name }), sheetId: build.stagedId }; // prettier-ignore
  const plan = await excel.run(async (context): Promise<RewritePlan> => {
    const sheets = context.workbook.worksheets;
    const corner = "rowIndex,columnIndex,rowCount,columnCount";
    const staged = sheets.getItem(build.stagedId).getUsedRange().load(corner);
    const old = sheets.getItem(earlier.id).getUsedRangeOrNullObject().load(corner);
    const charts = sheets.getItem(earlier.id).charts.getCount();
    await context.sync();
    const { rows, columns } = extentOf(staged);
    const before = extentOf(old);
    const cells = sheets.getItem(build.stagedId).getRangeByIndexes(0, 0, rows, columns).load("formulas");
    await context.sync();
    const cleared = { rows: Math.max(rows, before.rows), columns: Math.max(columns, before.columns) };
    // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult, read after its sync
    return { rows, columns, formulas: JSON.stringify(cells.formulas), cleared, earlierCharts: charts.value };
  });
  return { steps: rewriteSteps(build, earlier, plan), sheetId: earlier.id };
}

function rewriteSteps(
  build: StagedBuild,
  earlier: { readonly id: string; readonly name: string },
  plan: RewritePlan,
): CommitStep[] {
  const target = (context: Excel.RequestContext) => context.workbook.worksheets.getItem(earlier.id);
  const block = (sheet: Excel.Worksheet) => sheet.getRangeByIndexes(0, 0, plan.rows, plan.columns);
  const chartCountIs = (count: number) => (context: Excel.RequestContext) => {
    const charts = target(context).charts.getCount();
    // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult, read once the runner synced it
    return () => charts.value === count;
  };
  const steps: CommitStep[] = [
    {
      describe: `write the new build over the sheet "${earlier.name}"`,
      // Safe to apply again: clearing and copying the same cells gives the same sheet.
      apply: (context) => {
        const sheet = target(context);
        const old = sheet.getRangeByIndexes(0, 0, plan.cleared.rows, plan.cleared.columns);
        old.clear("All");
        old.conditionalFormats.clearAll();
        block(sheet).copyFrom(block(context.workbook.worksheets.getItem(build.stagedId)), "All");
      },
      observe: (context) => {
        const cells = block(target(context)).load("formulas");
        return () => JSON.stringify(cells.formulas) === plan.formulas;
      },
    },
  ];
  if (plan.earlierCharts > 0) {
    steps.push({
      describe: `remove the charts of the earlier build of "${earlier.name}"`,
      apply: (context) => {
        const charts = target(context).charts;
        for (let i = 0; i < plan.earlierCharts; i++) charts.getItemAt(0).delete();
      },
      observe: chartCountIs(0),
    });
  }
  steps.push({
    describe: `set the column widths${build.chartCount > 0 ? " and charts" : ""} of "${earlier.name}"`,
    apply: (context) => build.dress(target(context)),
    // Widths and page layout are safe to set twice; charts are observed by their count.
    ...(build.chartCount > 0 ? { observe: chartCountIs(build.chartCount) } : {}),
  });
  steps.push(deleteSheet(build.stagedId, `remove the add-in's working copy of "${earlier.name}"`));
  return steps;
}
