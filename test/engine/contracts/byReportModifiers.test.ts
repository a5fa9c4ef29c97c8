// Modifiers 22/52/53/73/74 (DOMAIN.md 2.6): Medicare's amount where CMS defines one (the 53 rows of the colonoscopy
// codes), otherwise "not supported" naming the modifier, never a silent 100%. Real CY2025 files, Seattle.
import { issueMessage } from "../../../src/engine/issues";
import { priceClaim } from "../../../src/engine/contracts/priceClaim";
import { describeWithSharedData } from "../../support/sharedData";
import { aContract, aFeeRow, aFeeSchedule, aLine, aMedicareSchedule, aRegistry, feeSchedule } from "./builders";
import { claimCents, seattle, seattleRegistry, toCentsHalfUp } from "./sameDayFamilies.support";

const message = (registry: ReturnType<typeof seattleRegistry>, line: ReturnType<typeof aLine>): string => {
  const [price] = priceClaim(registry, [line]);
  return price!.ok ? "priced" : issueMessage(price!.issue);
};

describeWithSharedData("modifiers without a fixed PFS percentage, on a percent-of-Medicare contract", () => {
  let registry: ReturnType<typeof seattleRegistry>;
  beforeAll(() => {
    registry = seattleRegistry();
  });

  it("prices a discontinued colonoscopy (45378-53) from its own 53 row (188.13 in an office)", () => {
    // PPRRVU2025_Oct row 5358: 45378-53 work 1.63, NF PE 3.22, MP 0.22.
    // 1.63 x 1.043 + 3.22 x 1.22 + 0.22 x 0.853 = 1.70009 + 3.9284 + 0.18766 = 5.81615; x 32.3465 = 188.1322... -> 188.13
    const expected = toCentsHalfUp(seattle("1.63", "3.22", "0.22").total);
    expect(expected).toBe(18813);
    expect(claimCents(registry, [aLine({ hcpcsCode: "45378", modifiers: ["53"] })])).toEqual([expected]);
  });

  it("does not price modifier 53 on a code without a 53 row", () =>
    expect(message(registry, aLine({ hcpcsCode: "99213", modifiers: ["53"] }))).toBe(
      "99213: modifier 53 (discontinued procedure), individual consideration for this code is not priced by this version; price this line by hand.",
    ));

  it.each([
    ["22", "modifier 22 (increased procedural services) is priced by the contractor"],
    ["52", "modifier 52 (reduced services) is priced by the contractor"],
    ["73", "modifier 73 (procedure discontinued before anesthesia, hospital outpatient/ASC) has no PFS percentage"],
    ["74", "modifier 74 (procedure discontinued after anesthesia, hospital outpatient/ASC) has no PFS percentage"],
  ])("does not price modifier %s and names it", (modifier, rule) =>
    expect(message(registry, aLine({ hcpcsCode: "45378", modifiers: [modifier] }))).toBe(
      `45378: ${rule} is not priced by this version; price this line by hand.`,
    ),
  );
});

describe("modifiers without a fixed PFS percentage, on a fee schedule contract", () => {
  const registryWith = (rule: "medicare" | "none") =>
    aRegistry({
      versions: [aContract({ method: feeSchedule("FS_Acme"), multipleProcedureRule: rule })],
      feeSchedules: [aFeeSchedule("FS_Acme", aFeeRow({ hcpcsCode: "99213", nonFacilityRate: "110.00" }))],
      medicareSchedules: [aMedicareSchedule()],
    });

  it.each(["22", "52", "73", "74"])("does not pay modifier %s at the full rate under CMS's rules", (modifier) => {
    const [price] = priceClaim(registryWith("medicare"), [aLine({ modifiers: [modifier] })]);
    expect(price!.ok ? price!.value.allowedAmount : issueMessage(price!.issue)).toMatch(
      new RegExp(`^99213: modifier ${modifier} \\(`),
    );
  });

  it("does not pay modifier 53 at the full rate when the fee schedule has no 53 rate for the code", () => {
    const [price] = priceClaim(registryWith("medicare"), [aLine({ modifiers: ["53"] })]);
    expect(price!.ok ? price!.value.allowedAmount : price!.issue.code).toBe("contractCodeNotCovered");
  });

  it("keeps rate x units under a contract whose Multiple Procedure Rule is None (110.00)", () => {
    const [price] = priceClaim(registryWith("none"), [aLine({ modifiers: ["22"] })]);
    expect(price!.ok && price!.value.allowedAmount).toBe(11000);
  });
});
