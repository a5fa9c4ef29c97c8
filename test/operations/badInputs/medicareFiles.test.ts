/**
 * Bad CMS files for a Medicare schedule as a user meets them (issue 10, item 5): each file is chosen in the Medicare
 * schedule tab (refused up front by size or type, else read with the tab's readers) and imported anyway with the
 * tab's command, against the sample workbook, which already registers a CY2025 Houston schedule. Each case asserts
 * the exact message the tab shows and that the workbook is exactly as it was.
 */
import { WorkbookSimulator, type WorkbookDescription } from "../../../src/playground/simulator";
import {
  importMedicareSchedule,
  type ImportMedicareScheduleInput,
} from "../../../src/taskpane/medicare/medicareCommands";
import {
  readGpci,
  readOppsCap,
  readPprrvu,
  refuseChosenFile,
  type MedicareFileKind,
} from "../../../src/taskpane/medicare/medicareFiles";
import { describeWithSharedData } from "../../support/sharedData";
import {
  chosenFile,
  cut,
  described,
  fixture,
  hugeFile,
  sampleWorkbook,
  sharedFile,
  textOf,
  workbookChanges,
} from "./support";

let simulator: WorkbookSimulator;
let before: WorkbookDescription;
beforeAll(async () => {
  simulator = new WorkbookSimulator(sampleWorkbook());
  before = await described(simulator);
});
const changesToWorkbook = async () => workbookChanges(before, await described(simulator));

/** The verbatim CMS excerpts (test/fixtures/cms-pfs), CRLF as CMS writes them. */
const PPRRVU = textOf(fixture("cms-pfs", "pprrvu-2025-oct-excerpt.csv"));
const GPCI = textOf(fixture("cms-pfs", "gpci-2025-excerpt.csv"));
const lines = (text: string) => text.split("\r\n");
const joined = (rows: readonly string[]) => rows.join("\r\n");

/** What the tab shows for a chosen file: why it is refused, or the problems and warnings of its rows. */
async function choose(kind: MedicareFileKind, file: File): Promise<string[]> {
  const refused = refuseChosenFile(file, kind);
  if (refused !== null) return [refused];
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (kind === "pprrvu") {
    const read = readPprrvu(file.name, bytes);
    return read.ok ? [...read.value.problems] : [read.issue];
  }
  if (kind === "oppsCap") {
    const read = readOppsCap(file.name, bytes);
    return read.ok ? [...read.value.problems] : [read.issue];
  }
  const read = readGpci(file.name, bytes);
  return read.ok ? [...read.value.problems, ...read.value.warnings] : [read.issue];
}

/** The files of an import: the excerpts unless given; OPPSCAP only when given. */
interface ImportFiles {
  pprrvu?: string | Uint8Array;
  gpci?: string | Uint8Array | null;
  oppsCap?: string | Uint8Array;
  pprrvuName?: string;
  gpciName?: string;
  oppsCapName?: string;
}

/** Presses Import as the tab does, with the files' bytes and the locality chosen; the rest as typed. */
async function importAnyway(
  files: ImportFiles,
  locality: string,
  typed: Partial<ImportMedicareScheduleInput> = {},
): Promise<string> {
  const bytes = (content: string | Uint8Array) => (typeof content === "string" ? new TextEncoder().encode(content) : content); // prettier-ignore
  const gpci = files.gpci === undefined ? GPCI : files.gpci;
  const outcome = await importMedicareSchedule.run(simulator.excel, {
    pprrvuText: bytes(files.pprrvu ?? PPRRVU),
    pprrvuFileName: files.pprrvuName ?? "PPRRVU2025_Oct.csv",
    gpciText: gpci === null ? null : bytes(gpci),
    gpciFileName: files.gpciName ?? "GPCI2025.csv",
    oppsCapText: files.oppsCap === undefined ? null : bytes(files.oppsCap),
    oppsCapFileName: files.oppsCapName ?? "OPPSCAP_Oct.csv",
    locality,
    ...typed,
  });
  return outcome.ok ? `imported: ${outcome.message}` : outcome.message;
}

const GET_IT_AGAIN = "Nothing was imported: download the file again.";
const RVU_FILE = "The CMS PFS relative value (PPRRVU) file";
/** Rest of Texas: a locality the sample workbook has not registered, so only the bad input can refuse it. */
const REST_OF_TEXAS = "04412-99";

