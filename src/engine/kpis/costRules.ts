/**
 * The declared rules of the cost of doing business and the payer scorecard (issue 15 item 4; DOMAIN.md 4.1, 3.3): the
 * state prompt-pay rules, the cost assumptions a new sheet starts from with their sources, and the scorecard's
 * weights. The engine computes with them, the Contract Performance sheet writes them as its inputs and rule table,
 * and the README states them: one declaration, so the words and the numbers cannot drift apart.
 */

/** How a prompt-pay period is counted: calendar days, or weekdays (Monday to Friday; holidays are not known). */
export type PromptPayDayKind = "calendar" | "working";

/** A state's (or Medicare's) prompt-pay rule for clean claims. */
export interface PromptPayRule {
  /** What the sheet's choice list shows. */
  readonly label: string;
  /** Days from submission within which a clean claim must be paid. */
  readonly days: number;
  readonly dayKind: PromptPayDayKind;
  /** Simple interest per year on a late payment (AL's 1.5% a month is 18% a year); 0 where none is owed. */
  readonly annualRate: number;
  /** The rule as the law states it, for the sheet's note. */
  readonly statedAs: string;
}

/** The rule a sheet can pick, by its code. */
export type PromptPayState = "CA" | "FL" | "GA" | "IL" | "CT" | "AL" | "Medicare";

/** The prompt-pay rules of DOMAIN.md 3.3 (source S37: navigatingpayerchallenges.com, healthcarepromptpay.com). */
export const PROMPT_PAY_RULES = {
  CA: { label: "California", days: 30, dayKind: "working", annualRate: 0.15, statedAs: "30 working days, 15% a year" },
  FL: { label: "Florida", days: 20, dayKind: "calendar", annualRate: 0.12, statedAs: "20 days, 12% a year" },
  GA: { label: "Georgia", days: 15, dayKind: "working", annualRate: 0.12, statedAs: "15 working days, 12% a year" },
  IL: { label: "Illinois", days: 30, dayKind: "calendar", annualRate: 0.09, statedAs: "30 days, 9% a year" },
  CT: { label: "Connecticut", days: 20, dayKind: "calendar", annualRate: 0.15, statedAs: "20 days, 15% a year" },
  AL: { label: "Alabama", days: 30, dayKind: "calendar", annualRate: 0.18, statedAs: "30 days, 1.5% a month" },
  Medicare: {
    label: "Medicare",
    days: 30,
    dayKind: "calendar",
    annualRate: 0,
    statedAs: "clean claims paid within 30 days; no interest is modelled",
  },
} as const satisfies Record<PromptPayState, PromptPayRule>;

/** The rule codes in declaration order: the sheet's choice list. */
export const PROMPT_PAY_STATES = Object.keys(PROMPT_PAY_RULES) as PromptPayState[];

/** The rule a new sheet starts from. */
export const DEFAULT_PROMPT_PAY_STATE: PromptPayState = "CA";

/** The user's cost assumptions, in dollars and fractions as the sheet's input cells hold them. */
export interface CostAssumptions {
  /** Staff cost of reworking one denied line (correct, resubmit). */
  readonly reworkCostPerDenial: number;
  /** Cost of one appeal. */
  readonly appealCostPerAppeal: number;
  /** The share of denied lines that are appealed. */
  readonly shareOfDenialsAppealed: number;
  /** Staff cost of obtaining one prior authorization (request, clinical notes, follow-up with the payer). */
  readonly costPerPriorAuthorization: number;
  /** Cost of capital per year: what a dollar paid late costs while it is outstanding. */
  readonly costOfCapitalPerYear: number;
}

/** Where each default assumption comes from, as the sheet's note says it. */
export const COST_ASSUMPTION_SOURCES = {
  reworkCostPerDenial:
    "An assumption (staff time to correct and resubmit a line); not from a published study: replace with your own cost.",
  appealCostPerAppeal: "Average cost of an appeal, $118 per claim (Change Healthcare Denials Index; DOMAIN.md 4.1).",
  shareOfDenialsAppealed:
    "Assumed: the 63% of denials recoverable on appeal (Change Healthcare; DOMAIN.md 4.1) are the ones appealed.",
  costPerPriorAuthorization:
    "An assumption (staff time to request, document and follow up one prior authorization); no published figure is used: replace with your own cost.",
  costOfCapitalPerYear: "An assumption: use your organisation's borrowing rate or return on cash.",
} as const satisfies Record<keyof CostAssumptions, string>;

/** The assumptions a new sheet starts from; the sheet shows them as inputs the user can change. */
export const DEFAULT_COST_ASSUMPTIONS: CostAssumptions = {
  reworkCostPerDenial: 25,
  appealCostPerAppeal: 118,
  shareOfDenialsAppealed: 0.63,
  costPerPriorAuthorization: 30,
  costOfCapitalPerYear: 0.08,
};

/** A measure of the scorecard: each is a contract's figure over the portfolio's (1 = as the portfolio). */
export type ScoreMeasure = "underpayment" | "denials" | "daysToPay" | "burden";

/** The weight of each measure in the renegotiation score. */
export type ScoreWeights = Readonly<Record<ScoreMeasure, number>>;

/** The measures' words in a rank's reason ("mostly denials"), in the score's order. */
export const SCORE_MEASURE_WORDS = {
  underpayment: "underpayment",
  denials: "denials",
  daysToPay: "days to pay",
  burden: "burden",
} as const satisfies Record<ScoreMeasure, string>;

/** The measures in the order the sheet writes them. */
export const SCORE_MEASURES = Object.keys(SCORE_MEASURE_WORDS) as ScoreMeasure[];

/** The weights a new sheet starts from: money lost first, then time, then the cost of the work. */
export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = { underpayment: 0.3, denials: 0.3, daysToPay: 0.2, burden: 0.2 };
