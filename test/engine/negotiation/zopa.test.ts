/**
 * A negotiation's arithmetic (issue 17 item 1): BATNA, floor, target, opening offer, the payer's likely maximum and
 * the ZOPA. Every expected figure below was worked out by hand from the inputs written beside it.
 */
import {
  computeNegotiation,
  Decimal,
  describeZopaIssue,
  type NegotiationCode,
  type NegotiationInputs,
  type NegotiationPosition,
} from "../../../src/engine";

/** Two codes earning $10,000.00 a year in all: 99213 (100 units, $6,000.00) and 99214 (40 units, $4,000.00). */
const CODES: readonly NegotiationCode[] = [
  { hcpcsCode: "99213", volume: 100, currentCents: 600_000, marketP75: new Decimal("63.50") },
  { hcpcsCode: "99214", volume: 40, currentCents: 400_000, marketP75: new Decimal("95.00") },
];

const INPUTS: NegotiationInputs = {
  alternativeFraction: 0.7,
  keptShare: 0.5,
  floor: 0.02,
  target: 0.04,
  opening: 0.07,
  payerMax: null,
};

function position(inputs: Partial<NegotiationInputs> = {}, codes = CODES): NegotiationPosition {
  const result = computeNegotiation(codes, { ...INPUTS, ...inputs });
  if (!result.ok) throw new Error(describeZopaIssue(result.issue));
  return result.value;
}

const issueOf = (inputs: Partial<NegotiationInputs>, codes = CODES) => {
  const result = computeNegotiation(codes, { ...INPUTS, ...inputs });
  return result.ok ? null : describeZopaIssue(result.issue);
};

describe("the BATNA: what the organisation keeps if the contract terminates", () => {
  it("keeps half the volume at contract amounts, $5,000.00, paid at 70%: $3,500.00, so $6,500.00 is at risk", () => {
    const p = position();
    expect([p.currentCents, p.keptRevenueCents, p.batna.revenueCents, p.batna.addedCents]).toEqual([
      1_000_000, 500_000, 350_000, -650_000,
    ]);
    expect(p.batna.fraction.toNumber()).toBe(-0.65);
  });

  it("is volume x (contract amount - alternative amount) when every patient stays: $10,000 x 30% = $3,000 at risk", () => {
    expect(position({ keptShare: 1 }).batna.addedCents).toBe(-300_000);
  });

  it("rounds each product half-up to the cent: $10,000.01 x 50% = $5,000.005 -> $5,000.01, x 70% = $3,500.007 -> $3,500.01", () => {
    const codes = [{ ...CODES[0]!, currentCents: 1_000_001, marketP75: null }];
    const p = position({ payerMax: 0.1 }, codes);
    expect([p.keptRevenueCents, p.batna.revenueCents]).toEqual([500_001, 350_001]);
  });
});

describe("the floor, the target and the opening offer", () => {
  it("are 2%, 4% and 7% of $10,000.00: $200.00, $400.00 and $700.00 added a year", () => {
    const p = position();
    expect([p.floor, p.target, p.opening].map((x) => [x.addedCents, x.revenueCents, x.fraction.toNumber()])).toEqual([
      [20_000, 1_020_000, 0.02],
      [40_000, 1_040_000, 0.04],
      [70_000, 1_070_000, 0.07],
    ]);
  });
});

describe("the payer's likely maximum", () => {
  it("moves each code up to the market's p75: 100 x $63.50 + 40 x $100.00 (already above p75) = $10,350.00, $350.00 added", () => {
    const p = position();
    expect([p.payerMaxSource, p.payerMax.addedCents, p.payerMax.fraction.toNumber()]).toEqual([
      "market",
      35_000,
      0.035,
    ]);
  });

  it("keeps a code the market has no rate for at its current revenue", () => {
    const codes = [CODES[0]!, { ...CODES[1]!, marketP75: null }];
    expect(position({}, codes).payerMax.addedCents).toBe(35_000);
  });

  it("is the user's percentage when given: 5% of $10,000.00 = $500.00, whatever the market says", () => {
    const p = position({ payerMax: 0.05 });
    expect([p.payerMaxSource, p.payerMax.addedCents]).toEqual(["input", 50_000]);
  });

  it("cannot come from a market that has no rate for any of the codes", () => {
    const codes = CODES.map((code) => ({ ...code, marketP75: null }));
    expect(issueOf({}, codes)).toBe(
      "The Benchmarks table has no dollar rate for any code of the contract's claims: enter the payer's likely maximum as a percentage instead.",
    );
  });
});

describe("the zone of possible agreement", () => {
  it("runs from the floor ($200.00) to the payer's maximum ($350.00): $150.00 wide", () => {
    const { zopa } = position();
    expect(zopa).toEqual({ kind: "zone", lowCents: 20_000, highCents: 35_000, widthCents: 15_000 });
  });

  it("starts at the BATNA when terminating pays more than the floor: kept 100% at 110% = +$1,000.00", () => {
    const { zopa } = position({ keptShare: 1, alternativeFraction: 1.1, payerMax: 0.12 });
    expect(zopa).toEqual({ kind: "zone", lowCents: 100_000, highCents: 120_000, widthCents: 20_000 });
  });

  it("does not exist when the payer's maximum ($350.00) is below the floor ($500.00 at 5%)", () => {
    const { zopa } = position({ floor: 0.05, target: 0.06 });
    expect(zopa).toEqual({ kind: "noZone", lowCents: 50_000, highCents: 35_000, widthCents: -15_000 });
  });

  it("says the opening offer of $700.00 is above the payer's likely maximum of $350.00", () => {
    expect(position().openingPlace).toBe("aboveMax");
  });

  it("says an opening offer of 3% ($300.00) is within a zone from $200.00 to $350.00", () => {
    expect(position({ target: 0.03, opening: 0.03 }).openingPlace).toBe("inZone");
  });
});

describe("inputs that are refused, with what to fix", () => {
  it("refuses a negative percentage", () => {
    expect(issueOf({ alternativeFraction: -0.1 })).toBe("Alternative amount is -10%: expected 0% or more.");
  });

  it("refuses a floor above the target", () => {
    expect(issueOf({ floor: 0.05 })).toBe(
      "The walk-away floor (5%) is above the target (4%): the floor is the least you accept, so it must not exceed the target.",
    );
  });

  it("refuses an opening offer below the target", () => {
    expect(issueOf({ opening: 0.03 })).toBe(
      "The opening offer (3%) is below the target (4%): open at or above what you aim for.",
    );
  });

  it("refuses keeping more than all of the volume", () => {
    expect(issueOf({ keptShare: 1.2 })).toBe("The share of the volume kept is 120%: expected 0% to 100%.");
  });

  it("refuses a percentage with more than 2 decimals", () => {
    expect(issueOf({ target: 0.04125 })).toBe("Target is 4.125%: give it with at most 2 decimals (for example 2.25%).");
  });

  it("refuses claims that earn nothing", () => {
    expect(issueOf({}, [{ ...CODES[0]!, currentCents: 0 }])).toMatch(/^The contract's claims add up to no revenue/);
  });
});
