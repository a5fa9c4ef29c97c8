// A warning about an 835 is read by finance staff first and by whoever fixes the file second (issue 13): it starts
// with a plain sentence (no segment ids or element references), then "EDI detail:" and the segment-level account.
import { parse835, remit835IssueMessage, remit835UserMessage } from "../../../src/formats/remit835";
import { remit835 } from "./snippets";

const X12_REFERENCE = /\b(?:SVC|CLP|CAS|BPR|TRN|ISA|GS|ST|SE|PLB|DTM|REF|N1|NM1)\d{0,2}\b/;

function warningsOf(claimSegments: string[]) {
  const parsed = parse835(remit835(claimSegments, { paymentAmount: "999" }));
  if (!parsed.ok) throw new Error("the snippet should be read");
  return parsed.value.warnings;
}

describe("835 warnings in plain words", () => {
  const warnings = warningsOf([
    "CLP*C-1*1*100*90**12*PCN1",
    "SVC*HC:9921*100*90**1",
    "CLP*C-2*1*100*80**12*PCN2",
    "SVC*HC:99213*100*90**1",
    "ZZZ*1",
  ]);

  it("are found in the snippet, so that the checks below check something", () =>
    expect(warnings.length).toBeGreaterThanOrEqual(3));

  it.each([0, 1, 2])("start warning %i with a sentence free of segment ids and element references", (i) => {
    const [plain] = remit835UserMessage(warnings[i]!).split(" EDI detail: ");
    expect(plain).toMatch(/^[A-Z].*\.$/);
    expect(plain).not.toMatch(X12_REFERENCE);
  });

  it("keep the segment-level account after the plain sentence, word for word", () => {
    for (const warning of warnings)
      expect(remit835UserMessage(warning).endsWith(` EDI detail: ${remit835IssueMessage(warning)}`)).toBe(true);
  });

  it("name the element in words: a 4-digit code is the service line's procedure code", () =>
    expect(warnings.map(remit835UserMessage)).toContainEqual(
      expect.stringMatching(/^The service line's procedure code cannot be read; claim C-1 line 1 was not imported\. /),
    ));

  it("say a refusal once, in its own plain words", () => {
    const refused = parse835("");
    expect(!refused.ok && remit835UserMessage(refused.issue)).toBe(
      "The file is empty: an 835 remittance starts with an ISA segment.",
    );
  });
});
