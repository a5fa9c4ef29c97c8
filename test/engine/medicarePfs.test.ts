import { Decimal } from "../../src/engine/decimal";
import { priceMedicarePfs, type MedicarePfsLine } from "../../src/engine/medicarePfs";
import type { PfsSchedule } from "../../src/engine/pfsSchedule";
import { formatTrace } from "../../src/engine/trace";
import { aLocality, aPfsRow, aSchedule, code, date, mods } from "./builders";

const line = (overrides: Partial<MedicarePfsLine> = {}): MedicarePfsLine => ({
  hcpcsCode: code("99213"),
  setting: "non-facility",
  serviceDate: date("2025-06-01"),
  ...overrides,
});

const price = (
  overrides: Partial<MedicarePfsLine> = {},
  schedule: PfsSchedule = aSchedule(),
  locality = aLocality(),
) => {
  const result = priceMedicarePfs({ schedule, locality }, line(overrides));
  return result.ok ? result.value.allowedAmount : result.issue;
};

const chestXray = aSchedule(
  aPfsRow({
    hcpcsCode: "71046",
    pctcIndicator: "1",
    workRvu: new Decimal("0.22"),
    nonFacilityPeRvu: new Decimal("0.77"),
    facilityPeRvu: new Decimal("0.77"),
    malpracticeRvu: new Decimal("0.02"),
  }),
  aPfsRow({
    hcpcsCode: "71046",
    modifier: "26",
    pctcIndicator: "1",
    workRvu: new Decimal("0.22"),
    nonFacilityPeRvu: new Decimal("0.08"),
    facilityPeRvu: new Decimal("0.08"),
    malpracticeRvu: new Decimal("0.01"),
  }),
  aPfsRow({
    hcpcsCode: "71046",
    modifier: "TC",
    pctcIndicator: "1",
    workRvu: new Decimal("0.00"),
    nonFacilityPeRvu: new Decimal("0.69"),
    facilityPeRvu: new Decimal("0.69"),
    malpracticeRvu: new Decimal("0.01"),
  }),
  aPfsRow({ hcpcsCode: "99213" }),
);

