/**
 * A negotiation's arithmetic (issue 17 item 1): the current revenue under a contract, the BATNA (what the
 * organisation keeps if the contract terminates, and the revenue at risk), the walk-away floor, the target and the
 * opening offer, the payer's likely maximum, and the zone of possible agreement (ZOPA) between them.
 *
 * Every figure is "added revenue per year" against the current revenue (negative: less than today), in whole cents,
 * with one half-up rounding per product, as the Negotiation sheet's formulas compute it:
 * - revenue at contract amounts of the volume kept = current x kept share; revenue without the contract (BATNA) =
 *   that x the alternative amount as a fraction of the contract amount (the out-of-network or other payer's amount).
 *   With every patient kept, revenue at risk = volume x (contract amount - alternative amount), the issue's BATNA;
 * - floor, target, opening offer and a payer's maximum the user gives: current x their fraction;
 * - the payer's likely maximum from the market: per code, the volume at the market's 75th percentile rate where that
 *   is above what the code earns now (a payer matches the market up to p75 and does not cut codes already above it);
 * - ZOPA = [max(floor, BATNA - current), payer's maximum]; no zone when the payer's maximum is below that.
 */
import { catalogue } from "../catalogue";
import { Decimal } from "../decimal";
import { dollarsOf, toCents, type Cents } from "../money";
import { fail, ok, type Result } from "../result";

/** The inputs of a negotiation, as fractions (0.7 for 70%). */
export interface NegotiationInputs {
  /** The alternative amount (out-of-network or another payer) as a fraction of the contract amount. */
  readonly alternativeFraction: number;
  /** The share of the volume the organisation keeps if the contract terminates (0 to 1). */
  readonly keptShare: number;
  /** Walk-away floor, target and opening offer: added revenue as a fraction of the current revenue. */
  readonly floor: number;
  readonly target: number;
  readonly opening: number;
  /** The payer's likely maximum as a fraction of the current revenue; null: from the market's p75 per code. */
  readonly payerMax: number | null;
}

/** One code's claims under the contract, and the market's 75th percentile rate for it (null: no market rate). */
export interface NegotiationCode {
  readonly hcpcsCode: string;
  /** Units (or lines, when the claims have no units) per year. */
  readonly volume: number;
  readonly currentCents: number;
  readonly marketP75: Decimal | null;
}

/** A position: its added revenue per year, that as a fraction of the current revenue, and the revenue it gives. */
export interface NegotiationPoint {
  readonly addedCents: Cents;
  readonly fraction: Decimal;
  readonly revenueCents: Cents;
}

/** The zone of possible agreement, in added revenue per year; `kind` says whether there is one. */
export interface Zopa {
  readonly kind: "zone" | "noZone";
  /** The higher of the floor and the BATNA. */
  readonly lowCents: Cents;
  /** The payer's likely maximum. */
  readonly highCents: Cents;
  /** high - low: the zone's width, negative when there is no zone. */
  readonly widthCents: Cents;
}

/** Where the opening offer sits against the zone. */
export type OpeningPlace = "aboveMax" | "inZone" | "belowZone";

/** A negotiation's figures. */
export interface NegotiationPosition {
  readonly currentCents: Cents;
  /** Revenue of the volume kept if the contract terminates, at today's contract amounts. */
  readonly keptRevenueCents: Cents;
  /** The BATNA: that volume paid at the alternative amount. */
  readonly batna: NegotiationPoint;
  readonly floor: NegotiationPoint;
  readonly target: NegotiationPoint;
  readonly opening: NegotiationPoint;
  readonly payerMax: NegotiationPoint;
  readonly payerMaxSource: "market" | "input";
  readonly zopa: Zopa;
  readonly openingPlace: OpeningPlace;
}

/** The inputs a user sets, with their names in the form and on the sheet. */
export const NEGOTIATION_INPUTS = {
  alternativeFraction: { label: "Alternative amount, % of the contract amount" },
  keptShare: { label: "Share of the volume kept if the contract terminates" },
  floor: { label: "Walk-away floor, % of current revenue" },
  target: { label: "Target, % of current revenue" },
  opening: { label: "Opening offer, % of current revenue" },
  payerMax: { label: "Payer's likely maximum, % of current revenue" },
} as const satisfies Record<keyof NegotiationInputs, { readonly label: string }>;

/** An input of {@link NEGOTIATION_INPUTS}. */
export type NegotiationInput = keyof typeof NEGOTIATION_INPUTS;

/** The words the sheet writes for the zone and for the opening offer, declared once for the engine and formulas. */
export const ZOPA_WORDS = {
  zone: "Zone of possible agreement: open at its high end",
  noZone: "No zone: the payer's likely maximum is below our floor",
} as const satisfies Record<Zopa["kind"], string>;
export const OPENING_WORDS = {
  aboveMax: "Above the payer's likely maximum: expect a counter-offer",
  inZone: "Within the zone",
  belowZone: "Below the zone's lower end",
} as const satisfies Record<OpeningPlace, string>;

/** Percentages carry at most 2 decimals (12.25%), so that each product is exact to the cent in Excel too. */
export const MAX_PERCENT_DECIMALS = 2;

/** Why the figures cannot be computed, as values. */
export type ZopaIssue =
  | { readonly code: "inputNotANumber"; readonly input: NegotiationInput }
  | { readonly code: "inputNegative"; readonly input: NegotiationInput; readonly value: number }
  | { readonly code: "inputTooPrecise"; readonly input: NegotiationInput; readonly value: number }
  | { readonly code: "keptShareAboveAll"; readonly value: number }
  | { readonly code: "floorAboveTarget"; readonly floor: number; readonly target: number }
  | { readonly code: "openingBelowTarget"; readonly opening: number; readonly target: number }
  | { readonly code: "noRevenue"; readonly currentCents: number }
  | { readonly code: "noMarketRate" };

