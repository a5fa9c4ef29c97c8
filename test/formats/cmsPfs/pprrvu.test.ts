import { importIssueMessage } from "../../../src/formats/cmsPfs/importIssues";
import { parsePprrvuCsv, type PprrvuImport } from "../../../src/formats/cmsPfs/pprrvu";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";

// A PPRRVU excerpt in the CMS shape: banner rows, then a header spread over two lines.
const BANNER = [
  ",,2025 National Physician Fee Schedule Relative Value File October Release,,,,,,,,,,,,",
  ",,,,,,,,,,,,,,",
];
const HEADER = [
  ",,,STATUS,WORK,NON-FAC,NON-FAC,FACILITY,FACILITY,MP,PCTC,GLOB,MULT,BILAT,CONV",
  "HCPCS,MOD,DESCRIPTION,CODE,RVU,PE RVU,NA INDICATOR,PE RVU,NA INDICATOR,RVU,IND,DAYS,PROC,SURG,FACTOR",
];
// Each ends with the DOS end-of-file marker row, as CMS's 2024 file does: a complete file, whatever its codes.
const END = "\u001a,,,,,,,,,,,,,,";
const file = (...rows: string[]): string => [...BANNER, ...HEADER, ...rows, END].join("\r\n") + "\r\n";
const ROW_99213 = "99213,,,A,1.30,1.35,,0.57,,0.10,0,XXX,0,0,32.3465";

function parsed(text: string): PprrvuImport {
  const result = parsePprrvuCsv(text);
  if (!result.ok) throw new Error(importIssueMessage(result.issue));
  return result.value;
}

describe("reading a PPRRVU file", () => {
  it("finds the header by its content and reads the RVUs and indicators", () => {
    const [row] = parsed(file(ROW_99213)).rows;
    expect(
      row && [
        row.hcpcsCode,
        row.modifier,
        row.statusCode,
        row.workRvu.toString(),
        row.nonFacilityPeRvu.toString(),
        row.facilityPeRvu.toString(),
        row.malpracticeRvu.toString(),
        row.globalDays,
      ],
    ).toEqual(["99213", null, "A", "1.3", "1.35", "0.57", "0.1", "XXX"]);
  });
  it("finds columns by name wherever they are (a column inserted before the CF, as in 2026)", () => {
    const moved = [
      ",,,STATUS,WORK,NON-FAC,NON-FAC,FACILITY,FACILITY,MP,PCTC,GLOB,MULT,BILAT,PRIC,CONV",
      "HCPCS,MOD,DESCRIPTION,CODE,RVU,PE RVU,NA INDICATOR,PE RVU,NA INDICATOR,RVU,IND,DAYS,PROC,SURG,IND,FACTOR",
      "99213,,,A,1.30,1.35,,0.57,,0.10,0,XXX,0,0,9,33.4009",
      END,
    ].join("\n");
    const result = parsed(moved);
    expect([result.rows[0]?.conversionFactor?.toString(), result.rows[0]?.pricingIndicator]).toEqual(["33.4009", "9"]);
  });
  it("takes the release title as the schedule label and the file's conversion factor", () => {
    const result = parsed(file(ROW_99213));
    expect([result.label, result.conversionFactor?.toString()]).toEqual([
      "2025 National Physician Fee Schedule Relative Value File October Release",
      "32.3465",
    ]);
  });
  it("reads a copy re-saved by Excel: lost zeros in codes and global days come back", () => {
    const [row] = parsed(file("100,,,J,0,0,,0,,0,9,90,9,9,32.3465")).rows;
    expect([row?.hcpcsCode, row?.globalDays, row?.workRvu.toString()]).toEqual(["00100", "090", "0"]);
  });
  it("reads NA indicators", () => {
    const [row] = parsed(file("11004,,,A,10.80,4.05,NA,4.05,,2.06,0,000,2,0,32.3465")).rows;
    expect([row?.nonFacilityNaIndicator, row?.facilityNaIndicator]).toEqual([true, false]);
  });
  it("ignores the DOS end-of-file marker some CMS files end with", () => {
    const result = parsed(file(ROW_99213));
    expect([result.rows.length, result.issues]).toEqual([1, []]);
  });
  it("reports a row with a bad code by its row number and keeps the others", () => {
    const result = parsed(file(ROW_99213, "GXXX1,,,X,0.00,0.00,,0.00,,0.00,9,XXX,9,9,32.3465"));
    expect([result.rows.length, result.issues.map(importIssueMessage)]).toEqual([
      1,
      [
        'Row 6, column HCPCS: "GXXX1" is not a CPT/HCPCS code: expected 5 characters like 99213, 0001F, 0075T or J1100.',
      ],
    ]);
  });
  it("reports an unreadable RVU with row, column and value", () => {
    const result = parsed(file("99214,,,A,1.92,n/a,,0.83,,0.15,0,XXX,0,0,32.3465"));
    expect(result.issues.map(importIssueMessage)).toEqual([
      'Row 5, column NON-FAC PE RVU: "n/a" is not valid; expected an RVU from 0 to 10,000.',
    ]);
  });
  it("reports an unknown status code", () => {
    expect(parsed(file("99214,,,Q,1.92,1.80,,0.83,,0.15,0,XXX,0,0,32.3465")).issues).toMatchObject([
      { code: "valueInvalid", rowNumber: 5, column: "STATUS CODE" },
    ]);
  });
  it("reports a repeated code and modifier and keeps the first", () => {
    const result = parsed(file(ROW_99213, ROW_99213.replace("1.30", "9.99")));
    expect([result.rows.map((r) => r.workRvu.toString()), result.issues]).toEqual([
      ["1.3"],
      [{ code: "rowDuplicated", rowNumber: 6, firstRowNumber: 5, key: "99213" }],
    ]);
  });
  it("refuses a file without the PPRRVU header", () => {
    expect(parsePprrvuCsv("code,rate\n99213,100\n")).toEqual({
      ok: false,
      issue: { code: "headerNotFound", fileKind: "CMS PFS relative value (PPRRVU)", expected: "HCPCS and MOD" },
    });
  });
  it("refuses a file that lacks a required column", () => {
    const noMp = "HCPCS,MOD,STATUS CODE,WORK RVU,NON-FAC PE RVU,FACILITY PE RVU\n99213,,A,1.30,1.35,0.57\n";
    expect(parsePprrvuCsv(noMp)).toMatchObject({ ok: false, issue: { code: "columnMissing", column: "MP RVU" } });
  });
  it("refuses an empty file", () =>
    expect(parsePprrvuCsv("")).toMatchObject({ ok: false, issue: { code: "fileEmpty" } }));
});

