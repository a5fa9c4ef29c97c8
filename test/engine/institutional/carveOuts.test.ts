// Carve-outs of hospital contracts (issue 14): which carve-out prices a revenue line of an outpatient claim or an
// inpatient stay, and its amount. Amounts by hand.
import { Decimal } from "../../../src/engine/decimal";
import type { HcpcsCode } from "../../../src/engine/hcpcsCode";
import {
  findInstitutionalCarveOut,
  INSTITUTIONAL_CARVE_OUT_METHODS,
  INSTITUTIONAL_CODE_MATCHES,
  institutionalCarveOutAmount,
  type InstitutionalCarveOut,
  type InstitutionalCodeMatch,
  type InstitutionalRevenueLine,
} from "../../../src/engine/institutional/carveOuts";
import { issueMessage } from "../../../src/engine/issues";
import type { Cents } from "../../../src/engine/money";
import type { RevenueCode } from "../../../src/engine/revenueCode";
import { formatTrace } from "../../../src/engine/trace";

const rev = (code: string) => code as RevenueCode;
const hcpcs = (code: string) => code as HcpcsCode;
const revenueCodes = (from: string, to = from): InstitutionalCodeMatch => ({ kind: "revenue code", from: rev(from), to: rev(to) }); // prettier-ignore
const hcpcsCodes = (from: string, to = from): InstitutionalCodeMatch => ({ kind: "hcpcs code", from: hcpcs(from), to: hcpcs(to) }); // prettier-ignore
const atPercent = (match: InstitutionalCodeMatch, percent: string, sourceRowNumber: number): InstitutionalCarveOut => ({
  match,
  method: { kind: "percent of charges", percent: new Decimal(percent) },
  sourceRowNumber,
});
const perUnit = (match: InstitutionalCodeMatch, rate: string, sourceRowNumber: number): InstitutionalCarveOut => ({
  match,
  method: { kind: "rate per unit", rate: new Decimal(rate) },
  sourceRowNumber,
});
/** A revenue line: an inpatient stay's line has no HCPCS. */
const aRevenueLine = (revenueCode: string, hcpcsCode: string | null = null, units = 1, charge: number | null = 800000): InstitutionalRevenueLine => ({
  revenueCode: rev(revenueCode),
  hcpcsCode: hcpcsCode === null ? null : hcpcs(hcpcsCode),
  units: new Decimal(units),
  chargeAmount: charge as Cents | null,
}); // prettier-ignore

describe("which carve-out prices a revenue line", () => {
  const implants = atPercent(revenueCodes("0270", "0279"), "0.5", 2);
  const knownImplant = atPercent(revenueCodes("0278"), "0.4", 3);
  const drugs = perUnit(hcpcsCodes("J0120", "J9999"), "80", 4);
  const oneDrug = perUnit(hcpcsCodes("J9035"), "95", 5);
  const carveOuts = [implants, knownImplant, drugs, oneDrug];

  it("finds the implant carve-out for an inpatient stay's 0278 line, which has no HCPCS", () => {
    expect(findInstitutionalCarveOut(carveOuts, aRevenueLine("0278"))).toBe(knownImplant);
  });

  it("prefers a single revenue code over a range", () => {
    expect(findInstitutionalCarveOut([implants, knownImplant], aRevenueLine("0278"))).toBe(knownImplant);
    expect(findInstitutionalCarveOut([implants, knownImplant], aRevenueLine("0272"))).toBe(implants);
  });

  it("prefers a HCPCS code over the revenue code the line was billed under, and a single code over a range", () => {
    expect(findInstitutionalCarveOut([implants, drugs], aRevenueLine("0278", "J1100"))).toBe(drugs);
    expect(findInstitutionalCarveOut(carveOuts, aRevenueLine("0636", "J9035"))).toBe(oneDrug);
  });

  it("keeps the first of two equal carve-outs", () => {
    const second = atPercent(revenueCodes("0278"), "0.9", 9);
    expect(findInstitutionalCarveOut([knownImplant, second], aRevenueLine("0278"))).toBe(knownImplant);
  });

  it("does not match a HCPCS range with a code of another shape: J0120-J9999 does not hold 99213", () => {
    expect(findInstitutionalCarveOut([drugs], aRevenueLine("0510", "99213"))).toBeNull();
  });
});

