/**
 * The tables of the Contract Performance sheet, each declared once as a named column map (see `placeColumns`): the
 * inputs (a clean-claim window per contract), the monthly figures, and the trend blocks the charts draw. The layout
 * writes every formula through these names, never a column letter.
 */
import type { ColumnDeclaration } from "../core/columnLetters";
import { NUMBER_FORMATS } from "../core/numberFormats";

const { money: MONEY, share: SHARE, count: COUNT, text: TEXT, general: GENERAL } = NUMBER_FORMATS;
/** A structured reference to a table's column: `Claims[Paid Date]`, with the characters Excel escapes escaped. */
export const tableColumnRef = (tableName: string, column: string): string =>
  `${tableName}[${column.replace(/(['#[\]])/g, "'$1")}]`;

/** A month is written as its first day and shown as its month. */
export const MONTH_FORMAT = "yyyy-mm";
const DAYS = "0.0";

/** The inputs block: one row per contract, its clean-claim payment window (days) to edit. */
export const WINDOW_COLUMNS = [
  { key: "contract", header: "Contract", numberFormat: TEXT },
  { key: "payer", header: "Payer", numberFormat: TEXT },
  { key: "product", header: "Product", numberFormat: TEXT },
  { key: "window", header: "Clean-Claim Window (Days)", numberFormat: GENERAL },
] as const satisfies readonly ColumnDeclaration<string>[];
/** A column of the inputs block. */
export type WindowKey = (typeof WINDOW_COLUMNS)[number]["key"];

/** A column of the monthly figures (before the per-category denial counts that follow them). */
export type MonthlyKey =
  | "contract"
  | "payer"
  | "product"
  | "month"
  | "lines"
  | "expected"
  | "allowed"
  | "paid"
  | "modeled"
  | "signedAllowed"
  | "modeledGap"
  | "modeledGapShare"
  | "accuracy"
  | "underpaymentRate"
  | "deniedLines"
  | "deniedCharges"
  | "submittedLines"
  | "denialRateCount"
  | "submittedCharges"
  | "denialRateDollars"
  | "topCategory"
  | "medianDays"
  | "p90Days"
  | "window"
  | "denialSpike"
  | "daysSpike";

/** The monthly figures' columns, in sheet order. */
export const MONTHLY_COLUMNS: readonly ColumnDeclaration<MonthlyKey>[] = [
  { key: "contract", header: "Contract", numberFormat: TEXT, width: 150 },
  { key: "payer", header: "Payer", numberFormat: TEXT, width: 110 },
  { key: "product", header: "Product", numberFormat: TEXT, width: 110 },
  { key: "month", header: "Month", numberFormat: MONTH_FORMAT, width: 70 },
  { key: "lines", header: "Lines", numberFormat: COUNT, width: 60 },
  { key: "expected", header: "Expected", numberFormat: MONEY, width: 90 },
  { key: "allowed", header: "Allowed", numberFormat: MONEY, width: 90 },
  { key: "paid", header: "Paid", numberFormat: MONEY, width: 90 },
  // Blank for a contract without a signed proposal, and for months before its effective date.
  { key: "modeled", header: "Modeled by Signed Proposal", numberFormat: MONEY, width: 100 },
  { key: "signedAllowed", header: "Allowed Under Signed Rates", numberFormat: MONEY, width: 100 },
  { key: "modeledGap", header: "Gap vs Modeled", numberFormat: MONEY, width: 90 },
  { key: "modeledGapShare", header: "Gap vs Modeled %", numberFormat: SHARE, width: 80 },
  { key: "accuracy", header: "Payment Accuracy", numberFormat: SHARE, width: 80 },
  { key: "underpaymentRate", header: "Underpayment Rate", numberFormat: SHARE, width: 90 },
  { key: "deniedLines", header: "Initial Denied Lines", numberFormat: COUNT, width: 80 },
  { key: "deniedCharges", header: "Initial Denied Charges", numberFormat: MONEY, width: 90 },
  { key: "submittedLines", header: "Lines Submitted (3-Month Average)", numberFormat: "#,##0.0", width: 100 },
  { key: "denialRateCount", header: "Initial Denial Rate (Count)", numberFormat: SHARE, width: 90 },
  { key: "submittedCharges", header: "Charges Submitted (3-Month Average)", numberFormat: MONEY, width: 110 },
  { key: "denialRateDollars", header: "Initial Denial Rate (Dollars)", numberFormat: SHARE, width: 90 },
  { key: "topCategory", header: "Top Denial Category", numberFormat: GENERAL, width: 160 },
  { key: "medianDays", header: "Median Days to Pay", numberFormat: DAYS, width: 80 },
  { key: "p90Days", header: "90th Percentile Days to Pay", numberFormat: DAYS, width: 90 },
  { key: "window", header: "Clean-Claim Window (Days)", numberFormat: GENERAL, width: 90 },
  { key: "denialSpike", header: "Denial Spike", numberFormat: GENERAL, width: 70 },
  { key: "daysSpike", header: "Days-to-Pay Spike", numberFormat: GENERAL, width: 80 },
];

/** The width of each per-category denial count column after the monthly figures. */
export const CATEGORY_COLUMN_WIDTH = 100;
/** Number format of the per-category counts. */
export const CATEGORY_FORMAT = COUNT;

/** The signed proposals block: one row per contract with an Accepted proposal that has an effective date. */
export const SIGNED_COLUMNS = [
  { key: "contract", header: "Contract", numberFormat: TEXT },
  { key: "proposal", header: "Signed Proposal", numberFormat: TEXT },
  { key: "effective", header: "Effective Date", numberFormat: "yyyy-mm-dd" },
  { key: "other", header: "Uplift on Other Codes", numberFormat: SHARE },
  { key: "appliesTo", header: "Uplift Applies To", numberFormat: TEXT },
] as const satisfies readonly ColumnDeclaration<string>[];
/** A column of the signed proposals block. */
export type SignedKey = (typeof SIGNED_COLUMNS)[number]["key"];

/**
 * The codes with their own uplift, by signed contract: each code's uplift, then one column per month of the code's
 * added modeled dollars beyond the other codes' uplift (the months follow these columns).
 */
export const SIGNED_CODE_COLUMNS = [
  { key: "contract", header: "Contract", numberFormat: TEXT },
  { key: "code", header: "HCPCS Code", numberFormat: TEXT },
  { key: "uplift", header: "Uplift", numberFormat: SHARE },
] as const satisfies readonly ColumnDeclaration<string>[];

/** The days in A/R block: one row per contract, the balances the user enters, the period's figures and both KPIs. */
export const AR_COLUMNS = [
  { key: "contract", header: "Contract", numberFormat: TEXT },
  { key: "arBalance", header: "A/R Balance", numberFormat: MONEY },
  { key: "credits", header: "Credit Balances", numberFormat: MONEY },
  { key: "netAr", header: "Net A/R", numberFormat: MONEY },
  { key: "charges", header: "Gross Charges in Period", numberFormat: MONEY },
  { key: "revenue", header: "Net Revenue in Period", numberFormat: MONEY },
  { key: "aafp", header: "Days in A/R (AAFP)", numberFormat: DAYS },
  { key: "map", header: "Net Days in A/R (MAP)", numberFormat: DAYS },
] as const satisfies readonly ColumnDeclaration<string>[];
/** A column of the days in A/R block. */
export type ArKey = (typeof AR_COLUMNS)[number]["key"];
/** The A/R columns the user types, read back by a rebuild. */
export const AR_INPUT_KEYS = ["arBalance", "credits", "netAr"] as const satisfies readonly ArKey[];