const percent = (fraction: number) => `${new Decimal(String(fraction)).times(100).toString()}%`;
const label = (input: NegotiationInput) => NEGOTIATION_INPUTS[input].label.split(",")[0]!;

/** The message a finance user reads for an issue. */
export const describeZopaIssue: (issue: ZopaIssue) => string = catalogue<ZopaIssue>({
  inputNotANumber: (i) => `${label(i.input)}: enter a percentage like 5%.`,
  inputNegative: (i) => `${label(i.input)} is ${percent(i.value)}: expected 0% or more.`,
  inputTooPrecise: (i) =>
    `${label(i.input)} is ${percent(i.value)}: give it with at most ${MAX_PERCENT_DECIMALS} decimals (for example 2.25%).`,
  keptShareAboveAll: (i) => `The share of the volume kept is ${percent(i.value)}: expected 0% to 100%.`,
  floorAboveTarget: (i) =>
    `The walk-away floor (${percent(i.floor)}) is above the target (${percent(i.target)}): the floor is the least you accept, so it must not exceed the target.`,
  openingBelowTarget: (i) =>
    `The opening offer (${percent(i.opening)}) is below the target (${percent(i.target)}): open at or above what you aim for.`,
  noRevenue: () =>
    "The contract's claims add up to no revenue ($0.00 or less): there is nothing to negotiate over in this table.",
  noMarketRate: () =>
    "The Benchmarks table has no dollar rate for any code of the contract's claims: enter the payer's likely maximum as a percentage instead.",
});

/** Checks the inputs a user set: numbers, not negative, at most 2 decimals as a percent, floor <= target <= opening. */
export function checkNegotiationInputs(inputs: NegotiationInputs): Result<NegotiationInputs, ZopaIssue> {
  for (const input of Object.keys(NEGOTIATION_INPUTS) as NegotiationInput[]) {
    const value = inputs[input];
    if (value === null) continue;
    if (!Number.isFinite(value)) return fail({ code: "inputNotANumber", input });
    if (value < 0) return fail({ code: "inputNegative", input, value });
    if (new Decimal(String(value)).decimalPlaces() > MAX_PERCENT_DECIMALS + 2)
      return fail({ code: "inputTooPrecise", input, value });
  }
  if (inputs.keptShare > 1) return fail({ code: "keptShareAboveAll", value: inputs.keptShare });
  if (inputs.floor > inputs.target) return fail({ code: "floorAboveTarget", floor: inputs.floor, target: inputs.target }); // prettier-ignore
  if (inputs.opening < inputs.target)
    return fail({ code: "openingBelowTarget", opening: inputs.opening, target: inputs.target });
  return ok(inputs);
}

/** A fraction of an amount, rounded half-up to the cent once. */
const share = (cents: Cents, fraction: number): Cents => toCents(dollarsOf(cents).times(String(fraction)));

/** The payer's maximum from the market: each code at the larger of its current revenue and its volume at p75. */
export function marketMaximumCents(codes: readonly NegotiationCode[]): Cents | null {
  if (codes.every((code) => code.marketP75 === null)) return null;
  let total = 0;
  for (const code of codes) {
    const atMarket = code.marketP75 === null ? code.currentCents : toCents(code.marketP75.times(String(code.volume)));
    total += Math.max(code.currentCents, atMarket);
  }
  return total as Cents;
}

/**
 * The negotiation's figures from the contract's claims (one entry per code) and the user's inputs; an issue when an
 * input is out of range, the claims earn nothing, or the market gives no rate and the user gave no maximum.
 * @example computeNegotiation(codes, { alternativeFraction: 0.7, keptShare: 0.5, floor: 0.02, target: 0.04, opening: 0.07, payerMax: null })
 */
export function computeNegotiation(
  codes: readonly NegotiationCode[],
  inputs: NegotiationInputs,
): Result<NegotiationPosition, ZopaIssue> {
  const checked = checkNegotiationInputs(inputs);
  if (!checked.ok) return checked;
  const current = codes.reduce((sum, code) => sum + code.currentCents, 0) as Cents;
  if (current <= 0) return fail({ code: "noRevenue", currentCents: current });
  const point = (addedCents: number): NegotiationPoint => ({
    addedCents: addedCents as Cents,
    fraction: new Decimal(addedCents).div(current),
    revenueCents: (current + addedCents) as Cents,
  });
  const kept = share(current, inputs.keptShare);
  const batna = point(share(kept, inputs.alternativeFraction) - current);
  let payerMax: NegotiationPoint;
  if (inputs.payerMax !== null) payerMax = point(share(current, inputs.payerMax));
  else {
    const market = marketMaximumCents(codes);
    if (market === null) return fail({ code: "noMarketRate" });
    payerMax = point(market - current);
  }
  const floor = point(share(current, inputs.floor));
  const opening = point(share(current, inputs.opening));
  const low = Math.max(floor.addedCents, batna.addedCents) as Cents;
  const high = payerMax.addedCents;
  const openingPlace: OpeningPlace =
    opening.addedCents > high ? "aboveMax" : opening.addedCents < low ? "belowZone" : "inZone";
  return ok({
    currentCents: current,
    keptRevenueCents: kept,
    batna,
    floor,
    target: point(share(current, inputs.target)),
    opening,
    payerMax,
    payerMaxSource: inputs.payerMax === null ? "market" : "input",
    zopa: { kind: high < low ? "noZone" : "zone", lowCents: low, highCents: high, widthCents: (high - low) as Cents },
    openingPlace,
  });
}
