// Endoscopy families (MULT PROC 3) by ENDO BASE, then ranked with the other surgery of the day under the standard
// rule (DOMAIN.md 2.6). Real CY2025 files, Seattle, facility setting (an endoscopy suite), 100% of Medicare.
import type { ContractRegistry } from "../../../src/engine/contracts/registry";
import { priceClaim } from "../../../src/engine/contracts/priceClaim";
import { formatTrace } from "../../../src/engine/trace";
import { describeWithSharedData } from "../../support/sharedData";
import { aLine } from "./builders";
import { claimCents, seattle, seattleRegistry, toCentsHalfUp } from "./sameDayFamilies.support";

// Facility PE RVUs, PPRRVU2025_Oct:
// row 5357: 45378 (colonoscopy, the base) work 3.26, F PE 1.79, MP 0.43, MULT PROC 2 -> 192.4865...
const colonoscopy = seattle("3.26", "1.79", "0.43").total;
// row 5360: 45380 (with biopsy) 3.56, 1.93, 0.47, MULT PROC 3, ENDO BASE 45378 -> 209.2362...
const biopsy = seattle("3.56", "1.93", "0.47").total;
// row 5364: 45385 (snare polypectomy) 4.57, 2.38, 0.56, MULT PROC 3, ENDO BASE 45378 -> 263.5524...
const polypectomy = seattle("4.57", "2.38", "0.56").total;
// row 5012: 43239 (EGD with biopsy) 2.39, 1.42, 0.29, ENDO BASE 43235 (not billed).
const egdBiopsy = seattle("2.39", "1.42", "0.29").total;
// row 1136: 11042 (debridement) 1.01, 0.68, 0.13, MULT PROC 2 -> 64.4963...
const debridement = seattle("1.01", "0.68", "0.13").total;
// row 2773: 27447 (knee arthroplasty) 19.60, 15.30, 3.98, MULT PROC 2 -> 1374.8472...
const arthroplasty = seattle("19.60", "15.30", "3.98").total;

const facility = { setting: "facility" as const };

describeWithSharedData("endoscopies of one family on one day", () => {
  let registry: ContractRegistry;
  beforeAll(() => {
    registry = seattleRegistry();
  });

  it("pays the highest-valued endoscopy in full, the other its value minus the base's, and the base nothing", () => {
    // 45385 in full: 263.55; 45380: 209.2362... - 192.4865... = 16.7496... -> 16.75; 45378 beside them: 0.
    const expected = [0, toCentsHalfUp(biopsy.minus(colonoscopy)), toCentsHalfUp(polypectomy)];
    expect(expected).toEqual([0, 1675, 26355]);
    const lines = [
      aLine({ hcpcsCode: "45378", ...facility }),
      aLine({ hcpcsCode: "45380", ...facility }),
      aLine({ hcpcsCode: "45385", ...facility }),
    ];
    expect(claimCents(registry, lines)).toEqual(expected);
  });

  it("ranks the family with other surgery as one procedure: a smaller debridement is paid 50%", () => {
    // Family 263.5524... + 16.7496... = 280.30 outranks 11042 64.4963...: family in full, 11042 x 50% = 32.2481... -> 32.25
    const expected = [toCentsHalfUp(debridement.times("0.5")), toCentsHalfUp(biopsy.minus(colonoscopy)), toCentsHalfUp(polypectomy)]; // prettier-ignore
    expect(expected).toEqual([3225, 1675, 26355]);
    const lines = [
      aLine({ hcpcsCode: "11042", ...facility }),
      aLine({ hcpcsCode: "45380", ...facility }),
      aLine({ hcpcsCode: "45385", ...facility }),
    ];
    expect(claimCents(registry, lines)).toEqual(expected);
  });

  it("pays every member of a family ranked second at 50%", () => {
    // 27447 outranks the family: in full. 45385 263.5524... x 50% = 131.78; 45380 16.7496... x 50% = 8.3748... -> 8.37
    const expected = [toCentsHalfUp(arthroplasty), toCentsHalfUp(polypectomy.times("0.5")), toCentsHalfUp(biopsy.minus(colonoscopy).times("0.5"))]; // prettier-ignore
    expect(expected.slice(1)).toEqual([13178, 837]);
    const lines = [
      aLine({ hcpcsCode: "27447", ...facility }),
      aLine({ hcpcsCode: "45385", ...facility }),
      aLine({ hcpcsCode: "45380", ...facility }),
    ];
    expect(claimCents(registry, lines)).toEqual(expected);
  });

  it("ranks two families against each other: the colonoscopy family in full, the EGD family at 50%", () => {
    // Colonoscopy family 45380 alone: 209.23 in full. EGD family 43239 alone (base 43235 not billed): 43239 x 50%.
    const expected = [toCentsHalfUp(biopsy), toCentsHalfUp(egdBiopsy.times("0.5"))];
    const lines = [aLine({ hcpcsCode: "45380", ...facility }), aLine({ hcpcsCode: "43239", ...facility })];
    expect(claimCents(registry, lines)).toEqual(expected);
  });

  it("pays a base endoscopy billed alone in full", () => {
    expect(claimCents(registry, [aLine({ hcpcsCode: "45378", ...facility })])).toEqual([toCentsHalfUp(colonoscopy)]);
  });

  it("explains the member's reduction by its base in the trace", () => {
    const lines = [aLine({ hcpcsCode: "45380", ...facility }), aLine({ hcpcsCode: "45385", ...facility })];
    const [member] = priceClaim(registry, lines);
    const text = member!.ok ? formatTrace(member!.value.trace).join("\n") : "";
    expect(text).toMatch(/Endoscopy family of base 45378 \(indicator 3\): its value less the base's [\d.]+/);
  });
});
