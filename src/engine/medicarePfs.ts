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
import { coSurgeryAdjustment } from "./pfsRules/coSurgery";
import { globalSurgerySplitAdjustment } from "./pfsRules/globalSurgerySplit";
import { multipleProcedureAdjustment } from "./pfsRules/multipleProcedure";
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
}

/** The imported Medicare data a price is computed from. */
export interface MedicarePfsData {
  readonly schedule: PfsSchedule;
  readonly locality: LocalityGpci;
  /** Defaults to MEDICARE_PFS_CONVERSION_FACTORS. */
  readonly conversionFactors?: readonly ConversionFactorPeriod[];
}

/** A Medicare PFS allowed amount and how it was reached. */
export interface MedicarePfsPrice {
  /** The allowed amount, rounded half-up to cents once, at the end. */
  readonly allowedAmount: Cents;
  /** The exact amount before rounding. */
  readonly exactAmount: Decimal;
  readonly row: PfsRvuRow;
  readonly conversionFactor: Decimal;
  readonly trace: readonly TraceStep[];
}

/** Modifiers that select their own RVU row (professional / technical component, discontinued colonoscopy). */
const ROW_MODIFIERS = ["26", "TC", "53"] as const;
/** Modifiers whose Medicare payment is set by the contractor case by case (by report). */
const BY_REPORT_MODIFIERS: Readonly<Record<string, string>> = {
  "22": "modifier 22 (increased procedural services) is priced by the contractor",
  "52": "modifier 52 (reduced services) is priced by the contractor",
  "66": "modifier 66 (team surgery) is priced by report",
};
/** Line-level rules applied after the multiple-procedure reduction, in this order (DOMAIN.md 2.6). */
const FOLLOWING_RULES: readonly PfsRule[] = [
  globalSurgerySplitAdjustment,
  assistantAtSurgeryAdjustment,
  coSurgeryAdjustment,
];

/**
 * The un-rounded PFS amount of one RVU row in one locality and setting:
 * [(work RVU x work GPCI) + (PE RVU x PE GPCI) + (MP RVU x MP GPCI)] x CF, with the facility or non-facility
 * PE RVU by setting. Source: CMS RVU file documentation (DOMAIN.md 2.1).
 */
export function pfsBaseAmount(
  row: PfsRvuRow,
  locality: LocalityGpci,
  setting: CareSetting,
  conversionFactor: Decimal,
): Decimal {
  const peRvu = setting === "facility" ? row.facilityPeRvu : row.nonFacilityPeRvu;
  return row.workRvu
    .times(locality.workGpci)
    .plus(peRvu.times(locality.peGpci))
    .plus(row.malpracticeRvu.times(locality.malpracticeGpci))
    .times(conversionFactor);
}

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
 * Prices one line under the Medicare Physician Fee Schedule:
 * row by code and 26/TC/53 modifier -> status check (only A, R, T with RVUs pay) -> PE RVU by setting ->
 * locality GPCIs -> conversion factor by date of service -> bilateral -> multiple procedure -> split global
 * surgery -> assistant at surgery -> co-surgery -> one half-up rounding to cents.
 * Not payable combinations come back as issues with the reason. Sources: DOMAIN.md 2.1, 2.5, 2.6.
 */
export function priceMedicarePfs(data: MedicarePfsData, line: MedicarePfsLine): Result<MedicarePfsPrice> {
  const modifiers = line.modifiers ?? [];
  const byReport = modifiers.find((m) => BY_REPORT_MODIFIERS[m] !== undefined);
  if (byReport !== undefined) {
    return fail({
      code: "pfsRuleNotSupported",
      hcpcsCode: line.hcpcsCode,
      rule: BY_REPORT_MODIFIERS[byReport] ?? byReport,
    });
  }
  const row = selectRow(data.schedule, line, modifiers);
  if (!row.ok) return row;
  const payable = checkPayable(row.value, line.setting);
  if (!payable.ok) return payable;
  const cf = conversionFactorOn(line.serviceDate, line.apmStatus, data.conversionFactors);
  if (!cf.ok) return cf;

  const { locality, schedule } = data;
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
  let amount = pfsBaseAmount(row.value, locality, line.setting, cf.value.conversionFactor);
  trace.push({ kind: "pfsBaseAmount", amount });

  const adjustments: Result<PfsAdjustment | null>[] = [bilateralAdjustment(row.value, modifiers)];
  const rank = line.multipleProcedureRank ?? (hasModifier(modifiers, "51") ? 2 : undefined);
  if (rank !== undefined) {
    if (line.multipleProcedureRank === undefined) trace.push({ kind: "secondaryRankAssumed", rank });
    adjustments.push(multipleProcedureAdjustment(row.value, rank));
  }
  for (const rule of FOLLOWING_RULES) adjustments.push(rule(row.value, modifiers));
  for (const adjustment of adjustments) {
    if (!adjustment.ok) return adjustment;
    if (adjustment.value === null) continue;
    amount = amount.times(adjustment.value.factor);
    trace.push({ ...adjustment.value.step, amount });
  }

  const allowedAmount = toCents(amount);
  trace.push({ kind: "rounding", amount });
  return ok({ allowedAmount, exactAmount: amount, row: row.value, conversionFactor: cf.value.conversionFactor, trace });
}
