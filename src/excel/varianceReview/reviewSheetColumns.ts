/**
 * The tables of the review's two sheets, each declared once as a named column map (see `placeColumns`): the
 * Summary's blocks by payer and by code, its top denial categories, and the Worklist. The layouts
 * (reviewSheets.ts) write every formula through these names, never a column letter.
 */
import type { ColumnDeclaration } from "../core/columnLetters";
import { NUMBER_FORMATS } from "../core/numberFormats";

const { money: MONEY, share: PERCENT, count: COUNT, text: TEXT } = NUMBER_FORMATS;

/** A column of the Summary's blocks. */
export type SummaryKey =
  | "key"
  | "lines"
  | "expected"
  | "allowed"
  | "variance"
  | "underpaidLines"
  | "recoverable"
  | "overpaidLines"
  | "deniedLines"
  | "denialRateCount"
  | "deniedCharges"
  | "denialRateDollars"
  | "noContractRateLines"
  | "reversedLines";

/**
 * A Summary block's columns: what it groups by (`keyHeader`: the payer or contract column, or the code), then its
 * counts, sums and rates. Its formats and widths are the Summary sheet's, column by column.
 */
export function summaryColumns(keyHeader: string): readonly ColumnDeclaration<SummaryKey>[] {
  return [
    { key: "key", header: keyHeader, numberFormat: TEXT, width: 150 },
    { key: "lines", header: "Lines", numberFormat: COUNT, width: 90 },
    { key: "expected", header: "Expected", numberFormat: MONEY, width: 90 },
    { key: "allowed", header: "Allowed", numberFormat: MONEY, width: 90 },
    { key: "variance", header: "Variance", numberFormat: MONEY, width: 90 },
    { key: "underpaidLines", header: "Underpaid Lines", numberFormat: COUNT, width: 90 },
    { key: "recoverable", header: "Recoverable", numberFormat: MONEY, width: 90 },
    { key: "overpaidLines", header: "Overpaid Lines", numberFormat: COUNT, width: 90 },
    { key: "deniedLines", header: "Denied Lines", numberFormat: COUNT, width: 90 },
    { key: "denialRateCount", header: "Denial Rate (Count)", numberFormat: PERCENT, width: 90 },
    { key: "deniedCharges", header: "Denied Charges", numberFormat: MONEY, width: 90 },
    { key: "denialRateDollars", header: "Denial Rate (Dollars)", numberFormat: PERCENT, width: 90 },
    { key: "noContractRateLines", header: "No Contract Rate Lines", numberFormat: COUNT, width: 90 },
    { key: "reversedLines", header: "Reversed Lines", numberFormat: COUNT, width: 90 },
  ];
}

/**
 * The Summary's top denial categories. No formats of its own: the Summary formats whole columns, from its blocks
 * above (`SheetLayout.columnFormats`).
 */
export const DENIAL_CATEGORY_COLUMNS = [
  { key: "category", header: "Denial Category" },
  { key: "deniedLines", header: "Denied Lines" },
  { key: "share", header: "Share of Denied Lines" },
] as const satisfies readonly ColumnDeclaration<string>[];
/** A column of the top denial categories. */
export type DenialCategoryKey = (typeof DENIAL_CATEGORY_COLUMNS)[number]["key"];

/** The Worklist's columns: one underpaid claim a row, as of the review. */
export const WORKLIST_COLUMNS = [
  { key: "claimId", header: "Claim ID", numberFormat: TEXT, width: 110 },
  { key: "payer", header: "Payer", numberFormat: TEXT, width: 150 },
  { key: "serviceDate", header: "Service Date", numberFormat: TEXT, width: 90 },
  { key: "lines", header: "Lines", numberFormat: COUNT, width: 60 },
  { key: "underpaidLines", header: "Underpaid Lines", numberFormat: COUNT, width: 90 },
  { key: "underpaidCodes", header: "Underpaid Codes", numberFormat: TEXT, width: 110 },
  { key: "flags", header: "Flags", numberFormat: TEXT, width: 140 },
  { key: "expected", header: "Expected", numberFormat: MONEY, width: 90 },
  { key: "allowed", header: "Allowed", numberFormat: MONEY, width: 90 },
  { key: "recoverable", header: "Recoverable", numberFormat: MONEY, width: 90 },
  { key: "reason", header: "Reason (largest underpaid line)", numberFormat: TEXT, width: 360 },
] as const satisfies readonly ColumnDeclaration<string>[];
/** A column of the Worklist. */
export type WorklistKey = (typeof WORKLIST_COLUMNS)[number]["key"];