describe("a relative value (PPRRVU) file the tab refuses, imported anyway", () => {
  it.each([
    [
      "a copy cut inside a line",
      () =>
        joined(
          lines(PPRRVU)
            .slice(0, 19)
            .concat((lines(PPRRVU)[19] ?? "").slice(0, 20)),
        ),
      `PPRRVU2025_Oct.csv: ${RVU_FILE} is cut short: its last line (row 20) stops in the middle, after 9 complete rows below the header; a complete file ends with a whole line. ${GET_IT_AGAIN}`,
    ],
    [
      "a copy cut at a line break, before the V codes",
      () => joined(lines(PPRRVU).filter((_, index) => index !== 26)),
      `PPRRVU2025_Oct.csv: ${RVU_FILE} is cut short: it stops at row 26 (code G2211) after 16 data rows, but CMS lists the codes in order and a complete file runs on to the V codes (HCPCS Level II), which follow the CPT codes. ${GET_IT_AGAIN}`,
    ],
    [
      "a description whose quote is never closed",
      () => PPRRVU.replace(/\r\n(99213,,)/, '\r\n$1"Office'),
      `PPRRVU2025_Oct.csv: Row 23 of the CMS PFS relative value (PPRRVU) file opens a quoted cell that is never closed: the 4 lines after it were read as one cell. Nothing was imported: check the quotes in the file.`,
    ],
    ["an empty file", () => "", `PPRRVU2025_Oct.csv: ${RVU_FILE} is empty.`],
    [
      "a PDF saved under the CMS file's name",
      () => fixture("x12-835", "error.pdf-document.835"),
      "PPRRVU2025_Oct.csv: This is not a CMS PFS relative value (PPRRVU) file: it is a PDF document. Download the CSV file from CMS.",
    ],
    [
      "the GPCI file chosen as the relative value file",
      () => GPCI,
      "PPRRVU2025_Oct.csv: This is not a CMS PFS relative value (PPRRVU) file: no header row with HCPCS and MOD was found.",
    ],
  ])("%s is refused when chosen and by Import, and the workbook is unchanged", async (_what, content, message) => {
    expect(await choose("pprrvu", chosenFile("PPRRVU2025_Oct.csv", content()))).toEqual([message]);
    expect(await importAnyway({ pprrvu: content() }, REST_OF_TEXAS)).toBe(message);
    expect(await changesToWorkbook()).toEqual([]);
  });

  it("a 25 MB file is refused by its size, before a byte is read", async () => {
    expect(await choose("pprrvu", hugeFile("PPRRVU2025_Oct.csv", 25 * 1024 * 1024))).toEqual([
      "PPRRVU2025_Oct.csv is 25 MB; a CMS relative value (PPRRVU) file is at most 20 MB. Is it the right file?",
    ]);
    expect(await changesToWorkbook()).toEqual([]);
  });
});

describe("a GPCI file the tab refuses, imported anyway", () => {
  it.each([
    [
      "a copy cut inside a line",
      () => GPCI.slice(0, GPCI.indexOf("HOUSTON") + 3),
      `GPCI2025.csv: The CMS GPCI file is cut short: its last line (row 9) stops in the middle, after 5 complete rows below the header; a complete file ends with a whole line. ${GET_IT_AGAIN}`,
    ],
    [
      "a copy cut after the last locality, without the footnotes",
      () => `${joined(lines(GPCI).slice(0, 10))}\r\n`,
      `GPCI2025.csv: The CMS GPCI file is cut short: it stops at row 10 after 7 localities, and the footnote for "*" (row 5, ALASKA*) that CMS prints under the table is missing. ${GET_IT_AGAIN}`,
    ],
    [
      "the relative value file chosen as the GPCI file",
      () => PPRRVU,
      "GPCI2025.csv: This is not a CMS GPCI file: no header row with Locality and GPCI was found.",
    ],
  ])("%s is refused when chosen and by Import, and the workbook is unchanged", async (_what, content, message) => {
    expect(await choose("gpci", chosenFile("GPCI2025.csv", content()))).toEqual([message]);
    expect(await importAnyway({ gpci: content() }, REST_OF_TEXAS)).toBe(message);
    expect(await changesToWorkbook()).toEqual([]);
  });
});

