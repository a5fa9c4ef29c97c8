/**
 * A percent of Medicare OPPS across one claim's lines (DOMAIN.md 2.8; CMS Claims Processing Manual ch.4; CY2025
 * OPPS final rule, Addendum D1): each line's Addendum B row by its date of service, then the claim-level rules of its
 * status indicator (packaging, T discounting, J1 comprehensive, J2 observation, modifiers 73/74), the wage adjustment
 * and the contract's percent. Amounts stay exact; the caller applies lesser-of and the one rounding per line.
 */
import { dayAfter } from "../contracts/dates";
import { Decimal } from "../decimal";
import type { EngineIssue } from "../issues";
import type { IsoDate } from "../isoDate";
import type { Modifier } from "../modifiers";
import { fail, ok, type Result } from "../result";
import type { TraceStep } from "../trace";
import { compareOutpatientLines } from "./lineOrder";
import { oppsTableOn, type OppsRow, type OppsTable } from "./oppsTable";
import { statusIndicatorEntry, type OppsStatusIndicator } from "./statusIndicators";
import type { OppsPackaging } from "./traceSteps";
import type { OppsPricingData, OutpatientLine } from "./types";

/** A line's exact amount under the method (or why it has none) and the steps that explain it. */
export interface MethodLineAmount {
  readonly steps: readonly TraceStep[];
  readonly result: Result<Decimal, EngineIssue>;
}

/** The labor-related share of an APC payment, the part adjusted by the hospital's wage index (DOMAIN.md 2.8). */
export const OPPS_LABOR_SHARE = new Decimal("0.60");
/** What every T procedure but the highest-paying one is paid (ch.4 s.20.4.2 "multiple procedure discounting"). */
export const MULTIPLE_PROCEDURE_FRACTION = new Decimal("0.5");

/** The modifiers of a discontinued hospital procedure (CPT; ch.4 s.20.6.4). */
export type DiscontinuedModifier = "73" | "74";

/**
 * Modifier 73 (discontinued after preparation, before anesthesia): 50% of the APC payment, still ranked with the
 * day's other T procedures. Modifier 74 (after anesthesia or the procedure started): 100%, and not discounted.
 */
export const DISCONTINUED_PROCEDURE_RULES = {
  "73": { factor: new Decimal("0.5"), multipleProcedureDiscount: true },
  "74": { factor: new Decimal("1"), multipleProcedureDiscount: false },
} as const satisfies Record<DiscontinuedModifier, { factor: Decimal; multipleProcedureDiscount: boolean }>;

/**
 * Comprehensive observation (C-APC 8011, SI J2; CY2016 OPPS final rule): at least 8 hours of G0378 with a clinic,
 * emergency, critical care visit or direct referral on the same date or the day before.
 */
const OBSERVATION_CODE = "G0378";
const OBSERVATION_HOURS = new Decimal(8);
const OBSERVATION_VISITS = new Set([
  "G0463", "99281", "99282", "99283", "99284", "99285", "G0380", "G0381", "G0382", "G0383", "G0384", "99291", "G0379",
]); // prettier-ignore

/** A line whose Addendum B row was found. */
interface RowLine {
  readonly index: number;
  readonly line: OutpatientLine;
  readonly row: OppsRow;
  readonly table: OppsTable;
}

/** What phase one found for a line: a failure, a revenue-code-only line, or its row. */
type Looked =
  | { readonly kind: "failed"; readonly steps: TraceStep[]; readonly issue: EngineIssue }
  | { readonly kind: "no hcpcs"; readonly steps: TraceStep[] }
  | ({ readonly kind: "row"; readonly steps: TraceStep[] } & RowLine);

