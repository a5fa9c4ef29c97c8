// Diagnostic imaging (MULT PROC 4: TC 50%, PC 5% reduction), cardiovascular (6: TC 25%) and ophthalmology (7: TC
// 20%) for the 2nd and later procedures of a session, ranked by TC amount (DOMAIN.md 2.6). Real CY2025 files,
// Seattle, 100% of Medicare, no OPPSCAP table (the imaging cap has its own tests).
import type { ContractRegistry } from "../../../src/engine/contracts/registry";
import { priceClaim } from "../../../src/engine/contracts/priceClaim";
import { formatTrace } from "../../../src/engine/trace";
import { describeWithSharedData } from "../../support/sharedData";
import { aLine } from "./builders";
import { claimCents, seattle, seattleRegistry, toCentsHalfUp } from "./sameDayFamilies.support";

// PPRRVU2025_Oct rows 8123/8124: 74175 global work 1.82, NF PE 7.36, MP 0.13; 26 row 1.82, 0.64, 0.10.
//   global 355.4346..., PC 89.4173..., TC = global - PC = 266.0172...
const ctaGlobal = seattle("1.82", "7.36", "0.13").total;
// Rows 7835/7836: 72148 global 1.48, 4.25, 0.09; 26 row 1.48, 0.54, 0.07.
//   global 220.1311..., PC 73.1726..., TC 146.9585...
const mriGlobal = seattle("1.48", "4.25", "0.09").total;
const mriPc = seattle("1.48", "0.54", "0.07").total;
const mriTc = mriGlobal.minus(mriPc);
// Rows 11844/11845: 93306 global 1.46, 4.28, 0.07; 26 row 1.46, 0.52, 0.04.
const echoGlobal = seattle("1.46", "4.28", "0.07").total;
const echoTc = echoGlobal.minus(seattle("1.46", "0.52", "0.04").total);
// Rows 12073/12074: 93880 global 0.80, 4.73, 0.09 (TC RVUs 4.47 + 0.03 > 93306's 3.76 + 0.03: ranked first).
const duplexGlobal = seattle("0.80", "4.73", "0.09").total;
// Rows 11496/11497: 92134 global 0.32, 0.63, 0.02; 26 row 0.32, 0.20, 0.01.
const octGlobal = seattle("0.32", "0.63", "0.02").total;
const octTc = octGlobal.minus(seattle("0.32", "0.20", "0.01").total);
// Row 11525: 92250 global 0.40, 0.68, 0.02 (TC 0.48 + 0.01 > 92134's 0.43 + 0.01: ranked first).
const photoGlobal = seattle("0.40", "0.68", "0.02").total;

