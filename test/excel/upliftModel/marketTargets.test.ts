/**
 * A "to market percentile" scenario's numbers (issue 16 item 4), without a workbook: each top-N code's target is the
 * percentile of its Benchmarks dollar rates, its uplift target / our average per unit - 1 (never a cut), codes with
 * no market rate get none and are listed, and the scenario's dollars are the engine's with the same uplift table.
 * Expected targets are worked by hand as PERCENTILE.INC defines them: rank (n - 1) x p between the sorted rates.
 */
import { computeUpliftScenario, Decimal, type HcpcsCode, type MarketRateEntry } from "../../../src/engine";
import type { MarketTable } from "../../../src/excel/benchmarks/marketTable";
import {
  computeModelNumbers,
  describeUpliftModelIssue,
  type MarketUpliftScenario,
  type ModelLines,
  type ModelNumbers,
  type UpliftModelIssue,
} from "../../../src/excel/upliftModel";

/** A dollar rate published by `payer` for any setting and billing class. */
const dollars = (rate: number | string, payer = "Acme Health", setting = "both"): MarketRateEntry => ({
  payer,
  setting,
  billingClass: null,
  unit: "dollars",
  rate: new Decimal(rate),
});

/** The Benchmarks table: 99213 at 100, 120 and 150; 99214 at 180 and 220 (Acme) plus 400 (Summit); a % rate. */
const market: MarketTable = {
  kind: "read",
  byCode: new Map<string, MarketRateEntry[]>([
    ["99213", [dollars(150), dollars(100), dollars(120)]],
    ["99214", [dollars(180), dollars(220), dollars(400, "Summit Care")]],
    ["20610", [{ ...dollars(65), unit: "percent" }]],
    ["J1100", [dollars(10, "Acme Health", "inpatient")]],
  ]),
};

/**
 * Our claims: 99214 $600 over 3 units (avg $200, ranks first), 99213 $300 over 3 units (avg $100), 20610 $100
 * (only a percent-of-charges rate), J1100 $20 over 2 units (avg $10, an inpatient rate only).
 */
const lines: ModelLines = {
  codeKind: "hcpcs",
  hcpcsCodes: ["99214", "99214", "99213", "99213", "99213", "20610", "J1100"] as HcpcsCode[],
  amountCents: [30_000, 30_000, 10_000, 10_000, 10_000, 10_000, 2_000],
  chargeCents: null,
  units: [1, 2, 1, 1, 1, 1, 2],
  tableRows: [1, 2, 3, 4, 5, 6, 7],
  tableRowCount: 7,
  withoutCode: 0,
};

const toMarket = (change: Partial<MarketUpliftScenario> = {}): MarketUpliftScenario => ({
  kind: "toMarket",
  name: "To p50",
  percentile: 50,
  payer: null,
  setting: null,
  billingClass: null,
  topN: null,
  rankBy: "revenue",
  ...change,
});

function numbersOf(scenario: MarketUpliftScenario, table: MarketTable = market): ModelNumbers {
  const numbers = computeModelNumbers(lines, [scenario], table);
  if (!numbers.ok) throw new Error(describeUpliftModelIssue(numbers.issue));
  return numbers.value;
}

function issueOf(scenario: MarketUpliftScenario, table: MarketTable = market): UpliftModelIssue {
  const numbers = computeModelNumbers(lines, [scenario], table);
  if (numbers.ok) throw new Error("expected the scenario to be refused");
  return numbers.issue;
}

/** Each code with a target: its market rate, the rates behind it, and its uplift, as text. */
function targetsOf(numbers: ModelNumbers) {
  return Object.fromEntries(
    (numbers.scenarios[0]!.market?.targets ?? []).map((t) => [
      t.hcpcsCode,
      { target: t.targetRate.toFixed(2), rates: t.rateCount, uplift: t.fraction.toFixed() },
    ]),
  );
}

