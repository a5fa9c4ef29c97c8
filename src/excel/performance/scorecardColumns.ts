/**
 * The tables of the Contract Performance sheet's cost and scorecard block (issue 15 item 4), each declared once as a
 * named column map: the cost inputs (label, value, source), the prompt-pay rule table, and the scorecard, one row per
 * contract and one for the portfolio. The layout writes every formula through these names, never a column letter.
 */
import type { CostAssumptions, ScoreMeasure } from "../../engine";
import type { ColumnDeclaration } from "../core/columnLetters";
import { NUMBER_FORMATS } from "../core/numberFormats";

const { money: MONEY, share: SHARE, count: COUNT, text: TEXT, general: GENERAL } = NUMBER_FORMATS;
const DAYS = "0.0";
const DATE = "yyyy-mm-dd";

/** An input of the block, in sheet order: column A its label, column B its value, column C its source. */
export type CostInputKey =
  | keyof CostAssumptions
  | "promptPayState"
  | "windowDays"
  | "dayKind"
  | "interestPerYear"
  | "asOf"
  | `weight.${ScoreMeasure}`;

/** An input: its label (found again by a rebuild, see earlierInputs.ts), its value's format, and whether the user
 * types it (shaded) or it is a formula over the rule table. */
interface CostInput {
  readonly label: string;
  readonly format: string;
  readonly typed: boolean;
}

/** The inputs of the block, in sheet order. */
export const COST_INPUTS = {
  reworkCostPerDenial: { label: "Rework cost per denied line", format: MONEY, typed: true },
  appealCostPerAppeal: { label: "Appeal cost per appealed denial", format: MONEY, typed: true },
  shareOfDenialsAppealed: { label: "Share of denials appealed", format: SHARE, typed: true },
  costPerPriorAuthorization: { label: "Cost per prior authorization", format: MONEY, typed: true },
  costOfCapitalPerYear: { label: "Cost of capital per year", format: SHARE, typed: true },
  promptPayState: { label: "Prompt-pay rule (state)", format: TEXT, typed: true },
  windowDays: { label: "Prompt-pay window (days)", format: GENERAL, typed: false },
  dayKind: { label: "Prompt-pay days counted", format: GENERAL, typed: false },
  interestPerYear: { label: "Prompt-pay interest per year", format: SHARE, typed: false },
  asOf: { label: "Renewal windows as of", format: DATE, typed: true },
  "weight.underpayment": { label: "Score weight: underpayment rate", format: SHARE, typed: true },
  "weight.denials": { label: "Score weight: denial rate", format: SHARE, typed: true },
  "weight.daysToPay": { label: "Score weight: median days to pay", format: SHARE, typed: true },
  "weight.burden": { label: "Score weight: burden % of allowed", format: SHARE, typed: true },
} as const satisfies Record<CostInputKey, CostInput>;

/** The prompt-pay rule table, one row per declared rule; the state input picks a row by its code. */
export const RULE_COLUMNS = [
  { key: "code", header: "Rule", numberFormat: TEXT },
  { key: "label", header: "Applies to", numberFormat: TEXT },
  { key: "days", header: "Window (Days)", numberFormat: GENERAL },
  { key: "dayKind", header: "Days Counted", numberFormat: TEXT },
  { key: "rate", header: "Interest per Year", numberFormat: SHARE },
  { key: "statedAs", header: "As the Rule States It", numberFormat: TEXT },
] as const satisfies readonly ColumnDeclaration<string>[];
/** A column of the rule table. */
export type RuleKey = (typeof RULE_COLUMNS)[number]["key"];

