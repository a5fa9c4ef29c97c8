import { parseRevenueCode, revenueCodeInRange, type RevenueCode } from "../../src/engine/revenueCode";

const valueOf = (input: unknown): unknown => {
  const result = parseRevenueCode(input);
  return result.ok ? result.value : result.issue;
};

describe("reading a UB-04 revenue code", () => {
  it("keeps a four-digit revenue code as text", () => expect(valueOf("0450")).toBe("0450"));
  it("restores the leading zero Excel dropped from a number: 278 is 0278", () => expect(valueOf(278)).toBe("0278"));
  it("restores the leading zero of digit-only text from a re-saved CSV: '124' is 0124", () =>
    expect(valueOf("124")).toBe("0124"));
  it("trims spaces around the code", () => expect(valueOf(" 0360  ")).toBe("0360"));
  it("says the code is missing when the cell is empty", () =>
    expect(valueOf(" ")).toEqual({ code: "revenueCodeMissing" }));
  it("rejects five digits, fractions, letters and zero", () => {
    expect([valueOf(12345), valueOf(278.5), valueOf("027A"), valueOf(0)]).toEqual([
      { code: "revenueCodeMalformed", value: "12345" },
      { code: "revenueCodeMalformed", value: "278.5" },
      { code: "revenueCodeMalformed", value: "027A" },
      { code: "revenueCodeMalformed", value: "0" },
    ]);
  });
  it("places a code in an inclusive range: 0278 is in 0270-0279, 0280 is not", () => {
    const code = (text: string): RevenueCode => text as RevenueCode;
    expect([
      revenueCodeInRange(code("0278"), code("0270"), code("0279")),
      revenueCodeInRange(code("0270"), code("0270"), code("0279")),
      revenueCodeInRange(code("0280"), code("0270"), code("0279")),
    ]).toEqual([true, true, false]);
  });
});