describeWithSharedData("reading the real CMS PPRRVU files", () => {
  const read = (path: string): PprrvuImport => parsed(readSharedData(path));

  it("reads all 18,664 rows of the CY2024 July release", () => {
    const result = read("cms-pfs/2024-rvu24c/PPRRVU24_JUL.csv");
    expect([result.rows.length, result.issues.length, result.conversionFactor?.toString()]).toEqual([
      18664,
      0,
      "33.2875",
    ]);
  });
  it("reads all 19,090 rows of the CY2025 October release", () => {
    const result = read("cms-pfs/2025-rvu25d/PPRRVU2025_Oct.csv");
    expect([result.rows.length, result.issues.length, result.conversionFactor?.toString()]).toEqual([
      19090,
      0,
      "32.3465",
    ]);
  });
  it("reads all 18,865 rows of the CY2025 January release re-saved by Excel", () => {
    const result = read("cms-pfs/2025-rvu25a-excel-resaved/PPRRVU25_JAN1.csv");
    expect([result.rows.length, result.issues.length]).toEqual([18865, 0]);
  });
  it("reads the CY2026 file with its extra PRIC IND column and reports its one placeholder code", () => {
    const result = read("cms-pfs/2026-rvu26c/PPRRVU2026_Jul_nonQPP.csv");
    expect([result.rows.length, result.conversionFactor?.toString(), result.issues]).toEqual([
      19355,
      "33.4009",
      [
        {
          code: "valueRejected",
          rowNumber: 16248,
          column: "HCPCS",
          issue: { code: "hcpcsCodeMalformed", value: "GXXX1" },
        },
      ],
    ]);
  });
});
