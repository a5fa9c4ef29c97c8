// A contract's own percentage for a modifier (ContractModifierPolicies; issue 12 item 1): it supplies the percentage
// CMS leaves to the payer (22, 52, 73, 74) or replaces CMS's (assistant 80 at 16%), on every method, before lesser-of.
import { Decimal } from "../../../src/engine/decimal";
import { issueMessage } from "../../../src/engine/issues";
import { priceClaim } from "../../../src/engine/contracts/priceClaim";
import { priceLine } from "../../../src/engine/contracts/priceLine";
import { priceLines } from "../../../src/engine/contracts/priceLines";
import { buildContractRegistry } from "../../../src/engine/contracts/registry";
import { formatTrace } from "../../../src/engine/traceText";
import { describeWithSharedData } from "../../support/sharedData";
import {
  aContract,
  aFeeSchedule,
  aLine,
  aMedicareSchedule,
  aModifierPolicy,
  aRegistry,
  asColumns,
  percentOfBilled,
} from "./builders";
import { claimCents, seattle, seattleRegistry, toCentsHalfUp } from "./sameDayFamilies.support";

const allowed = (registry: ReturnType<typeof aRegistry>, line: ReturnType<typeof aLine>): number | string => {
  const price = priceLine(registry, line);
  return price.ok ? price.value.allowedAmount : issueMessage(price.issue);
};

