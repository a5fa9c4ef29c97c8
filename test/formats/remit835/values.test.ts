// The bounds of amounts and units in an 835, where a value stops being a charge and becomes a corrupt one.
import { MAX_CLAIM_AMOUNT_CENTS, MAX_UNIT_QUANTITY } from "../../../src/formats/remit835";
import {
  claimAmountFromText,
  dayCountFromText,
  drgWeightFromText,
  isRemarkCode,
  MAX_DAY_COUNT,
  reimbursementRateFromText,
  unitQuantityFromText,
} from "../../../src/formats/remit835/values";

describe("line and claim amounts", () => {
  it("accepts $100,000,000.00, the largest amount one line or claim may carry", () => {
    expect(claimAmountFromText("100000000.00")).toBe(MAX_CLAIM_AMOUNT_CENTS);
  });

  it("accepts a reversal of $100,000,000.00", () => {
    expect(claimAmountFromText("-100000000")).toBe(-MAX_CLAIM_AMOUNT_CENTS);
  });

  it.each(["100000000.01", "-100000000.01", "9999999999999", "1e20"])("refuses %s", (text) => {
    expect(claimAmountFromText(text)).toBeNull();
  });
});

describe("units", () => {
  it("accepts 100,000 units, the most one line may carry", () => {
    expect(unitQuantityFromText("100000", false)).toBe(MAX_UNIT_QUANTITY);
  });

  it("accepts 0 units, which a denied line pays", () => {
    expect(unitQuantityFromText("0", false)).toBe(0);
  });

  it("accepts fractional units such as 1.5 hours", () => {
    expect(unitQuantityFromText("1.5", false)).toBe(1.5);
  });

  it("accepts negative units on a reversal", () => {
    expect(unitQuantityFromText("-1", true)).toBe(-1);
  });

  it.each([
    ["100000.5", false],
    ["-1", false],
    ["-100001", true],
    [`1${"0".repeat(400)}`, true],
    ["1e3", false],
    ["two", false],
  ])("refuses %s (negative allowed: %s)", (text, negativeAllowed) => {
    expect(unitQuantityFromText(text, negativeAllowed)).toBeNull();
  });
});

describe("institutional values (CLP12, MIA01/MIA03, MOA01, remark codes)", () => {
  it.each([
    ["1.9289", 1.9289],
    [".5", 0.5],
    ["28.0239", 28.0239],
    ["100", 100],
  ])("reads DRG weight %s as %d", (text, weight) => expect(drgWeightFromText(text)).toBe(weight));

  it.each(["0", "0.0000", "100.0001", "-1.2", "1e2", "1,9289", ""])("refuses DRG weight %p", (text) =>
    expect(drgWeightFromText(text)).toBeNull(),
  );

  it("accepts 9,999 days, the most one stay may count, and refuses 10,000", () =>
    expect([dayCountFromText(String(MAX_DAY_COUNT), false), dayCountFromText("10000", false)]).toEqual([MAX_DAY_COUNT, null])); // prettier-ignore

  it("refuses a fraction of a day and negative days outside a reversal", () =>
    expect([dayCountFromText("2.5", false), dayCountFromText("-2", false), dayCountFromText("-2", true)]).toEqual([null, null, -2])); // prettier-ignore

  it.each([
    ["0.8", 0.8],
    ["1", 1],
    ["0", 0],
  ])("reads reimbursement rate %s as the fraction %d", (text, rate) =>
    expect(reimbursementRateFromText(text)).toBe(rate),
  );

  it.each(["80", "1.01", "-0.5", "80%"])("refuses reimbursement rate %p, which is not a fraction from 0 to 1", (text) =>
    expect(reimbursementRateFromText(text)).toBeNull(),
  );

  it.each([
    ["MA01", true],
    ["N130", true],
    ["M15", true],
    ["remark_code1", false],
    ["N 130", false],
  ])("takes %p as a remark code: %p", (text, isCode) => expect(isRemarkCode(text)).toBe(isCode));
});
