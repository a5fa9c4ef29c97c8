// Per diem stays by level of care with day tiers, and case rates that beat the method (DOMAIN.md 3.1, CMS's
// price-transparency examples: $2,000 days 1-3, $1,800 days 4-5, $1,200 day 6+; MS-DRG 470 case rate $20,000).
import { issueMessage } from "../../../src/engine/issues";
import { priceInpatientStay } from "../../../src/engine/inpatient/priceStay";
import type { InpatientTerms } from "../../../src/engine/inpatient/terms";
import { formatTraceStep } from "../../../src/engine/traceText";
import { CMS_PER_DIEM_TIERS, aLevel, aLine, aStay, d, date, dollars, drg, someTerms, status, tiers } from "./builders";

const psychiatric = aLevel("Psychiatric", "0114", "0114", CMS_PER_DIEM_TIERS);
const medSurg = aLevel("Medical/Surgical", "0110", "0113", tiers([1, null, "2500"]));
const intensiveCare = aLevel("Intensive Care", "0200", "0209", tiers([1, 2, "5000"], [3, null, "4200"]));
const perDiem = (...levels: ReturnType<typeof aLevel>[]): InpatientTerms =>
  someTerms({ method: { kind: "per diem", levels } });
/** Per diem and percent-of-charges stays need no DRG table: none is given. */
const price = (stay: Parameters<typeof aStay>[0], terms: InpatientTerms) => {
  const priced = priceInpatientStay(aStay(stay), terms, []);
  return priced.ok ? priced.value : priced.issue;
};
const amountOf = (stay: Parameters<typeof aStay>[0], terms: InpatientTerms) => {
  const priced = price(stay, terms);
  return "amount" in priced ? priced.amount : issueMessage(priced);
};

describe("a per diem contract pays each day at its level of care's tier rate", () => {
  const sevenDays = { admitDate: date("2025-03-01"), dischargeDate: date("2025-03-08") };

  it("pays CMS's example for 7 days: 3 x $2,000 + 2 x $1,800 + 2 x $1,200 = $12,000.00", () =>
    expect(amountOf({ ...sevenDays, revenueLines: [aLine("0114", 7)] }, perDiem(psychiatric))).toBe(dollars(12_000)));

  it("pays a 2-day stay at the first tier only: 2 x $2,000 = $4,000.00", () =>
    expect(amountOf({ revenueLines: [aLine("0114", 2)] }, perDiem(psychiatric))).toBe(dollars(4_000)));

  it("pays each level on its own days: ICU 2 x $5,000 + 1 x $4,200, then med/surg 3 x $2,500 = $21,700.00", () =>
    expect(
      amountOf(
        { revenueLines: [aLine("0200", 3), aLine("0111", 3), aLine("0250", 12)] },
        perDiem(medSurg, intensiveCare),
      ),
    ).toBe(dollars(21_700)));

  it("shows each tier's days and amounts in the trace", () => {
    const priced = price({ ...sevenDays, revenueLines: [aLine("0114", 7)] }, perDiem(psychiatric));
    expect("trace" in priced && priced.trace.map(formatTraceStep)[1]).toBe(
      "Per diem, Psychiatric (revenue codes 0114), 7 days: days 1-3: 3 days x 2000 = 6000; days 4-5: 2 days x 1800 = 3600; days 6-on: 2 days x 1200 = 2400; total 12000",
    );
  });

  it("pays a stay given without revenue lines for its length of stay at the contract's one level: 7 days = $12,000.00", () =>
    expect(amountOf(sevenDays, perDiem(psychiatric))).toBe(dollars(12_000)));

  it("refuses a stay without revenue lines when the contract has several levels: the level cannot be told", () =>
    expect(amountOf(sevenDays, perDiem(medSurg, intensiveCare))).toBe(
      'Contract "Acme Hospital PPO" pays per diem by level of care, and no room-and-board revenue code of the stay (no revenue lines given) is in its levels (Medical/Surgical 0110-0113, Intensive Care 0200-0209).',
    ));

  it("refuses a stay without a room-and-board line in any level, naming the codes billed and the levels", () =>
    expect(amountOf({ revenueLines: [aLine("0250", 4)] }, perDiem(psychiatric, intensiveCare))).toBe(
      'Contract "Acme Hospital PPO" pays per diem by level of care, and no room-and-board revenue code of the stay (0250) is in its levels (Psychiatric 0114-0114, Intensive Care 0200-0209).',
    ));

  it("refuses day tiers with a gap, naming the level and the day", () => {
    const gap = aLevel("Psychiatric", "0114", "0114", tiers([1, 3, "2000"], [5, null, "1200"]));
    expect(amountOf({ revenueLines: [aLine("0114", 6)] }, perDiem(gap))).toBe(
      'Contract "Acme Hospital PPO", per diem level Psychiatric: the day tiers are not valid at day 5; each tier must start the day after the previous one ends.',
    );
  });

  it("refuses day tiers whose last tier ends, so a long stay would have unpaid days", () => {
    const closed = aLevel("Psychiatric", "0114", "0114", tiers([1, 3, "2000"], [4, 5, "1800"]));
    expect(amountOf({ revenueLines: [aLine("0114", 6)] }, perDiem(closed))).toBe(
      'Contract "Acme Hospital PPO", per diem level Psychiatric: the day tiers are not valid at day 6; its last tier must be open-ended (day N and after), so that every day of a long stay is paid.',
    );
  });
});

describe("a case rate for the stay's DRG beats the contract's method", () => {
  const caseRates = new Map([[drg("470"), { drg: drg("470"), rate: d("20000"), sourceRowNumber: 7 }]]);
  const fourDays = { admitDate: date("2025-03-01"), dischargeDate: date("2025-03-05") };

  it("pays CMS's MS-DRG 470 case rate of $20,000.00 instead of a 4-day per diem (3 x $2,000 + $1,800 = $7,800)", () =>
    expect(amountOf({ ...fourDays, revenueLines: [aLine("0114", 4)] }, { ...perDiem(psychiatric), caseRates })).toBe(
      dollars(20_000),
    ));

  it("pays the per diem of a DRG without a case rate: DRG 291, 4 days = $7,800.00", () =>
    expect(
      amountOf(
        { ...fourDays, drg: drg("291"), revenueLines: [aLine("0114", 4)] },
        { ...perDiem(psychiatric), caseRates },
      ),
    ).toBe(dollars(7_800)));

  it("does not reduce a case rate for a transfer, and says why", () => {
    const priced = price(
      { dischargeStatus: status("02"), revenueLines: [aLine("0114", 2)] },
      { ...perDiem(psychiatric), caseRates },
    );
    expect("trace" in priced && priced.trace.map(formatTraceStep).slice(1, 3)).toEqual([
      "Case rate for DRG 470 (case rate row 7): 20000, paid instead of the contract's method",
      "Discharge status 02 is a transfer, but the stay is paid its case rate, which the transfer rule does not reduce",
    ]);
  });
});
