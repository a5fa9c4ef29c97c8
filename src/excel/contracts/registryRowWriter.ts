/**
 * Saving and deleting one row of a registry table (PayerContracts, ContractCarveOuts) as operations of the runner
 * (ARCHITECTURE.md s.5): everything is read and checked inside the operation (the row unchanged since the editor
 * loaded it, the table's columns, the registry's verdict on the tables as they would be after the save), and the
 * user's table changes only in the commit, by observable steps (rowSteps.ts). A missing table is staged with its
 * first row by the table writer, in the same operation, and put in place by the same commit.
 */
import { fail, ok, registryKey, type Result } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import { runOperation, type OperationContext, type OperationIssue } from "../core/operation";
import { findSheetNamed, type SheetRef } from "../core/builtSheets";
import type { TableWriteIssue } from "../core/tableWriteIssues";
import { prepareTable, stageTable } from "../core/tableWriter";
import { scheduleTablesNeeded } from "../registry/buildRegistry";
import type { RegistryIssue } from "../registry/issues";
import { readRegistryTables } from "../registry/readRegistry";
import type { ColumnSpec, TableData, TableSpec } from "../registry/tableSpec";
import { problemsOfSave, withTable } from "./registryCheck";
import type { RowCell } from "./registryForm";
import { planRowWrite, type LoadedRow, type RowPlan, type RowPlanIssue } from "./rowPlan";
import { deleteRowStep, rowSteps } from "./rowSteps";

export type { LoadedRow } from "./rowPlan";

type Columns = Readonly<Record<string, ColumnSpec>>;

/** Why a row was not written. */
export type RowWriteIssue =
  | RowPlanIssue
  | { readonly code: "tableNotCreated"; readonly table: string; readonly issue: TableWriteIssue }
  /** The registry would reject the row, or the save would break its contract: the problems, as the reader says them. */
  | {
      readonly code: "registryRejects";
      readonly table: string;
      readonly sheet: string;
      readonly rowNumber: number;
      readonly problems: readonly RegistryIssue[];
    };

/** Where a saved row landed. */
export interface SavedRow {
  readonly table: string;
  readonly sheet: string;
  readonly rowNumber: number;
  /** True when the table did not exist and was created for this row. */
  readonly createdTable: boolean;
}

/** How the operation is named in messages, its cancel, and the contract the row belongs to. */
export interface RowWriteOptions {
  /** The operation in the user's words: 'saving the version of "Acme PPO" from 2025-01-01'. */
  readonly what: string;
  readonly signal?: AbortSignal;
  /** The contract the row belongs to (its problems after the save are checked). */
  readonly contractName: string;
}

/** The first of "Contracts", "Contracts 2"... that no sheet has. */
function freeSheetName(taken: readonly SheetRef[], wanted: string): string {
  let name = wanted;
  for (let n = 2; findSheetNamed(taken, name) !== null; n++) name = `${wanted} ${n}`;
  return name;
}

/** One request: the number formats of the table's body (when the workbook has it) and the sheets' names. */
async function lookAt(excel: ExcelGateway, table: TableData | undefined) {
  return excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name,items/id");
    const body =
      table === undefined ? null : context.workbook.tables.getItem(table.name).getDataBodyRange().load("numberFormat");
    await context.sync();
    return { sheets: sheets.items.map(({ name, id }) => ({ name, id })), formats: body?.numberFormat ?? null };
  });
}

/** Stages the new table with its first row; the commit's steps put it in place. */
async function stagedTableSteps(
  op: OperationContext,
  spec: TableSpec<Columns>,
  plan: RowPlan,
  cells: Readonly<Record<string, RowCell>>,
) {
  const fields = Object.keys(spec.columns);
  const prepared = prepareTable({
    sheetName: plan.after.sheet,
    tableName: spec.title,
    columns: fields.map((field) => ({ name: spec.columns[field]!.header, kind: cells[field]!.kind })),
    // Dates go as ISO text: the table writer converts them to Excel dates itself.
    rows: [fields.map((field) => (cells[field]!.kind === "date" ? cells[field]!.text : cells[field]!.value))],
  });
  const staged = prepared.ok ? await stageTable(op, prepared.value) : prepared;
  return staged.ok
    ? ok(staged.value.steps)
    : fail<RowWriteIssue>({ code: "tableNotCreated", table: spec.title, issue: staged.issue });
}

