import { parseGpciCsv, type GpciImport } from "../../../src/formats/cmsPfs/gpci";
import { importIssueMessage } from "../../../src/formats/cmsPfs/importIssues";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";

const HEADER_2025 =
  "Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2025 PW GPCI (with 1.0 Floor),2025 PE GPCI,2025 MP GPCI";
// The footnotes CMS prints under the table: a GPCI file that lacks them was cut short.
const FOOTNOTES = [
  "*Work GPCI reflects a 1.5 floor in Alaska established by the MIPPA.,,,,,,",
  "**PE GPCI reflects a 1.0 floor for frontier states established by the ACA.,,,,,,",
];
const file = (...rows: string[]): string =>
  [
    "ADDENDUM E. FINAL CY 2025 GEOGRAPHIC PRACTICE COST INDICES (GPCIs) BY STATE AND MEDICARE LOCALITY,,,,,,",
    ",,,,,,",
    HEADER_2025,
    ...rows,
    ",,,,,,",
    ...FOOTNOTES,
  ].join("\r\n") + "\r\n";

function parsed(text: string): GpciImport {
  const result = parseGpciCsv(text);
  if (!result.ok) throw new Error(importIssueMessage(result.issue));
  return result.value;
}

describe("reading a GPCI file", () => {
  it("reads a locality below the banner rows", () => {
    const [miami] = parsed(file("09102,FL,04,MIAMI,1,1.027,2.5")).localities;
    expect(
      miami && [
        miami.localityKey,
        miami.stateCode,
        miami.localityName,
        miami.workGpci.toString(),
        miami.peGpci.toString(),
        miami.malpracticeGpci.toString(),
      ],
    ).toEqual(["09102-04", "FL", "MIAMI", "1", "1.027", "2.5"]);
  });
  it("restores the zeros Excel dropped from MAC and locality numbers", () => {
    expect(parsed(file("2102,AK,1,ALASKA*,1.5,1.081,0.592")).localities[0]?.localityKey).toBe("02102-01");
  });
  it("drops the footnote asterisks from locality names", () =>
    expect(parsed(file("03402,SD,02,SOUTH DAKOTA**,1,1,0.382")).localities[0]?.localityName).toBe("SOUTH DAKOTA"));
  it("keeps the footnotes under the table as notes, not as bad rows", () => {
    const result = parsed(file("09102,FL,04,MIAMI,1,1.027,2.5"));
    expect([result.notes, result.issues]).toEqual([
      [
        "*Work GPCI reflects a 1.5 floor in Alaska established by the MIPPA.",
        "**PE GPCI reflects a 1.0 floor for frontier states established by the ACA.",
      ],
      [],
    ]);
  });
  it("keeps both work GPCIs when the file has the floored and unfloored columns", () => {
    const header =
      "Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2026 PW GPCI (without 1.0 Floor),2026 PW GPCI (with 1.0 Floor),2026 PE GPCI,2026 MP GPCI";
    const [row] = parsed([header, "10112,AL,00,ALABAMA,0.962,1,0.869,0.575", ""].join("\n")).localities;
    expect([row?.workGpci.toString(), row?.workGpciWithoutFloor?.toString()]).toEqual(["1", "0.962"]);
  });
  it("reads files from before 2021 that have no State column", () => {
    const header =
      "Medicare Administrative Contractor,Locality Number,Locality Name,2020 PW GPCI,2020 PE GPCI,2020 MP GPCI";
    const [row] = parsed([header, "10112,00,ALABAMA,1,0.869,0.575", ""].join("\n")).localities;
    expect([row?.localityKey, row?.stateCode]).toEqual(["10112-00", null]);
  });
  it("reports a locality with an unreadable GPCI by row number", () => {
    expect(parsed(file("09102,FL,04,MIAMI,1,abc,2.5")).issues.map(importIssueMessage)).toEqual([
      'Row 4, column PE GPCI: "abc" is not valid; expected an index from 0 to 5, like 1.000.',
    ]);
  });
  it("refuses a file without a GPCI header", () =>
    expect(parseGpciCsv("a,b\n1,2\n")).toMatchObject({ ok: false, issue: { code: "headerNotFound" } }));
});

describeWithSharedData("reading the real CMS GPCI files", () => {
  it("reads the 109 localities of GPCI2025 and its three footnotes", () => {
    const result = parsed(readSharedData("cms-pfs/2025-rvu25d/GPCI2025.csv"));
    expect([result.localities.length, result.issues.length, result.notes.length]).toEqual([109, 0, 3]);
  });
  it("reads the Excel re-saved GPCI2025 to the same localities", () => {
    const original = parsed(readSharedData("cms-pfs/2025-rvu25d/GPCI2025.csv"));
    const resaved = parsed(readSharedData("cms-pfs/2025-rvu25a-excel-resaved/GPCI2025.csv"));
    const summary = (g: GpciImport) =>
      g.localities.map((l) => `${l.localityKey} ${l.workGpci} ${l.peGpci} ${l.malpracticeGpci}`).sort();
    expect(summary(resaved)).toEqual(summary(original));
  });
});
