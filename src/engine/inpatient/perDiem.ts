import { Decimal } from "../decimal";
import { fail, ok, type Result } from "../result";
import { revenueCodeInRange, type RevenueCode } from "../revenueCode";
import type { InpatientIssue } from "./issues";
import type { RevenueLine } from "./stay";
import type { DayTier, PerDiemLevel } from "./terms";
import type { InpatientTraceStep, TierDays } from "./traceSteps";

/**
 * Checks a level's day tiers: the first starts on day 1, each next one the day after the previous one ends, and only
 * the last is open-ended (so every day of any stay has one rate). Null when they are valid.
 */
export function checkPerDiemTiers(contractName: string, level: PerDiemLevel): InpatientIssue | null {
  const refuse = (reason: Extract<InpatientIssue, { code: "perDiemTiersInvalid" }>["reason"], day: number) =>
    ({ code: "perDiemTiersInvalid", contractName, levelOfCare: level.levelOfCare, reason, day }) as const;
  let nextDay = 1;
  for (const [index, tier] of level.tiers.entries()) {
    if (index === 0 && tier.fromDay !== 1) return refuse("first tier not day 1", tier.fromDay);
    if (tier.fromDay !== nextDay) return refuse("gap or overlap", tier.fromDay);
    if (tier.toDay === null) return index === level.tiers.length - 1 ? null : refuse("open tier not last", tier.fromDay); // prettier-ignore
    nextDay = tier.toDay + 1;
  }
  return refuse("no open last tier", nextDay);
}

/** The days of one tier among a level's first `days` days, and their amount. */
function tierDays(tier: DayTier, days: number): TierDays {
  const last = tier.toDay === null ? days : Math.min(days, tier.toDay);
  const count = Math.max(0, last - tier.fromDay + 1);
  return { fromDay: tier.fromDay, toDay: tier.toDay, days: count, rate: tier.rate, amount: tier.rate.times(count) };
}

/** A level's revenue code range in words: "Medical/Surgical 0110-0159". */
export const levelText = (level: PerDiemLevel): string =>
  `${level.levelOfCare} ${level.revenueCodeFrom}-${level.revenueCodeTo}`;

/**
 * A per diem stay's amount: the days at each level of care are the units of the stay's revenue lines in the level's
 * room-and-board range (a line in two ranges counts for the first level listed), and each level's days are paid by
 * its day tiers counted from its own day 1 (DOMAIN.md 3.1: $2,000 days 1-3, $1,800 days 4-5, $1,200 day 6+). A stay
 * given without revenue lines is paid for its length of stay at the contract's level when it has only one. Refused when
 * no line is in any level (or a stay without lines meets several levels), or a level's tiers are not valid.
 */
export function perDiemAmount(
  contractName: string,
  levels: readonly PerDiemLevel[],
  lines: readonly RevenueLine[],
  lengthOfStay: number,
): Result<{ readonly amount: Decimal; readonly steps: readonly InpatientTraceStep[] }, InpatientIssue> {
  const levelOf = (code: RevenueCode) =>
    levels.find((level) => revenueCodeInRange(code, level.revenueCodeFrom, level.revenueCodeTo));
  const steps: InpatientTraceStep[] = [];
  let amount = new Decimal(0);
  let days = 0;
  // A stay given without its revenue lines (PAYER.INPATIENT_PAYMENT's arguments) has one level only if the contract does.
  const [onlyLevel] = levels;
  const wholeStay = lines.length === 0 && levels.length === 1 && onlyLevel !== undefined;
  for (const level of levels) {
    const own = wholeStay ? [] : lines.filter((line) => levelOf(line.revenueCode) === level);
    if (own.length === 0 && !wholeStay) continue;
    const invalid = checkPerDiemTiers(contractName, level);
    if (invalid !== null) return fail(invalid);
    const levelDays = wholeStay ? lengthOfStay : own.reduce((sum, line) => sum + line.units, 0);
    const tiers = level.tiers.map((tier) => tierDays(tier, levelDays));
    const levelAmount = tiers.reduce((sum, tier) => sum.plus(tier.amount), new Decimal(0));
    const revenueCodes = [...new Set(own.map((line) => line.revenueCode))];
    const daysFrom = wholeStay ? "length of stay" : "revenue lines";
    steps.push({ kind: "perDiemLevel", levelOfCare: level.levelOfCare, daysFrom, revenueCodes, days: levelDays, tiers, amount: levelAmount }); // prettier-ignore
    amount = amount.plus(levelAmount);
    days += levelDays;
  }
  if (steps.length === 0)
    return fail({
      code: "perDiemLevelOfCareMissing",
      contractName,
      revenueCodes: [...new Set(lines.map((line) => line.revenueCode))],
      levels: levels.map(levelText),
    });
  steps.push({ kind: "perDiemTotal", days, lengthOfStay, amount });
  return ok({ amount, steps });
}