describe("a carve-out's amount", () => {
  it("pays an implant at 40% of its charge: 8,000.00 x 0.4 = $3,200.00, with the carve-out row in the trace", () => {
    const priced = institutionalCarveOutAmount(
      atPercent(revenueCodes("0278"), "0.4", 3),
      aRevenueLine("0278"),
      "Mercy",
    );
    expect(priced.ok && priced.value.amount.toFixed(2)).toBe("3200.00");
    expect(priced.ok && formatTrace(priced.value.steps)).toEqual([
      "1. Carve-out revenue code 0278 (carve-out row 3): 40% of charges",
      "2. 8000.00 x 0.4 = 3200",
    ]);
  });

  it("pays a drug per unit: J9035 x 10 units at $95.00 = $950.00", () => {
    const line = aRevenueLine("0636", "J9035", 10);
    const priced = institutionalCarveOutAmount(perUnit(hcpcsCodes("J9035"), "95", 5), line, "Mercy");
    expect(priced.ok && priced.value.amount.toFixed(2)).toBe("950.00");
  });

  it("needs the charge for a percent of charges", () => {
    const line = aRevenueLine("0278", null, 1, null);
    const priced = institutionalCarveOutAmount(atPercent(revenueCodes("0278"), "0.4", 3), line, "Mercy");
    expect(!priced.ok && issueMessage(priced.issue)).toBe(
      'Contract "Mercy" prices this line as a carve-out at a percent of charges: enter the billed charge.',
    );
  });
});

describe("carve-out methods from a registry row's cells", () => {
  it("builds each method from its needed cell, and none when that cell is blank", () => {
    const cells = { percent: new Decimal("0.4"), rate: null };
    expect(INSTITUTIONAL_CARVE_OUT_METHODS["percent of charges"].fromCells(cells)?.kind).toBe("percent of charges");
    expect(INSTITUTIONAL_CARVE_OUT_METHODS["rate per unit"].fromCells(cells)).toBeNull();
  });
});

describe("carve-out codes from a registry row's cells", () => {
  const row = { contractName: "Mercy", rowNumber: 6 };
  const matchOf = (kind: InstitutionalCodeMatch["kind"], from: unknown, to: unknown) => {
    const read = INSTITUTIONAL_CODE_MATCHES[kind].fromCells(from, to, row);
    return read.ok ? `${read.value.from}-${read.value.to}` : issueMessage(read.issue);
  };

  it("reads a revenue code Excel turned into the number 278 as 0278, a blank To meaning the code alone", () => {
    expect(matchOf("revenue code", 278, "")).toBe("0278-0278");
  });

  it("reads a HCPCS range J0120 to J9999", () => {
    expect(matchOf("hcpcs code", "J0120", "J9999")).toBe("J0120-J9999");
  });

  it("refuses a reversed range and a range of two kinds of code, naming the row", () => {
    expect(matchOf("revenue code", "0279", "0270")).toBe(
      'Carve-out row 6 of "Mercy" runs from 0279 to 0270: a range needs two codes of the same kind (e.g. J0120 to J9999), the lower one first.',
    );
    expect(matchOf("hcpcs code", "90000", "J9999")).toBe(
      'Carve-out row 6 of "Mercy" runs from 90000 to J9999: a range needs two codes of the same kind (e.g. J0120 to J9999), the lower one first.',
    );
  });

  it("refuses a revenue code that is not one", () => {
    expect(matchOf("revenue code", "27A", "")).toBe(
      '"27A" is not a revenue code: expected 4 digits like 0278, 0450 or 0124.',
    );
  });
});
