/**
 * Prices a proposal (issue 17 item 2) over a contract's claim lines through the uplift engine: each kind of proposal
 * maps to one `computeUpliftScenario` input ({@link PROPOSAL_SCENARIOS}, one entry per kind), so a proposal's year-1
 * dollars are exactly what `PAYER.UPLIFT_SCENARIO` gives on the same lines. Over the term, the escalator compounds
 * the year-1 rates: year k's revenue is the year-1 new revenue x (1 + escalator)^(k - 1), computed exactly and
 * rounded half-up to the cent once per year (ARCHITECTURE.md 6; DOMAIN.md 3.1 "rates x (1+e)^years"); a year's
 * added dollars are its revenue less today's (the rates the contract pays now, held flat).
 */
import { Decimal } from "../decimal";
import { toCents, type Cents } from "../money";
import { fail, ok, type Result } from "../result";
import { computeUpliftScenario, type UpliftInput, type UpliftScenario } from "../uplift";
import type { ProposalIssue } from "./proposalIssues";
import { readPerCodeRates } from "./proposalRates";
import { MAX_TERM_YEARS, PROPOSAL_KINDS, type ProposalKind } from "./proposalVocabulary";

/** A proposal's terms, as a Proposals row holds them (a blank cell is null). */
export interface ProposalTerms {
  readonly kind: ProposalKind;
  /** 0.05 for 5%: the uplift of an across-the-board or top-N proposal. */
  readonly upliftFraction: Decimal | null;
  readonly topN: number | null;
  /** "99213:5%; 99214:4%", or the name of a table of (code, fraction) rows. */
  readonly perCodeRates: string | null;
  readonly oldConversionFactor: Decimal | null;
  readonly newConversionFactor: Decimal | null;
  /** The annual escalator from year 2 on; blank is none. */
  readonly escalatorFraction: Decimal | null;
  readonly termYears: number;
}

/** The rows of a workbook table named by per-code rates (code, fraction), or null when there is no such table. */
export type UpliftTableRows = (tableName: string) => readonly (readonly unknown[])[] | null;

/** What the uplift engine is asked for a proposal: the uplift and how many top codes get it. */
export interface ProposalScenario {
  readonly uplift: UpliftInput;
  readonly topN: number | null;
}

/** The claim lines a proposal is priced over, as the uplift engine takes them (amounts and charges in dollars). */
export interface ProposalLines {
  readonly codes: readonly unknown[];
  readonly amounts: readonly unknown[];
  /** Billed charges, to cap new amounts at them (lesser-of); null for no cap. */
  readonly billed: readonly unknown[] | null;
}

/** One year of the term: its revenue under the proposal and the dollars it adds to today's. */
export interface ProposalYear {
  readonly year: number;
  readonly newCents: Cents;
  readonly addedCents: Cents;
}

/** A proposal priced: the engine's scenario (year 1) and each year of the term. */
export interface PricedProposal {
  readonly scenario: UpliftScenario;
  readonly currentCents: Cents;
  readonly years: readonly ProposalYear[];
  /** The added dollars summed over the term's years. */
  readonly termAddedCents: Cents;
}

/** Decimal places of a conversion-factor change's equivalent fraction: the most a sheet's cell holds exactly. */
export const CF_FRACTION_DECIMALS = 15;

/**
 * The uplift equivalent to a conversion-factor change: new / old - 1, rounded up at the 15th decimal. Rounded up,
 * a line whose exact amount x new / old ends in half a cent still rounds up; and the error, under 10^-15, cannot move
 * any other line under $1,000,000 across a cent when the factors are under $100 with at most 4 decimals (such a
 * line is at least 1 / (2 x 10^6) of a cent from a half cent). So each line gets the cents of amount x new / old.
 * @example conversionFactorFraction(new Decimal("33.4009"), new Decimal("36")) // 0.077815268450851 (0.0778152684508501... rounded up)
 */
export function conversionFactorFraction(oldFactor: Decimal, newFactor: Decimal): Decimal {
  return newFactor.dividedBy(oldFactor).minus(1).toDecimalPlaces(CF_FRACTION_DECIMALS, Decimal.ROUND_CEIL);
}

/** A fraction as the uplift engine reads text: fixed notation (decimal.js writes 1e-7 otherwise). */
const fractionCell = (fraction: Decimal) => fraction.toFixed();

/** The cell a kind needs, or the issue saying it is blank. */
function needed<T>(
  value: T | null,
  field: (typeof PROPOSAL_KINDS)[ProposalKind]["needs"][number],
): Result<T, ProposalIssue> {
  return value === null ? fail({ code: "termMissing", field }) : ok(value);
}

