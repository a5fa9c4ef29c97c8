import { Decimal } from "../decimal";
import { medicareFamilyRankingAmount } from "../medicarePfs";
import type { Modifier } from "../modifiers";
import type { PfsRvuRow } from "../pfsSchedule";
import { rankMultipleProcedures } from "../pfsRules/multipleProcedure";
import { familyRuleOf, type FamilyRule, type ProcedureRole } from "../pfsRules/procedureFamilies";
import { unitRuleOf } from "../pfsRules/unitRules";
import type { Result } from "../result";
import { findCarveOut } from "./carveOuts";
import { contractAmount, indicatorRow, lineUnits, pricingKeyLine } from "./contractAmount";
import { resolveMedicareBasis } from "./medicareBasis";
import { carveOutMethodEntry } from "./methods";
import { priceLine } from "./priceLine";
import type { ContractRegistry } from "./registry";
import type { ContractLine, ContractPrice, ContractVersion } from "./types";
import { findContractVersion } from "./versionSelection";

/** A line under a contract with CMS's rules ("medicare"), with the Medicare row whose indicators drive them. */
interface Service {
  readonly index: number;
  /** The line as ranked: 2 units of a bilateral-indicator-1 code are 1 unit with modifier 50 (its unit rule). */
  readonly line: ContractLine;
  readonly version: ContractVersion;
  readonly row: PfsRvuRow;
  readonly rule: FamilyRule;
  /** Contract, version and date of service: the services ranked together. */
  readonly day: string;
}

/**
 * What the claim decides for one line: its rank among the day's surgery, its family role. Its units follow its unit
 * rule in `priceLine` (a first service of a component family splits its units there).
 */
interface Placement {
  rank?: number;
  role?: ProcedureRole;
  side?: Modifier;
}

/** The two sides of a paired organ or body part, as a line says which it is. */
const SIDES = ["RT", "LT"] as const;
const BILATERAL_MODIFIER = "50" as Modifier;
/**
 * BILAT SURG indicators under which two lines billing the two sides (RT and LT) are one bilateral procedure, as with
 * modifier 50: 1 pays the pair 150%, 0 and 2 pay it 100% (CMS RVU file layout, BILAT SURG). Under 3 each side is paid
 * in full either way; under 9 the concept does not apply and RT/LT only say which side.
 */
const PAIRED_INDICATORS: ReadonlySet<string> = new Set(["0", "1", "2"]);

/** The side a line bills (RT or LT alone, without 50, one unit), or null. */
function sideOf(s: Service): Modifier | null {
  const modifiers = s.line.modifiers ?? [];
  if ((s.line.units ?? 1) !== 1 || modifiers.includes(BILATERAL_MODIFIER)) return null;
  const sides = SIDES.filter((side) => modifiers.includes(side as Modifier));
  return sides.length === 1 ? (sides[0] as Modifier) : null;
}

/**
 * Pairs the two sides of a bilateral procedure billed on two lines (RT on one, LT on the other, same code, setting
 * and other modifiers, same day): each is placed as a side, and the pairs come back to be ranked as one procedure
 * each. Lines pair in claim order; a side without its other half is priced as billed.
 */
function pairSides(day: readonly Service[], placements: Map<number, Placement>): (readonly [Service, Service])[] {
  const waiting = new Map<string, Service[]>();
  const pairs: (readonly [Service, Service])[] = [];
  for (const s of day) {
    const side = sideOf(s);
    if (side === null || !PAIRED_INDICATORS.has(s.row.bilateralIndicator)) continue;
    if (s.rule.kind !== "ranked" && s.rule.kind !== "none") continue;
    const others = (s.line.modifiers ?? []).filter((m) => !SIDES.includes(m as (typeof SIDES)[number]) && m !== "51");
    const key = (which: string) =>
      `${s.line.hcpcsCode}|${s.line.setting ?? ""}|${[...others].sort().join(" ")}|${which}`;
    const other = waiting.get(key(side === "RT" ? "LT" : "RT"))?.shift();
    if (other === undefined) {
      waiting.set(key(side), [...(waiting.get(key(side)) ?? []), s]);
      continue;
    }
    placements.set(other.index, { side: sideOf(other)! });
    placements.set(s.index, { side });
    pairs.push([other, s]);
  }
  return pairs;
}

/**
 * The line as ranked with the others: under its unit rule, 2 units of a bilateral-indicator-1 code are one bilateral
 * procedure (DOMAIN.md 2.6), ranked at 150%. `priceLine` applies the same rule when the line is priced.
 */