function lookUp(line: OutpatientLine, index: number, tables: readonly OppsTable[]): Looked {
  if (line.hcpcsCode === null) return { kind: "no hcpcs", steps: [] };
  const table = oppsTableOn(tables, line.serviceDate);
  if (!table.ok) return { kind: "failed", steps: [], issue: table.issue };
  const row = table.value.rows.get(line.hcpcsCode);
  if (row === undefined)
    return { kind: "failed", steps: [], issue: { code: "oppsCodeNotInAddendumB", hcpcsCode: line.hcpcsCode, tableLabel: table.value.label } }; // prettier-ignore
  const step: TraceStep = {
    kind: "oppsRow",
    tableLabel: table.value.label,
    hcpcsCode: row.hcpcsCode,
    statusIndicator: row.statusIndicator,
    apc: row.apc,
    paymentRate: row.paymentRate,
    source: { kind: "Addendum B row", rowNumber: row.sourceRowNumber },
  };
  return { kind: "row", steps: [step], index, line, row, table: table.value };
}

const rateOf = (row: OppsRow): Decimal => row.paymentRate ?? new Decimal(0);
/**
 * Higher national rate first (CMS ranks T procedures by their APC payment), a tie by the lines' order
 * ({@link compareOutpatientLines}), then the earlier line.
 */
const byRate = (a: RowLine, b: RowLine): number =>
  rateOf(b.row).comparedTo(rateOf(a.row)) || compareOutpatientLines(a.line, b.line) || a.index - b.index;

/** The first date with 8 hours of observation and a qualifying visit on it or the day before, if any. */
function comprehensiveObservation(rows: readonly RowLine[]): { date: IsoDate; hours: Decimal } | null {
  const hoursByDate = new Map<IsoDate, Decimal>();
  for (const { line } of rows)
    if (line.hcpcsCode === OBSERVATION_CODE)
      hoursByDate.set(line.serviceDate, (hoursByDate.get(line.serviceDate) ?? new Decimal(0)).plus(line.units));
  for (const [date, hours] of hoursByDate) {
    if (hours.lessThan(OBSERVATION_HOURS)) continue;
    const visit = rows.some(
      ({ line }) =>
        line.hcpcsCode !== null &&
        OBSERVATION_VISITS.has(line.hcpcsCode) &&
        (line.serviceDate === date || dayAfter(line.serviceDate) === date),
    );
    if (visit) return { date, hours };
  }
  return null;
}

/** The claim-level facts the rules read: the J1 line paid, and each T line's rank on its date. */
interface ClaimFacts {
  readonly primaryJ1: RowLine | null;
  readonly rows: readonly RowLine[];
  readonly tRank: ReadonlyMap<number, number>;
}

const discontinuedOf = (modifiers: readonly Modifier[]): DiscontinuedModifier[] =>
  modifiers.filter((m): m is Modifier & DiscontinuedModifier => m === "73" || m === "74");

function claimFacts(rows: readonly RowLine[]): ClaimFacts {
  const j1 = rows.filter((r) => r.row.statusIndicator === "J1").sort(byRate);
  const tRank = new Map<number, number>();
  const ranked = rows
    .filter((r) => r.row.statusIndicator === "T" && !discontinuedOf(r.line.modifiers).includes("74"))
    .sort(byRate);
  const nextRank = new Map<IsoDate, number>();
  for (const r of ranked) {
    const rank = (nextRank.get(r.line.serviceDate) ?? 0) + 1;
    nextRank.set(r.line.serviceDate, rank);
    tRank.set(r.index, rank);
  }
  return { primaryJ1: j1[0] ?? null, rows, tRank };
}

/** How a paid line's units count: as billed, once (J1), by T rank, or as billed at J2's own APC. */
type UnitsRule = "units" | "comprehensive" | "ranked" | "separate apc";

/** How a line with a row is paid under the claim's facts: a packaging, or paid with the units rule named. */
type Decision =
  | { readonly kind: "packaged"; readonly packaging: OppsPackaging }
  | { readonly kind: "paid"; readonly units: UnitsRule }
  | { readonly kind: "not priced"; readonly reason: string };

/** The indicator a line counts as for Q1/Q2 packaging (a J2 visit paid at its own APC counts as V). */
const packagingIndicatorOf = (row: OppsRow): OppsStatusIndicator =>
  statusIndicatorEntry(row.statusIndicator).packagingIndicator ?? row.statusIndicator;

