// The bad-input catalogue of the payer fee schedule import (issue 10, item 3): each malformed file or range is
// refused with the exact message a user reads, or previewed with the exact problems of its rows and without its bad
// rows among the rows to import.
import {
  payerScheduleIssueMessage,
  previewPayerSchedule,
  previewPayerScheduleFile,
  type PayerSchedulePreview,
} from "../../../src/formats/payerSchedule";
import { fixtureBytes } from "./fixtures";

/** What the preview made of a source: its refusal, or every problem (severity and message) and the rows to import. */
type Outcome = { refused: string } | { problems: string[]; rows: string[] };

function outcomeOf(result: ReturnType<typeof previewPayerSchedule>): Outcome {
  if (!result.ok) return { refused: payerScheduleIssueMessage(result.issue) };
  return { problems: result.value.problems.map((p) => `${p.severity}: ${p.message}`), rows: rowsOf(result.value) };
}

/** The rows to import as "row: code modifier rate", so a test sees which source row became which data. */
const rowsOf = (preview: PayerSchedulePreview): string[] =>
  preview.rows.map(
    (r) => `${r.sourceRowNumber}: ${r.hcpcsCode}${r.modifier ? ` ${r.modifier}` : ""} ${r.nonFacilityRate?.toFixed(2)}`,
  );

const file = (bytes: Uint8Array, name = "acme-ppo-2025.csv") => outcomeOf(previewPayerScheduleFile({ name, bytes }));
const text = (csv: string) => file(new TextEncoder().encode(csv));
/** A three-row schedule with one row replaced: row 3 is the one under test. */
const withRow3 = (line: string) =>
  text(`CPT,Description,Fee\n99212,Office visit,61.20\n${line}\n99214,Office visit,130.52\n`);
const CLEAN_ROWS_2_AND_4 = ["2: 99212 61.20", "4: 99214 130.52"];

describe("bad rates", () => {
  it.each([
    [
      "a rate of 10^20",
      "100000000000000000000",
      'Row 3, column Fee: "100000000000000000000" is not valid; expected a rate of at most $10,000,000.00 per unit.',
    ],
    [
      "a rate beyond any fee",
      '"$12,000,000.00"',
      'Row 3, column Fee: "$12,000,000.00" is not valid; expected a rate of at most $10,000,000.00 per unit.',
    ],
    [
      "a rate in exponent notation",
      "1E+20",
      'Row 3, column Fee: "1E+20" is not valid; expected a rate in dollars, like 125.00 or $1,234.50.',
    ],
    ["a negative rate", "-92.14", 'Row 3, column Fee: "-92.14" is not valid; expected a rate of zero or more.'],
    [
      "text in the rate column",
      "call for rate",
      'Row 3, column Fee: "call for rate" is not valid; expected a rate in dollars, like 125.00 or $1,234.50.',
    ],
  ])("%s is an error on its row, which is not imported", (_what, rate, message) => {
    expect(withRow3(`99213,Office visit,${rate}`)).toEqual({
      problems: [`error: ${message}`],
      rows: CLEAN_ROWS_2_AND_4,
    });
  });

  it("a rate of 10^20 from a workbook cell (a number) is an error too", () => {
    const grid = [
      ["CPT", "Fee"],
      ["99212", 61.2],
      ["99213", 1e20],
    ];
    expect(outcomeOf(previewPayerSchedule(grid))).toEqual({
      problems: ['error: Row 3, column Fee: "100000000000000000000" is not valid; expected a rate of at most $10,000,000.00 per unit.'], // prettier-ignore
      rows: ["2: 99212 61.20"],
    });
  });

  it("the dearest real fee, a gene therapy at $2.1 million a dose, is accepted", () => {
    expect(withRow3("J3399,Gene therapy,2125000.00")).toEqual({
      problems: [],
      rows: ["2: 99212 61.20", "3: J3399 2125000.00", "4: 99214 130.52"],
    });
  });
});

