/**
 * The rate tables of hospital contracts (issue 14) and the CMS tables they price against, in the column dictionary:
 * `InpatientCaseRates`, `InpatientPerDiemRates`, `RevenueCodeRates`, `InstitutionalCarveOuts`, `MsDrgWeights` and
 * `OppsRates`. Choice words come from the engine's declaration tables (rate bases, carve-out code kinds and methods).
 */
import { INSTITUTIONAL_CARVE_OUT_METHODS, INSTITUTIONAL_CODE_MATCHES, REVENUE_CODE_RATE_BASES } from "../../engine";
import type { Decimal, InstitutionalCarveOutMethod, InstitutionalCodeMatch } from "../../engine";
import type { RevenueCode } from "../../engine";
import { codeCell, dateCell, moneyCell, percentCell, textCell, wordsCell } from "./cellKinds";
import { column, type ColumnSpec, type RowCheck, type TableSpec } from "./columnDictionary";
import { apcCell, dayCell, drgCell, fiscalYearCell, meanStayCell, relativeWeightCell } from "./hospitalCellKinds";
import { revenueCodeCell, statusIndicatorCell, yesNoCell } from "./hospitalCellKinds";
import { HOSPITAL_CONTRACT_COLUMN, REVENUE_CODE_RATES_TABLE } from "./hospitalTermsTables";

export const INPATIENT_CASE_RATES_TABLE = "InpatientCaseRates";
export const INPATIENT_PER_DIEM_RATES_TABLE = "InpatientPerDiemRates";
export const INSTITUTIONAL_CARVE_OUTS_TABLE = "InstitutionalCarveOuts";
export const MS_DRG_WEIGHTS_TABLE = "MsDrgWeights";
export const OPPS_RATES_TABLE = "OppsRates";
export { REVENUE_CODE_RATES_TABLE };

const rateBasis = wordsCell(REVENUE_CODE_RATE_BASES);
const codeType = wordsCell(INSTITUTIONAL_CODE_MATCHES);
const carveOutMethod = wordsCell(INSTITUTIONAL_CARVE_OUT_METHODS);

/** A revenue code range's two columns: From required, To blank for From alone. */
const revenueRange = (what: string) => ({
  revenueCodeFrom: column({
    header: "Revenue Code From",
    kind: revenueCodeCell,
    written: "text",
    required: true,
    description: `The revenue code, or the first of the range, ${what}.`,
    example: "0110",
  }),
  revenueCodeTo: column({
    header: "Revenue Code To",
    kind: revenueCodeCell,
    written: "text",
    required: false,
    description: "The last revenue code of the range; blank = the From code alone.",
    example: "0159",
  }),
});

type RangeRow = { readonly revenueCodeFrom: RevenueCode | null; readonly revenueCodeTo: RevenueCode | null };
/** A reversed revenue code range covers no code. */
const rangeInOrder: RowCheck<unknown> = (parsed) => {
  const { revenueCodeFrom: from, revenueCodeTo: to } = parsed as unknown as RangeRow;
  return from === null || to === null || from <= to
    ? null
    : { column: "Revenue Code To", expected: `a range ends at or after its first code ${from}` };
};

/** `InpatientCaseRates`: DRGs a contract pays a fixed amount for, instead of its inpatient method. */
export const INPATIENT_CASE_RATES_SPEC = {
  title: INPATIENT_CASE_RATES_TABLE,
  purpose:
    "MS-DRGs a hospital contract pays a fixed amount per stay, in every version of its inpatient terms: a case rate beats the Inpatient Method (a per diem or MS-DRG payment).",
  columns: {
    contractName: HOSPITAL_CONTRACT_COLUMN,
    drg: column({
      header: "MS-DRG",
      kind: drgCell,
      written: "text",
      required: true,
      description: "The DRG of the stay.",
      example: "470",
    }),
    rate: column({
      header: "Rate",
      kind: moneyCell,
      written: "money",
      required: true,
      description: "The amount of the stay.",
      example: "20000.00",
    }),
  },
} satisfies TableSpec<Readonly<Record<string, ColumnSpec>>>;

type TierRow = { readonly fromDay: number | null; readonly toDay: number | null };