describe("a scenario to a market percentile", () => {
  it("takes 99213 from our $100 a unit to the median of 100, 120 and 150 (120): a 20% uplift over 3 rates", () => {
    expect(targetsOf(numbersOf(toMarket()))["99213"]).toEqual({ target: "120.00", rates: 3, uplift: "0.2" });
  });

  it("takes p75 as rank 1.5 between 120 and 150: 135, a 35% uplift", () => {
    expect(targetsOf(numbersOf(toMarket({ percentile: 75 })))["99213"]).toMatchObject({ target: "135.00", uplift: "0.35" }); // prettier-ignore
  });

  it("proposes no cut for a code already paid above market: 99214 at $200 a unit against a 220 median gets 10%, at p0 (180) gets 0", () => {
    expect(targetsOf(numbersOf(toMarket()))["99214"]).toMatchObject({ target: "220.00", uplift: "0.1" });
    expect(targetsOf(numbersOf(toMarket({ percentile: 0 })))["99214"]).toMatchObject({ target: "180.00", uplift: "0" }); // prettier-ignore
  });

  it("keeps one payer's rates with the payer filter, in any case: Acme's 99214 median of 180 and 220 is 200 over 2 rates", () => {
    expect(targetsOf(numbersOf(toMarket({ payer: "acme health" })))["99214"]).toEqual({ target: "200.00", rates: 2, uplift: "0" }); // prettier-ignore
  });

  it("counts a rate published for an inpatient setting only when the scenario does not ask for outpatient", () => {
    expect(targetsOf(numbersOf(toMarket()))["J1100"]).toMatchObject({ target: "10.00", rates: 1 });
    expect(numbersOf(toMarket({ setting: "outpatient" })).scenarios[0]!.market?.withoutMarketRate).toContain("J1100");
  });

  it("gives no uplift to a code with only a percent-of-charges rate, and lists it", () => {
    const numbers = numbersOf(toMarket());
    expect(numbers.scenarios[0]!.market?.withoutMarketRate).toEqual(["20610"]);
    expect(numbers.scenarios[0]!.result.codes.find((c) => c.hcpcsCode === "20610")?.deltaCents).toBe(0);
  });

  it("sets targets only for the top N codes: with top 1, only 99214 is looked up", () => {
    const market1 = numbersOf(toMarket({ topN: 1 })).scenarios[0]!.market;
    expect(market1?.codesInScope).toBe(1);
    expect(Object.keys(targetsOf(numbersOf(toMarket({ topN: 1 }))))).toEqual(["99214"]);
    expect(market1?.withoutMarketRate).toEqual([]);
  });

  it("adds exactly what the engine adds with the same uplift by code: 99214 +10%, 99213 +20%, J1100 0", () => {
    const scenario = numbersOf(toMarket()).scenarios[0]!.result;
    const byHand = computeUpliftScenario({
      codes: lines.hcpcsCodes,
      amounts: lines.amountCents.map((c) => c / 100),
      volumes: lines.units,
      uplift: {
        kind: "byCode",
        rows: [
          ["99214", 0.1],
          ["99213", 0.2],
          ["J1100", 0],
        ],
      },
    });
    expect(byHand.ok && byHand.value.deltaCents).toBe(6_000 + 6_000);
    expect(scenario.deltaCents).toBe(12_000);
    expect(scenario.newCents).toBe(byHand.ok ? byHand.value.newCents : null);
  });

  it("is refused when the workbook has no Benchmarks table, saying so and that nothing was written", () => {
    const issue = issueOf(toMarket(), { kind: "absent" });
    expect(issue).toEqual({ code: "noBenchmarksTable", scenario: "To p50" });
    expect(describeUpliftModelIssue(issue)).toBe(
      'Scenario "To p50" takes its target rates from the Benchmarks table, and this workbook has none: read price-transparency files in the Benchmarks tab and write the table first. Nothing was written.',
    );
  });

  it("is refused when no top code has a market rate, naming the codes", () => {
    const issue = issueOf(toMarket({ payer: "Nobody Mutual", topN: 2 }));
    expect(describeUpliftModelIssue(issue)).toBe(
      'Scenario "To p50": none of its 2 top codes (99214, 99213) has a dollar rate in the Benchmarks table that passes its filters, so there is no p50 target to model. Nothing was written.',
    );
  });

  it("refuses a percentile above 100, saying what to give instead", () => {
    expect(describeUpliftModelIssue(issueOf(toMarket({ percentile: 101 })))).toBe(
      'Scenario "To p50": the market percentile 101 is not from 0 to 100; give 50 for the median (p50) or 75 for p75.',
    );
  });
});