describe("a fee schedule contract with its own modifier percentages", () => {
  const registry = aRegistry({
    modifierPolicies: [
      aModifierPolicy({ modifier: "22", percent: "1.2", sourceRowNumber: 2 }),
      aModifierPolicy({ modifier: "52", percent: "0.5", sourceRowNumber: 3 }),
      aModifierPolicy({ modifier: "80", percent: "0.2", sourceRowNumber: 4 }),
    ],
  });

  it("pays modifier 22 at the contract's 120% of the rate (110.00 x 1.2 = 132.00)", () =>
    expect(allowed(registry, aLine({ modifiers: ["22"] }))).toBe(13200));

  it("pays modifier 52 at 50% and then applies lesser-of to the reduced amount (55.00 against a 40.00 charge)", () => {
    const lesserOf = aRegistry({
      versions: [aContract({ lesserOf: true })],
      modifierPolicies: [aModifierPolicy({ modifier: "52", percent: "0.5" })],
    });
    expect(allowed(lesserOf, aLine({ modifiers: ["52"], chargeAmount: 4000 }))).toBe(4000);
    expect(allowed(lesserOf, aLine({ modifiers: ["52"], chargeAmount: 9000 }))).toBe(5500);
  });

  it("replaces CMS's 16% for an assistant at surgery with the contract's 20% (110.00 x 0.2 = 22.00)", () =>
    expect(allowed(registry, aLine({ modifiers: ["80"] }))).toBe(2200));

  it("multiplies the rate by units before the policy (2 units x 110.00 x 1.2 = 264.00)", () =>
    expect(allowed(registry, aLine({ modifiers: ["22"], units: 2 }))).toBe(26400));

  it("still refuses modifier 73, for which the contract states no percentage", () =>
    expect(allowed(registry, aLine({ modifiers: ["73"] }))).toMatch(/^99213: modifier 73 \(/));

  it("shows the policy and its row in the pricing trace", () => {
    const price = priceLine(registry, aLine({ modifiers: ["22"] }));
    expect(price.ok && formatTrace(price.value.trace)).toContain(
      "4. Contract policy for modifier 22 (modifier policy row 2): 120%, 110 x 1.2 = 132",
    );
  });

  it("prices the same in a batch as line by line", () => {
    const lines = [aLine({ modifiers: ["22"] }), aLine({ modifiers: ["52"] }), aLine({ modifiers: ["80"] }), aLine()];
    const batch = priceLines(registry, asColumns(lines));
    expect([...batch.allowedAmount]).toEqual(lines.map((line) => allowed(registry, line)));
  });

  it("applies the policy to a percent-of-billed contract's percentage (70% x 50% of a 200.00 charge = 70.00)", () => {
    const billed = aRegistry({
      versions: [aContract({ method: percentOfBilled("0.7") })],
      modifierPolicies: [aModifierPolicy({ modifier: "52", percent: "0.5" })],
    });
    expect(allowed(billed, aLine({ modifiers: ["52"], chargeAmount: 20000 }))).toBe(7000);
  });

  it("belongs to one contract: another contract's line with modifier 22 is still refused", () => {
    const two = aRegistry({
      versions: [aContract(), aContract({ contractName: "Beta HMO" })],
      modifierPolicies: [aModifierPolicy({ contractName: "acme ppo" })],
    });
    expect(allowed(two, aLine({ modifiers: ["22"] }))).toBe(13200);
    expect(allowed(two, aLine({ contractName: "Beta HMO", modifiers: ["22"] }))).toMatch(/^99213: modifier 22 \(/);
  });
});

describeWithSharedData(
  "a percent-of-Medicare contract with its own modifier percentages (real CY2025 files, Seattle)",
  () => {
    it("pays 45378-22 at 125% of the Medicare amount without the modifier", () => {
      // PPRRVU2025_Oct row 5357: 45378 work 3.26, NF PE 6.44, MP 0.43, office.
      // (3.26 x 1.043 + 6.44 x 1.22 + 0.43 x 0.853) x 32.3465 = 11.62377 x 32.3465 = 375.988... ; x 1.25 = 469.98...
      const registry = seattleRegistry(undefined, {}, [aModifierPolicy({ modifier: "22", percent: "1.25" })]);
      const expected = toCentsHalfUp(seattle("3.26", "6.44", "0.43").total.times("1.25"));
      expect(expected).toBe(46999);
      expect(claimCents(registry, [aLine({ hcpcsCode: "45378", modifiers: ["22"] })])).toEqual([expected]);
    });

    it("pays an assistant at total knee arthroplasty (27447-80, facility) at the contract's 20% instead of 16%", () => {
      // PPRRVU2025_Oct row 2773: 27447 work 19.60, facility PE 15.30, MP 3.98, ASST SURG 2 (payable).
      // (19.60 x 1.043 + 15.30 x 1.22 + 3.98 x 0.853) x 32.3465 = 42.51214 x 32.3465 = 1375.1... ; x 0.20 = 275.02...
      const line = aLine({ hcpcsCode: "27447", modifiers: ["80"], setting: "facility" });
      const full = seattle("19.60", "15.30", "3.98").total;
      const cms = claimCents(seattleRegistry(), [line]);
      const policy = claimCents(seattleRegistry(undefined, {}, [aModifierPolicy({ modifier: "80", percent: "0.2" })]), [
        line,
      ]);
      expect(cms).toEqual([toCentsHalfUp(full.times("0.16"))]);
      expect(policy).toEqual([toCentsHalfUp(full.times("0.2"))]);
    });

    it("ranks a 22 line with the claim's other surgery: the second procedure is still paid 50%", () => {
      const registry = seattleRegistry(undefined, {}, [aModifierPolicy({ modifier: "22", percent: "1.25" })]);
      const knee = seattle("19.60", "15.30", "3.98").total;
      const colonoscopy = seattle("3.26", "1.79", "0.43").total;
      const lines = [
        aLine({ hcpcsCode: "27447", modifiers: ["22"], setting: "facility" }),
        aLine({ hcpcsCode: "45378", setting: "facility" }),
      ];
      expect(claimCents(registry, lines)).toEqual([
        toCentsHalfUp(knee.times("1.25")),
        toCentsHalfUp(colonoscopy.times("0.5")),
      ]);
    });
  },
);

describe("modifier policies in the registry", () => {
  const build = (...policies: ReturnType<typeof aModifierPolicy>[]) =>
    buildContractRegistry({
      versions: [aContract()],
      modifierPolicies: policies,
      feeSchedules: [aFeeSchedule()],
      medicareSchedules: [aMedicareSchedule()],
    });

  it("reports a policy for a contract the registry does not have", () =>
    expect(build(aModifierPolicy({ contractName: "Acme HMO", sourceRowNumber: 5 })).issues.map(issueMessage)).toEqual([
      'Modifier policy row 5 names contract "Acme HMO", which is not in the contract registry.',
    ]));

  it("reports a modifier stated twice for one contract and uses the first row", () => {
    const built = build(
      aModifierPolicy({ percent: "1.2", sourceRowNumber: 2 }),
      aModifierPolicy({ percent: "1.5", sourceRowNumber: 3 }),
    );
    expect(built.issues.map(issueMessage)).toEqual([
      'Contract "Acme PPO" states modifier 22 twice (modifier policy rows 2 and 3): the first row is used; delete one.',
    ]);
    expect(built.registry.modifierPoliciesByName.get("acme ppo")?.map((p) => p.percent)).toEqual([new Decimal("1.2")]);
  });

  it("prices the first of two policies on one line in the line's order (22 at 120% then 80 at 20%)", () => {
    const registry = aRegistry({
      modifierPolicies: [aModifierPolicy({ modifier: "80", percent: "0.2" }), aModifierPolicy()],
    });
    const [price] = priceClaim(registry, [aLine({ modifiers: ["22", "80"] })]);
    // 110.00 x 1.2 x 0.2 = 26.40
    expect(price!.ok && price!.value.allowedAmount).toBe(2640);
  });
});
