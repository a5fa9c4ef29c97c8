/**
 * Bad payer fee schedule files as a user meets them (issue 10, item 5): each file is chosen in the Fee schedule tab
 * and goes through the tab's own steps against the sample workbook — readChosenFile, the preview (at once or in
 * slices, as the tab decides by size), and the Import command, also when the user tries to import anyway. Each case
 * asserts the exact message the tab shows and that the workbook is exactly as it was.
 */
import { defaultScheduleTableName, previewYear } from "../../../src/excel/payerSchedule/payerScheduleImport";
import type { PayerSchedulePreview } from "../../../src/formats/payerSchedule";
import { WorkbookSimulator, type WorkbookDescription } from "../../../src/playground/simulator";
import { importPayerSchedule } from "../../../src/taskpane/payerSchedule/payerScheduleCommands";
import {
  previewReadInSlices,
  previewReadNow,
  previewsAtOnce,
  proposedPayer,
  readChosenFile,
  readSourceInSlices,
  readSourceNow,
  readsAtOnce,
  type ScheduleSource,
} from "../../../src/taskpane/payerSchedule/scheduleSource";
import { describeWithSharedData } from "../../support/sharedData";
import {
  chosenFile,
  cut,
  described,
  fixture,
  hugeFile,
  installFileReader,
  NOT_READABLE,
  sampleWorkbook,
  sharedFile,
  textOf,
  vanishedFile,
  workbookChanges,
} from "./support";

installFileReader();

let simulator: WorkbookSimulator;
let before: WorkbookDescription;
beforeAll(async () => {
  simulator = new WorkbookSimulator(sampleWorkbook());
  before = await described(simulator);
});
const changesToWorkbook = async () => workbookChanges(before, await described(simulator));

/** What the tab has once a file is chosen: why it refuses the file, or its preview. */
type Chosen =
  { readonly refused: string } | { readonly preview: PayerSchedulePreview; readonly source: ScheduleSource };

/** Chooses a file as the tab does (useSchedulePreview): small files at once, large ones in slices. */
async function choose(file: File): Promise<Chosen> {
  const read = await readChosenFile(file);
  if (!read.ok) return { refused: read.message };
  const source: ScheduleSource = { kind: "file", file: read.file };
  const pacing = { signal: new AbortController().signal };
  const text = readsAtOnce(source) ? readSourceNow(source) : await readSourceInSlices(source, pacing);
  if (text === null) throw new Error("the reading was cancelled, and nothing cancels it here");
  if (!text.ok) return { refused: text.message };
  const preview = previewsAtOnce(text.read)
    ? previewReadNow(text.read, {})
    : await previewReadInSlices(text.read, {}, pacing);
  if (preview === null) throw new Error("the preview was cancelled, and nothing cancels it here");
  return preview.ok ? { preview: preview.preview, source } : { refused: preview.message };
}

/** The refusal the tab shows, or what it previewed instead. */
const refusalOf = (chosen: Chosen) =>
  "refused" in chosen ? chosen.refused : `previewed, with ${chosen.preview.problems.length} problems`;

/** Every problem the preview lists, as "severity: message". */
const problemsOf = (chosen: Chosen) =>
  "preview" in chosen ? chosen.preview.problems.map((p) => `${p.severity}: ${p.message}`) : [chosen.refused];

/**
 * Presses Import with the names the tab proposes (payer from the file name, the rows' year or 2025), or the names
 * the user typed; `skipRowsWithErrors` is the tab's "import the clean rows" choice.
 */
async function importAnyway(
  chosen: Chosen,
  typed: { sheetName?: string; tableName?: string; skipRowsWithErrors?: boolean } = {},
): Promise<string> {
  if (!("preview" in chosen)) throw new Error(`no preview to import: ${chosen.refused}`);
  const tableName = typed.tableName ?? defaultScheduleTableName(proposedPayer(chosen.source), previewYear(chosen.preview) ?? 2025); // prettier-ignore
  const outcome = await importPayerSchedule.run(simulator.excel, {
    preview: chosen.preview,
    sheetName: typed.sheetName ?? tableName.slice(0, 31),
    tableName,
    skipRowsWithErrors: typed.skipRowsWithErrors ?? false,
  });
  return outcome.ok ? `imported: ${outcome.message}` : outcome.message;
}

