/**
 * Many outpatient lines at once, with the same amounts and issues as {@link priceOutpatientClaim} claim by claim
 * (issue 14: a million lines within the professional budgets; issue 20: the keyed batch path). Claims alike in
 * everything their amounts read share one pricing, computed once with decimal arithmetic and kept as whole cents per
 * line; each line's charge then enters in integers, through lesser-of only.
 *
 * What a claim's amounts read, and so its key: the pattern of each of its lines (HCPCS code, revenue code, modifiers,
 * units, and its date of service as the Addendum B table in effect and the day counted from the claim's earliest
 * date: OPPS reads dates only to pick the quarter's table, to group T procedures and per-visit rates by day, and for
 * observation's "same day or the day before"), in any order unless the method reads the order (OPPS breaks its ties by
 * what lines are, `compareOutpatientLines`, and between identical lines by claim order, which the key keeps); the
 * charges too where the method or a carve-out reads them. A claim whose shared pricing has an issue is priced again on its own, in its
 * own order, so that the issue names its own claim, line and date.
 */
import { chargeIsLess } from "../contracts/lesserOf";
import { carveOutReadsCharges } from "../institutional/carveOuts";
import type { EngineIssue } from "../issues";
import { isoDateNumber, type IsoDate } from "../isoDate";
import { isOne } from "../decimal";
import { roundedCents, type RoundedCents } from "../money";
import { innerMap } from "../nestedMaps";
import type { RevenueCode } from "../revenueCode";
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

/** A claim's pricing, line by line in the order priced: each line's shared amount, or its issue. */
interface Shared {
  readonly lines: readonly (RoundedCents | EngineIssue)[];
  /** Whether a line has an issue: each claim of the key is then priced on its own, for issues of its own. */
  readonly hasIssue: boolean;
}

const MS_PER_DAY = 86_400_000;

/** A date of service as a key reads it: the day number and the index of the Addendum B table in effect (-1: none). */
interface DayOf {
  readonly day: number;
  readonly table: number;
}

function dayReader(opps: OppsPricingData): (date: IsoDate) => DayOf {
  // By the date's number, which reads without hashing the text; by the text itself where it is not ISO-shaped.
  const seen = new Map<number | string, DayOf>();
  // A claim's lines mostly share their date: the last one read is checked first.
  let lastDate: IsoDate | null = null;
  let last: DayOf = { day: NaN, table: -1 };
  return (date) => {
    if (date === lastDate) return last;
    const number = isoDateNumber(date);
    const key = number === -1 ? date : number;
    let found = seen.get(key);
    if (found === undefined) {
      const day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY; // prettier-ignore
      const table = opps.tables.findIndex((t) => t.effectiveStartDate <= date && date <= t.effectiveEndDate);
      found = { day, table };
      seen.set(key, found);
    }
    lastDate = date;
    last = found;
    return found;
  };
}

/** The claim index of each claim id among the first `count` lines. */
function claimIndexes(lines: readonly OutpatientLine[], claimOf: Int32Array, count: number): Map<string, number> {
  const indexOf = new Map<string, number>();
  for (let i = 0; i < count; i++) indexOf.set(lines[i]!.claimId, claimOf[i]!);
  return indexOf;
}

/**
 * The lines grouped by claim id, each claim in the order it first appears and its lines in the order given: claim c
 * holds the positions `positions[start[c]]` to `positions[start[c + 1] - 1]`. Typed arrays: a million lines make a
 * third of a million claims, and an array each is what the garbage collector spent most of its time on.
 */
interface Claims {
  readonly start: Int32Array;
  readonly positions: Int32Array;
}

/** Whether claim id `next` sorts after `previous`, shorter ids first (C9 before C10): exports sorted by claim are. */
const sortsAfter = (previous: string, next: string): boolean =>
  next.length > previous.length || (next.length === previous.length && next > previous);

function claimsOf(lines: readonly OutpatientLine[]): Claims {
  // Built only once a claim id comes out of order: a claim id later than every one before it is new without a look-up
  // (the map of a third of a million ids was over a quarter of the batch's time, issue 14 bench).
  let indexOf: Map<string, number> | null = null;
  const claimOf = new Int32Array(lines.length);
  const sizes: number[] = [];
  let c = -1;
  for (let i = 0; i < lines.length; i++) {
    const id = lines[i]!.claimId;
    // A claim's lines mostly come together: look the claim up only where the claim id changes.
    if (i === 0 || id !== lines[i - 1]!.claimId) {
      if (indexOf === null && (i === 0 || sortsAfter(lines[i - 1]!.claimId, id))) c = -1;
      else {
        indexOf ??= claimIndexes(lines, claimOf, i);
        c = indexOf.get(id) ?? -1;
      }
      if (c === -1) {
        c = sizes.length;
        indexOf?.set(id, c);
        sizes.push(0);
      }
    }
    claimOf[i] = c;
    sizes[c]!++;
  }
  const start = new Int32Array(sizes.length + 1);
  for (let c = 0; c < sizes.length; c++) start[c + 1] = start[c]! + sizes[c]!;
  const filled = start.slice(0, sizes.length);
  const positions = new Int32Array(lines.length);
  for (let i = 0; i < lines.length; i++) positions[filled[claimOf[i]!]!++] = i;
  return { start, positions };
}

