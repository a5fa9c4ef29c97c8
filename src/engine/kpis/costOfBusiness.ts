/**
 * The cost of doing business with each contract and the renegotiation scorecard (issue 15 item 4; DOMAIN.md 4.1,
 * 3.3): what the Contract Performance sheet's scorecard computes with native formulas, computed here from the same
 * reviewed lines so that its figures can be proved against hand-computed ones and the sheet's formulas against this.
 *
 * Per contract, over every reviewed line (reversals left out, as in the monthly figures):
 * - administrative burden = denied lines x rework cost + denied lines x share appealed x appeal cost + prior
 *   authorizations x cost per prior authorization + carrying cost, the carrying cost being, over paid lines with both
 *   dates, paid x cost of capital x (paid date - submitted) / 365;
 * - prior authorizations: the distinct numbers on the contract's lines. The payer issues one authorization and the
 *   staff obtain it once, so a number on several lines of a claim (a claims export repeats the claim's number on each
 *   line) or on several claims of the contract counts once; case and runs of spaces do not make two (see
 *   priorAuthorizationKey); a blank cell is none;
 * - net effective = allowed - burden (allowed over the lines compared with their contract), and its rate over allowed
 *   and, where the lines carry Medicare amounts, over their Medicare amounts (the compared lines');
 * - prompt-pay interest owed: over paid lines (taken as clean claims: the table does not say which were clean) paid
 *   after the rule's window, paid x annual rate x calendar days after the deadline / 365, simple interest;
 * - the score: the sum over the measures (underpayment rate, denial rate, median days to pay, burden over allowed) of
 *   weight x the contract's figure / the portfolio's (every contract's lines together); rank 1 scores highest.
 */
import { Decimal } from "../decimal";
import { priorAuthorizationKey } from "../priorAuthorization";
import { type PerformanceLine, percentileInc } from "./contractPerformance";
import {
  SCORE_MEASURE_WORDS,
  SCORE_MEASURES,
  type CostAssumptions,
  type PromptPayRule,
  type ScoreMeasure,
  type ScoreWeights,
} from "./costRules";
import { FLAG_ROLES } from "./performanceRules";

/** One contract's cost figures, or the portfolio's (key null). Money in cents, rates as fractions, null: nothing to measure. */
export interface ContractCost {
  readonly key: string | null;
  readonly lines: number;
  readonly deniedLines: number;
  readonly expectedCents: number;
  readonly allowedCents: number;
  readonly underpaidCents: number;
  readonly paidCents: number;
  readonly underpaymentRate: number | null;
  readonly denialRate: number | null;
  readonly medianDaysToPay: number | null;
  readonly reworkCents: number;
  readonly appealCents: number;
  /** Distinct prior authorization numbers of the counted lines, and what obtaining them cost. */
  readonly priorAuthorizations: number;
  readonly priorAuthorizationCents: number;
  readonly carryingCents: number;
  readonly burdenCents: number;
  readonly netEffectiveCents: number;
  readonly netEffectiveRate: number | null;
  /** Medicare amounts of the compared lines, null when no line has one; net effective over them. */
  readonly medicareCents: number | null;
  readonly netEffectivePercentOfMedicare: number | null;
  /** Burden over allowed (1 - the net effective rate). */
  readonly burdenRate: number | null;
  readonly lateLines: number;
  readonly promptPayInterestCents: number;
}

/** A contract's place on the scorecard. */
export interface ScorecardRow extends ContractCost {
  readonly key: string;
  /** Weight x the contract's figure / the portfolio's, per measure (0 where either has nothing to measure). */
  readonly parts: Readonly<Record<ScoreMeasure, number>>;
  readonly score: number;
  /** 1 = renegotiate first; equal scores share a rank. */
  readonly rank: number;
  /** Why, in the words the sheet's formula writes. */
  readonly reason: string;
}

/** The scorecard: every contract ranked, and the portfolio the ranks compare with. */
export interface Scorecard {
  readonly contracts: readonly ScorecardRow[];
  readonly portfolio: ContractCost;
}

/** Weekdays (Monday to Friday) from the Excel epoch to day `d`: the sheet's arithmetic, which needs no NETWORKDAYS. */
export function weekdaysThrough(day: number): number {
  // Excel day numbers modulo 7: 0 Saturday, 1 Sunday, 2 Monday ... 6 Friday.
  return 5 * Math.floor(day / 7) + Math.max(0, (day % 7) - 1);
}

