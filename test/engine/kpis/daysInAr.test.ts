/**
 * Days in A/R by the AAFP and MAP definitions (DOMAIN.md 4.1), computed by hand on round figures.
 */
import { daysInArAafp, netDaysInArMap } from "../../../src/engine";

describe("days in A/R", () => {
  test("AAFP: A/R less credit balances over the average daily gross charges", () => {
    // ($50,000 - $2,000) / ($90,000 / 90 days) = $48,000 / $1,000 a day = 48 days.
    expect(daysInArAafp({ arCents: 5_000_000, creditCents: 200_000, chargeCents: 9_000_000, periodDays: 90 })).toBe(48);
  });

  test("AAFP: no figure when nothing was charged in the period", () => {
    expect(daysInArAafp({ arCents: 5_000_000, creditCents: 0, chargeCents: 0, periodDays: 90 })).toBeNull();
  });

  test("MAP: net A/R over the average daily net revenue", () => {
    // $18,000 / ($45,000 / 90 days) = $18,000 / $500 a day = 36 days.
    expect(netDaysInArMap({ netArCents: 1_800_000, netRevenueCents: 4_500_000, periodDays: 90 })).toBe(36);
  });

  test("MAP: no figure when the period has no net revenue", () => {
    expect(netDaysInArMap({ netArCents: 1_800_000, netRevenueCents: 0, periodDays: 90 })).toBeNull();
  });
});
