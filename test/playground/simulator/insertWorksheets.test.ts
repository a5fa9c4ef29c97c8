/**
 * Issue 18 item 5: the simulator implements `Workbook.insertWorksheetsFromBase64` (ExcelApi 1.13), so the add-in's
 * .xlsx import through Excel itself is tested here.
 */
import { WorkbookSimulator, type WorkbookSnapshot } from "../../../src/playground/simulator";
import { saveXlsx } from "../../../src/playground/xlsx";

const usersWorkbook: WorkbookSnapshot = { sheets: [{ name: "Claims", cells: [["Claim ID"], ["C-1"]] }, { name: "Notes", cells: [["n"]] }] }; // prettier-ignore

/** A payer's file, base64-encoded as a task pane would send it. */
async function payerFile(): Promise<string> {
  const payer = new WorkbookSimulator({
    sheets: [
      { name: "Rates", cells: [["HCPCS Code", "Rate"], ["99213", "=91.5*2"]], tables: [{ name: "Rates", address: "A1:B2" }] }, // prettier-ignore
      { name: "Claims", cells: [["from the payer"]] },
    ],
  });
  return Buffer.from((await saveXlsx(payer)).bytes).toString("base64");
}

async function insert(simulator: WorkbookSimulator, base64: string, options?: Excel.InsertWorksheetOptions) {
  return simulator.excel.run(async (context) => {
    const ids = context.workbook.insertWorksheetsFromBase64(base64, options);
    await context.sync();
    return ids.value;
  });
}

describe("inserting the worksheets of an .xlsx file", () => {
  it("adds every sheet at the end with its cells, formulas and tables, and returns the new sheets' ids", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook);
    const ids = await insert(simulator, await payerFile());
    const { sheets, tables } = simulator.describe();
    expect(sheets.map((s) => s.name)).toEqual(["Claims", "Notes", "Rates", "Claims (2)"]);
    expect(ids).toHaveLength(2);
    expect(simulator.cell("Rates", 1, 1)).toMatchObject({ value: 183, formula: "=91.5*2" });
    expect(tables.map((t) => [t.name, t.sheet, t.address])).toEqual([["Rates", "Rates", "A1:B2"]]);
  });

  it("adds only the sheets named, after the sheet given", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook);
    await insert(simulator, await payerFile(), { sheetNamesToInsert: ["Rates"], positionType: "After", relativeTo: "Claims" }); // prettier-ignore
    expect(simulator.sheetNames()).toEqual(["Claims", "Rates", "Notes"]);
  });

  it("refuses a file that is not a workbook, and inserts nothing", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook);
    await expect(insert(simulator, Buffer.from("HCPCS,Rate\n").toString("base64"))).rejects.toMatchObject({ code: "InvalidArgument" }); // prettier-ignore
    expect(simulator.sheetNames()).toEqual(["Claims", "Notes"]);
  });
});