/** The day a clean claim submitted on `submittedDay` must be paid by under `rule` (working days skip weekends). */
export function promptPayDeadline(submittedDay: number, rule: PromptPayRule): number {
  if (rule.dayKind === "calendar") return submittedDay + rule.days;
  const target = weekdaysThrough(submittedDay) + rule.days - 1;
  return 7 * Math.floor(target / 5) + (target % 5) + 2;
}

/** Calendar days a payment on `paidDay` came after the rule's deadline; 0 when on time. */
export function daysLate(submittedDay: number, paidDay: number, rule: PromptPayRule): number {
  return Math.max(0, paidDay - promptPayDeadline(submittedDay, rule));
}

const cents = (dollars: Decimal) => wholeCents(dollars.times(100));
/** Cents rounded half-up to whole cents. */
const wholeCents = (amount: Decimal) => amount.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();

/** The cost figures of `lines` (all of one contract, or the portfolio's). */
export function costOf(
  key: string | null,
  lines: readonly PerformanceLine[],
  assumptions: CostAssumptions,
  rule: PromptPayRule,
): ContractCost {
  let counted = 0;
  let denied = 0;
  let expected = 0;
  let variance = 0;
  let underpaid = 0;
  let paid = 0;
  let medicare: number | null = null;
  let late = 0;
  const days: number[] = [];
  // By contract and number, so the portfolio's count is the sum of its contracts'.
  const authorizations = new Map<string, Set<string>>();
  let authorizationCount = 0;
  // Sums of paid cents x days, integers (exact below 2^53): carrying cost and interest are each one rounding of them.
  let paidDays = 0;
  let paidDaysLate = 0;
  for (const line of lines) {
    if (line.flag === null || !FLAG_ROLES[line.flag].counted) continue;
    const role = FLAG_ROLES[line.flag];
    counted++;
    paid += line.paidCents ?? 0;
    if (role.denied) denied++;
    if (line.priorAuthorizationNumber !== undefined && line.priorAuthorizationNumber !== null) {
      let numbers = authorizations.get(line.key);
      if (numbers === undefined) authorizations.set(line.key, (numbers = new Set()));
      const before = numbers.size;
      numbers.add(priorAuthorizationKey(line.priorAuthorizationNumber));
      authorizationCount += numbers.size - before;
    }
    if (role.compared && line.expectedCents !== null && line.varianceCents !== null) {
      expected += line.expectedCents;
      variance += line.varianceCents;
      underpaid += Math.max(0, -line.varianceCents);
      if (line.medicareCents !== undefined && line.medicareCents !== null)
        medicare = (medicare ?? 0) + line.medicareCents;
    }
    if (!role.paid || line.submittedDay === null || line.paidDay === null) continue;
    const elapsed = line.paidDay - line.submittedDay;
    days.push(elapsed);
    if (line.paidCents === null) continue;
    paidDays += line.paidCents * elapsed;
    const overdue = daysLate(line.submittedDay, line.paidDay, rule);
    if (overdue > 0) {
      late++;
      paidDaysLate += line.paidCents * overdue;
    }
  }
  const rework = cents(new Decimal(denied).times(assumptions.reworkCostPerDenial));
  const appeal = cents(
    new Decimal(denied).times(assumptions.shareOfDenialsAppealed).times(assumptions.appealCostPerAppeal),
  );
  const priorAuthorization = cents(new Decimal(authorizationCount).times(assumptions.costPerPriorAuthorization));
  const carrying = wholeCents(new Decimal(paidDays).times(assumptions.costOfCapitalPerYear).dividedBy(365));
  const interest = wholeCents(new Decimal(paidDaysLate).times(rule.annualRate).dividedBy(365));
  const allowed = expected + variance;
  const burden = rework + appeal + priorAuthorization + carrying;
  return {
    key,
    lines: counted,
    deniedLines: denied,
    expectedCents: expected,
    allowedCents: allowed,
    underpaidCents: underpaid,
    paidCents: paid,
    underpaymentRate: expected === 0 ? null : underpaid / expected,
    denialRate: counted === 0 ? null : denied / counted,
    medianDaysToPay: percentileInc(Float64Array.from(days).sort(), 0.5),
    reworkCents: rework,
    appealCents: appeal,
    priorAuthorizations: authorizationCount,
    priorAuthorizationCents: priorAuthorization,
    carryingCents: carrying,
    burdenCents: burden,
    netEffectiveCents: allowed - burden,
    netEffectiveRate: allowed === 0 ? null : (allowed - burden) / allowed,
    medicareCents: medicare,
    netEffectivePercentOfMedicare: medicare === null || medicare === 0 ? null : (allowed - burden) / medicare,
    burdenRate: allowed === 0 ? null : burden / allowed,
    lateLines: late,
    promptPayInterestCents: interest,
  };
}

