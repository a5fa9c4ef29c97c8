import { readWorkbookOverview } from "../../../src/excel/workbook/workbookOverview";
import type { ExcelGateway } from "../../../src/excel/core/excelGateway";
import { WorkbookSimulator, type WorkbookSnapshot } from "../../../src/playground/simulator";
import { excelBeforeEachSync } from "../../support/excelRequests";

/** A small claims workbook: a claims table, a contracts table and a sheet of notes with no table. */
function claimsWorkbook(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: "Claims",
        cells: [
          ["Claim ID", "Claim Line Number", "HCPCS Code", "Charge Amount"],
          ["C-1001", 1, "99213", 145],
          ["C-1001", 2, "20610", 210],
          ["C-1002", 1, "99214", 220],
        ],
        tables: [{ name: "Claims", address: "A1:D4" }],
      },
      {
        name: "Contracts",
        cells: [
          ["Contract", "Payer", "Method", "Percent"],
          ["Acme PPO 2025", "Acme Health", "percent_of_medicare", 1.15],
          ["Beacon HMO 2025", "Beacon Care", "fee_schedule", null],
        ],
        tables: [{ name: "PayerContracts", address: "A1:D3" }],
      },
      { name: "Notes", cells: [["Q3 review"]] },
    ],
  };
}

/** The simulator's Excel, counting the `sync` calls each batch makes. */
function countingSyncs(simulator: WorkbookSimulator): { excel: ExcelGateway; syncs: () => number } {
  let syncs = 0;
  const excel = excelBeforeEachSync(simulator, (request) => {
    syncs = request;
  });
  return { excel, syncs: () => syncs };
}

describe("the workbook overview", () => {
  it("lists each table with its sheet, data rows and column names, in workbook order", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());

    await expect(readWorkbookOverview(simulator.excel)).resolves.toEqual([
      {
        name: "Claims",
        sheetName: "Claims",
        rowCount: 3,
        columnNames: ["Claim ID", "Claim Line Number", "HCPCS Code", "Charge Amount"],
      },
      {
        name: "PayerContracts",
        sheetName: "Contracts",
        rowCount: 2,
        columnNames: ["Contract", "Payer", "Method", "Percent"],
      },
    ]);
  });

  it("is empty for a workbook without tables", async () => {
    const simulator = new WorkbookSimulator({ sheets: [{ name: "Sheet1", cells: [["Charge Amount"], [100]] }] });

    await expect(readWorkbookOverview(simulator.excel)).resolves.toEqual([]);
  });

  it("follows tables that grow after the workbook was opened", async () => {
    const simulator = new WorkbookSimulator(claimsWorkbook());
    await simulator.excel.run(async (context: Excel.RequestContext) => {
      context.workbook.tables.getItem("Claims").rows.add(undefined, [["C-1003", 1, "99215", 310]]);
      await context.sync();
    });

    const overview = await readWorkbookOverview(simulator.excel);

    expect(overview.find((table) => table.name === "Claims")?.rowCount).toBe(4);
  });

  it("reads any number of tables in two round trips to Excel", async () => {
    const snapshot = claimsWorkbook();
    for (let index = 1; index <= 6; index++) {
      snapshot.sheets.push({
        name: `Schedule ${index}`,
        cells: [
          ["HCPCS Code", "Non-Facility Rate"],
          ["99213", 90 + index],
        ],
        tables: [{ name: `FeeSchedule${index}`, address: "A1:B2" }],
      });
    }
    const { excel, syncs } = countingSyncs(new WorkbookSimulator(snapshot));

    const overview = await readWorkbookOverview(excel);

    expect(overview).toHaveLength(8);
    expect(syncs()).toBe(2);
  });
});
