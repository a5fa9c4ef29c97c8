import { Decimal } from "./decimal";
import type { IsoDate } from "./isoDate";
import { fail, ok, type Result } from "./result";

/** Qualifying APM participant status: from CY2026 the PFS has one conversion factor for each (DOMAIN.md 2.2). */
export type ApmStatus = "non-qp" | "qp";

/** A conversion factor and the dates of service it applies to (inclusive). */
export interface ConversionFactorPeriod {
  readonly effectiveStartDate: IsoDate;
  readonly effectiveEndDate: IsoDate;
  /** "all" before CY2026, when one CF applied to every clinician. */
  readonly apmStatus: ApmStatus | "all";
  readonly conversionFactor: Decimal;
  readonly source: string;
}

function period(
  start: string,
  end: string,
  apmStatus: ApmStatus | "all",
  cf: string,
  source: string,
): ConversionFactorPeriod {
  return {
    effectiveStartDate: start as IsoDate,
    effectiveEndDate: end as IsoDate,
    apmStatus,
    conversionFactor: new Decimal(cf),
    source,
  };
}

/**
 * Medicare PFS conversion factors by date of service (DOMAIN.md 2.2). Data, not logic: extend it each year.
 * CY2023 is left out because its value is unverified.
 */
export const MEDICARE_PFS_CONVERSION_FACTORS: readonly ConversionFactorPeriod[] = [
  period("2024-01-01", "2024-03-08", "all", "32.7442", "CY2024 PFS final rule"),
  period("2024-03-09", "2024-12-31", "all", "33.2875", "CAA 2024 (+2.93%), effective 3/9/2024"),
  period("2025-01-01", "2025-12-31", "all", "32.3465", "CY2025 PFS final rule"),
  period("2026-01-01", "2026-12-31", "non-qp", "33.4009", "CY2026 PFS final rule, non-qualifying APM"),
  period("2026-01-01", "2026-12-31", "qp", "33.5675", "CY2026 PFS final rule, qualifying APM"),
];

/**
 * The conversion factor for a date of service: chosen by date, not by year (CY2024 changed on March 9), and
 * from CY2026 by APM status (default non-qualifying, the common case).
 * @example conversionFactorOn("2024-03-08") // 32.7442; "2024-03-09" -> 33.2875
 */
export function conversionFactorOn(
  serviceDate: IsoDate,
  apmStatus: ApmStatus = "non-qp",
  table: readonly ConversionFactorPeriod[] = MEDICARE_PFS_CONVERSION_FACTORS,
): Result<ConversionFactorPeriod> {
  const found = table.find(
    (p) =>
      p.effectiveStartDate <= serviceDate &&
      serviceDate <= p.effectiveEndDate &&
      (p.apmStatus === "all" || p.apmStatus === apmStatus),
  );
  return found ? ok(found) : fail({ code: "conversionFactorNotFound", serviceDate, apmStatus });
}
