/**
 * The rows of a registry table as the contract editor lists them: where each is (to save over it, or to see that it
 * changed in the sheet since), its form, and what the registry reader says is wrong with it, in the reader's words.
 */
import { registryKey } from "../../engine";
import { columnPositions } from "../registry/columnDictionary";
import { registryIssueMessage, registryIssueRows, type RegistryIssue } from "../registry/issues";
import type { ColumnSpec, TableData, TableSpec } from "../registry/tableSpec";
import { formOf, type FormValues } from "./registryForm";
import type { LoadedRow } from "./registryRowWriter";

/** A registry row as the editor shows it: where it is, its form, and the reader's problems with it. */
export interface EditableRow<F> {
  readonly loaded: LoadedRow;
  readonly form: F;
  /** What the reader says is wrong with the row as it is in the sheet (empty when fine). */
  readonly problems: readonly string[];
}

/** Rows of a registry table with their forms and the reader's problems with each; blank rows are left out. */
export function editableRows<C extends Readonly<Record<string, ColumnSpec>>>(
  spec: TableSpec<C>,
  data: TableData | undefined,
  issues: readonly RegistryIssue[],
): EditableRow<FormValues<C>>[] {
  if (data === undefined) return [];
  const found = columnPositions(spec.columns, data.headers);
  const positions = Object.keys(spec.columns).map((field) => [field, found.get(field) ?? -1] as const);
  const table = registryKey(data.name);
  return data.rows.flatMap((values, index) => {
    if (values.every((cell) => cell === "" || cell === null)) return [];
    const rowNumber = data.firstRowNumber + index;
    const cells = Object.fromEntries(positions.map(([field, p]) => [field, p >= 0 ? values[p] : null]));
    const problems = issues
      .filter((issue) =>
        registryIssueRows(issue).some((r) => registryKey(r.table) === table && r.rowNumber === rowNumber),
      )
      .map(registryIssueMessage);
    const loaded: LoadedRow = { table: data.name, sheet: data.sheet, index, rowNumber, values: [...values] };
    return [{ loaded, form: formOf(spec.columns, cells), problems }];
  });
}
