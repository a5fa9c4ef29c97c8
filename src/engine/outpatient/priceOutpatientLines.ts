/**
 * Many outpatient lines at once, with the same amounts and issues as {@link priceOutpatientClaim} claim by claim
 * (issue 14: a million lines within the professional budgets; issue 20: the keyed batch path). Claims alike in
 * everything their amounts read share one pricing, computed once with decimal arithmetic and kept as whole cents per
 * line; each line's charge then enters in integers, through lesser-of only.
 *
 * What a claim's amounts read, and so its key: per line in claim order, the HCPCS code, revenue code, modifiers and
 * units, and its date of service as the Addendum B table in effect and the day counted from the claim's first line
 * (OPPS reads dates only to pick the quarter's table, to group T procedures and per-visit rates by day, and for
 * observation's "same day or the day before"); the charge too where the method or a carve-out reads it. A claim whose
 * shared pricing has an issue is priced again on its own, so that the issue names its own claim, line and date.
 */
import { chargeIsLess } from "../contracts/lesserOf";
import { carveOutReadsCharges } from "../institutional/carveOuts";
import type { EngineIssue } from "../issues";
import type { IsoDate } from "../isoDate";
import { toCents } from "../money";
import { outpatientMethodEntry } from "./methods";
import { priceOutpatientClaim } from "./priceOutpatientClaim";
import type { OppsPricingData, OutpatientLine, OutpatientTerms } from "./types";

/** The results of {@link priceOutpatientLines}, one position per line given. */
export interface BatchOutpatientPricing {
  /** Expected allowed amount in cents; NaN where the line has an issue. */
  readonly allowedAmount: Float64Array;
  readonly issues: ReadonlyMap<number, EngineIssue>;
  /** How many claims were priced with decimal arithmetic (distinct keys, and claims priced again on their own). */
  readonly decimalPricings: number;
}

/** One line of a shared pricing: its contract amount as half-up cents, and whether the exact amount lies above. */
interface SharedLine {
  readonly cents: number;
  readonly aboveCents: boolean;
}

/** A claim's pricing, line by line: each line's shared amount, or null where it has an issue. */
interface Shared {
  readonly lines: readonly (SharedLine | null)[];
  /** Whether a line has an issue: another claim of the key is then priced on its own, for issues of its own. */
  readonly hasIssue: boolean;
}

const MS_PER_DAY = 86_400_000;

/** A date of service as a key reads it: the day number and the index of the Addendum B table in effect (-1: none). */
interface DayOf {
  readonly day: number;
  readonly table: number;
}

function dayReader(opps: OppsPricingData): (date: IsoDate) => DayOf {
  const seen = new Map<IsoDate, DayOf>();
  return (date) => {
    let found = seen.get(date);
    if (found === undefined) {
      const day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY; // prettier-ignore
      const table = opps.tables.findIndex((t) => t.effectiveStartDate <= date && date <= t.effectiveEndDate);
      found = { day, table };
      seen.set(date, found);
    }
    return found;
  };
}

/** Groups line positions by claim id, each claim in the order it first appears and its lines in the order given. */
function claimsOf(lines: readonly OutpatientLine[]): number[][] {
  const claims = new Map<string, number[]>();
  lines.forEach((line, index) => {
    const members = claims.get(line.claimId);
    if (members === undefined) claims.set(line.claimId, [index]);
    else members.push(index);
  });
  return [...claims.values()];
}

/**
 * Prices `lines` (any number of claims, grouped by claim id) under one contract's outpatient terms; the same amounts
 * and issues as {@link priceOutpatientClaim} on each claim's lines.
 * @example priceOutpatientLines(lines, terms, opps).allowedAmount[0] // 21413
 */
export function priceOutpatientLines(
  lines: readonly OutpatientLine[],
  terms: OutpatientTerms,
  opps: OppsPricingData,
): BatchOutpatientPricing {
  const allowedAmount = new Float64Array(lines.length);
  const issues = new Map<number, EngineIssue>();
  const byKey = new Map<string, Shared>();
  const keyHasCharges = outpatientMethodEntry(terms.method).readsCharges || terms.carveOuts.some(carveOutReadsCharges);
  const dayOf = dayReader(opps);
  let decimalPricings = 0;

  const priceAlone = (members: readonly number[]): Shared => {
    decimalPricings++;
    const priced = priceOutpatientClaim(
      members.map((i) => lines[i]!),
      terms,
      opps,
    );
    let hasIssue = false;
    const shared = priced.lines.map((line, k): SharedLine | null => {
      if (!line.result.ok) {
        issues.set(members[k]!, line.result.issue);
        hasIssue = true;
        return null;
      }
      const { contractAmount } = line.result.value;
      const cents = toCents(contractAmount);
      return { cents, aboveCents: contractAmount.times(100).greaterThan(cents) };
    });
    return { lines: shared, hasIssue };
  };

  for (const members of claimsOf(lines)) {
    const first = dayOf(lines[members[0]!]!.serviceDate).day;
    let key = "";
    for (const i of members) {
      const line = lines[i]!;
      const { day, table } = dayOf(line.serviceDate);
      key += `${line.hcpcsCode ?? ""}\u0001${line.revenueCode}\u0001${line.modifiers.join(",")}\u0001${line.units.toString()}\u0001${table}\u0001${day - first}`; // prettier-ignore
      if (keyHasCharges) key += `\u0001${line.chargeAmount ?? ""}`;
      key += "\u0002";
    }
    let shared = byKey.get(key);
    if (shared === undefined) {
      shared = priceAlone(members);
      byKey.set(key, shared);
    } else if (shared.hasIssue) shared = priceAlone(members);
    for (let k = 0; k < members.length; k++) {
      const i = members[k]!;
      const line = shared.lines[k] ?? null;
      if (line === null) {
        allowedAmount[i] = NaN;
        continue;
      }
      const charge = lines[i]!.chargeAmount;
      allowedAmount[i] =
        terms.lesserOf && charge !== null && chargeIsLess(charge, line.cents, line.aboveCents) ? charge : line.cents;
    }
  }
  return { allowedAmount, issues, decimalPricings };
}
