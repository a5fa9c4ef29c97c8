/**
 * Exact money for the sample generator: decimal texts become scaled BigInts, and each amount is rounded half-up to
 * whole cents once, at the end (ARCHITECTURE.md s.6; this reproduces CMS's published amounts, DOMAIN.md s.9).
 */
import type { PprrvuRow, SampleLocality } from "./fixtures";

/** A decimal text ("1.014", "32.3465", "1") as an integer in units of 10^-places. */
export function scaled(text: string, places: number): bigint {
  const [whole = "0", fraction = ""] = text.trim().split(".");
  if (fraction.length > places) throw new Error(`"${text}" has more than ${places} decimals`);
  return BigInt(whole + fraction.padEnd(places, "0"));
}

/** numerator / denominator rounded half-up, both non-negative. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** Units of the unrounded Medicare amount: RVU (10^-2) x GPCI (10^-3) x CF (10^-4) = 10^-9 dollars. */
export const MEDICARE_EXACT_PER_CENT = 10_000_000n;

/**
 * The unrounded Medicare PFS amount of one PPRRVU row in the locality, in 10^-9 dollars:
 * [(work RVU x work GPCI) + (PE RVU x PE GPCI) + (MP RVU x MP GPCI)] x CF (CMS RVU file documentation, DOMAIN.md s.2.1).
 */
export function medicareExact(row: PprrvuRow, locality: SampleLocality, facility: boolean): bigint {
  const pe = facility ? row.facilityPeRvu : row.nonFacilityPeRvu;
  const sum =
    scaled(row.workRvu, 2) * scaled(locality.workGpci, 3) +
    scaled(pe, 2) * scaled(locality.peGpci, 3) +
    scaled(row.malpracticeRvu, 2) * scaled(locality.malpracticeGpci, 3);
  return sum * scaled(row.conversionFactor, 4);
}

/** The Medicare amount in cents, rounded once. */
export function medicareCents(row: PprrvuRow, locality: SampleLocality, facility: boolean): number {
  return Number(divideHalfUp(medicareExact(row, locality, facility), MEDICARE_EXACT_PER_CENT));
}

/** Percentages as integer basis points of a fraction: 1.03 (103%) is 10300. */
export function basisPoints(fraction: number): bigint {
  return BigInt(Math.round(fraction * 10_000));
}

/** cents x fraction, rounded half-up to cents. */
export function percentOfCents(cents: number, fraction: number): number {
  return Number(divideHalfUp(BigInt(cents) * basisPoints(fraction), 10_000n));
}

/** Cents as the dollar number written to a cell. */
export function dollars(cents: number): number {
  return cents / 100;
}
