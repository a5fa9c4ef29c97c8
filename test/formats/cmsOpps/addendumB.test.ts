// Reading CMS's OPPS Addendum B (../shared/data/cms-opps, SOURCES.md there) into the engine's table of a quarter:
// the real January and October 2025 files as bytes (Windows-1252, CRLF, banner rows, money as text), and copies
// cut short, damaged or re-saved by Excel. A bad row is reported by row and column and never becomes data.
import { readFileSync } from "fs";
import path from "path";
import type { IsoDate } from "../../../src/engine/isoDate";
import { oppsTableOn } from "../../../src/engine/outpatient/oppsTable";
import type { OppsRow } from "../../../src/engine/outpatient/oppsTable";
import { addendumBQuarterOf, parseAddendumBCsv } from "../../../src/formats/cmsOpps/addendumB";
import { addendumBIssueMessage } from "../../../src/formats/cmsOpps/issues";
import { describeWithSharedData, SHARED_DATA } from "../../support/sharedData";

const JANUARY = { label: "Addendum B 2025-01", effectiveStartDate: "2025-01-01" as IsoDate };
const OCTOBER = { label: "Addendum B 2025-10", effectiveStartDate: "2025-10-01" as IsoDate };

const bytesOf = (file: string) => new Uint8Array(readFileSync(path.join(SHARED_DATA ?? "", "cms-opps", file)));
/** A row as a test compares it: SI, APC, weight and rate as text, the row number. */
const rowText = (row: OppsRow | undefined) =>
  row && [row.statusIndicator, row.apc, row.relativeWeight?.toFixed(4) ?? null, row.paymentRate?.toString() ?? null, row.sourceRowNumber]; // prettier-ignore

describeWithSharedData("the real Addendum B of January 2025", () => {
  const parsed = parseAddendumBCsv(bytesOf("opps_addendum_b_2025-01_section508.csv"), JANUARY);
  const table = parsed.ok ? parsed.value.table : null;

  it("reads 18,561 of its 18,562 codes and reports the one CMS wrote with a stray byte (A4341 + 0xFF, row 11491)", () => {
    expect(parsed.ok && parsed.value.rowCount).toBe(18561);
    expect(parsed.ok && parsed.value.issues.map(addendumBIssueMessage)).toEqual([
      'Row 11491, column HCPCS Code: "A4341\u00ff" is not valid; expected a HCPCS code like G0463 or 27447.',
    ]);
  });

  it("reads CMS's reference values: G0463 J2 5012 1.4452 $128.87; 27447 J1 5115 $12,866.82; 99283 J2 5023 $276.89", () => {
    const get = (code: string) => rowText(table?.rows.get(code as OppsRow["hcpcsCode"]));
    expect(get("G0463")).toEqual(["J2", "5012", "1.4452", "128.87", 14280]);
    expect(get("27447")).toEqual(["J1", "5115", "144.2970", "12866.82", 3068]);
    expect(get("99283")).toEqual(["J2", "5023", "3.1052", "276.89", 11192]);
  });

  it("reads a packaged code's blank rate (' ') as no rate: C1713 N", () => {
    expect(rowText(table?.rows.get("C1713" as OppsRow["hcpcsCode"]))).toEqual(["N", null, null, null, 12209]);
  });

  it("is in effect from 2025-01-01 to the end of CY2025", () => {
    expect(table && [table.effectiveStartDate, table.effectiveEndDate]).toEqual(["2025-01-01", "2025-12-31"]);
  });
});