describeWithSharedData("imaging, cardiovascular and ophthalmology services in one session", () => {
  let registry: ContractRegistry;
  beforeAll(() => {
    registry = seattleRegistry();
  });

  it("pays the 2nd imaging study's TC at 50% and its PC at 95% (CT 355.43 in full, MRI 142.99)", () => {
    // 74175's TC (266.02) outranks 72148's (146.96): 74175 in full 355.43.
    // 72148: 220.1311... - 50% x 146.9585... - 5% x 73.1726... = 220.1311... - 73.4792... - 3.6586... = 142.9932... -> 142.99
    const expected = [
      toCentsHalfUp(mriGlobal.minus(mriTc.times("0.5")).minus(mriPc.times("0.05"))),
      toCentsHalfUp(ctaGlobal),
    ];
    expect(expected).toEqual([14299, 35543]);
    const lines = [aLine({ hcpcsCode: "72148" }), aLine({ hcpcsCode: "74175" })];
    expect(claimCents(registry, lines)).toEqual(expected);
  });

  it("reduces only the TC of a technical-component line by 50%", () => {
    // 72148-TC row 7837: 0.00, 3.71, 0.02 -> 146.9585... x 50% = 73.4792... -> 73.48
    const tcRow = seattle("0", "3.71", "0.02").total;
    const lines = [aLine({ hcpcsCode: "74175", modifiers: ["TC"] }), aLine({ hcpcsCode: "72148", modifiers: ["TC"] })];
    expect(claimCents(registry, lines)).toEqual([
      toCentsHalfUp(seattle("0", "6.72", "0.03").total),
      toCentsHalfUp(tcRow.times("0.5")),
    ]);
  });

  it("reduces a professional-component line of the 2nd study by 5%, ranking PCs by their amount", () => {
    // 74175-26 89.4173... in full; 72148-26 73.1726... x 95% = 69.5140... -> 69.51
    const lines = [aLine({ hcpcsCode: "72148", modifiers: ["26"] }), aLine({ hcpcsCode: "74175", modifiers: ["26"] })];
    expect(claimCents(registry, lines)).toEqual([
      toCentsHalfUp(mriPc.times("0.95")),
      toCentsHalfUp(seattle("1.82", "0.64", "0.10").total),
    ]);
  });

  it("treats the 2nd unit of one imaging line as a subsequent study", () => {
    // 72148 x 2: 220.1311... + 142.9932... = 363.1244... -> 363.12
    const expected = toCentsHalfUp(mriGlobal.times(2).minus(mriTc.times("0.5")).minus(mriPc.times("0.05")));
    expect(claimCents(registry, [aLine({ hcpcsCode: "72148", units: 2 })])).toEqual([expected]);
  });

  it("reduces the TC of the 2nd cardiovascular study by 25% and leaves its PC whole", () => {
    // 93880 first: 216.13. 93306: 220.0884... - 25% x TC (0.00, 3.76, 0.03 -> 149.2076...) = 182.7865... -> 182.79
    const expected = [toCentsHalfUp(echoGlobal.minus(echoTc.times("0.25"))), toCentsHalfUp(duplexGlobal)];
    expect(expected).toEqual([18279, 21613]);
    const lines = [aLine({ hcpcsCode: "93306" }), aLine({ hcpcsCode: "93880" })];
    expect(claimCents(registry, lines)).toEqual(expected);
  });

  it("reduces the TC of the 2nd ophthalmology test by 20%", () => {
    // 92250 first: 40.88. 92134: 36.2093... - 20% x TC (0.00, 0.43, 0.01 -> 17.2448...) = 32.7603... -> 32.76
    const expected = [toCentsHalfUp(octGlobal.minus(octTc.times("0.2"))), toCentsHalfUp(photoGlobal)];
    expect(expected).toEqual([3276, 4088]);
    const lines = [aLine({ hcpcsCode: "92134" }), aLine({ hcpcsCode: "92250" })];
    expect(claimCents(registry, lines)).toEqual(expected);
  });

  it("does not reduce across families: an echocardiogram beside a CT is paid in full", () => {
    const lines = [aLine({ hcpcsCode: "74175" }), aLine({ hcpcsCode: "93306" })];
    expect(claimCents(registry, lines)).toEqual([toCentsHalfUp(ctaGlobal), toCentsHalfUp(echoGlobal)]);
  });

  it("keeps rate x units under a contract whose Multiple Procedure Rule is None", () => {
    const none = seattleRegistry(undefined, { multipleProcedureRule: "none" });
    const lines = [aLine({ hcpcsCode: "72148" }), aLine({ hcpcsCode: "74175" })];
    expect(claimCents(none, lines)).toEqual([toCentsHalfUp(mriGlobal), toCentsHalfUp(ctaGlobal)]);
  });

  it("names the reduced components in the trace", () => {
    const lines = [aLine({ hcpcsCode: "72148" }), aLine({ hcpcsCode: "74175" })];
    const [mri] = priceClaim(registry, lines);
    const text = mri!.ok ? formatTrace(mri!.value.trace).join("\n") : "";
    expect(text).toMatch(
      /diagnostic imaging family \(indicator 4\): subsequent service, technical component [\d.]+ less 50%, professional component [\d.]+ less 5%/,
    );
  });
});
