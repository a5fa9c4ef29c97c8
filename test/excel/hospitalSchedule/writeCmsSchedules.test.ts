/**
 * Importing CMS's MS-DRG weights and OPPS Addendum B into the registered tables (issue 14 item 3), in the workbook
 * simulator: a year or quarter replaces its own rows and keeps the others, a second import of the same file changes
 * nothing, and the functions then price from the imported rows. The files are the real ones in ../shared/data.
 */
import "../../functions/support/installShim";
import { registryCache } from "../../../src/functions/registryCache";
import { PAYER_FUNCTIONS } from "../../../src/functions/registry";
import { describeHospitalImportIssue, writeDrgWeights, writeOppsRates } from "../../../src/excel/hospitalSchedule";
import { WorkbookSimulator, type SheetSnapshot } from "../../../src/playground/simulator";
import { hospitalRows, hospitalWorkbook, specOf, tableSheet, type Row } from "../../formulas/hospitalWorkbook";
import { describeWithSharedData } from "../../support/sharedData";
import { addendumBOf, drgWeightsOf } from "./support";

jest.setTimeout(120_000);

const inpatientPayment = PAYER_FUNCTIONS.find((entry) => entry.id === "INPATIENT_PAYMENT")!.implementation;
const outpatientPayment = PAYER_FUNCTIONS.find((entry) => entry.id === "OUTPATIENT_PAYMENT")!.implementation;

/** The body rows of a table, as Excel gives them. */
async function tableRows(simulator: WorkbookSimulator, table: string): Promise<unknown[][]> {
  return simulator.excel.run(async (context) => {
    const body = context.workbook.tables.getItem(table).getDataBodyRange().load("values");
    await context.sync();
    return body.values;
  });
}

const described = async (simulator: WorkbookSimulator) => {
  await simulator.whenIdle();
  return JSON.stringify(simulator.describe({ sheetIdsAsNames: true }));
};

/** The one answer of a function called with scalars: the amount, or the error's message. */
const answer = (result: unknown) =>
  result instanceof CustomFunctions.Error ? result.message : (result as unknown[][])[0]![0];

describeWithSharedData("importing MS-DRG weights into MsDrgWeights", () => {
  it("replaces FY2026's rows with the whole FY2026 file and keeps FY2025's (772 + 4 rows)", async () => {
    const simulator = new WorkbookSimulator(hospitalWorkbook());
    const result = await writeDrgWeights(simulator.excel, drgWeightsOf(2026));
    if (!result.ok) throw new Error(describeHospitalImportIssue(result.issue));
    const years = (await tableRows(simulator, "MsDrgWeights")).map((row) => row[1]);
    expect([years.filter((y) => y === 2025).length, years.filter((y) => y === 2026).length]).toEqual([4, 772]);
    expect(result.value).toMatchObject({ replacedRows: 4, keptRows: 4, created: false, sheetName: "MsDrgWeights" });
  });

  it("writes DRG 470 as the file states it: 470, FY2026, weight 1.9289, GMLOS 1.9, AMLOS 2.2, post-acute Y", async () => {
    const simulator = new WorkbookSimulator(hospitalWorkbook());
    await writeDrgWeights(simulator.excel, drgWeightsOf(2026));
    const rows = await tableRows(simulator, "MsDrgWeights");
    expect(rows.find((row) => row[0] === "470" && row[1] === 2026)?.slice(0, 6)).toEqual(["470", 2026, 1.9289, 1.9, 2.2, "Y"]); // prettier-ignore
  });

  it("changes nothing when the same file is imported again", async () => {
    const simulator = new WorkbookSimulator(hospitalWorkbook());
    await writeDrgWeights(simulator.excel, drgWeightsOf(2025));
    const once = await described(simulator);
    const again = await writeDrgWeights(simulator.excel, drgWeightsOf(2025));
    expect(again.ok && again.value.replacedRows).toBe(773);
    expect(await described(simulator)).toBe(once);
  });

  it("prices a DRG the workbook did not have before: DRG 203 FY2026 weight 0.6700 x base rate $10,500.00 = $7,035.00", async () => {
    const simulator = new WorkbookSimulator(hospitalWorkbook());
    const price = async () => {
      await registryCache.start(simulator.excel);
      return answer(await inpatientPayment("Mercy Hospital PPO", 203, "2026-02-02", "2026-02-04", 30000, null));
    };
    expect(await price()).toMatch(/203/);
    await writeDrgWeights(simulator.excel, drgWeightsOf(2026));
    expect(await price()).toBe(7035);
  });

  it("creates the MsDrgWeights table on a sheet of its own when the workbook has none", async () => {
    const { MsDrgWeights: _weights, ...others } = hospitalRows();
    const simulator = new WorkbookSimulator(hospitalWorkbook(others));
    const result = await writeDrgWeights(simulator.excel, drgWeightsOf(2025));
    expect(result.ok && [result.value.sheetName, result.value.rowCount, result.value.created]).toEqual(["MS-DRG Weights", 773, true]); // prettier-ignore
  });
});

