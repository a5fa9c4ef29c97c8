import { conversionFactorOn, type ApmStatus, type ConversionFactorPeriod } from "./conversionFactor";
import type { Decimal } from "./decimal";
import type { LocalityGpci } from "./gpci";
import type { HcpcsCode } from "./hcpcsCode";
import type { IsoDate } from "./isoDate";
import { hasModifier, type Modifier } from "./modifiers";
import { toCents, type Cents } from "./money";
import { findPfsRow, PFS_STATUS_CODES, type PfsRvuRow, type PfsSchedule } from "./pfsSchedule";
import type { CareSetting } from "./placeOfService";
import type { PfsAdjustment, PfsRule } from "./pfsRules/adjustment";
import { assistantAtSurgeryAdjustment } from "./pfsRules/assistantAtSurgery";
import { bilateralAdjustment } from "./pfsRules/bilateral";
import { byReportModifier } from "./pfsRules/byReportModifiers";
import { coSurgeryAdjustment } from "./pfsRules/coSurgery";
import { globalSurgerySplitAdjustment } from "./pfsRules/globalSurgerySplit";
import { applyImagingCap, applyProcedureRole, componentRankingAmount, type RowPricing } from "./pfsRules/familyPricing";
import { endoscopyFamilyRankAdjustment, multipleProcedureAdjustment } from "./pfsRules/multipleProcedure";
import type { ProcedureRole } from "./pfsRules/procedureFamilies";
import { pfsBaseAmount } from "./pfsRules/rowAmount";
import { fail, ok, type Result } from "./result";
import type { TraceStep } from "./trace";

/** One claim line to price under the Medicare PFS. */
export interface MedicarePfsLine {
  readonly hcpcsCode: HcpcsCode;
  readonly modifiers?: readonly Modifier[];
  readonly setting: CareSetting;
  readonly serviceDate: IsoDate;
  /** From CY2026 the CF depends on qualifying APM status; default non-qualifying. */
  readonly apmStatus?: ApmStatus;
  /**
   * Rank among same-day procedures of the claim (1 = highest amount), from `rankMultipleProcedures`. When absent,
   * a line with modifier 51 is taken as a secondary procedure (rank 2).
   */
  readonly multipleProcedureRank?: number;
  /**
   * The line's place among the same-day services of its MULT PROC family (endoscopy, imaging, therapy,
   * cardiovascular, ophthalmology), set by the claim (`assignProcedureRoles`). Absent: priced as a lone service.
   */
  readonly procedureRole?: ProcedureRole;
}

/** The imported Medicare data a price is computed from. */
export interface MedicarePfsData {
  readonly schedule: PfsSchedule;
  readonly locality: LocalityGpci;
  /** Defaults to MEDICARE_PFS_CONVERSION_FACTORS. */
  readonly conversionFactors?: readonly ConversionFactorPeriod[];
}

/** A Medicare PFS amount before rounding and how it was reached. */
export interface MedicarePfsAmount {
  /** The exact amount before rounding. */
  readonly exactAmount: Decimal;
  readonly row: PfsRvuRow;
  readonly conversionFactor: Decimal;
  readonly trace: readonly TraceStep[];
}

/** A Medicare PFS allowed amount and how it was reached, the rounding included. */
export interface MedicarePfsPrice extends MedicarePfsAmount {
  /** The allowed amount, rounded half-up to cents once, at the end. */
  readonly allowedAmount: Cents;
}

/** PPRRVU status of anesthesia codes: paid on base and time units, not RVUs. */
const ANESTHESIA_STATUS = "J";
/** Modifiers that select their own RVU row (professional / technical component, discontinued colonoscopy). */
const ROW_MODIFIERS = ["26", "TC", "53"] as const;
/** Line-level rules applied after the multiple-procedure reduction, in this order (DOMAIN.md 2.6). */
const FOLLOWING_RULES: readonly PfsRule[] = [
  globalSurgerySplitAdjustment,
  assistantAtSurgeryAdjustment,
  coSurgeryAdjustment,
];

export { pfsBaseAmount } from "./pfsRules/rowAmount";

