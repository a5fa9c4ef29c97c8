// Test builders with defaults (STYLE.md 7) for contracts: a contract version, a carve-out, fee schedule rows,
// a Medicare schedule, a registry and a claim line. Defaults are CY2025 99213 at national GPCIs (NF 88.95).
import { MEDICARE_PFS_CONVERSION_FACTORS } from "../../../src/engine/conversionFactor";
import { buildContractRegistry, type ContractRegistry } from "../../../src/engine/contracts/registry";
import type {
  CarveOut,
  CarveOutMethod,
  ContractLine,
  ContractMethod,
  ContractVersion,
  MedicareSchedule,
} from "../../../src/engine/contracts/types";
import { Decimal } from "../../../src/engine/decimal";
import { buildFeeSchedule, type FeeSchedule, type FeeScheduleRow } from "../../../src/engine/feeSchedule";
import type { HcpcsCode } from "../../../src/engine/hcpcsCode";
import type { IsoDate } from "../../../src/engine/isoDate";
import type { Modifier } from "../../../src/engine/modifiers";
import type { Cents } from "../../../src/engine/money";
import { NATIONAL_GPCI } from "../../../src/engine/gpci";
import type { PricingColumns } from "../../../src/engine/contracts/priceLines";
import type { PfsRvuRow } from "../../../src/engine/pfsSchedule";
import type { ModifierPolicy, PolicyModifier } from "../../../src/engine/contracts/modifierPolicies";
import { aPfsRow, aSchedule } from "../builders";

export const d = (text: string | number): Decimal => new Decimal(String(text));
export const cents = (value: number): Cents => value as Cents;
export const date = (text: string): IsoDate => text as IsoDate;
export const code = (text: string): HcpcsCode => text as HcpcsCode;
export const mods = (...values: string[]): Modifier[] => values as Modifier[];

export const feeSchedule = (name: string): ContractMethod => ({ kind: "fee schedule", feeScheduleName: name });
export const percentOfMedicare = (percent: string): ContractMethod => ({
  kind: "percent of medicare",
  percent: d(percent),
});
export const percentOfBilled = (percent: string): ContractMethod => ({
  kind: "percent of billed",
  percent: d(percent),
});

/** A contract version; defaults: "Acme PPO", all of 2025, fee schedule FS_Acme, Medicare basis MPFS_2025. */
export function aContract(overrides: Partial<ContractVersion> = {}): ContractVersion {
  return {
    contractName: "Acme PPO",
    payer: "Acme Health",
    product: "PPO",
    effectiveStartDate: date("2025-01-01"),
    effectiveEndDate: date("2025-12-31"),
    method: feeSchedule("FS_Acme"),
    medicareScheduleName: "MPFS_2025",
    lesserOf: false,
    defaultRule: null,
    multipleProcedureRule: "medicare",
    termEndDate: null,
    renewalNoticeDate: null,
    autoRenew: false,
    sourceRowNumber: 2,
    ...overrides,
  };
}

type CarveOutOverrides = Partial<Omit<CarveOut, "hcpcsCodeFrom" | "hcpcsCodeTo">> & { from?: string; to?: string };

/** A carve-out; defaults: Acme PPO, 36415 alone, flat rate 3.50. */
export function aCarveOut(overrides: CarveOutOverrides = {}): CarveOut {
  const { from = "36415", to = from, ...rest } = overrides;
  return {
    contractName: "Acme PPO",
    hcpcsCodeFrom: code(from),
    hcpcsCodeTo: code(to),
    method: { kind: "flat rate", rate: d("3.50") } satisfies CarveOutMethod,
    sourceRowNumber: 2,
    ...rest,
  };
}

/** A contract's own percentage for a modifier; defaults: Acme PPO, modifier 22 at 120%, policy row 2. */
export function aModifierPolicy(overrides: Partial<Omit<ModifierPolicy, "percent">> & { percent?: string } = {}) {
  const { percent = "1.2", modifier = "22" as PolicyModifier, ...rest } = overrides;
  return {
    contractName: "Acme PPO",
    modifier,
    percent: d(percent),
    sourceRowNumber: 2,
    ...rest,
  } satisfies ModifierPolicy;
}

type FeeRowOverrides = Partial<Omit<FeeScheduleRow, "hcpcsCode" | "modifier" | "nonFacilityRate" | "facilityRate">> & {
  hcpcsCode?: string;
  modifier?: string | null;
  nonFacilityRate?: string | null;
  facilityRate?: string | null;
};

