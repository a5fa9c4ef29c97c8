// Bilateral surgery billed as two units (DOMAIN.md 2.6, BILAT SURG), priced on the real CY2025 files in Seattle.
import type { ContractRegistry } from "../../../src/engine/contracts/registry";
import { priceClaim } from "../../../src/engine/contracts/priceClaim";
import { describeWithSharedData } from "../../support/sharedData";
import { aLine } from "./builders";
import { claimCents, seattle, seattleRegistry, toCentsHalfUp } from "./sameDayFamilies.support";

// PPRRVU2025_Oct row 1644: 20610 work 0.79, NF PE 1.04, MP 0.13, MULT PROC 2, BILAT SURG 1.
// Seattle: 0.79 x 1.043 + 1.04 x 1.22 + 0.13 x 0.853 = 0.82397 + 1.2688 + 0.11089 = 2.20366; x 32.3465 = 71.2806...
const arthrocentesis = seattle("0.79", "1.04", "0.13").total;
// PPRRVU2025_Oct row 5888: 51700 work 0.60, NF PE 1.60, MP 0.07, MULT PROC 2, BILAT SURG 0.
// 0.60 x 1.043 + 1.60 x 1.22 + 0.07 x 0.853 = 0.6258 + 1.952 + 0.05971 = 2.63751; x 32.3465 = 85.3142...
const irrigation = seattle("0.60", "1.60", "0.07").total;

describeWithSharedData("a bilateral procedure billed as two units", () => {
  let registry: ContractRegistry;
  beforeAll(() => {
    registry = seattleRegistry();
  });

  it("pays 150% of one procedure for 2 units of a bilateral-indicator-1 code, not 200% (106.92)", () => {
    // 71.2806... x 1.5 = 106.9209... -> 106.92 (200% would be 142.56)
    const expected = toCentsHalfUp(arthrocentesis.times("1.5"));
    expect(expected).toBe(10692);
    expect(claimCents(registry, [aLine({ hcpcsCode: "20610", units: 2 })])).toEqual([expected]);
  });

  it("says in the trace that the two units were priced as one bilateral procedure", () => {
    const [price] = priceClaim(registry, [aLine({ hcpcsCode: "20610", units: 2 })]);
    const kinds = price!.ok ? price!.value.trace.map((s) => s.kind) : [];
    expect(kinds).toContain("bilateralUnits");
    expect(kinds).toContain("bilateral");
  });

  it("applies bilateral before ranking: 2 units of 20610 (106.92) outrank 51700 (85.31), which is paid 50%", () => {
    // 20610 bilateral 106.9209... ranks first: 106.92; 51700 second: 85.3142... x 0.5 = 42.6571... -> 42.66.
    // Ranked on the one-side amount (71.28) 51700 would have come first instead.
    const expected = [toCentsHalfUp(arthrocentesis.times("1.5")), toCentsHalfUp(irrigation.times("0.5"))];
    expect(expected).toEqual([10692, 4266]);
    const lines = [aLine({ hcpcsCode: "51700" }), aLine({ hcpcsCode: "20610", units: 2 })];
    expect(claimCents(registry, lines)).toEqual([expected[1], expected[0]]);
  });

  it("keeps rate x units under a contract whose Multiple Procedure Rule is None (142.56)", () => {
    // 71.2806... x 2 = 142.5612... -> 142.56
    const none = seattleRegistry(undefined, { multipleProcedureRule: "none" });
    const expected = toCentsHalfUp(arthrocentesis.times(2));
    expect(expected).toBe(14256);
    expect(claimCents(none, [aLine({ hcpcsCode: "20610", units: 2 })])).toEqual([expected]);
  });
});