function decide(r: RowLine, facts: ClaimFacts): Decision {
  const entry = statusIndicatorEntry(r.row.statusIndicator);
  const primary = facts.primaryJ1;
  if (primary !== null && primary.index !== r.index && !entry.outsideComprehensive)
    return { kind: "packaged", packaging: { kind: "comprehensive", intoLineNumber: primary.line.claimLineNumber } };
  const rule = entry.payment;
  switch (rule.kind) {
    case "paid":
      return { kind: "paid", units: "units" };
    case "procedure":
      return { kind: "paid", units: facts.tRank.has(r.index) ? "ranked" : "units" };
    case "packaged":
      return { kind: "packaged", packaging: { kind: "packaged indicator" } };
    case "packagedWith": {
      const withLine = facts.rows.find(
        (o) => o.line.serviceDate === r.line.serviceDate && rule.indicators.includes(packagingIndicatorOf(o.row)),
      );
      if (withLine === undefined) return { kind: "paid", units: "units" };
      const packaging: OppsPackaging = { kind: "packaged with", withLineNumber: withLine.line.claimLineNumber, withIndicator: withLine.row.statusIndicator }; // prettier-ignore
      return { kind: "packaged", packaging };
    }
    case "comprehensive":
      return { kind: "paid", units: "comprehensive" };
    case "comprehensiveObservation":
      return { kind: "paid", units: "separate apc" };
    case "notPriced":
      return { kind: "not priced", reason: rule.reason };
  }
}

/** The wage-adjusted rate of a row, or the rate itself for an indicator CMS does not adjust. */
function wageAdjusted(row: OppsRow, rate: Decimal, wageIndex: Decimal, steps: TraceStep[]): Decimal {
  if (!statusIndicatorEntry(row.statusIndicator).wageAdjusted) {
    steps.push({ kind: "oppsNotWageAdjusted", statusIndicator: row.statusIndicator });
    return rate;
  }
  const factor = OPPS_LABOR_SHARE.times(wageIndex).plus(new Decimal(1).minus(OPPS_LABOR_SHARE));
  const amount = rate.times(factor);
  steps.push({ kind: "oppsWageAdjustment", wageIndex, factor, before: rate, amount });
  return amount;
}

/** The units rule of a paid line: its units, the comprehensive single payment, or its T rank's discount. */
function afterUnits(r: RowLine, units: UnitsRule, facts: ClaimFacts, before: Decimal, steps: TraceStep[]): Decimal {
  switch (units) {
    case "separate apc":
      steps.push({ kind: "oppsSeparateApc", statusIndicator: r.row.statusIndicator });
      return afterUnits(r, "units", facts, before, steps);
    case "units": {
      const amount = before.times(r.line.units);
      steps.push({ kind: "oppsUnits", units: r.line.units, before, amount });
      return amount;
    }
    case "comprehensive": {
      const packaged = facts.rows
        .filter((o) => o.index !== r.index && !statusIndicatorEntry(o.row.statusIndicator).outsideComprehensive)
        .map((o) => o.line.claimLineNumber);
      steps.push({ kind: "oppsComprehensive", packagedLineNumbers: packaged, before, amount: before });
      return before;
    }
    case "ranked": {
      const rank = facts.tRank.get(r.index) ?? 1;
      const fullUnits = rank === 1 ? Decimal.min(1, r.line.units) : new Decimal(0);
      const discountedUnits = r.line.units.minus(fullUnits);
      const factor = fullUnits.plus(discountedUnits.times(MULTIPLE_PROCEDURE_FRACTION));
      const amount = before.times(factor);
      steps.push({ kind: "oppsMultipleProcedure", rank, fullUnits, discountedUnits, factor, before, amount });
      return amount;
    }
  }
}

