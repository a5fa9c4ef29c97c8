/**
 * The hospital contract terms tables of the column dictionary (issue 14): `InpatientTerms` and `OutpatientTerms`, one
 * row per version of a hospital contract's terms. Their method words come from the engine's method tables
 * (INPATIENT_METHODS, OUTPATIENT_METHODS, STOP_LOSS_KINDS, TRANSFER_ARITHMETIC), and the cells each method needs
 * from the methods' `needs`, so a new method is one engine entry.
 */
import { INPATIENT_METHODS, OUTPATIENT_METHODS, STOP_LOSS_KINDS } from "../../engine";
import type { Decimal, InpatientMethodCells, InpatientMethodKind, IsoDate, MethodWords } from "../../engine";
import type { OutpatientMethod, OutpatientMethodCells, StopLossKind, TransferArithmetic } from "../../engine";
import { booleanCell, dateCell, endDateCell, moneyCell, percentCell, textCell, wordsCell } from "./cellKinds";
import { column, type ColumnSpec, type RowCheck, type TableSpec } from "./columnDictionary";
import { wageIndexCell } from "./hospitalCellKinds";

export const INPATIENT_TERMS_TABLE = "InpatientTerms";
export const OUTPATIENT_TERMS_TABLE = "OutpatientTerms";
/** The rate table a Revenue Code Rates contract reads (hospitalRateTables.ts): one for every contract. */
export const REVENUE_CODE_RATES_TABLE = "RevenueCodeRates";

/** Transfer arithmetic in a cell's words: its engine id is the label users see. */
const TRANSFER_WORDS = {
  exact: { label: "Exact", synonyms: ["yes", "gmlos", "per diem"] },
  "cms pricer": { label: "CMS Pricer", synonyms: ["as cms", "cms", "pricer", "as cms's pricer rounds it"] },
} as const satisfies Record<TransferArithmetic, MethodWords>;

const inpatientMethod = wordsCell(INPATIENT_METHODS);
const outpatientMethod = wordsCell(OUTPATIENT_METHODS);
const stopLossType = wordsCell(STOP_LOSS_KINDS);
const transferReduction = wordsCell(TRANSFER_WORDS);

/** The first column of every hospital table: the contract, by its PayerContracts name. */
export const HOSPITAL_CONTRACT_COLUMN = column({
  header: "Contract Name",
  kind: textCell,
  written: "text",
  required: true,
  description: "A contract name from PayerContracts (its payer and product come from there).",
  example: "Mercy Hospital PPO",
});

/** The version dates of a terms table: versions of one contract must not overlap (checked across rows). */
const VERSION_COLUMNS = {
  effectiveStartDate: column({
    header: "Effective Start Date",
    kind: dateCell,
    written: "date",
    required: true,
    description: "First date this version prices (see the purpose for which date of a claim is compared).",
    example: "2025-01-01",
  }),
  effectiveEndDate: column({
    header: "Effective End Date",
    kind: endDateCell,
    written: "date",
    required: false,
    description: "Last date this version prices; blank = until further notice.",
    example: "2025-12-31",
  }),
};

type Problem = ReturnType<RowCheck<never>>;
type DatesRow = { readonly effectiveStartDate: IsoDate | null; readonly effectiveEndDate: IsoDate | null };

/** A version that ends before it starts prices no date at all. */
const datesInOrder: RowCheck<unknown> = (parsed) => {
  const { effectiveStartDate: start, effectiveEndDate: end } = parsed as unknown as DatesRow;
  return start === null || end === null || start <= end
    ? null
    : { column: "Effective End Date", expected: `a version ends on or after its start ${start}` };
};

/** The first needed cell the row leaves blank, by the problem each blank cell is. */
function firstBlank<F extends string>(
  needs: readonly F[],
  row: { readonly [P in F]?: unknown },
  problems: { readonly [P in F]: () => Problem },
): Problem {
  for (const field of needs) {
    const problem = row[field] === null ? problems[field]() : null;
    if (problem !== null) return problem;
  }
  return null;
}

type InpatientRow = Omit<InpatientMethodCells, "perDiemLevels"> & {
  readonly inpatientMethod: InpatientMethodKind | null;
  readonly stopLossType: StopLossKind | null;
  readonly stopLossThreshold: Decimal | null;
  readonly stopLossPercent: Decimal | null;
  readonly outlierFixedLoss: Decimal | null;
  readonly outlierPercent: Decimal | null;
};

