/** PAYER.PAYMENT_ACCURACY and PAYER.DAYS_TO_PAY through their adapters, with arguments shaped as Excel passes them. */
import { associated } from "./support/installShim";
import { daysToPayResult } from "../../src/functions/daysToPay";
import { excelFunctions } from "../../src/functions/functions";
import { paymentAccuracyResult } from "../../src/functions/paymentAccuracy";
import { isCustomFunctionError } from "../../src/playground/customFunctionsShim";

const { PAYMENT_ACCURACY: paymentAccuracy, DAYS_TO_PAY: daysToPay } = excelFunctions;

/** The error value an adapter gives (code and message), failing if it gives a number. */
function errorOf(adapter: (...args: unknown[]) => unknown, ...args: unknown[]): { code: string; message: string } {
  const result = adapter(...args);
  if (!isCustomFunctionError(result)) throw new Error(`expected an error value, got ${String(result)}`);
  return { code: result.code, message: result.message };
}

describe("PAYER.PAYMENT_ACCURACY with Excel-shaped arguments", () => {
  const expected = [[100], [100], [100], [250], [null]];
  const allowed = [[100], [99.5], [0], [250.01], [null]];
  const outcomes = [["Paid"], ["Partial"], ["Denied"], ["Paid"], [""]];

  it("measures the non-denied lines within a cent by default: 2 of 3", () => {
    expect(paymentAccuracy(expected, allowed, null, null, outcomes)).toBeCloseTo(2 / 3, 15);
  });

  it("takes a tolerance in dollars: 50 cents takes the partial line too", () => {
    expect(paymentAccuracy(expected, allowed, 0.5, null, outcomes)).toBe(1);
  });

  it("takes a tolerance in percent of the expected amount: 1% of $100 is $1", () => {
    expect(paymentAccuracy(expected, allowed, 0, 0.01, outcomes)).toBe(1);
  });

  it("gives #VALUE! for a tolerance that is not a number, saying what it is", () => {
    expect(errorOf(paymentAccuracyResult, expected, allowed, "a dollar").message).toBe(
      "tolerance_dollars: 'a dollar' is not a number; tolerance_dollars is the largest difference, in dollars, still counted accurate; blank = 0.01.",
    );
  });

  it("measures every line with both amounts when outcomes are omitted", () => {
    expect(paymentAccuracy(expected, allowed)).toBe(0.5);
  });

  it("is associated under the id PAYMENT_ACCURACY", () => {
    expect(associated.get("PAYMENT_ACCURACY")).toBe(paymentAccuracy);
  });

  it("gives #VALUE! naming the row of an allowed amount that is text", () => {
    expect(errorOf(paymentAccuracyResult, [[100], [100]], [[100], ["denied"]])).toEqual({
      code: "#VALUE!",
      message: "allowed row 2: 'denied' is not an amount; expected a number of dollars like 125.50, or a blank cell.",
    });
  });

  it("gives #DIV/0! with a message when every line is denied", () => {
    expect(errorOf(paymentAccuracyResult, [[100]], [[0]], null, null, [["Denied"]])).toEqual({
      code: "#DIV/0!",
      message:
        "No line to measure: of 1 row, 0 are blank (no expected or no allowed amount) and 1 is denied, reversed or pending; payment accuracy needs an adjudicated line that was not denied.",
    });
  });

  it("gives #VALUE! when expected and allowed cover different rows", () => {
    expect(errorOf(paymentAccuracyResult, [[1], [2]], [[1], [2], [3]]).message).toBe(
      "allowed has 3 rows but expected has 2; give ranges covering the same rows.",
    );
  });
});

describe("PAYER.DAYS_TO_PAY with Excel-shaped arguments", () => {
  // Submitted 2025-01-02 (day 45659); paid after 10, 20 and 60 days; the last line unpaid.
  const submitted = [[45659], ["2025-01-02"], ["1/2/2025"], [45659]];
  const paid = [[45669], [45679], ["2025-03-03"], [null]];

  it("averages the days of the paid lines: (10 + 20 + 60) / 3 = 30", () => {
    expect(daysToPay(submitted, paid)).toBe(30);
  });

  it("gives the median, and a percentile written in capitals", () => {
    expect(daysToPay(submitted, paid, "median")).toBe(20);
    expect(daysToPay(submitted, paid, "P90")).toBe(52);
  });

  it("measures per claim from the latest payment: claim A 20 days, claim B 60 days", () => {
    expect(daysToPay(submitted, paid, null, [["A"], ["A"], ["B"], ["B"]])).toBe(40);
  });

  it("is associated under the id DAYS_TO_PAY", () => {
    expect(associated.get("DAYS_TO_PAY")).toBe(daysToPay);
  });

  it("gives #VALUE! for a basis it does not know, naming the percentiles it takes", () => {
    expect(errorOf(daysToPayResult, submitted, paid, "average")).toEqual({
      code: "#VALUE!",
      message: `basis: 'average' is not one of "mean", "median" or a percentile like "p90" (p0 to p100); leave it out for "mean".`,
    });
  });

  it("gives #VALUE! naming the row of a payment dated before its submission", () => {
    expect(errorOf(daysToPayResult, [[45659], [45700]], [[45669], [45690]]).message).toBe(
      "paid_dates row 2: 2025-02-02 is before the submission date 2025-02-12; check the two dates of that row.",
    );
  });

  it("gives #DIV/0! when nothing is paid yet", () => {
    expect(errorOf(daysToPayResult, [[45659]], [[null]]).code).toBe("#DIV/0!");
  });
});
