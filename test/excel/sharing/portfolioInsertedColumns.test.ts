/**
 * The portfolio summary's tables are each declared once (portfolioColumns.ts) and every formula names its columns:
 * a developer who inserts a column in a declaration gets the same numbers from the simulator, each under its
 * header. Here a "Notes" column is inserted first and in the middle of both tables.
 */
import { buildPortfolioSummary, describePortfolioIssue, PORTFOLIO_ROWS } from "../../../src/excel/sharing";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { rowReading, tableByHeaders, valuesOfColumns, withoutColumns, type RowsByHeader } from "../upliftModel/support";
import { aPortfolioRequest } from "./support";

jest.setTimeout(240_000);

/** The switch the mocked declarations read (kept in the mock: the layout modules read declarations on import). */
interface Insertion {
  on: boolean;
}

jest.mock("../../../src/excel/sharing/portfolio/portfolioColumns", () => {
  type Columns = typeof import("../../../src/excel/sharing/portfolio/portfolioColumns");
  const actual = jest.requireActual<Columns>("../../../src/excel/sharing/portfolio/portfolioColumns");
  const insertion: Insertion = { on: false };
  /** The declaration with a column `header` before each column of `keys`, when the test asks for it. */
  const insertBefore = <C extends { readonly key: string }>(columns: readonly C[], keys: readonly string[]) =>
    !insertion.on
      ? columns
      : columns.flatMap((column, i) =>
          keys.includes(column.key)
            ? [{ key: `notes${i}`, header: `Notes ${i}`, numberFormat: "@", width: 80 }, column]
            : [column],
        );
  return {
    ...actual,
    insertion,
    get PORTFOLIO_COLUMNS() {
      return insertBefore(actual.PORTFOLIO_COLUMNS, ["contract", "uplift", "noticeDeadline"]);
    },
    get PAYER_ROLLUP_COLUMNS() {
      return insertBefore(actual.PAYER_ROLLUP_COLUMNS, ["payer", "denialRateCount"]);
    },
  };
});

/** Whether the declarations the layout reads have the inserted columns; set before each build. */
const { insertion } = jest.requireMock<{ insertion: Insertion }>(
  "../../../src/excel/sharing/portfolio/portfolioColumns",
);

const SHEET = "Portfolio Summary";
const NOTES = /^Notes \d+$/;

/** The contract rows (total included) and the roll-up by payer of the sample's summary, read by headers. */
async function summaryTables(insertColumns: boolean): Promise<Record<string, RowsByHeader>> {
  insertion.on = insertColumns;
  const simulator = new WorkbookSimulator(buildSampleWorkbook());
  const result = await buildPortfolioSummary(simulator.excel, aPortfolioRequest(), {
    now: () => new Date("2025-06-30T12:00:00Z"),
  });
  if (!result.ok) throw new Error(describePortfolioIssue(result.issue));
  return {
    contracts: tableByHeaders(simulator, SHEET, PORTFOLIO_ROWS.header),
    byPayer: tableByHeaders(simulator, SHEET, rowReading(simulator, SHEET, "By payer") + 1),
  };
}

describe("the portfolio summary with columns inserted in its declarations", () => {
  let declared: Record<string, RowsByHeader>;
  let inserted: Record<string, RowsByHeader>;
  beforeAll(async () => {
    declared = await summaryTables(false);
    inserted = await summaryTables(true);
  });

  it("keeps every contract's figures, rates and renewal deadlines, and the portfolio total", () => {
    // Four contracts (two professional, two hospital with no line in Claims) and the portfolio total.
    expect(declared.contracts).toHaveLength(5);
    expect(withoutColumns(inserted.contracts!, NOTES)).toEqual(declared.contracts);
  });

  it("keeps every payer's revenue, uplift, recoverable underpayments and denial rates", () => {
    expect(declared.byPayer).toHaveLength(2);
    expect(withoutColumns(inserted.byPayer!, NOTES)).toEqual(declared.byPayer);
  });

  it("shows the inserted columns where they were declared", () => {
    const notesHeaders = (table: RowsByHeader) => Object.keys(table[0]!).filter((header) => NOTES.test(header));
    expect(notesHeaders(inserted.contracts!)).toEqual(["Notes 0", "Notes 6", "Notes 17"]);
    expect(notesHeaders(inserted.byPayer!)).toEqual(["Notes 0", "Notes 6"]);
  });

  it("leaves the inserted columns empty", () => {
    const notes = Object.values(inserted).flatMap((table) => valuesOfColumns(table, NOTES));
    expect(notes).toHaveLength(5 * 3 + 2 * 2);
    expect(notes.filter((value) => value !== null && value !== "")).toEqual([]);
  });
});
