/**
 * The target rates of a "to market percentile" scenario: for each code in the scenario's scope, the percentile of the
 * Benchmarks table's dollar rates for the code, found and computed exactly as PAYER.MARKET_RATE does (the shared
 * table reader, `marketDollarRates` and `marketRate` of the engine), and the uplift that takes our current average
 * paid per unit to it (`upliftToMarket`). A code without a market rate gets no uplift and is listed, never guessed.
 */
import {
  Decimal,
  marketDollarRates,
  marketRate,
  upliftToMarket,
  type HcpcsCode,
  type MarketRateEntry,
} from "../../engine";
import { marketCodeKey, marketEntriesFor } from "../benchmarks/marketTable";
import type { MarketUpliftScenario } from "./modelRequest";

/** A code in a scenario's scope, with what we are paid for it today. */
export interface ScopedCode {
  readonly hcpcsCode: HcpcsCode;
  readonly currentCents: number;
  /** Units (or lines, when units are not mapped) the current amount pays for. */
  readonly volumeQuantity: number;
}

/** One code's market target and the uplift that reaches it. */
export interface MarketCodeTarget {
  readonly hcpcsCode: HcpcsCode;
  /** The percentile of the code's dollar rates, to the cent, as PAYER.MARKET_RATE gives it. */
  readonly targetRate: Decimal;
  /** How many dollar rates the percentile is taken over (after the payer, setting and billing class filters). */
  readonly rateCount: number;
  /** Our current average paid per unit; null when there is none (no volume or nothing paid): no uplift then. */
  readonly averageRate: Decimal | null;
  /** The code's uplift: target / average - 1, at least 0; 0 when there is no average. */
  readonly fraction: Decimal;
}

/** The targets of a market scenario over its scope, in the scope's order (by rank). */
export interface MarketTargets {
  /** "p50", "p75", "p62.5": how the sheet and the summary name the percentile. */
  readonly percentileLabel: string;
  /** Codes in the scenario's scope (its top N). */
  readonly codesInScope: number;
  /** The codes in scope that have a market rate. */
  readonly targets: readonly MarketCodeTarget[];
  /** The codes in scope without a dollar rate that passes the filters: they get no uplift. */
  readonly withoutMarketRate: readonly HcpcsCode[];
}

/** "p50" for 50. */
export const percentileLabel = (percentile: number): string => `p${percentile}`;

/**
 * The target of each code in `scope` at the scenario's percentile and filters, over the Benchmarks rates by code.
 * @example marketTargets(toP50, [{ hcpcsCode: "99213", currentCents: 10000, volumeQuantity: 1 }], byCode)
 *   // with rates 100, 120, 150 for 99213: target 120 over 3 rates, fraction 0.2
 */
export function marketTargets(
  scenario: MarketUpliftScenario,
  scope: readonly ScopedCode[],
  byCode: ReadonlyMap<string, readonly MarketRateEntry[]>,
): MarketTargets {
  const fraction = new Decimal(String(scenario.percentile)).div(100);
  const filters = { payer: scenario.payer, setting: scenario.setting, billingClass: scenario.billingClass };
  const targets: MarketCodeTarget[] = [];
  const withoutMarketRate: HcpcsCode[] = [];
  for (const code of scope) {
    const key = marketCodeKey(code.hcpcsCode);
    const entries = marketEntriesFor(byCode, key);
    const rate = marketRate(entries, { code: key, fraction, ...filters });
    if (!rate.ok) {
      withoutMarketRate.push(code.hcpcsCode);
      continue;
    }
    const uplift = upliftToMarket(rate.value, code.currentCents, code.volumeQuantity);
    targets.push({
      hcpcsCode: code.hcpcsCode,
      targetRate: rate.value,
      rateCount: marketDollarRates(entries, filters).dollars.length,
      averageRate: uplift.kind === "toTarget" ? uplift.averageRate : null,
      fraction: uplift.kind === "toTarget" ? uplift.fraction : new Decimal(0),
    });
  }
  return {
    percentileLabel: percentileLabel(scenario.percentile),
    codesInScope: scope.length,
    targets,
    withoutMarketRate,
  };
}

/** The uplift table of a market scenario (code, fraction): its codes with a target; every other code gets none. */
export function marketUpliftRows(targets: MarketTargets): (readonly unknown[])[] {
  return targets.targets.map((target) => [target.hcpcsCode, target.fraction.toFixed()]);
}
