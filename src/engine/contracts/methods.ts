/**
 * The contract methods, carve-out methods and default rules, declared once (DOMAIN.md 3.1; ARCHITECTURE.md 2 "each
 * concept is declared once"): per kind its label and the words a registry cell may hold, the registry columns it
 * needs, how it is built from them, its amount, its words for people and what it adds to the batch pricer's key.
 * Each table is a mapped type over its kind, so a kind added to `ContractMethod`, `CarveOutMethod` or
 * `DefaultRule` without an entry here does not compile. Registry parsing, the contract editor's choices, the README,
 * the portfolio's rate basis, the pricing dispatch and the batch key all derive from these tables.
 */
import type { Decimal } from "../decimal";
import type { IsoDate } from "../isoDate";
import { percentText } from "../cellValues";
import { fail, ok, type Result } from "../result";
import { periodIndex } from "./dates";
import {
  feeScheduleAmount,
  flatRate,
  notCovered,
  percentOfCharge,
  percentOfMedicare,
  type ContractAmount,
  type PricingContext,
} from "./methodAmounts";
import { registryKey, type ContractRegistry } from "./registry";
import type { CarveOutMethod, ContractMethod, ContractVersion, DefaultRule } from "./types";

/** How a method is named: its label (README, contract editor) and other words a registry cell may hold for it. */
export interface MethodWords {
  readonly label: string;
  /** Lower case; the id and the label are always accepted too. */
  readonly synonyms: readonly string[];
}

/** The cells of a `PayerContracts` row a contract method or default rule may read, by registry field. */
export interface ContractMethodCells {
  readonly percent: Decimal | null;
  readonly feeSchedule: string | null;
  readonly medicareSchedule: string | null;
  readonly defaultPercent: Decimal | null;
}

/** The cells of a `ContractCarveOuts` row a carve-out method may read, by registry field. */
export interface CarveOutMethodCells {
  readonly rate: Decimal | null;
  readonly percent: Decimal | null;
}

/** A contract method's entry, for the method `M` of its kind. */
export interface ContractMethodEntry<M extends ContractMethod> extends MethodWords {
  /** The cells the method needs filled, in the order their absence is reported. */
  readonly needs: readonly Exclude<keyof ContractMethodCells, "defaultPercent">[];
  /** The method from a registry row whose needed cells are filled. */
  fromCells(cells: ContractMethodCells): M;
  /** The rate as the trace shows it after the method's id: a table name, "115%". */
  rateText(method: M): string;
  /** The method in words for people (the portfolio summary): "115% of Medicare (MPFS_2025)". */
  describe(method: M, version: ContractVersion): string;
  /**
   * What the method's amounts depend on by date besides the version and the Medicare basis (which the batch
   * pricer's key always holds, for CMS's indicators): "" when nothing else.
   */
  batchKey(method: M, registry: ContractRegistry, date: IsoDate): string;
  /** The amount; `unlisted` prices a code the method's schedule does not list (the default rule). */
  amount(
    method: M,
    context: PricingContext,
    unlisted: (scheduleName: string) => Result<ContractAmount>,
  ): Result<ContractAmount>;
}

/** A default rule's entry (the rule for codes the contract's schedule does not list). */
export interface DefaultRuleEntry extends MethodWords {
  readonly needs: readonly Exclude<keyof ContractMethodCells, "percent" | "feeSchedule">[];
  /** The rule in words for people: "unlisted codes at 100% of Medicare". */
  describe(rule: DefaultRule): string;
  batchKey(rule: DefaultRule, registry: ContractRegistry, date: IsoDate): string;
  /** The amount of a code `scheduleName` does not list. */
  amount(rule: DefaultRule, context: PricingContext, scheduleName: string): Result<ContractAmount>;
}

/** A carve-out method's entry, for the method `M` of its kind. */
export interface CarveOutMethodEntry<M extends CarveOutMethod> extends MethodWords {
  readonly needs: readonly (keyof CarveOutMethodCells)[];
  /**
   * Whether a line it prices at an amount takes part in claim-level multiple procedure ranking (`priceClaim`); a
   * flat rate is paid as agreed, whatever the line's rank.
   */
  readonly rankedWithProcedures: boolean;
  fromCells(cells: CarveOutMethodCells): M;
  batchKey(method: M, registry: ContractRegistry, date: IsoDate): string;
  amount(method: M, context: PricingContext): Result<ContractAmount>;
}

/** Every contract method kind, each with its entry (a kind without one is a compile error). */
export type ContractMethodTable = {
  readonly [K in ContractMethod["kind"]]: ContractMethodEntry<Extract<ContractMethod, { kind: K }>>;
};
/** Every default rule method, each with its entry. */
export type DefaultRuleTable = { readonly [K in DefaultRule["method"]]: DefaultRuleEntry };
/** Every carve-out method kind, each with its entry. */
export type CarveOutMethodTable = {
  readonly [K in CarveOutMethod["kind"]]: CarveOutMethodEntry<Extract<CarveOutMethod, { kind: K }>>;
};

