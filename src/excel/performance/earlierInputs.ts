/**
 * The inputs a user edited on an earlier build of the Contract Performance sheet (clean-claim windows per contract,
 * spike margins, cost assumptions, prompt-pay rule, score weights), read back so that a rebuild keeps them:
 * refreshing the sheet must not undo the user's settings. Found by their labels, not their rows, since the number of
 * contracts moves the rows.
 */
import {
  DEFAULT_COST_ASSUMPTIONS,
  PROMPT_PAY_STATES,
  SCORE_MEASURES,
  type CostAssumptions,
  type PromptPayState,
  type ScoreMeasure,
  type SpikeRules,
} from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import { AR_LABELS, type ArBalances } from "./arLayout";
import { AR_COLUMNS, AR_INPUT_KEYS } from "./performanceColumns";
import { RULE_INPUT_LABELS, WINDOW_HEADER_ROW } from "./performanceLayout";
import { COST_INPUTS } from "./scorecardColumns";

/** What an earlier build's inputs hold; a value that is not a number of 0 or more is not kept. */
export interface EarlierInputs {
  /** Clean-claim window (days) by contract (or payer), lower case. */
  readonly windows: ReadonlyMap<string, number>;
  readonly rules: Partial<SpikeRules>;
  readonly assumptions: Partial<CostAssumptions>;
  readonly weights: Partial<Record<ScoreMeasure, number>>;
  readonly state: PromptPayState | null;
  /** The as-of date's formula when the user typed one (=TODAY()); a typed date is the build's and is not kept. */
  readonly asOfFormula: string | null;
  /** The days in A/R block's balances by contract, and its as-of day and period where the user kept numbers. */
  readonly ar: { readonly balances: ArBalances; readonly asOfDay: number | undefined; readonly periodDays: number | undefined }; // prettier-ignore
}

/** Rows read from the top of the earlier sheet: the inputs come before the monthly figures. */
const ROWS_READ = 400;

const usable = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value >= 0;

const ASSUMPTION_KEYS = Object.keys(DEFAULT_COST_ASSUMPTIONS) as (keyof CostAssumptions)[];

/** Reads the inputs of the earlier build on sheet `sheetId` (one request). Office errors reject unchanged. */
export async function readEarlierInputs(excel: ExcelGateway, sheetId: string): Promise<EarlierInputs> {
  const { values, formulas } = await excel.run(async (context) => {
    const range = context.workbook.worksheets
      .getItem(sheetId)
      .getRangeByIndexes(0, 0, ROWS_READ, AR_COLUMNS.length)
      .load(["values", "formulas"]);
    await context.sync();
    return { values: range.values, formulas: range.formulas };
  });
  const windows = new Map<string, number>();
  for (let r = WINDOW_HEADER_ROW; r < values.length; r++) {
    const [contract, , , window] = values[r] ?? [];
    if (typeof contract !== "string" || contract === "") break;
    if (usable(window)) windows.set(contract.toLowerCase(), window);
  }
  const rowOf = (label: string) => values.findIndex((cells) => cells[0] === label);
  const numberAt = (label: string): number | undefined => {
    const value = values[rowOf(label)]?.[1];
    return usable(value) ? value : undefined;
  };
  const rules: Partial<Record<keyof typeof RULE_INPUT_LABELS, number>> = {};
  for (const [key, label] of Object.entries(RULE_INPUT_LABELS) as [keyof typeof RULE_INPUT_LABELS, string][]) {
    const value = numberAt(label);
    if (value !== undefined) rules[key] = value;
  }
  const assumptions: Partial<Record<keyof CostAssumptions, number>> = {};
  for (const key of ASSUMPTION_KEYS) {
    const value = numberAt(COST_INPUTS[key].label);
    if (value !== undefined) assumptions[key] = value;
  }
  const weights: Partial<Record<ScoreMeasure, number>> = {};
  for (const key of SCORE_MEASURES) {
    const value = numberAt(COST_INPUTS[`weight.${key}`].label);
    if (value !== undefined) weights[key] = value;
  }
  const typedState = String(values[rowOf(COST_INPUTS.promptPayState.label)]?.[1] ?? "").trim();
  const state = PROMPT_PAY_STATES.find((code) => code.toLowerCase() === typedState.toLowerCase()) ?? null;
  const asOf = formulas[rowOf(COST_INPUTS.asOf.label)]?.[1];
  const asOfFormula = typeof asOf === "string" && asOf.startsWith("=") ? asOf : null;
  return { windows, rules, assumptions, weights, state, asOfFormula, ar: readAr(values, numberAt) };
}

/** The A/R balances typed under the days in A/R block's header (4 rows below its heading), until a blank contract. */
function readAr(
  values: readonly (readonly unknown[])[],
  numberAt: (label: string) => number | undefined,
): EarlierInputs["ar"] {
  // prettier-ignore
  const balances = new Map<string, Partial<Record<(typeof AR_INPUT_KEYS)[number], number>>>();
  const heading = values.findIndex((cells) => cells[0] === AR_LABELS.heading);
  if (heading >= 0)
    for (let r = heading + 5; r < values.length; r++) {
      const cells = values[r] ?? [];
      if (typeof cells[0] !== "string" || cells[0] === "") break;
      const entered: Partial<Record<(typeof AR_INPUT_KEYS)[number], number>> = {};
      for (const key of AR_INPUT_KEYS) {
        const value = cells[AR_COLUMNS.findIndex((c) => c.key === key)];
        if (usable(value)) entered[key] = value;
      }
      balances.set(cells[0].toLowerCase(), entered);
    }
  return { balances, asOfDay: numberAt(AR_LABELS.asOf), periodDays: numberAt(AR_LABELS.periodDays) };
}
