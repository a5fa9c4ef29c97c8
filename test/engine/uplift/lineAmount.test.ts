import fc from "fast-check";
import { Decimal } from "../../../src/engine/decimal";
import { capAtBilled, upliftedLineCents, upliftFactor } from "../../../src/engine/uplift/lineAmount";

const factorOf = (fraction: string) => upliftFactor(new Decimal(fraction));

// The definition, one Decimal per line: |cents| x (1 + fraction), rounded half-up, with the line's sign.
function reference(cents: number, fraction: Decimal): number {
  const magnitude = new Decimal(Math.abs(cents)).times(fraction.plus(1)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return (cents < 0 ? magnitude.negated() : magnitude).toNumber() + 0;
}

describe("a line's amount after an uplift", () => {
  it("holds 1 + uplift as an exact fraction of integers", () => {
    expect(factorOf("0.05")).toMatchObject({ numerator: 105, denominator: 100 });
    expect(factorOf("-1")).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it("rounds half-up to the cent", () => {
    expect(upliftedLineCents(10, factorOf("0.05"))).toBe(11); // 10.5 cents
    expect(upliftedLineCents(10001, factorOf("0.05"))).toBe(10501); // 10501.05 cents
  });

  it("rounds a negative line as the mirror of the positive one", () => {
    expect(upliftedLineCents(-10, factorOf("0.05"))).toBe(-11);
  });

  it("stays exact for an uplift with many decimals, as a formula like =B1/B2 gives", () => {
    const fraction = new Decimal(String(0.1 + 0.2)); // 0.30000000000000004
    expect(upliftedLineCents(999_999_99, upliftFactor(fraction))).toBe(reference(999_999_99, fraction));
  });

  it("agrees with decimal.js on every line, for any amount and any uplift of -100% or more", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
        fc.oneof(
          fc.integer({ min: -100, max: 500 }).map((percent) => new Decimal(percent).dividedBy(100)),
          fc.double({ min: -1, max: 5, noNaN: true }).map((value) => new Decimal(String(value))),
        ),
        (cents, fraction) => upliftedLineCents(cents, upliftFactor(fraction)) === reference(cents, fraction),
      ),
      { numRuns: 2000 },
    );
  });
});

describe("lesser-of after an uplift", () => {
  it("caps the uplifted amount at the billed charge", () => {
    expect(capAtBilled(10000, 10500, 10200)).toBe(10200);
  });

  it("leaves an uplifted amount under the billed charge as it is", () => {
    expect(capAtBilled(10000, 10500, 20000)).toBe(10500);
  });

  it("never caps below the current amount of a line already paid above its charge", () => {
    expect(capAtBilled(12000, 12600, 10000)).toBe(12000);
  });

  it("caps a reversal as the mirror of its line", () => {
    expect(capAtBilled(-10000, -10500, -10200)).toBe(-10200);
    expect(capAtBilled(-10000, -10500, 10200)).toBe(-10200);
  });
});
