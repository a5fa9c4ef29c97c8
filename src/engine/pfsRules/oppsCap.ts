import type { Decimal } from "../decimal";
import type { LocalityGpci } from "../gpci";
import type { HcpcsCode } from "../hcpcsCode";
import type { Modifier } from "../modifiers";
import type { PfsRvuRow } from "../pfsSchedule";
import type { CareSetting } from "../placeOfService";

/**
 * One row of CMS's OPPSCAP file: the OPPS-based amount that caps the PFS technical component (TC row) or global
 * amount (blank modifier) of an imaging code in one locality (DRA 2005 §5102(b); DOMAIN.md 2.1).
 */
export interface OppsCapRow {
  readonly hcpcsCode: HcpcsCode;
  /** "TC" or null for the global service. */
  readonly modifier: Modifier | null;
  /** PROCSTAT of the row (A, C...), kept for the trace. */
  readonly statusCode: string;
  readonly macCode: string;
  readonly localityNumber: string;
  readonly facilityPrice: Decimal;
  readonly nonFacilityPrice: Decimal;
  /** 1-based line number in the source file. */
  readonly sourceRowNumber: number;
}

/** An imported OPPSCAP file, indexed by code, modifier and locality. */
export interface OppsCapTable {
  /** Where it came from, e.g. "OPPSCAP_Oct.csv (RVU25D)". */
  readonly label: string;
  readonly rowsByKey: ReadonlyMap<string, OppsCapRow>;
}

const capKey = (hcpcsCode: string, modifier: string | null, macCode: string, localityNumber: string): string =>
  `${hcpcsCode}|${modifier ?? ""}|${macCode}|${localityNumber}`;

/** Indexes OPPSCAP rows; a later row for the same code, modifier and locality replaces an earlier one. */
export function buildOppsCapTable(label: string, rows: readonly OppsCapRow[]): OppsCapTable {
  const rowsByKey = new Map<string, OppsCapRow>();
  for (const row of rows) rowsByKey.set(capKey(row.hcpcsCode, row.modifier, row.macCode, row.localityNumber), row);
  return { label, rowsByKey };
}

/** The cap row of an RVU row (global or TC) in a locality, or undefined when CMS lists none there. */
export function findOppsCap(table: OppsCapTable, row: PfsRvuRow, locality: LocalityGpci): OppsCapRow | undefined {
  return table.rowsByKey.get(capKey(row.hcpcsCode, row.modifier, locality.macCode, locality.localityNumber));
}

/** The capped price of a cap row in a setting. */
export function oppsCapPrice(cap: OppsCapRow, setting: CareSetting): Decimal {
  return setting === "facility" ? cap.facilityPrice : cap.nonFacilityPrice;
}

/**
 * Whether the imaging cap can apply to a row: the global or TC row of a diagnostic imaging code (MULT PROC 4 or
 * imaging family 88). The professional component is never capped.
 */
export function isCappableImaging(row: PfsRvuRow): boolean {
  if (row.modifier === "26" || row.pctcIndicator === "2") return false;
  return row.multipleProcedureIndicator === "4" || row.diagnosticImagingFamilyIndicator === "88";
}