/** `InpatientTerms`: one row per version of a hospital contract's inpatient terms. */
export const INPATIENT_TERMS_SPEC = {
  title: INPATIENT_TERMS_TABLE,
  purpose:
    "A hospital contract's inpatient terms, one row per version: PAYER.INPATIENT_PAYMENT takes the version in effect on the stay's discharge date (as CMS groups a stay by its discharge date). Case rates (InpatientCaseRates) beat the method; then the transfer reduction, the outlier, stop-loss and lesser-of apply, in that order.",
  columns: {
    contractName: HOSPITAL_CONTRACT_COLUMN,
    ...VERSION_COLUMNS,
    inpatientMethod: column({
      header: "Inpatient Method",
      kind: inpatientMethod,
      written: "text",
      required: true,
      description:
        "How a stay is priced: MS-DRG (Base Rate x the DRG's weight in MsDrgWeights for the discharge date's fiscal year), Per Diem (rows of InpatientPerDiemRates), or Percent of Charges.",
      example: "MS-DRG",
      allowed: inpatientMethod.allowed,
    }),
    baseRate: column({
      header: "Base Rate",
      kind: moneyCell,
      written: "money",
      required: false,
      description: "For MS-DRG: the contracted base rate, dollars per relative weight 1.0.",
      example: "10000.00",
    }),
    percent: column({
      header: "Percent",
      kind: percentCell,
      written: "percent",
      required: false,
      description: "For Percent of Charges: the percentage of the stay's total charges.",
      example: "55%",
    }),
    stopLossType: column({
      header: "Stop-Loss Type",
      kind: stopLossType,
      written: "text",
      required: false,
      description:
        "First dollar: above the threshold the whole stay is paid at the stop-loss percent of charges; second dollar: the charges above it are paid at the percent, added. Blank: no stop-loss.",
      example: "First-dollar stop-loss",
      allowed: stopLossType.allowed,
    }),
    stopLossThreshold: column({
      header: "Stop-Loss Threshold",
      kind: moneyCell,
      written: "money",
      required: false,
      description: "Total charges above which stop-loss applies.",
      example: "200000.00",
    }),
    stopLossPercent: column({
      header: "Stop-Loss Percent",
      kind: percentCell,
      written: "percent",
      required: false,
      description: "The percentage of charges stop-loss pays.",
      example: "50%",
    }),
    outlierFixedLoss: column({
      header: "Outlier Fixed Loss",
      kind: moneyCell,
      written: "money",
      required: false,
      description: "Outlier term: charges above the payment + this amount are paid at the outlier percent, added.",
      example: "40000.00",
    }),
    outlierPercent: column({
      header: "Outlier Percent",
      kind: percentCell,
      written: "percent",
      required: false,
      description: "The percentage of the charges above the outlier threshold.",
      example: "80%",
    }),
    transferReduction: column({
      header: "Transfer Reduction",
      kind: transferReduction,
      written: "text",
      required: false,
      description:
        "Reduce the MS-DRG payment of a transfer by Medicare's GMLOS per diem: Exact (exact arithmetic) or CMS Pricer (rounded as CMS's pricer does). Blank: never reduced.",
      example: "Exact",
      allowed: transferReduction.allowed,
    }),
    lesserOf: column({
      header: "Lesser Of",
      kind: booleanCell,
      written: "boolean",
      required: false,
      description: "Pay the lesser of the amount and the stay's total charges.",
      example: "TRUE",
    }),
  },
  checks: [
    datesInOrder,
    (parsed) => {
      const row = parsed as unknown as InpatientRow;
      if (row.inpatientMethod === null) return null;
      const { label } = INPATIENT_METHODS[row.inpatientMethod];
      return firstBlank(INPATIENT_METHODS[row.inpatientMethod].needs, row, {
        baseRate: () => ({ column: "Base Rate", expected: `${label} needs a base rate in dollars` }),
        percent: () => ({ column: "Percent", expected: `${label} needs a percentage like 55%` }),
        // Per diem rates are rows of another table: the reader checks the contract has some.
        perDiemLevels: () => null,
      });
    },
    (parsed) => {
      const row = parsed as unknown as InpatientRow;
      const type = row.stopLossType;
      if (type === null)
        return row.stopLossThreshold === null && row.stopLossPercent === null
          ? null
          : { column: "Stop-Loss Type", expected: "a stop-loss threshold or percent needs its Stop-Loss Type" };
      const { label } = STOP_LOSS_KINDS[type];
      if (row.stopLossThreshold === null)
        return { column: "Stop-Loss Threshold", expected: `${label} needs a threshold in dollars` };
      return row.stopLossPercent === null
        ? { column: "Stop-Loss Percent", expected: `${label} needs a percentage like 50%` }
        : null;
    },
    (parsed) => {
      const row = parsed as unknown as InpatientRow;
      if ((row.outlierFixedLoss === null) === (row.outlierPercent === null)) return null;
      return row.outlierFixedLoss === null
        ? { column: "Outlier Fixed Loss", expected: "an outlier percent needs its fixed loss amount" }
        : { column: "Outlier Percent", expected: "an outlier fixed loss needs its percentage" };
    },
  ],
} satisfies TableSpec<Readonly<Record<string, ColumnSpec>>>;

