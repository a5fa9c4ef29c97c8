/** The review summed by payer and code, the denial rates, and the worklist of underpaid claims. */
import type { Cents } from "../../../src/engine/money";
import { ok } from "../../../src/engine/result";
import {
  lineDenial,
  summariseVariances,
  type VarianceInputLine,
  type VarianceLine,
} from "../../../src/engine/variance";
import { aLine } from "../contracts/builders";

function input(
  claimKey: string,
  payer: string,
  code: string,
  charge: number,
  codes: string | null = null,
): VarianceInputLine {
  return {
    claimKey,
    claimId: claimKey,
    payer,
    hcpcsCode: code,
    serviceDate: "2025-03-04",
    pricing: ok(aLine({ hcpcsCode: code })),
    allowedAmount: 0 as Cents,
    chargeAmount: charge as Cents,
    denial: lineDenial({ adjustmentCodes: codes, chargeAmount: charge as Cents, allowedAmount: 0 as Cents }),
    reversal: charge < 0,
  };
}
function reviewed(flag: VarianceLine["flag"], expected: number | null, allowed: number): VarianceLine {
  const compared = flag !== "Denied" && flag !== "No contract rate" && flag !== "Reversed" && expected !== null;
  return {
    flag,
    reason: `${flag}: expected ${expected}, allowed ${allowed}`,
    expectedAmount: expected as Cents | null,
    allowedAmount: allowed as Cents,
    varianceAmount: compared ? ((allowed - expected!) as Cents) : null,
    varianceFraction: null,
    recoverableAmount: (flag === "Underpaid" ? expected! - allowed : 0) as Cents,
  };
}

const inputs = [
  input("C1", "Acme", "99213", 20000),
  input("C1", "Acme", "20610", 30000),
  input("C2", "Acme", "99213", 20000, "CO-50"),
  input("C3", "Summit", "99213", 10000),
  input("C4", "Summit", "20610", 30000, "CO-197"),
];
const lines = [
  reviewed("Underpaid", 9662, 9250),
  reviewed("Underpaid", 10000, 9000),
  reviewed("Denied", 9662, 0),
  reviewed("Overpaid", 9662, 9900),
  reviewed("Denied", null, 0),
];
const summary = summariseVariances(inputs, lines);

describe("summing up a variance review", () => {
  it("totals expected, allowed and variance over the compared lines only, and recoverable over the underpaid", () => {
    expect(summary.total).toMatchObject({
      lines: 5,
      expectedAmount: 9662 + 10000 + 9662,
      allowedAmount: 9250 + 9000 + 9900,
      varianceAmount: -412 - 1000 + 238,
      recoverableAmount: 1412,
      underpaidLines: 2,
      overpaidLines: 1,
      deniedLines: 2,
    });
  });

  it("gives the denial rate by count and by charges", () => {
    expect(summary.total.denialRateByCount).toBe(2 / 5);
    expect(summary.total.denialRateByDollars).toBe(50000 / 110000);
  });

  it("splits by payer and ranks denial categories by denied lines", () => {
    expect(
      summary.byPayer.map((p) => [p.payer, p.totals.lines, p.totals.recoverableAmount, p.totals.deniedLines]),
    ).toEqual([
      ["Acme", 3, 1412, 1],
      ["Summit", 2, 0, 1],
    ]);
    expect(summary.total.topDenialCategories).toEqual([
      { category: "authorization", lines: 1 },
      { category: "medical_necessity", lines: 1 },
    ]);
  });

  it("lists codes by recoverable dollars", () => {
    expect(summary.byCode.map((c) => [c.hcpcsCode, c.totals.recoverableAmount])).toEqual([
      ["20610", 1000],
      ["99213", 412],
    ]);
  });

  it("puts each underpaid claim once on the worklist, with its lines' recoverable total", () => {
    expect(summary.worklist).toEqual([
      {
        claimKey: "C1",
        claimId: "C1",
        payer: "Acme",
        serviceDate: "2025-03-04",
        lines: 2,
        underpaidLines: 2,
        underpaidCodes: "20610, 99213",
        flags: "Underpaid",
        reason: "Underpaid: expected 10000, allowed 9000",
        expectedAmount: 19662,
        allowedAmount: 18250,
        recoverableAmount: 1412,
      },
    ]);
  });

  it("names on the worklist the underpaid codes (largest recoverable first), every flag of the claim, and why", () => {
    const mixed = summariseVariances(
      [input("C9", "Acme", "99213", 20000), input("C9", "Acme", "20610", 30000, "CO-50")],
      [reviewed("Underpaid", 9662, 9250), reviewed("Denied", 10000, 0)],
    );
    expect(mixed.worklist.map((c) => [c.underpaidCodes, c.flags, c.reason])).toEqual([
      ["99213", "Denied, Underpaid", "Underpaid: expected 9662, allowed 9250"],
    ]);
  });
});

describe("summing up a review with a reversal and its correction", () => {
  // Claim C5 reversed (charge -300.00, every amount negated) and corrected at contract.
  const withReversal = summariseVariances(
    [...inputs, input("C5", "Summit", "20610", -30000), input("C5", "Summit", "20610", 30000)],
    [...lines, reviewed("Reversed", null, -10000), reviewed("OK", 10000, 10000)],
  );

  it("counts the reversal line apart and leaves it out of both denial rates", () => {
    expect(withReversal.total).toMatchObject({ lines: 7, reversedLines: 1, deniedLines: 2 });
    expect(withReversal.total.denialRateByCount).toBe(2 / 6);
    expect(withReversal.total.denialRateByDollars).toBe(50000 / 140000);
  });

  it("keeps the reversed claim off the worklist", () => {
    expect(withReversal.worklist.map((claim) => claim.claimKey)).toEqual(["C1"]);
  });
});
