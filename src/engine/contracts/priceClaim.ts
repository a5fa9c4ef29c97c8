import { Decimal } from "../decimal";
import { COMPONENT_MODIFIERS } from "../feeSchedule";
import { medicareFamilyRankingAmount } from "../medicarePfs";
import type { Modifier } from "../modifiers";
import { findPfsRow, type PfsRvuRow } from "../pfsSchedule";
import { rankMultipleProcedures } from "../pfsRules/multipleProcedure";
import { familyRuleOf, type FamilyRule, type ProcedureRole } from "../pfsRules/procedureFamilies";
import { ok, type Result } from "../result";
import type { TraceStep } from "../trace";
import { findCarveOut } from "./carveOuts";
import { contractAmount, pricingKeyLine, type ContractAmount } from "./contractAmount";
import { resolveMedicareBasis } from "./medicareBasis";
import { carveOutMethodEntry } from "./methods";
import { finishPrice, priceLine } from "./priceLine";
import type { ContractRegistry } from "./registry";
import type { ContractLine, ContractPrice, ContractVersion } from "./types";
import { findContractVersion } from "./versionSelection";

/** A line under a contract with CMS's rules ("medicare"), with the Medicare row whose indicators drive them. */
interface Service {
  readonly index: number;
  /** The line as priced: 2 units of a bilateral-indicator-1 code become 1 unit with modifier 50. */
  readonly line: ContractLine;
  readonly bilateralUnits: boolean;
  readonly version: ContractVersion;
  readonly row: PfsRvuRow;
  readonly rule: FamilyRule;
  /** Contract, version and date of service: the services ranked together. */
  readonly day: string;
}

/** What the claim decides for one line: its rank among the day's surgery, its family role, a split of its units. */
interface Placement {
  rank?: number;
  role?: ProcedureRole;
  /** A multi-unit first service of a component family: its first unit in full, the later ones as subsequent. */
  splitUnits?: boolean;
}

const TWO = new Decimal(2);

function indicatorRow(registry: ContractRegistry, version: ContractVersion, line: ContractLine): PfsRvuRow | null {
  const basis = resolveMedicareBasis(registry, version, line.serviceDate);
  if (!basis.ok) return null;
  const component = (line.modifiers ?? []).find((m) => COMPONENT_MODIFIERS.includes(m)) ?? null;
  const pfs = basis.value.schedule.pfs;
  return findPfsRow(pfs, line.hcpcsCode, component) ?? findPfsRow(pfs, line.hcpcsCode, null) ?? null;
}

/**
 * A bilateral-indicator-1 code billed as 2 units without modifier 50 is one bilateral procedure: 150%, not 200%
 * (DOMAIN.md 2.6, BILAT SURG "mod 50, RT+LT, or 2 units"). Indicator 3 (each side in full) keeps 2 units = 200%.
 */
function asBilateral(line: ContractLine, row: PfsRvuRow): ContractLine | null {
  const modifiers = line.modifiers ?? [];
  if (row.bilateralIndicator !== "1" || line.units !== 2 || modifiers.includes("50" as Modifier)) return null;
  return { ...line, units: 1, modifiers: [...modifiers, "50" as Modifier] };
}

function service(registry: ContractRegistry, line: ContractLine, index: number): Service | null {
  const version = findContractVersion(registry, line.contractName, line.serviceDate);
  if (!version.ok || version.value.multipleProcedureRule !== "medicare") return null;
  const row = indicatorRow(registry, version.value, line);
  if (row === null) return null;
  const rule = familyRuleOf(row);
  if (!rule.ok) return null;
  const bilateral = asBilateral(line, row);
  const v = version.value;
  const day = `${v.contractName.toLowerCase()}|${v.sourceRowNumber}|${line.serviceDate}`;
  return { index, line: bilateral ?? line, bilateralUnits: bilateral !== null, version: v, row, rule: rule.value, day };
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
      const first = place === 0;
      placements.set(member.index, {
        role: first ? "first" : "subsequent",
        splitUnits: first && (member.line.units ?? 1) > 1,
      });
    });
  }
}