/** A column of the scorecard. */
export type ScoreKey =
  | "contract"
  | "rank"
  | "lines"
  | "deniedLines"
  | "denialRate"
  | "expected"
  | "allowed"
  | "underpaymentRate"
  | "paid"
  | "medianDays"
  | "rework"
  | "appeal"
  | "priorAuthorizations"
  | "priorAuthorizationCost"
  | "carrying"
  | "burden"
  | "burdenRate"
  | "netEffective"
  | "netEffectiveRate"
  | "percentOfMedicare"
  | "lateLines"
  | "interest"
  | `part.${ScoreMeasure}`
  | "score"
  | "reason"
  | "termEnd"
  | "notice"
  | "renewal";

/** The scorecard's columns, in sheet order. */
export const SCORE_COLUMNS: readonly ColumnDeclaration<ScoreKey>[] = [
  { key: "contract", header: "Contract", numberFormat: TEXT },
  { key: "rank", header: "Renegotiation Rank", numberFormat: COUNT },
  { key: "lines", header: "Lines", numberFormat: COUNT },
  { key: "deniedLines", header: "Denied Lines", numberFormat: COUNT },
  { key: "denialRate", header: "Denial Rate", numberFormat: SHARE },
  { key: "expected", header: "Expected", numberFormat: MONEY },
  { key: "allowed", header: "Allowed", numberFormat: MONEY },
  { key: "underpaymentRate", header: "Underpayment Rate", numberFormat: SHARE },
  { key: "paid", header: "Paid", numberFormat: MONEY },
  { key: "medianDays", header: "Median Days to Pay", numberFormat: DAYS },
  { key: "rework", header: "Rework Cost", numberFormat: MONEY },
  { key: "appeal", header: "Appeal Cost", numberFormat: MONEY },
  { key: "priorAuthorizations", header: "Prior Authorizations", numberFormat: COUNT },
  { key: "priorAuthorizationCost", header: "Prior Authorization Cost", numberFormat: MONEY },
  { key: "carrying", header: "Carrying Cost of Days to Pay", numberFormat: MONEY },
  { key: "burden", header: "Administrative Burden", numberFormat: MONEY },
  { key: "burdenRate", header: "Burden % of Allowed", numberFormat: SHARE },
  { key: "netEffective", header: "Net Effective (Allowed - Burden)", numberFormat: MONEY },
  { key: "netEffectiveRate", header: "Net Effective Rate", numberFormat: SHARE },
  { key: "percentOfMedicare", header: "Net Effective % of Medicare", numberFormat: SHARE },
  { key: "lateLines", header: "Lines Paid Late (Prompt Pay)", numberFormat: COUNT },
  { key: "interest", header: "Prompt-Pay Interest Owed", numberFormat: MONEY },
  { key: "part.underpayment", header: "Score: Underpayment", numberFormat: "0.00" },
  { key: "part.denials", header: "Score: Denials", numberFormat: "0.00" },
  { key: "part.daysToPay", header: "Score: Days to Pay", numberFormat: "0.00" },
  { key: "part.burden", header: "Score: Burden", numberFormat: "0.00" },
  { key: "score", header: "Score", numberFormat: "0.00" },
  { key: "reason", header: "Why This Rank", numberFormat: GENERAL },
  { key: "termEnd", header: "Term End", numberFormat: DATE },
  { key: "notice", header: "Renewal Notice Date", numberFormat: DATE },
  { key: "renewal", header: "Renewal Window", numberFormat: GENERAL },
];

/**
 * Headers of a claims table column holding each line's Medicare amount: where the table has one, the scorecard gives
 * the net effective rate as a % of Medicare over it; without one it says n/a (the review writes no Medicare amount).
 */
export const MEDICARE_AMOUNT_HEADERS: readonly string[] = ["Medicare Amount", "Medicare Allowed Amount"];

/** The table's Medicare amount column (see {@link MEDICARE_AMOUNT_HEADERS}) as the table spells it, or null. */
export function medicareAmountColumn(headers: readonly string[]): string | null {
  const wanted = new Set(MEDICARE_AMOUNT_HEADERS.map((h) => h.toLowerCase()));
  return headers.find((h) => wanted.has(h.trim().toLowerCase())) ?? null;
}
