/**
 * The uplift model's form as the user types it (text inputs) and its reading into a request: percents, Top N and
 * per-code overrides read exactly, and the first thing to fix said in the user's words. Pure; the Sharing panel's
 * portfolio form reads its uplift and Top N the same way.
 */
import { Decimal, type UpliftCodeKind, type UpliftRankBasis } from "../../engine";
import type { ClaimsMapping } from "../../excel/claims/claimsMapping";
import type {
  MARKET_BILLING_CLASS_FILTERS,
  MARKET_SETTING_FILTERS,
  UpliftModelRequest,
  UpliftModelScenario,
  UpliftScenarioKind,
  UpliftThreshold,
} from "../../excel/upliftModel";

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

/**
 * A market percentile as typed: "50", "p75", "62.5 %" -> 50, 75, 62.5 (a percent from 0 to 100); null when it is
 * not one.
 */
export function parsePercentileInput(text: string): number | null {
  const cleaned = text.trim().replace(/^p/i, "").replace(/%$/, "").trim();
  if (!/^(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  const percentile = Number(cleaned);
  return percentile <= 100 ? percentile : null;
}

/** A scenario as typed in the form, turned into a scenario only when the model is built. */
export interface ScenarioForm {
  readonly key: number;
  readonly name: string;
  readonly kind: UpliftScenarioKind;
  /** A percentage scenario's uplift and overrides. */
  readonly uplift: string;
  readonly overrides: string;
  readonly topN: string;
  readonly rankBy: UpliftRankBasis;
  /** A market scenario's percentile and filters ("" for any payer, setting or billing class). */
  readonly percentile: string;
  readonly marketPayer: string;
  readonly setting: "" | (typeof MARKET_SETTING_FILTERS)[number];
  readonly billingClass: "" | (typeof MARKET_BILLING_CLASS_FILTERS)[number];
}

/** The market fields of a form whose scenario is not (yet) a market one: the median, every rate. */
const MARKET_DEFAULTS = { percentile: "50", marketPayer: "", setting: "", billingClass: "" } as const;
/** The percentage fields of a form whose scenario is not (yet) a percentage one. */
const PERCENT_DEFAULTS = { uplift: "4", overrides: "" } as const;

/** A walk-away floor or a target as typed. */
export interface ThresholdForm {
  readonly kind: UpliftThreshold["kind"];
  readonly value: string;
}

const percentText = (fraction: number) => String(Math.round(fraction * 1e8) / 1e6);

/** A scenario's form, from the scenario (the defaults the panel starts from). */
export function scenarioForm(scenario: UpliftModelScenario, key: number): ScenarioForm {
  const scope = { key, name: scenario.name, topN: scenario.topN === null ? "" : String(scenario.topN), rankBy: scenario.rankBy }; // prettier-ignore
  switch (scenario.kind) {
    case "percent":
      return { ...scope, kind: "percent", ...PERCENT_DEFAULTS, uplift: percentText(scenario.upliftFraction), ...MARKET_DEFAULTS }; // prettier-ignore
    case "toMarket":
      return {
        ...scope,
        kind: "toMarket",
        ...PERCENT_DEFAULTS,
        percentile: String(scenario.percentile),
        marketPayer: scenario.payer ?? "",
        setting: scenario.setting ?? "",
        billingClass: scenario.billingClass ?? "",
      };
  }
}

/** The form of the scenario added after `list`: the next key and number, 4% on all codes. */
export const nextScenarioForm = (list: readonly ScenarioForm[]): ScenarioForm => ({
  key: Math.max(0, ...list.map((s) => s.key)) + 1,
  name: `Scenario ${list.length + 1}`,
  kind: "percent",
  ...PERCENT_DEFAULTS,
  topN: "",
  rankBy: "revenue",
  ...MARKET_DEFAULTS,
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
  /** What the model ranks (HCPCS when the table offers nothing else). */
  readonly codeKind: UpliftCodeKind;
}

function toScenario(s: ScenarioForm): UpliftModelScenario | string {
  const label = s.name.trim() === "" ? "a scenario" : `scenario "${s.name.trim()}"`;
  const topN = parseTopNInput(s.topN);
  switch (s.kind) {
    case "percent": {
      const upliftFraction = parsePercentInput(s.uplift);
      if (upliftFraction === null) return `Give ${label} an uplift in percent, like 5.`;
      if (topN === "invalid") return `Top N of ${label} must be a whole number of 1 or more, or blank for all codes.`;
      const overrides = parseOverridesInput(s.overrides);
      if (typeof overrides === "string") return `Overrides of ${label}: ${overrides}.`;
      return { kind: "percent", name: s.name, upliftFraction, topN, rankBy: s.rankBy, overrides };
    }
    case "toMarket": {
      const percentile = parsePercentileInput(s.percentile);
      if (percentile === null) return `Give ${label} a market percentile from 0 to 100, like 50 (the median) or 75.`;
      if (topN === "invalid") return `Top N of ${label} must be a whole number of 1 or more, or blank for all codes.`;
      const orNull = <T extends string>(value: "" | T): T | null => (value === "" ? null : value);
      return {
        kind: "toMarket",
        name: s.name,
        percentile,
        payer: orNull(s.marketPayer.trim()),
        setting: orNull(s.setting),
        billingClass: orNull(s.billingClass),
        topN,
        rankBy: s.rankBy,
      };
    }
  }
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
    codeKind: form.codeKind,
  };
}
