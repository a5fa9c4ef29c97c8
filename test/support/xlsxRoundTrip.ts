/**
 * A workbook saved as an .xlsx file by the playground's Save (formulas with their cached results, constants, number
 * formats, tables) and opened again as a simulator snapshot: what a spreadsheet program without the add-in gets.
 * Opened in a simulator with no custom function registered, a sheet that computes the same values needs nothing of
 * the add-in.
 */
import type { WorkbookSimulator, WorkbookSnapshot } from "../../src/playground/simulator";
import { describeXlsxOpenIssue, openXlsx, saveXlsx, type SaveOptions } from "../../src/playground/xlsx";

/** Saves the simulator's workbook (or `options.sheets` of it) and opens the file's bytes again. */
export async function savedAndReopened(simulator: WorkbookSimulator, options?: SaveOptions): Promise<WorkbookSnapshot> {
  const opened = await openXlsx((await saveXlsx(simulator, options)).bytes);
  if (!opened.ok) throw new Error(describeXlsxOpenIssue(opened.issue));
  return opened.value.snapshot;
}

/** Every formula of a snapshot's sheet. */
export function formulasIn(snapshot: WorkbookSnapshot, sheet: string): string[] {
  const found = snapshot.sheets.find((s) => s.name === sheet);
  if (found === undefined) throw new Error(`${sheet} is not in the saved file`);
  return found.cells.flat().filter((cell): cell is string => typeof cell === "string" && cell.startsWith("="));
}