describe("Medicare PFS price of one line", () => {
  it("prices 99213 in an office for 2025 at $88.95 (national)", () => expect(price()).toBe(8895));
  it("prices the facility setting with the facility PE RVU: $63.72", () =>
    expect(price({ setting: "facility" })).toBe(6372));
  it("applies the locality's GPCIs: Miami 99213 is $94.98", () => {
    const miami = aLocality({
      workGpci: new Decimal("1.000"),
      peGpci: new Decimal("1.027"),
      malpracticeGpci: new Decimal("2.500"),
    });
    expect(price({}, aSchedule(), miami)).toBe(9498);
  });
  it("picks the conversion factor by date of service, not by year", () => {
    expect([price({ serviceDate: date("2024-03-08") }), price({ serviceDate: date("2024-03-09") })]).toEqual([
      toCentsOf("2.75", "32.7442"),
      toCentsOf("2.75", "33.2875"),
    ]);
  });
  it("rounds once at the end, not each RVU component", () => {
    const row = aPfsRow({
      workRvu: new Decimal("0.01"),
      nonFacilityPeRvu: new Decimal("0.01"),
      malpracticeRvu: new Decimal("0.01"),
    });
    const locality = aLocality({
      workGpci: new Decimal("1.015"),
      peGpci: new Decimal("1.015"),
      malpracticeGpci: new Decimal("1.015"),
    });
    // Each component is 0.3283... (rounds to 0.33, x3 = 0.99); the exact sum 0.98496... rounds to 0.98.
    expect(price({}, aSchedule(row), locality)).toBe(98);
  });

  it("prices the professional component with modifier 26 from the 26 row", () =>
    expect(price({ hcpcsCode: code("71046"), modifiers: mods("26") }, chestXray)).toBe(1003));
  it("prices the technical component with modifier TC from the TC row", () =>
    expect(price({ hcpcsCode: code("71046"), modifiers: mods("TC") }, chestXray)).toBe(2264));
  it("prices the global service without 26/TC", () =>
    expect(price({ hcpcsCode: code("71046") }, chestXray)).toBe(3267));
  it("ignores modifiers with no pricing effect such as 59 and RT", () =>
    expect(price({ hcpcsCode: code("71046"), modifiers: mods("59", "26", "RT") }, chestXray)).toBe(1003));
  it("refuses 26 and TC on the same line", () => {
    expect(price({ hcpcsCode: code("71046"), modifiers: mods("26", "TC") }, chestXray)).toMatchObject({
      code: "pfsModifiersConflict",
    });
  });
  it("refuses modifier 26 on a code without a professional component row (PC/TC indicator 0)", () => {
    expect(price({ modifiers: mods("26") })).toEqual({
      code: "pfsModifierNotAllowed",
      hcpcsCode: "99213",
      modifier: "26",
      indicatorName: "PC/TC indicator",
      indicator: "0",
      reason: "the code has no separate professional/technical component",
    });
  });

  it("does not pay a bundled code (status B) and says why", () => {
    const bundled = aSchedule(aPfsRow({ statusCode: "B" }));
    expect(price({}, bundled)).toEqual({
      code: "pfsNotPayable",
      hcpcsCode: "99213",
      statusCode: "B",
      reason: "bundled: payment is included in another service",
    });
  });
  it("does not pay a contractor-priced code (status C)", () =>
    expect(price({}, aSchedule(aPfsRow({ statusCode: "C" })))).toMatchObject({
      code: "pfsNotPayable",
      statusCode: "C",
    }));
  it("does not price a restricted-coverage code (status R) that has no RVUs", () => {
    const zero = new Decimal(0);
    const schedule = aSchedule(
      aPfsRow({ statusCode: "R", workRvu: zero, nonFacilityPeRvu: zero, facilityPeRvu: zero, malpracticeRvu: zero }),
    );
    expect(price({}, schedule)).toMatchObject({ code: "pfsNotPayable", statusCode: "R" });
  });
  it("pays a restricted-coverage code (status R) that has RVUs", () =>
    expect(price({}, aSchedule(aPfsRow({ statusCode: "R" })))).toBe(8895));
  it("pays an injection code (status T)", () => expect(price({}, aSchedule(aPfsRow({ statusCode: "T" })))).toBe(8895));
  it("reports a code that is not on the schedule", () =>
    expect(price({ hcpcsCode: code("99999") })).toEqual({
      code: "pfsCodeNotOnSchedule",
      hcpcsCode: "99999",
      modifier: null,
    }));
  it("reports modifier 22 as priced by the contractor", () =>
    expect(price({ modifiers: mods("22") })).toMatchObject({ code: "pfsRuleNotSupported" }));

  it("records every step of the calculation as data", () => {
    const result = priceMedicarePfs(
      { schedule: chestXray, locality: aLocality() },
      line({ hcpcsCode: code("71046"), modifiers: mods("26") }),
    );
    if (!result.ok) throw new Error("expected a price");
    expect(result.value.trace.map((step) => step.kind)).toEqual([
      "medicareSchedule",
      "rvuRow",
      "setting",
      "locality",
      "conversionFactor",
      "pfsBaseAmount",
      "rounding",
    ]);
    expect(formatTrace(result.value.trace)[6]).toBe("7. Rounded half-up to cents: 10.03");
  });
});

function toCentsOf(totalRvu: string, cf: string): number {
  return new Decimal(totalRvu).times(cf).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).times(100).toNumber();
}

describe("Medicare PFS adjustments applied to a line", () => {
  const surgery = aSchedule(
    aPfsRow({
      hcpcsCode: "27447",
      bilateralIndicator: "1",
      multipleProcedureIndicator: "2",
      assistantSurgeryIndicator: "2",
      coSurgeryIndicator: "1",
    }),
  );
  const base = price({ hcpcsCode: code("27447") }, surgery) as number;

  it("pays a bilateral procedure 150% of the exact amount, rounded once", () =>
    expect(price({ hcpcsCode: code("27447"), modifiers: mods("50") }, surgery)).toBe(13343));
  it("takes modifier 51 without a claim ranking as a secondary procedure at 50%", () =>
    expect(price({ hcpcsCode: code("27447"), modifiers: mods("51") }, surgery)).toBe(4448));
  it("uses the rank given by the claim: rank 1 is paid in full even with modifier 51", () => {
    expect(price({ hcpcsCode: code("27447"), modifiers: mods("51"), multipleProcedureRank: 1 }, surgery)).toBe(base);
  });
  it("pays an assistant at surgery 16%", () =>
    expect(price({ hcpcsCode: code("27447"), modifiers: mods("80") }, surgery)).toBe(1423));
  // 88.952875 x 0.625 = 55.5955 -> 55.60 (rounding the base first would give 55.59: the engine rounds once).
  it("pays a co-surgeon 62.5%", () =>
    expect(price({ hcpcsCode: code("27447"), modifiers: mods("62") }, surgery)).toBe(5560));
  it("stops with the reason when an adjustment is not payable", () => {
    const noAssistant = aSchedule(aPfsRow({ assistantSurgeryIndicator: "1" }));
    expect(price({ modifiers: mods("80") }, noAssistant)).toMatchObject({
      code: "pfsModifierNotAllowed",
      modifier: "80",
    });
  });
});
