/**
 * The model's tables are each declared once (modelColumns.ts) and every formula names its columns: a developer who
 * inserts a column anywhere in a declaration gets the same numbers from the simulator, each under its header.
 * Here a "Notes" column is inserted in every table of both sheets, in the per-scenario groups too.
 */
import { buildUpliftModel, DEFAULT_SCENARIOS, describeUpliftModelIssue } from "../../../src/excel/upliftModel";
import { MODEL_ROWS, modelCodeTableRow } from "../../../src/excel/upliftModel/modelColumns";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { aModelRequest, tableByHeaders, valuesOfColumns, withoutColumns, type RowsByHeader } from "./support";

jest.setTimeout(240_000);

/** The switch the mocked declarations read (kept in the mock: the layout modules read declarations on import). */
interface Insertion {
  on: boolean;
}

jest.mock("../../../src/excel/upliftModel/modelColumns", () => {
  type Columns = typeof import("../../../src/excel/upliftModel/modelColumns");
  const actual = jest.requireActual<Columns>("../../../src/excel/upliftModel/modelColumns");
  const insertion: Insertion = { on: false };
  /** The declaration with a "Notes" column before the column `key`, when the test asks for it. */
  const insertBefore = <C extends { readonly key: string }>(columns: readonly C[], key: string, header = "Notes") => {
    if (!insertion.on) return columns;
    const at = columns.findIndex((column) => column.key === key);
    return [...columns.slice(0, at), { key: "notes", header, numberFormat: "@", width: 80 }, ...columns.slice(at)];
  };
  return {
    ...actual,
    insertion,
    get ASSUMPTION_COLUMNS() {
      return insertBefore(actual.ASSUMPTION_COLUMNS, "input");
    },
    get COMPARISON_COLUMNS() {
      return insertBefore(actual.COMPARISON_COLUMNS, "floor");
    },
    codeColumns: (...args: Parameters<Columns["codeColumns"]>) => insertBefore(actual.codeColumns(...args), "rank"),
    scenarioCodeColumns: (group: Parameters<Columns["scenarioCodeColumns"]>[0]) =>
      insertBefore(actual.scenarioCodeColumns(group), "added", `${group.name}: Notes`),
    lineColumns: (shape: Parameters<Columns["lineColumns"]>[0]) => insertBefore(actual.lineColumns(shape), "amount"),
    scenarioLineColumns: (name: string) => insertBefore(actual.scenarioLineColumns(name), "newTotal", `${name}: Notes`),
  };
});

/** Whether the declarations the layout reads have the inserted columns; set before each build. */
const { insertion } = jest.requireMock<{ insertion: Insertion }>("../../../src/excel/upliftModel/modelColumns");

/** Every table of a model built from the sample claims, read by headers. */
async function modelTables(insertColumns: boolean): Promise<Record<string, RowsByHeader>> {
  insertion.on = insertColumns;
  const simulator = new WorkbookSimulator(buildSampleWorkbook());
  const result = await buildUpliftModel(simulator.excel, aModelRequest(), {
    now: () => new Date("2025-06-30T12:00:00Z"),
  });
  if (!result.ok) throw new Error(describeUpliftModelIssue(result.issue));
  const scenarios = result.value.scenarios.length;
  return {
    assumptions: tableByHeaders(simulator, "Uplift Model", MODEL_ROWS.assumptionsHeading),
    comparison: tableByHeaders(simulator, "Uplift Model", MODEL_ROWS.comparisonHeader),
    codes: tableByHeaders(simulator, "Uplift Model", modelCodeTableRow(scenarios) - 1),
    lines: tableByHeaders(simulator, "Uplift Model Lines", 0),
  };
}

const NOTES = /Notes$/;

describe("the uplift model with a column inserted in each of its declarations", () => {
  let declared: Record<string, RowsByHeader>;
  let inserted: Record<string, RowsByHeader>;
  beforeAll(async () => {
    declared = await modelTables(false);
    inserted = await modelTables(true);
  });

  it("keeps current revenue, the floor and the target in dollars", () => {
    expect(declared.assumptions).toHaveLength(3);
    expect(withoutColumns(inserted.assumptions!, NOTES)).toEqual(declared.assumptions);
  });

  it("keeps every scenario's current, new and added revenue and its verdict", () => {
    expect(declared.comparison).toHaveLength(2);
    expect(withoutColumns(inserted.comparison!, NOTES)).toEqual(declared.comparison);
  });

  it("keeps every code's volume, revenue, uplift and new revenue, and the totals", () => {
    expect(declared.codes!.length).toBeGreaterThan(20);
    expect(withoutColumns(inserted.codes!, NOTES)).toEqual(declared.codes);
  });

  it("keeps every distinct line's count and new amount", () => {
    // The sample's 2,868 claim lines are a few hundred distinct lines (code, amount, charge).
    expect(declared.lines!.length).toBeGreaterThan(300);
    expect(withoutColumns(inserted.lines!, NOTES)).toEqual(declared.lines);
  });

  it("shows the inserted columns where they were declared, one per table and one per scenario", () => {
    const notesHeaders = (table: RowsByHeader) => Object.keys(table[0]!).filter((header) => NOTES.test(header));
    const perScenario = DEFAULT_SCENARIOS.map((scenario) => `${scenario.name}: Notes`);
    expect(notesHeaders(inserted.assumptions!)).toEqual(["Notes"]);
    expect(notesHeaders(inserted.comparison!)).toEqual(["Notes"]);
    expect(notesHeaders(inserted.codes!)).toEqual(["Notes", ...perScenario]);
    expect(notesHeaders(inserted.lines!)).toEqual(["Notes", ...perScenario]);
  });

  it("leaves the inserted columns empty", () => {
    const notes = Object.values(inserted).flatMap((table) => valuesOfColumns(table, NOTES));
    expect(notes.length).toBeGreaterThan(1000);
    expect(notes.filter((value) => value !== null && value !== "")).toEqual([]);
  });
});