describe("control characters", () => {
  it("a NUL in a description is an error naming row and column, and the row is not imported", () => {
    expect(withRow3("99213,Office\u0000visit,92.14")).toEqual({
      problems: [
        'error: Row 3, column Description: "Office␀visit" holds a control character (U+0000), a sign of a damaged file; the row is left out.',
      ],
      rows: CLEAN_ROWS_2_AND_4,
    });
  });
  it("an escape character in a code is an error, and the row is not imported", () => {
    expect(withRow3("99213\u001b,Office visit,92.14")).toEqual({
      problems: [
        'error: Row 3, column CPT: "99213␛" holds a control character (U+001B), a sign of a damaged file; the row is left out.',
      ],
      rows: CLEAN_ROWS_2_AND_4,
    });
  });
});

describe("codes and cells that went through Excel", () => {
  it("a code stored as a number loses its leading zeros: they come back, with a note", () => {
    expect(withRow3("100,Anesthesia,325.00")).toEqual({
      problems: ["info: Row 3, column CPT: code 100 lost its leading zeros (a number in Excel); read as 00100."],
      rows: ["2: 99212 61.20", "3: 00100 325.00", "4: 99214 130.52"],
    });
  });
  it("a code stored as a number in a workbook range comes back the same way", () => {
    const grid = [
      ["CPT", "Fee"],
      [100, 325],
      [99213, 92.14],
    ];
    expect(outcomeOf(previewPayerSchedule(grid))).toEqual({
      problems: ["info: Row 2, column CPT: code 100 lost its leading zeros (a number in Excel); read as 00100."],
      rows: ["2: 00100 325.00", "3: 99213 92.14"],
    });
  });
  it("a Category II code whose zeros cannot be restored is an error, and the row is not imported", () => {
    expect(withRow3("1F,Quality measure,0.01")).toEqual({
      problems: [
        'error: Row 3, column CPT: "1F" is not a CPT/HCPCS code: expected 5 characters like 99213, 0001F, 0075T or J1100.',
      ],
      rows: CLEAN_ROWS_2_AND_4,
    });
  });
  it("trailing spaces around a code and a rate are not part of them", () => {
    expect(withRow3("99213   ,Office visit , 92.14 ")).toEqual({
      problems: [],
      rows: ["2: 99212 61.20", "3: 99213 92.14", "4: 99214 130.52"],
    });
  });
  it("blank rows are counted and skipped, never imported", () => {
    const result = previewPayerScheduleFile({
      name: "gaps.csv",
      bytes: new TextEncoder().encode("CPT,Fee\n99212,61.20\n,\n \n99213,92.14\n"),
    });
    expect(result.ok && [result.value.counts.blankRows, rowsOf(result.value), result.value.problems]).toEqual([
      2,
      ["2: 99212 61.20", "5: 99213 92.14"],
      [],
    ]);
  });
});

describe("rows that repeat a code", () => {
  it("an identical repeat is dropped with a warning", () => {
    expect(withRow3("99212,Office visit,61.20")).toEqual({
      problems: ["warning: Row 3 repeats 99212 of row 2; the first one is kept."],
      rows: CLEAN_ROWS_2_AND_4,
    });
  });
  it("a repeat with another rate is an error naming both rows, and neither is imported", () => {
    expect(withRow3("99212,Office visit,65.00")).toEqual({
      problems: [
        "error: Rows 2 and 3 give 99212 different rates (61.20 / blank and 65.00 / blank) for the same dates: delete one or give them dates that do not overlap. Neither is imported.",
      ],
      rows: ["4: 99214 130.52"],
    });
  });
});

