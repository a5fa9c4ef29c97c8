import { associated } from "./support/installShim";
import { excelFunctions } from "../../src/functions/functions";
import { upliftScenarioResult } from "../../src/functions/upliftScenario";
import { isCustomFunctionError } from "../../src/playground/customFunctionsShim";

const { UPLIFT_SCENARIO: upliftScenario } = excelFunctions;

/** The error value PAYER.UPLIFT_SCENARIO gives for these arguments, failing if it gives a result. */
function errorOf(...args: unknown[]): { code: string; message: string } {
  const result = upliftScenarioResult(...args);
  if (!isCustomFunctionError(result)) throw new Error(`expected an error value, got ${JSON.stringify(result)}`);
  return { code: result.code, message: result.message };
}

// A claims range as Excel passes it: codes as numbers and text, an anesthesia code that lost its zeros, a blank row.
const codes = [[99213], ["99214"], ["99213"], [99214], [""], [100]];
const allowed = [[100], [300], [100], [300], [null], [50.5]];

describe("PAYER.UPLIFT_SCENARIO with Excel-shaped arguments", () => {
  it("gives the added dollars of an uplift on every code by default", () => {
    expect(upliftScenario(codes, allowed, [[0.05]])).toEqual([[42.53]]); // 5 + 15 + 5 + 15 + 2.525 -> 2.53
  });

  it("gives the added dollars of the top N codes only", () => {
    expect(upliftScenario(codes, allowed, [[0.05]], 1)).toEqual([[30]]);
  });

  it("treats omitted optional arguments passed as null or undefined alike", () => {
    const omitted = null as never;
    expect(upliftScenario(codes, allowed, [[0.05]], omitted, omitted, omitted, omitted, omitted)).toEqual([[42.53]]);
    expect(upliftScenario(codes, allowed, [[0.05]], undefined, undefined, undefined, undefined, undefined)).toEqual([
      [42.53],
    ]);
  });

  it("takes top_n from a blank cell as all codes and from numeric text as a number", () => {
    expect(upliftScenario(codes, allowed, [[0.05]], "")).toEqual([[42.53]]);
    expect(upliftScenario(codes, allowed, [[0.05]], [["1"]])).toEqual([[30]]);
  });

  it("gives the new total with result total", () => {
    expect(upliftScenario(codes, allowed, [[0.05]], 1, undefined, undefined, undefined, "total")).toEqual([[880.5]]);
  });

  it("gives the change as a fraction of the current total with result percent", () => {
    const [[percent]] = upliftScenario(codes, allowed, [[0.05]], 1, undefined, undefined, undefined, "Percent") as [
      [number],
    ];
    expect(percent).toBeCloseTo(30 / 850.5, 15);
  });

  it("spills one row per code with result detail: rank, code, volume, current, new, delta, and no header", () => {
    expect(upliftScenario(codes, allowed, [[0.05]], 1, undefined, undefined, undefined, "detail")).toEqual([
      [1, "99214", 2, 600, 630, 30],
      [2, "99213", 2, 200, 200, 0],
      [3, "00100", 1, 50.5, 50.5, 0],
    ]);
  });

  it("ranks by the volumes column with rank_by volume", () => {
    const volumes = [[1], [1], [1], [1], [null], [9]];
    expect(upliftScenario(codes, allowed, [[0.1]], 1, "volume", volumes, undefined, "detail")[0]).toEqual([
      1,
      "00100",
      9,
      50.5,
      55.55,
      5.05,
    ]);
  });

  it("reads a two-column range as a per-code table with a * default", () => {
    const table = [
      [99214, 0.1],
      ["*", 0.01],
    ];
    expect(upliftScenario(codes, allowed, table)).toEqual([[62.51]]); // 99214 +60, 99213 +2, 00100 +0.505 -> +0.51
  });

  it("reads a one-row, two-column range as a table of one code", () => {
    expect(upliftScenario(codes, allowed, [["99213", 0.1]])).toEqual([[20]]);
  });

  it("caps new amounts at the billed charges given beside them", () => {
    const billed = [[102], [400], [102], [400], [null], [50.5]];
    expect(upliftScenario(codes, allowed, [[0.05]], undefined, undefined, undefined, billed)).toEqual([[34]]);
  });

  it("is associated under the id UPLIFT_SCENARIO", () => {
    expect(associated.get("UPLIFT_SCENARIO")).toBe(upliftScenario);
  });
});

describe("PAYER.UPLIFT_SCENARIO errors", () => {
  it("gives #VALUE! naming the row of an amount that is not a number", () => {
    expect(errorOf([[99213], [99214]], [[100], ["pending"]], 0.05)).toEqual({
      code: "#VALUE!",
      message: "amounts row 2: 'pending' is not a number; expected an amount in dollars like 125.50.",
    });
  });

  it("gives #VALUE! for ranges of different lengths", () => {
    expect(errorOf([[99213], [99214]], [[100], [200], [300]], 0.05)).toEqual({
      code: "#VALUE!",
      message: "amounts has 3 rows but codes has 2; give ranges covering the same rows.",
    });
  });

  it("gives #VALUE! for an uplift below -100%", () => {
    expect(errorOf(codes, allowed, [[-2]]).message).toBe(
      "uplift: -2 is a cut of more than 100%, which would make rates negative; give a fraction of -1 or more.",
    );
  });

  it("gives #VALUE! naming both rows of a code the uplift table lists with two fractions", () => {
    expect(
      errorOf(codes, allowed, [
        [99213, 0.05],
        [99214, 0.02],
        ["99213", 0.04],
      ]).message,
    ).toBe("uplift rows 1 and 3 both give 99213, with 5% and 4%; keep one.");
  });

  it("gives #VALUE! for an uplift range that is neither one value nor two columns", () => {
    expect(errorOf(codes, allowed, [[0.05], [0.03]]).message).toMatch(
      /^uplift is 2 rows by 1 columns; give one value or a table of 2 columns/,
    );
  });

  it("gives #VALUE! for a top_n that is not a whole number of codes", () => {
    expect(errorOf(codes, allowed, 0.05, "twenty").code).toBe("#VALUE!");
    expect(errorOf(codes, allowed, 0.05, 2.5).message).toBe(
      "top_n: 2.5 is not a number of codes; give a whole number of 1 or more, or leave it blank for all codes.",
    );
  });

  it("gives #VALUE! for an unknown result mode, listing the choices", () => {
    expect(errorOf(codes, allowed, 0.05, null, null, null, null, "sum").message).toBe(
      `result: 'sum' is not one of "delta", "total", "percent", "detail"; leave it out for "delta".`,
    );
  });

  it("gives #N/A for percent when the current amounts add up to 0", () => {
    expect(errorOf([[99213]], [[0]], 0.05, null, null, null, null, "percent").code).toBe("#N/A");
  });

  it("throws the error value from the function Excel calls", () => {
    expect(() => upliftScenario([[99213]], [["abc"]], [[0.05]])).toThrow(expect.objectContaining({ code: "#VALUE!" }));
  });
});
