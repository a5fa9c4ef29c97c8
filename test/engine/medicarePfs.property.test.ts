import fc from "fast-check";
import { Decimal } from "../../src/engine/decimal";
import { priceMedicarePfs } from "../../src/engine/medicarePfs";
import { aLocality, aPfsRow, aSchedule, code, date, mods } from "./builders";

const rvu = fc.integer({ min: 0, max: 20000 }).map((n) => new Decimal(n).dividedBy(100));
const gpci = fc.integer({ min: 300, max: 2500 }).map((n) => new Decimal(n).dividedBy(1000));
const indicator = fc.constantFrom("0", "1", "2", "3", "9");
const modifierSets = fc.subarray(["50", "51", "80", "AS", "62", "54", "59", "RT"], { maxLength: 4 });
const serviceDate = fc.constantFrom("2024-01-15", "2024-03-09", "2025-07-04", "2026-02-01");

const scenario = fc.record({
  work: rvu,
  nonFacilityPe: rvu,
  facilityPe: rvu,
  malpractice: rvu,
  workGpci: gpci,
  peGpci: gpci,
  mpGpci: gpci,
  bilateral: indicator,
  multiple: indicator,
  assistant: indicator,
  coSurgery: indicator,
  setting: fc.constantFrom("facility" as const, "non-facility" as const),
  modifiers: modifierSets,
  serviceDate,
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function run(s: Scenario) {
  const schedule = aSchedule(
    aPfsRow({
      workRvu: s.work,
      nonFacilityPeRvu: s.nonFacilityPe,
      facilityPeRvu: s.facilityPe,
      malpracticeRvu: s.malpractice,
      bilateralIndicator: s.bilateral,
      multipleProcedureIndicator: s.multiple,
      assistantSurgeryIndicator: s.assistant,
      coSurgeryIndicator: s.coSurgery,
    }),
  );
  const locality = aLocality({ workGpci: s.workGpci, peGpci: s.peGpci, malpracticeGpci: s.mpGpci });
  return priceMedicarePfs(
    { schedule, locality },
    { hcpcsCode: code("99213"), modifiers: mods(...s.modifiers), setting: s.setting, serviceDate: date(s.serviceDate) },
  );
}

describe("Medicare PFS pricing, for any RVUs, GPCIs, indicators and modifiers", () => {
  it("gives the same answer every time", () => {
    fc.assert(fc.property(scenario, (s) => expect(run(s)).toEqual(run(s))));
  });
  it("never gives a negative amount", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = run(s);
        return !result.ok || result.value.allowedAmount >= 0;
      }),
    );
  });
  it("rounds the exact amount half-up to cents exactly once", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = run(s);
        return (
          !result.ok ||
          result.value.allowedAmount ===
            result.value.exactAmount.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber()
        );
      }),
    );
  });
});
