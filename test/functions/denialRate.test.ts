import { associated } from "./support/installShim";
import { denialRateResult } from "../../src/functions/denialRate";
import { excelFunctions } from "../../src/functions/functions";
import { isCustomFunctionError } from "../../src/playground/customFunctionsShim";

const { DENIAL_RATE: denialRate } = excelFunctions;

/** The error value PAYER.DENIAL_RATE gives for these arguments (code and message), failing if it gives a rate. */
function errorOf(...args: unknown[]): { code: string; message: string } {
  const result = denialRateResult(...args);
  if (!isCustomFunctionError(result)) throw new Error(`expected an error value, got ${String(result)}`);
  return { code: result.code, message: result.message };
}

// A column range as Excel passes it: TRUE/FALSE, codes as text and as numbers, blank cells, stray spaces.
const outcomes = [[true], ["CO-50"], [197], ["PR-2 CO-45"], [false], [""], [null], ["Paid  "]];

describe("PAYER.DENIAL_RATE with Excel-shaped arguments", () => {
  it("rates a column range of mixed outcomes, skipping blank cells", () => {
    expect(denialRate(outcomes)).toBe(0.5);
  });

  it("treats omitted optional arguments passed as null or undefined alike", () => {
    expect(denialRate(outcomes, null as never, null as never, null as never)).toBe(0.5);
    expect(denialRate(outcomes, undefined, undefined, undefined)).toBe(0.5);
  });

  it("reads a one-row range like a column", () => {
    expect(denialRate([["CO-50", "paid", "paid", "paid"]])).toBe(0.25);
  });

  it("reads a single cell as one line", () => {
    expect(denialRate([["CO-197"]])).toBe(1);
  });

  it("weighs by charges with basis dollars, written in any case and with spaces", () => {
    expect(denialRate([["CO-50"], ["paid"]], [[75], [25]], " Dollars ")).toBe(0.75);
  });

  it("skips a reversal row (negative charge) by dollars over a Denied Flag column, as the Outcome column does", () => {
    const charges = [[-320], [320], [80]];
    expect(denialRate([[false], [false], [true]], charges, "dollars")).toBe(0.2);
    expect(denialRate([["Reversed"], ["Paid"], ["Denied"]], charges, "dollars")).toBe(0.2);
  });

  it("uses basis count when basis is a blank cell", () => {
    expect(denialRate([["CO-50"], ["paid"]], [[75], [25]], "")).toBe(0.5);
  });

  it("rates per claim when claim ids are given", () => {
    const claimIds = [["A"], ["A"], ["B"], ["C"]];
    expect(denialRate([["paid"], ["CO-50"], ["paid"], ["paid"]], undefined, undefined, claimIds)).toBeCloseTo(
      1 / 3,
      15,
    );
  });

  it("repeats a single claim id on every line, making one claim", () => {
    expect(denialRate([["paid"], ["CO-50"], ["paid"]], undefined, undefined, [["CLM-1"]])).toBe(1);
  });

  it("is associated under the id DENIAL_RATE", () => {
    expect(associated.get("DENIAL_RATE")).toBe(denialRate);
  });
});

describe("PAYER.DENIAL_RATE errors", () => {
  it("gives #VALUE! naming the row of an outcome it cannot read", () => {
    expect(errorOf([["paid"], ["CO-50"], ["XYZ"]])).toEqual({
      code: "#VALUE!",
      message:
        "outcomes row 3: 'XYZ' is not an outcome; expected TRUE/FALSE, a status word (denied, partial, paid, pending, reversed) or adjustment codes like CO-50 or PR-2 CO-45.",
    });
  });

  it("throws the error value from the function Excel calls, as Excel expects of a single-cell result", () => {
    expect(() => denialRate([["XYZ"]])).toThrow(expect.objectContaining({ code: "#VALUE!" }));
  });

  it("gives #VALUE! for a 0/1 flag column, pointing to TRUE/FALSE", () => {
    expect(errorOf([[1], [0]]).message).toMatch(/^outcomes row 2: 0 is not an outcome; .*use TRUE\/FALSE/);
  });

  it("gives #VALUE! for an unknown basis, listing the choices", () => {
    expect(errorOf([["paid"]], null, "amount")).toEqual({
      code: "#VALUE!",
      message: `basis: 'amount' is not one of "count", "dollars"; leave it out for "count".`,
    });
  });

  it("gives #VALUE! for basis dollars without charges", () => {
    expect(errorOf([["paid"]], null, "dollars").message).toMatch(/^basis "dollars" needs charges/);
  });

  it("gives #VALUE! naming the row of a blank charge", () => {
    expect(errorOf([["paid"], ["CO-50"]], [[100], [""]], "dollars").message).toMatch(/^charges row 2 is blank/);
  });

  it("gives #VALUE! for an outcomes range of several columns", () => {
    expect(
      errorOf([
        ["CO-50", "PR-2"],
        ["paid", ""],
        ["paid", ""],
      ]),
    ).toEqual({
      code: "#VALUE!",
      message: "outcomes is 3 rows by 2 columns; give one column (or one row) of values.",
    });
  });

  it("gives #VALUE! when charges and outcomes cover different rows", () => {
    expect(errorOf([["paid"], ["paid"], ["CO-50"]], [[1], [2]], "dollars").message).toBe(
      "charges has 2 rows but outcomes has 3; give ranges covering the same rows.",
    );
  });

  it("gives #VALUE! when outcomes is missing", () => {
    expect(errorOf(null).message).toMatch(/^outcomes is required/);
  });

  it("gives #N/A when no line has an outcome, since no rate exists (ARCHITECTURE.md 4: #N/A means no answer)", () => {
    expect(errorOf([[""], ["pending"], [null]])).toEqual({
      code: "#N/A",
      message: "No line to rate: all 3 outcomes are blank, pending, reversed or void.",
    });
  });
});
