/**
 * Issue 18 item 1: the playground opens a user's .xlsx into the simulator and saves the simulated workbook as .xlsx.
 * Round trips go through the file's bytes and exceljs, as a user's Save then Open would.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { WorkbookSimulator, type WorkbookSnapshot } from "../../../src/playground/simulator";
import { describeNotLoaded, describeXlsxOpenIssue, openXlsx, saveXlsx } from "../../../src/playground/xlsx";
import { describeWithSharedData, SHARED_DATA } from "../../support/sharedData";

/** Opens bytes, failing the test with the refusal's message when the file is refused. */
async function opened(bytes: Uint8Array | ArrayBuffer) {
  const result = await openXlsx(bytes, "test.xlsx");
  if (!result.ok) throw new Error(describeXlsxOpenIssue(result.issue));
  return result.value;
}

/** The simulator's workbook saved, then opened in a fresh simulator. */
async function reopened(simulator: WorkbookSimulator): Promise<WorkbookSimulator> {
  return new WorkbookSimulator((await opened((await saveXlsx(simulator)).bytes)).snapshot);
}

/** A file written with exceljs, as another spreadsheet program would. */
async function fileOf(build: (book: ExcelJS.Workbook) => void): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  build(book);
  return book.xlsx.writeBuffer();
}

const claimsWorkbook = (): WorkbookSnapshot => ({
  sheets: [
    {
      name: "Claims",
      cells: [
        ["HCPCS Code", "Allowed Amount", "Doubled"],
        ["99213", 91.5, "=B2*2"],
        ["99214", 128.25, "=B3*2"],
      ],
      numberFormats: [{ address: "B2:C3", format: "$#,##0.00" }],
      tables: [{ name: "Claims", address: "A1:C3" }],
    },
    { name: "Total", cells: [["=SUM(Claims[Allowed Amount])", '=MAXIFS(Claims[Allowed Amount],Claims[HCPCS Code],"99213")']] }, // prettier-ignore
  ],
  names: [{ name: "FirstAllowed", formula: "=Claims!$B$2" }],
});

describe("saving the playground's workbook as .xlsx and opening it again", () => {
  it("keeps each sheet's values, formulas and number formats", async () => {
    const again = (await reopened(new WorkbookSimulator(claimsWorkbook()))).describe();
    expect(again.sheets.map((s) => s.name)).toEqual(["Claims", "Total"]);
    expect(again.sheets[0]!.cells["C3"]).toEqual({ value: 256.5, formula: "=B3*2", numberFormat: "$#,##0.00" });
    expect(again.sheets[1]!.cells["A1"]).toEqual({ value: 219.75, formula: "=SUM(Claims[Allowed Amount])" });
  });

  it("keeps tables with their names, headers and ranges, and named ranges", async () => {
    const again = (await reopened(new WorkbookSimulator(claimsWorkbook()))).describe();
    expect(again.tables.map(({ name, sheet, address, headers }) => ({ name, sheet, address, headers }))).toEqual([
      { name: "Claims", sheet: "Claims", address: "A1:C3", headers: ["HCPCS Code", "Allowed Amount", "Doubled"] },
    ]);
    expect(again.names.map(({ name, formula }) => ({ name, formula }))).toEqual([
      { name: "FirstAllowed", formula: "=Claims!$B$2" },
    ]);
  });

  it("stores a function newer than Excel 2007 under the prefix Excel needs to read it, and reads it back", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await saveXlsx(simulator)).bytes as unknown as ExcelJS.Buffer);
    expect(book.getWorksheet("Total")!.getCell("B1").formula).toBe(
      '_xlfn.MAXIFS(Claims[Allowed Amount],Claims[HCPCS Code],"99213")',
    );
    expect((await reopened(simulator)).cell("Total", 0, 1)).toMatchObject({ value: 91.5, formula: '=MAXIFS(Claims[Allowed Amount],Claims[HCPCS Code],"99213")' }); // prettier-ignore
  });

  it("keeps the fills, fonts, column widths, frozen rows and formula conditional formats the add-in set", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await simulator.excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Claims");
      const header = sheet.getRange("A1:C1");
      header.format.fill.color = "#1F4E78";
      header.format.font.color = "#FFFFFF";
      header.format.font.bold = true;
      sheet.getRange("B:B").format.columnWidth = 90;
      sheet.freezePanes.freezeRows(1);
      const flag = sheet.getRange("B2:B3").conditionalFormats.add("Custom");
      flag.custom.rule.formula = "=$B2>100";
      flag.custom.format.fill.color = "#FFC7CE";
      flag.custom.format.font.color = "#9C0006";
      await context.sync();
    });
    const claims = (await reopened(simulator)).describe().sheets[0]!;
    expect(claims.rangeFormats).toEqual(
      expect.arrayContaining([
        { address: "B:B", properties: { columnWidth: expect.closeTo(90, 0) as number }, calls: [] },
        { address: "freezePanes", properties: {}, calls: [{ path: "freezeRows", args: [1] }] },
        { address: "A1", properties: { "fill.color": "#1F4E78", "font.bold": true, "font.color": "#FFFFFF" }, calls: [] }, // prettier-ignore
      ]),
    );
    expect(claims.conditionalFormats).toEqual([
      {
        type: "Custom",
        address: "B2:B3",
        properties: { "custom.rule.formula": "=$B2>100", "custom.format.fill.color": "#FFC7CE", "custom.format.font.color": "#9C0006" }, // prettier-ignore
        calls: [],
      },
    ]);
  });

  it("saves a formula that spills as an array formula over the cells it fills, with their values", async () => {
    const simulator = new WorkbookSimulator({ sheets: [{ name: "S", cells: [[1, "=SEQUENCE(3,1,10)"]] }] }); // prettier-ignore
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await saveXlsx(simulator)).bytes as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet("S")!;
    expect(sheet.getCell("B1").value).toMatchObject({ formula: "_xlfn.SEQUENCE(3,1,10)", shareType: "array", ref: "B1:B3", result: 10 }); // prettier-ignore
    expect([sheet.getCell("B2").value, sheet.getCell("B3").value]).toEqual([11, 12]);
  });

  it("keeps a hidden sheet hidden", async () => {
    const snapshot = claimsWorkbook();
    snapshot.sheets[1]!.visibility = "Hidden";
    expect((await reopened(new WorkbookSimulator(snapshot))).visibleSheetNames()).toEqual(["Claims"]);
  });

  it("saves a list to pick from on a cell, so Excel shows the dropdown", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await simulator.excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("Total").getRange("C1");
      cell.dataValidation.rule = { list: { inCellDropDown: true, source: "=Claims!$A$2:$A$3" } };
      await context.sync();
    });
    const saved = await saveXlsx(simulator);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(saved.bytes.buffer);
    expect(book.getWorksheet("Total")!.getCell("C1").dataValidation).toEqual(
      expect.objectContaining({ type: "list", formulae: ["Claims!$A$2:$A$3"] }),
    );
    expect(saved.notSaved).toEqual([]);
  });

  it("says which charts it could not save, by title", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await simulator.excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Claims");
      sheet.charts.add("ColumnClustered", sheet.getRange("A1:B3"), "Columns").title.text = "Allowed by code";
      await context.sync();
    });
    expect((await saveXlsx(simulator)).notSaved).toEqual([
      { feature: "charts", sheet: "Claims", what: '"Allowed by code"' },
    ]);
  });
});

