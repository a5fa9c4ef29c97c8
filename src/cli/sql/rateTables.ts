/**
 * The contract registry as rate tables for the warehouse SQL, computed by the engine: for every contract version,
 * every stretch of dates on which its pricing cannot change, every code the workbook's schedules list, each setting
 * and each single modifier the tables are built for, the amount of one unit (or the percent of the charge) exactly as
 * `priceLines` prices that key (`contractAmount`, decimal.js), whether more units are that amount x units
 * (`lineUnitRule`), and the engine's issue where it has no amount. The SQL then only joins, multiplies by units,
 * applies the charge and rounds once, so no pricing rule is written twice. A modifier row is kept only where it
 * prices differently from the same key without a modifier, which keeps the tables to the codes a modifier changes.
 */
import {
  COMPONENT_MODIFIERS,
  contractAmount,
  dayAfter,
  dayBefore,
  Decimal,
  FIRST_DATE,
  issueMessage,
  LAST_DATE,
  lineUnitRule,
  parseModifier,
  parsePlaceOfService,
  POLICY_MODIFIERS,
  registryKey,
} from "../../engine";
import type { CareSetting, ContractRegistry, ContractVersion, HcpcsCode, IsoDate, Modifier } from "../../engine";
import { registryIssueMessage, type RegistrySnapshot } from "../../excel/registry";
import { BASIS_COVERAGE, COMMON_MODIFIERS, RATE_TABLE_LIMITS, UNIT_RULE_COVERAGE, notInSqlReason } from "./sqlCoverage";

/** The DECIMAL columns' digits (SQL_TYPES in pricingSql.ts): what an amount or percent must fit to be exact there. */
export const DECIMAL_DIGITS = {
  amount: { integer: 9, scale: 20 },
  percent: { integer: 6, scale: 16 },
} as const;

/** What one pricing key comes to: an amount per unit, a percent of the charge, the engine's issue, or no SQL. */
export type RateValue =
  | { readonly kind: "amount"; readonly amount: Decimal }
  | { readonly kind: "percent"; readonly percent: Decimal }
  | { readonly kind: "issue"; readonly reason: string }
  | { readonly kind: "engine"; readonly reason: string };

/** One row of a rate table: a pricing key over a stretch of dates. */
export interface RateRow {
  readonly contractKey: string;
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  readonly hcpcsCode: HcpcsCode;
  /** null in the table of lines without a modifier. */
  readonly modifier: Modifier | null;
  readonly setting: CareSetting;
  readonly value: RateValue;
  readonly lesserOf: boolean;
  /** Why a line of several units is not one unit's amount x units; null where it is. */
  readonly multiUnitReason: string | null;
}

export interface RateTables {
  /** Lines without a modifier. */
  readonly baseRates: readonly RateRow[];
  /** Lines with one modifier, where it prices differently from the line without it. */
  readonly modifierRates: readonly RateRow[];
  /** Every single modifier the tables were built for (a line with another is left to the engine). */
  readonly modifiers: readonly Modifier[];
  /** Place of service text as a claim holds it, and its setting, as `parsePlaceOfService` reads it. */
  readonly places: readonly { readonly text: string; readonly setting: CareSetting }[];
  /** Contracts the workbook's rows keep from pricing, with the problem (their lines are left to the engine). */
  readonly blockedContracts: readonly { readonly contractKey: string; readonly problem: string }[];
}

const SETTINGS: readonly CareSetting[] = ["non-facility", "facility"];
const ONE = new Decimal(1);
/** Units 2 and 3 stand for every count above 1: the unit rules look only at "exactly 2" and "more than 1". */
const MULTI_UNITS = [new Decimal(2), new Decimal(3)];

/** Every code a schedule or carve-out of the registry names: the codes a rate can be listed for. */
function listedCodes(registry: ContractRegistry): HcpcsCode[] {
  const codes = new Set<HcpcsCode>();
  for (const schedule of registry.feeSchedules.values())
    for (const rows of schedule.rowsByKey.values()) for (const row of rows) codes.add(row.hcpcsCode);
  for (const schedule of registry.medicareSchedules.values())
    for (const row of schedule.pfs.rowsByKey.values()) codes.add(row.hcpcsCode);
  for (const carveOuts of registry.carveOutsByName.values())
    for (const carveOut of carveOuts) codes.add(carveOut.hcpcsCodeFrom).add(carveOut.hcpcsCodeTo);
  return [...codes].sort();
}

