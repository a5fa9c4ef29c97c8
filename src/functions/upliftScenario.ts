/**
 * `PAYER.UPLIFT_SCENARIO` from Excel arguments to the engine and back: arguments declared once in
 * {@link UPLIFT_SCENARIO_ARGUMENTS}, read and checked by the whole-range adapter, computed by `computeUpliftScenario`,
 * issues turned into errors, the scenario shaped as the `result` mode asks.
 */
import { centsToDollars } from "../engine";
import type { UpliftInput } from "../engine";
import { computeUpliftScenario, upliftPercentChange, UPLIFT_RANK_BASES, type UpliftScenario } from "../engine";
import { wholeRangeFunction } from "./adapters";
import { ARGUMENT_LIMITS } from "./argumentLimits";
import { engineIssueError } from "./errors";
import type { ArgSpecTable, ArgValues, ValueOrTable } from "./excelArgs";

/** What `PAYER.UPLIFT_SCENARIO` returns: added dollars, new total, change as a fraction, or a table by code. */
export const UPLIFT_RESULT_MODES = ["delta", "total", "percent", "detail"] as const;
/** One of {@link UPLIFT_RESULT_MODES}. */
export type UpliftResultMode = (typeof UPLIFT_RESULT_MODES)[number];

/** The arguments of `PAYER.UPLIFT_SCENARIO` in Excel order; the metadata test checks declarations.ts against them. */
export const UPLIFT_SCENARIO_ARGUMENTS = {
  codes: { kind: "column", optional: false, description: "per row CPT/HCPCS code, text or number." },
  amounts: {
    kind: "column",
    optional: false,
    description: "per row current reimbursement in dollars.",
    limit: ARGUMENT_LIMITS.rowAmount,
  },
  uplift: {
    kind: "valueOrTable",
    columns: 2,
    optional: false,
    description: "one fraction (5% = 0.05), or a two-column table of code and fraction with an optional * row.",
    limit: ARGUMENT_LIMITS.upliftFraction,
  },
  top_n: {
    kind: "number",
    optional: true,
    description: "how many top-ranked codes get the uplift; blank for all.",
    limit: ARGUMENT_LIMITS.topN,
  },
  rank_by: {
    kind: "choice",
    choices: UPLIFT_RANK_BASES,
    defaultChoice: "revenue",
    description: "revenue or volume.",
  },
  volumes: {
    kind: "column",
    optional: true,
    description: "per row volume (lines or units), for rank_by volume.",
    limit: ARGUMENT_LIMITS.rowVolume,
  },
  billed: {
    kind: "column",
    optional: true,
    description: "per row billed charge; new amounts are capped at it.",
    limit: ARGUMENT_LIMITS.rowAmount,
  },
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
 * The uplift scenario for Excel arguments (codes, amounts, uplift, top_n, rank_by, volumes, billed, result as Excel
 * passes them), as a 2-D array (one cell for delta, total and percent; one row per code for detail), or the error
 * value explaining why there is none.
 */
export const upliftScenarioResult = wholeRangeFunction(UPLIFT_SCENARIO_ARGUMENTS, upliftScenarioOf);

function upliftScenarioOf(
  values: ArgValues<typeof UPLIFT_SCENARIO_ARGUMENTS>,
): (number | string)[][] | CustomFunctions.Error {
  const { codes, amounts, uplift, top_n, rank_by, volumes, billed, result } = values;
  const scenario = computeUpliftScenario({
    codes,
    amounts,
    uplift: upliftInput(uplift),
    topN: top_n,
    rankBy: rank_by,
    volumes,
    billed,
  });
  return scenario.ok ? RESULT_SHAPES[result](scenario.value) : engineIssueError(scenario.issue);
}

/** How each `result` mode shapes the scenario. */
const RESULT_SHAPES: {
  readonly [M in UpliftResultMode]: (scenario: UpliftScenario) => (number | string)[][] | CustomFunctions.Error;
} = {
  delta: (scenario) => [[centsToDollars(scenario.deltaCents)]],
  total: (scenario) => [[centsToDollars(scenario.newCents)]],
  percent: (scenario) => {
    const percent = upliftPercentChange(scenario);
    return percent.ok ? [[percent.value]] : engineIssueError(percent.issue);
  },
  detail: (scenario) => detailRows(scenario),
};

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
