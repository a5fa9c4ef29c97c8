import {
  checkScheduleFileSize,
  decodeScheduleFile,
  payerScheduleIssueMessage,
  previewPayerScheduleFile,
  PAYER_SCHEDULE_MAX_BYTES,
} from "../../../src/formats/payerSchedule";
import { fixtureBytes, previewBytes, previewFixture, rowSummaries } from "./fixtures";

function refusal(name: string, bytes: Uint8Array): string {
  const result = previewPayerScheduleFile({ name, bytes });
  if (result.ok) throw new Error(`${name} was accepted`);
  return payerScheduleIssueMessage(result.issue);
}

const bytesOf = (...values: number[]): Uint8Array => new Uint8Array([...values, ...new TextEncoder().encode("abc")]);

describe("refusing files that cannot be a schedule, before reading them", () => {
  it("refuses a file over the size limit with its size and the limit", () => {
    const huge = new Uint8Array(PAYER_SCHEDULE_MAX_BYTES + 1024 * 1024);
    expect(refusal("all-payers.csv", huge)).toBe(
      "The file is 26 MB; the limit is 25 MB. Filter it to the codes you need or split it, then import the parts.",
    );
  });
  it("refuses by size alone, so the task pane can check File.size before loading the file", () => {
    const result = checkScheduleFileSize(40 * 1024 * 1024, 10 * 1024 * 1024);
    expect(!result.ok && payerScheduleIssueMessage(result.issue)).toMatch(/^The file is 40 MB; the limit is 10 MB/);
  });
  it("refuses an empty file", () => {
    expect(refusal("empty.csv", new Uint8Array(0))).toBe("The payer fee schedule file is empty.");
  });
  it("refuses a file of blank lines as empty", () => {
    expect(refusal("blank.csv", new TextEncoder().encode("\r\n \r\n,,,\r\n"))).toBe(
      "The payer fee schedule file is empty.",
    );
  });
  it("refuses a PDF renamed to .csv", () => {
    expect(refusal("error.pdf-renamed-to-csv.csv", fixtureBytes("error.pdf-renamed-to-csv.csv"))).toBe(
      '"error.pdf-renamed-to-csv.csv" is a PDF document, not a CSV, TSV or text file. Ask the payer for the schedule as Excel or CSV.',
    );
  });
  it("refuses an XLSX given as a text file and says to open it and use 'From the workbook'", () => {
    expect(refusal("rates.csv", bytesOf(0x50, 0x4b, 0x03, 0x04))).toMatch(
      /is an Excel workbook \(\.xlsx\) or a ZIP archive.*Open a workbook in Excel and use 'From the workbook'/,
    );
  });
  it("refuses an old .xls workbook and says to save it as .xlsx or CSV", () => {
    expect(refusal("rates.xls", bytesOf(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toMatch(
      /old-format Excel workbook \(\.xls\).*save it as \.xlsx or CSV/,
    );
  });
  it("refuses a binary file, full of NUL bytes", () => {
    const binary = new Uint8Array(512).map((_, i) => (i % 3 === 0 ? 0 : i % 251));
    expect(refusal("rates.dat", binary)).toBe(
      '"rates.dat" is a binary file, not a CSV, TSV or text file. Choose the CSV, TSV or text export of the fee schedule.',
    );
  });
  it("refuses a price-transparency JSON file with a precise reason", () => {
    expect(refusal("mrf.json", new TextEncoder().encode('{ "hospital_name": "West Mercy" }'))).toMatch(
      /is a JSON file.*not fee schedules/,
    );
  });
  it("refuses a file without a code and rate header and says what it looked for", () => {
    expect(refusal("error.no-header-row.csv", fixtureBytes("error.no-header-row.csv"))).toBe(
      "This is not a payer fee schedule file: no header row with a code column (Code, CPT, HCPCS, Procedure Code, ...) and a rate column (Rate, Fee, Allowed, Amount, Facility, ...) was found.",
    );
  });
});

describe("decoding text files", () => {
  it("reads Excel's 'Unicode Text' export (UTF-16 with a byte-order mark, tab-delimited)", () => {
    const text = "\uFEFFCPT\tFee\r\n99213\t92.14\r\n";
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      utf16[i * 2] = text.charCodeAt(i) & 0xff;
      utf16[i * 2 + 1] = text.charCodeAt(i) >> 8;
    }
    const preview = previewBytes("unicode.txt", utf16);
    expect([preview.encoding, preview.delimiter, rowSummaries(preview)]).toEqual(["utf-16le", "\t", ["99213 92.14/-"]]);
  });
  it("reads a Windows (ANSI) CSV from Excel and notes it", () => {
    const preview = previewFixture("windows-1252-accents.csv");
    expect([preview.rows.at(0)?.description, preview.problems.map((p) => p.severity)]).toEqual([
      "Consultation médicale",
      ["info"],
    ]);
  });
  it("keeps UTF-8 text with a byte-order mark as UTF-8 without the mark", () => {
    const decoded = decodeScheduleFile({ name: "a.csv", bytes: new Uint8Array([0xef, 0xbb, 0xbf, 0x41]) });
    expect(decoded.ok && [decoded.value.encoding, decoded.value.text.replace(/^\uFEFF/, "")]).toEqual(["utf-8", "A"]);
  });
});
