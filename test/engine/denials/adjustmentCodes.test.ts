import {
  isDenialAdjustment,
  NON_DENIAL_ADJUSTMENTS,
  parseAdjustmentCodes,
  type AdjustmentCode,
} from "../../../src/engine/denials/adjustmentCodes";

function codes(text: string): readonly AdjustmentCode[] {
  const parsed = parseAdjustmentCodes(text);
  if (!parsed.ok) throw new Error(`expected "${text}" to parse, failed at ${parsed.token}`);
  return parsed.codes;
}

const co50 = { adjustmentGroupCode: "CO", adjustmentReasonCode: "50" };

describe("reading adjustment codes", () => {
  it.each(["CO-50", "CO50", "co-50", "CO:50", "CO*50", "CO 50", " CO-50 ", "CO-050"])("reads %j as CO-50", (text) => {
    expect(codes(text)).toEqual([co50]);
  });

  it("reads a bare reason code without a group", () => {
    expect(codes("197")).toEqual([{ adjustmentGroupCode: null, adjustmentReasonCode: "197" }]);
  });

  it("reads letter reason codes such as B7", () => {
    expect(codes("PI-B7 b7")).toEqual([
      { adjustmentGroupCode: "PI", adjustmentReasonCode: "B7" },
      { adjustmentGroupCode: null, adjustmentReasonCode: "B7" },
    ]);
  });

  it.each(["PR-2 CO-45", "PR-2,CO-45", "PR-2; CO-45", "PR-2 | CO-45", "PR-2/CO-45", "PR 2, CO 45"])(
    "reads the list %j as two codes",
    (text) => {
      expect(codes(text)).toEqual([
        { adjustmentGroupCode: "PR", adjustmentReasonCode: "2" },
        { adjustmentGroupCode: "CO", adjustmentReasonCode: "45" },
      ]);
    },
  );

  it.each([
    ["XYZ", "XYZ"],
    ["CO-50 XYZ", "XYZ"],
    ["CO-1234", "CO-1234"],
    ["ZZ-50", "ZZ-50"],
    ["CO-", "CO-"],
  ])("refuses %j, naming the token %j", (text, token) => {
    expect(parseAdjustmentCodes(text)).toEqual({ ok: false, token });
  });
});

describe("which adjustments are denials (DOMAIN.md 4.3)", () => {
  it.each([
    ["PR-1", "deductible"],
    ["PR-2", "coinsurance"],
    ["PR-3", "co-payment"],
    ["CO-45", "contractual: charge exceeds the fee schedule"],
    ["CO-42", "contractual, the deactivated predecessor of 45"],
    ["CO-253", "sequestration"],
    ["CO-59", "multiple procedure reduction"],
    ["OA-23", "prior payer's adjudication"],
    ["2", "a bare coinsurance code"],
  ])("%s (%s) is not a denial", (text) => {
    expect(codes(text).some(isDenialAdjustment)).toBe(false);
  });

  it.each([
    ["CO-50", "medical necessity"],
    ["CO-197", "no authorization"],
    ["PR-204", "not covered under the patient's plan, billed to the patient"],
    ["OA-18", "duplicate"],
    ["PI-B7", "provider not certified"],
    ["CO-29", "timely filing"],
    ["197", "a bare authorization code"],
  ])("%s (%s) is a denial", (text) => {
    expect(codes(text).some(isDenialAdjustment)).toBe(true);
  });

  it("lists each non-denial reason once, with its category", () => {
    const reasons = NON_DENIAL_ADJUSTMENTS.map((a) => a.adjustmentReasonCode);
    expect(new Set(reasons).size).toBe(reasons.length);
    expect(reasons.sort()).toEqual(["1", "2", "23", "253", "3", "42", "45", "59"]);
  });
});
