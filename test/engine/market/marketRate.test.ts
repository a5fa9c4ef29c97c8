/** PAYER.MARKET_RATE's rule: a percentile of a code's dollar rates, filtered by payer, setting and billing class. */
import { Decimal, marketRate, marketRateIssueMessage, percentileFraction } from "../../../src/engine";
import type { MarketRateEntry, MarketRateQuery } from "../../../src/engine";

const aRate = (overrides: Partial<Omit<MarketRateEntry, "rate">> & { rate: number }): MarketRateEntry => ({
  payer: "Platform Health Insurance",
  setting: "outpatient",
  billingClass: "professional",
  unit: "dollars",
  ...overrides,
  rate: new Decimal(String(overrides.rate)),
});
const aQuery = (overrides: Partial<MarketRateQuery> = {}): MarketRateQuery => ({
  code: "70551",
  fraction: new Decimal("0.5"),
  payer: null,
  setting: null,
  billingClass: null,
  ...overrides,
});
const answer = (entries: MarketRateEntry[], query: MarketRateQuery) => {
  const result = marketRate(entries, query);
  return result.ok ? result.value.toFixed(2) : marketRateIssueMessage(result.issue);
};

describe("the market rate of a code", () => {
  const market = [
    aRate({ rate: 400 }),
    aRate({ rate: 250, payer: "Aetna" }),
    aRate({ rate: 310.5, payer: "AETNA", setting: "both" }),
    aRate({ rate: 520, setting: "inpatient", billingClass: "institutional" }),
    aRate({ rate: 70.5, unit: "percent" }),
  ];

  it("is the percentile of its dollar rates, percent rates left out: the median of 250, 310.50, 400, 520 is 355.25", () => {
    expect(answer(market, aQuery())).toBe("355.25");
  });

  it("rounds the percentile half-up to the cent once: the 10th of 250, 310.50, 400, 520 is 268.15", () => {
    expect(answer(market, aQuery({ fraction: new Decimal("0.1") }))).toBe("268.15");
  });

  it("keeps one payer's rates, whatever the case of its name", () => {
    expect(answer(market, aQuery({ payer: "aetna" }))).toBe("280.25");
  });

  it("counts a rate published for both settings in either setting", () => {
    expect(answer(market, aQuery({ setting: "outpatient" }))).toBe("310.50");
  });

  it("counts a rate with no billing class for either class", () => {
    const entries = [aRate({ rate: 100, billingClass: null }), aRate({ rate: 300, billingClass: "institutional" })];
    expect(answer(entries, aQuery({ billingClass: "professional" }))).toBe("100.00");
  });

  it("answers that there is no dollar rate, and how many percent rates were left out", () => {
    const entries = [aRate({ rate: 70.5, unit: "percent" }), aRate({ rate: 65, unit: "percent" })];
    expect(answer(entries, aQuery())).toBe(
      "no dollar rate for code 70551 in the Benchmarks table (2 percent rates left out).",
    );
  });

  it("says the filters left no rate when they did", () => {
    expect(answer(market, aQuery({ payer: "Cigna" }))).toBe(
      "no dollar rate for code 70551 in the Benchmarks table for that payer, setting and billing class (0 percent rates left out).",
    );
  });
});

describe("the percentile argument", () => {
  const read = (value: number) => {
    const result = percentileFraction(value);
    return result.ok ? result.value.toString() : result.issue.code;
  };

  it("takes a fraction from 0 to 1 as PERCENTILE.INC does", () => {
    expect(read(0.9)).toBe("0.9");
    expect(read(0)).toBe("0");
  });

  it("takes a whole percent above 1 up to 100: 25 is the 25th percentile", () => {
    expect(read(25)).toBe("0.25");
    expect(read(100)).toBe("1");
  });

  it("refuses 1, which could be the 1st percentile or 100%", () => {
    expect(read(1)).toBe("percentileAmbiguous");
  });

  it("refuses a percentile below 0 or above 100", () => {
    expect(read(-0.1)).toBe("percentileOutOfRange");
    expect(read(101)).toBe("percentileOutOfRange");
  });
});