function asRanked(line: ContractLine, row: PfsRvuRow): ContractLine {
  // Only 2 units make a bilateral procedure of one line (unitRuleOf): every other line is ranked as billed.
  if (line.units !== 2) return line;
  const units = lineUnits(line.units);
  if (!units.ok) return line;
  const rule = unitRuleOf(row, units.value, line.modifiers ?? [], undefined);
  return rule.kind === "bilateral" ? { ...line, units: 1, modifiers: rule.modifiers } : line;
}

function service(registry: ContractRegistry, line: ContractLine, index: number): Service | null {
  const version = findContractVersion(registry, line.contractName, line.serviceDate);
  if (!version.ok || version.value.multipleProcedureRule !== "medicare") return null;
  const row = indicatorRow(registry, version.value, line);
  if (row === null) return null;
  const rule = familyRuleOf(row);
  if (!rule.ok) return null;
  const v = version.value;
  const day = `${v.contractName.toLowerCase()}|${v.sourceRowNumber}|${line.serviceDate}`;
  return { index, line: asRanked(line, row), version: v, row, rule: rule.value, day };
}

/** The contract amount of a service before any same-day reduction (or with a family role), when it has one to rank by. */
function rankingAmount(registry: ContractRegistry, s: Service, role?: ProcedureRole): Decimal | null {
  const unranked: ContractLine = { ...s.line, modifiers: (s.line.modifiers ?? []).filter((m) => m !== "51") };
  delete (unranked as { multipleProcedureRank?: number }).multipleProcedureRank;
  const keyLine = pricingKeyLine(role === undefined ? unranked : { ...unranked, procedureRole: role });
  if (!keyLine.ok) return null;
  const carveOut = findCarveOut(registry, s.version.contractName, s.line.hcpcsCode);
  if (carveOut !== null && !carveOutMethodEntry(carveOut.method).rankedWithProcedures) return null;
  const priced = contractAmount(registry, s.version, keyLine.value);
  // A percent of the charge has no amount to rank by.
  return priced.ok && priced.value.kind === "amount" ? priced.value.amount : null;
}

/** Positions of `amounts` from highest to lowest, ties in claim order. */
const byAmount = (amounts: readonly Decimal[]): number[] => {
  const ranks = rankMultipleProcedures(amounts);
  return amounts.map((_, i) => ranks.indexOf(i + 1));
};

/** Endoscopy families by ENDO BASE: the highest-valued member in full, the others less the base, a base billed with them unpaid. */
function placeEndoscopies(registry: ContractRegistry, day: readonly Service[], placements: Map<number, Placement>) {
  const families = new Map<string, Service[]>();
  for (const s of day.filter((x) => x.rule.kind === "endoscopy" && x.row.endoscopicBaseCode !== null))
    families.set(s.row.endoscopicBaseCode!, [...(families.get(s.row.endoscopicBaseCode!) ?? []), s]);
  const entries: { services: Service[]; amount: Decimal | null }[] = [];
  for (const [baseCode, members] of families) {
    const values = members.map((m) => rankingAmount(registry, m) ?? new Decimal(0));
    byAmount(values).forEach((position, order) => {
      placements.set(members[position]!.index, { role: order === 0 ? "first" : "endoscopyMember" });
    });
    for (const base of day.filter((x) => x.line.hcpcsCode === baseCode && x.rule.kind !== "endoscopy"))
      placements.set(base.index, { role: "endoscopyBase" });
    const paid = members.map((m) => rankingAmount(registry, m, placements.get(m.index)!.role));
    const amount = paid.some((a) => a === null) ? null : paid.reduce((sum: Decimal, a) => sum.plus(a!), new Decimal(0));
    entries.push({ services: members, amount });
  }
  return entries;
}

/**
 * Component families (imaging, therapy, cardiovascular, ophthalmology): the service with the highest TC (therapy:
 * practice expense) amount is first, every other service and every later unit subsequent.
 */
function placeComponentFamilies(
  registry: ContractRegistry,
  day: readonly Service[],
  placements: Map<number, Placement>,
) {
  const families = new Map<string, Service[]>();
  for (const s of day.filter((x) => x.rule.kind === "components" || x.rule.kind === "practice expense"))
    families.set(s.row.multipleProcedureIndicator, [...(families.get(s.row.multipleProcedureIndicator) ?? []), s]);
  for (const members of families.values()) {
    const units = members.reduce((sum, m) => sum + (m.line.units ?? 1), 0);
    if (units <= 1) continue;
    const amounts: (Decimal | null)[] = members.map((m) => {
      const basis = resolveMedicareBasis(registry, m.version, m.line.serviceDate);
      if (!basis.ok) return null;
      const { schedule, pricingDate } = basis.value;
      const data = {
        schedule: schedule.pfs,
        locality: schedule.locality,
        conversionFactors: schedule.conversionFactors,
      };
      const line = { ...m.line, modifiers: m.line.modifiers ?? [], setting: m.line.setting ?? "non-facility" } as const;
      const amount = medicareFamilyRankingAmount(data, { ...line, serviceDate: pricingDate });
      return amount.ok ? amount.value : null;
    });
    // A service whose amount cannot be read is priced alone, where its issue shows.
    const ranked = members.filter((_, i) => amounts[i] !== null);
    const order = byAmount(amounts.filter((a): a is Decimal => a !== null));
    order.forEach((position, place) => {
      const member = ranked[position]!;
      placements.set(member.index, { role: place === 0 ? "first" : "subsequent" });
    });
  }
}