describe("a GPCI file with bad rows, imported for the locality they hide", () => {
  it.each([
    [
      "a quote opened in MIAMI that swallows the rows up to HOUSTON",
      GPCI.replace("09102,FL,04,MIAMI", '09102,FL,04,"MIAMI'),
      "04412-18",
      "Row 7 opens a quoted cell that runs over 4 line breaks: the lines after it were read into one cell and are left out. Check the quotes in the file.",
    ],
    [
      "REST OF TEXAS listed twice with two PE GPCIs",
      GPCI.replace("04412,TX,99,REST OF TEXAS,1,0.945,0.934", "04412,TX,99,REST OF TEXAS,1,0.945,0.934\r\n04412,TX,99,REST OF TEXAS,1,0.954,0.934"), // prettier-ignore
      REST_OF_TEXAS,
      "Rows 10 and 11 both list locality 04412-99 with different values (REST OF TEXAS, TX: work 1, PE 0.945, MP 0.934 and REST OF TEXAS, TX: work 1, PE 0.954, MP 0.934): neither is imported. Delete the wrong row.",
    ],
  ])(
    "%s: the row is reported, Import refuses the locality, and the workbook is unchanged",
    async (_w, gpci, locality, problem) => {
      expect(await choose("gpci", chosenFile("GPCI2025.csv", gpci))).toEqual([problem]);
      expect(await importAnyway({ gpci }, locality)).toBe(
        `Locality ${locality} is not in the imported GPCI table: check the MAC and locality numbers.`,
      );
      expect(await changesToWorkbook()).toEqual([]);
    },
  );
});

describe("rows the readers flag without refusing the file", () => {
  it("a NUL character inside a code is reported on its row, which the import would leave out", async () => {
    const pprrvu = PPRRVU.replace("99213", "992\u000013");
    expect(await choose("pprrvu", chosenFile("PPRRVU2025_Oct.csv", pprrvu))).toEqual([
      'Row 23, column HCPCS: "992␀13" holds a control character (U+0000), a sign of a damaged file; the row is left out.',
    ]);
    expect(await changesToWorkbook()).toEqual([]);
  });

  it("a locality name that looks like a formula is a warning: it would be written as text", async () => {
    const gpci = GPCI.replace("09102,FL,04,MIAMI", '09102,FL,04,"=HYPERLINK(""http://x"", ""MIAMI"")"');
    expect(await choose("gpci", chosenFile("GPCI2025.csv", gpci))).toEqual([
      'Row 7, column Locality Name: "=HYPERLINK("http://x", "MIAMI")" looks like a formula; it is kept as text and will not be calculated.',
    ]);
    expect(await changesToWorkbook()).toEqual([]);
  });
});

/** Real rows of OPPSCAP_Oct.csv (rows 1, 2, 5006 and 5121: 74175 and its TC in Rest of Texas), CRLF as CMS writes them. */
const OPPSCAP = joined([
  "HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,FACILITY PRICE,NON-FACILTY PRICE",
  "0633T,TC,C,01112,05,150.69,150.69",
  "74175,,A,04412,99,249.57,249.57",
  "74175,TC,A,04412,99,168.11,168.11",
  "",
]);
const CAP_FILE = "The CMS OPPSCAP file";

