import { createOutcomeReader, OUTCOME_WORDS, parseOutcome } from "../../../src/engine/denials/outcome";

const outcomeOf = (value: unknown) => {
  const parsed = parseOutcome(value);
  return parsed.ok ? parsed.outcome : parsed.problem;
};

describe("reading one line's outcome", () => {
  it("reads TRUE as denied and FALSE as not denied", () => {
    expect(outcomeOf(true)).toBe("denied");
    expect(outcomeOf(false)).toBe("not_denied");
  });

  it.each([
    ["Denied", "denied"],
    [" DENIAL ", "denied"],
    ["Partial", "denied"],
    ["partially_denied", "denied"],
    ["Partially-Denied", "denied"],
    ["TRUE", "denied"],
    ["Paid", "not_denied"],
    ["approved", "not_denied"],
    ["Not Denied", "not_denied"],
    ["false", "not_denied"],
    ["Pending", "excluded"],
    ["REVERSED", "excluded"],
    ["void", "excluded"],
  ])("reads the status word %j as %s", (word, outcome) => {
    expect(outcomeOf(word)).toBe(outcome);
  });

  it("knows every status word in its vocabulary in lower case", () => {
    for (const word of Object.keys(OUTCOME_WORDS)) expect(word).toBe(word.toLowerCase());
  });

  it("reads a line with only non-denial adjustments as not denied", () => {
    expect(outcomeOf("PR-2 CO-45")).toBe("not_denied");
  });

  it("reads a line with any denial adjustment as denied", () => {
    expect(outcomeOf("CO-45, CO-50")).toBe("denied");
  });

  it("reads a number as a reason code: 197 is a denial, 1 (deductible) is not", () => {
    expect(outcomeOf(197)).toBe("denied");
    expect(outcomeOf(1)).toBe("not_denied");
  });

  it("refuses 0, so a 0/1 flag column is not misread as reason codes", () => {
    expect(outcomeOf(0)).toEqual({ kind: "zero" });
  });

  it.each([1.5, -50, 1000])("refuses the number %d, which is not a reason code", (value) => {
    expect(outcomeOf(value)).toEqual({ kind: "notACode" });
  });

  it("refuses text that is neither a status word nor adjustment codes", () => {
    expect(outcomeOf("XYZ")).toEqual({ kind: "unknownText", token: "XYZ" });
  });

  it.each([null, undefined, "", "   "])("leaves the blank %j out of the rate", (value) => {
    expect(outcomeOf(value)).toBe("excluded");
  });

  it("gives the same answer through the caching reader for repeated values", () => {
    const read = createOutcomeReader();
    for (const value of ["CO-50", "CO-50", "paid", 197, 197, true, "XYZ"]) {
      expect(read(value)).toEqual(parseOutcome(value));
    }
  });
});
