import { Decimal } from "../decimal";
import { COMPONENT_MODIFIERS } from "../feeSchedule";
import type { Modifier } from "../modifiers";
import { findPfsRow, type PfsRvuRow } from "../pfsSchedule";
import type { PfsAdjustment } from "../pfsRules/adjustment";
import { assistantAtSurgeryAdjustment } from "../pfsRules/assistantAtSurgery";
import { bilateralAdjustment } from "../pfsRules/bilateral";
import { byReportModifier } from "../pfsRules/byReportModifiers";
import { coSurgeryAdjustment } from "../pfsRules/coSurgery";
import { globalSurgerySplitAdjustment } from "../pfsRules/globalSurgerySplit";
import { multipleProcedureAdjustment } from "../pfsRules/multipleProcedure";
import { fail, ok, type Result } from "../result";
import type { TraceStep } from "../trace";
import { resolveMedicareBasis, type MedicareBasisLine } from "./medicareBasis";
import type { ContractRegistry } from "./registry";
import type { ContractVersion } from "./types";

/** Modifiers that change a fee schedule amount under CMS's rules (DOMAIN.md 2.6). */
export const ADJUSTING_MODIFIERS: readonly string[] = ["50", "51", "54", "55", "56", "62", "80", "81", "82", "AS"];

/** A factor to multiply the rate by, with the steps that explain it. */
export interface RateAdjustment {
  readonly factor: Decimal;
  readonly trace: readonly TraceStep[];
  /** The Medicare RVU row whose indicators were used, when one was needed. */
  readonly indicatorRow: PfsRvuRow | null;
}

const NO_ADJUSTMENT: RateAdjustment = { factor: new Decimal(1), trace: [], indicatorRow: null };

/**
 * Modifier and indicator adjustments of a fee-schedule rate under the contract's Multiple Procedure Rule. Under
 * "medicare" the CMS rules run in CMS's order (bilateral, multiple procedure, split global surgery, assistant at
 * surgery, co-surgery; DOMAIN.md 2.6) on the indicators of the code's row in the contract's Medicare schedule.
 * A modifier that selected the fee schedule row (a payer's own `50` rate) is already priced and is not applied
 * again. A line without adjusting modifiers needs no Medicare schedule at all.
 */
export function feeScheduleAdjustment(
  registry: ContractRegistry,
  version: ContractVersion,
  line: MedicareBasisLine,
  matchedModifier: Modifier | null,
): Result<RateAdjustment> {
  const modifiers = line.modifiers.filter((m) => m !== matchedModifier);
  const adjusting = modifiers.filter((m) => ADJUSTING_MODIFIERS.includes(m));
  const ranked = line.multipleProcedureRank !== undefined;
  // CMS defines no percentage for these: under its rules a payer's rate is not assumed to pay them in full.
  const byReport = version.multipleProcedureRule === "medicare" ? byReportModifier(modifiers) : null;
  if (byReport !== null) return fail({ code: "pfsRuleNotSupported", hcpcsCode: line.hcpcsCode, rule: byReport.rule });
  // Family reductions take off parts of the Medicare amount (PE, TC, a base's value) a payer's rate does not have.
  if (line.procedureRole !== undefined && line.procedureRole !== "first" && version.multipleProcedureRule !== "none") {
    const rule = `the same-day ${line.procedureRole} reduction of its multiple procedure family on a fee schedule rate`;
    return fail({ code: "pfsRuleNotSupported", hcpcsCode: line.hcpcsCode, rule });
  }
  if (adjusting.length === 0 && !ranked) return ok(NO_ADJUSTMENT);
  if (version.multipleProcedureRule === "none") {
    const trace: TraceStep[] = adjusting.length > 0 ? [{ kind: "ruleNoneRate", modifiers: adjusting }] : [];
    return ok({ ...NO_ADJUSTMENT, trace });
  }
  const basis = resolveMedicareBasis(registry, version, line.serviceDate);
  const component = line.modifiers.find((m) => COMPONENT_MODIFIERS.includes(m)) ?? null;
  const row = basis.ok
    ? (findPfsRow(basis.value.schedule.pfs, line.hcpcsCode, component) ??
      findPfsRow(basis.value.schedule.pfs, line.hcpcsCode, null))
    : undefined;
  if (row === undefined) {
    return fail({
      code: "contractIndicatorsMissing",
      contractName: version.contractName,
      hcpcsCode: line.hcpcsCode,
      modifiers: adjusting.length > 0 ? adjusting : ["51"],
      scheduleName: basis.ok ? basis.value.schedule.name : (version.medicareScheduleName ?? ""),
    });
  }
  const rank = line.multipleProcedureRank ?? (modifiers.includes("51" as Modifier) ? 2 : undefined);
  const results: Result<PfsAdjustment | null>[] = [bilateralAdjustment(row, modifiers)];
  if (rank !== undefined) results.push(multipleProcedureAdjustment(row, rank));
  for (const rule of [globalSurgerySplitAdjustment, assistantAtSurgeryAdjustment, coSurgeryAdjustment])
    results.push(rule(row, modifiers));
  let factor = new Decimal(1);
  const trace: TraceStep[] = [
    {
      kind: "paymentIndicators",
      scheduleName: basis.ok ? basis.value.schedule.name : "",
      hcpcsCode: row.hcpcsCode,
      modifier: row.modifier,
      source: { kind: "RVU file row", rowNumber: row.sourceRowNumber },
    },
  ];
  if (rank !== undefined && line.multipleProcedureRank === undefined)
    trace.push({ kind: "secondaryRankAssumed", rank });
  for (const result of results) {
    if (!result.ok) return result;
    if (result.value === null) continue;
    factor = factor.times(result.value.factor);
    trace.push(result.value.step);
  }
  return ok({ factor, trace, indicatorRow: row });
}
