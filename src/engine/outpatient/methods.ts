/**
 * The outpatient methods of hospital contracts, declared once (issue 11 "one declaration per concept"; DOMAIN.md
 * 3.1, 2.8): per kind its label and the words a registry cell may hold for it, the registry cells it needs, how it is
 * built from them, its words for people, and the amounts of a claim's lines. The table is a mapped type over
 * `OutpatientMethod["kind"]`, so a new kind without an entry does not compile.
 */
import { percentText } from "../cellValues";
import type { MethodWords } from "../contracts/methods";
import type { Decimal } from "../decimal";
import { dollarsOf } from "../money";
import { fail, ok } from "../result";
import { oppsClaimAmounts, type MethodLineAmount } from "./oppsClaim";
import { revenueCodeRateAmounts } from "./revenueCodeRates";
import type { OppsPricingData, OutpatientLine, OutpatientMethod, OutpatientTerms } from "./types";

/** The cells of a hospital contract's registry row an outpatient method may read. */
export interface OutpatientMethodCells {
  readonly percent: Decimal | null;
  /** The name of the revenue code rate table. */
  readonly rateTable: string | null;
}

/** What a method's amounts read besides the lines: the contract's terms and the Medicare OPPS data. */
export interface OutpatientMethodContext {
  readonly claimId: string;
  readonly terms: OutpatientTerms;
  readonly opps: OppsPricingData;
}

/** An outpatient method's entry, for the method `M` of its kind. */
export interface OutpatientMethodEntry<M extends OutpatientMethod> extends MethodWords {
  /** The cells the method needs filled, in the order their absence is reported. */
  readonly needs: readonly (keyof OutpatientMethodCells)[];
  /** Whether its amounts read the lines' charges (claims alike but for their charges then differ in amount). */
  readonly readsCharges: boolean;
  /**
   * Whether its amounts depend on the order of the claim's lines: a per-visit rate is paid on the visit's first line.
   * Percent of OPPS breaks its ties by what the lines are (`compareOutpatientLines`), so claims holding the same lines
   * in any order price alike.
   */
  readonly readsLineOrder: boolean;
  /** The method from a registry row; null when a needed cell is blank. */
  fromCells(cells: OutpatientMethodCells): M | null;
  /** The method in words for people and the trace: "150% of Medicare OPPS". */
  describe(method: M): string;
  /**
   * The exact amounts of one claim's lines priced by the method (carve-out lines taken out), in the order given:
   * OPPS and per-visit rates read the claim's other lines.
   */
  amounts(method: M, lines: readonly OutpatientLine[], context: OutpatientMethodContext): MethodLineAmount[];
}

/** Every outpatient method kind, each with its entry. */
export type OutpatientMethodTable = {
  readonly [K in OutpatientMethod["kind"]]: OutpatientMethodEntry<Extract<OutpatientMethod, { kind: K }>>;
};

/** The outpatient methods, in the order the README and the contract editor will list them. */
export const OUTPATIENT_METHODS: OutpatientMethodTable = {
  "percent of opps": {
    label: "Percent of OPPS",
    synonyms: ["% of opps", "percent of medicare opps", "% of medicare opps", "apc"],
    needs: ["percent"],
    readsCharges: false,
    readsLineOrder: false,
    fromCells: (cells) => (cells.percent === null ? null : { kind: "percent of opps", percent: cells.percent }),
    describe: (method) => `${percentText(method.percent)} of Medicare OPPS`,
    amounts: (method, lines, context) => oppsClaimAmounts(lines, method.percent, context.opps, context.claimId),
  },
  "revenue code rates": {
    label: "Revenue Code Rates",
    synonyms: ["revenue code rate", "rev code rates"],
    needs: ["rateTable"],
    readsCharges: false,
    readsLineOrder: true,
    fromCells: (cells) =>
      cells.rateTable === null ? null : { kind: "revenue code rates", rateTableName: cells.rateTable },
    describe: (method) => `revenue code rates (${method.rateTableName})`,
    amounts: (method, lines, context) =>
      revenueCodeRateAmounts(lines, context.terms.revenueCodeRates, context.terms.contractName, method.rateTableName),
  },
  "percent of charges": {
    label: "Percent of Charges",
    synonyms: ["% of charges", "percent of billed", "% of billed"],
    needs: ["percent"],
    readsCharges: true,
    readsLineOrder: false,
    fromCells: (cells) => (cells.percent === null ? null : { kind: "percent of charges", percent: cells.percent }),
    describe: (method) => `${percentText(method.percent)} of charges`,
    amounts: (method, lines, context) =>
      lines.map((line): MethodLineAmount => {
        if (line.chargeAmount === null)
          return { steps: [], result: fail({ code: "chargeAmountRequired", contractName: context.terms.contractName, basis: "a percent of charges" }) }; // prettier-ignore
        const amount = dollarsOf(line.chargeAmount).times(method.percent);
        const steps = [{ kind: "chargeTimesPercent", chargeAmount: line.chargeAmount, percent: method.percent, amount } as const]; // prettier-ignore
        return { steps, result: ok(amount) };
      }),
  },
};

/** The entry of an outpatient method, typed for any method (each entry takes exactly its own kind). */
export function outpatientMethodEntry(method: OutpatientMethod): OutpatientMethodEntry<OutpatientMethod> {
  return OUTPATIENT_METHODS[method.kind] as OutpatientMethodEntry<OutpatientMethod>;
}

/** An outpatient method in words: "150% of Medicare OPPS". */
export function outpatientMethodText(method: OutpatientMethod): string {
  return outpatientMethodEntry(method).describe(method);
}
