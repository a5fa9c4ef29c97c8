// Therapy (MULT PROC 5): the practice expense of the 2nd and later units and procedures of the day is paid at 50%,
// the highest-PE unit in full (DOMAIN.md 2.6). Real CY2025 files, Seattle, 100% of Medicare.
import type { ContractRegistry } from "../../../src/engine/contracts/registry";
import { priceClaim } from "../../../src/engine/contracts/priceClaim";
import { formatTrace } from "../../../src/engine/trace";
import { describeWithSharedData } from "../../support/sharedData";
import { aLine } from "./builders";
import { claimCents, seattle, seattleRegistry, toCentsHalfUp } from "./sameDayFamilies.support";

// PPRRVU2025_Oct row 12655: 97110 work 0.45, NF PE 0.43, MP 0.01.
//   work 0.45 x 1.043 x 32.3465 = 15.1817...; PE 0.43 x 1.22 x 32.3465 = 16.9689...; MP 0.01 x 0.853 x 32.3465 = 0.2759...
//   one unit 32.4267... (three full units would be 97.28)
const exercise = seattle("0.45", "0.43", "0.01");
// Row 12663: 97140 work 0.43, NF PE 0.40, MP 0.01 (PE 0.40 x 1.22 x 32.3465 = 15.7850...).
const manual = seattle("0.43", "0.40", "0.01");
// Row 12685: 97530 work 0.44, NF PE 0.62, MP 0.01 (PE 0.62 x 1.22 x 32.3465 = 24.4668..., the highest PE).
const activities = seattle("0.44", "0.62", "0.01");

describeWithSharedData("therapy services on one day", () => {
  let registry: ContractRegistry;
  beforeAll(() => {
    registry = seattleRegistry();
  });

  it("pays 97110 x 3 units 80.31, not 97.28: the 2nd and 3rd units' practice expense at 50%", () => {
    // 3 x 32.4267... - 2 x 50% x 16.9689... = 97.2803... - 16.9689... = 80.3113... -> 80.31
    const expected = toCentsHalfUp(exercise.total.times(3).minus(exercise.pe.times(2).times("0.5")));
    expect(expected).toBe(8031);
    expect(claimCents(registry, [aLine({ hcpcsCode: "97110", units: 3 })])).toEqual([expected]);
  });

  it("pays one unit of a lone therapy service in full (32.43)", () => {
    expect(claimCents(registry, [aLine({ hcpcsCode: "97110" })])).toEqual([toCentsHalfUp(exercise.total)]);
  });

  it("pays in full only the unit with the highest practice expense across the lines of the claim", () => {
    // 97530 (PE 24.4668...) is first: in full, 97530 total = (0.44 x 1.043 + 0.62 x 1.22 + 0.01 x 0.853) x 32.3465.
    // 97110 x 2: both units subsequent: 2 x (32.4267... - 50% x 16.9689...).
    // 97140 x 1: subsequent: 97140 total - 50% x 15.7850...
    const expected = [
      toCentsHalfUp(exercise.total.minus(exercise.pe.times("0.5")).times(2)),
      toCentsHalfUp(manual.total.minus(manual.pe.times("0.5"))),
      toCentsHalfUp(activities.total),
    ];
    const lines = [
      aLine({ hcpcsCode: "97110", units: 2 }),
      aLine({ hcpcsCode: "97140" }),
      aLine({ hcpcsCode: "97530" }),
    ];
    expect(claimCents(registry, lines)).toEqual(expected);
  });

  it("does not reduce therapy on different days", () => {
    const lines = [aLine({ hcpcsCode: "97110" }), aLine({ hcpcsCode: "97140", serviceDate: "2025-03-05" })];
    expect(claimCents(registry, lines)).toEqual([toCentsHalfUp(exercise.total), toCentsHalfUp(manual.total)]);
  });

  it("keeps rate x units under a contract whose Multiple Procedure Rule is None (97.28)", () => {
    const none = seattleRegistry(undefined, { multipleProcedureRule: "none" });
    expect(claimCents(none, [aLine({ hcpcsCode: "97110", units: 3 })])).toEqual([
      toCentsHalfUp(exercise.total.times(3)),
    ]);
  });

  it("explains the split of the units and the practice expense reduction in the trace", () => {
    const [price] = priceClaim(registry, [aLine({ hcpcsCode: "97110", units: 3 })]);
    const text = price!.ok ? formatTrace(price!.value.trace).join("\n") : "";
    expect(text).toMatch(/therapy family \(indicator 5\): first service of the day, paid in full/);
    expect(text).toMatch(/therapy family \(indicator 5\): subsequent service, practice expense [\d.]+ less 50%/);
    expect(text).toMatch(/First 1 unit in full .* \+ 2 later unit\(s\) as subsequent services/);
  });
});
