/**
 * The uplift model as numbers: the scenarios checked, then the engine's answer for each (`computeUpliftScenario`),
 * each kind of scenario turned into its uplift table here, by one exhaustive dispatch on `kind`: a percentage with
 * its overrides, or each code's uplift to a market percentile (marketTargets.ts). The sheets reproduce these numbers.
 */
import { Decimal, fail, issueMessage, ok, type HcpcsCode, type Result } from "../../engine";
import { computeUpliftScenario, UPLIFT_CODES, type UpliftCode, type UpliftCodeKind } from "../../engine";
import type { UpliftCodeResult, UpliftScenario, UpliftScenarioInput } from "../../engine";
import type { MarketTable } from "../benchmarks/marketTable";
import { marketTargets, marketUpliftRows, percentileLabel, type MarketTargets } from "./marketTargets";
import {
  MARKET_BILLING_CLASS_FILTERS,
  MARKET_SETTING_FILTERS,
  type MarketUpliftScenario,
  type UpliftModelIssue,
  type UpliftModelRequest,
  type UpliftModelScenario,
} from "./modelRequest";
import type { ModelLines } from "./readClaimLines";

/** The engine's answer for each scenario, and the codes in the model's order (by current revenue, ties by code). */
export interface ModelNumbers {
  /** What the codes are (HCPCS, MS-DRG or revenue code): the lines' kind. */
  readonly codeKind: UpliftCodeKind;
  readonly codes: readonly {
    readonly hcpcsCode: UpliftCode;
    readonly volumeQuantity: number;
    readonly currentCents: number;
  }[];
  readonly currentCents: number;
  readonly scenarios: readonly {
    readonly scenario: UpliftModelScenario;
    readonly result: UpliftScenario<UpliftCode>;
    /** A market scenario's targets, where each code's uplift came from; null for the other kinds. */
    readonly market: MarketTargets | null;
  }[];
}

/** The Benchmarks table when the caller has not read it (no market scenario needs it). */
export const NO_MARKET_TABLE: MarketTable = { kind: "absent" };

const MAX_UPLIFT_DECIMALS = 6;

/** Why a market scenario needs a model by HCPCS code: the Benchmarks table's rates are by HCPCS code. */
const MARKET_NEEDS_HCPCS = "market rates are by HCPCS code; rank the model by HCPCS code to take them";

function checkFraction(value: number, what: string): string | null {
  if (!Number.isFinite(value)) return `${what} is not a number`;
  if (value < -1) return `${what} is a cut of more than 100%`;
  if (new Decimal(String(value)).decimalPlaces() > MAX_UPLIFT_DECIMALS) {
    return `${what} has more than 4 decimals as a percent; round it (for example 2.3456%)`;
  }
  return null;
}

/** What is wrong with a market scenario's percentile or filters, or null. */
function marketProblem(scenario: MarketUpliftScenario): string | null {
  if (!(Number.isFinite(scenario.percentile) && scenario.percentile >= 0 && scenario.percentile <= 100)) {
    return `the market percentile ${String(scenario.percentile)} is not from 0 to 100; give 50 for the median (p50) or 75 for p75`; // prettier-ignore
  }
  if (scenario.setting !== null && !MARKET_SETTING_FILTERS.includes(scenario.setting)) {
    return `the setting "${String(scenario.setting)}" is not ${MARKET_SETTING_FILTERS.join(" or ")}`;
  }
  if (scenario.billingClass !== null && !MARKET_BILLING_CLASS_FILTERS.includes(scenario.billingClass)) {
    return `the billing class "${String(scenario.billingClass)}" is not ${MARKET_BILLING_CLASS_FILTERS.join(" or ")}`; // prettier-ignore
  }
  return null;
}

/** What is wrong with a scenario's own settings (beyond its name and top N) for codes of `codeKind`, or null. */
function scenarioProblem(scenario: UpliftModelScenario, codeKind: UpliftCodeKind): string | null {
  switch (scenario.kind) {
    case "percent": {
      const fraction = checkFraction(scenario.upliftFraction, "the uplift");
      if (fraction !== null) return fraction;
      const code = UPLIFT_CODES[codeKind];
      for (const override of scenario.overrides) {
        if (!code.read(override.hcpcsCode).ok) return `"${override.hcpcsCode}" is not ${code.name}`;
        const reason = checkFraction(override.upliftFraction, `the uplift for ${override.hcpcsCode}`);
        if (reason !== null) return reason;
      }
      return null;
    }
    case "toMarket":
      // The Benchmarks table's rates are by HCPCS code: a model of stays or revenue codes has no market rate.
      if (codeKind !== "hcpcs") return MARKET_NEEDS_HCPCS;
      return marketProblem(scenario);
  }
}