describe("an OPPS imaging cap (OPPSCAP) file the tab refuses, imported anyway", () => {
  it.each([
    [
      "a copy cut inside a line",
      () => OPPSCAP.slice(0, OPPSCAP.indexOf("168.11") + 3),
      `OPPSCAP_Oct.csv: ${CAP_FILE} is cut short: its last line (row 4) stops in the middle, after 2 complete rows below the header; a complete file ends with a whole line. ${GET_IT_AGAIN}`,
    ],
    [
      "the GPCI file chosen as the OPPSCAP file",
      () => GPCI,
      "OPPSCAP_Oct.csv: This is not a CMS OPPSCAP file: no header row with HCPCS and CARRIER was found.",
    ],
    [
      "the relative value file chosen as the OPPSCAP file",
      () => PPRRVU,
      "OPPSCAP_Oct.csv: This is not a CMS OPPSCAP file: no header row with HCPCS and CARRIER was found.",
    ],
  ])("%s is refused when chosen and by Import, and the workbook is unchanged", async (_what, content, message) => {
    expect(await choose("oppsCap", chosenFile("OPPSCAP_Oct.csv", content()))).toEqual([message]);
    expect(await importAnyway({ oppsCap: content() }, REST_OF_TEXAS)).toBe(message);
    expect(await changesToWorkbook()).toEqual([]);
  });

  it("a 12 MB file is refused by its size, before a byte is read", async () => {
    expect(await choose("oppsCap", hugeFile("OPPSCAP_Oct.csv", 12 * 1024 * 1024))).toEqual([
      "OPPSCAP_Oct.csv is 12 MB; a CMS OPPS imaging cap (OPPSCAP) file is at most 10 MB. Is it the right file?",
    ]);
    expect(await changesToWorkbook()).toEqual([]);
  });

  it("a cap with an unreadable price is reported on its row, which the import would leave out", async () => {
    const oppsCap = OPPSCAP.replace("74175,,A,04412,99,249.57", "74175,,A,04412,99,$249.57");
    expect(await choose("oppsCap", chosenFile("OPPSCAP_Oct.csv", oppsCap))).toEqual([
      'Row 3, column FACILITY PRICE: "$249.57" is not valid; expected a price in dollars and cents like 306.22.',
    ]);
    expect(await changesToWorkbook()).toEqual([]);
  });
});

/** The excerpt with no year in its banner and no conversion factor in its rows. */
const WITHOUT_YEAR_OR_CF = PPRRVU.replace("2025 National", "National").replace(/,32\.3465,/g, ",,");

describe("choices in the tab that Import refuses", () => {
  it.each([
    [
      "a city name typed as the locality",
      {},
      "Houston",
      {},
      '"Houston" is not a Medicare locality: expected the MAC and locality numbers like 01112-05 (San Francisco).',
    ],
    [
      "a locality without a GPCI file",
      { gpci: null },
      REST_OF_TEXAS,
      {},
      "Locality 04412-99 is not in the imported GPCI table: check the MAC and locality numbers. Without a GPCI file only the national amounts can be imported.",
    ],
    [
      "the CY2025 Houston schedule the workbook already has",
      {},
      "04412-18",
      {},
      "MedicareSchedules row 2 already registers MPFS_2025 for 2025, locality 04412-18. Delete that row (and its sheet, if it is no longer wanted) before importing this schedule again.",
    ],
    [
      "a sheet name the workbook has",
      {},
      REST_OF_TEXAS,
      { sheetName: "Medicare 2025" },
      'A sheet named "Medicare 2025" already exists. Choose another name, or confirm that it should be replaced.',
    ],
    [
      "the table name of the schedule registered for Houston",
      {},
      REST_OF_TEXAS,
      { tableName: "MPFS_2025" },
      "MedicareSchedules row 2 already registers a schedule named MPFS_2025 (2025, locality 04412-18): choose another table name for this one.",
    ],
    [
      "the registry's own table name",
      {},
      REST_OF_TEXAS,
      { tableName: "MedicareSchedules" },
      'A table named "MedicareSchedules" already exists on sheet "Medicare Schedules". Table names are unique in a workbook: choose another name.',
    ],
    [
      "a file that states neither its year nor its conversion factor",
      { pprrvu: WITHOUT_YEAR_OR_CF },
      REST_OF_TEXAS,
      {},
      "The year of the relative value file cannot be told from it: enter the year.",
    ],
    [
      "a year typed whose conversion factor is not known, for a file that states none",
      { pprrvu: WITHOUT_YEAR_OR_CF },
      REST_OF_TEXAS,
      { year: 2023 },
      "The file states no conversion factor and none is known for 2023: enter it.",
    ],
  ])("%s is refused, and the workbook is unchanged", async (_what, files, locality, typed, message) => {
    expect(await importAnyway(files, locality, typed)).toBe(message);
    expect(await changesToWorkbook()).toEqual([]);
  });
});

