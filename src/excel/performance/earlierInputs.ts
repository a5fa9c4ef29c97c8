/**
 * The inputs a user edited on an earlier build of the Contract Performance sheet (clean-claim windows per contract,
 * spike margins), read back so that a rebuild keeps them: refreshing the sheet must not undo the user's settings.
 * Found by their labels, not their rows, since the number of contracts moves the rows.
 */
import type { SpikeRules } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import { RULE_INPUT_LABELS, WINDOW_HEADER_ROW } from "./performanceLayout";

/** What an earlier build's inputs hold; a value that is not a number of 0 or more is not kept. */
export interface EarlierInputs {
  /** Clean-claim window (days) by contract (or payer), lower case. */
  readonly windows: ReadonlyMap<string, number>;
  readonly rules: Partial<SpikeRules>;
}

/** Rows read from the top of the earlier sheet: the inputs come before the monthly figures. */
const ROWS_READ = 400;

const usable = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value >= 0;

/** Reads the inputs of the earlier build on sheet `sheetId` (one request). Office errors reject unchanged. */
export async function readEarlierInputs(excel: ExcelGateway, sheetId: string): Promise<EarlierInputs> {
  const values = await excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheetId).getRangeByIndexes(0, 0, ROWS_READ, 4).load("values");
    await context.sync();
    return range.values;
  });
  const windows = new Map<string, number>();
  for (let r = WINDOW_HEADER_ROW; r < values.length; r++) {
    const [contract, , , window] = values[r] ?? [];
    if (typeof contract !== "string" || contract === "") break;
    if (usable(window)) windows.set(contract.toLowerCase(), window);
  }
  const rules: Partial<Record<keyof typeof RULE_INPUT_LABELS, number>> = {};
  for (const [key, label] of Object.entries(RULE_INPUT_LABELS) as [keyof typeof RULE_INPUT_LABELS, string][]) {
    const row = values.find((cells) => cells[0] === label);
    if (row !== undefined && usable(row[1])) rules[key] = row[1];
  }
  return { windows, rules };
}
