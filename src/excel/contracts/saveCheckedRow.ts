/**
 * The one way a pane form becomes a registry row (contract versions, carve-outs, hospital terms, the negotiation
 * tables, proposals): a form the table's reader refuses is sent back with its field errors and nothing is written; a
 * checked row is written through writeRegistryRow (all or nothing, the table created on its own sheet when missing).
 */
import { fail, type Result } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import type { ColumnSpec, ParsedRow, TableSpec } from "../registry/tableSpec";
import type { EditorIssue } from "./editorIssues";
import type { FormCheck } from "./registryForm";
import { rowCells } from "./registryForm";
import { writeRegistryRow, type SavedRow } from "./registryRowWriter";
import type { LoadedRow } from "./rowPlan";

/** The columns of a table spec, as the form module takes them. */
type Columns = Readonly<Record<string, ColumnSpec>>;

/** Where the row goes: its table, the row it replaces (null: a new row), the sheet a new table is created on. */
export interface RowTarget<C extends Columns> {
  readonly spec: TableSpec<C>;
  readonly editing: LoadedRow | null;
  readonly newSheetName: string;
}

/**
 * Saves a checked form as one row of `target.spec`'s table; `describe` names the operation in the user's words and
 * the contract whose problems are checked after the save.
 */
export function saveCheckedRow<C extends Columns>(
  excel: ExcelGateway,
  target: RowTarget<C>,
  checked: FormCheck<C>,
  describe: (row: ParsedRow<C>) => { readonly what: string; readonly contractName: string },
  options: { readonly signal?: AbortSignal } = {},
): Promise<Result<SavedRow, EditorIssue>> {
  if (checked.row === null)
    return Promise.resolve(fail({ code: "formInvalid", errors: checked.errors as Record<string, string> }));
  const { spec, editing, newSheetName } = target;
  const { what, contractName } = describe(checked.row);
  // writeRegistryRow takes any table's spec; a generic one is not assignable to it (its row checks are contravariant).
  return writeRegistryRow(excel, spec as never, editing, rowCells(spec.columns, checked.row), newSheetName, {
    what,
    signal: options.signal,
    contractName,
  });
}
