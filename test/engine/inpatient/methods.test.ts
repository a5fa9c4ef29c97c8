// The inpatient methods are declared once, in INPATIENT_METHODS: the compiler refuses a table without a kind, and the
// registry will build each method from its cells and words.
import {
  INPATIENT_METHODS,
  inpatientMethodEntry,
  inpatientMethodOf,
  type InpatientMethodTable,
} from "../../../src/engine/inpatient/methods";
import { methodChoices } from "../../../src/engine/contracts/methods";
import { describeInpatientTerms } from "../../../src/engine/inpatient/describeTerms";
import { CMS_PER_DIEM_TIERS, aLevel, d, dollars, drg, someTerms } from "./builders";

describe("the inpatient method table", () => {
  it("does not compile without an entry for every method kind", () => {
    // @ts-expect-error: "percent of charges" has no entry, so this is not an InpatientMethodTable
    const missing: InpatientMethodTable = {
      "ms-drg": INPATIENT_METHODS["ms-drg"],
      "per diem": INPATIENT_METHODS["per diem"],
    };
    expect(Object.keys(missing)).toHaveLength(2);
  });

  it("offers its methods by label, in table order", () =>
    expect(methodChoices(INPATIENT_METHODS).labels).toEqual(["MS-DRG", "Per Diem", "Percent of Charges"]));

  it("reads the words a registry cell may hold: 'DRG' is MS-DRG, '% of charges' percent of charges", () => {
    const { words } = methodChoices(INPATIENT_METHODS);
    expect([words["drg"], words["% of charges"], words["per diem"]]).toEqual([
      "ms-drg",
      "percent of charges",
      "per diem",
    ]);
  });

  it("builds an MS-DRG method from its Base Rate cell and describes it", () => {
    const method = inpatientMethodOf("ms-drg", { baseRate: d("10000"), percent: null, perDiemLevels: null });
    expect(inpatientMethodEntry(method).describe(method)).toBe("MS-DRG at a base rate of $10,000.00");
  });

  it("says which cells each method needs", () =>
    expect(Object.values(INPATIENT_METHODS).map((entry) => entry.needs)).toEqual([
      ["baseRate"],
      ["perDiemLevels"],
      ["percent"],
    ]));
});

describe("a contract's inpatient terms in words", () => {
  it("lists the method and each term on top, in the order they apply", () =>
    expect(
      describeInpatientTerms(
        someTerms({
          caseRates: new Map([[drg("470"), { drg: drg("470"), rate: d("20000"), sourceRowNumber: null }]]),
          outlier: { fixedLossThreshold: dollars(40_397), percent: d("0.8") },
          stopLoss: { kind: "first dollar", threshold: dollars(200_000), percent: d("0.5") },
          lesserOf: true,
        }),
      ),
    ).toBe(
      "MS-DRG at a base rate of $10,000.00; case rates for 1 DRG; transfer reduction by GMLOS (exact); outlier: 80% of charges over the payment + $40,397.00; first-dollar stop-loss: 50% of all charges when they exceed $200,000.00; lesser of charges",
    ));

  it("describes a per diem by its levels of care and revenue code ranges", () =>
    expect(
      describeInpatientTerms(
        someTerms({
          method: { kind: "per diem", levels: [aLevel("Psychiatric", "0114", "0114", CMS_PER_DIEM_TIERS)] },
          transferReduction: null,
        }),
      ),
    ).toBe("Per diem by level of care (Psychiatric 0114-0114)"));
});
