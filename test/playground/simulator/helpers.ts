/** Shared helpers for the simulator's specifications. */
import { parseAddress, WorkbookSimulator, type WorkbookSnapshot } from "../../../src/playground/simulator";

/** "B7" -> { row: 6, column: 1 } (0-based, as the host API takes them). */
export function adr(address: string): { row: number; column: number } {
  const parsed = parseAddress(address);
  if (parsed === null) throw new Error(`Not an address: ${address}`);
  return { row: parsed.rect.row, column: parsed.rect.column };
}

/** The host view of one cell by A1 address. */
export function cellAt(simulator: WorkbookSimulator, sheet: string, address: string) {
  const { row, column } = adr(address);
  return simulator.cell(sheet, row, column);
}

/** Types into a cell by A1 address, as a user would. */
export function typeInto(simulator: WorkbookSimulator, sheet: string, address: string, input: string): void {
  const { row, column } = adr(address);
  simulator.setCellInput(sheet, row, column, input);
}

/** Runs a batch against the simulator's Excel. */
export function run<T>(simulator: WorkbookSimulator, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return simulator.excel.run(batch);
}

/** Claims lines with a table over them, in Tuva words, plus a small contract sheet. */
export function claimsWorkbook(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: "Claims",
        cells: [
          ["Claim ID", "HCPCS Code", "Units", "Charge Amount", "Allowed Amount"],
          ["C-1001", "99213", 1, 150, 92.5],
          ["C-1001", "36415", 1, 20, 3.1],
          ["C-1002", "99214", 2, 420, 260],
        ],
        numberFormats: [{ address: "D2:E4", format: "$#,##0.00" }],
        tables: [{ name: "Claims", address: "A1:E4" }],
      },
      { name: "Contract", cells: [["Uplift", 0.05]] },
    ],
  };
}

/** Catches the rejection of a promise (fails the test if it resolves). */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; debugInfo: { errorLocation?: string } }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; debugInfo: { errorLocation?: string } };
  }
  throw new Error("Expected the promise to reject, and it resolved");
}
