/**
 * Revenue code rates (DOMAIN.md 3.1; issue 14): a hospital contract's rate table by UB-04 revenue code, each rate
 * paid per unit billed or once per visit. A visit is one date of service of one claim: the first line of a per-visit
 * rate on a date is paid the rate, later lines of the same rate row on that date are included in it.
 */
import type { MethodWords } from "../contracts/methods";
import { Decimal } from "../decimal";
import { fail, ok } from "../result";
import { revenueCodeInRange } from "../revenueCode";
import type { TraceStep } from "../trace";
import type { MethodLineAmount } from "./oppsClaim";
import type { OutpatientLine, RevenueCodeRate, RevenueCodeRateBasis } from "./types";

/**
 * The rate row of a revenue code: a row for the single code beats a range, and among ranges the first row wins (as
 * fee schedule carve-outs do).
 */
export function findRevenueCodeRate(
  rates: readonly RevenueCodeRate[],
  line: Pick<OutpatientLine, "revenueCode">,
): RevenueCodeRate | null {
  let range: RevenueCodeRate | null = null;
  for (const rate of rates) {
    if (!revenueCodeInRange(line.revenueCode, rate.revenueCodeFrom, rate.revenueCodeTo)) continue;
    if (rate.revenueCodeFrom === rate.revenueCodeTo) return rate;
    range ??= rate;
  }
  return range;
}

/** A rate basis's entry: its words in a rate table's Basis column, and how it counts a line. */
export interface RevenueCodeRateBasisEntry extends MethodWords {
  /** The line's amount and its step; `paidOnLineNumber`: the line of the same visit already paid the rate. */
  amount(rate: RevenueCodeRate, line: OutpatientLine, paidOnLineNumber: number | null): [TraceStep | null, Decimal];
}

/** The bases of a revenue code rate: per unit billed, or once per visit (claim and date of service). */
export const REVENUE_CODE_RATE_BASES = {
  "per unit": {
    label: "Per Unit",
    synonyms: ["unit", "per service"],
    amount: (rate, line) => {
      const amount = rate.rate.times(line.units);
      return [{ kind: "oppsUnits", units: line.units, before: rate.rate, amount }, amount];
    },
  },
  "per visit": {
    label: "Per Visit",
    synonyms: ["visit", "per encounter"],
    amount: (rate, _line, paidOnLineNumber) =>
      paidOnLineNumber === null ? [null, rate.rate] : [{ kind: "visitRateIncluded", paidOnLineNumber }, new Decimal(0)],
  },
} as const satisfies Record<RevenueCodeRateBasis, RevenueCodeRateBasisEntry>;

/** The amounts of one claim's lines priced by a revenue code rate table, in the order given. */
export function revenueCodeRateAmounts(
  lines: readonly OutpatientLine[],
  rates: readonly RevenueCodeRate[],
  contractName: string,
  rateTableName: string,
): MethodLineAmount[] {
  // The line that was paid each per-visit rate row, by row and date.
  const visits = new Map<string, number>();
  return lines.map((line): MethodLineAmount => {
    const rate = findRevenueCodeRate(rates, line);
    if (rate === null)
      return { steps: [], result: fail({ code: "revenueCodeRateMissing", contractName, revenueCode: line.revenueCode, rateTableName }) }; // prettier-ignore
    const steps: TraceStep[] = [
      {
        kind: "revenueCodeRate",
        revenueCodeFrom: rate.revenueCodeFrom,
        revenueCodeTo: rate.revenueCodeTo,
        rate: rate.rate,
        basis: rate.basis,
        source: { kind: "rate table row", tableName: rateTableName, rowNumber: rate.sourceRowNumber },
      },
    ];
    const visitKey = `${rate.sourceRowNumber}|${line.serviceDate}`;
    const paidOn = visits.get(visitKey) ?? null;
    if (rate.basis === "per visit" && paidOn === null) visits.set(visitKey, line.claimLineNumber);
    const [step, amount] = REVENUE_CODE_RATE_BASES[rate.basis].amount(rate, line, paidOn);
    if (step !== null) steps.push(step);
    return { steps, result: ok(amount) };
  });
}
