/**
 * The review's Summary and Worklist tables are each declared once (reviewSheetColumns.ts) and every formula names
 * its columns: a developer who inserts a column in a declaration gets the same numbers from the simulator, each
 * under its header. Here a "Notes" column is inserted in every table, twice in the Summary's blocks.
 */
import {
  describeVarianceReviewIssue,
  reviewSheetNames,
  runVarianceReview,
  WORKLIST_HEADER_ROW,
} from "../../../src/excel/varianceReview";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { rowReading, tableByHeaders, valuesOfColumns, withoutColumns, type RowsByHeader } from "../upliftModel/support";
import { aReviewRequest, plantedWorkbook } from "./support";

jest.setTimeout(240_000);

/** The switch the mocked declarations read (kept in the mock: the layout modules read declarations on import). */
interface Insertion {
  on: boolean;
}

jest.mock("../../../src/excel/varianceReview/reviewSheetColumns", () => {
  type Columns = typeof import("../../../src/excel/varianceReview/reviewSheetColumns");
  const actual = jest.requireActual<Columns>("../../../src/excel/varianceReview/reviewSheetColumns");
  const insertion: Insertion = { on: false };
  /** The declaration with a column `header` before the column `key`, when the test asks for it. */
  const insertBefore = <C extends { readonly key: string }>(columns: readonly C[], key: string, header: string) => {
    if (!insertion.on) return columns;
    const at = columns.findIndex((column) => column.key === key);
    return [...columns.slice(0, at), { key: header, header, numberFormat: "@", width: 80 }, ...columns.slice(at)];
  };
  return {
    ...actual,
    insertion,
    summaryColumns: (keyHeader: string) =>
      insertBefore(insertBefore(actual.summaryColumns(keyHeader), "lines", "Notes"), "deniedCharges", "More notes"),
    get DENIAL_CATEGORY_COLUMNS() {
      return insertBefore(actual.DENIAL_CATEGORY_COLUMNS, "deniedLines", "Notes");
    },
    get WORKLIST_COLUMNS() {
      return insertBefore(actual.WORKLIST_COLUMNS, "lines", "Notes");
    },
  };
});

/** Whether the declarations the layout reads have the inserted columns; set before each build. */
const { insertion } = jest.requireMock<{ insertion: Insertion }>(
  "../../../src/excel/varianceReview/reviewSheetColumns",
);

const NOTES = /Notes$|^More notes$/;

describe("the review's sheets with a column inserted in each of their declarations", () => {
  const names = reviewSheetNames("Claims");
  let declared: Record<string, RowsByHeader>;
  let inserted: Record<string, RowsByHeader>;

  /** Every table of the Summary and the Worklist of a review of the planted claims, read by headers. */
  async function reviewTables(insertColumns: boolean): Promise<Record<string, RowsByHeader>> {
    insertion.on = insertColumns;
    const planted = await plantedWorkbook();
    const simulator = new WorkbookSimulator(planted.snapshot);
    const result = await runVarianceReview(simulator.excel, aReviewRequest(planted.headers), {
      now: () => new Date("2025-06-30T12:00:00Z"),
    });
    if (!result.ok) throw new Error(describeVarianceReviewIssue(result.issue));
    const below = (heading: string) =>
      tableByHeaders(simulator, names.summary, rowReading(simulator, names.summary, heading) + 1);
    return {
      byPayer: below("By payer"),
      byCode: below("By code"),
      denialCategories: below("Top denial categories"),
      worklist: tableByHeaders(simulator, names.worklist, WORKLIST_HEADER_ROW - 1),
    };
  }

  beforeAll(async () => {
    declared = await reviewTables(false);
    inserted = await reviewTables(true);
  });

  it("keeps every payer's counts, sums and rates, and the total", () => {
    expect(declared.byPayer!.length).toBeGreaterThan(2);
    expect(withoutColumns(inserted.byPayer!, NOTES)).toEqual(declared.byPayer);
  });

  it("keeps every code's counts, sums and rates, and the total", () => {
    expect(declared.byCode!.length).toBeGreaterThan(10);
    expect(withoutColumns(inserted.byCode!, NOTES)).toEqual(declared.byCode);
  });

  it("keeps each denial category's count and share of denied lines", () => {
    expect(declared.denialCategories).toHaveLength(2);
    expect(withoutColumns(inserted.denialCategories!, NOTES)).toEqual(declared.denialCategories);
  });

  it("keeps every underpaid claim of the Worklist and its total", () => {
    expect(declared.worklist).toHaveLength(4);
    expect(withoutColumns(inserted.worklist!, NOTES)).toEqual(declared.worklist);
  });

  it("shows the inserted columns where they were declared", () => {
    const notesHeaders = (table: RowsByHeader) => Object.keys(table[0]!).filter((header) => NOTES.test(header));
    expect(Object.values(inserted).map(notesHeaders)).toEqual([
      ["Notes", "More notes"],
      ["Notes", "More notes"],
      ["Notes"],
      ["Notes"],
    ]);
  });

  it("leaves the inserted columns empty", () => {
    const notes = Object.values(inserted).flatMap((table) => valuesOfColumns(table, NOTES));
    expect(notes.length).toBeGreaterThan(30);
    expect(notes.filter((value) => value !== null && value !== "")).toEqual([]);
  });
});
