// The bad-input catalogue of the CMS readers (issue 10, item 3): each malformed PPRRVU or GPCI file is refused with
// the exact message a user reads, or read with the exact row messages and without its bad rows becoming data.
// Built from the verbatim excerpts in test/fixtures/cms-pfs, and from ../shared/data where it exists.
import { readFileSync } from "fs";
import path from "path";
import { parseGpciCsv } from "../../../src/formats/cmsPfs/gpci";
import { importIssueMessage } from "../../../src/formats/cmsPfs/importIssues";
import { parsePprrvuCsv } from "../../../src/formats/cmsPfs/pprrvu";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";

const FIXTURES = path.resolve(__dirname, "../../fixtures/cms-pfs");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");
const PPRRVU = fixture("pprrvu-2025-oct-excerpt.csv");
const GPCI = fixture("gpci-2025-excerpt.csv");

/** A file's lines (CRLF in both excerpts), edited, joined again. */
function edited(text: string, edit: (lines: string[]) => void): string {
  const lines = text.split("\r\n");
  edit(lines);
  return lines.join("\r\n");
}
/** A line with one cell replaced (0-based column; no cell of these lines is quoted). */
function withCell(line: string | undefined, column: number, value: string): string {
  const cells = (line ?? "").split(",");
  cells[column] = value;
  return cells.join(",");
}
/** Line `rowNumber` (1-based, as a spreadsheet shows it) of an edit's lines. */
const row = (lines: string[], rowNumber: number) => lines[rowNumber - 1];
const setRow = (lines: string[], rowNumber: number, value: string) => {
  lines[rowNumber - 1] = value;
};

/** PPRRVU columns in the 2025 layout (0-based). */
const HCPCS = 0;
const STATUS = 3;
const WORK_RVU = 5;
const NON_FAC_PE_RVU = 6;
const MP_RVU = 10;
const CONV_FACTOR = 24;
/** The excerpt's data rows: 16 codes on rows 11 to 26, then the end-of-file marker on row 27. */
const PPRRVU_ROWS = Array.from({ length: 16 }, (_, i) => 11 + i);

/** What a reader made of a file: its refusal, or its row messages and the rows that became data. */
type Outcome = { refused: string } | { messages: string[]; warnings?: string[]; dataRows: number[] };

function pprrvu(input: string | Uint8Array): Outcome {
  const result = parsePprrvuCsv(input);
  if (!result.ok) return { refused: importIssueMessage(result.issue) };
  return { messages: result.value.issues.map(importIssueMessage), dataRows: result.value.rows.map((r) => r.sourceRowNumber ?? 0) }; // prettier-ignore
}

/** GPCI rows are not numbered in the parsed localities: they are told by locality key and name. */
function gpci(
  input: string | Uint8Array,
): { refused: string } | { messages: string[]; warnings: string[]; localities: string[] } {
  const result = parseGpciCsv(input);
  if (!result.ok) return { refused: importIssueMessage(result.issue) };
  return {
    messages: result.value.issues.map(importIssueMessage),
    warnings: result.value.warnings.map(importIssueMessage),
    localities: result.value.localities.map((l) => `${l.localityKey} ${l.localityName}`),
  };
}

const without = (rows: readonly number[], ...bad: number[]) => rows.filter((r) => !bad.includes(r));
const GET_IT_AGAIN = "Nothing was imported: download the file again.";
const PPRRVU_KIND = "CMS PFS relative value (PPRRVU)";

