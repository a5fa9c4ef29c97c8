// A hospital contract's outpatient terms on a claim: revenue code rates, percent of charges, carve-outs taking
// precedence over the method, and lesser-of billed charges per line (DOMAIN.md 3.1). Amounts by hand.
import { Decimal } from "../../../src/engine/decimal";
import type { HcpcsCode } from "../../../src/engine/hcpcsCode";
import type { InstitutionalCarveOut } from "../../../src/engine/institutional/carveOuts";
import { issueMessage } from "../../../src/engine/issues";
import { priceOutpatientClaim, priceOutpatientClaims } from "../../../src/engine/outpatient/priceOutpatientClaim";
import type { OutpatientClaimPrice, RevenueCodeRate } from "../../../src/engine/outpatient/types";
import type { RevenueCode } from "../../../src/engine/revenueCode";
import { formatTrace } from "../../../src/engine/trace";
import { describeWithSharedData } from "../../support/sharedData";
import { claimLines, opps2025, outpatientTerms } from "./builders";

const allowed = (price: OutpatientClaimPrice) =>
  price.lines.map((line) => (line.result.ok ? line.result.value.allowedAmount : line.result.issue.code));
const rev = (code: string) => code as RevenueCode;
const noOpps = { tables: [], wageIndex: new Decimal(1) };

const RATES: readonly RevenueCodeRate[] = [
  { revenueCodeFrom: rev("0450"), revenueCodeTo: rev("0459"), rate: new Decimal("850"), basis: "per visit", sourceRowNumber: 2 }, // prettier-ignore
  { revenueCodeFrom: rev("0300"), revenueCodeTo: rev("0319"), rate: new Decimal("25"), basis: "per unit", sourceRowNumber: 3 }, // prettier-ignore
  { revenueCodeFrom: rev("0301"), revenueCodeTo: rev("0301"), rate: new Decimal("18.5"), basis: "per unit", sourceRowNumber: 4 }, // prettier-ignore
];
const rateTerms = outpatientTerms({
  method: { kind: "revenue code rates", rateTableName: "MercyOutpatientRates" },
  revenueCodeRates: RATES,
});

describe("revenue code rates", () => {
  it("pays an emergency visit once per date, however many 0450 lines: $850.00, then $0 for the second line", () => {
    const lines = claimLines({ revenueCode: "0450", hcpcsCode: "99284" }, { revenueCode: "0450", hcpcsCode: "99283" });
    expect(allowed(priceOutpatientClaim(lines, rateTerms, noOpps))).toEqual([85000, 0]);
  });

  it("pays a visit rate again on another date: $850.00 and $850.00", () => {
    const lines = claimLines(
      { revenueCode: "0450", serviceDate: "2025-03-10" },
      { revenueCode: "0450", serviceDate: "2025-03-11" },
    );
    expect(allowed(priceOutpatientClaim(lines, rateTerms, noOpps))).toEqual([85000, 85000]);
  });

  it("pays a lab rate per unit: 0305 x 3 units = 25 x 3 = $75.00", () => {
    const lines = claimLines({ revenueCode: "0305", units: 3 });
    expect(allowed(priceOutpatientClaim(lines, rateTerms, noOpps))).toEqual([7500]);
  });

  it("prefers the row for the single code over the range: 0301 x 2 units = 18.50 x 2 = $37.00", () => {
    const lines = claimLines({ revenueCode: "0301", units: 2 });
    const priced = priceOutpatientClaim(lines, rateTerms, noOpps);
    expect(allowed(priced)).toEqual([3700]);
    expect(formatTrace(priced.lines[0]?.trace ?? [])[2]).toBe(
      "3. Revenue code rate 0301 (MercyOutpatientRates row 4): 18.5 per unit",
    );
  });

  it("has no amount for a revenue code without a rate, and says so", () => {
    const lines = claimLines({ revenueCode: "0510" });
    const line = priceOutpatientClaim(lines, rateTerms, noOpps).lines[0]?.result;
    expect(line && !line.ok && issueMessage(line.issue)).toBe(
      'Contract "Mercy Hospital PPO" has no rate for revenue code 0510 in MercyOutpatientRates: add a row for it or a carve-out.',
    );
  });
});

describe("percent of charges with lesser-of", () => {
  const terms = outpatientTerms({ method: { kind: "percent of charges", percent: new Decimal("0.6") }, lesserOf: true }); // prettier-ignore

  it("pays 60% of a $1,234.56 charge: 1,234.56 x 0.6 = 740.736 -> $740.74 (lesser-of does not bind)", () => {
    const priced = priceOutpatientClaim(claimLines({ charge: "1234.56" }), terms, noOpps);
    expect(allowed(priced)).toEqual([74074]);
    expect(priced.lines[0]?.result.ok && priced.lines[0].result.value.lesserOf).toBe("not bound");
  });

  it("needs the charge", () => {
    expect(allowed(priceOutpatientClaim(claimLines({ charge: null }), terms, noOpps))).toEqual(["chargeAmountRequired"]); // prettier-ignore
  });
});

