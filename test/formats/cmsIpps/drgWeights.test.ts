// Reading CMS's MS-DRG weights into the engine's table of one fiscal year: the IPPS pricer's drgstable files of
// FY2025 and FY2026 (../shared/data/cms-ipps), Table 5 as CMS publishes it (banner rows, Yes/No flags), and copies
// damaged, cut short or re-saved by Excel.
import { readFileSync } from "fs";
import path from "path";
import { parseDrgWeightsCsv } from "../../../src/formats/cmsIpps/drgWeights";
import { ippsImportIssueMessage } from "../../../src/formats/cmsIpps/importIssues";
import type { MsDrg } from "../../../src/engine/inpatient/msDrg";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";
import { cutShort, linesOf } from "../cmsPfs/cutFiles";

const HEADER =
  "diagnosticRelatedGroup,effectiveDate,weight,geometricMeanLengthOfStay,lowVolumeDrg,arithmeticMeanLengthOfStay,postAcuteCare,specialPaymentPostAcuteCare,description";
const ROW_470 = "470,20251001,1.9289,1.9,,2.2,Y,,MAJOR HIP AND KNEE JOINT R";
const ROW_039 = "039,20251001,1.1755,1.2,,1.4,,,EXTRACRANIAL PROCEDURES WI";
const pricerFile = (...rows: string[]) => `${HEADER}\r\n${rows.join("\r\n")}\r\n`;
const rowOf = (result: ReturnType<typeof parseDrgWeightsCsv>, drg: string) =>
  result.ok ? result.value.table.rows.get(drg as MsDrg) : undefined;
const messages = (result: ReturnType<typeof parseDrgWeightsCsv>) =>
  result.ok ? result.value.issues.map(ippsImportIssueMessage) : [ippsImportIssueMessage(result.issue)];

describeWithSharedData("the real MS-DRG weights of the IPPS pricer", () => {
  const fy2026 = parseDrgWeightsCsv(readSharedData("cms-ipps/ipps_drgstable_FY2026_cms_pricer.csv"));
  const fy2025 = parseDrgWeightsCsv(readSharedData("cms-ipps/ipps_drgstable_FY2025_cms_pricer.csv"));

  it("reads every FY2026 DRG (772 rows) and leaves none out", () =>
    expect(fy2026.ok && [fy2026.value.rowCount, fy2026.value.issues.length]).toEqual([772, 0]));

  it("reads every FY2025 DRG (773 rows) and leaves none out", () =>
    expect(fy2025.ok && [fy2025.value.rowCount, fy2025.value.issues.length]).toEqual([773, 0]));

  it("takes the fiscal year from the effective date: 20251001 is FY2026, 20241001 FY2025", () =>
    expect([fy2026.ok && fy2026.value.table.fiscalYear, fy2025.ok && fy2025.value.table.fiscalYear]).toEqual([
      2026, 2025,
    ]));

  it("reads DRG 470 of FY2026 as SOURCES.md states it: weight 1.9289, GMLOS 1.9, AMLOS 2.2, post-acute, row 384", () => {
    const row = rowOf(fy2026, "470");
    expect([row?.weight.toString(), row?.geometricMeanLengthOfStay.toString(), row?.arithmeticMeanLengthOfStay.toString(), row?.postAcuteTransfer, row?.specialPay, row?.sourceRowNumber]).toEqual(["1.9289", "1.9", "2.2", true, false, 384]); // prettier-ignore
  });

  it("reads DRG 470 of FY2025 as SOURCES.md states it: weight 1.8855, GMLOS 1.7", () => {
    const row = rowOf(fy2025, "470");
    expect([row?.weight.toString(), row?.geometricMeanLengthOfStay.toString()]).toEqual(["1.8855", "1.7"]);
  });

  it("reads the special-pay flag of DRG 041 and the comma inside its quoted title", () => {
    const row = rowOf(fy2026, "041");
    expect([row?.postAcuteTransfer, row?.specialPay, row?.description]).toEqual([
      true,
      true,
      "PERIPHERAL, CRANIAL NERVE",
    ]);
  });

  it("is refused when cut inside a line, saying how far it got", () => {
    const text = readSharedData("cms-ipps/ipps_drgstable_FY2026_cms_pricer.csv");
    const cut = cutShort(text, 0.5, "mid-line");
    expect(messages(parseDrgWeightsCsv(cut))).toEqual([
      `The CMS MS-DRG weights file is cut short: its last line (row ${linesOf(cut).length}) stops in the middle, after ${linesOf(cut).length - 2} complete rows below the header; a complete file ends with a whole line. Nothing was imported: download the file again.`,
    ]);
  });
});

