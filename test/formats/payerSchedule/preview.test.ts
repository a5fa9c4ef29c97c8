import { previewPayerSchedule } from "../../../src/formats/payerSchedule";
import { previewFixture, previewText, problemsOfRow, rowSummaries } from "./fixtures";

describe("codes that went through Excel", () => {
  const preview = previewFixture("excel-resaved-numeric-codes.csv");
  it("restores the leading zeros of codes stored as numbers and says so as info", () => {
    expect(problemsOfRow(preview.problems, 2)).toEqual([
      "info: Row 2, column Code: code 100 lost its leading zeros (a number in Excel); read as 00100.",
    ]);
    expect(rowSummaries(preview).slice(0, 2)).toEqual(["00100 325.00/-", "00110 410.50/-"]);
  });
  it("reads 99213.0 as 99213 and keeps its modifier", () => {
    expect(rowSummaries(preview)[3]).toBe("99213 25 92.14/-");
  });
  it("rejects a Category II code whose zeros cannot be restored, naming the value", () => {
    expect(problemsOfRow(preview.problems, 6)).toEqual([
      'error: Row 6, column Code: "1F" is not a CPT/HCPCS code: expected 5 characters like 99213, 0001F, 0075T or J1100.',
      "warning: Row 6, column Rate: the rate is 0.00. Is the service really paid nothing?",
    ]);
  });
  it("warns about a zero rate but keeps the row", () => {
    expect([problemsOfRow(preview.problems, 7), rowSummaries(preview).at(-1)]).toEqual([
      ["warning: Row 7, column Rate: the rate is 0.00. Is the service really paid nothing?"],
      "0001F 0.00/-",
    ]);
  });
});

describe("a payer export with banner rows and odd headers", () => {
  const preview = previewFixture("banner-rows-odd-headers.csv");
  it("skips the banner and blank rows and finds the header by its content", () => {
    expect(preview.headerRowNumber).toBe(4);
  });
  it("maps headers with trailing spaces and line breaks inside the cell", () => {
    expect(preview.mapping).toEqual({
      hcpcsCode: 0,
      modifier: 1,
      description: 2,
      nonFacilityRate: 3,
      facilityRate: 4,
      effectiveStartDate: 5,
      effectiveEndDate: 6,
    });
  });
  it("reads trimmed codes, currency text and US dates", () => {
    expect(rowSummaries(preview)).toEqual([
      "99213 92.14/65.43",
      "99214 130.52/95.01",
      "71046 26 12.80/12.80",
      "71046 TC 28.35/-",
      "J1100 1234.50/-",
    ]);
    expect([preview.rows.at(0)?.effectiveStartDate, preview.rows.at(0)?.effectiveEndDate]).toEqual([
      "2025-01-01",
      "2025-12-31",
    ]);
  });
  it("counts the blank rows it skipped and skips the footnote as a note", () => {
    expect([preview.counts.blankRows, preview.counts.skippedRows, problemsOfRow(preview.problems, 13)]).toEqual([
      3,
      1,
      [
        'info: Row 13 has no code and no rate ("* CPT codes and descriptions only are copyright AMA"): skipped as a note.',
      ],
    ]);
  });
  it("keeps an open end date open", () => {
    expect(preview.rows.at(-1)?.effectiveEndDate).toBeNull();
  });
  it("numbers rows as a spreadsheet shows them: a line break inside a header cell does not add a row", () => {
    expect(preview.rows.map((r) => r.sourceRowNumber)).toEqual([5, 6, 8, 9, 12]);
  });
});

