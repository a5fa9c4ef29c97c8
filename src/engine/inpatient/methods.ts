/**
 * The inpatient contract methods, declared once (issue 11's rule; the professional methods are declared the same way
 * in contracts/methods.ts): per kind its label and the words a registry cell may hold for it, the registry cells it
 * needs, how it is built from them, its words for people and its amount. The table is a mapped type over
 * `InpatientMethod["kind"]`, so a kind added there without an entry here does not compile.
 */
import { percentText } from "../cellValues";
import type { MethodWords } from "../contracts/methods";
import type { Decimal } from "../decimal";
import { dollarsOf } from "../money";
import { ok, type Result } from "../result";
import type { DrgWeightRow } from "./drgTable";
import type { InpatientIssue } from "./issues";
import { levelText, perDiemAmount } from "./perDiem";
import type { InpatientStay, LengthOfStay } from "./stay";
import type { InpatientMethod, InpatientMethodKind, InpatientTerms, PerDiemLevel } from "./terms";
import type { InpatientTraceStep } from "./traceSteps";

/** The cells of a future inpatient registry row (and its rate tables) a method may read. */
export interface InpatientMethodCells {
  /** The contracted base rate (dollars per weight 1.0) of an MS-DRG contract. */
  readonly baseRate: Decimal | null;
  readonly percent: Decimal | null;
  /** The contract's rows of the per diem rate table, grouped by level of care. */
  readonly perDiemLevels: readonly PerDiemLevel[] | null;
}

/** What a method's amount is computed from. */
export interface StayContext {
  readonly stay: InpatientStay;
  readonly terms: InpatientTerms;
  readonly lengthOfStay: LengthOfStay;
  /**
   * The stay's DRG in the weights table of its discharge date; looked up on first use only, so a stay priced per diem
   * or at a percent of charges needs no table.
   */
  readonly drgWeight: () => Result<DrgWeightRow, InpatientIssue>;
}

/** A method's amount for a stay (exact), and the steps that explain it. */
export interface MethodAmount {
  readonly amount: Decimal;
  readonly steps: readonly InpatientTraceStep[];
}

/** An inpatient method's entry, for the method `M` of its kind. */
export interface InpatientMethodEntry<M extends InpatientMethod> extends MethodWords {
  /** The cells the method needs filled, in the order their absence is reported. */
  readonly needs: readonly (keyof InpatientMethodCells)[];
  /** The method from a registry row whose needed cells are filled. */
  fromCells(cells: InpatientMethodCells): M;
  /** The method in words for people: "MS-DRG at a base rate of $10,000.00". */
  describe(method: M): string;
  /** Whether the amount is a DRG payment (base rate x weight): the payment Medicare's transfer rule reduces. */
  readonly transferReducible: boolean;
  /**
   * Whether the amount reads the stay's total charges: the batch pricer (priceStays.ts) then prices each stay on its
   * own; otherwise stays alike but for their charges share one amount before the charge terms.
   */
  readonly readsTotalCharges: boolean;
  amount(method: M, context: StayContext): Result<MethodAmount, InpatientIssue>;
}

/** Every inpatient method kind with its entry. */
export type InpatientMethodTable = {
  readonly [K in InpatientMethodKind]: InpatientMethodEntry<Extract<InpatientMethod, { kind: K }>>;
};

/** A needed cell: the registry's row checks (derived from `needs`) guarantee it, so a blank one is a bug. */
function needed<T>(value: T | null, field: string): T {
  if (value === null) throw new Error(`the ${field} cell is needed and the registry's row checks let it be blank`);
  return value;
}

const dollars = (amount: Decimal): string => `$${amount.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;

/** The inpatient methods (the future registry's Inpatient Method column), in the order the README would list them. */
export const INPATIENT_METHODS: InpatientMethodTable = {
  "ms-drg": {
    label: "MS-DRG",
    synonyms: ["drg", "ms drg", "msdrg", "drg base rate"],
    needs: ["baseRate"],
    fromCells: (cells) => ({ kind: "ms-drg", baseRate: needed(cells.baseRate, "baseRate") }),
    describe: (method) => `MS-DRG at a base rate of ${dollars(method.baseRate)}`,
    transferReducible: true,
    readsTotalCharges: false,
    amount: (method, context) => {
      const row = context.drgWeight();
      if (!row.ok) return row;
      const amount = method.baseRate.times(row.value.weight);
      return ok({ amount, steps: [{ kind: "msDrgPayment", baseRate: method.baseRate, weight: row.value.weight, amount }] }); // prettier-ignore
    },
  },
  "per diem": {
    label: "Per Diem",
    synonyms: ["per day", "perdiem"],
    needs: ["perDiemLevels"],
    fromCells: (cells) => ({ kind: "per diem", levels: needed(cells.perDiemLevels, "perDiemLevels") }),
    describe: (method) => `Per diem by level of care (${method.levels.map(levelText).join("; ")})`,
    transferReducible: false,
    readsTotalCharges: false,
    amount: (method, context) =>
      perDiemAmount(context.terms.contractName, method.levels, context.stay.revenueLines, context.lengthOfStay.days),
  },
  "percent of charges": {
    label: "Percent of Charges",
    synonyms: ["% of charges", "percent of billed", "% of billed"],
    needs: ["percent"],
    fromCells: (cells) => ({ kind: "percent of charges", percent: needed(cells.percent, "percent") }),
    describe: (method) => `${percentText(method.percent)} of total charges`,
    transferReducible: false,
    readsTotalCharges: true,
    amount: (method, context) => {
      const totalCharges = context.stay.totalCharges;
      const amount = dollarsOf(totalCharges).times(method.percent);
      return ok({ amount, steps: [{ kind: "percentOfTotalCharges", totalCharges, percent: method.percent, amount }] });
    },
  },
};

/** The entry of an inpatient method, typed for any method (each entry takes exactly its own kind). */
export function inpatientMethodEntry(method: InpatientMethod): InpatientMethodEntry<InpatientMethod> {
  return INPATIENT_METHODS[method.kind] as InpatientMethodEntry<InpatientMethod>;
}

/** An inpatient method from the cells of its registry row (the row checks have seen to its needed cells). */
export function inpatientMethodOf(kind: InpatientMethodKind, cells: InpatientMethodCells): InpatientMethod {
  return INPATIENT_METHODS[kind].fromCells(cells);
}
