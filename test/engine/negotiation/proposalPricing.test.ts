// Proposals priced over claim lines: year 1 is PAYER.UPLIFT_SCENARIO on the same lines (the function's own
// implementation is called), the term compounds the escalator exactly, one rounding per year.
import "../../functions/support/installShim";
import Papa from "papaparse";
import { Decimal } from "../../../src/engine/decimal";
import type { Cents } from "../../../src/engine/money";
import {
  conversionFactorFraction,
  describeProposalIssue,
  priceProposal,
  termYears,
  type ProposalTerms,
} from "../../../src/engine/negotiation";
import { upliftScenarioResult } from "../../../src/functions/upliftScenario";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";

/** A proposal's terms with defaults: 3% across the board, no escalator, one year. */
const aProposal = (overrides: Partial<ProposalTerms> = {}): ProposalTerms => ({
  kind: "acrossTheBoard",
  upliftFraction: new Decimal("0.03"),
  topN: null,
  perCodeRates: null,
  oldConversionFactor: null,
  newConversionFactor: null,
  escalatorFraction: null,
  termYears: 1,
  ...overrides,
});
const noTables = () => null;
const column = (values: readonly unknown[]) => values.map((v) => [v]);

describeWithSharedData("a proposal's year-1 dollars on the Tuva synthetic professional claims", () => {
  let codes: string[] = [];
  let allowed: number[] = [];
  beforeAll(() => {
    const parsed = Papa.parse<{ claim_type: string; hcpcs_code: string; allowed_amount: string }>(
      readSharedData("claims/tuva-synthetic/medical_claim.csv"),
      { header: true, skipEmptyLines: true },
    );
    const lines = parsed.data.filter((l) => l.claim_type === "professional");
    codes = lines.map((l) => l.hcpcs_code);
    allowed = lines.map((l) => Number(l.allowed_amount));
  });

  /** PAYER.UPLIFT_SCENARIO's delta for these uplift and top_n arguments, as Excel would pass them. */
  const payerDelta = (uplift: unknown[][], topN: number | null) =>
    (upliftScenarioResult(column(codes), column(allowed), uplift, topN, null, null, null, "delta") as number[][])[0]![0]!; // prettier-ignore
  const year1 = (terms: ProposalTerms) => {
    const priced = priceProposal(terms, { codes, amounts: allowed, billed: null }, noTables);
    if (!priced.ok) throw new Error(describeProposalIssue(priced.issue));
    return priced.value.years[0]!.addedCents / 100;
  };

  it("prices 3% across the board as PAYER.UPLIFT_SCENARIO does", () => {
    expect(year1(aProposal())).toBe(payerDelta([[0.03]], null));
  });

  it("prices 5% on the top 20 codes as PAYER.UPLIFT_SCENARIO does", () => {
    const terms = aProposal({ kind: "topN", upliftFraction: new Decimal("0.05"), topN: 20 });
    expect(year1(terms)).toBe(payerDelta([[0.05]], 20));
  });

  it("prices a per-code list as PAYER.UPLIFT_SCENARIO does with the same two-column table", () => {
    const terms = aProposal({ kind: "perCode", perCodeRates: "99213:5%; 99214:4%; *:1%" });
    expect(year1(terms)).toBe(
      payerDelta(
        [
          ["99213", 0.05],
          ["99214", 0.04],
          ["*", 0.01],
        ],
        null,
      ),
    );
  });

  it("prices a per-code table named in the cell from the table's rows", () => {
    const rows = [
      ["99213", 0.05],
      ["99214", 0.04],
    ];
    const priced = priceProposal(
      aProposal({ kind: "perCode", perCodeRates: "UpliftRates" }),
      { codes, amounts: allowed, billed: null },
      (name) => (name === "UpliftRates" ? rows : null),
    );
    expect(priced.ok && priced.value.years[0]!.addedCents / 100).toBe(payerDelta(rows, null));
  });

  it("prices a conversion-factor change as PAYER.UPLIFT_SCENARIO does with its equivalent fraction", () => {
    const terms = aProposal({ kind: "conversionFactor", oldConversionFactor: new Decimal("33.4009"), newConversionFactor: new Decimal("36") }); // prettier-ignore
    const fraction = conversionFactorFraction(new Decimal("33.4009"), new Decimal("36")).toNumber();
    expect(year1(terms)).toBe(payerDelta([[fraction]], null));
  });

  it("gives every line of a conversion-factor change the cents of amount x new / old, rounded half-up", () => {
    const [oldCf, newCf] = [334009n, 360000n]; // 33.4009 -> 36.0000, in ten-thousandths
    const exact = allowed.reduce((sum, dollars) => {
      const cents = BigInt(Math.round(dollars * 100));
      const sign = cents < 0n ? -1n : 1n;
      const magnitude = cents * sign;
      return sum + sign * ((2n * magnitude * newCf + oldCf) / (2n * oldCf)) - cents;
    }, 0n);
    const terms = aProposal({ kind: "conversionFactor", oldConversionFactor: new Decimal("33.4009"), newConversionFactor: new Decimal("36") }); // prettier-ignore
    expect(Math.round(year1(terms) * 100)).toBe(Number(exact));
  });
});