/** The modifiers the tables are built for: those pricing rules and the workbook name, and the common ones. */
function tableModifiers(registry: ContractRegistry): Modifier[] {
  const modifiers = new Set<string>([...COMPONENT_MODIFIERS, ...Object.keys(POLICY_MODIFIERS), ...COMMON_MODIFIERS]);
  for (const schedule of registry.feeSchedules.values())
    for (const rows of schedule.rowsByKey.values())
      for (const row of rows) if (row.modifier) modifiers.add(row.modifier);
  for (const schedule of registry.medicareSchedules.values())
    for (const row of schedule.pfs.rowsByKey.values()) if (row.modifier) modifiers.add(row.modifier);
  return [...modifiers].flatMap((text) => {
    const modifier = parseModifier(text);
    return modifier.ok ? [modifier.value] : [];
  });
}

/** The texts a place of service column holds ("11", "1", "01") and their settings, as the engine reads them. */
function placeTexts(): { text: string; setting: CareSetting }[] {
  const texts = new Set([""]);
  for (let code = 1; code <= 99; code++) texts.add(String(code)).add(String(code).padStart(2, "0"));
  return [...texts].flatMap((text) => {
    const place = parsePlaceOfService(text);
    return place.ok ? [{ text, setting: place.value.setting }] : [];
  });
}

/**
 * Every date on which some pricing input changes: contract versions, fee schedule rows, Medicare schedules and their
 * conversion factors, and each new year (a `{year}` Medicare basis). Between two of them every key prices alike, as
 * the batch pricer's period key assumes.
 */
function changeDates(registry: ContractRegistry): IsoDate[] {
  const dates = new Set<IsoDate>();
  const span = (start: IsoDate, end: IsoDate): void => void dates.add(start).add(dayAfter(end));
  for (const versions of registry.versionsByName.values())
    for (const version of versions) span(version.effectiveStartDate, version.effectiveEndDate);
  for (const schedule of registry.feeSchedules.values()) for (const date of schedule.dateBoundaries) dates.add(date);
  for (const schedule of registry.medicareSchedules.values()) {
    span(schedule.effectiveStartDate, schedule.effectiveEndDate);
    for (const period of schedule.conversionFactors) span(period.effectiveStartDate, period.effectiveEndDate);
  }
  const years = [...dates].filter((date) => date > FIRST_DATE && date < LAST_DATE).map((date) => Number(date.slice(0, 4))); // prettier-ignore
  for (let year = Math.min(...years); year <= Math.max(...years); year++)
    dates.add(`${String(year).padStart(4, "0")}-01-01` as IsoDate);
  return [...dates].sort();
}

/** The stretches of a version's dates between change dates, first to last. */
function periodsOf(version: ContractVersion, changes: readonly IsoDate[]): [IsoDate, IsoDate][] {
  const starts = [version.effectiveStartDate, ...changes.filter((d) => d > version.effectiveStartDate && d <= version.effectiveEndDate)]; // prettier-ignore
  return starts.map((start, i) => {
    const next = starts[i + 1];
    return [start, next === undefined ? version.effectiveEndDate : dayBefore(next)];
  });
}

/** Whether a decimal fits a DECIMAL column of `digits`, exactly. */
function fits(value: Decimal, digits: { readonly integer: number; readonly scale: number }): boolean {
  return value.decimalPlaces() <= digits.scale && value.abs().lessThan(new Decimal(10).pow(digits.integer));
}

type KeyRate = Pick<RateRow, "value" | "multiUnitReason">;

/** One key priced as `priceLines` prices it: one unit by `contractAmount`, more units by their unit rule. */
function keyRate(
  registry: ContractRegistry,
  version: ContractVersion,
  hcpcsCode: HcpcsCode,
  modifiers: readonly Modifier[],
  setting: CareSetting,
  serviceDate: IsoDate,
): KeyRate {
  const line = { hcpcsCode, modifiers, setting, serviceDate, units: ONE };
  let multiUnitReason: string | null = null;
  for (const units of MULTI_UNITS) {
    multiUnitReason = notInSqlReason(UNIT_RULE_COVERAGE[lineUnitRule(registry, version, { ...line, units }).kind]);
    if (multiUnitReason !== null) break;
  }
  const priced = contractAmount(registry, version, line);
  if (!priced.ok) return { value: { kind: "issue", reason: issueMessage(priced.issue) }, multiUnitReason };
  const engineOnly = notInSqlReason(BASIS_COVERAGE[priced.value.basis]);
  if (engineOnly !== null) return { value: { kind: "engine", reason: engineOnly }, multiUnitReason };
  const tooPrecise: RateValue = { kind: "engine", reason: RATE_TABLE_LIMITS.tooPrecise };
  if (priced.value.kind === "amount") {
    const { amount } = priced.value;
    return { value: fits(amount, DECIMAL_DIGITS.amount) ? { kind: "amount", amount } : tooPrecise, multiUnitReason };
  }
  const { percent } = priced.value;
  return { value: fits(percent, DECIMAL_DIGITS.percent) ? { kind: "percent", percent } : tooPrecise, multiUnitReason };
}

