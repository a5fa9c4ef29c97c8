/** Builders and Excel wrappers shared by the table writer's specifications and its benchmark. */
import type { ExcelGateway } from "../../../src/excel/core/excelGateway";
import type { CellValue, TableColumn, TableWriteRequest } from "../../../src/excel/core/tableWriter";
import type { WorkbookSimulator, WorkbookSnapshot } from "../../../src/playground/simulator";
import { excelBeforeEachSync } from "../../support/excelRequests";

/** The columns of a payer fee schedule as the import writes it (Tuva words as readable headers). */
export const FEE_SCHEDULE_COLUMNS: readonly TableColumn[] = [
  { name: "HCPCS Code", kind: "text" },
  { name: "HCPCS Modifier", kind: "text" },
  { name: "Description", kind: "text" },
  { name: "Non-Facility Rate", kind: "money" },
  { name: "Facility Rate", kind: "money" },
  { name: "Effective Start Date", kind: "date" },
  { name: "Effective End Date", kind: "date" },
  { name: "Status Code", kind: "text" },
];

const MODIFIERS = ["", "", "", "26", "TC", "59"];

/**
 * A payer fee schedule of `rowCount` rows, deterministic, sized like a real one (codes, modifiers, a description
 * of 30-50 characters, two rates, two dates, a status code).
 */
export function aFeeSchedule(rowCount: number, overrides: Partial<TableWriteRequest> = {}): TableWriteRequest {
  const rows: CellValue[][] = Array.from({ length: rowCount }, (_, i) => [
    String(10_000 + i * 4).padStart(5, "0"),
    MODIFIERS[i % MODIFIERS.length]!,
    `Office or outpatient visit, level ${(i % 5) + 1}, established patient`.slice(0, 30 + (i % 21)),
    Math.round(5_000 + ((i * 7_919) % 90_000)) / 100,
    Math.round(4_000 + ((i * 6_007) % 80_000)) / 100,
    "2026-01-01",
    "2026-12-31",
    i % 17 === 0 ? "R" : "A",
  ]);
  return { sheetName: "Acme PPO 2026", tableName: "AcmePpo2026", columns: FEE_SCHEDULE_COLUMNS, rows, ...overrides };
}

/** A workbook the user already has: a claims table and a notes sheet. */
export function usersWorkbook(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: "Claims",
        cells: [
          ["Claim ID", "HCPCS Code", "Charge Amount"],
          ["C-1001", "99213", 145],
          ["C-1002", "20610", 210],
        ],
        tables: [{ name: "Claims", address: "A1:C3" }],
      },
      { name: "Notes", cells: [["Q3 review"]] },
    ],
  };
}

/** What a user sees of a workbook: sheets in order, tables with their place, and every sheet's used cells. */
export function workbookState(simulator: WorkbookSimulator) {
  return {
    sheets: simulator.sheetNames(),
    tables: simulator.tables(),
    cells: simulator.sheetNames().map((sheet) => {
      const { rows, columns } = simulator.usedSize(sheet);
      return Array.from({ length: rows }, (_, r) =>
        Array.from({ length: columns }, (_, c) => simulator.cell(sheet, r, c)),
      );
    }),
  };
}

/**
 * The simulator's Excel, with an Excel error in request number `failingRequest` (1-based, counted over all
 * batches): the request applies its commands up to a failing one, as Excel does, then rejects with ItemNotFound.
 */
export function excelFailingAtRequest(simulator: WorkbookSimulator, failingRequest: number): ExcelGateway {
  return excelBeforeEachSync(simulator, (request, context) => {
    if (request === failingRequest) {
      // A command that Excel refuses at the end of the request (as if the user deleted a sheet meanwhile).
      context.workbook.worksheets.getItem("A sheet deleted meanwhile").getRange("A1").values = [["x"]];
    }
  });
}