describe("a conversion-factor change's equivalent fraction", () => {
  it("is new / old - 1, rounded up at the 15th decimal", () => {
    // 36 / 33.4009 - 1 = 0.07781526845085013... as an exact fraction.
    expect(conversionFactorFraction(new Decimal("33.4009"), new Decimal("36")).toFixed()).toBe("0.077815268450851");
    expect(conversionFactorFraction(new Decimal("34"), new Decimal("35.70")).toFixed()).toBe("0.05");
  });

  it("rounds a line whose exact new amount ends in half a cent up, as the engine rounds every line", () => {
    // 3 cents x 7 / 6 = 3.5 cents exactly: half-up gives 4.
    const terms = aProposal({ kind: "conversionFactor", oldConversionFactor: new Decimal(6), newConversionFactor: new Decimal(7) }); // prettier-ignore
    const priced = priceProposal(terms, { codes: ["99213"], amounts: [0.03], billed: null }, noTables);
    expect(priced.ok && priced.value.scenario.newCents).toBe(4);
  });
});

describe("a proposal over its term", () => {
  it("compounds the escalator on the year-1 revenue, rounding each year to the cent once", () => {
    // $1,000.00 today, $1,050.00 in year 1; 3% a year: 1,081.50 and 1,113.945 -> 1,113.95.
    expect(termYears(100000 as Cents, 105000 as Cents, new Decimal("0.03"), 3)).toEqual([
      { year: 1, newCents: 105000, addedCents: 5000 },
      { year: 2, newCents: 108150, addedCents: 8150 },
      { year: 3, newCents: 111395, addedCents: 11395 },
    ]);
  });

  it("keeps exact decimals over ten years: 2.75% compounded nine times", () => {
    // 1,000.01 x 1.0275^9 = 1,276.558782576... (as an exact fraction), rounded to 1,276.56.
    const years = termYears(100000 as Cents, 100001 as Cents, new Decimal("0.0275"), 10);
    expect(years[9]).toEqual({ year: 10, newCents: 127656, addedCents: 27656 });
  });

  it("sums the added dollars of every year over the term", () => {
    const priced = priceProposal(
      aProposal({ upliftFraction: new Decimal("0.05"), escalatorFraction: new Decimal("0.03"), termYears: 3 }),
      { codes: ["99213", "99214"], amounts: [400, 600], billed: null },
      noTables,
    );
    expect(priced.ok && priced.value.termAddedCents).toBe(5000 + 8150 + 11395);
  });

  it("adds the escalator's dollars even when year 1 adds nothing", () => {
    const priced = priceProposal(
      aProposal({ upliftFraction: new Decimal(0), escalatorFraction: new Decimal("0.02"), termYears: 2 }),
      { codes: ["99213"], amounts: [1000], billed: null },
      noTables,
    );
    expect(priced.ok && priced.value.years.map((y) => y.addedCents)).toEqual([0, 2000]);
  });

  it("refuses a term outside 1 to 10 years", () => {
    const priced = priceProposal(aProposal({ termYears: 11 }), { codes: ["99213"], amounts: [1], billed: null }, noTables); // prettier-ignore
    expect(!priced.ok && describeProposalIssue(priced.issue)).toBe("The term is 11 years; give a whole number of years from 1 to 10."); // prettier-ignore
  });

  it("says which cell a kind of proposal needs when it is blank", () => {
    const priced = priceProposal(aProposal({ kind: "topN", topN: null }), { codes: ["99213"], amounts: [1], billed: null }, noTables); // prettier-ignore
    expect(!priced.ok && describeProposalIssue(priced.issue)).toBe("This kind of proposal needs a number of top codes like 20."); // prettier-ignore
  });
});