/**
 * Surgery of the day (MULT PROC 1/2, each endoscopy family and each RT/LT pair as one procedure) ranked by contract
 * amount.
 */
function rankSurgery(registry: ContractRegistry, day: readonly Service[], placements: Map<number, Placement>) {
  const pairs = pairSides(day, placements).filter(([first]) => first.rule.kind === "ranked");
  const entries = placeEndoscopies(registry, day, placements);
  const alone = (x: Service) => placements.get(x.index)?.role !== "endoscopyBase" && placements.get(x.index)?.side === undefined; // prettier-ignore
  const single = day.filter((x) => x.rule.kind === "ranked" && alone(x));
  // One procedure alone on its day has no rank: its amount is not needed (most claims; pricing it is the cost).
  if (entries.length + pairs.length + single.length < 2) return;
  for (const [first, second] of pairs) {
    const asBilateral = { ...first.line, modifiers: [...(first.line.modifiers ?? []), BILATERAL_MODIFIER] };
    entries.push({ services: [first, second], amount: rankingAmount(registry, { ...first, line: asBilateral }) });
  }
  for (const s of single) entries.push({ services: [s], amount: rankingAmount(registry, s) });
  const rankable = entries.filter((e): e is { services: Service[]; amount: Decimal } => e.amount !== null);
  if (rankable.length < 2) return;
  const ranks = rankMultipleProcedures(rankable.map((e) => e.amount));
  rankable.forEach((entry, position) => {
    for (const s of entry.services) placements.set(s.index, { ...placements.get(s.index), rank: ranks[position]! });
  });
}

/**
 * Prices the lines of one claim with CMS's same-day rules (DOMAIN.md 2.6; Claims Processing Manual ch.12 §40.6),
 * under contracts whose Multiple Procedure Rule is "medicare", per contract version and date of service:
 * - bilateral first: a bilateral-indicator-1 code billed as 2 units is one bilateral procedure at 150%; two lines
 *   billing its two sides (RT and LT) are one bilateral procedure (indicator 1: 150%, 0 and 2: 100%), half to each;
 * - endoscopy (MULT PROC 3) by ENDO BASE: the highest-valued member in full, each other member its value minus the
 *   base's, the base billed with its family unpaid;
 * - surgery (MULT PROC 1/2, each endoscopy family as one procedure) ranked by contract amount after bilateral,
 *   highest first, ties in claim order, each priced at its rank (modifier 51 is then irrelevant);
 * - component families (4 imaging, 5 therapy, 6 cardiovascular, 7 ophthalmology), each across its lines and units:
 *   the service with the highest TC (therapy: practice expense) amount first, every other service and later unit
 *   with the family's reductions.
 * Every other line is priced as by {@link priceLine}; "none" keeps rate x units. One result per line, in order.
 */
export function priceClaim(registry: ContractRegistry, lines: readonly ContractLine[]): Result<ContractPrice>[] {
  // The line as billed: priceLine applies its unit rule (bilateral units, a family's later units) with the placement.
  return placeClaimLines(registry, lines).map((line) => priceLine(registry, line));
}

/**
 * The lines of one claim as {@link priceClaim} prices them: each with the rank, family role or bilateral side the
 * claim's same-day rules give it (the same line object where the claim decides nothing). The batch pricer prices
 * these placed lines by key (`priceLines` with a placement column), with the same amounts.
 */
export function placeClaimLines(registry: ContractRegistry, lines: readonly ContractLine[]): ContractLine[] {
  const services = lines.map((line, index) => service(registry, line, index));
  const days = new Map<string, Service[]>();
  for (const s of services) if (s !== null) days.set(s.day, [...(days.get(s.day) ?? []), s]);
  const placements = new Map<number, Placement>();
  for (const day of days.values()) {
    rankSurgery(registry, day, placements);
    placeComponentFamilies(registry, day, placements);
  }
  return lines.map((original, index) => {
    const placement = placements.get(index) ?? {};
    let line = original;
    if (placement.rank !== undefined) line = { ...line, multipleProcedureRank: placement.rank };
    if (placement.role !== undefined) line = { ...line, procedureRole: placement.role };
    if (placement.side !== undefined) line = { ...line, bilateralSide: placement.side };
    return line;
  });
}