/** A fee schedule row; defaults: 99213, no modifier, 110.00 non-facility, 80.00 facility, all of 2025. */
export function aFeeRow(overrides: FeeRowOverrides = {}): FeeScheduleRow {
  const {
    hcpcsCode = "99213",
    modifier = null,
    nonFacilityRate = "110.00",
    facilityRate = "80.00",
    ...rest
  } = overrides;
  return {
    hcpcsCode: code(hcpcsCode),
    modifier: modifier as Modifier | null,
    nonFacilityRate: nonFacilityRate === null ? null : d(nonFacilityRate),
    facilityRate: facilityRate === null ? null : d(facilityRate),
    effectiveStartDate: date("2025-01-01"),
    effectiveEndDate: date("2025-12-31"),
    sourceRowNumber: 2,
    ...rest,
  };
}

/** A fee schedule built from rows (default: one 99213 row); throws if the rows have issues. */
export function aFeeSchedule(name = "FS_Acme", ...rows: FeeScheduleRow[]): FeeSchedule {
  const built = buildFeeSchedule(name, rows.length > 0 ? rows : [aFeeRow()]);
  return built.schedule;
}

/** A Medicare schedule; defaults: MPFS_2025, one 99213 row, national GPCIs, CY2025 CF 32.3465, covering 2025. */
export function aMedicareSchedule(
  overrides: Partial<Omit<MedicareSchedule, "pfs">> & { rows?: PfsRvuRow[] } = {},
): MedicareSchedule {
  const { rows = [aPfsRow()], ...rest } = overrides;
  return {
    name: "MPFS_2025",
    pfs: aSchedule(...rows),
    locality: NATIONAL_GPCI,
    conversionFactors: MEDICARE_PFS_CONVERSION_FACTORS,
    effectiveStartDate: date("2025-01-01"),
    effectiveEndDate: date("2025-12-31"),
    ...rest,
  };
}

/** A registry; defaults: one Acme PPO version, FS_Acme, MPFS_2025. */
export function aRegistry(
  parts: {
    versions?: ContractVersion[];
    carveOuts?: CarveOut[];
    modifierPolicies?: ModifierPolicy[];
    feeSchedules?: FeeSchedule[];
    medicareSchedules?: MedicareSchedule[];
  } = {},
): ContractRegistry {
  return buildContractRegistry({
    versions: parts.versions ?? [aContract()],
    carveOuts: parts.carveOuts ?? [],
    modifierPolicies: parts.modifierPolicies ?? [],
    feeSchedules: parts.feeSchedules ?? [aFeeSchedule()],
    medicareSchedules: parts.medicareSchedules ?? [aMedicareSchedule()],
  }).registry;
}

type LineOverrides = Partial<Omit<ContractLine, "hcpcsCode" | "modifiers" | "serviceDate" | "chargeAmount">> & {
  hcpcsCode?: string;
  modifiers?: string[];
  serviceDate?: string;
  chargeAmount?: number | null;
};

/** A claim line; defaults: Acme PPO, 99213, no modifiers, 1 unit, no charge, 2025-03-04, non-facility. */
export function aLine(overrides: LineOverrides = {}): ContractLine {
  const { hcpcsCode = "99213", modifiers = [], serviceDate = "2025-03-04", chargeAmount = null, ...rest } = overrides;
  return {
    contractName: "Acme PPO",
    hcpcsCode: code(hcpcsCode),
    modifiers: mods(...modifiers),
    serviceDate: date(serviceDate),
    chargeAmount: chargeAmount === null ? null : cents(chargeAmount),
    ...rest,
  };
}

/** The lines as the columns `priceLines` takes, each optional field filled with the default `priceLine` assumes. */
export function asColumns(lines: readonly ContractLine[]): PricingColumns {
  return {
    contractName: lines.map((l) => l.contractName),
    hcpcsCode: lines.map((l) => l.hcpcsCode),
    serviceDate: lines.map((l) => l.serviceDate),
    modifiers: lines.map((l) => l.modifiers ?? []),
    units: lines.map((l) => l.units ?? 1),
    chargeAmount: lines.map((l) => l.chargeAmount ?? null),
    setting: lines.map((l) => l.setting ?? "non-facility"),
  };
}
