/**
 * The commands every panel that reads a claims table shares (uplift model, variance review, portfolio summary): list
 * the workbook's tables, load a table's column mapping, list a column's distinct values for a filter.
 */
import {
  checkClaimsMapping,
  describeClaimsMappingIssue,
  readClaimsMapping,
  suggestClaimsMapping,
  type ClaimsMapping,
} from "../../excel/claims/claimsMapping";
import { readDistinctValues } from "../../excel/upliftModel";
import { readWorkbookOverview, type TableOverview } from "../../excel/workbook/workbookOverview";
import type { TaskPaneCommand } from "../taskPaneCommand";

/** The workbook's tables, for the claims table picker. */
export const listClaimsTables: TaskPaneCommand<void, TableOverview[]> = {
  name: "claims.listTables",
  label: "Refresh tables",
  run: (excel) => readWorkbookOverview(excel),
};

/** A table's mapping as loaded: whether the user confirmed it before, and a note when the stored one no longer fits. */
export interface LoadedClaimsMapping {
  readonly mapping: ClaimsMapping;
  readonly saved: boolean;
  readonly note: string | null;
}

/** A table's mapping: the one confirmed earlier when it still fits the table, else the one its headers suggest. */
export const loadClaimsMapping: TaskPaneCommand<{ readonly table: TableOverview }, LoadedClaimsMapping> = {
  name: "claims.loadMapping",
  label: "Load mapping",
  run: async (excel, { table }) => {
    const suggested = suggestClaimsMapping(table.columnNames);
    const stored = await readClaimsMapping(excel, table.name);
    if (!stored.ok) return { mapping: suggested, saved: false, note: describeClaimsMappingIssue(stored.issue) };
    if (stored.value === null) return { mapping: suggested, saved: false, note: null };
    const fits = checkClaimsMapping(table.name, stored.value, table.columnNames, []);
    return fits.ok
      ? { mapping: stored.value, saved: true, note: null }
      : { mapping: suggested, saved: false, note: describeClaimsMappingIssue(fits.issue) };
  },
};

/** Distinct values of a column (payers, contracts), for the filters. */
export const listColumnValues: TaskPaneCommand<{ readonly tableName: string; readonly column: string }, string[]> = {
  name: "claims.listColumnValues",
  label: "List values",
  run: async (excel, { tableName, column }) => (await readDistinctValues(excel, tableName, column)) ?? [],
};
