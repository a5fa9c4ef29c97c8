import type { Decimal } from "./decimal";
import type { HcpcsCode } from "./hcpcsCode";
import type { Modifier } from "./modifiers";
import type { OppsCapTable } from "./pfsRules/oppsCap";

/**
 * One row of the CMS PFS relative value file (PPRRVU): the RVUs and payment indicators of one HCPCS code and
 * pricing modifier (blank = global, 26, TC, 53). Field meanings: CMS RVU file layout (DOMAIN.md 2.3 and 2.6).
 */
export interface PfsRvuRow {
  readonly hcpcsCode: HcpcsCode;
  /** The pricing modifier of the row: null for the global row, else "26", "TC" or "53". */
  readonly modifier: Modifier | null;
  /** PFS status code (A, R, T are paid on RVUs; see {@link PFS_STATUS_CODES}). */
  readonly statusCode: string;
  readonly workRvu: Decimal;
  readonly nonFacilityPeRvu: Decimal;
  /** "NA": CMS has not developed a non-facility PE RVU; the file repeats the facility PE RVU in that column. */
  readonly nonFacilityNaIndicator: boolean;
  readonly facilityPeRvu: Decimal;
  readonly facilityNaIndicator: boolean;
  readonly malpracticeRvu: Decimal;
  readonly pctcIndicator: string;
  readonly globalDays: string;
  readonly preOperativeFraction: Decimal;
  readonly intraOperativeFraction: Decimal;
  readonly postOperativeFraction: Decimal;
  readonly multipleProcedureIndicator: string;
  readonly bilateralIndicator: string;
  readonly assistantSurgeryIndicator: string;
  readonly coSurgeryIndicator: string;
  readonly teamSurgeryIndicator: string;
  /** PRIC IND (from CY2026): 1 = the QPP conversion factor indicator applies, 9 = not applicable; null before 2026. */
  readonly pricingIndicator: string | null;
  readonly endoscopicBaseCode: HcpcsCode | null;
  /** The CONV FACTOR column of the file (informative: the engine picks the CF by date of service). */
  readonly conversionFactor: Decimal | null;
  readonly diagnosticImagingFamilyIndicator: string;
  /** 1-based line number in the source file, for the pricing trace and for import messages. */
  readonly sourceRowNumber: number;
}

/**
 * PFS status codes and whether RVUs pay them (CMS RVU file, Attachment A). Only A, R and T are paid on RVUs;
 * R with zero RVUs is contractor-priced.
 */
export const PFS_STATUS_CODES: Readonly<Record<string, { readonly payable: boolean; readonly meaning: string }>> = {
  A: { payable: true, meaning: "active code, paid separately" },
  B: { payable: false, meaning: "bundled: payment is included in another service" },
  C: { payable: false, meaning: "contractor-priced: the MAC sets the amount" },
  D: { payable: false, meaning: "deleted code" },
  E: { payable: false, meaning: "excluded from the fee schedule by regulation" },
  F: { payable: false, meaning: "deleted or discontinued code, no grace period" },
  G: { payable: false, meaning: "not valid for Medicare: another code is used" },
  H: { payable: false, meaning: "deleted modifier" },
  I: { payable: false, meaning: "not valid for Medicare: another code is used" },
  J: { payable: false, meaning: "anesthesia service: priced on base and time units, not RVUs" },
  M: { payable: false, meaning: "measurement code, used for reporting only" },
  N: { payable: false, meaning: "non-covered service" },
  P: { payable: false, meaning: "bundled or excluded" },
  R: { payable: true, meaning: "restricted coverage" },
  T: { payable: true, meaning: "injection: paid only when no other PFS service is billed that day" },
  X: { payable: false, meaning: "statutory exclusion (e.g. ambulance, clinical laboratory)" },
};

/** An imported Medicare fee schedule, indexed by code and pricing modifier. */
export interface PfsSchedule {
  /** Where it came from, e.g. "2025 National Physician Fee Schedule Relative Value File October Release". */
  readonly label: string;
  readonly rowCount: number;
  readonly rowsByKey: ReadonlyMap<string, PfsRvuRow>;
  /**
   * CMS's OPPSCAP table for the imaging cap (DOMAIN.md 2.1). Absent: imaging TC and global amounts are not capped,
   * and the trace says the cap could not be checked.
   */
  readonly oppsCap?: OppsCapTable;
}

/** The index key of a code and pricing modifier ("71046|26", "99213|"). */
export function pfsRowKey(hcpcsCode: HcpcsCode, modifier: Modifier | null): string {
  return `${hcpcsCode}|${modifier ?? ""}`;
}

/**
 * Indexes PPRRVU rows by code and modifier. A later row for the same key replaces an earlier one (a correction).
 * The OPPSCAP table, when given, caps imaging amounts (see {@link PfsSchedule.oppsCap}).
 */
export function buildPfsSchedule(label: string, rows: readonly PfsRvuRow[], oppsCap?: OppsCapTable): PfsSchedule {
  const rowsByKey = new Map<string, PfsRvuRow>();
  for (const row of rows) rowsByKey.set(pfsRowKey(row.hcpcsCode, row.modifier), row);
  return { label, rowCount: rowsByKey.size, rowsByKey, ...(oppsCap !== undefined ? { oppsCap } : {}) };
}

/** The row of a code with a pricing modifier (null = global), or undefined. */
export function findPfsRow(
  schedule: PfsSchedule,
  hcpcsCode: HcpcsCode,
  modifier: Modifier | null,
): PfsRvuRow | undefined {
  return schedule.rowsByKey.get(pfsRowKey(hcpcsCode, modifier));
}
