/**
 * The two CMS schedule imports of a hospital (issue 14): a fiscal year of MS-DRG weights into MsDrgWeights and a
 * quarter of OPPS Addendum B into OppsRates, each replacing its own year's or quarter's rows and keeping the others
 * (replacePeriodRows.ts), so that PAYER.INPATIENT_PAYMENT and PAYER.OUTPATIENT_PAYMENT price from them at once.
 */
import type { DrgWeightTable, OppsTable, Result } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import { MS_DRG_WEIGHTS_SPEC, OPPS_RATES_SPEC } from "../registry/hospitalRateTables";
import { drgWeightCells, oppsRateCells } from "./cmsTableRows";
import type { HospitalImportIssue } from "./hospitalImportIssues";
import { replacePeriodRows, type PeriodRowsWriteOptions, type WrittenPeriodRows } from "./replacePeriodRows";

/** The sheet MsDrgWeights is created on when the workbook has none. */
export const MS_DRG_WEIGHTS_SHEET = "MS-DRG Weights";
/** The sheet OppsRates is created on when the workbook has none. */
export const OPPS_RATES_SHEET = "OPPS Rates";

/**
 * Writes one fiscal year's MS-DRG weights into MsDrgWeights, replacing that year's rows.
 * @example const written = await writeDrgWeights(hostExcel(), parsed.table, { signal, onProgress });
 */
export function writeDrgWeights(
  excel: ExcelGateway,
  table: DrgWeightTable,
  options: PeriodRowsWriteOptions = {},
): Promise<Result<WrittenPeriodRows, HospitalImportIssue>> {
  return replacePeriodRows(
    excel,
    {
      spec: MS_DRG_WEIGHTS_SPEC,
      periodField: "fiscalYear",
      period: table.fiscalYear,
      rows: drgWeightCells(table),
      newSheetName: MS_DRG_WEIGHTS_SHEET,
      what: `the import of MS-DRG weights FY${table.fiscalYear}`,
    },
    options,
  );
}

/**
 * Writes one quarter's Addendum B into OppsRates, replacing the rows of the same Effective Start Date.
 * @example const written = await writeOppsRates(hostExcel(), parsed.table, { signal, onProgress });
 */
export function writeOppsRates(
  excel: ExcelGateway,
  table: OppsTable,
  options: PeriodRowsWriteOptions = {},
): Promise<Result<WrittenPeriodRows, HospitalImportIssue>> {
  return replacePeriodRows(
    excel,
    {
      spec: OPPS_RATES_SPEC,
      periodField: "effectiveStartDate",
      period: table.effectiveStartDate,
      rows: oppsRateCells(table),
      newSheetName: OPPS_RATES_SHEET,
      what: `the import of OPPS Addendum B from ${table.effectiveStartDate}`,
    },
    options,
  );
}
