/**
 * Where the batch pricer finds a line's priced key: per contract, the period of its date of service (a version
 * over dates that price alike), then the code, modifiers, setting and units.
 */
import { conversionFactorOn } from "../conversionFactor";
import type { EngineIssue } from "../issues";
import type { IsoDate } from "../isoDate";
import type { Leaf } from "./batchLeaves";
import { resolveMedicareBasis } from "./medicareBasis";
import { methodBatchKey } from "./methods";
import type { ContractRegistry } from "./registry";
import type { ContractVersion } from "./types";
import { findContractVersion } from "./versionSelection";

/** The priced keys of one code's lines with modifiers, several units or a placement: by modifiers, setting, units. */
export class CodeNode {
  /** Lines without modifiers or placement, by setting (non-facility, facility), then units. */
  readonly unmodified: [Map<number, Leaf>, Map<number, Leaf>] = [new Map(), new Map()];
  readonly byModifiers = new Map<string, [Map<number, Leaf>, Map<number, Leaf>]>();
}

/**
 * One contract version over a stretch of dates on which every rate, CF and schedule choice is the same. The
 * commonest line (no modifiers, 1 unit) finds its priced key in one lookup by code, per setting: the per-line loop
 * is bound by how many objects it walks through (issue 20: the engine within 3x of a bare Map lookup).
 */
export class Period {
  readonly plainNonFacility = new Map<string, Leaf>();
  readonly plainFacility = new Map<string, Leaf>();
  readonly byCode = new Map<string, CodeNode>();
  readonly issue = null;
  constructor(readonly version: ContractVersion) {}
}

/** Dates on which no version of the contract is in effect. */
class NoVersion {
  constructor(readonly issue: EngineIssue) {}
}

/**
 * What makes two dates of one contract price alike: the version, what its methods add (a fee schedule's date
 * period: `methodBatchKey`), the Medicare schedule chosen and its conversion factor period (always: CMS's indicators
 * may be needed whatever the method). Everything date-dependent in pricing goes through these.
 */
function periodKey(registry: ContractRegistry, version: ContractVersion, date: IsoDate): string {
  let key = `${version.sourceRowNumber}|${version.effectiveStartDate}${methodBatchKey(registry, version, date)}`;
  const basis = resolveMedicareBasis(registry, version, date);
  if (basis.ok) {
    const { schedule, pricingDate } = basis.value;
    const cf = conversionFactorOn(pricingDate, "non-qp", schedule.conversionFactors);
    key += `|${schedule.name}|cf${cf.ok ? schedule.conversionFactors.indexOf(cf.value) : -1}`;
  } else key += `|!${basis.issue.code}`;
  return key;
}

/** How many dates a contract's date cache holds directly: one per month and day, times the year's last 2 bits. */
const DATE_SLOTS = 2048;

/**
 * The direct slot of an ISO date, from its month, day and year. A Map lookup per line costs as much as the bare
 * loop's whole line; reading five characters does not. Any text gets a slot (a wrong guess only misses).
 */
function dateSlot(date: string): number {
  const month = (date.charCodeAt(5) & 1) * 10 + (date.charCodeAt(6) & 15);
  const day = (date.charCodeAt(8) & 3) * 10 + (date.charCodeAt(9) & 15);
  return ((date.charCodeAt(3) & 3) * 416 + month * 32 + day) & (DATE_SLOTS - 1);
}

/** One contract's periods by date of service (or the issue of a date no version covers). */
export class ContractPeriods {
  private readonly byDate = new Map<string, Period | NoVersion>();
  private readonly byPeriodKey = new Map<string, Period>();
  /** The date last seen in each slot and its period, looked at before `byDate`. */
  private readonly slotDates = new Array<string | null>(DATE_SLOTS).fill(null);
  private readonly slotPeriods = new Array<Period | NoVersion | null>(DATE_SLOTS).fill(null);

  on(registry: ContractRegistry, contractName: string, date: IsoDate): Period | NoVersion {
    const slot = dateSlot(date);
    if (this.slotDates[slot] === date) return this.slotPeriods[slot]!;
    let period = this.byDate.get(date);
    if (period === undefined) {
      period = this.firstSeen(registry, contractName, date);
      this.byDate.set(date, period);
    }
    this.slotDates[slot] = date;
    this.slotPeriods[slot] = period;
    return period;
  }

  private firstSeen(registry: ContractRegistry, contractName: string, date: IsoDate): Period | NoVersion {
    const version = findContractVersion(registry, contractName, date);
    if (!version.ok) return new NoVersion(version.issue);
    const key = periodKey(registry, version.value, date);
    let period = this.byPeriodKey.get(key);
    if (period === undefined) {
      period = new Period(version.value);
      this.byPeriodKey.set(key, period);
    }
    return period;
  }
}