const sameRate = (a: KeyRate, b: KeyRate): boolean => rateText(a) === rateText(b);
const rateText = ({ value, multiUnitReason }: KeyRate): string =>
  `${value.kind}|${value.kind === "amount" ? value.amount.toFixed() : value.kind === "percent" ? value.percent.toFixed() : value.reason}|${multiUnitReason ?? ""}`;

/** The rows of one version over one stretch of dates, priced on its first day. */
function periodRows(
  registry: ContractRegistry,
  version: ContractVersion,
  [periodStart, periodEnd]: [IsoDate, IsoDate],
  codes: readonly HcpcsCode[],
  modifiers: readonly Modifier[],
): { base: RateRow[]; withModifier: RateRow[] } {
  const contractKey = registryKey(version.contractName);
  const base: RateRow[] = [];
  const withModifier: RateRow[] = [];
  const row = (hcpcsCode: HcpcsCode, modifier: Modifier | null, setting: CareSetting, rate: KeyRate): RateRow => ({
    contractKey,
    periodStart,
    periodEnd,
    hcpcsCode,
    modifier,
    setting,
    lesserOf: version.lesserOf,
    ...rate,
  });
  for (const code of codes) {
    for (const setting of SETTINGS) {
      const plain = keyRate(registry, version, code, [], setting, periodStart);
      base.push(row(code, null, setting, plain));
      for (const modifier of modifiers) {
        const modified = keyRate(registry, version, code, [modifier], setting, periodStart);
        if (!sameRate(modified, plain)) withModifier.push(row(code, modifier, setting, modified));
      }
    }
  }
  return { base, withModifier };
}

/** The rows' content without their dates, to find stretches that price alike. */
const contentOf = (rows: { base: RateRow[]; withModifier: RateRow[] }): string =>
  [...rows.base, ...rows.withModifier]
    .map((r) => `${r.hcpcsCode}|${r.modifier ?? ""}|${r.setting}|${r.lesserOf}|${rateText(r)}`)
    .join("\n");

/** The registry of a workbook as rate tables; `progress` hears of each contract. */
export function buildRateTables(snapshot: RegistrySnapshot, progress: (text: string) => void): RateTables {
  const { registry } = snapshot;
  const codes = listedCodes(registry);
  const modifiers = tableModifiers(registry);
  const changes = changeDates(registry);
  const baseRates: RateRow[] = [];
  const modifierRates: RateRow[] = [];
  const blockedContracts: { contractKey: string; problem: string }[] = [];
  for (const [contractKey, versions] of registry.versionsByName) {
    const problem = snapshot.issuesByContract.get(contractKey)?.[0];
    if (problem !== undefined) {
      blockedContracts.push({ contractKey, problem: registryIssueMessage(problem) });
      continue;
    }
    progress(`  ${versions[0]?.contractName ?? contractKey}: ${codes.length.toLocaleString("en-US")} codes`);
    for (const version of versions) {
      let previous: { base: RateRow[]; withModifier: RateRow[]; content: string } | null = null;
      const flush = (): void => {
        if (previous === null) return;
        baseRates.push(...previous.base);
        modifierRates.push(...previous.withModifier);
      };
      for (const period of periodsOf(version, changes)) {
        const rows = periodRows(registry, version, period, codes, modifiers);
        const content = contentOf(rows);
        if (previous !== null && previous.content === content) {
          // Prices alike: the earlier stretch's rows now run to this stretch's end.
          const extend = (r: RateRow): RateRow => ({ ...r, periodEnd: period[1] });
          previous = { base: previous.base.map(extend), withModifier: previous.withModifier.map(extend), content };
        } else {
          flush();
          previous = { ...rows, content };
        }
      }
      flush();
    }
  }
  return { baseRates, modifierRates, modifiers, places: placeTexts(), blockedContracts };
}
