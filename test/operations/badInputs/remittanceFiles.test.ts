/**
 * Bad X12 835 files as a user meets them (issue 10, item 5): each file is chosen in the Remittances tab (read and
 * previewed by the tab's reader, refused up front when too large) and imported anyway with the tab's command and the
 * names it suggests, against the sample workbook. Each case asserts the exact message the tab shows and that the
 * workbook is exactly as it was.
 */
import { WorkbookSimulator, type WorkbookDescription } from "../../../src/playground/simulator";
import { importRemittances, suggestRemittanceNames } from "../../../src/taskpane/remittances/remittanceCommands";
import {
  acceptedSources,
  readRemittanceFiles,
  type RemittanceFilePreview,
} from "../../../src/taskpane/remittances/remittanceFiles";
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

/** What the tab lists for a chosen file: why it is refused, or the warnings of the lines it will not import. */
function shown(preview: RemittanceFilePreview): string[] {
  return preview.status === "refused" ? [preview.message] : preview.summary.warnings.map((w) => w.message);
}

/** Chooses files in the tab, then presses Import with the names it suggests, or those typed. */
async function chooseAndImport(files: readonly File[], typed: { sheetName?: string; tableName?: string } = {}) {
  const previews = await readRemittanceFiles(files);
  const { suggested } = await suggestRemittanceNames.run(simulator.excel);
  const outcome = await importRemittances.run(simulator.excel, {
    sheetName: typed.sheetName ?? suggested.sheetName,
    tableName: typed.tableName ?? suggested.tableName,
    sources: acceptedSources(previews),
  });
  return { shown: previews.flatMap(shown), imported: outcome.ok ? `imported: ${outcome.message}` : outcome.message };
}

const NOTHING_TO_IMPORT = "There are no remittance lines to import: choose 835 files.";
const NOT_835 = (found: string) => `This is not an X12 835 remittance: found ${found}; an 835 starts with ISA (or ST*835).`; // prettier-ignore

/** A real remittance (NY Medicaid, test/fixtures/x12-835/emedny_sample.835): one line, "~" after each segment. */
const EMEDNY = textOf(fixture("x12-835", "emedny_sample.835"));
const emedny = (edit: (text: string) => string) => chosenFile("emedny.835", edit(EMEDNY));

/** Where a segment starts, as the messages name it (a one-line file: line 1, counted by its terminators). */
function segmentAt(text: string, start: string): string {
  const offset = text.indexOf(start);
  if (offset < 0) throw new Error(`no segment starts with ${start}`);
  const index = text.slice(0, offset).split("~").length;
  return `segment ${index} (${start.split("*")[0]}, line 1, character ${offset + 1})`;
}
const capital = (text: string) => `${text[0]?.toUpperCase()}${text.slice(1)}`;

describe("a file the tab refuses, imported anyway", () => {
  it.each([
    [
      "an empty file",
      () => chosenFile("era.835", fixture("x12-835", "error.empty-file.835")),
      "The file is empty: an 835 remittance starts with an ISA segment.",
    ],
    [
      "a remittance exported to CSV by a practice system",
      () => chosenFile("era.835", fixture("x12-835", "error.csv-export.835")),
      NOT_835('a CSV or text table (first line "Claim ID,CPT,Billed,Paid")'),
    ],
    [
      "a PDF of the remittance advice",
      () => chosenFile("era.835", fixture("x12-835", "error.pdf-document.835")),
      NOT_835("a PDF document"),
    ],
    [
      "an 837 claim file",
      () => chosenFile("era.835", fixture("x12-835", "error.x12-837-claim-not-remittance.835")),
      "This X12 file holds 837 (health care claims), not an 835 remittance.",
    ],
    [
      "a file cut inside its ISA envelope",
      () => chosenFile("era.835", fixture("x12-835", "error.isa-cut-short.835")),
      "The ISA segment cannot be read (4 of the 16 ISA elements were found); is the file cut short or not X12?",
    ],
    [
      "a fragment that starts at a claim",
      () => chosenFile("era.835", fixture("x12-835", "error.starts-at-clp-no-transaction-header.835")),
      NOT_835('text starting "CLP*A1*1*100*80**12*PCN1~SVC*HC:99213*100*80**1~CAS*CO*45*20..."'),
    ],
    [
      "a 150 MB file (by its size, before a byte is read)",
      () => hugeFile("era.835", 150_000_000),
      "The file is 150.0 MB; 835 files over 100 MB are refused. Split it by check or by date.",
    ],
    [
      "a file moved away after it was chosen",
      () => vanishedFile("era.835"),
      `The file cannot be read: ${NOT_READABLE}`,
    ],
  ])("%s is refused, Import has nothing to import, and the workbook is unchanged", async (_what, file, message) => {
    expect(await chooseAndImport([file()])).toEqual({ shown: [message], imported: NOTHING_TO_IMPORT });
    expect(await changesToWorkbook()).toEqual([]);
  });

  it("a copy cut inside a procedure code is refused, never read as a code paid $0", async () => {
    const text = EMEDNY.slice(0, EMEDNY.indexOf("SVC*HC:V2700") + "SVC*HC:V27".length);
    expect(await chooseAndImport([chosenFile("emedny.835", text)])).toEqual({
      shown: [
        `The file is cut short at ${segmentAt(text, "SVC*HC:V27")}: it ends inside this segment, "SVC*HC:V27", which has no segment terminator. No complete 835 transaction is left, so nothing was read; ask the payer or clearinghouse for the whole file.`,
      ],
      imported: NOTHING_TO_IMPORT,
    });
    expect(await changesToWorkbook()).toEqual([]);
  });
});

