// The bounds of amounts and units in an 835, where a value stops being a charge and becomes a corrupt one.
import { MAX_CLAIM_AMOUNT_CENTS, MAX_UNIT_QUANTITY } from "../../../src/formats/remit835";
import { claimAmountFromText, unitQuantityFromText } from "../../../src/formats/remit835/values";

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
