import type { Decimal } from "../decimal";
import type { IsoDate } from "../isoDate";
import { fail, ok, type Result } from "../result";
import type { InpatientIssue } from "./issues";
import type { MsDrg } from "./msDrg";

/**
 * One MS-DRG of a weights table (CMS IPPS Table 5, or the pricer's drgstable CSV): its relative weight, geometric and
 * arithmetic mean lengths of stay, and whether Medicare's post-acute transfer policy and its special-pay variant
 * apply to it (42 CFR 412.4(d), (f)(5)).
 */
export interface DrgWeightRow {
  readonly drg: MsDrg;
  readonly weight: Decimal;
  /** GMLOS: the per diem of a transfer is the full payment divided by it. */
  readonly geometricMeanLengthOfStay: Decimal;
  readonly arithmeticMeanLengthOfStay: Decimal;
  /** On the post-acute care transfer list: a post-acute transfer is paid by the transfer per diem. */
  readonly postAcuteTransfer: boolean;
  /** Special pay: a post-acute transfer is paid 50% of the full payment plus 50% of the per diem formula. */
  readonly specialPay: boolean;
  readonly description: string;
  /** The row of the file it was read from (1-based, as a spreadsheet shows it). */
  readonly sourceRowNumber: number;
}

/** An MS-DRG weights table for one federal fiscal year, which runs from October 1 to September 30. */
export interface DrgWeightTable {
  /** Where it came from, for messages and the trace: a file or table name. */
  readonly label: string;
  /** FY2026 = 2025-10-01 to 2026-09-30. */
  readonly fiscalYear: number;
  readonly rows: ReadonlyMap<MsDrg, DrgWeightRow>;
}

/**
 * The federal fiscal year a date falls in: October 1 starts the next year's (FY2026 begins 2025-10-01). The MS-DRG
 * grouper and weights in effect for an inpatient stay are those of its discharge date's fiscal year.
 * @example fiscalYearOf("2025-10-01") // 2026
 */
export function fiscalYearOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= "10-01" ? year + 1 : year;
}

/** The first and last day of a federal fiscal year: FY2026 -> 2025-10-01 .. 2026-09-30. */
export function fiscalYearDates(fiscalYear: number): { readonly start: IsoDate; readonly end: IsoDate } {
  return { start: `${fiscalYear - 1}-10-01` as IsoDate, end: `${fiscalYear}-09-30` as IsoDate };
}

/** Builds a table from its rows (the first row of a DRG wins; a reader reports repeats before this). */
export function buildDrgWeightTable(label: string, fiscalYear: number, rows: readonly DrgWeightRow[]): DrgWeightTable {
  const byDrg = new Map<MsDrg, DrgWeightRow>();
  for (const row of rows) if (!byDrg.has(row.drg)) byDrg.set(row.drg, row);
  return { label, fiscalYear, rows: byDrg };
}

/**
 * The weights table in effect for a stay: the one of the fiscal year of its discharge date (not the admit date: a
 * stay from 2025-09-28 to 2025-10-02 is grouped and weighted with FY2026's table, CMS Claims Processing Manual
 * ch.3 s.20.1). Refused when no table is for that year (naming the date and the years held) or several are.
 */
export function drgTableOn(
  tables: readonly DrgWeightTable[],
  dischargeDate: IsoDate,
): Result<DrgWeightTable, InpatientIssue> {
  const fiscalYear = fiscalYearOf(dischargeDate);
  const matching = tables.filter((table) => table.fiscalYear === fiscalYear);
  const [table, ...others] = matching;
  if (table === undefined) {
    const fiscalYearsHeld = [...new Set(tables.map((t) => t.fiscalYear))].sort((a, b) => a - b);
    return fail({ code: "drgTableNotInEffect", dischargeDate, fiscalYearsHeld });
  }
  if (others.length > 0) return fail({ code: "drgTablesOverlap", fiscalYear, labels: matching.map((t) => t.label) });
  return ok(table);
}

/**
 * A DRG's row in a table; drgNotInTable for a DRG retired or not yet created in that year (or a typing error), and
 * drgNotPayable for one CMS gives no weight (998 principal diagnosis invalid, 999 ungroupable).
 */
export function drgWeightOf(table: DrgWeightTable, drg: MsDrg): Result<DrgWeightRow, InpatientIssue> {
  const row = table.rows.get(drg);
  if (row === undefined) return fail({ code: "drgNotInTable", drg, tableLabel: table.label, fiscalYear: table.fiscalYear }); // prettier-ignore
  if (row.weight.isZero() || row.geometricMeanLengthOfStay.isZero())
    return fail({ code: "drgNotPayable", drg, description: row.description, tableLabel: table.label });
  return ok(row);
}