/** Whether a method prices by Medicare OPPS (OppsRates), whose APC payments are adjusted by the hospital's wage index. */
export const PRICED_BY_OPPS = {
  "percent of opps": true,
  "revenue code rates": false,
  "percent of charges": false,
} as const satisfies Record<OutpatientMethod["kind"], boolean>;

type OutpatientRow = Omit<OutpatientMethodCells, "rateTable"> & {
  readonly outpatientMethod: OutpatientMethod["kind"] | null;
  readonly wageIndex: Decimal | null;
};

/** `OutpatientTerms`: one row per version of a hospital contract's outpatient terms. */
export const OUTPATIENT_TERMS_SPEC = {
  title: OUTPATIENT_TERMS_TABLE,
  purpose:
    "A hospital contract's outpatient terms, one row per version: PAYER.OUTPATIENT_PAYMENT prices each claim as a whole under the version in effect on the claim's first date of service. Carve-outs (InstitutionalCarveOuts) beat the method; lesser-of applies per line.",
  columns: {
    contractName: HOSPITAL_CONTRACT_COLUMN,
    ...VERSION_COLUMNS,
    outpatientMethod: column({
      header: "Outpatient Method",
      kind: outpatientMethod,
      written: "text",
      required: true,
      description:
        "How claim lines are priced: Percent of OPPS (Addendum B rate in OppsRates x (0.60 x Wage Index + 0.40) x Percent, with OPPS packaging and discounting), Revenue Code Rates (rows of RevenueCodeRates), or Percent of Charges.",
      example: "Percent of OPPS",
      allowed: outpatientMethod.allowed,
    }),
    percent: column({
      header: "Percent",
      kind: percentCell,
      written: "percent",
      required: false,
      description: "For Percent of OPPS and Percent of Charges: the percentage.",
      example: "150%",
    }),
    wageIndex: column({
      header: "Wage Index",
      kind: wageIndexCell,
      written: "number",
      required: false,
      description: "For Percent of OPPS: the hospital's CBSA wage index.",
      example: "0.8732",
    }),
    lesserOf: column({
      header: "Lesser Of",
      kind: booleanCell,
      written: "boolean",
      required: false,
      description: "Pay each line the lesser of its amount and its charge.",
      example: "TRUE",
    }),
  },
  checks: [
    datesInOrder,
    (parsed) => {
      const row = parsed as unknown as OutpatientRow;
      if (row.outpatientMethod === null) return null;
      const { label } = OUTPATIENT_METHODS[row.outpatientMethod];
      const blank = firstBlank(OUTPATIENT_METHODS[row.outpatientMethod].needs, row, {
        percent: () => ({ column: "Percent", expected: `${label} needs a percentage like 150%` }),
        // The rate table is RevenueCodeRates for every contract: the reader checks the contract has rows there.
        rateTable: () => null,
      });
      if (blank !== null || !PRICED_BY_OPPS[row.outpatientMethod] || row.wageIndex !== null) return blank;
      return { column: "Wage Index", expected: `${label} needs the hospital's wage index like 0.8732` };
    },
  ],
} satisfies TableSpec<Readonly<Record<string, ColumnSpec>>>;
