import { conversionFactorOn } from "../conversionFactor";
import { Decimal } from "../decimal";
import type { HcpcsCode } from "../hcpcsCode";
import type { EngineIssue } from "../issues";
import type { IsoDate } from "../isoDate";
import type { Modifier } from "../modifiers";
import { roundedCents, type Cents } from "../money";
import type { CareSetting } from "../placeOfService";
import { isAnesthesiaCode } from "../pfsRules/anesthesia";
import type { UnitRule } from "../pfsRules/unitRules";
import type { Result } from "../result";
import { contractAmount, lineUnits, lineUnitRule, unitsContractAmount, type ContractAmount } from "./contractAmount";
import { chargeIsLess } from "./lesserOf";
import { resolveMedicareBasis } from "./medicareBasis";
import { methodBatchKey } from "./methods";
import { finishPrice } from "./priceLine";
import type { ContractRegistry } from "./registry";
import type { ContractVersion, LinePlacement } from "./types";
import { findContractVersion } from "./versionSelection";

/**
 * Claim lines as columns (one array per field, all of the same length), the shape a spilled custom function or a
 * claims table gives. Optional columns default as in {@link ContractLine}: no modifiers, 1 unit, no charge,
 * non-facility.
 */
export interface PricingColumns {
  readonly contractName: readonly string[];
  readonly hcpcsCode: readonly HcpcsCode[];
  readonly serviceDate: readonly IsoDate[];
  readonly modifiers?: readonly (readonly Modifier[])[];
  readonly units?: ArrayLike<number>;
  /** Billed charge in cents (`Cents`), null where unknown. */
  readonly chargeAmount?: ArrayLike<number | null>;
  readonly setting?: readonly CareSetting[];
  /**
   * What each line's claim decided for it (`placeClaimLines`: surgery rank, family role, bilateral side); undefined
   * where nothing. A placed line is its own pricing key, priced with its unit rule as `priceLine` prices it.
   */
  readonly placement?: readonly (LinePlacement | undefined)[];
}

/** The priced key behind a line's amount: its contract version and the amount before the charge (with its trace). */
export interface PricedKey {
  readonly version: ContractVersion | null;
  readonly priced: ContractAmount | null;
}

/** The results of {@link priceLines}, one position per line. */
export interface BatchPricing {
  /** Expected allowed amount in cents; NaN where the line has an issue. */
  readonly allowedAmount: Float64Array;
  /** The issue of each line that could not be priced, by position. */
  readonly issues: ReadonlyMap<number, EngineIssue>;
  /** 1 where lesser-of billed charges bound the amount. */
  readonly lesserOfBound: Uint8Array;
  /** How many distinct pricing keys were computed with decimal arithmetic. */
  readonly distinctKeys: number;
  /**
   * With `keepKeys`: per line the priced key behind its amount (lines priced alike share one object), null on a
   * line with an issue. Lets a caller explain each amount (the variance review's basis) without pricing it again.
   */
  readonly pricedKeys?: readonly (PricedKey | null)[];
}

const ONE_UNIT = new Decimal(1);
const AMOUNT = 0;
const PERCENT_OF_CHARGE = 1;
const ISSUE = 2;
/** Largest integer product the percent-of-charge fast path computes exactly in floating point. */
const EXACT_LIMIT = Number.MAX_SAFE_INTEGER / 4;

/**
 * The priced form of one pricing key: either whole cents (rounded once) or an integer percent num/den of the
 * charge, or an issue. One class, one shape, so the per-line loop stays monomorphic.
 */
class Leaf implements PricedKey {
  /**
   * The amount with its trace: kept when the batch keeps keys, else priced again when first read. A trace per key
   * is most of what pricing a key allocates, and keeping it made garbage collection most of a cold batch's time.
   */
  #priced: ContractAmount | null;
  constructor(
    readonly kind: number,
    /** AMOUNT: the rounded cents. */
    readonly cents: number,
    /** AMOUNT: whether the exact amount is above its rounded cents (lesser-of binds at charge = cents then). */
    readonly exactAboveCents: boolean,
    /** AMOUNT: the exact amount, which a multi-unit key of rate x units is derived from. */
    readonly exact: Decimal | null,
    /** PERCENT_OF_CHARGE: the percent as num / den, 0 / 0 when it has too many decimals for the fast path. */
    readonly num: number,
    readonly den: number,
    readonly lesserOf: boolean,
    readonly version: ContractVersion | null,
    priced: ContractAmount | null,
    private readonly reprice: (() => ContractAmount) | null,
    readonly issue: EngineIssue | null,
  ) {
    this.#priced = priced;
  }