describe("opening a user's .xlsx in the playground", () => {
  it("keeps text that looks like a formula or a number as the text it is", async () => {
    const file = await fileOf((book) => {
      const sheet = book.addWorksheet("Schedule");
      sheet.getCell("A1").value = '=HYPERLINK("http://example.com")';
      sheet.getCell("A2").value = "00100";
      sheet.getCell("A3").value = "-5";
    });
    const simulator = new WorkbookSimulator((await opened(file)).snapshot);
    expect([0, 1, 2].map((row) => simulator.cell("Schedule", row, 0))).toMatchObject([
      { value: '=HYPERLINK("http://example.com")', formula: null },
      { value: "00100", formula: null },
      { value: "-5", formula: null },
    ]);
  });

  it("lists what the simulator cannot hold, by sheet, and keeps the rest", async () => {
    const file = await fileOf((book) => {
      const sheet = book.addWorksheet("Notes");
      sheet.getCell("A1").value = "Payer";
      sheet.getCell("B1").value = "Acme";
      sheet.mergeCells("B1:C1");
      sheet.getCell("A2").dataValidation = { type: "list", allowBlank: true, formulae: ['"Yes,No"'] };
    });
    const { snapshot, notLoaded } = await opened(file);
    expect(describeNotLoaded(notLoaded)).toBe(
      "Not loaded: merged ranges (their cells kept, unmerged): 1 on Notes; data validation rules: 1 on Notes.",
    );
    expect(new WorkbookSimulator(snapshot).cell("Notes", 0, 1).value).toBe("Acme");
  });

  it("refuses a file that is not an .xlsx workbook, naming it", async () => {
    const result = await openXlsx(new TextEncoder().encode("HCPCS,Rate\n99213,91.50\n"), "rates.csv");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(describeXlsxOpenIssue(result.issue)).toMatch(/^"rates.csv" is not an Excel workbook \(.xlsx\)/); // prettier-ignore
  });
});

describeWithSharedData("opening CMS's own GPCI workbook", () => {
  it("keeps locality numbers with their leading zeros and the GPCIs as numbers", async () => {
    const bytes = readFileSync(path.join(SHARED_DATA!, "cms-pfs/2025-rvu25d/GPCI2025.xlsx"));
    const simulator = new WorkbookSimulator((await opened(bytes)).snapshot);
    const sheet = simulator.sheetNames()[0]!;
    // Row 4 (0-based 3): Alabama, locality "00", PW GPCI 1.
    expect([0, 1, 2, 3, 4].map((column) => simulator.cell(sheet, 3, column).value)).toEqual(["10112", "AL", "00", "ALABAMA", 1]); // prettier-ignore
  });
});