/** `InpatientPerDiemRates`: a per diem contract's rates by level of care and day tier. */
export const INPATIENT_PER_DIEM_RATES_SPEC = {
  title: INPATIENT_PER_DIEM_RATES_TABLE,
  purpose:
    "The day rates of a Per Diem contract, in every version of its inpatient terms: one row per level of care and day tier. A level's tiers run from day 1, each the day after the previous, the last open (To Day blank). A stay's days at a level are the units of its room-and-board revenue lines in the level's range; PAYER.INPATIENT_PAYMENT takes no revenue lines, so it prices a contract of one level only (every day of the stay at that level).",
  columns: {
    contractName: HOSPITAL_CONTRACT_COLUMN,
    levelOfCare: column({
      header: "Level of Care",
      kind: textCell,
      written: "text",
      required: true,
      description: "The level's name; its rows share the revenue code range.",
      example: "Medical/Surgical",
    }),
    ...revenueRange("of the level's room-and-board lines"),
    fromDay: column({
      header: "From Day",
      kind: dayCell,
      written: "number",
      required: true,
      description: "The first day of the tier, counted from 1 at the level.",
      example: "1",
    }),
    toDay: column({
      header: "To Day",
      kind: dayCell,
      written: "number",
      required: false,
      description: "The last day of the tier; blank = that day and every later one.",
      example: "3",
    }),
    rate: column({
      header: "Rate",
      kind: moneyCell,
      written: "money",
      required: true,
      description: "Dollars per day of the tier.",
      example: "2000.00",
    }),
  },
  checks: [
    rangeInOrder,
    (parsed) => {
      const { fromDay, toDay } = parsed as unknown as TierRow;
      return fromDay === null || toDay === null || fromDay <= toDay
        ? null
        : { column: "To Day", expected: `a tier ends on or after its From Day ${fromDay}` };
    },
  ],
} satisfies TableSpec<Readonly<Record<string, ColumnSpec>>>;

/** `RevenueCodeRates`: the rates of a Revenue Code Rates contract. */
export const REVENUE_CODE_RATES_SPEC = {
  title: REVENUE_CODE_RATES_TABLE,
  purpose:
    "The rates of a contract whose Outpatient Method is Revenue Code Rates, in every version of its outpatient terms: a row for a single code beats a range, and among ranges the first row wins.",
  columns: {
    contractName: HOSPITAL_CONTRACT_COLUMN,
    ...revenueRange("the rate pays"),
    rate: column({
      header: "Rate",
      kind: moneyCell,
      written: "money",
      required: true,
      description: "Dollars per unit or per visit.",
      example: "450.00",
    }),
    basis: column({
      header: "Basis",
      kind: rateBasis,
      written: "text",
      required: false,
      description: "Per Unit (blank): rate x units; Per Visit: once per claim and date of service.",
      example: "Per Visit",
      allowed: rateBasis.allowed,
    }),
  },
  checks: [rangeInOrder],
} satisfies TableSpec<Readonly<Record<string, ColumnSpec>>>;

/** The codes each carve-out code kind expects, for the message of a bad range. */
const CODES_EXPECTED = {
  "revenue code": "4-digit revenue codes like 0278, the range not reversed",
  "hcpcs code": "HCPCS codes of one kind like J0120 to J9999, the range not reversed",
} as const satisfies Record<InstitutionalCodeMatch["kind"], string>;

type CarveOutRow = {
  readonly contractName: string | null;
  readonly codeType: InstitutionalCodeMatch["kind"] | null;
  readonly codeFrom: string | null;
  readonly codeTo: string | null;
  readonly method: InstitutionalCarveOutMethod["kind"] | null;
  readonly rate: Decimal | null;
  readonly percent: Decimal | null;
  readonly rowNumber: number;
};

/** `InstitutionalCarveOuts`: revenue codes or HCPCS codes a hospital contract pays apart from its method. */
export const INSTITUTIONAL_CARVE_OUTS_SPEC = {
  title: INSTITUTIONAL_CARVE_OUTS_TABLE,
  purpose:
    "Codes a hospital contract pays apart from its Outpatient Method, in every version of its outpatient terms (e.g. implants, revenue code 0278, at a percent of charges). Among carve-outs covering a line, a single HCPCS code beats a HCPCS range, which beats a single revenue code, then a revenue code range.",
  columns: {
    contractName: HOSPITAL_CONTRACT_COLUMN,
    codeType: column({
      header: "Code Type",
      kind: codeType,
      written: "text",
      required: true,
      description: "Which code of the line the carve-out matches.",
      example: "Revenue Code",
      allowed: codeType.allowed,
    }),
    codeFrom: column({
      header: "Code From",
      kind: textCell,
      written: "text",
      required: true,
      description: "The code, or the first code of the range.",
      example: "0278",
    }),
    codeTo: column({
      header: "Code To",
      kind: textCell,
      written: "text",
      required: false,
      description: "The last code of the range; blank = the From code alone.",
      example: "0278",
    }),
    method: column({
      header: "Method",
      kind: carveOutMethod,
      written: "text",
      required: true,
      description: "How the carved-out lines are paid.",
      example: "Percent of Charges",
      allowed: carveOutMethod.allowed,
    }),
    rate: column({
      header: "Rate",
      kind: moneyCell,
      written: "money",
      required: false,
      description: "For Rate per Unit: dollars per unit.",
      example: "125.00",
    }),
    percent: column({
      header: "Percent",
      kind: percentCell,
      written: "percent",
      required: false,
      description: "For Percent of Charges: the percentage of the line's charge.",
      example: "40%",
    }),
  },
  checks: [
    (parsed) => {
      const row = parsed as unknown as CarveOutRow;
      if (row.codeType === null || row.codeFrom === null) return null;
      const entry = INSTITUTIONAL_CODE_MATCHES[row.codeType];
      const place = { contractName: row.contractName ?? "", rowNumber: row.rowNumber };
      const expected = `a ${entry.label} carve-out takes ${CODES_EXPECTED[row.codeType]}`;
      if (!entry.fromCells(row.codeFrom, null, place).ok) return { column: "Code From", expected };
      return entry.fromCells(row.codeFrom, row.codeTo, place).ok ? null : { column: "Code To", expected };
    },
    (parsed) => {
      const row = parsed as unknown as CarveOutRow;
      if (row.method === null) return null;
      const entry = INSTITUTIONAL_CARVE_OUT_METHODS[row.method];
      const blank = entry.needs.find((field) => row[field] === null);
      const problems = {
        rate: { column: "Rate", expected: `${entry.label} needs a rate in dollars` },
        percent: { column: "Percent", expected: `${entry.label} needs a percentage like 40%` },
      } as const satisfies Record<(typeof entry.needs)[number], object>;
      return blank === undefined ? null : problems[blank];
    },
  ],
} satisfies TableSpec<Readonly<Record<string, ColumnSpec>>>;