describe("a file whose bad line the tab reports and leaves out", () => {
  it.each([
    [
      "a NUL character inside the patient account number",
      (text: string) => text.replace("CLP*PATIENT ACCOUNT NUMBER*1*", "CLP*PATIENT\u0000ACCOUNT NUMBER*1*"),
      "CLP*PATIENT",
      'CLP01 "PATIENT␀ACCOUNT NUMBER" holds a control character, which no 835 name, id or code contains; claim (no id) and its lines were not imported.', // prettier-ignore
      "The claim id holds an invisible character; claim (no id) and its lines were not imported.",
    ],
    [
      "a paid amount of 10^20",
      (text: string) => text.replace("SVC*HC:V2020:RB*6*6**1", "SVC*HC:V2020:RB*6*100000000000000000000**1"),
      "SVC*HC:V2020:RB*6*1",
      'SVC03 "100000000000000000000" is not valid (expected an amount like 1234.56, between -100,000,000.00 and 100,000,000.00); claim PATIENT ACCOUNT NUMBER line 1 was not imported.', // prettier-ignore
      "The service line's paid amount cannot be read; claim PATIENT ACCOUNT NUMBER line 1 was not imported.",
    ],
    [
      "a 4-digit procedure code",
      (text: string) => text.replace("SVC*HC:V2020:RB*6*6**1", "SVC*HC:9921*6*6**1"),
      "SVC*HC:9921",
      'SVC01-2 "9921" is not valid (expected a 5-character CPT/HCPCS code like 99213 or J1100, as qualifier HC requires); claim PATIENT ACCOUNT NUMBER line 1 was not imported.', // prettier-ignore
      "The service line's procedure code cannot be read; claim PATIENT ACCOUNT NUMBER line 1 was not imported.",
    ],
  ])(
    "%s is reported in plain words, then where it is, and choosing the file leaves the workbook unchanged",
    async (_what, edit, at, warning, plain) => {
      const text = edit(EMEDNY);
      const previews = await readRemittanceFiles([emedny(edit)]);
      expect(previews.flatMap(shown)).toEqual([`${plain} EDI detail: ${capital(segmentAt(text, at))}: ${warning}`]);
      expect(await changesToWorkbook()).toEqual([]);
    },
  );
});

describe("names typed for a good file", () => {
  it.each([
    [
      "the sheet name of the claims",
      { sheetName: "Claims" },
      'A sheet named "Claims" already exists. Choose another name, or confirm that it should be replaced.',
    ],
    [
      "the table name of the claims",
      { tableName: "Claims" },
      'A table named "Claims" already exists on sheet "Claims". Table names are unique in a workbook: choose another name.',
    ],
    [
      "a table name with a space",
      { tableName: "Remittances 2025" },
      '"Remittances 2025" cannot be a table name: it must start with a letter or underscore and hold only letters, digits, periods and underscores (no spaces).',
    ],
    [
      "a sheet name with a colon",
      { sheetName: "Remits: January" },
      '"Remits: January" cannot be a sheet name: it contains one of \\ / ? * [ ] :.',
    ],
  ])("%s is refused by Import, and the workbook is unchanged", async (_what, typed, message) => {
    expect(await chooseAndImport([emedny((text) => text)], typed)).toEqual({ shown: [], imported: message });
    expect(await changesToWorkbook()).toEqual([]);
  });
});

describeWithSharedData("files from ../shared/data, of the wrong kind or cut", () => {
  it.each([
    [
      "the CMS GPCI workbook renamed .835",
      () => chosenFile("era.835", sharedFile("cms-pfs/2025-rvu25d/GPCI2025.xlsx")),
      NOT_835("a ZIP archive or an Excel workbook (.xlsx)"),
    ],
    [
      "the CMS GPCI CSV",
      () => chosenFile("GPCI2025.csv", sharedFile("cms-pfs/2025-rvu25d/GPCI2025.csv")),
      NOT_835('a CSV or text table (first line "ADDENDUM E. FINAL CY 2025 GEOGRAPHIC PRACTICE COST INDICES (...")'),
    ],
    [
      "a remittance cut inside its first claim's amounts",
      () => chosenFile("profee.edi", cut(sharedFile("x12-835/tastypackets/profee.edi"), 900 / 1881)),
      'The file is cut short at segment 27 (AMT, line 27, character 893): it ends inside this segment, "AMT*B6*2", which has no segment terminator. No complete 835 transaction is left, so nothing was read; ask the payer or clearinghouse for the whole file.',
    ],
  ])("%s is refused, Import has nothing to import, and the workbook is unchanged", async (_what, file, message) => {
    expect(await chooseAndImport([file()])).toEqual({ shown: [message], imported: NOTHING_TO_IMPORT });
    expect(await changesToWorkbook()).toEqual([]);
  });

  it("a file of 58 transactions cut at 37% says which transaction is incomplete and which were read", async () => {
    const file = chosenFile("profee-multiple.edi", cut(sharedFile("x12-835/tastypackets/profee-multiple.edi"), 0.37));
    const previews = await readRemittanceFiles([file]);
    expect(previews.flatMap(shown)).toEqual([
      'The file is cut short: its last remittance is incomplete and was not imported. EDI detail: Segment 3979 (CLP, line 58, character 104700): the file is cut short: it ends inside this segment, "CLP*", which has no segment terminator. Transaction 1740 (from segment 3936) is incomplete and was not imported, nor its 2 claims read so far; the 57 transactions before it are complete and were read.',
    ]);
    expect(await changesToWorkbook()).toEqual([]);
  });
});
