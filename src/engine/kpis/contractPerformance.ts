/**
 * Contract performance by contract and month (issue 15 item 3; DOMAIN.md 4.1): what the Contract Performance sheet
 * computes with native formulas, computed here from the same reviewed lines so its figures can be proved against
 * hand-computed ones and the sheet's formulas against this.
 *
 * A line's month is the month of its remittance (its Paid Date: for a denied line, the date of the remittance that
 * denied it). Per contract and month:
 * - lines: counted lines (reversals left out); expected and allowed: over the lines compared with their contract
 *   (allowed = expected + variance); paid: over the counted lines;
 * - payment accuracy: OK lines / compared lines (within the variance review's tolerance);
 * - underpayment rate: sum of max(0, expected - allowed) / expected, over the compared lines (DOMAIN.md 4.1);
 * - HFMA initial denial rate, at line level as HFMA recommends: denied lines of the month / the average lines
 *   submitted per month in the 3 months before it (by Submitted Date); by dollars, with billed charges. No rate
 *   while the data does not cover those 3 months, or when nothing was submitted in them;
 * - top denial category: the category with most denied lines (ties: the first in DENIAL_CATEGORIES order);
 * - days to pay: median and 90th percentile (PERCENTILE.INC) of paid date - submitted date over paid lines;
 * - spikes: see {@link SpikeRules}.
 */
import { DENIAL_CATEGORIES, type DenialCategory } from "../denials/denialCategory";
import type { HcpcsCode } from "../hcpcsCode";
import type { PriorAuthorizationNumber } from "../priorAuthorization";
import type { VarianceFlag } from "../variance/reviewLines";
import { DEFAULT_SPIKE_RULES, FLAG_ROLES, HFMA_DENOMINATOR_MONTHS, type SpikeRules } from "./performanceRules";

/** One reviewed line, as the sheet's formulas read it from the table. Money in cents, dates as Excel day numbers. */
export interface PerformanceLine {
  /** The contract (or payer) the line is grouped under. */
  readonly key: string;
  readonly flag: VarianceFlag | null;
  readonly submittedDay: number | null;
  readonly paidDay: number | null;
  readonly expectedCents: number | null;
  readonly varianceCents: number | null;
  readonly paidCents: number | null;
  readonly chargeCents: number | null;
  readonly denialCategory: DenialCategory | null;
  /** The line's Medicare amount, where the table has a column of them (the scorecard's % of Medicare). */
  readonly medicareCents?: number | null;
  /** The line's normalised code, where the table has a code column (a signed proposal's uplift by code). */
  readonly hcpcsCode?: HcpcsCode | null;
  /** The line's prior authorization number, where the table has a column of them (the cost of doing business). */
  readonly priorAuthorizationNumber?: PriorAuthorizationNumber | null;
}

