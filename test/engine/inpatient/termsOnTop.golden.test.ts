// The terms on top of an inpatient method, priced by hand: stop-loss (CMS's example: claims over $200,000 paid at 50%
// of charges; DOMAIN.md 3.1), an outlier with a fixed-loss threshold, percent of charges and lesser-of.
import { priceInpatientStay } from "../../../src/engine/inpatient/priceStay";
import type { InpatientTerms } from "../../../src/engine/inpatient/terms";
import { formatTrace, formatTraceStep } from "../../../src/engine/traceText";
import { describeWithSharedData } from "../../support/sharedData";
import { aStay, d, date, dollars, drg, realDrgTables, someTerms, status } from "./builders";

describeWithSharedData("stop-loss protects the hospital on a stay whose charges exceed a threshold", () => {
  const tables = realDrgTables();
  const priced = (charges: number, terms: Partial<InpatientTerms>) => {
    const result = priceInpatientStay(aStay({ totalCharges: dollars(charges) }), someTerms(terms), tables);
    if (!result.ok) throw new Error(result.issue.code);
    return result.value;
  };
  const firstDollar = { stopLoss: { kind: "first dollar", threshold: dollars(200_000), percent: d("0.5") } } as const;
  const secondDollar = { stopLoss: { kind: "second dollar", threshold: dollars(100_000), percent: d("0.6") } } as const;

  it("pays a first-dollar stop-loss claim of $250,000 at 50% of all charges: $125,000.00 instead of DRG 470's $19,289.00", () =>
    expect(priced(250_000, firstDollar).amount).toBe(dollars(125_000)));

  it("leaves a claim of exactly $200,000 at the DRG payment (stop-loss is for claims over the threshold): $19,289.00", () =>
    expect(priced(200_000, firstDollar).amount).toBe(dollars(19_289)));

  it("adds a second-dollar stop-loss on the excess only: $19,289.00 + ($150,000 - $100,000) x 60% = $49,289.00", () =>
    expect(priced(150_000, secondDollar).amount).toBe(dollars(49_289)));

  it("says in the trace what a second-dollar stop-loss added", () =>
    expect(priced(150_000, secondDollar).trace.map(formatTraceStep)[3]).toBe(
      "Second-dollar stop-loss at 60% over 100000.00: 19289 + (150000.00 - 100000.00) x 0.6 = 49289",
    ));

  it("says in the trace that a first-dollar stop-loss paid the whole claim at its percent", () =>
    expect(priced(250_000, firstDollar).trace.map(formatTraceStep)[3]).toBe(
      "First-dollar stop-loss at 50% over 200000.00: total charges 250000.00 exceed it, the whole claim is paid 250000.00 x 0.5 = 125000 instead of 19289",
    ));

  it("adds an outlier above payment + fixed loss: ($100,000 - ($19,289 + $40,397)) x 80% = $32,251.20, total $51,540.20", () =>
    expect(priced(100_000, { outlier: { fixedLossThreshold: dollars(40_397), percent: d("0.8") } }).amount).toBe(
      dollars(51_540.2),
    ));

  it("adds no outlier when the charges stay under payment + fixed loss ($59,686): $19,289.00", () =>
    expect(priced(59_000, { outlier: { fixedLossThreshold: dollars(40_397), percent: d("0.8") } }).amount).toBe(
      dollars(19_289),
    ));
});

describeWithSharedData("lesser-of caps an inpatient payment at the claim's total charges", () => {
  const tables = realDrgTables();
  const amountOf = (charges: number, terms: Partial<InpatientTerms>) => {
    const result = priceInpatientStay(aStay({ totalCharges: dollars(charges) }), someTerms(terms), tables);
    return result.ok ? result.value.amount : result.issue;
  };
  const percentOfCharges = { method: { kind: "percent of charges", percent: d("0.55") }, lesserOf: true } as const;

  it("pays 55% of charges of $30,000.00 = $16,500.00, under the charges so lesser-of does not bind", () =>
    expect(amountOf(30_000, percentOfCharges)).toBe(dollars(16_500)));

  it("pays 55% of charges of $12,345.67 = 6,790.1185, rounded once to $6,790.12", () =>
    expect(amountOf(12_345.67, percentOfCharges)).toBe(dollars(6_790.12)));

  it("pays the charges of $15,000.55 when DRG 470's $19,289.00 is more and the contract has lesser-of", () =>
    expect(amountOf(15_000.55, { lesserOf: true })).toBe(dollars(15_000.55)));

  it("pays DRG 470's $19,289.00 above charges of $15,000.55 when the contract has no lesser-of", () =>
    expect(amountOf(15_000.55, { lesserOf: false })).toBe(dollars(19_289)));
});

describeWithSharedData("every rule of an inpatient stay is in its trace", () => {
  it("explains a special-pay transfer with an outlier, a second-dollar stop-loss and lesser-of, step by step", () => {
    const stay = aStay({
      drg: drg("029"),
      dischargeStatus: status("03"),
      admitDate: date("2025-11-03"),
      dischargeDate: date("2025-11-04"),
      totalCharges: dollars(150_000),
    });
    const terms = someTerms({
      lesserOf: true,
      outlier: { fixedLossThreshold: dollars(40_397), percent: d("0.8") },
      stopLoss: { kind: "second dollar", threshold: dollars(100_000), percent: d("0.6") },
    });
    const priced = priceInpatientStay(stay, terms, realDrgTables());
    expect(priced.ok && formatTrace(priced.value.trace)).toEqual([
      "1. Inpatient stay, contract Acme Hospital PPO (registry row 2): MS-DRG; DRG 029, admitted 2025-11-03, discharged 2025-11-04, length of stay 1 day (from the dates), total charges 150000.00, discharge status 03",
      "2. MS-DRG 029 in MS-DRG weights FY2026 (FY2026, the fiscal year of discharge date 2025-11-04; its row 28): weight 3.4116, GMLOS 4.7, post-acute transfer DRG with special pay",
      "3. Base rate 10000 x weight 3.4116 = 34116",
      "4. Transfer (discharge status 03, post-acute care transfer, special pay DRG): per diem 34116 / GMLOS 4.7 = 7258.723404...; 50% of 34116 + 50% of per diem x 2 days = 24316.723404...; paid: 24316.723404...",
      "5. Outlier: (total charges 150000.00 - (payment 24316.723404... + fixed loss 40397.00)) x 0.8 = 68229.021276... added: 92545.744680...",
      "6. Second-dollar stop-loss at 60% over 100000.00: 92545.744680... + (150000.00 - 100000.00) x 0.6 = 122545.744680...",
      "7. Lesser-of: billed charge 150000.00 is not less than 122545.7446808510638297872340425531914894, so it does not bind",
      "8. Expected allowed amount, rounded half-up to cents: 122545.74",
    ]);
  });
});
