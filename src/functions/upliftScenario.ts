/**
 * `PAYER.UPLIFT_SCENARIO` from Excel arguments to the engine and back: arguments declared once in
 * {@link UPLIFT_SCENARIO_ARGUMENTS}, read by `readArguments`, computed by `computeUpliftScenario`, issues turned into
 * errors, the scenario shaped as the `result` mode asks.
 */
import { centsToDollars } from "../engine";
import type { UpliftInput } from "../engine";
import { computeUpliftScenario, upliftPercentChange, UPLIFT_RANK_BASES, type UpliftScenario } from "../engine";
import { argumentIssueError, engineIssueError } from "./errors";
import { readArguments, type ArgSpecTable, type ValueOrTable } from "./excelArgs";

/** What `PAYER.UPLIFT_SCENARIO` returns: added dollars, new total, change as a fraction, or a table by code. */
export const UPLIFT_RESULT_MODES = ["delta", "total", "percent", "detail"] as const;
/** One of {@link UPLIFT_RESULT_MODES}. */
export type UpliftResultMode = (typeof UPLIFT_RESULT_MODES)[number];

/** The arguments of `PAYER.UPLIFT_SCENARIO` in Excel order; the metadata contract test checks functions.ts against it. */
export const UPLIFT_SCENARIO_ARGUMENTS = {
  codes: { kind: "column", optional: false, description: "per row CPT/HCPCS code, text or number." },
  amounts: { kind: "column", optional: false, description: "per row current reimbursement in dollars." },
  uplift: {
    kind: "valueOrTable",
    columns: 2,
    optional: false,
    description: "one fraction (5% = 0.05), or a two-column table of code and fraction with an optional * row.",
  },
  top_n: { kind: "number", optional: true, description: "how many top-ranked codes get the uplift; blank for all." },
  rank_by: {
    kind: "choice",
    choices: UPLIFT_RANK_BASES,
    defaultChoice: "revenue",
    description: "revenue or volume.",
  },
  volumes: { kind: "column", optional: true, description: "per row volume (lines or units), for rank_by volume." },
  billed: { kind: "column", optional: true, description: "per row billed charge; new amounts are capped at it." },
  result: {
    kind: "choice",
    choices: UPLIFT_RESULT_MODES,
    defaultChoice: "delta",
    description: "delta, total, percent or detail.",
  },
} as const satisfies ArgSpecTable;

/** One row of the detail spill: rank, code, volume, current, new, delta (dollars). */
export type UpliftDetailRow = [number, string, number, number, number, number];

/**
 * The uplift scenario for Excel arguments, as a 2-D array (one cell for delta, total and percent; one row per code for
 * detail), or the error value explaining why there is none.
 * @param args codes, amounts, uplift, top_n, rank_by, volumes, billed, result as Excel passes them.
 */
export function upliftScenarioResult(...args: readonly unknown[]): (number | string)[][] | CustomFunctions.Error {
  const read = readArguments(UPLIFT_SCENARIO_ARGUMENTS, args);
  if (!read.ok) return argumentIssueError(read.issue);
  const { codes, amounts, uplift, top_n, rank_by, volumes, billed, result } = read.value.values;
  const scenario = computeUpliftScenario({
    codes,
    amounts,
    uplift: upliftInput(uplift),
    topN: top_n,
    rankBy: rank_by,
    volumes,
    billed,
  });
  if (!scenario.ok) return engineIssueError(scenario.issue);
  if (result === "percent") {
    const percent = upliftPercentChange(scenario.value);
    return percent.ok ? [[percent.value]] : engineIssueError(percent.issue);
  }
  if (result === "detail") return detailRows(scenario.value);
  const cents = result === "total" ? scenario.value.newCents : scenario.value.deltaCents;
  return [[centsToDollars(cents)]];
}

/**
 * The detail spill: one row per code in rank order, every code of the data (those outside the top N show no change),
 * with no header row so the spill can feed TAKE, FILTER or SUM directly (the help text names the columns).
 */
export function detailRows(scenario: UpliftScenario): UpliftDetailRow[] {
  return scenario.codes.map((code) => [
    code.rank,
    code.hcpcsCode,
    code.volumeQuantity,
    centsToDollars(code.currentCents),
    centsToDollars(code.newCents),
    centsToDollars(code.deltaCents),
  ]);
}

function upliftInput(uplift: ValueOrTable): UpliftInput {
  return uplift.kind === "value" ? { kind: "flat", fraction: uplift.value } : { kind: "byCode", rows: uplift.rows };
}