/** A needed cell: the registry's row checks (derived from `needs`) guarantee it, so a blank one is a bug. */
function needed<T>(value: T | null, field: string): T {
  if (value === null) throw new Error(`the ${field} cell is needed and the registry's row checks let it be blank`);
  return value;
}

/** The Medicare basis is in every batch key already (see `batchKey`), and nothing else depends on the date. */
const NOTHING_MORE = (): string => "";

/** Both words are the same concept wherever a method can be chosen. */
const PERCENT_OF_MEDICARE_WORDS: MethodWords = { label: "Percent of Medicare", synonyms: ["% of medicare"] };
const PERCENT_OF_BILLED_WORDS: MethodWords = {
  label: "Percent of Billed",
  synonyms: ["% of billed", "percent of charges", "% of charges"],
};

/** The contract methods of `PayerContracts` (the Method column), in the order the README and the editor list them. */
export const CONTRACT_METHODS: ContractMethodTable = {
  "fee schedule": {
    label: "Fee Schedule",
    synonyms: [],
    needs: ["feeSchedule"],
    fromCells: (cells) => ({ kind: "fee schedule", feeScheduleName: needed(cells.feeSchedule, "feeSchedule") }),
    rateText: (method) => method.feeScheduleName,
    describe: (method) => `Fee schedule ${method.feeScheduleName}`,
    // A fee schedule's rows change on their own dates: the key holds which of its date periods the date is in.
    batchKey: (method, registry, date) => {
      const schedule = registry.feeSchedules.get(registryKey(method.feeScheduleName));
      return `|fs${schedule ? periodIndex(schedule.dateBoundaries, date) : -1}`;
    },
    amount: (method, context, unlisted) => feeScheduleAmount(context, method.feeScheduleName, unlisted),
  },
  "percent of medicare": {
    ...PERCENT_OF_MEDICARE_WORDS,
    needs: ["percent", "medicareSchedule"],
    fromCells: (cells) => ({ kind: "percent of medicare", percent: needed(cells.percent, "percent") }),
    rateText: (method) => percentText(method.percent),
    describe: (method, version) =>
      `${percentText(method.percent)} of Medicare${version.medicareScheduleName === null ? "" : ` (${version.medicareScheduleName})`}`,
    batchKey: NOTHING_MORE,
    amount: (method, context, unlisted) => {
      const priced = percentOfMedicare(context, method.percent);
      if (!priced.ok && priced.issue.code === "pfsCodeNotOnSchedule")
        return unlisted(context.version.medicareScheduleName ?? "");
      return priced;
    },
  },
  "percent of billed": {
    ...PERCENT_OF_BILLED_WORDS,
    needs: ["percent"],
    fromCells: (cells) => ({ kind: "percent of billed", percent: needed(cells.percent, "percent") }),
    rateText: (method) => percentText(method.percent),
    describe: (method) => `${percentText(method.percent)} of billed charges`,
    batchKey: NOTHING_MORE,
    amount: (method, context) => ok(percentOfCharge(context, method.percent)),
  },
  // A hospital-only contract (issue 14): its terms are its InpatientTerms/OutpatientTerms rows, and a professional
  // line under it has no amount, rather than one a placeholder method would make up.
  none: {
    label: "None (hospital terms only)",
    synonyms: ["hospital terms only", "hospital only", "no professional terms"],
    needs: [],
    fromCells: () => ({ kind: "none" }),
    rateText: () => "(no professional terms)",
    describe: () => "No professional terms (hospital terms only)",
    batchKey: NOTHING_MORE,
    amount: (_, { version }) =>
      fail({
        code: "contractHasNoProfessionalTerms",
        contractName: version.contractName,
        rowNumber: version.sourceRowNumber,
      }),
  },
};

/** The default rules of `PayerContracts` (the Default Method column). */
export const DEFAULT_RULES: DefaultRuleTable = {
  "percent of medicare": {
    ...PERCENT_OF_MEDICARE_WORDS,
    needs: ["defaultPercent", "medicareSchedule"],
    describe: (rule) => `unlisted codes at ${percentText(rule.percent)} of Medicare`,
    batchKey: NOTHING_MORE,
    amount: (rule, context, scheduleName) => {
      const priced = percentOfMedicare(context, rule.percent);
      // Not on the Medicare schedule either: the contract has no rate for the code.
      if (!priced.ok && priced.issue.code === "pfsCodeNotOnSchedule")
        return fail(notCovered(context.version, context.line, scheduleName));
      return priced;
    },
  },
  "percent of billed": {
    ...PERCENT_OF_BILLED_WORDS,
    needs: ["defaultPercent"],
    describe: (rule) => `unlisted codes at ${percentText(rule.percent)} of billed charges`,
    batchKey: NOTHING_MORE,
    amount: (rule, context) => ok(percentOfCharge(context, rule.percent)),
  },
};

