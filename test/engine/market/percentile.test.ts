/**
 * Percentiles of market rates as Excel's PERCENTILE.INC and PERCENTRANK.INC (DOMAIN.md 5.3), worked by hand so that
 * the Benchmarks sheet's native formulas and PAYER.MARKET_RATE can be held to the same numbers.
 */
import { Decimal, exactPercentileInc, exactPercentRankInc } from "../../../src/engine";

const rates = (...values: number[]) => values.map((value) => new Decimal(String(value)));
const p = (fraction: number) => new Decimal(String(fraction));

describe("a percentile of rates, as PERCENTILE.INC", () => {
  it("interpolates at rank (n - 1) x p: the 90th of 10, 20, 30, 40 is at rank 2.7, so 30 + 0.7 x 10 = 37", () => {
    expect(exactPercentileInc(rates(10, 20, 30, 40), p(0.9))?.toString()).toBe("37");
  });

  it("sorts the rates first: the 25th of 400, 100, 175, 150 is at rank 0.75 of 100, 150, 175, 400, so 137.5", () => {
    expect(exactPercentileInc(rates(400, 100, 175, 150), p(0.25))?.toString()).toBe("137.5");
  });

  it("leaves the rates given in their order", () => {
    const given = rates(400, 100, 175);
    exactPercentileInc(given, p(0.5));
    expect(given.map(String)).toEqual(["400", "100", "175"]);
  });

  it("gives the lowest rate at 0 and the highest at 1", () => {
    expect(exactPercentileInc(rates(98.98, 400, 123.45), p(0))?.toString()).toBe("98.98");
    expect(exactPercentileInc(rates(98.98, 400, 123.45), p(1))?.toString()).toBe("400");
  });

  it("gives the one rate there is at any percentile", () => {
    expect(exactPercentileInc(rates(123.45), p(0.75))?.toString()).toBe("123.45");
  });

  it("is exact where binary floating point is not: the median of 0.1 and 0.2 is 0.15", () => {
    expect(exactPercentileInc(rates(0.1, 0.2), p(0.5))?.toString()).toBe("0.15");
  });

  it("has no percentile of no rates", () => {
    expect(exactPercentileInc([], p(0.5))).toBeNull();
  });
});

describe("the position of a rate among rates, as PERCENTRANK.INC", () => {
  const rankOf = (values: Decimal[], x: number) => {
    const rank = exactPercentRankInc(values, new Decimal(String(x)));
    return rank.kind === "rank" ? rank.rank.toString() : rank.kind;
  };

  it("ranks a rate that is one of the rates by the rates below it over n - 1: 4 among 1..5 is 3 / 4", () => {
    expect(rankOf(rates(5, 4, 3, 2, 1), 4)).toBe("0.75");
  });

  it("interpolates between the rates around it: 2.5 among 1..5 is (1 + 0.5) / 4 = 0.375", () => {
    expect(rankOf(rates(1, 2, 3, 4, 5), 2.5)).toBe("0.375");
  });

  it("ranks a repeated rate by its first place and interpolates from its last: 2 is 0.25 and 2.5 is 0.875 among 1, 2, 2, 2, 3", () => {
    expect(rankOf(rates(1, 2, 2, 2, 3), 2)).toBe("0.25");
    expect(rankOf(rates(1, 2, 2, 2, 3), 2.5)).toBe("0.875");
  });

  it("truncates to three digits as Excel does: 3.9999 among 1..4 is 0.99996..., shown 0.999, not 1", () => {
    expect(rankOf(rates(1, 2, 3, 4), 3.9999)).toBe("0.999");
    expect(rankOf(rates(1, 2, 3, 4), 2)).toBe("0.333");
  });

  it("is the inverse of the percentile: the rate at the 62.5th percentile ranks 0.625", () => {
    const values = rates(90, 110, 140, 200, 260);
    const at = exactPercentileInc(values, p(0.625))!;
    expect(rankOf(values, at.toNumber())).toBe("0.625");
  });

  it("ranks a single rate 1 when it is that rate", () => {
    expect(rankOf(rates(400), 400)).toBe("1");
  });

  it("says when a rate is below the lowest or above the highest, where Excel answers #N/A", () => {
    expect(rankOf(rates(100, 200), 99.99)).toBe("belowAll");
    expect(rankOf(rates(100, 200), 200.01)).toBe("aboveAll");
    expect(rankOf([], 1)).toBe("noValues");
  });
});