/** The uplift and top N of each kind of proposal: the one place a kind becomes an uplift scenario. */
export const PROPOSAL_SCENARIOS = {
  acrossTheBoard: (terms) => {
    const fraction = needed(terms.upliftFraction, "upliftFraction");
    return fraction.ok
      ? ok({ uplift: { kind: "flat", fraction: fractionCell(fraction.value) }, topN: null })
      : fraction;
  },
  topN: (terms) => {
    const fraction = needed(terms.upliftFraction, "upliftFraction");
    if (!fraction.ok) return fraction;
    const topN = needed(terms.topN, "topN");
    if (!topN.ok) return topN;
    if (!(Number.isInteger(topN.value) && topN.value >= 1)) return fail({ code: "topNInvalid", value: topN.value });
    return ok({ uplift: { kind: "flat", fraction: fractionCell(fraction.value) }, topN: topN.value });
  },
  perCode: (terms, tableRows) => {
    const cell = needed(terms.perCodeRates, "perCodeRates");
    if (!cell.ok) return cell;
    const source = readPerCodeRates(cell.value);
    if (!source.ok) return source;
    if (source.value.kind === "list") {
      const rows = source.value.rates.map((rate) => [rate.hcpcsCode, fractionCell(rate.fraction)]);
      return ok({ uplift: { kind: "byCode", rows }, topN: null });
    }
    const rows = tableRows(source.value.tableName);
    if (rows === null) return fail({ code: "perCodeTableMissing", tableName: source.value.tableName });
    return ok({ uplift: { kind: "byCode", rows }, topN: null });
  },
  conversionFactor: (terms) => {
    const oldFactor = needed(terms.oldConversionFactor, "oldConversionFactor");
    if (!oldFactor.ok) return oldFactor;
    const newFactor = needed(terms.newConversionFactor, "newConversionFactor");
    if (!newFactor.ok) return newFactor;
    if (oldFactor.value.isZero()) return fail({ code: "conversionFactorZero" });
    const fraction = conversionFactorFraction(oldFactor.value, newFactor.value);
    return ok({ uplift: { kind: "flat", fraction: fractionCell(fraction) }, topN: null });
  },
} satisfies {
  readonly [
    K in ProposalKind
  ]: (terms: ProposalTerms, tableRows: UpliftTableRows) => Result<ProposalScenario, ProposalIssue>; // prettier-ignore
};

/** The uplift scenario of a proposal's kind. */
export function proposalScenario(
  terms: ProposalTerms,
  tableRows: UpliftTableRows,
): Result<ProposalScenario, ProposalIssue> {
  return PROPOSAL_SCENARIOS[terms.kind](terms, tableRows);
}

// Powers of (1 + escalator) up to the 9th need hundreds of digits to stay exact; the engine's 40 would round them.
const Exact = Decimal.clone({ precision: 1_000 });

/**
 * The term, year by year: year k's revenue is `newCents` x (1 + escalator)^(k - 1), exact, rounded half-up to the
 * cent once; its added dollars are that less `currentCents`.
 * @example termYears(100000 as Cents, 105000 as Cents, new Decimal("0.03"), 2)
 *   // [{ year: 1, newCents: 105000, addedCents: 5000 }, { year: 2, newCents: 108150, addedCents: 8150 }]
 */
export function termYears(
  currentCents: Cents,
  newCents: Cents,
  escalator: Decimal | null,
  years: number,
): ProposalYear[] {
  const growth = new Exact(escalator?.toFixed() ?? "0").plus(1);
  const first = new Exact(newCents).dividedBy(100);
  return Array.from({ length: years }, (_, k) => {
    const yearCents = toCents(new Decimal(first.times(growth.pow(k)).toFixed(2, Decimal.ROUND_HALF_UP)));
    return { year: k + 1, newCents: yearCents, addedCents: (yearCents - currentCents) as Cents };
  });
}

/**
 * Prices a proposal over claim lines: the uplift engine on its kind's scenario (ranked by current revenue, capped
 * at billed charges where they are given) for year 1, then the term with its escalator.
 */
export function priceProposal(
  terms: ProposalTerms,
  lines: ProposalLines,
  tableRows: UpliftTableRows,
): Result<PricedProposal, ProposalIssue> {
  const { termYears: years } = terms;
  if (!(Number.isInteger(years) && years >= 1 && years <= MAX_TERM_YEARS)) {
    return fail({ code: "termYearsInvalid", value: years });
  }
  const scenario = proposalScenario(terms, tableRows);
  if (!scenario.ok) return scenario;
  const priced = computeUpliftScenario({ ...lines, ...scenario.value, rankBy: "revenue" });
  if (!priced.ok) return fail({ code: "uplift", issue: priced.issue });
  const { currentCents, newCents } = priced.value;
  const yearly = termYears(currentCents, newCents, terms.escalatorFraction, years);
  const termAddedCents = yearly.reduce((sum, year) => sum + year.addedCents, 0) as Cents;
  return ok({ scenario: priced.value, currentCents, years: yearly, termAddedCents });
}
