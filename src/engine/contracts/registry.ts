import type { Decimal } from "../decimal";
import type { EngineIssue } from "../issues";
import type { FeeSchedule } from "../feeSchedule";
import type { DrgWeightTable } from "../inpatient/drgTable";
import type { InpatientTerms } from "../inpatient/terms";
import type { IsoDate } from "../isoDate";
import type { OppsTable } from "../outpatient/oppsTable";
import type { OutpatientTerms } from "../outpatient/types";
import { fail, ok, type Result } from "../result";
import type { AnesthesiaBaseUnitsTable } from "../pfsRules/anesthesia";
import { codeShape } from "./carveOuts";
import type { ModifierPolicy } from "./modifierPolicies";
import type { CarveOut, ContractVersion, MedicareSchedule } from "./types";

/**
 * Everything the workbook says about contracts, indexed for pricing: contract versions by contract name (sorted by
 * start date), carve-outs by contract name, fee schedules and Medicare schedules by table name. Every name is looked
 * up case-insensitively, as Excel compares text and table names.
 */
export interface ContractRegistry {
  readonly versionsByName: ReadonlyMap<string, readonly ContractVersion[]>;
  readonly carveOutsByName: ReadonlyMap<string, readonly CarveOut[]>;
  /** The contract's own modifier percentages (`ContractModifierPolicies`), by contract name. */
  readonly modifierPoliciesByName: ReadonlyMap<string, readonly ModifierPolicy[]>;
  readonly feeSchedules: ReadonlyMap<string, FeeSchedule>;
  readonly medicareSchedules: ReadonlyMap<string, MedicareSchedule>;
  /** The workbook's anesthesia base units (the AnesthesiaBaseUnits table); absent: no anesthesia line is priced. */
  readonly anesthesiaBaseUnits?: AnesthesiaBaseUnitsTable;
  /** Contract names as written in the registry, sorted, for "unknown contract" messages. */
  readonly contractNames: readonly string[];
  /** Hospital contracts' inpatient and outpatient terms and the CMS tables they price against; absent: none. */
  readonly hospital?: HospitalRegistry;
}

/** One version of a hospital contract's inpatient or outpatient terms: the dates it prices, inclusive, and the terms. */
export interface HospitalTermsVersion<T> {
  readonly effectiveStartDate: IsoDate;
  readonly effectiveEndDate: IsoDate;
  readonly terms: T;
}

/** A version of outpatient terms, with the hospital's wage index a percent of OPPS adjusts by (null: not given). */
export interface OutpatientTermsVersion extends HospitalTermsVersion<OutpatientTerms> {
  readonly wageIndex: Decimal | null;
}

/**
 * The hospital side of the registry (issue 14): terms versions by registry key of the contract name, sorted by start
 * date and never overlapping (the reader refuses overlaps), and the MS-DRG weights (one table per fiscal year) and
 * OPPS Addendum B tables (one per quarter) of the workbook.
 */
export interface HospitalRegistry {
  readonly inpatientByName: ReadonlyMap<string, readonly HospitalTermsVersion<InpatientTerms>[]>;
  readonly outpatientByName: ReadonlyMap<string, readonly OutpatientTermsVersion[]>;
  readonly drgTables: readonly DrgWeightTable[];
  readonly oppsTables: readonly OppsTable[];
}

/**
 * The terms version of a hospital contract in effect on a date (inclusive): undefined when the contract has no terms
 * of this kind at all (the caller says which table to fill), else the version or why none is in effect.
 */
export function findHospitalTerms<V extends HospitalTermsVersion<unknown>>(
  byName: ReadonlyMap<string, readonly V[]>,
  contractName: string,
  date: IsoDate,
): Result<V, EngineIssue> | undefined {
  const versions = byName.get(registryKey(contractName));
  if (versions === undefined || versions.length === 0) return undefined;
  const version = versions.find((v) => v.effectiveStartDate <= date && date <= v.effectiveEndDate);
  if (version !== undefined) return ok(version);
  return fail({
    code: "contractVersionNotInEffect",
    contractName: contractName.trim(),
    serviceDate: date,
    periods: versions.map((v) => `${v.effectiveStartDate} to ${v.effectiveEndDate}`),
  });
}

/**
 * What the registry is built from: the rows of `PayerContracts`, `ContractCarveOuts` and `ContractModifierPolicies`
 * and the schedule tables.
 */