/** A measure's figure of a contract (or the portfolio). */
const MEASURE_OF = {
  underpayment: (c) => c.underpaymentRate,
  denials: (c) => c.denialRate,
  daysToPay: (c) => c.medianDaysToPay,
  burden: (c) => c.burdenRate,
} as const satisfies Record<ScoreMeasure, (cost: ContractCost) => number | null>;

/** A fraction as the sheet writes it in words: ROUND(x x 100, 1) & "%", "n/a" without a figure. */
export const shareText = (value: number | null): string =>
  value === null ? "n/a" : `${Math.round(value * 100 * 10) / 10}%`;
/** Days as the sheet writes them: ROUND(x, 1). */
const daysText = (value: number | null): string => (value === null ? "n/a" : `${Math.round(value * 10) / 10}`);

/** The reason of a rank, as the sheet's formula builds it. */
export function scoreReason(cost: ContractCost, portfolio: ContractCost, parts: Record<ScoreMeasure, number>): string {
  const top = SCORE_MEASURES.reduce((best, m) => (parts[m] > parts[best] ? m : best), SCORE_MEASURES[0]!);
  const lead = SCORE_MEASURES.every((m) => parts[m] === 0)
    ? "no measure above 0"
    : `mostly ${SCORE_MEASURE_WORDS[top]}`;
  return (
    `${lead}: underpaid ${shareText(cost.underpaymentRate)} (portfolio ${shareText(portfolio.underpaymentRate)}); ` +
    `denials ${shareText(cost.denialRate)} (portfolio ${shareText(portfolio.denialRate)}); ` +
    `pays in ${daysText(cost.medianDaysToPay)} days (portfolio ${daysText(portfolio.medianDaysToPay)}); ` +
    `burden ${shareText(cost.burdenRate)} of allowed (portfolio ${shareText(portfolio.burdenRate)})`
  );
}

/**
 * The scorecard of the contracts of `lines` (keys in order of first appearance; lines with a blank key are in no
 * contract and not in the portfolio), under the cost assumptions, prompt-pay rule and weights given.
 * @example computeScorecard(lines, DEFAULT_COST_ASSUMPTIONS, PROMPT_PAY_RULES.CA, DEFAULT_SCORE_WEIGHTS)
 */
export function computeScorecard(
  lines: readonly PerformanceLine[],
  assumptions: CostAssumptions,
  rule: PromptPayRule,
  weights: ScoreWeights,
): Scorecard {
  const keyed = lines.filter((line) => line.key !== "");
  const byKey = new Map<string, PerformanceLine[]>();
  for (const line of keyed) {
    const own = byKey.get(line.key);
    if (own === undefined) byKey.set(line.key, [line]);
    else own.push(line);
  }
  const portfolio = costOf(null, keyed, assumptions, rule);
  const costs = [...byKey].map(([key, own]) => ({ ...costOf(key, own, assumptions, rule), key }));
  const scored = costs.map((cost) => {
    const parts = Object.fromEntries(
      SCORE_MEASURES.map((m) => {
        const value = MEASURE_OF[m](cost);
        const base = MEASURE_OF[m](portfolio);
        return [m, value === null || base === null || base === 0 ? 0 : (weights[m] * value) / base];
      }),
    ) as Record<ScoreMeasure, number>;
    const score = SCORE_MEASURES.reduce((n, m) => n + parts[m], 0);
    return { ...cost, parts, score, reason: scoreReason(cost, portfolio, parts) };
  });
  return {
    contracts: scored.map((row) => ({ ...row, rank: 1 + scored.filter((other) => other.score > row.score).length })),
    portfolio,
  };
}