describe("an import with no row to write", () => {
  it("is refused before anything is sent to Excel", async () => {
    const simulator = new WorkbookSimulator({ sheets: [{ name: "Notes", cells: [["x"]] }] });
    const result = await writeDrgWeights(simulator.excel, { label: "empty", fiscalYear: 2026, rows: new Map() });
    expect(result.ok ? "written" : describeHospitalImportIssue(result.issue)).toBe(
      "Nothing to write for the import of MS-DRG weights FY2026: the file gave no row that can be imported. Nothing was written.",
    );
    expect(simulator.sheetNames()).toEqual(["Notes"]);
  });
});

describeWithSharedData("a registered table the import cannot rebuild is left as it was", () => {
  const refused = async (sheet: SheetSnapshot) => {
    const { MsDrgWeights: _weights, ...others } = hospitalRows();
    const simulator = new WorkbookSimulator(hospitalWorkbook(others, [sheet]));
    const before = await described(simulator);
    const result = await writeDrgWeights(simulator.excel, drgWeightsOf(2026));
    expect(await described(simulator)).toBe(before);
    return result.ok ? "written" : describeHospitalImportIssue(result.issue);
  };
  const weights = (rows: readonly Row[] = [{ "MS-DRG": "470", "Fiscal Year": 2025, Weight: 1.8855, GMLOS: 1.7 }]) =>
    tableSheet(specOf("MsDrgWeights"), "Weights", rows);

  it("refuses when the table's sheet holds other cells, which replacing the sheet would lose", async () => {
    const sheet = weights();
    const cells = sheet.cells.map((row, r) => (r === 0 ? [...row, null, "my note"] : row));
    expect(await refused({ ...sheet, cells })).toBe(
      'Sheet "Weights" holds cells outside the MsDrgWeights table; the import replaces that sheet with the rebuilt table and would lose them. Nothing was imported: move the table or those cells to a sheet of their own first.',
    );
  });

  it("refuses when the table has a column of the user's own, naming it", async () => {
    const sheet = weights();
    const cells = sheet.cells.map((row, r) => [...row, r === 0 ? "Reviewer" : "JS"]);
    const tables = [{ name: "MsDrgWeights", address: "A1:I2" }];
    expect(await refused({ ...sheet, cells, tables })).toMatch(/has columns the import does not write \("Reviewer"\)/);
  });

  it("refuses when a row of another year cannot be read, naming row, column and value", async () => {
    expect(await refused(weights([{ "MS-DRG": "470", "Fiscal Year": 2025, Weight: "heavy", GMLOS: 1.7 }]))).toMatch(
      /^Row 2 of MsDrgWeights \(sheet "Weights"\), column "Weight": "heavy" cannot be read; expected a relative weight/,
    );
  });
});

describeWithSharedData("importing an OPPS Addendum B quarter into OppsRates", () => {
  it("adds October 2025 (18,797 codes) beside January's rows, which stay", async () => {
    const simulator = new WorkbookSimulator(hospitalWorkbook());
    const january = hospitalRows().OppsRates!.length;
    const result = await writeOppsRates(simulator.excel, addendumBOf("10"));
    if (!result.ok) throw new Error(describeHospitalImportIssue(result.issue));
    expect([result.value.keptRows, result.value.replacedRows, result.value.rowCount]).toEqual([january, 0, january + 18797]); // prettier-ignore
  });

  it("keeps October's 18,797 rows when the whole January file replaces January's (a table read in parts of 10,000)", async () => {
    const simulator = new WorkbookSimulator(hospitalWorkbook());
    await writeOppsRates(simulator.excel, addendumBOf("10"));
    const result = await writeOppsRates(simulator.excel, addendumBOf("01"));
    if (!result.ok) throw new Error(describeHospitalImportIssue(result.issue));
    const january = hospitalRows().OppsRates!.length;
    expect([result.value.keptRows, result.value.replacedRows, result.value.rowCount]).toEqual([18797, january, 18797 + 18561]); // prettier-ignore
  });

  it("prices an October line from the imported quarter: 99283 $276.890 x (0.60 x 1.2 + 0.40) = $310.12", async () => {
    const simulator = new WorkbookSimulator(hospitalWorkbook());
    await writeOppsRates(simulator.excel, addendumBOf("10"));
    await registryCache.start(simulator.excel);
    const line = (k: unknown) => [[k]];
    const result = await outpatientPayment(line("Valley Hospital"), line("OP-1"), line("0450"), line("99283"), line(1), line(900), line("2025-11-10")); // prettier-ignore
    expect(answer(result)).toBe(310.12);
  });
});
