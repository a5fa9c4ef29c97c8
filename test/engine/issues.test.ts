import { ISSUE_CATALOGUE, issueExcelError, issueMessage } from "../../src/engine/issues";

describe("the issue catalogue", () => {
  it("words a message with the offending value", () => {
    expect(issueMessage({ code: "hcpcsCodeMalformed", value: "9921" })).toBe(
      '"9921" is not a CPT/HCPCS code: expected 5 characters like 99213, 0001F, 0075T or J1100.',
    );
  });
  it("maps bad input to #VALUE! and a missing answer to #N/A", () => {
    expect(issueExcelError({ code: "tooManyModifiers", count: 5 })).toBe("#VALUE!");
    expect(issueExcelError({ code: "pfsNotPayable", hcpcsCode: "00100", statusCode: "J", reason: "anesthesia" })).toBe(
      "#N/A",
    );
  });
  it("has an Excel error for every issue code", () => {
    expect(
      Object.values(ISSUE_CATALOGUE).every((entry) => entry.excelError === "#VALUE!" || entry.excelError === "#N/A"),
    ).toBe(true);
  });
});