/** A payer's export of four rates (test/fixtures/payer-schedules/e2e-cedar-hmo-2025.csv) and altered copies. */
const CEDAR = textOf(fixture("payer-schedules", "e2e-cedar-hmo-2025.csv"));
const cedar = (edit: (text: string) => string = (text) => text) => chosenFile("Cedar HMO 2025.csv", edit(CEDAR));
const NO_HEADER =
  "This is not a payer fee schedule file: no header row with a code column (Code, CPT, HCPCS, Procedure Code, ...) and a rate column (Rate, Fee, Allowed, Amount, Facility, ...) was found.";
const oneError = (rows: number) =>
  `The preview still has 1 error in ${rows} row${rows === 1 ? "" : "s"}. Fix the file or the column mapping, or choose to import the clean rows and skip the rows with errors.`;

describe("a file the tab refuses before previewing it", () => {
  it.each([
    [
      "a PDF saved under a .csv name",
      () => chosenFile("Acme PPO 2025.csv", fixture("payer-schedules", "error.pdf-renamed-to-csv.csv")),
      '"Acme PPO 2025.csv" is a PDF document, not a CSV, TSV or text file. Ask the payer for the schedule as Excel or CSV.',
    ],
    [
      "a 30 MB file (by its size, before a byte is read)",
      () => hugeFile("Acme PPO 2025.csv", 30 * 1024 * 1024),
      "The file is 30 MB; the limit is 25 MB. Filter it to the codes you need or split it, then import the parts.",
    ],
    ["an empty file", () => chosenFile("Acme PPO 2025.csv", ""), "The payer fee schedule file is empty."],
    [
      "a file of blank lines and commas",
      () => chosenFile("Acme PPO 2025.csv", "\r\n,,,\r\n   \r\n,,\r\n"),
      "The payer fee schedule file is empty.",
    ],
    [
      "a cover note with no header row",
      () => chosenFile("Acme PPO 2025.csv", fixture("payer-schedules", "error.no-header-row.csv")),
      NO_HEADER,
    ],
    [
      "an X12 837 claim file",
      () => chosenFile("claims-batch.txt", fixture("x12-835", "error.x12-837-claim-not-remittance.835")),
      NO_HEADER,
    ],
    [
      "a screenshot of the schedule",
      () => chosenFile("fees.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
      '"fees.png" is a PNG image, not a CSV, TSV or text file. Ask the payer for the schedule as Excel or CSV.',
    ],
    [
      "a file moved away after it was chosen",
      () => vanishedFile("Acme PPO 2025.csv"),
      `"Acme PPO 2025.csv" cannot be read: ${NOT_READABLE}`,
    ],
  ])("%s is refused, and the workbook is unchanged", async (_what, file, message) => {
    expect(refusalOf(await choose(file()))).toBe(message);
    expect(await changesToWorkbook()).toEqual([]);
  });
});

describeWithSharedData("a file of another kind from ../shared/data, refused before previewing", () => {
  it.each([
    ["the CMS GPCI file", () => chosenFile("GPCI2025.csv", sharedFile("cms-pfs/2025-rvu25d/GPCI2025.csv")), NO_HEADER],
    [
      "the CMS relative value file, whose OPPS payment amounts are no payer's rates",
      () => chosenFile("PPRRVU2025_Oct.csv", sharedFile("cms-pfs/2025-rvu25d/PPRRVU2025_Oct.csv")),
      "This is the CMS relative value file (PPRRVU), not a payer fee schedule: it holds RVUs and Medicare indicators, not a payer's rates. Import it in the Medicare schedule tab.",
    ],
    [
      "an Excel workbook",
      () => chosenFile("Acme PPO 2025.xlsx", sharedFile("cms-pfs/2025-rvu25d/GPCI2025.xlsx")),
      "\"Acme PPO 2025.xlsx\" is an Excel workbook: open it in Excel and use 'From the workbook' with the schedule selected.",
    ],
    [
      "an Excel workbook renamed .csv",
      () => chosenFile("Acme PPO 2025.csv", sharedFile("cms-pfs/2025-rvu25d/GPCI2025.xlsx")),
      `"Acme PPO 2025.csv" is an Excel workbook (.xlsx) or a ZIP archive, not a CSV, TSV or text file. Open a workbook in Excel and use 'From the workbook' with the schedule selected; unzip an archive first.`,
    ],
    [
      "a hospital price-transparency JSON file",
      () => chosenFile("west-hospital.json", sharedFile("price-transparency/hospital-mrf/v3_json_format_example.json")),
      '"west-hospital.json" is a JSON file, not a CSV, TSV or text file. Price-transparency JSON files are not fee schedules: use their CSV form or a payer\'s schedule.',
    ],
    ["an 835 remittance", () => chosenFile("remit.edi", sharedFile("x12-835/tastypackets/profee.edi")), NO_HEADER],
  ])("%s is refused, and the workbook is unchanged", async (_what, file, message) => {
    expect(refusalOf(await choose(file()))).toBe(message);
    expect(await changesToWorkbook()).toEqual([]);
  });
});

describe("a schedule with bad rows, imported anyway", () => {
  it.each([
    [
      "text in the rate column",
      () => cedar((text) => text.replace("98.76", "see contract")),
      ['error: Row 3, column Allowed: "see contract" is not valid; expected a rate in dollars, like 125.00 or $1,234.50.'], // prettier-ignore
      oneError(1),
    ],
    [
      "a rate of 10^20",
      () => cedar((text) => text.replace("98.76", "100000000000000000000")),
      ['error: Row 3, column Allowed: "100000000000000000000" is not valid; expected a rate of at most $10,000,000.00 per unit.'], // prettier-ignore
      oneError(1),
    ],
    [
      "a NUL character inside a description",
      () => cedar((text) => text.replace("Established patient visit,98.76", "Established\u0000patient visit,98.76")),
      ['error: Row 3, column Description: "Established␀patient visit" holds a control character (U+0000), a sign of a damaged file; the row is left out.'], // prettier-ignore
      oneError(1),
    ],
    [
      "a code listed twice with two rates",
      () => cedar((text) => `${text}99213,,Established patient visit,99.00\n`),
      ["error: Rows 3 and 6 give 99213 different rates (98.76 / blank and 99.00 / blank) for the same dates: delete one or give them dates that do not overlap. Neither is imported."], // prettier-ignore
      oneError(2),
    ],
    [
      "codes that lost their leading zeros in Excel, and a Category II code that cannot get them back",
      () => chosenFile("Acme PPO 2025.csv", fixture("payer-schedules", "excel-resaved-numeric-codes.csv")),
      [
        "info: Row 2, column Code: code 100 lost its leading zeros (a number in Excel); read as 00100.",
        "info: Row 3, column Code: code 110 lost its leading zeros (a number in Excel); read as 00110.",
        'error: Row 6, column Code: "1F" is not a CPT/HCPCS code: expected 5 characters like 99213, 0001F, 0075T or J1100.',
        "warning: Row 6, column Rate: the rate is 0.00. Is the service really paid nothing?",
        "warning: Row 7, column Rate: the rate is 0.00. Is the service really paid nothing?",
      ],
      oneError(1),
    ],
  ])(
    "%s: the row is reported, Import refuses, and the workbook is unchanged",
    async (_what, file, problems, message) => {
      const chosen = await choose(file());
      expect(problemsOf(chosen)).toEqual(problems);
      expect(await importAnyway(chosen)).toBe(message);
      expect(await changesToWorkbook()).toEqual([]);
    },
  );

  it("a file of one problem per row is refused with the count of errors and rows", async () => {
    const chosen = await choose(chosenFile("Acme PPO 2025.csv", fixture("payer-schedules", "problems-by-row.csv")));
    expect(await importAnyway(chosen)).toBe(
      "The preview still has 10 errors in 11 rows. Fix the file or the column mapping, or choose to import the clean rows and skip the rows with errors.",
    );
    expect(await changesToWorkbook()).toEqual([]);
  });

  it("a file whose every row is bad, with 'skip the rows with errors' chosen, has nothing to import", async () => {
    const chosen = await choose(chosenFile("Acme PPO 2025.csv", "CPT,Allowed\n99213,TBD\n99214,TBD\n"));
    expect(await importAnyway(chosen, { skipRowsWithErrors: true })).toBe(
      "There are no clean rows to import: fix the problems listed, or check the column mapping.",
    );
    expect(await changesToWorkbook()).toEqual([]);
  });
});

describeWithSharedData("a file of another kind from ../shared/data, previewed with errors and imported anyway", () => {
  it.each([
    [
      "a claims extract (Tuva synthetic medical claims)",
      () => chosenFile("medical_claim.csv", sharedFile("claims/tuva-synthetic/medical_claim.csv")),
      "The preview still has 1,359 errors in 1,774 rows.",
    ],
    [
      "a hospital's standard charges (price transparency, tall CSV)",
      () => chosenFile("west-hospital.csv", sharedFile("price-transparency/hospital-mrf/V2.0.0_Tall_CSV_Format_Example.csv")), // prettier-ignore
      "The preview still has 17 errors in 21 rows.",
    ],
  ])("%s: Import refuses, and the workbook is unchanged", async (_what, file, counts) => {
    expect(await importAnyway(await choose(file()))).toBe(
      `${counts} Fix the file or the column mapping, or choose to import the clean rows and skip the rows with errors.`,
    );
    expect(await changesToWorkbook()).toEqual([]);
  });

  it("the relative value file cut at 37% is refused as the relative value file it is", async () => {
    const pprrvu = cut(sharedFile("cms-pfs/2025-rvu25d/PPRRVU2025_Oct.csv"), 0.37);
    expect(refusalOf(await choose(chosenFile("PPRRVU2025_Oct.csv", pprrvu)))).toBe(
      "This is the CMS relative value file (PPRRVU), not a payer fee schedule: it holds RVUs and Medicare indicators, not a payer's rates. Import it in the Medicare schedule tab.",
    );
    expect(await changesToWorkbook()).toEqual([]);
  });
});

describe("names typed for a clean schedule", () => {
  it.each([
    [
      "a sheet name the workbook has, not confirmed",
      { sheetName: "Contracts" },
      'A sheet named "Contracts" already exists. Choose another name, or confirm that it should be replaced.',
    ],
    [
      "the table name of the fee schedule a contract uses",
      { tableName: "FS_AcmePPO_2025" },
      'A table named "FS_AcmePPO_2025" already exists on sheet "Acme Fee Schedule". Table names are unique in a workbook: choose another name.',
    ],
    [
      "the registry's own table name",
      { tableName: "PayerContracts" },
      'A table named "PayerContracts" already exists on sheet "Contracts". Table names are unique in a workbook: choose another name.',
    ],
    [
      "a table name with spaces",
      { tableName: "FS Cedar 2025" },
      '"FS Cedar 2025" cannot be a table name: it must start with a letter or underscore and hold only letters, digits, periods and underscores (no spaces).',
    ],
    [
      "a table name that is a cell address (column FS, row 2025)",
      { tableName: "FS2025" },
      '"FS2025" cannot be a table name: it reads as a cell reference.',
    ],
    [
      "a sheet name with a slash",
      { sheetName: "Cedar/HMO 2025" },
      '"Cedar/HMO 2025" cannot be a sheet name: it contains one of \\ / ? * [ ] :.',
    ],
    [
      "a sheet name of 38 characters",
      { sheetName: "Cedar HMO fee schedule for 2025 final" },
      '"Cedar HMO fee schedule for 2025 final" cannot be a sheet name: it is longer than 31 characters.',
    ],
  ])("%s is refused by Import, and the workbook is unchanged", async (_what, typed, message) => {
    const chosen = await choose(cedar());
    expect(problemsOf(chosen)).toEqual([]);
    expect(await importAnyway(chosen, typed)).toBe(message);
    expect(await changesToWorkbook()).toEqual([]);
  });
});
