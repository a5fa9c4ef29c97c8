// Reading CMS's FY2026 IPPS wage index by CBSA (../shared/data/cms-ipps), and copies damaged or re-saved by Excel.
import { parseCbsaWageIndexCsv } from "../../../src/formats/cmsIpps/cbsaWageIndex";
import { ippsImportIssueMessage } from "../../../src/formats/cmsIpps/importIssues";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";

const HEADER = "cbsa,size,effectiveDate,geographicWageIndex,reclassifiedWageIndex,imputedFloorWageIndex,name";
const file = (...rows: string[]) => `${HEADER}\r\n${rows.join("\r\n")}\r\n`;
const parse = (text: string) => parseCbsaWageIndexCsv(text);
const messages = (result: ReturnType<typeof parse>) =>
  result.ok ? result.value.issues.map(ippsImportIssueMessage) : [ippsImportIssueMessage(result.issue)];

describeWithSharedData("the real FY2026 CBSA wage index of the IPPS pricer", () => {
  const parsed = parse(readSharedData("cms-ipps/ipps_cbsa_wage_index_FY2026_cms_pricer.csv"));
  const area = (cbsa: string) => (parsed.ok ? parsed.value.rows.find((row) => row.cbsa === cbsa) : undefined);

  it("reads every area (471 rows) and leaves none out", () =>
    expect(parsed.ok && [parsed.value.rows.length, parsed.value.issues.length]).toEqual([471, 0]));

  it("reads rural Alaska (state code 02): geographic 1.1438, reclassified 1.0694, effective 2025-10-01", () => {
    const alaska = area("02");
    expect([alaska?.geographicWageIndex?.toString(), alaska?.reclassifiedWageIndex?.toString(), alaska?.effectiveDate, alaska?.name]).toEqual(["1.1438", "1.0694", "2025-10-01", "ALASKA"]); // prettier-ignore
  });

  it("reads New Jersey's rural row, which has no index of its own (0.0000), only its imputed floor 1.1687", () => {
    const newJersey = area("31");
    expect([newJersey?.geographicWageIndex, newJersey?.reclassifiedWageIndex, newJersey?.imputedFloorWageIndex?.toString()]).toEqual([null, null, "1.1687"]); // prettier-ignore
  });

  it("reads an urban CBSA with a comma in its quoted name: Yuma, AZ 0.9700, no imputed floor", () => {
    const yuma = area("49740");
    expect([yuma?.geographicWageIndex?.toFixed(4), yuma?.imputedFloorWageIndex, yuma?.name]).toEqual(["0.9700", null, "Yuma, AZ"]); // prettier-ignore
  });
});

describe("CBSA wage index rows as Excel and damage leave them", () => {
  it("puts back the zero Excel dropped from a state code: 1 is Alabama's 01", () => {
    const parsed = parse(file("1,,20251001,0.7393,0.7393,0.0000,ALABAMA"));
    expect(parsed.ok && parsed.value.rows[0]?.cbsa).toBe("01");
  });

  it("leaves out an index written as text that is not a number, naming row and column", () =>
    expect(
      messages(parse(file("01,,20251001,0.7393,0.7393,0.0000,ALABAMA", "02,,20251001,n/a,1.0694,0.0000,ALASKA"))),
    ).toEqual([
      // prettier-ignore
      'Row 3, column geographicWageIndex: "n/a" is not valid; expected an index from 0 up to 5, like 1.0694 (0.0000: none).',
    ]));

  it("keeps the first of two rows for one area and date", () =>
    expect(
      messages(parse(file("01,,20251001,0.7393,0.7393,0.0000,ALABAMA", "01,,20251001,0.8000,0.8000,0.0000,ALABAMA"))),
    ).toEqual([
      // prettier-ignore
      "Row 3 repeats CBSA 01 on 2025-10-01 of row 2; the first one is kept.",
    ]));

  it("is refused when it is another file (MS-DRG weights)", () =>
    expect(messages(parse("diagnosticRelatedGroup,effectiveDate,weight\r\n470,20251001,1.9289\r\n"))).toEqual([
      "This is not a CMS CBSA wage index file: no header row with cbsa and a wage index was found.",
    ]));

  it("is refused when cut inside its last line", () =>
    expect(
      messages(parseCbsaWageIndexCsv(`${HEADER}\r\n01,,20251001,0.7393,0.7393,0.0000,ALABAMA\r\n02,,2025`)),
    ).toEqual([
      // prettier-ignore
      "The CMS CBSA wage index file is cut short: its last line (row 3) stops in the middle, after 1 complete row below the header; a complete file ends with a whole line. Nothing was imported: download the file again.",
    ]));
});
