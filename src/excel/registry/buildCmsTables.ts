/**
 * The CMS tables of the workbook into the engine's tables (issue 14): `MsDrgWeights` into one weights table per
 * fiscal year, `OppsRates` into one Addendum B table per quarter. A DRG given twice in a year, or a code twice in a
 * quarter, is reported and its later row left out, like a row whose cells do not read.
 */
import { buildDrgWeightTable, buildOppsTable, registryKey } from "../../engine";
import type { DrgWeightRow, DrgWeightTable, IsoDate, OppsRow, OppsTable } from "../../engine";
import { MS_DRG_WEIGHTS_SPEC, OPPS_RATES_SPEC } from "./hospitalRateTables";
import { ZERO } from "./hospitalCellKinds";
import { groupBy, placedTable, repeatedKeys, type Tables } from "./hospitalRows";
import type { RegistryIssue } from "./issues";

/** The engine tables of one CMS table and every problem found in it. */
export interface CmsTables<T> {
  readonly tables: readonly T[];
  readonly issues: readonly RegistryIssue[];
  /** The table cannot be read at all (a required column missing). */
  readonly unreadable: boolean;
}

/** The workbook's MS-DRG weights, one engine table per fiscal year, labelled "MsDrgWeights FY2026". */
export function drgWeightTablesOf(tables: Tables): CmsTables<DrgWeightTable> {
  const { parsed, place } = placedTable(MS_DRG_WEIGHTS_SPEC, tables);
  const repeated = repeatedKeys(parsed.rows, (r) => `${r.fiscalYear}|${r.drg}`, place, "MS-DRG", (r) => r.drg, "this DRG a weight for its fiscal year"); // prettier-ignore
  const rows = parsed.rows.filter((row) => !repeated.has(row.rowNumber));
  const drgTables = [...groupBy(rows, (row) => row.fiscalYear)].map(([fiscalYear, yearRows]) =>
    buildDrgWeightTable(
      `${place.table} FY${fiscalYear}`,
      fiscalYear,
      yearRows.map((row): DrgWeightRow => ({
        drg: row.drg,
        weight: row.weight,
        geometricMeanLengthOfStay: row.gmlos,
        arithmeticMeanLengthOfStay: row.amlos ?? ZERO,
        postAcuteTransfer: row.postAcute ?? false,
        specialPay: row.specialPay ?? false,
        description: row.description ?? "",
        sourceRowNumber: row.rowNumber,
      })),
    ),
  );
  return {
    tables: drgTables,
    issues: [...parsed.issues, ...repeated.values()],
    unreadable: parsed.issues.some((i) => i.code === "columnMissing"),
  };
}

/** The workbook's OPPS Addendum B rows, one engine table per quarter, labelled "OppsRates 2025-01-01". */
export function oppsTablesOf(tables: Tables): CmsTables<OppsTable> {
  const { parsed, place } = placedTable(OPPS_RATES_SPEC, tables);
  const repeated = repeatedKeys(parsed.rows, (r) => `${r.effectiveStartDate}|${registryKey(r.hcpcsCode)}`, place, "HCPCS Code", (r) => r.hcpcsCode, "this code a row for its quarter"); // prettier-ignore
  const rows = parsed.rows.filter((row) => !repeated.has(row.rowNumber));
  const oppsTables = [...groupBy(rows, (row) => row.effectiveStartDate)].map(([start, quarterRows]) =>
    buildOppsTable(
      `${place.table} ${start}`,
      start as IsoDate,
      quarterRows.map((row): OppsRow => ({
        hcpcsCode: row.hcpcsCode,
        statusIndicator: row.statusIndicator,
        apc: row.apc,
        relativeWeight: row.relativeWeight,
        paymentRate: row.paymentRate,
        sourceRowNumber: row.rowNumber,
      })),
    ),
  );
  return {
    tables: oppsTables,
    issues: [...parsed.issues, ...repeated.values()],
    unreadable: parsed.issues.some((i) => i.code === "columnMissing"),
  };
}