describe("listing every problem by row before anything is written", () => {
  const preview = previewFixture("problems-by-row.csv");
  it.each([
    [3, 'error: Row 3, column Allowed: "N/A" is not valid; expected a rate in dollars, like 125.00 or $1,234.50.'],
    [4, 'error: Row 4, column Allowed: "call" is not valid; expected a rate in dollars, like 125.00 or $1,234.50.'],
    [5, 'error: Row 5, column Allowed: "$1,2a" is not valid; expected a rate in dollars, like 125.00 or $1,234.50.'],
    [6, 'error: Row 6, column Allowed: "-14.00" is not valid; expected a rate of zero or more.'],
    [
      7,
      'error: Row 7, column CPT: "992130" is not a CPT/HCPCS code: expected 5 characters like 99213, 0001F, 0075T or J1100.',
    ],
    [
      8,
      'error: Row 8, column CPT: "ABCDE" is not a CPT/HCPCS code: expected 5 characters like 99213, 0001F, 0075T or J1100.',
    ],
    [
      9,
      'error: Row 9, column Mod: "XYZ" is not a modifier: expected two letters or digits like 26, TC or 59, separated by spaces or commas.',
    ],
    [11, "warning: Row 11 repeats 99213 of row 10; the first one is kept."],
    [
      13,
      "error: Rows 12 and 13 give 99214 different rates (130.52 / blank and 128.00 / blank) for the same dates: delete one or give them dates that do not overlap. Neither is imported.",
    ],
    [14, "error: Row 14 ends (2025-01-01) before it starts (2025-12-31): check its effective dates."],
    [
      15,
      'error: Row 15, column Effective Date: "2025-13-45" is not valid; expected a date like 2025-01-01, 1/1/2025 or an Excel date.',
    ],
  ])("row %i: %s", (rowNumber, message) => {
    expect(problemsOfRow(preview.problems, rowNumber)).toEqual([message]);
  });
  it("keeps formula-looking text as text and flags it as info", () => {
    expect([16, 17, 18].flatMap((row) => problemsOfRow(preview.problems, row))).toEqual([
      'info: Row 16, column Description: "=HYPERLINK("http://example.invalid","click")" looks like a formula; it is kept as text and will not be calculated.',
      'info: Row 17, column Description: "+1-555-0100 call for auth" looks like a formula; it is kept as text and will not be calculated.',
      'info: Row 18, column Description: "@SUM(A1:A2)" looks like a formula; it is kept as text and will not be calculated.',
    ]);
    expect([...preview.rows].find((r) => r.hcpcsCode === "20610")?.description).toBe(
      '=HYPERLINK("http://example.invalid","click")',
    );
  });
  it("locates each problem by column letter and header", () => {
    expect(preview.problems.find((p) => p.rowNumber === 3)?.column).toEqual({
      index: 3,
      letter: "D",
      header: "Allowed",
    });
  });
  it("returns only the clean rows, and counts", () => {
    expect(rowSummaries(preview)).toEqual([
      "99202 75.00/-",
      "99213 92.14/-",
      "20610 80.00/-",
      "20611 95.00/-",
      "36415 3.00/-",
    ]);
    expect(preview.counts).toEqual({
      sourceRows: 17,
      blankRows: 0,
      skippedRows: 0,
      rowsWithErrors: 11,
      duplicateRowsDropped: 1,
      cleanRows: 5,
      errors: 10,
      warnings: 1,
      infos: 3,
    });
  });
});

describe("a European export", () => {
  const preview = previewFixture("european-semicolon-decimal-comma.csv");
  it("detects the semicolon and reads decimal commas, dot and space thousands", () => {
    expect([preview.delimiter, preview.decimalStyle, rowSummaries(preview)]).toEqual([
      ";",
      "comma",
      ["99213 92.14/65.43", "99214 1234.50/95.00", "J1100 1234.50/-"],
    ]);
  });
  it("reads day-first dotted dates", () => {
    expect([preview.rows.at(0)?.effectiveStartDate, preview.rows.at(0)?.effectiveEndDate]).toEqual([
      "2025-01-01",
      "2025-12-31",
    ]);
  });
  it("says once that it read decimal commas", () => {
    expect(preview.problems.map((p) => `${p.severity}: ${p.message}`)).toEqual([
      'info: Rates use a decimal comma (European export): "1.234,50" was read as 1234.50.',
    ]);
  });
});

describe("other delimiters", () => {
  it("reads a TSV with 'HCPCS', 'Modifier 1' and 'Fee Schedule Amount'", () => {
    const preview = previewFixture("tab-delimited.tsv");
    expect([preview.delimiter, rowSummaries(preview)]).toEqual([
      "\t",
      ["99213 92.14/-", "71046 26 12.80/-", "G0008 33.95/-"],
    ]);
  });
  it("reads a pipe-delimited TXT with 'PROC CODE' and 'FAC RATE'", () => {
    const preview = previewFixture("pipe-delimited.txt");
    expect([preview.delimiter, rowSummaries(preview)]).toEqual(["|", ["99213 92.14/65.43", "00100 325.00/-"]]);
  });
});

