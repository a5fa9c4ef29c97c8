import { Decimal } from "../../src/engine/decimal";
import { centsToDollars, formatCents, roundedCents, toCents, type Cents } from "../../src/engine/money";

describe("money in cents", () => {
  it("rounds half a cent up", () => expect(toCents(new Decimal("90.865"))).toBe(9087));
  it("rounds below half a cent down", () => expect(toCents(new Decimal("90.86499999"))).toBe(9086));
  it("keeps whole cents exactly", () => expect(toCents(new Decimal("1339.81"))).toBe(133981));
  it("formats cents as dollars with two places", () => expect(formatCents(9087 as Cents)).toBe("90.87"));
  it("gives dollars as a number at the Excel boundary", () => expect(centsToDollars(133981 as Cents)).toBe(1339.81));
  it("says when an amount rounded down lies above its cents", () =>
    expect(roundedCents(new Decimal("106.9249"))).toEqual({ cents: 10692, aboveCents: true }));
  it("says when an amount rounded up lies below its cents", () =>
    expect(roundedCents(new Decimal("90.865"))).toEqual({ cents: 9087, aboveCents: false }));
});