describe("bad PPRRVU files", () => {
  it("a copy cut inside a line is refused", () => {
    const text = edited(PPRRVU, (lines) => lines.splice(19, lines.length, (lines[19] ?? "").slice(0, 20)));
    expect(pprrvu(text)).toEqual({
      refused: `The ${PPRRVU_KIND} file is cut short: its last line (row 20) stops in the middle, after 9 complete rows below the header; a complete file ends with a whole line. ${GET_IT_AGAIN}`,
    });
  });

  it("a copy cut at a line boundary, before the V codes, is refused", () => {
    const text = edited(PPRRVU, (lines) => lines.splice(26, 1));
    expect(pprrvu(text)).toEqual({
      refused: `The ${PPRRVU_KIND} file is cut short: it stops at row 26 (code G2211) after 16 data rows, but CMS lists the codes in order and a complete file runs on to the V codes (HCPCS Level II), which follow the CPT codes. ${GET_IT_AGAIN}`,
    });
  });

  it("a copy cut inside its last line, then given a line break by an editor, is refused", () => {
    const text = edited(PPRRVU, (lines) => lines.splice(25, lines.length, (lines[25] ?? "").split(",").slice(0, 8).join(","), "")); // prettier-ignore
    expect(pprrvu(text)).toEqual({
      refused: `The ${PPRRVU_KIND} file is cut short: its last row (row 26) has 8 of the 31 columns, after 16 data rows. ${GET_IT_AGAIN}`,
    });
  });

  it("a code listed twice keeps the first row and names both", () => {
    const text = edited(PPRRVU, (lines) => lines.splice(23, 0, withCell(row(lines, 23), WORK_RVU, "9.99")));
    expect(pprrvu(text)).toEqual({
      messages: ["Row 24 repeats 99213 of row 23; the first one is kept."],
      dataRows: [...PPRRVU_ROWS.slice(0, 13), ...PPRRVU_ROWS.slice(13).map((r) => r + 1)],
    });
  });

  it.each([
    [
      "text in an RVU column",
      WORK_RVU,
      "n/a",
      'Row 23, column WORK RVU: "n/a" is not valid; expected an RVU from 0 to 10,000.',
    ],
    [
      "an RVU of 10^20",
      NON_FAC_PE_RVU,
      "100000000000000000000",
      'Row 23, column NON-FAC PE RVU: "100000000000000000000" is not valid; expected an RVU from 0 to 10,000.',
    ],
    [
      "an RVU in exponent notation",
      MP_RVU,
      "1E+20",
      'Row 23, column MP RVU: "1E+20" is not valid; expected an RVU from 0 to 10,000.',
    ],
    [
      "a negative RVU",
      WORK_RVU,
      "-1.30",
      'Row 23, column WORK RVU: "-1.30" is not valid; expected an RVU from 0 to 10,000.',
    ],
    [
      "a conversion factor of 10^20",
      CONV_FACTOR,
      "100000000000000000000",
      'Row 23, column CONV FACTOR: "100000000000000000000" is not valid; expected a conversion factor in dollars from 0 to 1,000.',
    ],
    [
      "an unknown status code",
      STATUS,
      "Q",
      'Row 23, column STATUS CODE: "Q" is not valid; expected a PFS status code letter (A, B, C, ... X).',
    ],
    [
      "a NUL character in the code",
      HCPCS,
      "992\u000013",
      'Row 23, column HCPCS: "992␀13" holds a control character (U+0000), a sign of a damaged file; the row is left out.',
    ],
    [
      "an escape character in a value",
      MP_RVU,
      "0.10\u001b",
      'Row 23, column MP RVU: "0.10␛" holds a control character (U+001B), a sign of a damaged file; the row is left out.',
    ],
  ])("%s is reported on its row, which is left out", (_what, column, value, message) => {
    const text = edited(PPRRVU, (lines) => setRow(lines, 23, withCell(row(lines, 23), column, value)));
    expect(pprrvu(text)).toEqual({ messages: [message], dataRows: without(PPRRVU_ROWS, 23) });
  });

  it("a code that lost its leading zeros in Excel is read with them back, silently", () => {
    const result = parsePprrvuCsv(edited(PPRRVU, (lines) => setRow(lines, 12, withCell(row(lines, 12), HCPCS, "100"))));
    expect(result.ok && [result.value.issues, result.value.rows[1]?.hcpcsCode]).toEqual([[], "00100"]);
  });

  it("blank rows between the codes and spaces around cells change nothing", () => {
    const text = edited(PPRRVU, (lines) => {
      setRow(lines, 23, withCell(row(lines, 23), HCPCS, " 99213   "));
      lines.splice(15, 0, ",".repeat(30), "");
    });
    expect(pprrvu(text)).toEqual({
      messages: [],
      dataRows: [...PPRRVU_ROWS.slice(0, 5), ...PPRRVU_ROWS.slice(5).map((r) => r + 2)],
    });
  });

  it("a quote opened in a description and closed three lines later takes those rows with it", () => {
    const text = edited(PPRRVU, (lines) => {
      setRow(lines, 17, withCell(row(lines, 17), 2, '"Office visit'));
      setRow(lines, 20, withCell(row(lines, 20), 2, 'new patient"'));
    });
    expect(pprrvu(text)).toEqual({
      messages: [
        "Row 17 opens a quoted cell that runs over 3 line breaks: the lines after it were read into one cell and are left out. Check the quotes in the file.",
      ],
      // The four lines became one record: the rows after it are numbered as a spreadsheet would show them.
      dataRows: [...PPRRVU_ROWS.slice(0, 6), ...PPRRVU_ROWS.slice(10).map((r) => r - 3)],
    });
  });

  it("a quote that is never closed refuses the file", () => {
    const text = edited(PPRRVU, (lines) => setRow(lines, 17, withCell(row(lines, 17), 2, '"Office visit')));
    expect(pprrvu(text)).toEqual({
      refused: `Row 17 of the ${PPRRVU_KIND} file opens a quoted cell that is never closed: the 10 lines after it were read as one cell. Nothing was imported: check the quotes in the file.`,
    });
  });

  it("a PDF is refused as not CSV", () => {
    expect(pprrvu(new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj"))).toEqual({
      refused: `This is not a ${PPRRVU_KIND} file: it is a PDF document. Download the CSV file from CMS.`,
    });
  });

  it("an Excel workbook named .csv is refused with how to save it as CSV", () => {
    expect(pprrvu(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toEqual({
      refused: `This is not a ${PPRRVU_KIND} file: it is an Excel workbook (.xlsx) or a ZIP archive. Open it in Excel and save it as CSV (Comma delimited), then choose the .csv file.`,
    });
  });

  it("a GPCI file chosen as the relative value file is refused", () => {
    expect(pprrvu(GPCI)).toEqual({
      refused: `This is not a ${PPRRVU_KIND} file: no header row with HCPCS and MOD was found.`,
    });
  });

  it("the same file saved by Excel as Unicode text (UTF-16 with a byte-order mark) reads the same", () => {
    const utf16 = new Uint8Array(2 + PPRRVU.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < PPRRVU.length; i++) utf16[2 + 2 * i] = PPRRVU.charCodeAt(i);
    expect(pprrvu(utf16)).toEqual(pprrvu(PPRRVU));
  });
});

const GPCI_KIND = "CMS GPCI";
const GPCI_LOCALITIES = [
  "10112-00 ALABAMA",
  "02102-01 ALASKA",
  "01112-05 SAN FRANCISCO-OAKLAND-BERKELEY (SAN FRANCISCO/SAN MATEO/ALAMEDA/CONTRA COSTA CNTY)",
  "09102-04 MIAMI",
  "13202-01 MANHATTAN",
  "04412-18 HOUSTON",
  "04412-99 REST OF TEXAS",
];
/** GPCI columns (0-based). */
const LOCALITY_NUMBER = 2;
const LOCALITY_NAME = 3;
const PE_GPCI = 5;
const MP_GPCI = 6;

describe("bad GPCI files", () => {
  it("a copy cut inside a line is refused", () => {
    const text = edited(GPCI, (lines) => lines.splice(7, lines.length, (lines[7] ?? "").slice(0, 15)));
    expect(gpci(text)).toEqual({
      refused: `The ${GPCI_KIND} file is cut short: its last line (row 8) stops in the middle, after 4 complete rows below the header; a complete file ends with a whole line. ${GET_IT_AGAIN}`,
    });
  });

  it("a copy cut after the last locality, without the footnotes, is refused", () => {
    const text = edited(GPCI, (lines) => lines.splice(10, lines.length, ""));
    expect(gpci(text)).toEqual({
      refused: `The ${GPCI_KIND} file is cut short: it stops at row 10 after 7 localities, and the footnote for "*" (row 5, ALASKA*) that CMS prints under the table is missing. ${GET_IT_AGAIN}`,
    });
  });

  it("an unclosed quote that swallows localities is reported, and they are not imported", () => {
    const text = edited(GPCI, (lines) => setRow(lines, 6, withCell(row(lines, 6), LOCALITY_NAME, '"SAN FRANCISCO')));
    expect(gpci(text)).toEqual({
      messages: [
        "Row 6 opens a quoted cell that runs over 5 line breaks: the lines after it were read into one cell and are left out. Check the quotes in the file.",
      ],
      warnings: [],
      localities: GPCI_LOCALITIES.slice(0, 2),
    });
  });

  it("a locality listed twice with different values is reported naming both rows, and neither is imported", () => {
    const text = edited(GPCI, (lines) => lines.splice(10, 0, withCell(row(lines, 9), PE_GPCI, "1.103")));
    expect(gpci(text)).toEqual({
      messages: [
        "Rows 9 and 11 both list locality 04412-18 with different values (HOUSTON, TX: work 1.014, PE 1.003, MP 1.409 and HOUSTON, TX: work 1.014, PE 1.103, MP 1.409): neither is imported. Delete the wrong row.",
      ],
      warnings: [],
      localities: GPCI_LOCALITIES.filter((l) => !l.startsWith("04412-18")),
    });
  });

  it("a locality listed twice with the same values is imported once, with a note", () => {
    const text = edited(GPCI, (lines) => lines.splice(10, 0, row(lines, 9) ?? ""));
    expect(gpci(text)).toEqual({
      messages: ["Row 11 repeats 04412-18 of row 9; the first one is kept."],
      warnings: [],
      localities: GPCI_LOCALITIES,
    });
  });

  it("a locality name that looks like a formula is kept as text, unchanged, with a warning", () => {
    const name = '=HYPERLINK("http://x", "SAN FRANCISCO")';
    const text = edited(GPCI, (lines) => setRow(lines, 6, withCell(row(lines, 6), LOCALITY_NAME, `"${name.replace(/"/g, '""')}"`))); // prettier-ignore
    expect(gpci(text)).toEqual({
      messages: [],
      warnings: [
        `Row 6, column Locality Name: "${name}" looks like a formula; it is kept as text and will not be calculated.`,
      ],
      localities: GPCI_LOCALITIES.map((l) => (l.startsWith("01112-05") ? `01112-05 ${name}` : l)),
    });
  });

  it.each([
    [
      "a GPCI of 10^20",
      PE_GPCI,
      "100000000000000000000",
      'Row 7, column PE GPCI: "100000000000000000000" is not valid; expected an index from 0 to 5, like 1.000.',
    ],
    [
      "a negative GPCI",
      MP_GPCI,
      "-2.5",
      'Row 7, column MP GPCI: "-2.5" is not valid; expected an index from 0 to 5, like 1.000.',
    ],
    [
      "text in a GPCI column",
      PE_GPCI,
      "n/a",
      'Row 7, column PE GPCI: "n/a" is not valid; expected an index from 0 to 5, like 1.000.',
    ],
    [
      "a locality number that is not one",
      LOCALITY_NUMBER,
      "4A",
      'Row 7, column Locality Number: "4A" is not valid; expected a locality number like 05.',
    ],
    [
      "a NUL character in the locality name",
      LOCALITY_NAME,
      "MIA\u0000MI",
      'Row 7, column Locality Name: "MIA␀MI" holds a control character (U+0000), a sign of a damaged file; the row is left out.',
    ],
  ])("%s is reported on its row, which is left out", (_what, column, value, message) => {
    const text = edited(GPCI, (lines) => setRow(lines, 7, withCell(row(lines, 7), column, value)));
    expect(gpci(text)).toEqual({
      messages: [message],
      warnings: [],
      localities: GPCI_LOCALITIES.filter((l) => !l.startsWith("09102-04")),
    });
  });

  it("a MAC that is not a number is reported on its row, which is left out", () => {
    const text = edited(GPCI, (lines) => setRow(lines, 7, withCell(row(lines, 7), 0, "FL-MAC")));
    expect(gpci(text)).toEqual({
      messages: ['Row 7, column Medicare Administrative Contractor (MAC): "FL-MAC" is not valid; expected a MAC number like 01112.'], // prettier-ignore
      warnings: [],
      localities: GPCI_LOCALITIES.filter((l) => !l.startsWith("09102-04")),
    });
  });

  it("a PPRRVU file chosen as the GPCI file is refused", () => {
    expect(gpci(PPRRVU)).toEqual({
      refused: `This is not a ${GPCI_KIND} file: no header row with Locality and GPCI was found.`,
    });
  });

  it("a Windows (ANSI) copy with an accented name reads the accent, not mojibake", () => {
    const text = edited(GPCI, (lines) =>
      setRow(lines, 7, withCell(row(lines, 7), LOCALITY_NAME, "MIAMI-DADE (SAN JOSÉ)")),
    );
    const ansi = Uint8Array.from(text, (c) => (c === "É" ? 0xc9 : c.charCodeAt(0)));
    const result = gpci(ansi);
    expect("localities" in result && result.localities[3]).toBe("09102-04 MIAMI-DADE (SAN JOSÉ)");
  });
});

describeWithSharedData("bad copies of the real GPCI2025 file", () => {
  it("an unclosed quote swallows every locality up to the next quote in the file, and the problem names its row", () => {
    const lines = readSharedData("cms-pfs/2025-rvu25d/GPCI2025.csv").split("\r\n");
    setRow(lines, 9, withCell(row(lines, 9), LOCALITY_NAME, `"${(row(lines, 9) ?? "").split(",")[LOCALITY_NAME]}`));
    // The lines from row 9 up to the next line holding a quote become one cell.
    const closing = lines.findIndex((line, index) => index >= 9 && line.includes('"'));
    const swallowed = closing - 8;
    const result = parseGpciCsv(lines.join("\r\n"));
    expect(result.ok && [result.value.localities.length, result.value.issues.map(importIssueMessage)]).toEqual([
      109 - 1 - swallowed,
      [
        `Row 9 opens a quoted cell that runs over ${swallowed} line breaks: the lines after it were read into one cell and are left out. Check the quotes in the file.`,
      ],
    ]);
  });
});
