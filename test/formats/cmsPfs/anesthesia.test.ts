// Reading CMS's ANES file (anesthesia conversion factor by locality) and an anesthesia base units file (CMS's list
// or a payer's), with every bad row reported by its row number.
import { readFileSync } from "fs";
import path from "path";
import type { LocalityKey } from "../../../src/engine/gpci";
import { parseAnesCsv } from "../../../src/formats/cmsPfs/anes";
import { parseAnesthesiaBaseUnitsCsv } from "../../../src/formats/cmsPfs/anesthesiaBaseUnits";
import { importIssueMessage } from "../../../src/formats/cmsPfs/importIssues";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../../fixtures/cms-pfs", name), "utf8");
const key = (text: string) => text as LocalityKey;

describeWithSharedData("the real ANES file of CY2025", () => {
  const text = readSharedData("cms-pfs/2025-rvu25d/ANES2025.csv");
  const parsed = parseAnesCsv(text);

  it("reads all 109 localities and leaves none out", () => {
    expect(parsed.ok && [parsed.value.localities.size, parsed.value.issues.length]).toEqual([109, 0]);
  });

  it("reads the national anesthesia CF its header states (National Anes CF of 20.3178)", () => {
    expect(parsed.ok && parsed.value.nationalConversionFactor?.toString()).toBe("20.3178");
  });

  it("keys localities by contractor and locality with the trailing spaces trimmed (10112 ,00 -> 10112-00, 19.31)", () => {
    const alabama = parsed.ok ? parsed.value.localities.get(key("10112-00")) : undefined;
    expect([alabama?.localityName, alabama?.conversionFactor.toString(), alabama?.rowNumber]).toEqual(["ALABAMA", "19.31", 2]); // prettier-ignore
  });

  it("gives Houston (04412-18) its CF of 21.09", () => {
    const houston = parsed.ok ? parsed.value.localities.get(key("04412-18")) : undefined;
    expect(houston?.conversionFactor.toString()).toBe("21.09");
  });
});

describe("an ANES file with bad rows", () => {
  const header = "Contractor,Locality,Locality Name,National Anes CF of 20.3178\r\n";

  it("reports a row whose CF is not a number by its row, and keeps the others", () => {
    const parsed = parseAnesCsv(`${header}10112 ,00 ,ALABAMA,19.31 \r\n02102 ,01 ,ALASKA,n/a\r\n`);
    if (!parsed.ok) throw new Error(importIssueMessage(parsed.issue));
    expect(parsed.value.issues.map(importIssueMessage)).toEqual([
      'Row 3, column Anes CF: "n/a" is not valid; expected a conversion factor in dollars like 19.31.',
    ]);
    expect([...parsed.value.localities.keys()]).toEqual(["10112-00"]);
  });

  it("refuses a file that is not an ANES file", () => {
    const parsed = parseAnesCsv("HCPCS,MOD,PROCSTAT\r\n74175,,A\r\n");
    expect(parsed.ok ? "accepted" : importIssueMessage(parsed.issue)).toBe(
      "This is not a CMS ANES file: no header row with Contractor and Anes CF was found.",
    );
  });

  it("refuses a file cut inside its last line", () => {
    const parsed = parseAnesCsv(`${header}10112 ,00 ,ALABAMA,19.31 \r\n02102 ,01 ,ALAS`);
    expect(!parsed.ok && parsed.issue.code).toBe("fileCutMidLine");
  });
});

describe("an anesthesia base units file", () => {
  it("reads the fixture modeled on CMS's list below its banner row: 00790 has 7 base units (row 5)", () => {
    const parsed = parseAnesthesiaBaseUnitsCsv(fixture("anesthesia-base-units.csv"));
    if (!parsed.ok) throw new Error(importIssueMessage(parsed.issue));
    expect(parsed.value.rows.map((r) => `${r.hcpcsCode}=${r.baseUnits}@${r.sourceRowNumber}`)).toEqual([
      "00142=4@3",
      "00400=3@4",
      "00790=7@5",
      "00840=6@6",
      "01402=7@7",
    ]);
    expect(parsed.value.issues).toEqual([]);
  });

  it("reports every bad row by its number: a shortened code, base units not whole or above 30, a code repeated", () => {
    const parsed = parseAnesthesiaBaseUnitsCsv(fixture("error.anesthesia-base-units-bad-rows.csv"));
    if (!parsed.ok) throw new Error(importIssueMessage(parsed.issue));
    expect(parsed.value.issues.map(importIssueMessage)).toEqual([
      'Row 3, column CPT Code: "790" is not valid; expected a 5-character code like 00790 (a spreadsheet may have dropped its leading zeros).',
      'Row 4, column Base Units: "six" is not valid; expected a whole number of base units from 0 to 30, like 7.',
      'Row 5, column Base Units: "4.5" is not valid; expected a whole number of base units from 0 to 30, like 7.',
      'Row 6, column Base Units: "31" is not valid; expected a whole number of base units from 0 to 30, like 7.',
      "Row 8 repeats code 00790 of row 2; the first one is kept.",
    ]);
    expect(parsed.value.rows.map((r) => `${r.hcpcsCode}=${r.baseUnits}`)).toEqual(["00790=7", "00840=6"]);
  });

  it("recognises a payer's list headed HCPCS and Base Unit Value", () => {
    const parsed = parseAnesthesiaBaseUnitsCsv("HCPCS,Base Unit Value\n00790,8\n");
    expect(parsed.ok && parsed.value.rows.map((r) => r.baseUnits)).toEqual([8]);
  });

  it("refuses a file without a code and base units header", () => {
    const parsed = parseAnesthesiaBaseUnitsCsv("Code,Rate\n00790,100\n");
    expect(parsed.ok ? "accepted" : importIssueMessage(parsed.issue)).toBe(
      "This is not a CMS anesthesia base units file: no header row with CPT Code and Base Units was found.",
    );
  });
});