describe("MS-DRG weights as people and Excel leave them", () => {
  it("puts back the leading zeros Excel dropped: 39 is DRG 039", () =>
    expect(rowOf(parseDrgWeightsCsv(pricerFile("39,20251001,1.1755,1.2,,1.4,,,EXTRACRANIAL")), "039")?.weight.toString()).toBe("1.1755")); // prettier-ignore

  it("reads numbers written as text with spaces around them", () =>
    expect(rowOf(parseDrgWeightsCsv(pricerFile('470,20251001," 1.9289 ", 1.9 ,,2.2,Y,,HIP')), "470")?.weight.toString()).toBe("1.9289")); // prettier-ignore

  it("skips blank rows between DRGs", () => {
    const parsed = parseDrgWeightsCsv(pricerFile(ROW_039, ",,,,,,,,", "", ROW_470));
    expect(parsed.ok && [parsed.value.rowCount, parsed.value.issues.length]).toEqual([2, 0]);
  });

  it("reads a copy saved by Excel for Windows (Windows-1252 bytes) with an accented title", () => {
    const text = pricerFile("470,20251001,1.9289,1.9,,2.2,Y,,PROTHÈSE DE HANCHE");
    const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    expect(rowOf(parseDrgWeightsCsv(bytes), "470")?.description).toBe("PROTHÈSE DE HANCHE");
  });

  it("reads Table 5 as CMS publishes it: banner rows, the year in the banner, Yes/No flags", () => {
    const table5 = [
      '"Table 5.--List of Medicare Severity Diagnosis-Related Groups (MS-DRGs), Relative Weighting Factors and Geometric and Arithmetic Mean Length of Stay--FY 2026"',
      "",
      '"MS-DRG","FY 2026 Final Rule Post-Acute DRG","FY 2026 Final Rule Special Pay DRG","MDC","TYPE","MS-DRG Title","Weights","Geometric mean LOS","Arithmetic mean LOS"',
      '"029","Yes","Yes","01","SURG","SPINAL PROCEDURES WITH CC OR SPINAL NEUROSTIMULATORS","3.4116","4.7","6.2"',
      '"039","No","No","01","SURG","EXTRACRANIAL PROCEDURES WITHOUT CC/MCC","1.1755","1.2","1.4"',
      "",
    ].join("\r\n");
    const parsed = parseDrgWeightsCsv(table5);
    const row = rowOf(parsed, "029");
    expect([parsed.ok && parsed.value.table.fiscalYear, row?.weight.toString(), row?.postAcuteTransfer, row?.specialPay, rowOf(parsed, "039")?.postAcuteTransfer]).toEqual([2026, "3.4116", true, true, false]); // prettier-ignore
  });
});

describe("Table 5 as CMS's text file (tab-delimited, banner rows)", () => {
  const text = [
    "Table 5.--List of MS-DRGs, Relative Weighting Factors, and Geometric and Arithmetic Mean Length of Stay--FY 2025",
    "MS-DRG\tFY 2025 Final Rule Post-Acute DRG\tFY 2025 Final Rule Special Pay DRG\tMDC\tTYPE\tMS-DRG Title\tWeights\tGeometric mean LOS\tArithmetic mean LOS",
    "470\tYes\tNo\t08\tSURG\tMAJOR HIP AND KNEE JOINT REPLACEMENT OR REATTACHMENT OF LOWER EXTREMITY WITHOUT MCC\t1.8855\t1.7\t2.1",
    "",
  ].join("\r\n");
  const parsed = parseDrgWeightsCsv(text);

  it("reads DRG 470 of FY2025 from the tab-delimited text: weight 1.8855, GMLOS 1.7, post-acute", () => {
    const row = rowOf(parsed, "470");
    expect([parsed.ok && parsed.value.table.fiscalYear, row?.weight.toString(), row?.geometricMeanLengthOfStay.toString(), row?.postAcuteTransfer]).toEqual([2025, "1.8855", "1.7", true]); // prettier-ignore
  });
});