describe("files that are cut, broken or not schedules", () => {
  it("a file cut inside its last line warns that the last row may be incomplete", () => {
    expect(text("CPT,Description,Fee\n99212,Office visit,61.20\n99213,Office visit,92.1")).toEqual({
      problems: [
        "warning: Row 3 is the last line of the file and has no line break after it: if the file was cut short, its values are incomplete. Check it against the payer's schedule.",
      ],
      rows: ["2: 99212 61.20", "3: 99213 92.10"],
    });
  });
  it("a quote that is never closed is a warning on its row", () => {
    expect(
      text('CPT,Description,Fee\n99212,Office visit,61.20\n99213,"Office visit,92.14\n99214,Visit,130.52\n'),
    ).toEqual({
      problems: [
        "warning: Row 3 opens a quoted cell that is never closed: the rows after it may have been read into one cell. Check the quotes in the file.",
        "error: Row 3 has a code but no rate: enter a non-facility or facility rate.",
      ],
      rows: ["2: 99212 61.20"],
    });
  });
  it.each([
    ["a PDF", [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37], '"acme-ppo-2025.csv" is a PDF document, not a CSV, TSV or text file. Ask the payer for the schedule as Excel or CSV.'], // prettier-ignore
    ["an Excel workbook", [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], `"acme-ppo-2025.csv" is an Excel workbook (.xlsx) or a ZIP archive, not a CSV, TSV or text file. Open a workbook in Excel and use 'From the workbook' with the schedule selected; unzip an archive first.`], // prettier-ignore
    ["a price-transparency JSON file", [...new TextEncoder().encode('{"hospital_name":"West"}')], '"acme-ppo-2025.csv" is a JSON file, not a CSV, TSV or text file. Price-transparency JSON files are not fee schedules: use their CSV form or a payer\'s schedule.'], // prettier-ignore
    ["binary data", Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? 0 : 65 + (i % 26))), '"acme-ppo-2025.csv" is a binary file, not a CSV, TSV or text file. Choose the CSV, TSV or text export of the fee schedule.'], // prettier-ignore
    [
      "a file of blank lines",
      [...new TextEncoder().encode("\r\n,,\r\n  \r\n")],
      "The payer fee schedule file is empty.",
    ],
  ])("%s is refused", (_what, bytes, message) => {
    expect(file(new Uint8Array(bytes))).toEqual({ refused: message });
  });
  it("a CMS GPCI file chosen as a payer schedule is refused: it has no code column", () => {
    const gpci =
      "Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2025 PW GPCI (with 1.0 Floor),2025 PE GPCI,2025 MP GPCI\n10112,AL,00,ALABAMA,1,0.869,0.575\n";
    expect(text(gpci)).toEqual({
      refused:
        "This is not a payer fee schedule file: no header row with a code column (Code, CPT, HCPCS, Procedure Code, ...) and a rate column (Rate, Fee, Allowed, Amount, Facility, ...) was found.",
    });
  });
});

describe("text encodings", () => {
  it("a Windows (ANSI) file reads its accents and says how it was read", () => {
    const result = previewPayerScheduleFile({ name: "w.csv", bytes: fixtureBytes("windows-1252-accents.csv") });
    expect(
      result.ok && [
        result.value.encoding,
        result.value.rows.at(0)?.description,
        result.value.problems.map((p) => p.message),
      ],
    ).toEqual([
      // prettier-ignore
      "windows-1252",
      "Consultation médicale",
      ["The file is not UTF-8; it was read as Windows (ANSI) text, as Excel on Windows saves CSV. Check accented letters in descriptions."], // prettier-ignore
    ]);
  });
  it("a UTF-8 file with accents is read as UTF-8 first, not as Windows text", () => {
    const result = previewPayerScheduleFile({
      name: "u.csv",
      bytes: new TextEncoder().encode("\uFEFFCode,Description,Rate\n99213,Consultation médicale,92.14\n"),
    });
    expect(result.ok && [result.value.encoding, result.value.rows.at(0)?.description, result.value.problems]).toEqual([
      "utf-8",
      "Consultation médicale",
      [],
    ]);
  });
});
