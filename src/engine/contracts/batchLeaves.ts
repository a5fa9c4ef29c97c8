/**
 * The priced keys of the batch pricer (`priceLines`): each distinct pricing key priced once with decimal
 * arithmetic, kept as whole cents (or an exact percent of the charge) for the per-line loop.
 */
import { Decimal } from "../decimal";
import type { HcpcsCode } from "../hcpcsCode";
import type { EngineIssue } from "../issues";
import type { IsoDate } from "../isoDate";
import type { Modifier } from "../modifiers";
import { roundedCents } from "../money";
import type { CareSetting } from "../placeOfService";
import type { UnitRule } from "../pfsRules/unitRules";
import type { Result } from "../result";
import { contractAmount, unitsContractAmount, type ContractAmount } from "./contractAmount";
import type { ContractRegistry } from "./registry";
import type { ContractVersion, LinePlacement } from "./types";

/** The priced key behind a line's amount: its contract version and the amount before the charge (with its trace). */
export interface PricedKey {
  readonly version: ContractVersion | null;
  readonly priced: ContractAmount | null;
}

const ONE_UNIT = new Decimal(1);
export const AMOUNT = 0;
export const PERCENT_OF_CHARGE = 1;
export const ISSUE = 2;

/**
 * The priced form of one pricing key: either whole cents (rounded once) or an integer percent num/den of the
 * charge, or an issue. One class, one shape, so the per-line loop stays monomorphic.
 */
export class Leaf implements PricedKey {
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

export function issueLeaf(issue: EngineIssue): Leaf {
  return new Leaf(ISSUE, 0, false, null, 0, 0, false, null, null, null, issue);
}

/** The key's amount priced again: pricing is pure, so what priced once prices again. */
function repriced(priced: Result<ContractAmount>): ContractAmount {
  if (!priced.ok) throw new Error(`a priced key no longer prices: ${priced.issue.code}`);
  return priced.value;
}

/** The leaf of an exact amount; `reprice` gives the amount with its trace again when `kept` is null. */
export function amountLeaf(
  version: ContractVersion,
  amount: Decimal,
  kept: ContractAmount | null,
  reprice: () => ContractAmount,
): Leaf {
  const { cents, aboveCents } = roundedCents(amount);
  return new Leaf(AMOUNT, cents, aboveCents, amount, 0, 0, version.lesserOf, version, kept, reprice, null);
}

/** The leaf of a priced key; `keep`: whether to keep its trace, else `reprice` gives it again when read. */
export function leafOf(
  version: ContractVersion,
  priced: ContractAmount,
  keep: boolean,
  reprice: () => ContractAmount,
): Leaf {
  const kept = keep ? priced : null;
  if (priced.kind === "amount") return amountLeaf(version, priced.amount, kept, reprice);
  const places = priced.percent.decimalPlaces();
  const den = places <= 9 ? 10 ** places : 0;
  const num = den > 0 ? priced.percent.times(den).toNumber() : 0;
  const exact = den > 0 && Number.isSafeInteger(num) && num >= 0;
  const [fastNum, fastDen] = exact ? [num, den] : [0, 0];
  return new Leaf(PERCENT_OF_CHARGE, 0, false, null, fastNum, fastDen, version.lesserOf, version, kept, reprice, null);
}

/** Prices one key (one unit) with decimal arithmetic: the slow path, taken once per distinct key. */
export function priceKey(
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
export const unitsKeyLine = (
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
export function priceUnitsKey(
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
export function unitsTimesOneUnit(version: ContractVersion, oneUnit: Leaf, units: Decimal, keep: boolean): Leaf {
  if (oneUnit.kind !== AMOUNT) return oneUnit;
  const amount = oneUnit.exact!.times(units);
  const priced = (): ContractAmount => ({ ...oneUnit.priced!, kind: "amount", amount });
  return amountLeaf(version, amount, keep ? priced() : null, priced);
}
