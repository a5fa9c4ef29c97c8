/**
 * Row checks across the rows of one hospital table (issue 14), each as a registry issue naming table, row, column and
 * value, the row left out: versions of one contract that overlap, and a key given twice (a DRG's case rate, a DRG of
 * one fiscal year, a code of one quarter). The checks within one row are the specs' own (hospitalTermsTables.ts).
 */
import { registryKey, type IsoDate } from "../../engine";
import type { RegistryIssue, TablePlace } from "./issues";
import { parseTable, type Columns, type ParsedTable, type TableData, type TableSpec } from "./tableSpec";

/** The cells of the workbook's tables, by registry key of the table name. */
export type Tables = ReadonlyMap<string, TableData>;

/** A parsed table of the workbook and where it is (a table the workbook lacks has no rows and is empty). */
export interface PlacedTable<C extends Columns> {
  readonly parsed: ParsedTable<C>;
  readonly place: TablePlace;
}

/** Parses a table when the workbook has it; a missing table is an empty one. */
export function placedTable<C extends Columns>(spec: TableSpec<C>, tables: Tables): PlacedTable<C> {
  const data = tables.get(registryKey(spec.title));
  if (data === undefined)
    return { parsed: { rows: [], issues: [], rejected: [], warnings: [] }, place: { table: spec.title, sheet: "" } };
  return { parsed: parseTable(spec, data), place: { table: data.name, sheet: data.sheet } };
}

/** Groups items by a key, in the order each key first appears (linear: a CMS table holds tens of thousands of rows). */
export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

/** A row some other row of its table contradicts: the issue is on it, at `column`. */
export function conflict(
  place: TablePlace,
  rowNumber: number,
  column: string,
  value: string,
  expected: string,
): RegistryIssue {
  return { code: "cellInconsistent", ...place, rowNumber, column, value, expected };
}

interface VersionRow {
  readonly rowNumber: number;
  readonly contractName: string;
  readonly effectiveStartDate: IsoDate;
  readonly effectiveEndDate: IsoDate | null;
}

const LAST_DAY = "9999-12-31" as IsoDate;

/**
 * The rows of a terms table whose version overlaps an earlier-starting version of the same contract, each with its
 * issue: a date two versions cover would be priced by whichever was found first, so the later row is left out.
 */
export function overlappingVersions<R extends VersionRow>(
  rows: readonly R[],
  place: TablePlace,
): Map<number, RegistryIssue> {
  const byContract = groupBy(rows, (row) => registryKey(row.contractName));
  const issues = new Map<number, RegistryIssue>();
  for (const versions of byContract.values()) {
    const sorted = [...versions].sort((a, b) => (a.effectiveStartDate < b.effectiveStartDate ? -1 : 1));
    let kept: R | undefined;
    for (const row of sorted) {
      if (kept !== undefined && row.effectiveStartDate <= (kept.effectiveEndDate ?? LAST_DAY)) {
        const covers = `${kept.effectiveStartDate} to ${kept.effectiveEndDate ?? "no end"}`;
        const expected = `row ${kept.rowNumber} of contract "${kept.contractName}" covers ${covers}: versions of one contract must not overlap`;
        issues.set(row.rowNumber, conflict(place, row.rowNumber, "Effective Start Date", row.effectiveStartDate, expected)); // prettier-ignore
        continue;
      }
      kept = row;
    }
  }
  return issues;
}

/**
 * The rows that repeat the key of an earlier row, each with its issue at `column` (`value` shown, `what` saying what
 * the earlier row gives): the first row is used, and a second one silently ignored would hide a typing error.
 */
export function repeatedKeys<R extends { readonly rowNumber: number }>(
  rows: readonly R[],
  keyOf: (row: R) => string,
  place: TablePlace,
  column: string,
  shown: (row: R) => string,
  what: string,
): Map<number, RegistryIssue> {
  const first = new Map<string, number>();
  const issues = new Map<number, RegistryIssue>();
  for (const row of rows) {
    const key = keyOf(row);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, row.rowNumber);
    else issues.set(row.rowNumber, conflict(place, row.rowNumber, column, shown(row), `row ${earlier} already gives ${what}`)); // prettier-ignore
  }
  return issues;
}