/** The figures of one contract in one month; null where a figure has nothing to measure. */
export interface PerformanceRow {
  readonly key: string;
  /** "2025-02". */
  readonly month: string;
  readonly lines: number;
  readonly expectedCents: number;
  readonly allowedCents: number;
  readonly paidCents: number;
  readonly paymentAccuracy: number | null;
  readonly underpaymentRate: number | null;
  readonly deniedLines: number;
  readonly deniedChargeCents: number;
  /** HFMA's denominator: average lines (and charges) submitted per month in the 3 months before. */
  readonly submittedLinesAverage: number | null;
  readonly submittedChargeAverageCents: number | null;
  readonly denialRateCount: number | null;
  readonly denialRateDollars: number | null;
  readonly topDenialCategory: DenialCategory | null;
  readonly medianDaysToPay: number | null;
  readonly p90DaysToPay: number | null;
  readonly denialSpike: boolean;
  readonly daysToPaySpike: boolean;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** An Excel day number's month as a count of months (year x 12 + month - 1). */
export function monthIndexOfDay(day: number): number {
  const date = new Date(EXCEL_EPOCH_MS + day * 86_400_000);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** "2025-02" for a month index. */
export function monthText(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The Excel day number of the first day of a month index. */
export function monthStartDay(index: number): number {
  return (Date.UTC(Math.floor(index / 12), index % 12, 1) - EXCEL_EPOCH_MS) / 86_400_000;
}

/** PERCENTILE.INC of sorted numbers: rank (n - 1) x p, linear between the ranks around it. */
export function percentileInc(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * p;
  const below = Math.floor(rank);
  const low = sorted[below]!;
  const high = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return low + (rank - below) * (high - low);
}

interface Tally {
  lines: number;
  expected: number;
  variance: number;
  underpaid: number;
  paid: number;
  compared: number;
  accurate: number;
  denied: number;
  deniedCharge: number;
  submitted: number;
  submittedCharge: number;
  days: number[];
  categories: Map<DenialCategory, number>;
}

const emptyTally = (): Tally => ({
  lines: 0,
  expected: 0,
  variance: 0,
  underpaid: 0,
  paid: 0,
  compared: 0,
  accurate: 0,
  denied: 0,
  deniedCharge: 0,
  submitted: 0,
  submittedCharge: 0,
  days: [],
  categories: new Map(),
});

/**
 * The performance rows of every key over every month from the first to the last remittance month (a month without
 * lines is a row of zeros, so each key's months follow one another), keys in order of first appearance.
 * @example computeContractPerformance([{ key: "Acme", flag: "OK", submittedDay: 45700, paidDay: 45720, ... }])
 */
export function computeContractPerformance(
  lines: readonly PerformanceLine[],
  rules: SpikeRules = DEFAULT_SPIKE_RULES,
): PerformanceRow[] {
  const tallies = new Map<string, Map<number, Tally>>();
  const tally = (key: string, month: number) => {
    let byMonth = tallies.get(key);
    if (byMonth === undefined) tallies.set(key, (byMonth = new Map()));
    let t = byMonth.get(month);
    if (t === undefined) byMonth.set(month, (t = emptyTally()));
    return t;
  };
  // A million lines fall on a few hundred days: each day's month is computed once.
  const months = new Map<number, number>();
  const monthOf = (day: number) => {
    let month = months.get(day);
    if (month === undefined) months.set(day, (month = monthIndexOfDay(day)));
    return month;
  };
  let firstPaid = Infinity;
  let lastPaid = -Infinity;
  let firstSubmitted = Infinity;
  for (const line of lines) {
    if (line.flag === null || !FLAG_ROLES[line.flag].counted) continue;
    const role = FLAG_ROLES[line.flag];
    if (line.submittedDay !== null) {
      const month = monthOf(line.submittedDay);
      firstSubmitted = Math.min(firstSubmitted, month);
      const t = tally(line.key, month);
      t.submitted++;
      t.submittedCharge += line.chargeCents ?? 0;
    }
    if (line.paidDay === null) continue;
    const month = monthOf(line.paidDay);
    firstPaid = Math.min(firstPaid, month);
    lastPaid = Math.max(lastPaid, month);
    const t = tally(line.key, month);
    t.lines++;
    t.paid += line.paidCents ?? 0;
    if (role.compared && line.expectedCents !== null && line.varianceCents !== null) {
      t.compared++;
      if (line.flag === "OK") t.accurate++;
      t.expected += line.expectedCents;
      t.variance += line.varianceCents;
      t.underpaid += Math.max(0, -line.varianceCents);
    }
    if (role.denied) {
      t.denied++;
      t.deniedCharge += line.chargeCents ?? 0;
      if (line.denialCategory !== null)
        t.categories.set(line.denialCategory, (t.categories.get(line.denialCategory) ?? 0) + 1);
    }
    if (role.paid && line.submittedDay !== null) t.days.push(line.paidDay - line.submittedDay);
  }
  const rows: PerformanceRow[] = [];
  for (const [key, byMonth] of tallies) {
    const keyRows: PerformanceRow[] = [];
    for (let month = firstPaid; month <= lastPaid; month++) {
      const t = byMonth.get(month) ?? emptyTally();
      const before = Array.from({ length: HFMA_DENOMINATOR_MONTHS }, (_, i) => byMonth.get(month - 1 - i));
      const covered = month - HFMA_DENOMINATOR_MONTHS >= firstSubmitted;
      const submitted = before.reduce((n, b) => n + (b?.submitted ?? 0), 0) / HFMA_DENOMINATOR_MONTHS;
      const submittedCharge = before.reduce((n, b) => n + (b?.submittedCharge ?? 0), 0) / HFMA_DENOMINATOR_MONTHS;
      const days = Float64Array.from(t.days).sort(); // a typed array sorts by value, far faster than a comparator
      const row = {
        key,
        month: monthText(month),
        lines: t.lines,
        expectedCents: t.expected,
        allowedCents: t.expected + t.variance,
        paidCents: t.paid,
        paymentAccuracy: t.compared === 0 ? null : t.accurate / t.compared,
        underpaymentRate: t.expected === 0 ? null : t.underpaid / t.expected,
        deniedLines: t.denied,
        deniedChargeCents: t.deniedCharge,
        submittedLinesAverage: covered ? submitted : null,
        submittedChargeAverageCents: covered ? submittedCharge : null,
        denialRateCount: covered && submitted > 0 ? t.denied / submitted : null,
        denialRateDollars: covered && submittedCharge > 0 ? t.deniedCharge / submittedCharge : null,
        topDenialCategory: topCategory(t.categories),
        medianDaysToPay: percentileInc(days, 0.5),
        p90DaysToPay: percentileInc(days, 0.9),
      };
      const baseline = keyRows.slice(-rules.baselineMonths);
      keyRows.push({
        ...row,
        denialSpike: spike(row.denialRateCount, row.lines, baseline, (r) => r.denialRateCount, rules.denialRatePoints),
        daysToPaySpike: spike(row.medianDaysToPay, row.lines, baseline, (r) => r.medianDaysToPay, rules.daysToPayDays),
      });
    }
    rows.push(...keyRows);
  }
  return rows;

  function spike(
    value: number | null,
    lineCount: number,
    baseline: readonly PerformanceRow[],
    of: (row: PerformanceRow) => number | null,
    margin: number,
  ): boolean {
    const values = baseline.map(of).filter((v): v is number => v !== null);
    if (value === null || lineCount < rules.minimumLines || values.length < rules.baselineMonths) return false;
    return value > values.reduce((n, v) => n + v, 0) / values.length + margin;
  }
}

/** The category with most denied lines; ties go to the first in {@link DENIAL_CATEGORIES} order. */
function topCategory(counts: ReadonlyMap<DenialCategory, number>): DenialCategory | null {
  let top: DenialCategory | null = null;
  for (const category of DENIAL_CATEGORIES) {
    const n = counts.get(category) ?? 0;
    if (n > 0 && (top === null || n > (counts.get(top) ?? 0))) top = category;
  }
  return top;
}