/** Checks the scenarios, floor and target the user set. */
export function checkModelSettings(request: UpliftModelRequest): Result<void, UpliftModelIssue> {
  if (request.scenarios.length === 0) return fail({ code: "noScenario" });
  const names = new Set<string>();
  for (const scenario of request.scenarios) {
    const name = scenario.name.trim();
    const invalid = (reason: string) => fail<UpliftModelIssue>({ code: "scenarioInvalid", scenario: name, reason });
    if (name === "") return invalid("give the scenario a name");
    if (name.length > 60) return invalid("keep the name to 60 characters");
    if (names.has(name.toLowerCase())) return invalid("two scenarios have this name; rename one");
    names.add(name.toLowerCase());
    if (scenario.topN !== null && !(Number.isInteger(scenario.topN) && scenario.topN >= 1)) {
      return invalid("top N must be a whole number of 1 or more, or blank for all codes");
    }
    const problem = scenarioProblem(scenario, request.codeKind ?? "hcpcs");
    if (problem !== null) return invalid(problem);
  }
  for (const which of ["floor", "target"] as const) {
    const threshold = request[which];
    if (!Number.isFinite(threshold.value)) return fail({ code: "thresholdInvalid", which, reason: "is not a number" });
  }
  return ok(undefined);
}

/** The model's lines as the engine takes them, without the uplift. */
type EngineLines = Omit<UpliftScenarioInput<UpliftCodeKind>, "uplift" | "topN" | "rankBy">;

/** A scenario's uplift table (code, fraction rows) and, for a market scenario, the targets it came from. */
interface ScenarioUplift {
  readonly rows: (readonly unknown[])[];
  readonly market: MarketTargets | null;
}

/** The uplift table of a market scenario: each top-N code to its market percentile, or the issue stopping it. */
function marketUplift(
  scenario: MarketUpliftScenario,
  lines: EngineLines,
  market: MarketTable,
): Result<ScenarioUplift, UpliftModelIssue> {
  const name = scenario.name.trim();
  // Checked here too, for callers that skip checkModelSettings: the percentile engine takes 0 to 100 only.
  const problem = marketProblem(scenario);
  if (problem !== null) return fail({ code: "scenarioInvalid", scenario: name, reason: problem });
  if (lines.codeKind !== "hcpcs") {
    return fail({ code: "scenarioInvalid", scenario: name, reason: MARKET_NEEDS_HCPCS });
  }
  if (market.kind === "absent") return fail({ code: "noBenchmarksTable", scenario: name });
  if (market.kind === "unreadable") return fail({ code: "benchmarksUnreadable", scenario: name, issue: market.issue });
  // The scope is the engine's own ranking, so the codes given a target are the codes the scenario uplifts.
  const ranked = computeUpliftScenario({
    ...lines,
    uplift: { kind: "flat", fraction: 0 },
    topN: scenario.topN,
    rankBy: scenario.rankBy,
  });
  if (!ranked.ok) return fail({ code: "engine", message: issueMessage(ranked.issue) });
  // Ranked by HCPCS code (checked above), so the codes are HCPCS codes.
  const inScope = ranked.value.codes.slice(0, ranked.value.topN) as readonly UpliftCodeResult<HcpcsCode>[];
  const targets = marketTargets(scenario, inScope, market.byCode);
  if (targets.targets.length === 0) {
    const percentile = percentileLabel(scenario.percentile);
    return fail({ code: "noMarketRate", scenario: name, percentile, codes: targets.withoutMarketRate });
  }
  return ok({ rows: marketUpliftRows(targets), market: targets });
}

/** A scenario's uplift table, by its kind. */
function scenarioUplift(
  scenario: UpliftModelScenario,
  lines: EngineLines,
  market: MarketTable,
): Result<ScenarioUplift, UpliftModelIssue> {
  switch (scenario.kind) {
    case "percent": {
      const rows: (readonly unknown[])[] = scenario.overrides.map((o) => [o.hcpcsCode, o.upliftFraction]);
      rows.push(["*", scenario.upliftFraction]);
      return ok({ rows, market: null });
    }
    case "toMarket":
      return marketUplift(scenario, lines, market);
  }
}

/**
 * Runs the engine for every scenario over the model's lines. `market` is the Benchmarks table, which only market
 * scenarios read: without it they stop the build with an issue (never a guessed target).
 */
export function computeModelNumbers(
  lines: ModelLines<UpliftCode>,
  scenarios: readonly UpliftModelScenario[],
  market: MarketTable = NO_MARKET_TABLE,
): Result<ModelNumbers, UpliftModelIssue> {
  const amounts = lines.amountCents.map((cents) => cents / 100);
  const billed = lines.chargeCents?.map((cents) => (cents === null ? null : cents / 100)) ?? null;
  const common: EngineLines = {
    codeKind: lines.codeKind,
    codes: lines.hcpcsCodes,
    amounts,
    volumes: lines.units,
    billed,
  };
  const base = computeUpliftScenario({ ...common, uplift: { kind: "flat", fraction: 0 } });
  if (!base.ok) return fail({ code: "engine", message: issueMessage(base.issue) });
  const results: ModelNumbers["scenarios"][number][] = [];
  for (const scenario of scenarios) {
    const uplift = scenarioUplift(scenario, common, market);
    if (!uplift.ok) return uplift;
    const result = computeUpliftScenario({
      ...common,
      uplift: { kind: "byCode", rows: uplift.value.rows },
      topN: scenario.topN,
      rankBy: scenario.rankBy,
    });
    if (!result.ok) return fail({ code: "engine", message: issueMessage(result.issue) });
    results.push({ scenario, result: result.value, market: uplift.value.market });
  }
  return ok({
    codeKind: lines.codeKind,
    codes: base.value.codes.map(({ hcpcsCode, volumeQuantity, currentCents }) => ({
      hcpcsCode,
      volumeQuantity,
      currentCents,
    })),
    currentCents: base.value.currentCents,
    scenarios: results,
  });
}