  get priced(): ContractAmount | null {
    if (this.#priced === null && this.reprice !== null) this.#priced = this.reprice();
    return this.#priced;
  }
}

function issueLeaf(issue: EngineIssue): Leaf {
  return new Leaf(ISSUE, 0, false, null, 0, 0, false, null, null, null, issue);
}

/** The key's amount priced again: pricing is pure, so what priced once prices again. */
function repriced(priced: Result<ContractAmount>): ContractAmount {
  if (!priced.ok) throw new Error(`a priced key no longer prices: ${priced.issue.code}`);
  return priced.value;
}

/** The leaf of an exact amount; `reprice` gives the amount with its trace again when `kept` is null. */
function amountLeaf(
  version: ContractVersion,
  amount: Decimal,
  kept: ContractAmount | null,
  reprice: () => ContractAmount,
): Leaf {
  const { cents, aboveCents } = roundedCents(amount);
  return new Leaf(AMOUNT, cents, aboveCents, amount, 0, 0, version.lesserOf, version, kept, reprice, null);
}

/** The leaf of a priced key; `keep`: whether to keep its trace, else `reprice` gives it again when read. */
function leafOf(version: ContractVersion, priced: ContractAmount, keep: boolean, reprice: () => ContractAmount): Leaf {
  const kept = keep ? priced : null;
  if (priced.kind === "amount") return amountLeaf(version, priced.amount, kept, reprice);
  const places = priced.percent.decimalPlaces();
  const den = places <= 9 ? 10 ** places : 0;
  const num = den > 0 ? priced.percent.times(den).toNumber() : 0;
  const exact = den > 0 && Number.isSafeInteger(num) && num >= 0;
  const [fastNum, fastDen] = exact ? [num, den] : [0, 0];
  return new Leaf(PERCENT_OF_CHARGE, 0, false, null, fastNum, fastDen, version.lesserOf, version, kept, reprice, null);
}

/** The priced keys of one code's lines with modifiers, several units or a placement: by modifiers, setting, units. */
class CodeNode {
  /** Lines without modifiers or placement, by setting (non-facility, facility), then units. */
  readonly unmodified: [Map<number, Leaf>, Map<number, Leaf>] = [new Map(), new Map()];
  readonly byModifiers = new Map<string, [Map<number, Leaf>, Map<number, Leaf>]>();
}

/**
 * One contract version over a stretch of dates on which every rate, CF and schedule choice is the same. The
 * commonest line (no modifiers, 1 unit) finds its priced key in one lookup by code, per setting: the per-line loop
 * is bound by how many objects it walks through (issue 20: the engine within 3x of a bare Map lookup).
 */
class Period {
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
class ContractPeriods {
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

/**
 * Priced keys per registry. A registry is immutable and the shared runtime keeps one until a table changes, so a
 * key priced once stays right for as long as the registry lives; the WeakMap lets it go with the registry.
 */
const cachesByRegistry = new WeakMap<ContractRegistry, Map<string, ContractPeriods>>();

/** Prices one key (one unit) with decimal arithmetic: the slow path, taken once per distinct key. */
function priceKey(
  registry: ContractRegistry,
  version: ContractVersion,
  keep: boolean,
  hcpcsCode: HcpcsCode,
  modifiers: readonly Modifier[] | undefined,
  setting: CareSetting,
  serviceDate: IsoDate,
): Leaf {
  const line = { hcpcsCode, modifiers: modifiers ?? [], setting, serviceDate, units: ONE_UNIT };
  const priced = contractAmount(registry, version, line);
  if (!priced.ok) return issueLeaf(priced.issue);
  return leafOf(version, priced.value, keep, () => repriced(contractAmount(registry, version, line)));
}

/** The key line of a multi-unit or placed key, as `lineUnitRule` and `unitsContractAmount` read it. */
const unitsKeyLine = (
  hcpcsCode: HcpcsCode,
  modifiers: readonly Modifier[] | undefined,
  setting: CareSetting,
  serviceDate: IsoDate,
  units: Decimal,
  placement?: LinePlacement,
) => ({
  hcpcsCode,
  modifiers: modifiers ?? [],
  setting,
  serviceDate,
  units,
  // Only what the claim decided: a placement may be a whole claim line, whose own fields are read elsewhere.
  ...(placement?.multipleProcedureRank === undefined ? {} : { multipleProcedureRank: placement.multipleProcedureRank }),
  ...(placement?.procedureRole === undefined ? {} : { procedureRole: placement.procedureRole }),
  ...(placement?.bilateralSide === undefined ? {} : { bilateralSide: placement.bilateralSide }),
});

/**
 * Prices a placed key, or a multi-unit key whose unit rule is not rate x units, as `priceLine` does: the slow path,
 * once per key. `rule`: the key's unit rule when already known.
 */
function priceUnitsKey(
  registry: ContractRegistry,
  version: ContractVersion,
  keep: boolean,
  rule: UnitRule | undefined,
  ...key: Parameters<typeof unitsKeyLine>
): Leaf {
  const line = unitsKeyLine(...key);
  const priced = unitsContractAmount(registry, version, line, rule);
  if (!priced.ok) return issueLeaf(priced.issue);
  return leafOf(version, priced.value, keep, () => repriced(unitsContractAmount(registry, version, line, rule)));
}

/**
 * A multi-unit key of rate x units: its one-unit key's exact amount times the units, as units enter a contract
 * amount last (contractAmount), with the one-unit key's trace.
 */
function unitsTimesOneUnit(version: ContractVersion, oneUnit: Leaf, units: Decimal, keep: boolean): Leaf {
  if (oneUnit.kind !== AMOUNT) return oneUnit;
  const amount = oneUnit.exact!.times(units);
  const priced = (): ContractAmount => ({ ...oneUnit.priced!, kind: "amount", amount });
  return amountLeaf(version, amount, keep ? priced() : null, priced);
}

const modifierKey = (modifiers: readonly Modifier[] | undefined): string =>
  modifiers === undefined || modifiers.length === 0 ? "" : modifiers.length === 1 ? modifiers[0]! : modifiers.join(" ");

/** A placed line's key: its modifiers, then what its claim decided (no modifier text holds a "|"). */
const placedKey = (modifiers: readonly Modifier[] | undefined, placement: LinePlacement): string =>
  `${modifierKey(modifiers)}|${placement.multipleProcedureRank ?? ""}|${placement.procedureRole ?? ""}|${placement.bilateralSide ?? ""}`;

/** Whether a claim decided anything for the line. */
const isPlaced = (placement: LinePlacement | undefined): placement is LinePlacement =>
  placement !== undefined &&
  (placement.multipleProcedureRank !== undefined ||
    placement.procedureRole !== undefined ||
    placement.bilateralSide !== undefined);

/**
 * Prices many claim lines at once, with the same results as {@link priceLine} line by line (units by the line's unit
 * rule: a multi-unit key is one unit's amount x units only where its rule is rate x units). Each distinct pricing
 * key (contract version and date period, code, modifiers, setting, units) is computed once with decimal arithmetic
 * and cached as whole cents (for as long as the registry lives, across calls); the charge enters only afterwards,
 * in integers: lesser-of as a minimum, percent of billed as an exact integer ratio. This is how a million lines
 * price in well under a second (ARCHITECTURE.md 9). `distinctKeys` counts the keys this call had to price. An
 * anesthesia line's units are its minutes (its unit rule prices the whole line): without a units column it is an issue.
 */
export function priceLines(
  registry: ContractRegistry,
  columns: PricingColumns,
  options: { readonly keepKeys?: boolean } = {},
): BatchPricing {
  const count = columns.hcpcsCode.length;
  const allowedAmount = new Float64Array(count);
  const keep = options.keepKeys === true;
  const pricedKeys: (PricedKey | null)[] | undefined = keep ? new Array(count).fill(null) : undefined;
  const lesserOfBound = new Uint8Array(count);
  const issues = new Map<number, EngineIssue>();
  let contracts = cachesByRegistry.get(registry);
  if (contracts === undefined) {
    contracts = new Map();
    cachesByRegistry.set(registry, contracts);
  }
  const { contractName, hcpcsCode, serviceDate, modifiers, units, chargeAmount, setting, placement } = columns;
  let distinctKeys = 0;

  let lastName: string | undefined;
  let contract: ContractPeriods | undefined;
  for (let i = 0; i < count; i++) {
    const name = contractName[i]!;
    // Claim tables run long stretches of one contract: skip the lookup while the name repeats.
    if (name !== lastName || contract === undefined) {
      contract = contracts.get(name);
      if (contract === undefined) {
        contract = new ContractPeriods();
        contracts.set(name, contract);
      }
      lastName = name;
    }
    const date = serviceDate[i]!;
    const period = contract.on(registry, name, date);
    if (period.issue !== null) {
      allowedAmount[i] = NaN;
      issues.set(i, period.issue);
      continue;
    }
    const code = hcpcsCode[i]!;
    // Without a units column an anesthesia line has no minutes: 1 unit would be priced as 1 minute.
    if (units === undefined && isAnesthesiaCode(code)) {
      allowedAmount[i] = NaN;
      issues.set(i, { code: "anesthesiaMinutesRequired", hcpcsCode: code });
      continue;
    }
    const lineModifiers = modifiers === undefined ? undefined : modifiers[i];
    const lineSetting = setting === undefined ? "non-facility" : setting[i]!;
    const plainByCode = lineSetting === "facility" ? period.plainFacility : period.plainNonFacility;
    const lineUnitCount = units === undefined ? 1 : units[i]!;
    const linePlacement = placement === undefined ? undefined : placement[i];
    const placed = isPlaced(linePlacement);
    const plain = lineUnitCount === 1 && (lineModifiers === undefined || lineModifiers.length === 0) && !placed;
    let byUnits: Map<number, Leaf> | undefined;
    let leaf: Leaf | undefined;
    if (plain) leaf = plainByCode.get(code);
    else {
      let node = period.byCode.get(code);
      if (node === undefined) {
        node = new CodeNode();
        period.byCode.set(code, node);
      }
      const modKey = placed ? placedKey(lineModifiers, linePlacement) : modifierKey(lineModifiers);
      let bySetting = modKey === "" ? node.unmodified : node.byModifiers.get(modKey);
      if (bySetting === undefined) {
        bySetting = [new Map(), new Map()];
        node.byModifiers.set(modKey, bySetting);
      }
      byUnits = bySetting[lineSetting === "facility" ? 1 : 0]!;
      leaf = byUnits.get(lineUnitCount);
    }
    if (leaf === undefined) {
      const parsedUnits = lineUnits(lineUnitCount);
      const rule =
        !parsedUnits.ok || placed || lineUnitCount === 1
          ? undefined
          : lineUnitRule(
              registry,
              period.version,
              unitsKeyLine(code, lineModifiers, lineSetting, date, parsedUnits.value),
            );
      if (!parsedUnits.ok) leaf = issueLeaf(parsedUnits.issue);
      else if (placed) {
        // What the claim decided enters the amount through the line's unit rule: priced as priceLine does, once.
        distinctKeys++;
        const key = [code, lineModifiers, lineSetting, date, parsedUnits.value, linePlacement] as const;
        leaf = priceUnitsKey(registry, period.version, keep, undefined, ...key);
      } else if (rule === undefined) {
        distinctKeys++;
        leaf = priceKey(registry, period.version, keep, code, lineModifiers, lineSetting, date);
      } else if (rule.kind !== "rateTimesUnits") {
        // CMS's unit rules (bilateral units, a family's later units) make this amount no multiple of one unit's.
        distinctKeys++;
        const key = [code, lineModifiers, lineSetting, date, parsedUnits.value] as const;
        leaf = priceUnitsKey(registry, period.version, keep, rule, ...key);
      } else {
        // Price the one-unit key once and derive the other unit counts from it.
        const oneUnitSlots = lineModifiers === undefined || lineModifiers.length === 0 ? null : byUnits!;
        let oneUnit = oneUnitSlots === null ? plainByCode.get(code) : oneUnitSlots.get(1);
        if (oneUnit === undefined) {
          distinctKeys++;
          oneUnit = priceKey(registry, period.version, keep, code, lineModifiers, lineSetting, date);
          if (oneUnitSlots === null) plainByCode.set(code, oneUnit);
          else oneUnitSlots.set(1, oneUnit);
        }
        leaf = unitsTimesOneUnit(period.version, oneUnit, parsedUnits.value, keep);
      }
      if (byUnits === undefined) plainByCode.set(code, leaf);
      else byUnits.set(lineUnitCount, leaf);
    }
    if (pricedKeys !== undefined && leaf.kind !== ISSUE) pricedKeys[i] = leaf;
    const charge = chargeAmount === undefined ? null : (chargeAmount[i] ?? null);
    if (leaf.kind === AMOUNT) {
      let cents = leaf.cents;
      if (leaf.lesserOf && charge !== null && chargeIsLess(charge, cents, leaf.exactAboveCents)) {
        cents = charge;
        lesserOfBound[i] = 1;
      }
      allowedAmount[i] = cents;
    } else if (leaf.kind === PERCENT_OF_CHARGE) {
      if (leaf.den > 0 && charge !== null && charge >= 0 && charge * leaf.num <= EXACT_LIMIT) {
        // Exact integer arithmetic: round half-up of charge x num / den.
        const product = charge * leaf.num;
        let cents = Math.floor((2 * product + leaf.den) / (2 * leaf.den));
        if (leaf.lesserOf && chargeIsLess(charge, cents, product > cents * leaf.den)) {
          cents = charge;
          lesserOfBound[i] = 1;
        }
        allowedAmount[i] = cents;
      } else {
        const price = finishPrice(leaf.version!, leaf.priced!, charge as Cents | null);
        if (price.ok) {
          allowedAmount[i] = price.value.allowedAmount;
          if (price.value.lesserOf === "bound") lesserOfBound[i] = 1;
        } else {
          allowedAmount[i] = NaN;
          issues.set(i, price.issue);
          if (pricedKeys !== undefined) pricedKeys[i] = null;
        }
      }
    } else {
      allowedAmount[i] = NaN;
      issues.set(i, leaf.issue!);
    }
  }
  return { allowedAmount, issues, lesserOfBound, distinctKeys, ...(pricedKeys === undefined ? {} : { pricedKeys }) };
}
