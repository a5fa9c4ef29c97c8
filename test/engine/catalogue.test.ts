// The one generic catalogue helper: a table of messages keyed by the codes of an issue union becomes its describe
// function. The compile-time half (a missing or extra code does not compile) is checked by `npm run typecheck`,
// through the @ts-expect-error lines below: were the table's type loose, those lines would fail to compile.
import { catalogue, fieldOf, type EntriesByCode, type Messages } from "../../src/engine";

type SampleIssue =
  { readonly code: "nameNotFound"; readonly name: string } | { readonly code: "rangeEmpty"; readonly address: string };

const MESSAGES: Messages<SampleIssue> = {
  nameNotFound: (i) => `The workbook has no table named "${i.name}".`,
  rangeEmpty: (i) => `${i.address} is empty.`,
};

describe("a catalogue of messages", () => {
  const describeIssue = catalogue<SampleIssue>(MESSAGES);

  it("words an issue with the message of its code", () =>
    expect(describeIssue({ code: "nameNotFound", name: "Rates" })).toBe('The workbook has no table named "Rates".'));

  it("hands each message the fields of its own issue", () =>
    expect(describeIssue({ code: "rangeEmpty", address: "Sheet1!A1:B2" })).toBe("Sheet1!A1:B2 is empty."));

  it("refuses to compile a table that misses a code", () => {
    // @ts-expect-error rangeEmpty has no message
    const missing: Messages<SampleIssue> = { nameNotFound: () => "" };
    expect(Object.keys(missing)).toEqual(["nameNotFound"]);
  });

  it("refuses to compile a table with a code the union lacks", () => {
    const extra: Messages<SampleIssue> = {
      nameNotFound: () => "",
      rangeEmpty: () => "",
      // @ts-expect-error no issue has the code tableGone
      tableGone: () => "",
    };
    expect(Object.keys(extra)).toHaveLength(3);
  });
});

describe("a catalogue of several facts per code", () => {
  const ENTRIES: EntriesByCode<SampleIssue, { readonly severity: "error" | "warning"; readonly message: string }> = {
    nameNotFound: { severity: "error", message: (i) => `No table "${i.name}".` },
    rangeEmpty: { severity: (i) => (i.address === "" ? "error" : "warning"), message: "The range is empty." },
  };

  it("gives a fact that is a constant", () =>
    expect(catalogue(fieldOf(ENTRIES, "severity"))({ code: "nameNotFound", name: "Rates" })).toBe("error"));

  it("gives a fact that depends on the issue", () =>
    expect(catalogue(fieldOf(ENTRIES, "severity"))({ code: "rangeEmpty", address: "A1" })).toBe("warning"));

  it("gives a message that is a constant", () =>
    expect(catalogue(fieldOf(ENTRIES, "message"))({ code: "rangeEmpty", address: "A1" })).toBe("The range is empty."));
});