describeWithSharedData("lesser-of on a percent of OPPS", () => {
  it("pays the charge when it is lower: G0463 128.87 x 150% = 193.305 > billed $150.00, so $150.00", () => {
    const terms = outpatientTerms({ method: { kind: "percent of opps", percent: new Decimal("1.5") }, lesserOf: true });
    const priced = priceOutpatientClaim(claimLines({ hcpcsCode: "G0463", charge: "150" }), terms, opps2025());
    expect(allowed(priced)).toEqual([15000]);
    expect(priced.lines[0]?.result.ok && priced.lines[0].result.value.lesserOf).toBe("bound");
  });
});

describeWithSharedData("carve-outs beat the method", () => {
  const implants: InstitutionalCarveOut = {
    match: { kind: "revenue code", from: rev("0278"), to: rev("0278") },
    method: { kind: "percent of charges", percent: new Decimal("0.4") },
    sourceRowNumber: 5,
  };
  const terms = outpatientTerms({
    method: { kind: "percent of opps", percent: new Decimal("1.5") },
    carveOuts: [implants],
  });

  it("pays a knee implant at 40% of its $8,000.00 charge beside the J1 knee: $3,200.00 instead of packaged", () => {
    const lines = claimLines(
      { revenueCode: "0360", hcpcsCode: "27447", charge: "45000" },
      { revenueCode: "0278", hcpcsCode: "C1776", charge: "8000" },
    );
    const priced = priceOutpatientClaim(lines, terms, opps2025());
    // 27447: 12,866.82 x 1.0 x 150% = 19,300.23
    expect(allowed(priced)).toEqual([1930023, 320000]);
    expect(priced.totalAllowedAmount).toEqual({ ok: true, value: 2250023 });
  });

  it("says in the trace which carve-out row priced the line", () => {
    const lines = claimLines({ revenueCode: "0278", hcpcsCode: "C1776", charge: "8000" });
    const trace = formatTrace(priceOutpatientClaim(lines, terms, opps2025()).lines[0]?.trace ?? []);
    expect(trace.slice(2, 4)).toEqual([
      "3. Carve-out revenue code 0278 (carve-out row 5): 40% of charges",
      "4. 8000.00 x 0.4 = 3200",
    ]);
  });

  it("prices a drug by its HCPCS carve-out rather than its revenue code's: J9035 x 10 units at $80.00 = $800.00", () => {
    const drugs: InstitutionalCarveOut[] = [
      { match: { kind: "revenue code", from: rev("0630"), to: rev("0639") }, method: { kind: "percent of charges", percent: new Decimal("0.5") }, sourceRowNumber: 6 }, // prettier-ignore
      { match: { kind: "hcpcs code", from: "J0120" as HcpcsCode, to: "J9999" as HcpcsCode }, method: { kind: "rate per unit", rate: new Decimal("80") }, sourceRowNumber: 7 }, // prettier-ignore
    ];
    const lines = claimLines({ revenueCode: "0636", hcpcsCode: "J9035", units: 10, charge: "2000" });
    const priced = priceOutpatientClaim(lines, outpatientTerms({ carveOuts: drugs }), opps2025());
    expect(allowed(priced)).toEqual([80000]);
  });
});

describe("a claim's lines", () => {
  it("refuses zero units with the line number", () => {
    const lines = claimLines({ revenueCode: "0305", units: 0 });
    const line = priceOutpatientClaim(lines, rateTerms, noOpps).lines[0]?.result;
    expect(line && !line.ok && issueMessage(line.issue)).toBe(
      'Line 1: "0" is not a number of units: expected a positive number like 1 or 2.',
    );
  });

  it("totals the claim when every line is priced: $850.00 + $75.00 = $925.00", () => {
    const lines = claimLines({ revenueCode: "0450" }, { revenueCode: "0305", units: 3 });
    expect(priceOutpatientClaim(lines, rateTerms, noOpps).totalAllowedAmount).toEqual({ ok: true, value: 92500 });
  });
});

describe("several claims", () => {
  it("prices each claim id apart, in the order each first appears: C2 $850.00, C1 $850.00 + $75.00", () => {
    const lines = [
      ...claimLines({ claimId: "C2", revenueCode: "0450" }),
      ...claimLines({ claimId: "C1", revenueCode: "0450" }, { claimId: "C1", revenueCode: "0305", units: 3 }),
    ];
    const claims = priceOutpatientClaims(lines, rateTerms, noOpps);
    expect(claims.map((c) => [c.claimId, c.totalAllowedAmount.ok && c.totalAllowedAmount.value])).toEqual([
      ["C2", 85000],
      ["C1", 92500],
    ]);
  });
});
