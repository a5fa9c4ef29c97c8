import fc from "fast-check";
import { priceLine } from "../../../src/engine/contracts/priceLine";
import { priceLines } from "../../../src/engine/contracts/priceLines";
import type { ContractLine } from "../../../src/engine/contracts/types";
import { formatTrace } from "../../../src/engine/trace";
import { aPfsRow } from "../builders";
import {
  aCarveOut,
  aContract,
  aFeeRow,
  aFeeSchedule,
  aLine,
  aMedicareSchedule,
  aRegistry,
  d,
  date,
  percentOfBilled,
  asColumns,
  percentOfMedicare,
} from "./builders";

// A small world with every method, a carve-out, a default rule, two versions and rates that change mid-year.
const registry = aRegistry({
  versions: [
    aContract({
      contractName: "Acme PPO",
      lesserOf: true,
      effectiveStartDate: date("2024-01-01"),
      effectiveEndDate: date("2024-12-31"),
      method: percentOfMedicare("1.15"),
      sourceRowNumber: 2,
    }),
    aContract({
      contractName: "Acme PPO",
      lesserOf: true,
      defaultRule: { method: "percent of medicare", percent: d("1") },
      sourceRowNumber: 3,
    }),
    aContract({
      contractName: "Summit MA",
      method: percentOfMedicare("1.03"),
      medicareScheduleName: "current",
      effectiveStartDate: date("2024-01-01"),
      sourceRowNumber: 4,
    }),
    aContract({ contractName: "Charges Co", method: percentOfBilled("0.4567"), lesserOf: true, sourceRowNumber: 5 }),
  ],
  carveOuts: [aCarveOut({ from: "J0120", to: "J9999", method: { kind: "percent of billed", percent: d("0.55") } })],
  feeSchedules: [
    aFeeSchedule(
      "FS_Acme",
      aFeeRow({ nonFacilityRate: "110.00", facilityRate: "80.00", effectiveEndDate: date("2025-06-30") }),
      aFeeRow({ nonFacilityRate: "112.35", facilityRate: "81.05", effectiveStartDate: date("2025-07-01") }),
      aFeeRow({ hcpcsCode: "20610", nonFacilityRate: "97.13", facilityRate: null }),
      aFeeRow({ hcpcsCode: "71046", modifier: "26", nonFacilityRate: "11.97" }),
    ),
  ],
  medicareSchedules: [
    aMedicareSchedule({
      effectiveStartDate: date("2024-01-01"),
      rows: [
        aPfsRow(),
        aPfsRow({
          hcpcsCode: "20610",
          bilateralIndicator: "1",
          multipleProcedureIndicator: "2",
          assistantSurgeryIndicator: "2",
          coSurgeryIndicator: "1",
        }),
        aPfsRow({ hcpcsCode: "71046", pctcIndicator: "1" }),
        aPfsRow({
          hcpcsCode: "71046",
          modifier: "26",
          pctcIndicator: "1",
          workRvu: d("0.22"),
          nonFacilityPeRvu: d("0.08"),
          facilityPeRvu: d("0.08"),
        }),
        aPfsRow({ hcpcsCode: "99214", workRvu: d("1.92"), nonFacilityPeRvu: d("1.80"), malpracticeRvu: d("0.15") }),
      ],
    }),
  ],
});

const line = fc.record({
  contractName: fc.constantFrom("Acme PPO", "acme ppo", "Summit MA", "Charges Co", "Nobody"),
  hcpcsCode: fc.constantFrom("99213", "99214", "99215", "20610", "71046", "J1100"),
  modifiers: fc.subarray(["26", "50", "51", "25", "80", "62"], { maxLength: 2 }),
  units: fc.constantFrom(1, 1, 2, 3, 0.5, 0),
  chargeAmount: fc.option(fc.integer({ min: 0, max: 40000 }), { nil: null }),
  serviceDate: fc.constantFrom(
    "2023-12-31",
    "2024-03-08",
    "2024-12-31",
    "2025-01-01",
    "2025-06-30",
    "2025-07-01",
    "2025-12-31",
    "2026-01-01",
  ),
  setting: fc.constantFrom("facility" as const, "non-facility" as const),
});
type GeneratedLine = typeof line extends fc.Arbitrary<infer T> ? T : never;
const toLine = (l: GeneratedLine): ContractLine => aLine(l as Parameters<typeof aLine>[0]);

describe("contract pricing, for any claim line", () => {
  it("covers priced lines and issues alike (the generator is not degenerate)", () => {
    const results = fc.sample(line, { numRuns: 300, seed: 7 }).map((l) => priceLine(registry, toLine(l)));
    const priced = results.filter((r) => r.ok).length;
    const bases = new Set(results.flatMap((r) => (r.ok ? [r.value.basis, r.value.lesserOf] : [])));
    expect(priced).toBeGreaterThan(60);
    expect(results.length - priced).toBeGreaterThan(30);
    expect(bases.size).toBeGreaterThanOrEqual(8);
  });

  it("is deterministic: the same line prices to the same amount with the same trace", () => {
    fc.assert(
      fc.property(line, (l) => {
        const [first, second] = [priceLine(registry, toLine(l)), priceLine(registry, toLine(l))];
        expect(second).toEqual(first);
        if (first.ok && second.ok) expect(formatTrace(second.value.trace)).toEqual(formatTrace(first.value.trace));
      }),
    );
  });

  it("never pays more than the billed charge under a lesser-of contract", () => {
    fc.assert(
      fc.property(line, (l) => {
        const result = priceLine(registry, toLine(l));
        if (result.ok && result.value.version.lesserOf && l.chargeAmount !== null)
          expect(result.value.allowedAmount).toBeLessThanOrEqual(l.chargeAmount);
      }),
    );
  });

  it("gives the same results priced in a batch as line by line", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), (ls) => {
        const lines = ls.map(toLine);
        const batch = priceLines(aRegistryCopy(), asColumns(lines));
        lines.forEach((x, i) => {
          const single = priceLine(registry, x);
          if (single.ok) {
            expect({ i, allowed: batch.allowedAmount[i], bound: batch.lesserOfBound[i] }).toEqual({
              i,
              allowed: single.value.allowedAmount,
              bound: single.value.lesserOf === "bound" ? 1 : 0,
            });
          } else expect({ i, issue: batch.issues.get(i) }).toEqual({ i, issue: single.issue });
        });
      }),
    );
  });
});

/** The same registry contents as a new object, so each batch starts with an empty priced-key cache. */
function aRegistryCopy(): typeof registry {
  return { ...registry };
}