export interface ContractRegistryInput {
  readonly versions: readonly ContractVersion[];
  readonly carveOuts?: readonly CarveOut[];
  readonly modifierPolicies?: readonly ModifierPolicy[];
  readonly feeSchedules?: readonly FeeSchedule[];
  readonly medicareSchedules?: readonly MedicareSchedule[];
  readonly anesthesiaBaseUnits?: AnesthesiaBaseUnitsTable;
  /** Hospital terms and CMS tables, indexed and checked by the workbook reader. */
  readonly hospital?: HospitalRegistry;
}

/** The lookup key of any name in the registry: trimmed, lower case. */
export function registryKey(name: string): string {
  return name.trim().toLowerCase();
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Indexes the registry and reports what is inconsistent in it, as issues naming the rows: two versions of one
 * contract in effect on the same day, a version whose end is before its start, a carve-out range whose ends differ
 * in shape or are reversed, a carve-out for a contract the registry does not have, a modifier policy for an unknown
 * contract or stated twice for one modifier (the first row is used). Pricing still works around a
 * reported problem where it can (an overlapping version is never chosen silently: the earlier one wins and the
 * issue is there to show).
 */
export function buildContractRegistry(input: ContractRegistryInput): {
  readonly registry: ContractRegistry;
  readonly issues: readonly EngineIssue[];
} {
  const issues: EngineIssue[] = [];
  const versionsByName = groupBy(input.versions, (v) => registryKey(v.contractName));
  for (const versions of versionsByName.values()) {
    versions.sort((a, b) => (a.effectiveStartDate < b.effectiveStartDate ? -1 : 1));
    for (const version of versions) {
      if (version.effectiveEndDate < version.effectiveStartDate)
        issues.push({
          code: "contractVersionDatesReversed",
          contractName: version.contractName,
          rowNumber: version.sourceRowNumber,
        });
    }
    for (let i = 1; i < versions.length; i++) {
      const [before, after] = [versions[i - 1]!, versions[i]!];
      if (after.effectiveStartDate <= before.effectiveEndDate) {
        issues.push({
          code: "contractVersionsOverlap",
          contractName: after.contractName,
          firstRowNumber: before.sourceRowNumber,
          secondRowNumber: after.sourceRowNumber,
        });
      }
    }
  }
  const carveOutsByName = groupBy(input.carveOuts ?? [], (c) => registryKey(c.contractName));
  for (const [name, carveOuts] of carveOutsByName) {
    for (const carveOut of carveOuts) {
      if (!versionsByName.has(name))
        issues.push({
          code: "carveOutContractUnknown",
          contractName: carveOut.contractName,
          rowNumber: carveOut.sourceRowNumber,
        });
      const { hcpcsCodeFrom: from, hcpcsCodeTo: to } = carveOut;
      if (codeShape(from) !== codeShape(to) || to < from)
        issues.push({
          code: "carveOutRangeInvalid",
          contractName: carveOut.contractName,
          rowNumber: carveOut.sourceRowNumber,
          from,
          to,
        });
    }
  }
  const modifierPoliciesByName = groupBy(input.modifierPolicies ?? [], (p) => registryKey(p.contractName));
  for (const [name, policies] of modifierPoliciesByName) {
    const first = new Map<string, ModifierPolicy>();
    for (const policy of policies) {
      if (!versionsByName.has(name))
        issues.push({
          code: "modifierPolicyContractUnknown",
          contractName: policy.contractName,
          rowNumber: policy.sourceRowNumber,
        });
      const earlier = first.get(policy.modifier);
      if (earlier === undefined) first.set(policy.modifier, policy);
      else
        issues.push({
          code: "modifierPolicyDuplicate",
          contractName: policy.contractName,
          modifier: policy.modifier,
          firstRowNumber: earlier.sourceRowNumber,
          secondRowNumber: policy.sourceRowNumber,
        });
    }
    modifierPoliciesByName.set(name, [...first.values()]);
  }
  const contractNames = [...versionsByName.values()].map((versions) => versions[0]!.contractName.trim()).sort();
  return {
    registry: {
      versionsByName,
      carveOutsByName,
      modifierPoliciesByName,
      feeSchedules: new Map((input.feeSchedules ?? []).map((s) => [registryKey(s.name), s])),
      medicareSchedules: new Map((input.medicareSchedules ?? []).map((s) => [registryKey(s.name), s])),
      ...(input.anesthesiaBaseUnits !== undefined ? { anesthesiaBaseUnits: input.anesthesiaBaseUnits } : {}),
      ...(input.hospital !== undefined ? { hospital: input.hospital } : {}),
      contractNames,
    },
    issues,
  };
}