/** `MsDrgWeights`: CMS's MS-DRG weights, every imported fiscal year in one table. */
export const MS_DRG_WEIGHTS_SPEC = {
  title: MS_DRG_WEIGHTS_TABLE,
  purpose:
    "CMS's MS-DRG relative weights (IPPS Table 5), one row per DRG and fiscal year, every imported year in the table. A stay is weighted with the fiscal year of its discharge date (FY2026 = 2025-10-01 to 2026-09-30).",
  columns: {
    drg: column({
      header: "MS-DRG",
      kind: drgCell,
      written: "text",
      required: true,
      description: "The DRG.",
      example: "470",
    }),
    fiscalYear: column({
      header: "Fiscal Year",
      kind: fiscalYearCell,
      written: "number",
      required: true,
      description: "The federal fiscal year of the weights.",
      example: "2026",
    }),
    weight: column({
      header: "Weight",
      kind: relativeWeightCell,
      written: "number",
      required: true,
      description: "The relative weight.",
      example: "1.9289",
    }),
    gmlos: column({
      header: "GMLOS",
      kind: meanStayCell,
      written: "number",
      required: true,
      description: "Geometric mean length of stay: the transfer per diem divides by it.",
      example: "1.9",
    }),
    amlos: column({
      header: "AMLOS",
      kind: meanStayCell,
      written: "number",
      required: false,
      description: "Arithmetic mean length of stay.",
      example: "2.1",
    }),
    postAcute: column({
      header: "Post-Acute",
      kind: yesNoCell,
      written: "text",
      required: false,
      description: "On CMS's post-acute care transfer list (blank = N).",
      example: "Y",
    }),
    specialPay: column({
      header: "Special Pay",
      kind: yesNoCell,
      written: "text",
      required: false,
      description: "A special pay DRG of the post-acute transfer policy (blank = N).",
      example: "N",
    }),
    description: column({
      header: "Description",
      kind: textCell,
      written: "text",
      required: false,
      description: "CMS's title of the DRG.",
      example: "MAJOR HIP AND KNEE JOINT REPLACEMENT OR REATTACHMENT OF LOWER EXTREMITY WITHOUT MCC",
    }),
  },
} satisfies TableSpec<Readonly<Record<string, ColumnSpec>>>;

/** `OppsRates`: CMS's OPPS Addendum B, every imported quarter in one table. */
export const OPPS_RATES_SPEC = {
  title: OPPS_RATES_TABLE,
  purpose:
    "CMS's OPPS Addendum B, one row per HCPCS code and quarter, every imported quarter in the table. A line is priced with the latest quarter starting on or before its date of service, within that calendar year.",
  columns: {
    hcpcsCode: column({
      header: "HCPCS Code",
      kind: codeCell,
      written: "text",
      required: true,
      description: "The code.",
      example: "27447",
    }),
    effectiveStartDate: column({
      header: "Effective Start Date",
      kind: dateCell,
      written: "date",
      required: true,
      description: "The first day of the quarter of the Addendum B.",
      example: "2025-01-01",
    }),
    statusIndicator: column({
      header: "Status Indicator",
      kind: statusIndicatorCell,
      written: "text",
      required: true,
      description: "The OPPS payment status indicator.",
      example: "J1",
    }),
    apc: column({
      header: "APC",
      kind: apcCell,
      written: "text",
      required: false,
      description: "The APC; blank for codes without one.",
      example: "5115",
    }),
    relativeWeight: column({
      header: "Relative Weight",
      kind: relativeWeightCell,
      written: "number",
      required: false,
      description: "The APC relative weight.",
      example: "136.6542",
    }),
    paymentRate: column({
      header: "Payment Rate",
      kind: moneyCell,
      written: "money",
      required: false,
      description: "The national unadjusted payment rate in dollars.",
      example: "12866.82",
    }),
  },
} satisfies TableSpec<Readonly<Record<string, ColumnSpec>>>;