function selectRow(schedule: PfsSchedule, line: MedicarePfsLine, modifiers: readonly Modifier[]): Result<PfsRvuRow> {
  const rowModifiers = modifiers.filter((m) => (ROW_MODIFIERS as readonly string[]).includes(m));
  if (hasModifier(rowModifiers, "26") && hasModifier(rowModifiers, "TC")) {
    return fail({
      code: "pfsModifiersConflict",
      modifiers: ["26", "TC"],
      reason: "a line is either the professional or the technical component",
    });
  }
  const rowModifier = rowModifiers[0] ?? null;
  const global = findPfsRow(schedule, line.hcpcsCode, null);
  if (rowModifier === null) {
    return global ? ok(global) : fail({ code: "pfsCodeNotOnSchedule", hcpcsCode: line.hcpcsCode, modifier: null });
  }
  const specific = findPfsRow(schedule, line.hcpcsCode, rowModifier);
  if (specific) return ok(specific);
  if (!global) return fail({ code: "pfsCodeNotOnSchedule", hcpcsCode: line.hcpcsCode, modifier: rowModifier });
  if (rowModifier === "53") {
    return fail({
      code: "pfsRuleNotSupported",
      hcpcsCode: line.hcpcsCode,
      rule: "modifier 53 (discontinued procedure), individual consideration for this code",
    });
  }
  return fail({
    code: "pfsModifierNotAllowed",
    hcpcsCode: line.hcpcsCode,
    modifier: rowModifier,
    indicatorName: "PC/TC indicator",
    indicator: global.pctcIndicator,
    reason: "the code has no separate professional/technical component",
  });
}

function checkPayable(row: PfsRvuRow, setting: CareSetting): Result<null> {
  const status = PFS_STATUS_CODES[row.statusCode];
  if (!status)
    return fail({
      code: "pfsNotPayable",
      hcpcsCode: row.hcpcsCode,
      statusCode: row.statusCode,
      reason: "unknown status code",
    });
  if (!status.payable)
    return fail({
      code: "pfsNotPayable",
      hcpcsCode: row.hcpcsCode,
      statusCode: row.statusCode,
      reason: status.meaning,
    });
  const peRvu = setting === "facility" ? row.facilityPeRvu : row.nonFacilityPeRvu;
  if (row.workRvu.plus(peRvu).plus(row.malpracticeRvu).isZero()) {
    const reason = `${status.meaning}, without RVUs: priced by the contractor`;
    return fail({ code: "pfsNotPayable", hcpcsCode: row.hcpcsCode, statusCode: row.statusCode, reason });
  }
  return ok(null);
}

function describeRow(row: PfsRvuRow, setting: CareSetting): TraceStep {
  return {
    kind: "rvuRow",
    hcpcsCode: row.hcpcsCode,
    modifier: row.modifier,
    statusCode: row.statusCode,
    pctcIndicator: row.pctcIndicator,
    setting,
    workRvu: row.workRvu,
    peRvu: setting === "facility" ? row.facilityPeRvu : row.nonFacilityPeRvu,
    malpracticeRvu: row.malpracticeRvu,
    source: { kind: "RVU file row", rowNumber: row.sourceRowNumber },
  };
}

/**
 * The exact Medicare PFS amount of one line, before the one rounding to cents: what {@link priceMedicarePfs} rounds,
 * and what a percent-of-Medicare contract takes its percent of (the contract rounds once, at its own end).
 */
