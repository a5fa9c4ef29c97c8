// Reading CMS's OPPSCAP file (imaging caps by carrier and locality; DOMAIN.md 2.1) into the engine's cap table:
// the real October 2025 file, and copies cut short, damaged or re-saved by Excel.
import type { Decimal } from "../../../src/engine/decimal";
import { findOppsCap } from "../../../src/engine/pfsRules/oppsCap";
import { importIssueMessage } from "../../../src/formats/cmsPfs/importIssues";
import { parseOppsCapCsv } from "../../../src/formats/cmsPfs/oppsCap";
import { aLocality, aPfsRow } from "../../engine/builders";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";

const HEADER = "HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,FACILITY PRICE,NON-FACILTY PRICE";
const seattle = aLocality({ macCode: "02402", localityNumber: "02" });
const price = (value: Decimal | undefined) => value?.toFixed(2);

describeWithSharedData("the real OPPSCAP file of October 2025", () => {
  const text = readSharedData("cms-pfs/2025-rvu25d/OPPSCAP_Oct.csv");
  const parsed = parseOppsCapCsv(text, "OPPSCAP_Oct.csv");

  it("reads every data row (16,100 below the header) and leaves none out", () => {
    const dataLines = text
      .split(/\r?\n/)
      .slice(1)
      .filter((line) => !/^,*$/.test(line)).length;
    expect(parsed.ok && [parsed.value.rowCount, parsed.value.issues.length]).toEqual([dataLines, 0]);
    expect(dataLines).toBe(16100);
  });

  it("finds the Seattle caps of 74175: global 306.22 (row 4988) and TC 216.81 (row 5103)", () => {
    if (!parsed.ok) throw new Error("not parsed");
    const global = findOppsCap(parsed.value.table, aPfsRow({ hcpcsCode: "74175" }), seattle);
    const tc = findOppsCap(parsed.value.table, aPfsRow({ hcpcsCode: "74175", modifier: "TC" }), seattle);
    expect([price(global?.nonFacilityPrice), global?.sourceRowNumber]).toEqual(["306.22", 4988]);
    expect([price(tc?.facilityPrice), tc?.sourceRowNumber]).toEqual(["216.81", 5103]);
  });
});

describe("an OPPSCAP file that is not whole", () => {
  const rows = ["74175,,A,02402,02,306.22,306.22", "74175,TC,A,02402,02,216.81,216.81"];
  const refusal = (text: string) => {
    const result = parseOppsCapCsv(text);
    return result.ok ? "accepted" : importIssueMessage(result.issue);
  };

  it("is refused when cut inside its last line", () =>
    expect(refusal(`${HEADER}\r\n${rows[0]}\r\n74175,TC,A,024`)).toBe(
      "The CMS OPPSCAP file is cut short: its last line (row 3) stops in the middle, after 1 complete row below the header; a complete file ends with a whole line. Nothing was imported: download the file again.",
    ));

  it("is refused when its last row has fewer columns than the header", () =>
    expect(refusal(`${HEADER}\r\n${rows[0]}\r\n74175,TC,A,02402\r\n`)).toBe(
      "The CMS OPPSCAP file is cut short: its last row (row 3) has 4 of the 7 columns, after 1 data rows. Nothing was imported: download the file again.",
    ));

  it("is refused when it stops after its header", () =>
    expect(refusal(`${HEADER}\r\n`)).toBe(
      "The CMS OPPSCAP file stops after its header (row 1): it has no data rows. Nothing was imported: download the file again.",
    ));

  it("is refused when it is another file (no HCPCS and CARRIER header)", () =>
    expect(refusal("Locality,PE GPCI\r\n05,1.419\r\n")).toBe(
      "This is not a CMS OPPSCAP file: no header row with HCPCS and CARRIER was found.",
    ));
});

describe("OPPSCAP rows that cannot be read", () => {
  const issues = (...lines: string[]) => {
    const result = parseOppsCapCsv(`${HEADER}\r\n${lines.join("\r\n")}\r\n`);
    return result.ok ? result.value.issues.map(importIssueMessage) : [importIssueMessage(result.issue)];
  };

  it("leaves out a row with a price that is not dollars and cents, naming row and column", () =>
    expect(issues("74175,,A,02402,02,306.22,306.22", "74176,,A,02402,02,n/a,250.00")).toEqual([
      'Row 3, column FACILITY PRICE: "n/a" is not valid; expected a price in dollars and cents like 306.22.',
    ]));

  it("leaves out a row with a modifier other than blank or TC", () =>
    expect(issues("74175,26,A,02402,02,89.42,89.42")).toEqual([
      'Row 2, column MOD: "26" is not valid; expected blank (global) or TC.',
    ]));

  it("keeps the first of two rows for one code, modifier and locality", () =>
    expect(issues("74175,,A,02402,02,306.22,306.22", "74175,,A,02402,02,300.00,300.00")).toEqual([
      "Row 3 repeats 74175 in 02402-02 of row 2; the first one is kept.",
    ]));

  it("puts back the zeros Excel drops from carrier and locality (2402, 2 -> 02402-02)", () => {
    const result = parseOppsCapCsv(`${HEADER}\r\n74175,,A,2402,2,306.22,306.22\r\n`);
    const cap = result.ok ? findOppsCap(result.value.table, aPfsRow({ hcpcsCode: "74175" }), seattle) : undefined;
    expect(price(cap?.facilityPrice)).toBe("306.22");
  });
});
