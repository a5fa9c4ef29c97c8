/**
 * The tables of the portfolio summary sheet, each declared once as a named column map (see `placeColumns`): one
 * row per contract, and the roll-up by payer the charts plot. The layout (portfolioLayout.ts) writes every formula
 * through these names, never a column letter.
 */
import type { ColumnDeclaration } from "../../core/columnLetters";

/** Number formats of the summary's cells. */
export const PORTFOLIO_FORMATS = {
  money: "$#,##0.00",
  percent: "0.0%",
  count: "#,##0",
  date: "yyyy-mm-dd",
  text: "@",
  general: "General",
} as const;
const { money, percent, count, date, text, general } = PORTFOLIO_FORMATS;

/** The summary's columns, one row per contract, in order; `key` names each for the layout and the tests. */
export const PORTFOLIO_COLUMNS = [
  { key: "contract", header: "Contract", numberFormat: text, width: 170 },
  { key: "payer", header: "Payer", numberFormat: text, width: 110 },
  { key: "product", header: "Product", numberFormat: text, width: 110 },
  { key: "rateBasis", header: "Method and rate basis", numberFormat: text, width: 230 },
  { key: "lines", header: "Claim lines", numberFormat: count, width: 70 },
  { key: "revenue", header: "Current revenue", numberFormat: money, width: 100 },
  { key: "uplift", header: "Modeled uplift", numberFormat: money, width: 95 },
  { key: "upliftPercent", header: "Uplift %", numberFormat: percent, width: 60 },
  { key: "deniedLines", header: "Denied lines", numberFormat: count, width: 65 },
  { key: "ratedLines", header: "Rated lines", numberFormat: count, width: 65 },
  { key: "denialRateCount", header: "Denial rate (count)", numberFormat: percent, width: 70 },
  { key: "deniedCharges", header: "Denied charges", numberFormat: money, width: 95 },
  { key: "ratedCharges", header: "Rated charges", numberFormat: money, width: 100 },
  { key: "denialRateDollars", header: "Denial rate (dollars)", numberFormat: percent, width: 70 },
  { key: "recoverable", header: "Recoverable underpayments", numberFormat: money, width: 100 },
  { key: "underpaidLines", header: "Underpaid lines", numberFormat: count, width: 70 },
  { key: "termEnd", header: "Term end", numberFormat: date, width: 80 },
  { key: "noticeDeadline", header: "Renewal notice deadline", numberFormat: date, width: 85 },
  { key: "daysLeft", header: "Days left to notice", numberFormat: count, width: 65 },
  { key: "window", header: "Renegotiation window", numberFormat: general, width: 105 },
  { key: "autoRenew", header: "Auto-renew", numberFormat: text, width: 60 },
] as const satisfies readonly ColumnDeclaration<string>[];
/** A column of the contract rows. */
export type PortfolioKey = (typeof PORTFOLIO_COLUMNS)[number]["key"];

/**
 * The roll-up by payer below the contracts: revenue (the revenue chart's source), a spacer, then the denial rates
 * (the denial chart's source, which repeats the payer as its category column). Widths are the contract rows'.
 */
export const PAYER_ROLLUP_COLUMNS = [
  { key: "payer", header: "Payer", numberFormat: text },
  { key: "revenue", header: "Current revenue", numberFormat: money },
  { key: "uplift", header: "Modeled uplift", numberFormat: money },
  { key: "recoverable", header: "Recoverable underpayments", numberFormat: money },
  { key: "spacer", header: null, numberFormat: general },
  { key: "ratesPayer", header: "Payer", numberFormat: general },
  { key: "denialRateCount", header: "Denial rate (count)", numberFormat: percent },
  { key: "denialRateDollars", header: "Denial rate (dollars)", numberFormat: percent },
] as const satisfies readonly ColumnDeclaration<string>[];
/** A column of the roll-up by payer. */
export type PayerRollupKey = (typeof PAYER_ROLLUP_COLUMNS)[number]["key"];
