/**
 * Named column maps: a laid-out table is declared once and every reference is derived from the declaration's order,
 * so inserting a column moves every formula written through the names.
 */
import {
  columnLetters,
  placeColumns,
  repeatColumns,
  type ColumnDeclaration,
} from "../../../src/excel/core/columnLetters";

type Key = "code" | "current" | "share";

const DECLARED: readonly ColumnDeclaration<Key>[] = [
  { key: "code", header: "HCPCS Code", numberFormat: "@", width: 110 },
  { key: "current", header: "Current revenue", numberFormat: "$#,##0.00", width: 100 },
  { key: "share", header: "Share of revenue", numberFormat: "0.0%", width: 90 },
];

describe("column letters", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("writes column %i as %s", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
  });
});

describe("a declared table placed on a sheet", () => {
  it("gives each column the letter of its position in the declaration", () => {
    const table = placeColumns(DECLARED);
    expect([table.letter("code"), table.letter("current"), table.letter("share")]).toEqual(["A", "B", "C"]);
  });

  it("moves every later column when a column is inserted in the declaration", () => {
    const notes = { key: "notes", header: "Notes", numberFormat: "@" } as unknown as ColumnDeclaration<Key>;
    const table = placeColumns([DECLARED[0]!, notes, ...DECLARED.slice(1)]);
    expect(`=${table.cell(7, "current")}/${table.cell(7, "share")}`).toBe("=C7/D7");
  });

  it("starts at the column it is placed at", () => {
    const table = placeColumns(DECLARED, 5);
    expect(table.range("current", 6, 9)).toBe("G6:G9");
    expect([table.first, table.end]).toEqual([5, 8]);
  });

  it("fixes the column, the row or both with $ as asked", () => {
    const table = placeColumns(DECLARED);
    expect([
      table.cell(5, "code"),
      table.cell(5, "code", "column"),
      table.cell(5, "code", "row"),
      table.cell(5, "code", "absolute"),
    ]).toEqual(["A5", "$A5", "A$5", "$A$5"]);
    expect(table.range("current", 12, 40, "absolute")).toBe("$B$12:$B$40");
  });

  it("spans a rectangle from one named column to another", () => {
    expect(placeColumns(DECLARED).span("code", "share", 11, 13)).toBe("A11:C13");
  });

  it("keeps a part of the table at its sheet positions", () => {
    const part = placeColumns(DECLARED).between("current", "share");
    expect([part.first, part.letter("share"), part.headers()]).toEqual([
      1,
      "C",
      ["Current revenue", "Share of revenue"],
    ]);
  });

  it("puts a row's cells in the declaration's order, an undeclared column empty", () => {
    const notes = { key: "notes", header: "Notes" } as unknown as ColumnDeclaration<Key>;
    const table = placeColumns([...DECLARED, notes]);
    expect(table.row<string | number>({ share: 0.25, code: "99213", current: 100 })).toEqual([
      "99213",
      100,
      0.25,
      null,
    ]);
  });

  it("lists headers, number formats and widths column by column", () => {
    const table = placeColumns(DECLARED);
    expect(table.headers()).toEqual(["HCPCS Code", "Current revenue", "Share of revenue"]);
    expect(table.numberFormats()).toEqual(["@", "$#,##0.00", "0.0%"]);
    expect(table.widths()).toEqual([110, 100, 90]);
  });

  it("formats a column that declares no number format as General", () => {
    const table = placeColumns([{ key: "label", header: "Assumptions" }]);
    expect(table.numberFormats()).toEqual(["General"]);
  });

  it("treats naming a column the declaration lacks as a bug", () => {
    const table = placeColumns(DECLARED.slice(0, 2));
    expect(table.has("share")).toBe(false);
    expect(() => table.letter("share")).toThrow('no column "share"');
  });
});

describe("a group of columns repeated per scenario", () => {
  const perScenario = (name: string): readonly ColumnDeclaration<"uplift" | "newRevenue">[] => [
    { key: "uplift", header: `${name}: Uplift`, numberFormat: "0.00%" },
    { key: "newRevenue", header: `${name}: New revenue`, numberFormat: "$#,##0.00" },
  ];

  it("places one copy per scenario, each after the previous", () => {
    const groups = repeatColumns(perScenario, ["5% on top 20", "3% across the board"], 5);
    expect(groups.map((g) => g.letter("newRevenue"))).toEqual(["G", "I"]);
    expect(groups[1]!.headers()).toEqual(["3% across the board: Uplift", "3% across the board: New revenue"]);
  });

  it("moves every scenario's columns when a column is inserted in the group's declaration", () => {
    const withNotes = (name: string) => [
      ...perScenario(name),
      { key: "notes", header: `${name}: Notes` } as unknown as ColumnDeclaration<"uplift" | "newRevenue">,
    ];
    const groups = repeatColumns(withNotes, ["A", "B"], 5);
    expect(groups.map((g) => g.letter("uplift"))).toEqual(["F", "I"]);
  });
});
