/**
 * The uplift model's form as the user types it (text inputs) and its reading into a request: percents, Top N and
 * per-code overrides read exactly, and the first thing to fix said in the user's words. Pure; the Sharing panel's
 * portfolio form reads its uplift and Top N the same way.
 */
import { Decimal, type UpliftRankBasis } from "../../engine";
import type { ClaimsMapping } from "../../excel/claims/claimsMapping";
import type { UpliftModelRequest, UpliftModelScenario, UpliftThreshold } from "../../excel/upliftModel";

/**
 * Reads a percent as the user types it ("5", "5%", "2.5 %", "-1") into a fraction (0.05), exactly; null when it is
 * not a number.
 */
export function parsePercentInput(text: string): number | null {
  const cleaned = text.trim().replace(/%$/, "").trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  return new Decimal(cleaned).dividedBy(100).toNumber();
}

/** Per-code overrides as typed: "99213=7%, J1100=2" -> [{ hcpcsCode: "99213", upliftFraction: 0.07 }, ...]. */
export function parseOverridesInput(
  text: string,
): { readonly hcpcsCode: string; readonly upliftFraction: number }[] | string {
  const overrides: { hcpcsCode: string; upliftFraction: number }[] = [];
  for (const part of text.split(/[,;\n]/)) {
    if (part.trim() === "") continue;
    const match = /^\s*([A-Za-z0-9]+)\s*[=:]\s*(.+)$/.exec(part);
    const fraction = match === null ? null : parsePercentInput(match[2] as string);
    if (match === null || fraction === null) return `"${part.trim()}" is not "code = percent" (like 99213 = 7%)`;
    overrides.push({ hcpcsCode: (match[1] as string).toUpperCase(), upliftFraction: fraction });
  }
  return overrides;
}

/** Top N as typed: blank for all codes (null), a whole number of 1 or more, or "invalid". */
export function parseTopNInput(text: string): number | null | "invalid" {
  if (text.trim() === "") return null;
  const topN = Number(text);
  return Number.isInteger(topN) && topN >= 1 ? topN : "invalid";
}

/** A scenario as typed in the form, turned into a scenario only when the model is built. */
export interface ScenarioForm {
  readonly key: number;
  readonly name: string;
  readonly uplift: string;
  readonly topN: string;
  readonly rankBy: UpliftRankBasis;
  readonly overrides: string;
}

/** A walk-away floor or a target as typed. */
export interface ThresholdForm {
  readonly kind: UpliftThreshold["kind"];
  readonly value: string;
}

const percentText = (fraction: number) => String(Math.round(fraction * 1e8) / 1e6);

/** A scenario's form, from the scenario (the defaults the panel starts from). */
export const scenarioForm = (scenario: UpliftModelScenario, key: number): ScenarioForm => ({
  key,
  name: scenario.name,
  uplift: percentText(scenario.upliftFraction),
  topN: scenario.topN === null ? "" : String(scenario.topN),
  rankBy: scenario.rankBy,
  overrides: "",
});

/** The form of the scenario added after `list`: the next key and number, 4% on all codes. */
export const nextScenarioForm = (list: readonly ScenarioForm[]): ScenarioForm => ({
  key: Math.max(0, ...list.map((s) => s.key)) + 1,
  name: `Scenario ${list.length + 1}`,
  uplift: "4",
  topN: "",
  rankBy: "revenue",
  overrides: "",
});

/** A threshold's form, from the threshold. */
export const thresholdForm = (t: UpliftThreshold): ThresholdForm => ({
  kind: t.kind,
  value: t.kind === "percent" ? percentText(t.value) : String(t.value),
});

/** Everything the uplift panel asks, as typed. */
export interface UpliftForm {
  readonly tableName: string;
  readonly mapping: ClaimsMapping;
  readonly scenarios: readonly ScenarioForm[];
  readonly floor: ThresholdForm;
  readonly target: ThresholdForm;
  readonly payer: string;
  readonly contract: string;
  readonly from: string;
  readonly to: string;
  readonly capAtBilled: boolean;
  readonly sheetName: string;
}

function toScenario(s: ScenarioForm): UpliftModelScenario | string {
  const label = s.name.trim() === "" ? "a scenario" : `scenario "${s.name.trim()}"`;
  const upliftFraction = parsePercentInput(s.uplift);
  if (upliftFraction === null) return `Give ${label} an uplift in percent, like 5.`;
  const topN = parseTopNInput(s.topN);
  if (topN === "invalid") return `Top N of ${label} must be a whole number of 1 or more, or blank for all codes.`;
  const overrides = parseOverridesInput(s.overrides);
  if (typeof overrides === "string") return `Overrides of ${label}: ${overrides}.`;
  return { name: s.name, upliftFraction, topN, rankBy: s.rankBy, overrides };
}

function toThreshold(t: ThresholdForm, what: string): UpliftThreshold | string {
  const value = t.kind === "percent" ? parsePercentInput(t.value) : Number(t.value.replace(/[$,\s]/g, ""));
  return value === null || !Number.isFinite(value) || t.value.trim() === ""
    ? `Give the ${what} as a number.`
    : { kind: t.kind, value };
}

/** The form turned into a request, or the first thing to fix. */
export function toUpliftRequest(form: UpliftForm): UpliftModelRequest | string {
  const scenarios: UpliftModelScenario[] = [];
  for (const s of form.scenarios) {
    const scenario = toScenario(s);
    if (typeof scenario === "string") return scenario;
    scenarios.push(scenario);
  }
  const floor = toThreshold(form.floor, "walk-away floor");
  if (typeof floor === "string") return floor;
  const target = toThreshold(form.target, "target");
  if (typeof target === "string") return target;
  return {
    tableName: form.tableName,
    mapping: form.mapping,
    filters: {
      payers: form.payer === "" ? null : [form.payer],
      contractNames: form.contract === "" ? null : [form.contract],
      serviceDateFrom: form.from === "" ? null : form.from,
      serviceDateTo: form.to === "" ? null : form.to,
    },
    scenarios,
    floor,
    target,
    capAtBilled: form.capAtBilled,
    sheetName: form.sheetName,
  };
}
