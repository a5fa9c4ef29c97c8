import type { Decimal } from "../decimal";
import type { HcpcsCode } from "../hcpcsCode";
import type { IsoDate } from "../isoDate";
import { fail, ok, type Result } from "../result";
import type { OutpatientIssue } from "./issues";
import type { OppsStatusIndicator } from "./statusIndicators";

/** One row of OPPS Addendum B: a HCPCS code's status indicator, APC and national payment rate. */
export interface OppsRow {
  readonly hcpcsCode: HcpcsCode;
  readonly statusIndicator: OppsStatusIndicator;
  /** The APC number as CMS writes it ("5012", "0760"); null for codes without one (packaged N, E1...). */
  readonly apc: string | null;
  readonly relativeWeight: Decimal | null;
  /** The national unadjusted payment rate in dollars (weight x conversion factor, rounded by CMS); null if blank. */
  readonly paymentRate: Decimal | null;
  /** The row of the file (1-based, as a spreadsheet shows it). */
  readonly sourceRowNumber: number;
}

/**
 * One Addendum B file: the rows of one quarter, in effect from `effectiveStartDate` (CMS publishes one per quarter:
 * January 2025 = 2025-01-01) until the next quarter's table starts or, at the latest, the end of its calendar year
 * (`effectiveEndDate`; the rates are those of one CY's final rule).
 */
export interface OppsTable {
  /** The table's name in traces and messages ("Addendum B 2025-01"). */
  readonly label: string;
  readonly effectiveStartDate: IsoDate;
  readonly effectiveEndDate: IsoDate;
  readonly rows: ReadonlyMap<HcpcsCode, OppsRow>;
}

/**
 * An Addendum B table from its rows (the first row of a code is kept: the reader reports repeats), in effect from
 * its quarter's first day to the end of that calendar year.
 * @example buildOppsTable("Addendum B 2025-01", "2025-01-01", rows).effectiveEndDate // "2025-12-31"
 */
export function buildOppsTable(label: string, effectiveStartDate: IsoDate, rows: readonly OppsRow[]): OppsTable {
  const byCode = new Map<HcpcsCode, OppsRow>();
  for (const row of rows) if (!byCode.has(row.hcpcsCode)) byCode.set(row.hcpcsCode, row);
  const effectiveEndDate = `${effectiveStartDate.slice(0, 4)}-12-31` as IsoDate;
  return { label, effectiveStartDate, effectiveEndDate, rows: byCode };
}

/**
 * The table in effect on a date of service among several quarters' tables: the latest one starting on or before
 * the date, within its calendar year (a 2025 table does not price a 2026 service).
 */
export function oppsTableOn(tables: readonly OppsTable[], serviceDate: IsoDate): Result<OppsTable, OutpatientIssue> {
  let best: OppsTable | null = null;
  for (const table of tables)
    if (table.effectiveStartDate <= serviceDate && serviceDate <= table.effectiveEndDate)
      if (best === null || table.effectiveStartDate > best.effectiveStartDate) best = table;
  if (best !== null) return ok(best);
  const periods = tables.map((t) => `${t.label} (${t.effectiveStartDate} to ${t.effectiveEndDate})`);
  return fail({ code: "oppsTableNotInEffect", serviceDate, periods });
}
