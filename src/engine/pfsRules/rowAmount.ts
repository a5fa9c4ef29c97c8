import type { Decimal } from "../decimal";
import type { LocalityGpci } from "../gpci";
import type { PfsRvuRow } from "../pfsSchedule";
import type { CareSetting } from "../placeOfService";

/**
 * The un-rounded PFS amount of one RVU row in one locality and setting:
 * [(work RVU x work GPCI) + (PE RVU x PE GPCI) + (MP RVU x MP GPCI)] x CF, with the facility or non-facility
 * PE RVU by setting. Source: CMS RVU file documentation (DOMAIN.md 2.1).
 */
export function pfsBaseAmount(
  row: PfsRvuRow,
  locality: LocalityGpci,
  setting: CareSetting,
  conversionFactor: Decimal,
): Decimal {
  return row.workRvu
    .times(locality.workGpci)
    .plus(practiceExpenseRvu(row, setting).times(locality.peGpci))
    .plus(row.malpracticeRvu.times(locality.malpracticeGpci))
    .times(conversionFactor);
}

/** The PE RVU of a row in a setting (facility or non-facility column). */
export function practiceExpenseRvu(row: PfsRvuRow, setting: CareSetting): Decimal {
  return setting === "facility" ? row.facilityPeRvu : row.nonFacilityPeRvu;
}