/**
 * Numbers line patterns: lines alike in codes, modifiers and units, on the same day of their claims and under the
 * same Addendum B table, get the same number. Nested maps instead of a text key; the commonest line (no modifiers,
 * one unit) builds no text at all.
 */
class LinePatterns {
  private readonly byCodes = new Map<string, Map<RevenueCode, Map<string, Map<number, number>>>>();
  private count = 0;

  constructor(private readonly tableCount: number) {}

  of(line: OutpatientLine, day: number, table: number): number {
    const byVariant = innerMap(innerMap(this.byCodes, line.hcpcsCode ?? ""), line.revenueCode);
    // Units text holds no "|", so the units and modifiers read back unambiguously from the variant.
    const plain = line.modifiers.length === 0 && isOne(line.units);
    const byDay = innerMap(byVariant, plain ? "" : `${line.units.toString()}|${line.modifiers.join(",")}`);
    const dayKey = day * (this.tableCount + 1) + table + 1;
    let found = byDay.get(dayKey);
    if (found === undefined) {
      found = this.count++;
      byDay.set(dayKey, found);
    }
    return found;
  }
}

/** A node of the claims' key tree: one step per number of the key (line count, line patterns, charges). */
class KeyNode {
  next: Map<number, KeyNode> | undefined;
  shared: Shared | undefined;

  step(value: number): KeyNode {
    this.next ??= new Map();
    let found = this.next.get(value);
    if (found === undefined) {
      found = new KeyNode();
      this.next.set(value, found);
    }
    return found;
  }
}

const NO_CHARGE = -1;

/**
 * Sorts `order[0..size)`, places from `from` on, by `ids[place - from]`, keeping equal ids in order: an insertion
 * sort, as claims have a few lines each.
 */
function sortStably(order: Int32Array, ids: Float64Array, from: number, size: number): void {
  for (let k = 1; k < size; k++) {
    const moving = order[k]!;
    let j = k - 1;
    while (j >= 0 && ids[order[j]! - from]! > ids[moving - from]!) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = moving;
  }
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
  const keys = new KeyNode();
  const method = outpatientMethodEntry(terms.method);
  const keyHasCharges = method.readsCharges || terms.carveOuts.some(carveOutReadsCharges);
  const dayOf = dayReader(opps);
  const patterns = new LinePatterns(opps.tables.length);
  let decimalPricings = 0;

  /** Prices a claim's lines in the order given. */
  const priceAlone = (positions: readonly number[]): Shared => {
    decimalPricings++;
    const priced = priceOutpatientClaim(
      positions.map((i) => lines[i]!),
      terms,
      opps,
    );
    let hasIssue = false;
    const shared = priced.lines.map((line): RoundedCents | EngineIssue => {
      if (!line.result.ok) {
        hasIssue = true;
        return line.result.issue;
      }
      return roundedCents(line.result.value.contractAmount);
    });
    return { lines: shared, hasIssue };
  };

  const { start, positions } = claimsOf(lines);
  // Per line of the claim at hand: its pattern, and its place in the key's order (reused across claims).
  const days: DayOf[] = [];
  let ids = new Float64Array(16);
  let order = new Int32Array(16);
  for (let c = 0; c + 1 < start.length; c++) {
    const from = start[c]!;
    const size = start[c + 1]! - from;
    if (size > ids.length) [ids, order] = [new Float64Array(size * 2), new Int32Array(size * 2)];
    let first = Infinity;
    for (let k = 0; k < size; k++) {
      days[k] = dayOf(lines[positions[from + k]!]!.serviceDate);
      first = Math.min(first, days[k]!.day);
    }
    for (let k = 0; k < size; k++) {
      ids[k] = patterns.of(lines[positions[from + k]!]!, days[k]!.day - first, days[k]!.table);
      order[k] = from + k;
    }
    if (!method.readsLineOrder) sortStably(order, ids, from, size);
    let node = keys.step(size);
    for (let k = 0; k < size; k++) node = node.step(ids[order[k]! - from]!);
    if (keyHasCharges)
      for (let k = 0; k < size; k++) node = node.step(lines[positions[order[k]!]!]!.chargeAmount ?? NO_CHARGE);
    // `priced[k]`: the position in `positions` of the k-th line priced.
    let priced = order;
    node.shared ??= priceAlone(Array.from(order.subarray(0, size), (p) => positions[p]!));
    let shared = node.shared;
    if (shared.hasIssue) {
      priced = Int32Array.from({ length: size }, (_, k) => from + k);
      shared = priceAlone(Array.from(positions.subarray(from, from + size)));
    }
    for (let k = 0; k < size; k++) {
      const i = positions[priced[k]!]!;
      const line = shared.lines[k]!;
      if ("code" in line) {
        issues.set(i, line);
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