export function medicarePfsAmount(data: MedicarePfsData, line: MedicarePfsLine): Result<MedicarePfsAmount> {
  const modifiers = line.modifiers ?? [];
  const byReport = byReportModifier(modifiers);
  if (byReport !== null) return fail({ code: "pfsRuleNotSupported", hcpcsCode: line.hcpcsCode, rule: byReport.rule });
  const row = selectRow(data.schedule, line, modifiers);
  if (!row.ok) return row;
  // An anesthesia amount depends on the minutes, which a line without units does not have (see contracts/anesthesiaAmount).
  if (row.value.statusCode === ANESTHESIA_STATUS) return fail({ code: "anesthesiaRateNeedsMinutes", hcpcsCode: line.hcpcsCode }); // prettier-ignore
  const payable = checkPayable(row.value, line.setting);
  if (!payable.ok) return payable;
  const cf = conversionFactorOn(line.serviceDate, line.apmStatus, data.conversionFactors);
  if (!cf.ok) return cf;

  const { locality, schedule } = data;
  const rowPricing: RowPricing = {
    schedule,
    locality,
    setting: line.setting,
    conversionFactor: cf.value.conversionFactor,
    row: row.value,
  };
  const trace: TraceStep[] = [
    { kind: "medicareSchedule", label: schedule.label },
    describeRow(row.value, line.setting),
    {
      kind: "setting",
      setting: line.setting,
      naIndicator: line.setting === "facility" ? row.value.facilityNaIndicator : row.value.nonFacilityNaIndicator,
    },
    {
      kind: "locality",
      localityKey: locality.localityKey,
      localityName: locality.localityName,
      workGpci: locality.workGpci,
      peGpci: locality.peGpci,
      malpracticeGpci: locality.malpracticeGpci,
    },
    {
      kind: "conversionFactor",
      conversionFactor: cf.value.conversionFactor,
      serviceDate: line.serviceDate,
      source: { kind: "publication", title: cf.value.source },
    },
  ];
  const base = pfsBaseAmount(row.value, locality, line.setting, cf.value.conversionFactor);
  trace.push({ kind: "pfsBaseAmount", amount: base });
  // The cap bounds the fee schedule amount itself, so every reduction after it works on the capped amount.
  const capped = applyImagingCap(rowPricing, base);
  trace.push(...capped.steps);
  let amount = capped.amount;
  const role = line.procedureRole;
  if (role !== undefined) {
    const roled = applyProcedureRole(rowPricing, role, amount);
    if (!roled.ok) return roled;
    amount = roled.value.amount;
    trace.push(...roled.value.steps);
  }

  const adjustments: Result<PfsAdjustment | null>[] = [bilateralAdjustment(row.value, modifiers)];
  const rank = line.multipleProcedureRank ?? (hasModifier(modifiers, "51") ? 2 : undefined);
  if (rank !== undefined && role !== "endoscopyBase") {
    if (line.multipleProcedureRank === undefined) trace.push({ kind: "secondaryRankAssumed", rank });
    const endoscopyFamily = role !== undefined && row.value.multipleProcedureIndicator === "3";
    adjustments.push(
      endoscopyFamily
        ? ok(endoscopyFamilyRankAdjustment(row.value, rank))
        : multipleProcedureAdjustment(row.value, rank),
    );
  }
  for (const rule of FOLLOWING_RULES) adjustments.push(rule(row.value, modifiers));
  for (const adjustment of adjustments) {
    if (!adjustment.ok) return adjustment;
    if (adjustment.value === null) continue;
    amount = amount.times(adjustment.value.factor);
    trace.push({ ...adjustment.value.step, amount });
  }

  return ok({ exactAmount: amount, row: row.value, conversionFactor: cf.value.conversionFactor, trace });
}

/**
 * Prices one line under the Medicare Physician Fee Schedule:
 * row by code and 26/TC/53 modifier -> status check (only A, R, T with RVUs pay; an anesthesia code, status J, needs
 * its minutes: `anesthesiaRateNeedsMinutes`) -> PE RVU by setting ->
 * locality GPCIs -> conversion factor by date of service -> bilateral -> multiple procedure -> split global
 * surgery -> assistant at surgery -> co-surgery -> one half-up rounding to cents.
 * Not payable combinations come back as issues with the reason. Sources: DOMAIN.md 2.1, 2.5, 2.6.
 */
export function priceMedicarePfs(data: MedicarePfsData, line: MedicarePfsLine): Result<MedicarePfsPrice> {
  const price = medicarePfsAmount(data, line);
  if (!price.ok) return price;
  const amount = price.value.exactAmount;
  const trace: readonly TraceStep[] = [...price.value.trace, { kind: "rounding", amount }];
  return ok({ ...price.value, allowedAmount: toCents(amount), trace });
}

/**
 * The amount a line ranks by among the same-day services of its component family (MULT PROC 4-7): its TC amount
 * (after the imaging cap), or its practice expense for therapy; null for other indicators. Used by the claim to
 * decide which service is paid in full (DOMAIN.md 2.6).
 */
export function medicareFamilyRankingAmount(data: MedicarePfsData, line: MedicarePfsLine): Result<Decimal | null> {
  const row = selectRow(data.schedule, line, line.modifiers ?? []);
  if (!row.ok) return row;
  const cf = conversionFactorOn(line.serviceDate, line.apmStatus, data.conversionFactors);
  if (!cf.ok) return cf;
  const rowPricing: RowPricing = {
    schedule: data.schedule,
    locality: data.locality,
    setting: line.setting,
    conversionFactor: cf.value.conversionFactor,
    row: row.value,
  };
  const base = pfsBaseAmount(row.value, data.locality, line.setting, cf.value.conversionFactor);
  return componentRankingAmount(rowPricing, applyImagingCap(rowPricing, base).amount);
}