function paidAmount(
  r: RowLine,
  units: UnitsRule,
  facts: ClaimFacts,
  percent: Decimal,
  wageIndex: Decimal,
  steps: TraceStep[],
): Result<Decimal, EngineIssue> {
  const { row, line, table } = r;
  if (row.paymentRate === null)
    return fail({ code: "oppsRateMissing", hcpcsCode: row.hcpcsCode, statusIndicator: row.statusIndicator, tableLabel: table.label, rowNumber: row.sourceRowNumber }); // prettier-ignore
  const discontinued = discontinuedOf(line.modifiers);
  if (discontinued.length > 1)
    return fail({ code: "pfsModifiersConflict", modifiers: discontinued, reason: "a procedure is discontinued either before anesthesia (73) or after it (74)" }); // prettier-ignore
  let amount = afterUnits(r, units, facts, wageAdjusted(row, row.paymentRate, wageIndex, steps), steps);
  const modifier = discontinued[0];
  if (modifier !== undefined) {
    const factor = DISCONTINUED_PROCEDURE_RULES[modifier].factor;
    const before = amount;
    amount = amount.times(factor);
    steps.push({ kind: "oppsDiscontinued", modifier: modifier as Modifier, factor, before, amount });
  }
  const before = amount;
  amount = amount.times(percent);
  steps.push({ kind: "oppsPercent", percent, before, amount });
  return ok(amount);
}

const packagedStep = (statusIndicator: OppsStatusIndicator | null, packaging: OppsPackaging): TraceStep => ({
  kind: "oppsPackaged",
  statusIndicator,
  packaging,
});

/**
 * The amounts of one claim's lines priced at a percent of OPPS, in the order given (the lines of other methods and
 * carve-outs are not among them: they neither package nor are packaged). Rules, per CMS:
 * - a line without HCPCS is packaged; a code Addendum B lacks, or whose indicator this engine does not price, fails;
 * - with a J1 line, the highest-paying J1 line is paid its APC once and every other line is packaged into it (except
 *   G and U, which CMS pays beside it);
 * - without J1, 8 hours of observation with a visit make the claim a comprehensive observation APC, not priced here;
 * - N is packaged; Q1 is packaged with an S, T or V line of the same date (a J2 visit paid at its own APC counts
 *   as V), Q2 with a T line, else paid;
 * - T procedures of a date: the highest rate's first unit 100%, every other unit 50%; 74 lines are not ranked;
 * - modifier 73 pays 50%, 74 100%; then the wage adjustment (R, U, K, G excepted) and the contract's percent.
 */
export function oppsClaimAmounts(
  lines: readonly OutpatientLine[],
  percent: Decimal,
  data: OppsPricingData,
  claimId: string,
): MethodLineAmount[] {
  if (!data.wageIndex.isFinite() || !data.wageIndex.isPositive() || data.wageIndex.isZero())
    return lines.map(() => ({
      steps: [],
      result: fail({ code: "wageIndexInvalid", value: data.wageIndex.toString() }),
    }));
  const looked = lines.map((line, index) => lookUp(line, index, data.tables));
  const rows = looked.flatMap((l): RowLine[] => (l.kind === "row" ? [l] : []));
  const facts = claimFacts(rows);
  const observation = facts.primaryJ1 === null ? comprehensiveObservation(rows) : null;
  return looked.map((l): MethodLineAmount => {
    if (l.kind === "failed") return { steps: l.steps, result: fail(l.issue) };
    if (observation !== null)
      return { steps: l.steps, result: fail({ code: "oppsComprehensiveObservation", claimId, observationDate: observation.date, observationHours: observation.hours.toString() }) }; // prettier-ignore
    if (l.kind === "no hcpcs") {
      const packaging: OppsPackaging =
        facts.primaryJ1 === null ? { kind: "no hcpcs" } : { kind: "comprehensive", intoLineNumber: facts.primaryJ1.line.claimLineNumber }; // prettier-ignore
      return { steps: [packagedStep(null, packaging)], result: ok(new Decimal(0)) };
    }
    const steps = [...l.steps];
    const decision = decide(l, facts);
    switch (decision.kind) {
      case "packaged":
        steps.push(packagedStep(l.row.statusIndicator, decision.packaging));
        return { steps, result: ok(new Decimal(0)) };
      case "not priced":
        return { steps, result: fail({ code: "oppsStatusNotPriced", hcpcsCode: l.row.hcpcsCode, statusIndicator: l.row.statusIndicator, reason: decision.reason }) }; // prettier-ignore
      case "paid":
        return { steps, result: paidAmount(l, decision.units, facts, percent, data.wageIndex, steps) };
    }
  });
}
