import type { Decimal } from "../decimal";
import { COMPONENT_MODIFIERS } from "../feeSchedule";
import type { HcpcsCode } from "../hcpcsCode";
import type { IsoDate } from "../isoDate";
import { medicarePfsAmount } from "../medicarePfs";
import type { Modifier } from "../modifiers";
import type { PfsRvuRow } from "../pfsSchedule";
import type { ProcedureRole } from "../pfsRules/procedureFamilies";
import type { CareSetting } from "../placeOfService";
import { fail, ok, type Result } from "../result";
import type { TraceStep } from "../trace";
import { registryKey, type ContractRegistry } from "./registry";
import { CURRENT_MEDICARE_SCHEDULE, type ContractVersion, type MedicareSchedule } from "./types";

/** The Medicare schedule a version uses on a date, and the date its conversion factor is taken for. */
export interface MedicareBasis {
  readonly schedule: MedicareSchedule;
  /** The service date, or the nearest date the schedule covers when it is a fixed-year basis. */
  readonly pricingDate: IsoDate;
  readonly trace: readonly TraceStep[];
}

const YEAR_PLACEHOLDER = "{year}";

/**
 * Resolves the version's Medicare Schedule column for a date of service: a table name (fixed basis), "current"
 * (the registered schedule covering the date; exactly one must) or a `{year}` pattern (`MPFS_{year}` -> `MPFS_2025`).
 * See {@link CURRENT_MEDICARE_SCHEDULE}; DOMAIN.md 3.1 ("% of Medicare, current year" and "fixed year").
 */
export function resolveMedicareBasis(
  registry: ContractRegistry,
  version: ContractVersion,
  serviceDate: IsoDate,
): Result<MedicareBasis> {
  const named = version.medicareScheduleName?.trim() ?? "";
  if (named === "") return fail({ code: "contractMedicareScheduleMissing", contractName: version.contractName });
  let schedule: MedicareSchedule | undefined;
  if (registryKey(named) === CURRENT_MEDICARE_SCHEDULE) {
    const covering = [...registry.medicareSchedules.values()].filter(
      (s) => s.effectiveStartDate <= serviceDate && serviceDate <= s.effectiveEndDate,
    );
    if (covering.length !== 1) {
      return fail({
        code: "medicareScheduleNotCurrent",
        contractName: version.contractName,
        serviceDate,
        candidates: covering.map((s) => s.name),
      });
    }
    schedule = covering[0];
  } else {
    const name = named.toLowerCase().includes(YEAR_PLACEHOLDER)
      ? named.replace(/\{year\}/i, serviceDate.slice(0, 4))
      : named;
    schedule = registry.medicareSchedules.get(registryKey(name));
    if (schedule === undefined) {
      return fail({
        code: "medicareScheduleNotFound",
        contractName: version.contractName,
        scheduleName: name,
        knownNames: [...registry.medicareSchedules.values()].map((s) => s.name),
      });
    }
  }
  if (schedule === undefined) throw new Error("unreachable: a schedule was found above");
  const pricingDate =
    serviceDate < schedule.effectiveStartDate
      ? schedule.effectiveStartDate
      : serviceDate > schedule.effectiveEndDate
        ? schedule.effectiveEndDate
        : serviceDate;
  const trace: TraceStep[] = [];
  if (pricingDate !== serviceDate) {
    trace.push({
      kind: "fixedMedicareBasis",
      scheduleName: schedule.name,
      effectiveStartDate: schedule.effectiveStartDate,
      effectiveEndDate: schedule.effectiveEndDate,
      pricingDate,
    });
  }
  return ok({ schedule, pricingDate, trace });
}

/** What a percent-of-Medicare amount needs from the line. */
export interface MedicareBasisLine {
  readonly hcpcsCode: HcpcsCode;
  readonly modifiers: readonly Modifier[];
  readonly setting: CareSetting;
  readonly serviceDate: IsoDate;
  readonly multipleProcedureRank?: number;
  readonly procedureRole?: ProcedureRole;
}

/**
 * The un-rounded Medicare PFS amount of a line under a contract's Medicare basis, with the contract's rule: under
 * "medicare" every CMS modifier and indicator rule applies (medicarePfsAmount); under "none" only 26/TC/53 (which
 * choose the RVU row) are kept. Source: DOMAIN.md 2.1-2.6 and 3.1.
 */
export function medicareAmount(
  registry: ContractRegistry,
  version: ContractVersion,
  line: MedicareBasisLine,
): Result<{ readonly amount: Decimal; readonly row: PfsRvuRow; readonly trace: readonly TraceStep[] }> {
  const basis = resolveMedicareBasis(registry, version, line.serviceDate);
  if (!basis.ok) return basis;
  const { schedule, pricingDate } = basis.value;
  const cmsRules = version.multipleProcedureRule === "medicare";
  const price = medicarePfsAmount(
    { schedule: schedule.pfs, locality: schedule.locality, conversionFactors: schedule.conversionFactors },
    {
      hcpcsCode: line.hcpcsCode,
      modifiers: cmsRules ? line.modifiers : line.modifiers.filter((m) => COMPONENT_MODIFIERS.includes(m)),
      setting: line.setting,
      serviceDate: pricingDate,
      ...(cmsRules && line.multipleProcedureRank !== undefined
        ? { multipleProcedureRank: line.multipleProcedureRank }
        : {}),
      ...(cmsRules && line.procedureRole !== undefined ? { procedureRole: line.procedureRole } : {}),
    },
  );
  if (!price.ok) return price;
  const trace: TraceStep[] = [
    { kind: "medicareBasis", scheduleName: schedule.name },
    ...basis.value.trace,
    ...price.value.trace,
  ];
  if (!cmsRules && line.modifiers.some((m) => !COMPONENT_MODIFIERS.includes(m)))
    trace.push({ kind: "ruleNoneMedicare" });
  return ok({ amount: price.value.exactAmount, row: price.value.row, trace });
}
