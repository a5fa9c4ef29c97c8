// A bilateral procedure billed on two lines, RT on one and LT on the other (BILAT SURG "mod 50, RT+LT, or 2 units",
// DOMAIN.md 2.6): the claim prices the pair as one procedure with modifier 50 and pays half to each line, ranked
// with the day's other surgery as one procedure. Real CY2025 files, Seattle (GPCIs 1.043 / 1.22 / 0.853, CF 32.3465).
import { priceClaim } from "../../../src/engine/contracts/priceClaim";
import { formatTrace } from "../../../src/engine/traceText";
import { describeWithSharedData } from "../../support/sharedData";
import { aLine } from "./builders";
import { claimCents, seattle, seattleRegistry, toCentsHalfUp } from "./sameDayFamilies.support";

describeWithSharedData("the two sides of a bilateral procedure billed on two lines", () => {
  let registry: ReturnType<typeof seattleRegistry>;
  beforeAll(() => {
    registry = seattleRegistry();
  });

  // PPRRVU2025_Oct row 1644: 20610 (arthrocentesis, major joint) work 0.79, NF PE 1.04, MP 0.13; BILAT SURG 1.
  const arthrocentesis = () => seattle("0.79", "1.04", "0.13").total;
  // Row 1136: 11042 (debridement) work 1.01, NF PE 2.73, MP 0.13; BILAT SURG 0.
  const debridement = () => seattle("1.01", "2.73", "0.13").total;
  // Row 2773: 27447 (total knee) work 19.60, facility PE 15.30, MP 3.98; BILAT SURG 1, MULT PROC 2.
  const knee = () => seattle("19.60", "15.30", "3.98").total;

  it("pays indicator 1 sides 75% each (the pair 150%), not 100% each", () => {
    // 0.79 x 1.043 + 1.04 x 1.22 + 0.13 x 0.853 = 2.21286; x 32.3465 = 71.577...; x 1.5 / 2 = 53.68...
    const each = toCentsHalfUp(arthrocentesis().times("1.5").times("0.5"));
    const lines = [aLine({ hcpcsCode: "20610", modifiers: ["RT"] }), aLine({ hcpcsCode: "20610", modifiers: ["LT"] })];
    expect(claimCents(registry, lines)).toEqual([each, each]);
  });

  it("pays indicator 0 sides 50% each (the pair 100% of one procedure)", () => {
    const each = toCentsHalfUp(debridement().times("0.5"));
    const lines = [aLine({ hcpcsCode: "11042", modifiers: ["LT"] }), aLine({ hcpcsCode: "11042", modifiers: ["RT"] })];
    expect(claimCents(registry, lines)).toEqual([each, each]);
  });

  it("pays a side billed without its other half in full", () =>
    expect(claimCents(registry, [aLine({ hcpcsCode: "20610", modifiers: ["RT"] })])).toEqual([
      toCentsHalfUp(arthrocentesis()),
    ]));

  it("ranks the pair as one procedure: a bilateral knee first, another procedure of the day at 50%", () => {
    const lines = [
      aLine({ hcpcsCode: "20610", setting: "facility" }),
      aLine({ hcpcsCode: "27447", modifiers: ["RT"], setting: "facility" }),
      aLine({ hcpcsCode: "27447", modifiers: ["LT"], setting: "facility" }),
    ];
    // 20610 facility PE 0.44 (row 1644).
    const second = seattle("0.79", "0.44", "0.13").total.times("0.5");
    const side = knee().times("1.5").times("0.5");
    expect(claimCents(registry, lines)).toEqual([toCentsHalfUp(second), toCentsHalfUp(side), toCentsHalfUp(side)]);
  });

  it("pairs sides only on the same date of service", () => {
    const lines = [
      aLine({ hcpcsCode: "20610", modifiers: ["RT"], serviceDate: "2025-03-04" }),
      aLine({ hcpcsCode: "20610", modifiers: ["LT"], serviceDate: "2025-03-05" }),
    ];
    const full = toCentsHalfUp(arthrocentesis());
    expect(claimCents(registry, lines)).toEqual([full, full]);
  });

  it("keeps rate x units under a contract whose Multiple Procedure Rule is None", () => {
    const none = seattleRegistry(undefined, { multipleProcedureRule: "none" });
    const lines = [aLine({ hcpcsCode: "20610", modifiers: ["RT"] }), aLine({ hcpcsCode: "20610", modifiers: ["LT"] })];
    const full = toCentsHalfUp(arthrocentesis());
    expect(claimCents(none, lines)).toEqual([full, full]);
  });

  it("says in the trace that the line is one side of a pair priced as modifier 50", () => {
    const [right] = priceClaim(registry, [
      aLine({ hcpcsCode: "20610", modifiers: ["RT"] }),
      aLine({ hcpcsCode: "20610", modifiers: ["LT"] }),
    ]);
    expect(right!.ok && formatTrace(right!.value.trace).join("\n")).toMatch(
      /RT side of a bilateral procedure billed on two lines \(RT and LT\): the pair priced as modifier 50, [\d.]+ x 0\.5 to each line = [\d.]+/,
    );
  });
});
