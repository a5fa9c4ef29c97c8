// Test helpers for uplift scenarios: a scenario or its issue, and the uplift arguments in the user's terms.
import { Decimal } from "../../../src/engine/decimal";
import { parseHcpcsCode } from "../../../src/engine/hcpcsCode";
import { issueMessage } from "../../../src/engine/issues";
import type { UpliftIssue } from "../../../src/engine/uplift/issues";
import type { UpliftInput } from "../../../src/engine/uplift/upliftRates";
import {
  computeUpliftScenario,
  type UpliftScenario,
  type UpliftScenarioInput,
} from "../../../src/engine/uplift/upliftScenario";

/** One fraction for every code. */
export function flat(fraction: unknown): UpliftInput {
  return { kind: "flat", fraction };
}

/** A (code, fraction) table, as rows of cells. */
export function table(...rows: (readonly unknown[])[]): UpliftInput {
  return { kind: "byCode", rows };
}

/** The scenario for this input, failing the test with the issue's message when there is none. */
export function scenarioOf(input: UpliftScenarioInput): UpliftScenario {
  const result = computeUpliftScenario(input);
  if (!result.ok) throw new Error(`expected a scenario, got: ${issueMessage(result.issue)}`);
  return result.value;
}

/** The issue for this input, failing the test when a scenario comes out. */
export function issueOf(input: UpliftScenarioInput): UpliftIssue {
  const result = computeUpliftScenario(input);
  if (result.ok) throw new Error(`expected an issue, got a delta of ${result.value.deltaCents} cents`);
  return result.issue;
}

/** Each code's delta in cents, by code. */
export function deltasByCode(scenario: UpliftScenario): Record<string, number> {
  return Object.fromEntries(scenario.codes.map((c) => [c.hcpcsCode, c.deltaCents]));
}

/** Lines for {@link referenceDeltaCents}: raw codes, current cents, and billed cents (null: not given). */
export interface ReferenceLines {
  readonly codes: readonly unknown[];
  readonly cents: readonly number[];
  readonly billedCents: readonly number[] | null;
}

/**
 * The definition of a flat uplift's delta written the slow, obvious way, as an oracle: rank codes by revenue (ties by
 * code), keep the top N, one Decimal per line rounded half-up, capped at the billed charge (never below current).
 */
export function referenceDeltaCents(lines: ReferenceLines, fraction: Decimal, topN: number | null): number {
  const codeOf = (raw: unknown): string => {
    const parsed = parseHcpcsCode(raw);
    if (!parsed.ok) throw new Error(`not a code: ${String(raw)}`);
    return parsed.value;
  };
  const revenue = new Map<string, number>();
  lines.codes.forEach((raw, i) => revenue.set(codeOf(raw), (revenue.get(codeOf(raw)) ?? 0) + (lines.cents[i] ?? 0)));
  const ranked = [...revenue.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([code]) => code);
  const uplifted = new Set(ranked.slice(0, topN ?? ranked.length));
  const multiplier = fraction.plus(1);
  let delta = 0;
  lines.codes.forEach((raw, i) => {
    const cents = lines.cents[i] ?? 0;
    if (!uplifted.has(codeOf(raw))) return;
    const raised = new Decimal(cents).times(multiplier).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
    const billed = lines.billedCents?.[i];
    delta += (billed === undefined ? raised : Math.min(raised, Math.max(billed, cents))) - cents;
  });
  return delta;
}
