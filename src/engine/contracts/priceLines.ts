import type { HcpcsCode } from "../hcpcsCode";
import type { EngineIssue } from "../issues";
import type { IsoDate } from "../isoDate";
import type { Modifier } from "../modifiers";
import type { Cents } from "../money";
import type { CareSetting } from "../placeOfService";
import { isAnesthesiaCode } from "../pfsRules/anesthesia";
import {
  AMOUNT,
  ISSUE,
  issueLeaf,
  PERCENT_OF_CHARGE,
  priceKey,
  priceUnitsKey,
  unitsKeyLine,
  unitsTimesOneUnit,
  type Leaf,
  type PricedKey,
} from "./batchLeaves";
import { CodeNode, ContractPeriods } from "./batchPeriods";
import { lineUnits, lineUnitRule } from "./contractAmount";
import { chargeIsLess } from "./lesserOf";
import { finishPrice } from "./priceLine";
import type { ContractRegistry } from "./registry";
import type { LinePlacement } from "./types";

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

export type { PricedKey } from "./batchLeaves";

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

/** Largest integer product the percent-of-charge fast path computes exactly in floating point. */
const EXACT_LIMIT = Number.MAX_SAFE_INTEGER / 4;

/**
 * Priced keys per registry. A registry is immutable and the shared runtime keeps one until a table changes, so a
 * key priced once stays right for as long as the registry lives; the WeakMap lets it go with the registry.
 */
const cachesByRegistry = new WeakMap<ContractRegistry, Map<string, ContractPeriods>>();

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