describeWithSharedData("the real Addendum B of October 2025", () => {
  const parsed = parseAddendumBCsv(bytesOf("opps_addendum_b_2025-10_section508.csv"), OCTOBER);
  const table = parsed.ok ? parsed.value.table : null;
  const get = (code: string) => rowText(table?.rows.get(code as OppsRow["hcpcsCode"]));

  it("reads 18,797 of its 18,798 codes and reports the stray byte after A4341 again (row 11609)", () => {
    expect(parsed.ok && parsed.value.rowCount).toBe(18797);
    expect(parsed.ok && parsed.value.issues.map(addendumBIssueMessage)).toEqual([
      'Row 11609, column HCPCS Code: "A4341\u00ff" is not valid; expected a HCPCS code like G0463 or 27447.',
    ]);
  });

  it("reads three-decimal money: 27447 $12,866.820 is 12866.82, A9513 $316.986 keeps its third decimal", () => {
    expect(get("27447")).toEqual(["J1", "5115", "144.2970", "12866.82", 3169]);
    expect(get("A9513")?.[3]).toBe("316.986");
  });

  it("reads a code with a trailing space ('0553U ') and an indicator with spaces (' A ')", () => {
    expect(get("0553U")?.[0]).toBe("A");
    expect(get("0537U")).toEqual(["A", null, null, null, 959]);
  });

  it("is chosen over January's for an October service, and January's for a March one", () => {
    const january = parseAddendumBCsv(bytesOf("opps_addendum_b_2025-01_section508.csv"), JANUARY);
    if (!january.ok || table === null) throw new Error("not parsed");
    const tables = [january.value.table, table];
    const on = (date: string) => {
      const found = oppsTableOn(tables, date as IsoDate);
      return found.ok ? found.value.label : found.issue.code;
    };
    expect([on("2025-03-31"), on("2025-09-30"), on("2025-10-01"), on("2026-01-01")]).toEqual([
      "Addendum B 2025-01",
      "Addendum B 2025-01",
      "Addendum B 2025-10",
      "oppsTableNotInEffect",
    ]);
  });
});

const BANNER = [
  ",Addendum B.-- OPPS Payment by HCPCS Code for CY 2025,,,,,",
  ",CPT codes and descriptions only are copyright 2024 American Medical Association.,,,,,",
  ',"The existence or absence of a HCPCS code does not mean that an item is covered.",,,,,',
  ",Inflation-adjusted 3-digit coinsurance percentage may not precisely reflect the copayment.,,,,,",
  "HCPCS Code,Short Descriptor,SI,APC,Relative Weight,Payment Rate,National Unadjusted Copayment",
];
const fileOf = (...rows: string[]) => [...BANNER, ...rows].join("\r\n") + "\r\n";
const read = (text: string | Uint8Array, options = JANUARY) => {
  const parsed = parseAddendumBCsv(text, options);
  return parsed.ok ? parsed.value : addendumBIssueMessage(parsed.issue);
};
const messagesOf = (text: string) => {
  const parsed = read(text);
  return typeof parsed === "string" ? parsed : parsed.issues.map(addendumBIssueMessage);
};

describe("an Addendum B with messy cells", () => {
  it('reads money as text "$1,234.56", numbers as text and a code Excel lost the zeros of ("100" is 00100)', () => {
    const parsed = read(fileOf('G0463,,J2,5012,1.4452,"$1,234.56",.', "100,,N,,, ,", "A9506,,G,760,,328.6,."));
    if (typeof parsed === "string") throw new Error(parsed);
    const row = (code: string) => rowText(parsed.table.rows.get(code as OppsRow["hcpcsCode"]));
    expect([row("G0463"), row("00100"), row("A9506")]).toEqual([
      ["J2", "5012", "1.4452", "1234.56", 6],
      ["N", null, null, null, 7],
      ["G", "0760", null, "328.6", 8],
    ]);
  });

  it("skips blank rows between codes", () => {
    const parsed = read(fileOf("G0463,,J2,5012,1.4452,$128.87,.", ",,,,,,", "", "99283,,J2,5023,3.1052,$276.89,."));
    expect(typeof parsed !== "string" && [parsed.rowCount, parsed.issues.length]).toEqual([2, 0]);
  });

  it("reads the Windows-1252 banner of the real file's bytes (a ’ in 0x92) without refusing it", () => {
    const text = fileOf("G0463,,J2,5012,1.4452,$128.87,.").replace("copyright", "\u2019copyright");
    const bytes = Uint8Array.from([...text].map((c) => (c === "\u2019" ? 0x92 : c.charCodeAt(0))));
    const parsed = read(bytes);
    expect(typeof parsed !== "string" && parsed.rowCount).toBe(1);
  });

  it("reports a row with an unknown status indicator by row and column, and leaves it out", () => {
    const text = fileOf("G0463,,J2,5012,1.4452,$128.87,.", "99283,,ZZ,5023,3.1052,$276.89,.");
    const parsed = read(text);
    expect(typeof parsed !== "string" && [parsed.rowCount, parsed.table.rows.has("99283" as OppsRow["hcpcsCode"])]).toEqual([1, false]); // prettier-ignore
    expect(messagesOf(text)).toEqual([
      'Row 7, column SI: "ZZ" is not valid; expected an OPPS status indicator like J1, T, N or Q1.',
    ]);
  });

  it("reports a payment rate that is not money, a negative weight and a malformed code", () => {
    const text = fileOf("G0463,,J2,5012,1.4452,$12.86.82,.", "99283,,J2,5023,-3.1052,$276.89,.", "99Z83,,J2,5023,3.1052,$276.89,."); // prettier-ignore
    expect(messagesOf(text)).toEqual([
      'Row 6, column Payment Rate: "$12.86.82" is not valid; expected a payment rate in dollars like $128.87, or blank.',
      'Row 7, column Relative Weight: "-3.1052" is not valid; expected a relative weight like 1.4452, or blank.',
      'Row 8, column HCPCS Code: "99Z83" is not valid; expected a HCPCS code like G0463 or 27447.',
    ]);
  });

  it("keeps the first of two rows for one code and says so", () => {
    const text = fileOf("G0463,,J2,5012,1.4452,$128.87,.", "G0463,,V,5012,1.4452,$99.00,.");
    expect(messagesOf(text)).toEqual(["Row 7 repeats G0463 of row 6; the first one is kept."]);
  });
});

