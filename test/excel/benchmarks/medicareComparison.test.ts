/**
 * A market rate against Medicare at the user's locality: the sample's MPFS_2025 for Houston (04412-18), read from
 * the workbook as the Benchmarks writer reads it. Expected amounts are computed here from the RVUs of the sample's
 * PPRRVU rows, its GPCIs (work 1.014, PE 1.003, MP 1.409) and conversion factor 32.3465, one half-up rounding.
 */
import { Decimal, type IsoDate } from "../../../src/engine";
import { describeNoMedicareAmount, medicareComparer, medicareYardstick } from "../../../src/excel/benchmarks";
import { readRegistry } from "../../../src/excel/registry";
import type { MarketRate } from "../../../src/formats/priceTransparency/marketRate";
import { HOUSTON, medicareOnlyWorkbook } from "./support";

/** A plan's negotiated rate, as a TiC reader gives it. */
const aPlanRate = (overrides: Partial<MarketRate> = {}): MarketRate => ({
  source: "tic",
  publisher: "Platform Health Insurance",
  payer: "Platform Health Insurance",
  plan: "PPO",
  provider: "TIN 123456789",
  code: "99213",
  codeType: "CPT",
  modifiers: [],
  setting: "outpatient",
  billingClass: "professional",
  method: "negotiated",
  unit: "dollars",
  rate: new Decimal("120.00"),
  at: "in_network[0].negotiated_rates[0].negotiated_prices[0]",
  ...overrides,
});

/** Total RVUs x GPCIs x CF for 99213, non-facility (PE 1.35) or facility (PE 0.57), rounded once. */
const office99213 = new Decimal("1.30").times("1.014").plus(new Decimal("1.35").times("1.003")).plus(new Decimal("0.10").times("1.409")).times("32.3465").toDecimalPlaces(2, Decimal.ROUND_HALF_UP); // prettier-ignore
const facility99213 = new Decimal("1.30").times("1.014").plus(new Decimal("0.57").times("1.003")).plus(new Decimal("0.10").times("1.409")).times("32.3465").toDecimalPlaces(2, Decimal.ROUND_HALF_UP); // prettier-ignore

async function houstonYardstick(today: string) {
  const { medicareByLocality } = await readRegistry(medicareOnlyWorkbook().excel);
  return medicareYardstick(medicareByLocality, HOUSTON, today as IsoDate);
}

describe("a market rate against Medicare", () => {
  it("compares a plan's outpatient rate with Medicare's office (non-facility) amount", async () => {
    const compare = medicareComparer(await houstonYardstick("2025-06-30"));
    const compared = compare(aPlanRate());
    expect(compared.ok && [compared.value.medicareCents, compared.value.fraction.toFixed(6)]).toEqual([
      office99213.times(100).toNumber(),
      new Decimal(120).dividedBy(office99213).toFixed(6),
    ]);
  });

  it("compares a plan's inpatient rate with Medicare's facility amount", async () => {
    const compare = medicareComparer(await houstonYardstick("2025-06-30"));
    const compared = compare(aPlanRate({ setting: "inpatient" }));
    expect(compared.ok && compared.value.medicareCents).toBe(facility99213.times(100).toNumber());
  });

  it("prices on the schedule's last day when today is past every registered schedule, and says so", async () => {
    const compare = medicareComparer(await houstonYardstick("2026-03-01"));
    const compared = compare(aPlanRate());
    expect(compared.ok && compared.value.basis).toBe(
      "MPFS_2025, locality 04412-18, non-facility, priced on 2025-12-31",
    );
  });

  it("has no yardstick for a locality without a registered schedule", async () => {
    const { medicareByLocality } = await readRegistry(medicareOnlyWorkbook().excel);
    expect(medicareYardstick(medicareByLocality, "01112-05" as never, "2025-06-30" as IsoDate)).toBeNull();
  });

  it("says why a modifier Medicare does not allow for the code gives no amount", async () => {
    const compare = medicareComparer(await houstonYardstick("2025-06-30"));
    const compared = compare(aPlanRate({ modifiers: ["26"] }));
    expect(compared.ok ? "compared" : describeNoMedicareAmount(compared.issue)).toMatch(
      /^No Medicare amount: .*\b26\b/,
    );
  });
});
