/**
 * Issue 15 (Done when): the Contract Performance sheet, saved as an .xlsx file with the claims table it reads
 * (exceljs, as a user's "Save as" would), holds only formulas a spreadsheet program without the add-in computes:
 * reopened from the file bytes, with the table's cells as values and no custom function registered, its table
 * references resolve and it computes the same figures, the planted actual-vs-modeled gap included.
 */
import { MONTHLY_COLUMNS } from "../../../src/excel/performance";
import { PLANTED_SIGNED_PROPOSAL } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator, type WorkbookSnapshot } from "../../../src/playground/simulator";
import { formulasIn, savedAndReopened } from "../../support/xlsxRoundTrip";
import { valuesOn } from "../sharing/support";
import { buildAtNow, reviewedSample, SHEET } from "./reviewedSample";

jest.setTimeout(600_000);

let original: WorkbookSimulator;
let firstRow: number;
let saved: WorkbookSnapshot;
let reopened: WorkbookSimulator;

beforeAll(async () => {
  const { simulator, request } = await reviewedSample();
  firstRow = (await buildAtNow(simulator, request)).layout.firstRow;
  original = simulator;
  saved = await savedAndReopened(simulator, { sheets: ["Claims", SHEET], valuesOnly: ["Claims"] });
  reopened = new WorkbookSimulator(saved);
});

describe("the Contract Performance sheet saved as .xlsx with its claims table", () => {
  test("keeps its live formulas and the Claims table they refer to, none of them the add-in's", () => {
    const formulas = formulasIn(saved, SHEET);
    expect(formulas.length).toBeGreaterThan(500);
    expect(formulas.filter((f) => /PAYER\./i.test(f))).toEqual([]);
    expect(formulas.some((f) => f.includes("Claims[Variance Flag]"))).toBe(true);
    expect(saved.sheets.find((s) => s.name === "Claims")!.tables).toEqual([
      { name: "Claims", address: expect.stringMatching(/^A1:[A-Z]+\d+$/), style: "TableStyleMedium2" },
    ]);
  });

  test("computes the same figures when reopened without the add-in", () => {
    const before = valuesOn(original, SHEET).flat();
    const after = valuesOn(reopened, SHEET).flat();
    expect(after.filter((v) => typeof v === "string" && v.startsWith("#") && v !== "#N/A")).toEqual([]);
    expect(after.filter((v) => typeof v === "number")).toEqual(before.filter((v) => typeof v === "number"));
  });

  test("shows the planted gap against the signed proposal in the reopened file", () => {
    const gap = MONTHLY_COLUMNS.findIndex((c) => c.key === "modeledGap");
    const gaps = valuesOn(reopened, SHEET)
      .slice(firstRow - 1)
      .filter((row) => row[0] === PLANTED_SIGNED_PROPOSAL.contractName && typeof row[gap] === "number")
      .map((row) => row[gap] as number);
    expect(gaps.length).toBeGreaterThan(3);
    expect(gaps.filter((g) => g < 0).length).toBeGreaterThan(3);
  });
});
