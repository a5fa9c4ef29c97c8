/**
 * The uplift that takes a code to a market rate (issue 16 item 4): target / our current average paid per unit - 1,
 * never a cut, exact decimals rounded half-up to 6 places (the most the model sheet's line formula carries).
 * Expected fractions are worked by hand.
 */
import { Decimal } from "../../../src/engine/decimal";
import { MARKET_UPLIFT_DECIMALS, upliftToMarket, type MarketUplift } from "../../../src/engine/uplift/marketUplift";

/** The fraction as text, failing the test when there is none. */
function fractionOf(uplift: MarketUplift): string {
  if (uplift.kind !== "toTarget") throw new Error(`expected an uplift, got ${uplift.kind}`);
  return uplift.fraction.toFixed();
}

describe("the uplift to a market rate", () => {
  it("takes a code paid $100 a unit to a $120 market median with a 20% uplift", () => {
    expect(fractionOf(upliftToMarket(new Decimal(120), 10_000, 1))).toBe("0.2");
  });

  it("divides what we are paid by the units it pays for: $500 for 4 units is $125 a unit, 150/125 - 1 = 20%", () => {
    const uplift = upliftToMarket(new Decimal(150), 50_000, 4);
    expect(uplift).toMatchObject({ kind: "toTarget" });
    expect(uplift.kind === "toTarget" && uplift.averageRate.toFixed()).toBe("125");
    expect(fractionOf(uplift)).toBe("0.2");
  });

  it("proposes no cut for a code already paid above market: $100 against a $90 market rate is 0", () => {
    expect(fractionOf(upliftToMarket(new Decimal(90), 10_000, 1))).toBe("0");
  });

  it("gives 0 for a code paid exactly the market rate", () => {
    expect(fractionOf(upliftToMarket(new Decimal("98.98"), 9_898, 1))).toBe("0");
  });

  it("rounds a repeating fraction to 6 decimals: $100 against $30 is 2.333333", () => {
    expect(MARKET_UPLIFT_DECIMALS).toBe(6);
    expect(fractionOf(upliftToMarket(new Decimal(100), 3_000, 1))).toBe("2.333333");
  });

  it("rounds an exact half at the 7th decimal up: $20,000.01 against $20,000.00 is 0.0000005, so 0.000001", () => {
    expect(fractionOf(upliftToMarket(new Decimal("20000.01"), 2_000_000, 1))).toBe("0.000001");
  });

  it("gives no uplift when the code has no units to divide by", () => {
    expect(upliftToMarket(new Decimal(120), 10_000, 0)).toEqual({ kind: "noCurrentRate" });
  });

  it("gives no uplift when nothing was paid for the code (a rate of ours of $0 cannot be raised by a percent)", () => {
    expect(upliftToMarket(new Decimal(120), 0, 3)).toEqual({ kind: "noCurrentRate" });
  });
});