describe("MS-DRG weight rows that cannot be read are reported, never imported", () => {
  it("leaves out a weight written as money, naming row and column", () =>
    expect(messages(parseDrgWeightsCsv(pricerFile(ROW_039, '470,20251001,"$1,234.56",1.9,,2.2,Y,,HIP')))).toEqual([
      'Row 3, column weight: "$1,234.56" is not valid; expected a relative weight from 0 to 100 like 1.9289.',
    ]));

  it("leaves out a DRG of four digits", () =>
    expect(messages(parseDrgWeightsCsv(pricerFile("4700,20251001,1.9289,1.9,,2.2,Y,,HIP")))).toEqual([
      'Row 2, column MS-DRG: "4700" is not valid; expected an MS-DRG of 1 to 3 digits like 470 or 039.',
    ]));

  it("leaves out a flag other than Y, Yes, N, No or blank", () =>
    expect(messages(parseDrgWeightsCsv(pricerFile("470,20251001,1.9289,1.9,,2.2,X,,HIP")))).toEqual([
      'Row 2, column post-acute transfer DRG: "X" is not valid; expected Y, Yes, N, No or blank.',
    ]));

  it("leaves out a paid DRG without a mean stay (a transfer would divide by zero)", () =>
    expect(messages(parseDrgWeightsCsv(pricerFile("470,20251001,1.9289,0.0,,2.2,Y,,HIP")))).toEqual([
      'Row 2, column geometric mean length of stay: "0.0" is not valid; expected a mean stay above 0 for a DRG with a weight.',
    ]));

  it("leaves out a row of another fiscal year: one file is one year", () =>
    expect(messages(parseDrgWeightsCsv(pricerFile(ROW_039, "470,20241001,1.8855,1.7,,2.1,Y,,HIP")))).toEqual([
      `Row 3, column effectiveDate: "20241001" is not valid; expected the effective date of the file's first row (2025-10-01): one file is one fiscal year.`,
    ]));

  it("keeps the first of two rows for one DRG", () =>
    expect(messages(parseDrgWeightsCsv(pricerFile(ROW_470, "470,20251001,9.9999,1.9,,2.2,Y,,HIP")))).toEqual([
      "Row 3 repeats MS-DRG 470 of row 2; the first one is kept.",
    ]));
});

describe("an MS-DRG weights file that is not whole or not one", () => {
  it("is refused when its last row has fewer columns than the header", () =>
    expect(messages(parseDrgWeightsCsv(pricerFile(ROW_039, "470,20251001,1.9289")))).toEqual([
      "The CMS MS-DRG weights file is cut short: its last row (row 3) has 3 of the 9 columns, after 1 data rows. Nothing was imported: download the file again.",
    ]));

  it("is refused when it stops after its header", () =>
    expect(messages(parseDrgWeightsCsv(`${HEADER}\r\n`))).toEqual([
      "The CMS MS-DRG weights file stops after its header (row 1): it has no data rows. Nothing was imported: download the file again.",
    ]));

  it("is refused when it is another file (the CBSA wage index)", () =>
    expect(
      messages(parseDrgWeightsCsv("cbsa,size,effectiveDate,geographicWageIndex\r\n01,,20251001,0.7393\r\n")),
    ).toEqual(["This is not a CMS MS-DRG weights file: no header row with MS-DRG and weight was found."]));

  it("is refused when it is empty", () =>
    expect(messages(parseDrgWeightsCsv(""))).toEqual(["The CMS MS-DRG weights file is empty."]));

  it("is refused when it is a physician fee schedule file (PPRRVU) chosen by mistake", () =>
    expect(
      messages(
        parseDrgWeightsCsv(readFileSync(path.resolve(__dirname, "../../fixtures/cms-pfs/pprrvu-2025-oct-excerpt.csv"))),
      ),
    ).toEqual([
      // prettier-ignore
      "This is not a CMS MS-DRG weights file: no header row with MS-DRG and weight was found.",
    ]));

  it("is refused when neither a date nor a banner says its fiscal year", () =>
    expect(messages(parseDrgWeightsCsv("MS-DRG,Weights,GMLOS,AMLOS\r\n470,1.9289,1.9,2.2\r\n"))).toEqual([
      'The CMS MS-DRG weights file has no effective date column and no "FY 2026"-style year above its header, so its fiscal year is unknown: choose the fiscal year it is for.',
    ]));

  it("takes the fiscal year the user chose for a file that does not say it", () => {
    const parsed = parseDrgWeightsCsv("MS-DRG,Weights,GMLOS,AMLOS\r\n470,1.9289,1.9,2.2\r\n", { fiscalYear: 2026 });
    expect(parsed.ok && [parsed.value.table.fiscalYear, parsed.value.table.label]).toEqual([
      2026,
      "MS-DRG weights FY2026",
    ]);
  });
});
