import type { Decimal } from "../decimal";
import { COMPONENT_MODIFIERS } from "../feeSchedule";
import { findPfsRow, type PfsRvuRow } from "../pfsSchedule";
import { rankMultipleProcedures } from "../pfsRules/multipleProcedure";
import type { Result } from "../result";
import { findCarveOut } from "./carveOuts";
import { contractAmount, pricingKeyLine } from "./contractAmount";
import { resolveMedicareBasis } from "./medicareBasis";
import { carveOutMethodEntry } from "./methods";
import { priceLine } from "./priceLine";
import type { ContractRegistry } from "./registry";
import type { ContractLine, ContractPrice, ContractVersion } from "./types";
import { findContractVersion } from "./versionSelection";

/** MULT PROC indicators ranked 100/50/50 (2) or 100/50/25 (1) across the claim's same-day procedures. */
const RANKED_INDICATORS = ["1", "2"];
/** Family rules (endoscopy, imaging, therapy, cardiovascular, ophthalmology) the engine does not price yet. */
const FAMILY_INDICATORS = ["3", "4", "5", "6", "7"];

function indicatorRow(registry: ContractRegistry, version: ContractVersion, line: ContractLine): PfsRvuRow | null {
  const basis = resolveMedicareBasis(registry, version, line.serviceDate);
  if (!basis.ok) return null;
  const component = (line.modifiers ?? []).find((m) => COMPONENT_MODIFIERS.includes(m)) ?? null;
  const pfs = basis.value.schedule.pfs;
  return findPfsRow(pfs, line.hcpcsCode, component) ?? findPfsRow(pfs, line.hcpcsCode, null) ?? null;
}

interface Candidate {
  readonly index: number;
  readonly group: string;
  readonly indicator: string;
  readonly amount: Decimal;
}

/** The line's contract amount before any multiple-procedure reduction, when the line takes part in ranking. */
function candidate(registry: ContractRegistry, line: ContractLine, index: number): Candidate | null {
  const version = findContractVersion(registry, line.contractName, line.serviceDate);
  if (!version.ok || version.value.multipleProcedureRule !== "medicare") return null;
  const row = indicatorRow(registry, version.value, line);
  if (row === null) return null;
  const indicator = row.multipleProcedureIndicator;
  if (!RANKED_INDICATORS.includes(indicator) && !FAMILY_INDICATORS.includes(indicator)) return null;
  const unranked = { ...line, modifiers: (line.modifiers ?? []).filter((m) => m !== "51") };
  delete (unranked as { multipleProcedureRank?: number }).multipleProcedureRank;
  const keyLine = pricingKeyLine(unranked);
  if (!keyLine.ok) return null;
  const carveOut = findCarveOut(registry, version.value.contractName, line.hcpcsCode);
  if (carveOut !== null && !carveOutMethodEntry(carveOut.method).rankedWithProcedures) return null;
  const priced = contractAmount(registry, version.value, keyLine.value);
  // A percent of the charge has no amount to rank by.
  if (!priced.ok || priced.value.kind !== "amount") return null;
  const v = version.value;
  const group = `${v.contractName.toLowerCase()}|${v.sourceRowNumber}|${line.serviceDate}`;
  return { index, group, indicator, amount: priced.value.amount };
}

/**
 * Prices the lines of one claim with claim-level multiple procedure ranking (DOMAIN.md 2.6, MULT PROC 2 "rank
 * same-day indicator 1/2/3 procedures by fee schedule amount, pay 100%, 50%, 50%..."; CMS Claims Processing Manual
 * ch.12 §40.6): under contracts with the "medicare" rule, the same-day procedures of one contract version with MULT
 * PROC 1 or 2 are ranked by their contract amount (after bilateral and units, before the reduction), highest first,
 * ties in claim order, and each is priced at its rank; modifier 51 is then irrelevant. Two or more same-day lines of
 * one family indicator (3-7) come back as "not supported" rather than unreduced. Every other line is priced as by
 * {@link priceLine}. One result per line, in order.
 */
export function priceClaim(registry: ContractRegistry, lines: readonly ContractLine[]): Result<ContractPrice>[] {
  const ranks = new Map<number, number>();
  const groups = new Map<string, Candidate[]>();
  lines.forEach((line, index) => {
    const found = candidate(registry, line, index);
    if (found === null) return;
    const key = `${found.group}|${RANKED_INDICATORS.includes(found.indicator) ? "ranked" : found.indicator}`;
    groups.set(key, [...(groups.get(key) ?? []), found]);
  });
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const order = rankMultipleProcedures(members.map((m) => m.amount));
    members.forEach((member, position) => ranks.set(member.index, order[position]!));
  }
  return lines.map((line, index) => {
    const rank = ranks.get(index);
    return priceLine(registry, rank === undefined ? line : { ...line, multipleProcedureRank: rank });
  });
}