/** The carve-out methods of `ContractCarveOuts` (its Method column). */
export const CARVE_OUT_METHODS: CarveOutMethodTable = {
  "flat rate": {
    label: "Flat Rate",
    synonyms: ["flat"],
    needs: ["rate"],
    rankedWithProcedures: false,
    fromCells: (cells) => ({ kind: "flat rate", rate: needed(cells.rate, "rate") }),
    batchKey: NOTHING_MORE,
    amount: (method, context) => flatRate(context, method.rate),
  },
  "percent of billed": {
    ...PERCENT_OF_BILLED_WORDS,
    needs: ["percent"],
    rankedWithProcedures: false,
    fromCells: (cells) => ({ kind: "percent of billed", percent: needed(cells.percent, "percent") }),
    batchKey: NOTHING_MORE,
    amount: (method, context) => ok(percentOfCharge(context, method.percent)),
  },
  "percent of medicare": {
    ...PERCENT_OF_MEDICARE_WORDS,
    needs: ["percent"],
    rankedWithProcedures: true,
    fromCells: (cells) => ({ kind: "percent of medicare", percent: needed(cells.percent, "percent") }),
    batchKey: NOTHING_MORE,
    amount: (method, context) => percentOfMedicare(context, method.percent),
  },
};

/** The entry of a contract method, typed for any method (each entry takes exactly its own kind). */
export function contractMethodEntry(method: ContractMethod): ContractMethodEntry<ContractMethod> {
  return CONTRACT_METHODS[method.kind];
}

/** The entry of a carve-out method, typed for any carve-out method. */
export function carveOutMethodEntry(method: CarveOutMethod): CarveOutMethodEntry<CarveOutMethod> {
  return CARVE_OUT_METHODS[method.kind];
}

/**
 * A choice column's words, from a method table: every accepted word (id, label and synonyms, lower case) to its
 * kind, and the labels in table order (what the README and the contract editor offer).
 * @example methodChoices(DEFAULT_RULES).labels // ["Percent of Medicare", "Percent of Billed"]
 */
export function methodChoices<K extends string>(table: { readonly [P in K]: MethodWords }): {
  readonly words: Readonly<Record<string, K>>;
  readonly labels: readonly string[];
} {
  const words: Record<string, K> = {};
  const kinds = Object.keys(table) as K[];
  for (const kind of kinds)
    for (const word of [kind, table[kind].label, ...table[kind].synonyms]) words[word.toLowerCase()] = kind;
  return { words, labels: kinds.map((kind) => table[kind].label) };
}

/** A version's method from the cells of its registry row (the row checks have seen to its needed cells). */
export function contractMethodOf(kind: ContractMethod["kind"], cells: ContractMethodCells): ContractMethod {
  return CONTRACT_METHODS[kind].fromCells(cells);
}

/** A version's default rule from the cells of its registry row. */
export function defaultRuleOf(method: DefaultRule["method"], cells: ContractMethodCells): DefaultRule {
  return { method, percent: needed(cells.defaultPercent, "defaultPercent") };
}

/** A carve-out's method from the cells of its row. */
export function carveOutMethodOf(kind: CarveOutMethod["kind"], cells: CarveOutMethodCells): CarveOutMethod {
  return CARVE_OUT_METHODS[kind].fromCells(cells);
}

/**
 * A contract version's method, default rule and lesser-of in words for people, as the portfolio summary shows them.
 * @example describeContractRates(version) // "115% of Medicare (MPFS_2025); lesser of billed"
 */
export function describeContractRates(version: ContractVersion): string {
  const parts = [contractMethodEntry(version.method).describe(version.method, version)];
  if (version.defaultRule !== null) parts.push(DEFAULT_RULES[version.defaultRule.method].describe(version.defaultRule));
  if (version.lesserOf) parts.push("lesser of billed");
  return parts.join("; ");
}

/**
 * What a version's method, default rule and carve-outs add to the batch pricer's key for a date, besides the
 * version and the Medicare basis (see `priceLines`).
 */
export function methodBatchKey(registry: ContractRegistry, version: ContractVersion, date: IsoDate): string {
  let key = contractMethodEntry(version.method).batchKey(version.method, registry, date);
  const rule = version.defaultRule;
  if (rule !== null) key += DEFAULT_RULES[rule.method].batchKey(rule, registry, date);
  for (const carveOut of registry.carveOutsByName.get(registryKey(version.contractName)) ?? [])
    key += carveOutMethodEntry(carveOut.method).batchKey(carveOut.method, registry, date);
  return key;
}
