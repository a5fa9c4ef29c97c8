/**
 * Every table the add-in reads or writes, from the column dictionary (ARCHITECTURE.md 2: "one column dictionary for
 * every table read or written, which also generates the README's table docs"), and every workbook setting it keeps:
 * the README's sections "Workbook tables" and "Workbook settings" are generated from these lists, and
 * test/excel/workbookTables.test.ts checks the README holds exactly that text. A new table is documented by adding
 * its spec here.
 */
import { BENCHMARKS_SPEC } from "./benchmarks/benchmarkColumns";
import { WORKBOOK_SETTINGS } from "./core/workbookSettings";
import { CLAIMS_TABLE_SPEC } from "./claims/claimsColumns";
import type { Columns, TableSpec } from "./registry/columnDictionary";
import { renderTableDocs } from "./registry/registryDocs";
import { REGISTRY_TABLE_SPECS } from "./registry/registryTables";
import { NEGOTIATION_TABLE_SPECS } from "./negotiation/negotiationTables";
import { PROPOSALS_SPEC } from "./negotiation/proposalTable";
import { REMITTANCE_TABLE_SPEC } from "./remittances/remittanceTable";
import { FROZEN_RECORD_SPEC } from "./sharing/frozenRecord";
import { REVIEW_TABLE_SPEC } from "./varianceReview/reviewColumns";

/** Every workbook table, in README order: the registry's, the claims the add-in reads, then what it writes. */
export const WORKBOOK_TABLE_SPECS: readonly TableSpec<Columns>[] = [
  ...REGISTRY_TABLE_SPECS,
  CLAIMS_TABLE_SPEC,
  REVIEW_TABLE_SPEC,
  REMITTANCE_TABLE_SPEC,
  BENCHMARKS_SPEC,
  FROZEN_RECORD_SPEC,
  ...NEGOTIATION_TABLE_SPECS,
  PROPOSALS_SPEC,
];

/** Markdown for every workbook table: its purpose and a row per column. */
export function renderWorkbookTableDocs(): string {
  return renderTableDocs(WORKBOOK_TABLE_SPECS);
}

/** Markdown for every workbook setting: its key (per table: with the table's name in lower case) and its purpose. */
export function renderWorkbookSettingsDocs(): string {
  const rows = Object.values(WORKBOOK_SETTINGS).map(({ key, scope, purpose }) => {
    const shown = scope === "table" ? `${key}.<table name in lower case>` : key;
    return `| \`${shown}\` | ${purpose} |`;
  });
  return ["| key | what it holds |", "| --- | --- |", ...rows].join("\n");
}