/** Surgery of the day (MULT PROC 1/2, and each endoscopy family as one procedure) ranked by contract amount. */
function rankSurgery(registry: ContractRegistry, day: readonly Service[], placements: Map<number, Placement>) {
  const entries = placeEndoscopies(registry, day, placements);
  for (const s of day.filter((x) => x.rule.kind === "ranked" && placements.get(x.index)?.role !== "endoscopyBase"))
    entries.push({ services: [s], amount: rankingAmount(registry, s) });
  const rankable = entries.filter((e): e is { services: Service[]; amount: Decimal } => e.amount !== null);
  if (rankable.length < 2) return;
  const ranks = rankMultipleProcedures(rankable.map((e) => e.amount));
  rankable.forEach((entry, position) => {
    for (const s of entry.services) placements.set(s.index, { ...placements.get(s.index), rank: ranks[position]! });
  });
}

/**
 * A multi-unit first service of a component family: its first unit priced in full and its later units as
 * subsequent services, each by the contract, summed, then lesser-of and the one rounding on the whole line.
 */
function priceSplitUnits(registry: ContractRegistry, line: ContractLine): Result<ContractPrice> {
  const version = findContractVersion(registry, line.contractName, line.serviceDate);
  if (!version.ok) return version;
  const firstUnits = new Decimal(1);
  const laterUnits = new Decimal(String(line.units ?? 1)).minus(firstUnits);
  const part = (units: Decimal, role: ProcedureRole): Result<ContractAmount> => {
    const keyLine = pricingKeyLine({ ...line, units: units.toNumber(), procedureRole: role });
    return keyLine.ok ? contractAmount(registry, version.value, keyLine.value) : keyLine;
  };
  const first = part(firstUnits, "first");
  if (!first.ok) return first;
  const later = part(laterUnits, "subsequent");
  if (!later.ok) return later;
  if (first.value.kind !== "amount" || later.value.kind !== "amount") return priceLine(registry, line);
  const amount = first.value.amount.plus(later.value.amount);
  const trace: TraceStep[] = [
    ...first.value.trace,
    // The later units' steps, without repeating the contract version they share with the first unit.
    ...later.value.trace.filter((step) => step.kind !== "contractVersion"),
    { kind: "familyUnits", firstUnits, laterUnits, firstAmount: first.value.amount, laterAmount: later.value.amount, amount }, // prettier-ignore
  ];
  const combined: ContractAmount = { kind: "amount", basis: first.value.basis, amount, trace };
  return finishPrice(version.value, combined, line.chargeAmount ?? null);
}

function withBilateralUnits(price: Result<ContractPrice>): Result<ContractPrice> {
  if (!price.ok) return price;
  const [head, ...rest] = price.value.trace;
  const step: TraceStep = { kind: "bilateralUnits", units: TWO };
  return ok({ ...price.value, trace: head === undefined ? [step] : [head, step, ...rest] });
}

/**
 * Prices the lines of one claim with CMS's same-day rules (DOMAIN.md 2.6; Claims Processing Manual ch.12 §40.6),
 * under contracts whose Multiple Procedure Rule is "medicare", per contract version and date of service:
 * - bilateral first: a bilateral-indicator-1 code billed as 2 units is one bilateral procedure at 150%;
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
  const services = lines.map((line, index) => service(registry, line, index));
  const days = new Map<string, Service[]>();
  for (const s of services) if (s !== null) days.set(s.day, [...(days.get(s.day) ?? []), s]);
  const placements = new Map<number, Placement>();
  for (const day of days.values()) {
    rankSurgery(registry, day, placements);
    placeComponentFamilies(registry, day, placements);
  }
  return lines.map((original, index) => {
    const s = services[index];
    const placement = placements.get(index) ?? {};
    let line = s?.line ?? original;
    if (placement.rank !== undefined) line = { ...line, multipleProcedureRank: placement.rank };
    if (placement.role !== undefined) line = { ...line, procedureRole: placement.role };
    const price = placement.splitUnits ? priceSplitUnits(registry, line) : priceLine(registry, line);
    return s?.bilateralUnits ? withBilateralUnits(price) : price;
  });
}