describe("the user corrects the mapping", () => {
  const text = "Code,Office Rate,Hospital Rate\n99213,92.14,65.43\n";
  it("leaves an unknown header unmapped and lists it", () => {
    const preview = previewText(text);
    expect([preview.mapping, preview.suggestion.unmappedColumns]).toEqual([{ hcpcsCode: 0, nonFacilityRate: 1 }, [2]]);
  });
  it("applies a mapping the user gave", () => {
    const preview = previewText(text, { mapping: { hcpcsCode: 0, nonFacilityRate: 1, facilityRate: 2 } });
    expect(rowSummaries(preview)).toEqual(["99213 92.14/65.43"]);
  });
  it("refuses a mapping without a rate column", () => {
    const result = previewPayerSchedule([["Code", "Fee"]], { mapping: { hcpcsCode: 0 } });
    expect(!result.ok && result.issue).toEqual({
      code: "mappingFieldMissing",
      field: "a rate (Non-Facility Rate or Facility Rate)",
    });
  });
  it("refuses a mapping that puts one column in two fields", () => {
    const result = previewPayerSchedule([["Code", "Fee"]], {
      mapping: { hcpcsCode: 0, nonFacilityRate: 1, facilityRate: 1 },
    });
    expect(!result.ok && result.issue.code).toBe("mappingColumnTwice");
  });
});

describe("a grid from a workbook", () => {
  it("reads numbers, dates and exceljs rich text cells, numbering rows from where the range starts", () => {
    const grid: unknown[][] = [
      ["Fee schedule for Acme PPO", null, null],
      ["CPT", "Allowed", "Effective"],
      [110, 410.5, 45658],
      [{ richText: [{ text: "992" }, { text: "13" }] }, 92.14, new Date(Date.UTC(2025, 0, 1))],
    ];
    const result = previewPayerSchedule(grid, { firstRowNumber: 5 });
    if (!result.ok) throw new Error(result.issue.code);
    expect(
      result.value.rows.map((r) => [
        r.sourceRowNumber,
        r.hcpcsCode,
        r.nonFacilityRate?.toString(),
        r.effectiveStartDate,
      ]),
    ).toEqual([
      [7, "00110", "410.5", "2025-01-01"],
      [8, "99213", "92.14", "2025-01-01"],
    ]);
  });
  it("skips a header repeated in the middle of a concatenated export", () => {
    const preview = previewText("CPT,Fee\n99213,92.14\nCPT,Fee\n99214,130.52\n");
    expect([rowSummaries(preview), problemsOfRow(preview.problems, 3)]).toEqual([
      ["99213 92.14/-", "99214 130.52/-"],
      ["info: Row 3 repeats the header row: skipped."],
    ]);
  });
  it("reports a row with a rate but no code", () => {
    expect(problemsOfRow(previewText("CPT,Fee\n,92.14\n").problems, 2)).toEqual([
      "error: Row 2 has a rate but no code: enter its CPT/HCPCS code.",
    ]);
  });
  it("reports a row with a code but no rate", () => {
    expect(problemsOfRow(previewText("CPT,Fee\n99213,\n").problems, 2)).toEqual([
      "error: Row 2 has a code but no rate: enter a non-facility or facility rate.",
    ]);
  });
  it("keeps two rates of one code whose dates do not overlap (a rate change mid-year)", () => {
    const preview = previewText("CPT,Fee,From,To\n99213,90,2025-01-01,2025-06-30\n99213,95,2025-07-01,2025-12-31\n");
    expect([rowSummaries(preview), preview.counts.errors]).toEqual([["99213 90.00/-", "99213 95.00/-"], 0]);
  });
  it("rejects two modifiers in one cell: a schedule row has one", () => {
    expect(problemsOfRow(previewText("CPT,Mod,Fee\n99213,26 59,1\n").problems, 2)).toEqual([
      'error: Row 2, column Mod: "26 59" is not valid; expected one modifier per row: give each modifier combination its own row.',
    ]);
  });
});