/**
 * Adds a row (`target` null) or updates the loaded row with `cells` (by field). A new row fills the table's first
 * blank row, else is added at the end; when the workbook has no such table, it is created on a new sheet named
 * `newSheetName` ("... 2" when that is taken). Refused, with nothing written, when the row changed in the sheet
 * since it was loaded, a required column is missing, or the registry would reject the row.
 */
export async function writeRegistryRow(
  excel: ExcelGateway,
  spec: TableSpec<Columns>,
  target: LoadedRow | null,
  cells: Readonly<Record<string, RowCell>>,
  newSheetName: string,
  options: RowWriteOptions,
): Promise<Result<SavedRow, RowWriteIssue | OperationIssue>> {
  const key = registryKey(spec.title);
  return runOperation(excel, { what: options.what, signal: options.signal }, async (op) => {
    // The schedule tables the registry needs now and after the save (the row may name another fee schedule).
    const needed = (tables: ReadonlyMap<string, TableData>) => {
      const planned = planRowWrite(spec, { data: tables.get(key), formats: null }, target, cells, newSheetName);
      const after = planned.ok ? scheduleTablesNeeded(withTable(tables, planned.value.after)) : [];
      // The written table itself too, when it is not one the registry reads (the negotiation tables).
      return [...scheduleTablesNeeded(tables), ...after, spec.title];
    };
    const { tables } = await readRegistryTables(op.excel, needed);
    const data = tables.get(key);
    const look = await lookAt(op.excel, data);
    const sheetName = data?.sheet ?? freeSheetName(look.sheets, newSheetName);
    const planned = planRowWrite(spec, { data, formats: look.formats }, target, cells, sheetName);
    if (!planned.ok) return planned;
    const plan = planned.value;
    const row = { table: plan.after.name, rowNumber: plan.rowNumber };
    const problems = problemsOfSave(tables, withTable(tables, plan.after), row, options.contractName);
    if (problems.length > 0)
      return fail({ code: "registryRejects", ...row, sheet: plan.after.sheet, problems } as RowWriteIssue);
    const output: SavedRow = { ...row, sheet: plan.after.sheet, createdTable: plan.placement.kind === "create" };
    if (plan.placement.kind !== "create") return ok({ output, steps: rowSteps(plan, data!.rows.length) });
    const steps = await stagedTableSteps(op, spec, plan, cells);
    return steps.ok ? ok({ output, steps: steps.value }) : steps;
  });
}

/**
 * Deletes the loaded row with Excel's row deletion (the rows below move up), unless it changed in the sheet since
 * it was loaded or its table is gone.
 */
export async function deleteRegistryRow(
  excel: ExcelGateway,
  target: LoadedRow,
  options: { readonly what: string; readonly signal?: AbortSignal },
): Promise<Result<{ readonly rowNumber: number }, RowWriteIssue | OperationIssue>> {
  return runOperation(excel, options, async (op) => {
    const body = await op.excel.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(target.table);
      await context.sync();
      if (table.isNullObject) return null;
      const range = table.getDataBodyRange().load("values");
      const sheet = table.worksheet.load("name");
      await context.sync();
      return { rows: range.values, sheet: sheet.name };
    });
    if (body === null) return fail<RowWriteIssue>({ code: "tableMissing", table: target.table });
    const current = body.rows[target.index];
    if (current === undefined || JSON.stringify(current) !== JSON.stringify(target.values))
      return fail<RowWriteIssue>({
        code: "rowChanged",
        table: target.table,
        sheet: body.sheet,
        rowNumber: target.rowNumber,
      });
    return ok({
      output: { rowNumber: target.rowNumber },
      steps: [deleteRowStep(target.table, target.index, target.rowNumber, body.rows.length)],
    });
  });
}
