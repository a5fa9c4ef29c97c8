// One claim mixing every same-day rule (DOMAIN.md 2.6): an office visit, surgery with a bilateral procedure billed as
// two units, an endoscopy family, therapy and imaging, all on one day in an office (non-facility). Real CY2025
// files, Seattle, 100% of Medicare. Each family is reduced on its own; the surgery and the endoscopy family rank
// together.
import { describeWithSharedData } from "../../support/sharedData";
import { aLine } from "./builders";
import { claimCents, seattle, seattleRegistry, toCentsHalfUp } from "./sameDayFamilies.support";

// Non-facility rows of PPRRVU2025_Oct (work, NF PE, MP), Seattle amounts:
const visit = seattle("1.30", "1.35", "0.10").total; // 99213 row 12807, MULT PROC 0
const arthrocentesis = seattle("0.79", "1.04", "0.13").total; // 20610 row 1644: 71.2806...; BILAT 1
const debridement = seattle("1.01", "2.73", "0.13").total; // 11042 row 1136: 145.3949...
const colonoscopy = seattle("3.26", "6.44", "0.43").total; // 45378 row 5357 (base): 375.9882...
const biopsy = seattle("3.56", "8.79", "0.47").total; // 45380 row 5360: 479.9505...
const polypectomy = seattle("4.57", "8.33", "0.56").total; // 45385 row 5364: 498.3557...
const exercise = seattle("0.45", "0.43", "0.01"); // 97110 row 12655: PE 16.9689...
const manual = seattle("0.43", "0.40", "0.01"); // 97140 row 12663: PE 15.7850...
const cta = seattle("1.82", "7.36", "0.13").total; // 74175 row 8123 (TC 266.02)
const mri = seattle("1.48", "4.25", "0.09").total; // 72148 row 7835
const mriPc = seattle("1.48", "0.54", "0.07").total; // 72148-26 row 7836

describeWithSharedData("a claim mixing every multiple procedure family", () => {
  it("reduces each family by its own rule and ranks the endoscopy family with the surgery", () => {
    const registry = seattleRegistry();
    const lines = [
      aLine({ hcpcsCode: "99213", modifiers: ["25"] }),
      aLine({ hcpcsCode: "20610", units: 2 }),
      aLine({ hcpcsCode: "11042" }),
      aLine({ hcpcsCode: "45378" }),
      aLine({ hcpcsCode: "45380" }),
      aLine({ hcpcsCode: "45385" }),
      aLine({ hcpcsCode: "97110", units: 2 }),
      aLine({ hcpcsCode: "97140" }),
      aLine({ hcpcsCode: "72148" }),
      aLine({ hcpcsCode: "74175" }),
    ];
    const expected = [
      // Office visit: no same-day rule.
      toCentsHalfUp(visit),
      // Surgery ranking: colonoscopy family (498.3557... + 103.9622... = 602.3180...) 1st, 11042 (145.39) 2nd,
      // 20610 x 2 units = bilateral 150% (106.92) 3rd: 106.9209... x 50% = 53.46.
      toCentsHalfUp(arthrocentesis.times("1.5").times("0.5")),
      toCentsHalfUp(debridement.times("0.5")),
      // Endoscopy family of 45378: the base beside its family 0; 45380 479.9505... - 375.9882... = 103.9622... -> 103.96;
      // 45385 in full 498.36.
      0,
      toCentsHalfUp(biopsy.minus(colonoscopy)),
      toCentsHalfUp(polypectomy),
      // Therapy: 97110's PE (16.97) is the highest: its 1st unit in full, its 2nd unit and 97140 with PE at 50%.
      toCentsHalfUp(exercise.total.times(2).minus(exercise.pe.times("0.5"))),
      toCentsHalfUp(manual.total.minus(manual.pe.times("0.5"))),
      // Imaging: 74175 (TC 266.02) in full; 72148 TC at 50% and PC at 95%.
      toCentsHalfUp(mri.minus(mri.minus(mriPc).times("0.5")).minus(mriPc.times("0.05"))),
      toCentsHalfUp(cta),
    ];
    expect(expected.slice(1, 6)).toEqual([5346, 7270, 0, 10396, 49836]);
    expect(claimCents(registry, lines)).toEqual(expected);
  });
});
