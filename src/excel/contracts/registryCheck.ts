/**
 * The registry's own verdict on a save (issue 10 item 3): the editor runs the real registry build over the tables as
 * they are and as they would be after the save, so it accepts exactly the rows the registry reader accepts, with no
 * second copy of the rules. A save is refused for every problem of the saved row, and for every problem the save
 * would add to its contract (a fee schedule with bad rows, a Medicare schedule that is not registered, hospital terms
 * that now read a CMS table with bad rows...); problems
 * the contract already had are not the save's doing and do not block fixing something else.
 */
import { registryKey } from "../../engine";
import { buildRegistry, type RegistrySnapshot } from "../registry/buildRegistry";
import { registryIssueMessage, registryIssueRows, type RegistryIssue, type TableRow } from "../registry/issues";
import type { TableData } from "../registry/tableSpec";

type Tables = ReadonlyMap<string, TableData>;

/** The tables with `table` in place of the one of the same name (or added). */
export function withTable(tables: Tables, table: TableData): Tables {
  return new Map([...tables, [registryKey(table.name), table]]);
}

const isRow = (row: TableRow) => (other: TableRow) =>
  registryKey(other.table) === registryKey(row.table) && other.rowNumber === row.rowNumber;

/** A contract's problems for its professional, inpatient and outpatient amounts. */
const contractIssues = (snapshot: RegistrySnapshot, key: string): readonly RegistryIssue[] => [
  ...(snapshot.issuesByContract.get(key) ?? []),
  ...(snapshot.inpatientIssuesByContract.get(key) ?? []),
  ...(snapshot.outpatientIssuesByContract.get(key) ?? []),
];

/**
 * The problems that refuse a save: those of the saved `row` in the registry built from `after`, then those of the
 * contract `contractName` that the registry built from `before` did not have. Each once, in the registry's order.
 */
export function problemsOfSave(before: Tables, after: Tables, row: TableRow, contractName: string): RegistryIssue[] {
  const was = buildRegistry(before);
  const will = buildRegistry(after);
  const key = registryKey(contractName);
  const known = new Set(contractIssues(was, key).map(registryIssueMessage));
  const ofRow = will.issues.filter((issue) => registryIssueRows(issue).some(isRow(row)));
  const added = contractIssues(will, key).filter((issue) => !known.has(registryIssueMessage(issue)));
  const seen = new Set<string>();
  return [...ofRow, ...added].filter((issue) => {
    const message = registryIssueMessage(issue);
    if (seen.has(message)) return false;
    seen.add(message);
    return true;
  });
}