describe("an Addendum B that is not whole or not one", () => {
  it("refuses a file cut in the middle of a line", () => {
    const text = fileOf("G0463,,J2,5012,1.4452,$128.87,.") + "99283,,J2,50";
    expect(read(text)).toBe(
      "The CMS OPPS Addendum B file is cut short: its last line (row 7) stops in the middle, after 1 complete row below the header; a complete file ends with a whole line. Nothing was imported: download the file again.",
    );
  });

  it("refuses a file whose last row stops at a cell boundary", () => {
    expect(read(fileOf("G0463,,J2,5012,1.4452,$128.87,.", "99283,,J2"))).toBe(
      "The CMS OPPS Addendum B file is cut short: its last row (row 7) has 3 of the 5 columns, after 2 data rows. Nothing was imported: download the file again.",
    );
  });

  it("refuses a file that stops after its header", () => {
    expect(read(fileOf())).toBe(
      "The CMS OPPS Addendum B file stops after its header (row 5): it has no data rows. Nothing was imported: download the file again.",
    );
  });

  it("refuses a PPRRVU file given as Addendum B", () => {
    const pprrvu = "HCPCS,MOD,DESCRIPTION,STATUS CODE,WORK RVU\r\n99213,,Office visit,A,1.30\r\n";
    expect(read(pprrvu)).toBe(
      "This is not a CMS OPPS Addendum B file: no header row with HCPCS Code, SI and Payment Rate was found.",
    );
  });

  it("refuses a workbook saved as .xlsx", () => {
    expect(read(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toMatch(
      /^This is not a CMS OPPS Addendum B file: it is /,
    );
  });

  it("refuses a quarter that does not start on a quarter's first day", () => {
    const options = { label: "x", effectiveStartDate: "2025-02-01" as IsoDate };
    expect(read(fileOf("G0463,,J2,5012,1.4452,$128.87,."), options)).toBe(
      '"2025-02-01" is not the first day of a quarter: an Addendum B is in effect from January 1, April 1, July 1 or October 1 (e.g. 2025-10-01 for the October 2025 file).',
    );
  });

  it("refuses a CY2025 file given a 2026 quarter", () => {
    const options = { label: "x", effectiveStartDate: "2026-01-01" as IsoDate };
    expect(read(fileOf("G0463,,J2,5012,1.4452,$128.87,."), options)).toBe(
      "This Addendum B is for CY 2025 (its first rows say so), but it was given the quarter starting 2026-01-01: choose a quarter of 2025.",
    );
  });
});

describe("the quarter of an Addendum B file's name", () => {
  it.each([
    ["opps_addendum_b_2025-01_section508.csv", "2025-01-01"],
    ["508 version of October 2025 Web Addendum B.10.31.25.csv", "2025-10-01"],
    ["Section 508 version of January 2025 Web Addendum B.12.31.24.csv", "2025-01-01"],
    ["addendum b.csv", null],
  ])("reads %s as %s", (name, quarter) => {
    expect(addendumBQuarterOf(name)).toBe(quarter);
  });
});