describeWithSharedData("real CMS files from ../shared/data, cut or of the wrong kind", () => {
  const PPRRVU_2025 = "cms-pfs/2025-rvu25d/PPRRVU2025_Oct.csv";

  it.each([
    [
      "the relative value file cut at 37% (6,961 of 19,090 codes)",
      "pprrvu",
      "PPRRVU2025_Oct.csv",
      () => cut(sharedFile(PPRRVU_2025), 0.37),
      `PPRRVU2025_Oct.csv: ${RVU_FILE} is cut short: its last line (row 6,972) stops in the middle, after 6,961 complete rows below the header; a complete file ends with a whole line. ${GET_IT_AGAIN}`,
    ],
    [
      "the GPCI workbook renamed .csv",
      "gpci",
      "GPCI2025.csv",
      () => sharedFile("cms-pfs/2025-rvu25d/GPCI2025.xlsx"),
      "GPCI2025.csv is an Excel workbook named .csv: open it in Excel and save it as CSV (Comma delimited), then choose the .csv file.",
    ],
    [
      "the anesthesia conversion factors chosen as the GPCI file",
      "gpci",
      "ANES2025.csv",
      () => sharedFile("cms-pfs/2025-rvu25d/ANES2025.csv"),
      "ANES2025.csv: This is not a CMS GPCI file: no header row with Locality and GPCI was found.",
    ],
    [
      "the locality-to-county list chosen as the GPCI file",
      "gpci",
      "25LOCCO.csv",
      () => sharedFile("cms-pfs/2025-rvu25d/25LOCCO.csv"),
      "25LOCCO.csv: This is not a CMS GPCI file: no header row with Locality and GPCI was found.",
    ],
    [
      "the OPPS imaging caps chosen as the relative value file",
      "pprrvu",
      "OPPSCAP_Oct.csv",
      () => sharedFile("cms-pfs/2025-rvu25d/OPPSCAP_Oct.csv"),
      `OPPSCAP_Oct.csv: ${RVU_FILE} has no "STATUS CODE" column: is it the right file?`,
    ],
    [
      "the OPPS imaging caps cut at 37% (in the row of 74262, the 6,032nd of 16,100 caps)",
      "oppsCap",
      "OPPSCAP_Oct.csv",
      () => cut(sharedFile("cms-pfs/2025-rvu25d/OPPSCAP_Oct.csv"), 0.37),
      `OPPSCAP_Oct.csv: The CMS OPPSCAP file is cut short: its last line (row 6,033) stops in the middle, after 6,031 complete rows below the header; a complete file ends with a whole line. ${GET_IT_AGAIN}`,
    ],
  ] as const)(
    "%s is refused when chosen and by Import, and the workbook is unchanged",
    async (_w, kind, name, content, message) => {
      expect(await choose(kind, chosenFile(name, content()))).toEqual([message]);
      const files: ImportFiles = { [kind]: content(), [`${kind}Name`]: name };
      expect(await importAnyway(files, REST_OF_TEXAS)).toBe(message);
      expect(await changesToWorkbook()).toEqual([]);
    },
  );

  it.each([
    [
      "the GPCI workbook as CMS publishes it (.xlsx)",
      "gpci",
      () => chosenFile("GPCI2025.xlsx", sharedFile("cms-pfs/2025-rvu25d/GPCI2025.xlsx")),
      "GPCI2025.xlsx is an Excel workbook, which cannot be read here yet: open it in Excel and save it as CSV (Comma delimited), then choose the .csv file.",
    ],
    [
      "the fixed-width payment file (.txt)",
      "pprrvu",
      () => chosenFile("PFREV25C.txt", sharedFile("cms-pfs/2025-rvu25d/PFREV25C.txt")),
      "PFREV25C.txt is not a CSV file. Choose the CMS relative value (PPRRVU) file ending in .csv (the fixed-width .txt is not read).",
    ],
    [
      "the 2 MB relative value file chosen as the GPCI file",
      "gpci",
      () => chosenFile("PPRRVU2025_Oct.csv", sharedFile(PPRRVU_2025)),
      "PPRRVU2025_Oct.csv is 2 MB; a CMS GPCI file is at most 1 MB. Is it the right file?",
    ],
  ] as const)("%s is refused up front, and the workbook is unchanged", async (_what, kind, file, message) => {
    expect(await choose(kind, file())).toEqual([message]);
    expect(await changesToWorkbook()).toEqual([]);
  });
});
