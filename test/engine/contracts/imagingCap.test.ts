// The OPPS imaging cap (DRA 2005 §5102(b); DOMAIN.md 2.1): an imaging TC or global amount is paid at CMS's OPPSCAP
// amount where that is lower. Real CY2025 files (PPRRVU October, GPCI2025, OPPSCAP October), Seattle 02402-02.
import type { ContractRegistry } from "../../../src/engine/contracts/registry";
import { priceClaim } from "../../../src/engine/contracts/priceClaim";
import { Decimal } from "../../../src/engine/decimal";
import type { OppsCapTable } from "../../../src/engine/pfsRules/oppsCap";
import { formatTrace } from "../../../src/engine/trace";
import { parseOppsCapCsv } from "../../../src/formats/cmsPfs/oppsCap";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";
import { aLine } from "./builders";
import { claimCents, seattle, seattleRegistry, toCentsHalfUp } from "./sameDayFamilies.support";

// PPRRVU2025_Oct row 8123: 74175 global 1.82, 7.36, 0.13 -> 355.4346...; row 8124: 74175-26 1.82, 0.64, 0.10 -> 89.4173...
// row 8125: 74175-TC 0.00, 6.72, 0.03 -> 266.0172...
const ctaGlobal = seattle("1.82", "7.36", "0.13").total;
const ctaPc = seattle("1.82", "0.64", "0.10").total;
const ctaTc = seattle("0", "6.72", "0.03").total;
// OPPSCAP_Oct row 4988: "74175,,A,02402,02,306.22,306.22"; row 5103: "74175,TC,A,02402,02,216.81,216.81".
const CAP_GLOBAL = new Decimal("306.22");
const CAP_TC = new Decimal("216.81");
// Row 7673: 70553 (MRI brain) global 2.29, 7.26, 0.16, MULT PROC 4; not listed in OPPSCAP for Seattle.
// Its TC: 0.00, 6.44, 0.03 (row 7675) -> 254.9677..., between 74175's capped (216.80) and uncapped (266.02) TC.
const mriGlobal = seattle("2.29", "7.26", "0.16").total;

describeWithSharedData("the OPPS imaging cap", () => {
  let oppsCap: OppsCapTable;
  let capped: ContractRegistry;
  let uncapped: ContractRegistry;
  beforeAll(() => {
    const parsed = parseOppsCapCsv(readSharedData("cms-pfs/2025-rvu25d/OPPSCAP_Oct.csv"), "OPPSCAP_Oct.csv");
    if (!parsed.ok) throw new Error("OPPSCAP did not parse");
    oppsCap = parsed.value.table;
    capped = seattleRegistry(oppsCap);
    uncapped = seattleRegistry();
  });

  it("pays a global CT at the cap, 306.22, not its PFS amount 355.43", () => {
    expect(toCentsHalfUp(ctaGlobal)).toBe(35543);
    expect(claimCents(capped, [aLine({ hcpcsCode: "74175" })])).toEqual([toCentsHalfUp(CAP_GLOBAL)]);
  });

  it("pays the technical component at the TC cap, 216.81, not 266.02", () => {
    expect(toCentsHalfUp(ctaTc)).toBe(26602);
    expect(claimCents(capped, [aLine({ hcpcsCode: "74175", modifiers: ["TC"] })])).toEqual([toCentsHalfUp(CAP_TC)]);
  });

  it("never caps the professional component (89.42)", () => {
    expect(claimCents(capped, [aLine({ hcpcsCode: "74175", modifiers: ["26"] })])).toEqual([toCentsHalfUp(ctaPc)]);
  });

  it("does not cap a code the file does not list for the locality", () => {
    expect(claimCents(capped, [aLine({ hcpcsCode: "70553" })])).toEqual([toCentsHalfUp(mriGlobal)]);
  });

  it("ranks imaging by the capped TC and reduces the capped amount", () => {
    // Capped, 74175's TC is 306.22 - 89.4173... = 216.8026... < 70553's 254.9677...: 70553 in full, 74175 second:
    // 306.22 - 50% x 216.8026... - 5% x 89.4173... = 306.22 - 108.4013... - 4.4708... = 193.3478... -> 193.35
    const second = CAP_GLOBAL.minus(CAP_GLOBAL.minus(ctaPc).times("0.5")).minus(ctaPc.times("0.05"));
    expect(toCentsHalfUp(second)).toBe(19335);
    const lines = [aLine({ hcpcsCode: "74175" }), aLine({ hcpcsCode: "70553" })];
    expect(claimCents(capped, lines)).toEqual([toCentsHalfUp(second), toCentsHalfUp(mriGlobal)]);
  });

  it("without a cap table keeps the PFS amount and says in the trace that the cap was not checked", () => {
    const [price] = priceClaim(uncapped, [aLine({ hcpcsCode: "74175" })]);
    expect(price!.ok && price!.value.allowedAmount).toBe(toCentsHalfUp(ctaGlobal));
    const text = price!.ok ? formatTrace(price!.value.trace).join("\n") : "";
    expect(text).toMatch(/no OPPSCAP table was given with the Medicare schedule, so the cap on 74175 was not checked/);
  });

  it("names the OPPSCAP row that bound in the trace", () => {
    const [price] = priceClaim(capped, [aLine({ hcpcsCode: "74175" })]);
    const text = price!.ok ? formatTrace(price!.value.trace).join("\n") : "";
    expect(text).toMatch(
      /OPPS imaging cap \(OPPSCAP_Oct\.csv row 4988\): 306\.22 is lower than 355\.43[\d]*, so the cap is paid/,
    );
  });
});
