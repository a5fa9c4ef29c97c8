/**
 * Anesthesia lines under a contract (CMS Claims Processing Manual ch.12 s.50): the Medicare anesthesia amount of the
 * contract's Medicare basis (the locality's ANES conversion factor), or the contract's own anesthesia conversion
 * factor. The line's units are its minutes, so neither amount is multiplied by units afterwards.
 */
import type { Decimal } from "../decimal";
import { findPfsRow, PFS_STATUS_CODES, type PfsRvuRow } from "../pfsSchedule";
import { anesthesiaAmount, type AnesthesiaConversionFactor } from "../pfsRules/anesthesia";
import type { EngineIssue } from "../issues";
import { fail, ok, type Result } from "../result";
import type { TraceStep } from "../trace";
import { resolveMedicareBasis, type MedicareBasisLine } from "./medicareBasis";
import type { ContractRegistry } from "./registry";
import type { ContractVersion } from "./types";

/** The status of anesthesia codes in PPRRVU: paid on base and time units, not RVUs. */
const ANESTHESIA_STATUS = "J";

/** A line whose units are its anesthesia minutes. */
export interface AnesthesiaLine extends MedicareBasisLine {
  readonly units: Decimal;
}

/**
 * The un-rounded Medicare anesthesia amount of a line under the contract's Medicare basis: the code's PPRRVU row
 * must be there with status J; base units from the workbook's table; the CF of the schedule's locality (ANES file).
 */
export function medicareAnesthesiaAmount(
  registry: ContractRegistry,
  version: ContractVersion,
  line: AnesthesiaLine,
): Result<{ readonly amount: Decimal; readonly row: PfsRvuRow; readonly trace: readonly TraceStep[] }> {
  const basis = resolveMedicareBasis(registry, version, line.serviceDate);
  if (!basis.ok) return basis;
  const { schedule } = basis.value;
  const row = findPfsRow(schedule.pfs, line.hcpcsCode, null);
  if (row === undefined) return fail({ code: "pfsCodeNotOnSchedule", hcpcsCode: line.hcpcsCode, modifier: null });
  if (row.statusCode !== ANESTHESIA_STATUS) {
    const reason = PFS_STATUS_CODES[row.statusCode]?.meaning ?? "unknown status code";
    return fail({ code: "pfsNotPayable", hcpcsCode: line.hcpcsCode, statusCode: row.statusCode, reason });
  }
  const cf = schedule.anesthesiaConversionFactor ?? null;
  const missing: EngineIssue = {
    code: "anesthesiaConversionFactorMissing",
    hcpcsCode: line.hcpcsCode,
    missingFrom: { kind: "medicare schedule", scheduleName: schedule.name },
  };
  const conversionFactor: AnesthesiaConversionFactor | EngineIssue =
    cf === null
      ? missing
      : { conversionFactor: cf, source: `ANES file, locality ${schedule.locality.localityKey} in ${schedule.name}` };
  const priced = anesthesiaAmount({
    hcpcsCode: line.hcpcsCode,
    modifiers: line.modifiers,
    minutes: line.units,
    baseUnits: registry.anesthesiaBaseUnits,
    conversionFactor,
  });
  if (!priced.ok) return priced;
  const trace: TraceStep[] = [
    { kind: "medicareBasis", scheduleName: schedule.name },
    ...basis.value.trace,
    priced.value.step,
  ];
  return ok({ amount: priced.value.amount, row, trace });
}

/**
 * The amount of an anesthesia line at the contract's own anesthesia conversion factor:
 * (base units + time units) x contract CF x medical direction percentage.
 */
export function contractAnesthesiaAmount(
  registry: ContractRegistry,
  version: ContractVersion,
  line: AnesthesiaLine,
  conversionFactor: Decimal,
): Result<{ readonly amount: Decimal; readonly step: TraceStep }> {
  return anesthesiaAmount({
    hcpcsCode: line.hcpcsCode,
    modifiers: line.modifiers,
    minutes: line.units,
    baseUnits: registry.anesthesiaBaseUnits,
    conversionFactor: {
      conversionFactor,
      source: `contract ${version.contractName}, registry row ${version.sourceRowNumber}`,
    },
  });
}

/** The issue of an anesthesia line under a contract that has no anesthesia conversion factor of its own. */
export function contractAnesthesiaCfMissing(version: ContractVersion, line: AnesthesiaLine): EngineIssue {
  return {
    code: "anesthesiaConversionFactorMissing",
    hcpcsCode: line.hcpcsCode,
    missingFrom: { kind: "contract", contractName: version.contractName },
  };
}
