import { parseHcpcsCode } from "../../src/engine/hcpcsCode";

const valueOf = (input: unknown): unknown => {
  const result = parseHcpcsCode(input);
  return result.ok ? result.value : result.issue;
};

describe("reading a CPT/HCPCS code", () => {
  it("keeps a five-digit CPT code as text", () => expect(valueOf("99213")).toBe("99213"));
  it("reads a code typed as a number", () => expect(valueOf(99213)).toBe("99213"));
  it("restores the leading zeros Excel dropped from a number: 110 is 00110", () => expect(valueOf(110)).toBe("00110"));
  it("restores the leading zeros of digit-only text from a re-saved CSV: '100' is 00100", () =>
    expect(valueOf("100")).toBe("00100"));
  it("trims spaces around the code", () => expect(valueOf("  99214 ")).toBe("99214"));
  it("upper-cases HCPCS Level II codes: j1100 is J1100", () => expect(valueOf("j1100")).toBe("J1100"));
  it("accepts CPT Category II, III and PLA codes", () =>
    expect(["0001F", "0075t", "0001U"].map(valueOf)).toEqual(["0001F", "0075T", "0001U"]));
  it("says the code is missing when the cell is empty", () =>
    expect(valueOf("  ")).toEqual({ code: "hcpcsCodeMissing" }));
  it("says the code is missing when the argument is omitted", () =>
    expect(valueOf(null)).toEqual({ code: "hcpcsCodeMissing" }));
  it("rejects a code with a wrong shape", () =>
    expect(valueOf("J110")).toEqual({ code: "hcpcsCodeMalformed", value: "J110" }));
  it("rejects six digits, fractions and placeholder codes", () => {
    expect([valueOf(992131), valueOf(99213.5), valueOf("GXXX1"), valueOf("99213-26")]).toEqual([
      { code: "hcpcsCodeMalformed", value: "992131" },
      { code: "hcpcsCodeMalformed", value: "99213.5" },
      { code: "hcpcsCodeMalformed", value: "GXXX1" },
      { code: "hcpcsCodeMalformed", value: "99213-26" },
    ]);
  });
});
