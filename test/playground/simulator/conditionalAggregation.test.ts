/**
 * SUMIFS, COUNTIFS and the other conditional aggregations, which the simulator answers from an index of each criteria
 * range (groupedCriteria.ts): every result is HyperFormula's own, and follows edits of the ranges it reads.
 */
import { HyperFormula } from "hyperformula";
import { WorkbookSimulator, type CellInput } from "../../../src/playground/simulator";
import { cellAt, run, typeInto } from "./helpers";

/** Claim lines with what real exports hold: codes as text and as numbers, case variants, blanks, an error. */
const LINES: CellInput[][] = [
  ["Payer", "HCPCS Code", "Flag", "Allowed Amount", "Service Date"],
  ["Aetna", "99213", "Underpaid", 92.5, "2025-01-15"],
  ["AETNA", 99213, "OK", 88.1, "2025-02-01"],
  ["Cigna", "99214", "Denied", 0, "2025-02-03"],
  ["aetna", "36415", "", 3.1, "2025-03-10"],
  ["Cigna", "99213", "Underpaid", "n/a", "2025-03-11"],
  ["", "G0439", "Reversed", -120.25, ""],
  ["Humana", "99214", "OK", "=1/0", "2025-04-01"],
  ["Cigna", "99215", "Overpaid", 201.7, "2025-04-02"],
  ["Aetna", "99213", "<>", 0.1, "2025-05-20"],
  ["Humana", "36415", "Denied", 0.2, "2025-05-21"],
];

/** Criteria of every kind HyperFormula parses: equality, negation, blanks, comparisons, wildcards, numbers, dates. */
const CRITERIA = [
  '"Aetna"',
  '"=cigna"',
  '"<>Aetna"',
  '""',
  '"<>"',
  '"9921*"',
  '"?etna"',
  "99213",
  '"99213"',
  '">50"',
  '"<=0.2"',
  '">=2025-03-01"',
  "A2",
  "B3",
];

/** One formula per function and criterion, over a column the criterion can sensibly test, and a two-criteria one. */
function formulas(column: (name: string) => string): string[] {
  const range = (c: string) => column(c);
  return CRITERIA.flatMap((criterion) => [
    `=SUMIFS(${range("D")},${range("A")},${criterion})`,
    `=COUNTIFS(${range("B")},${criterion})`,
    `=SUMIFS(${range("D")},${range("C")},${criterion},${range("A")},"<>Humana")`,
    `=COUNTIFS(${range("E")},${criterion},${range("B")},${criterion})`,
    `=SUMIF(${range("B")},${criterion},${range("D")})`,
    `=COUNTIF(${range("D")},${criterion})`,
    `=AVERAGEIF(${range("A")},${criterion},${range("D")})`,
    `=MINIFS(${range("D")},${range("B")},${criterion})`,
    `=MAXIFS(${range("D")},${range("A")},${criterion},${range("C")},"<>OK")`,
  ]);
}

/** What HyperFormula alone (its own plugins) computes for the formulas over the same cells. */
function hyperFormulaValues(cells: CellInput[][], formulaTexts: string[]): unknown[] {
  const hf = HyperFormula.buildFromSheets(
    // "" entered in Excel (and the simulator) leaves the cell empty; HyperFormula would hold an empty text.
    { Lines: cells.map((row) => row.map((v) => (v === "" ? null : v))), Results: formulaTexts.map((f) => [f]) },
    { licenseKey: "gpl-v3", dateFormats: ["MM/DD/YYYY", "MM/DD/YY", "YYYY-MM-DD"], currencySymbol: ["$"] },
  );
  const sheet = hf.getSheetId("Results")!;
  const values = formulaTexts.map((_, row) => hf.getCellValue({ sheet, row, col: 0 }));
  hf.destroy();
  return values.map((v) => (typeof v === "object" && v !== null && "value" in v ? v.value : v));
}

describe("conditional aggregations (SUMIFS, COUNTIFS, SUMIF, COUNTIF, AVERAGEIF, MINIFS, MAXIFS)", () => {
  it("give what HyperFormula itself gives, for every kind of criterion", () => {
    const texts = formulas((c) => `Lines!$${c}$2:$${c}$11`);
    const simulator = new WorkbookSimulator({
      sheets: [
        { name: "Lines", cells: LINES },
        { name: "Results", cells: texts.map((f) => [f]) },
      ],
    });
    const errorAsText: Record<string, string> = { "#CYCLE!": "#REF!", "#ERROR!": "#NAME?", "#LIC!": "#VALUE!" };
    const expected = hyperFormulaValues(LINES, texts).map((v) => (typeof v === "string" ? (errorAsText[v] ?? v) : v));
    const values = texts.map((_, row) => simulator.cell("Results", row, 0).value);
    expect(values).toEqual(expected);
    expect(new Set(values).size).toBeGreaterThan(20); // the battery tells criteria apart
  });

  it("follow a typed edit of a criteria cell and of a summed cell", () => {
    const simulator = new WorkbookSimulator({
      sheets: [
        { name: "Lines", cells: LINES, tables: [{ name: "Lines", address: "A1:E11" }] },
        {
          name: "Summary",
          cells: [['=SUMIFS(Lines[Allowed Amount],Lines[Payer],"Cigna")', '=COUNTIFS(Lines[Flag],"Underpaid")']],
        },
      ],
    });
    expect([cellAt(simulator, "Summary", "A1").value, cellAt(simulator, "Summary", "B1").value]).toEqual([201.7, 2]);
    typeInto(simulator, "Lines", "A2", "Cigna");
    typeInto(simulator, "Lines", "C9", "Underpaid");
    expect([cellAt(simulator, "Summary", "A1").value, cellAt(simulator, "Summary", "B1").value]).toEqual([294.2, 3]);
    typeInto(simulator, "Lines", "D4", "10");
    expect(cellAt(simulator, "Summary", "A1").value).toBe(304.2);
  });

  it("count rows added to the table after the formulas were entered", async () => {
    const simulator = new WorkbookSimulator({
      sheets: [
        { name: "Lines", cells: LINES, tables: [{ name: "Lines", address: "A1:E11" }] },
        { name: "Summary", cells: [['=SUMIFS(Lines[Allowed Amount],Lines[Payer],"Cigna")']] },
      ],
    });
    await run(simulator, async (context) => {
      context.workbook.tables.getItem("Lines").rows.add(undefined, [["Cigna", "99215", "OK", 150, "2025-06-01"]]);
      await context.sync();
    });
    expect(cellAt(simulator, "Summary", "A1").value).toBe(351.7);
  });

  it("follow edits of ranges that earlier formulas read first", () => {
    const simulator = new WorkbookSimulator({
      sheets: [
        {
          name: "Sheet1",
          cells: [
            ["Aetna", 10],
            ["Cigna", 20],
            ["Aetna", 30],
            ["=SUM(B1:B3)", "=COUNTA(A1:A3)"],
          ],
        },
      ],
    });
    typeInto(simulator, "Sheet1", "C1", '=SUMIFS(B1:B3,A1:A3,"Aetna")');
    typeInto(simulator, "Sheet1", "B3", "35");
    expect(cellAt(simulator, "Sheet1", "C1").value).toBe(45);
    typeInto(simulator, "Sheet1", "A2", "Aetna");
    expect(cellAt(simulator, "Sheet1", "C1").value).toBe(65);
  });
});
