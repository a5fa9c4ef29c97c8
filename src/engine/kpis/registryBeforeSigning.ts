/**
 * The registry as it priced a contract before its signed rates were entered (issue 15 item 3, actual vs modeled). A
 * proposal's uplift models what the contract pays on top of the rates it replaces; once the signed rates are in
 * PayerContracts (a version starting on or after the effective date) the Expected Amount holds the uplift already, so
 * the model prices the lines again at the rates in effect the day before: the contract's versions that start before
 * the effective date, the last of them left in effect for every later date. Hospital terms are treated alike.
 */
import { parseIsoDate, type IsoDate } from "../isoDate";
import { dayBefore as dateBefore, LAST_DATE } from "../contracts/dates";
import { registryKey, type ContractRegistry, type HospitalRegistry } from "../contracts/registry";

/** A contract's signed proposal as the registry sees it: the contract and the Excel day its signed rates start. */
export interface Signing {
  readonly contractName: string;
  readonly effectiveDay: number;
}

/**
 * What a signed contract's lines are modeled against, by registry key of the contract name: absent when its signed
 * rates are not entered (its Expected Amount is the price before signing); else the day whose rates price them, or
 * `null` when no rates were in effect that day (nothing can be modeled).
 */
export type RatesBefore = ReadonlyMap<string, { readonly inEffectOn: IsoDate } | null>;

interface Dated {
  readonly effectiveStartDate: IsoDate;
  readonly effectiveEndDate: IsoDate;
}

/**
 * The registry with each entered signing's contract back at its earlier rates, and which contracts changed.
 * @example registryBeforeSigning(registry, [{ contractName: "Acme PPO", effectiveDay: 45839 }]) // 2025-07-01
 *   // { registry: Acme PPO priced by its version in effect on 2025-06-30, ratesBefore: acme ppo -> { inEffectOn: "2025-06-30" } }
 */
export function registryBeforeSigning(
  registry: ContractRegistry,
  signings: readonly Signing[],
): { readonly registry: ContractRegistry; readonly ratesBefore: RatesBefore } {
  const versionsByName = new Map(registry.versionsByName);
  const hospital = registry.hospital;
  const inpatientByName = new Map(hospital?.inpatientByName);
  const outpatientByName = new Map(hospital?.outpatientByName);
  const ratesBefore = new Map<string, { readonly inEffectOn: IsoDate } | null>();
  for (const { contractName, effectiveDay } of signings) {
    const key = registryKey(contractName);
    const effectiveDate = isoDateOf(effectiveDay);
    const dayBefore = dateBefore(effectiveDate);
    let entered = false;
    let priced = false;
    for (const byName of [versionsByName, inpatientByName, outpatientByName] as Map<string, readonly Dated[]>[]) {
      const versions = byName.get(key);
      if (versions === undefined || !versions.some((v) => v.effectiveStartDate >= effectiveDate)) continue;
      entered = true;
      const earlier = versions.filter((v) => v.effectiveStartDate < effectiveDate);
      const last = earlier[earlier.length - 1];
      const inEffect = last !== undefined && last.effectiveEndDate >= dayBefore;
      priced ||= inEffect;
      byName.set(key, inEffect ? [...earlier.slice(0, -1), { ...last, effectiveEndDate: LAST_DATE }] : earlier);
    }
    if (entered) ratesBefore.set(key, priced ? { inEffectOn: dayBefore } : null);
  }
  const hospitalBefore: HospitalRegistry | undefined =
    hospital === undefined ? undefined : { ...hospital, inpatientByName, outpatientByName };
  return { registry: { ...registry, versionsByName, hospital: hospitalBefore }, ratesBefore };
}

function isoDateOf(day: number): IsoDate {
  const date = parseIsoDate(day);
  if (!date.ok) throw new Error(`${day} is not an Excel date`); // the caller read it as a date
  return date.value;
}
