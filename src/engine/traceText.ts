/**
 * The one place a pricing trace becomes words: a renderer per step kind, checked exhaustive by the compiler, so
 * `PAYER.PRICING_TRACE` reads the same whichever engine path recorded the steps.
 */
import { codeRangeText } from "./contracts/carveOuts";
import { contractMethodEntry } from "./contracts/methods";
import { Decimal } from "./decimal";
import { INPATIENT_STEP_TEXT } from "./inpatient/traceText";
import { formatCents } from "./money";
import { OUTPATIENT_STEP_TEXT } from "./outpatient/traceSteps";
import { percentText } from "./cellValues";
import type { TraceStep, TraceStepKind } from "./trace";

type Step<K extends TraceStepKind> = Extract<TraceStep, { kind: K }>;

/** Two places at least, more when the rate has them: 109.2 -> "109.20", 12.345 -> "12.345". */
const rateText = (rate: Decimal): string => rate.toFixed(Math.max(2, rate.decimalPlaces()));
const toCentsText = (amount: Decimal): string => amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
const product = (before: Decimal, factor: Decimal, amount: Decimal): string =>
  `${before.toString()} x ${factor.toString()} = ${amount.toString()}`;

const STEP_TEXT: { readonly [K in TraceStepKind]: (step: Step<K>) => string } = {
  claimLine: (s) => {
    const modifiers = s.modifiers.length > 0 ? ` modifiers ${s.modifiers.join(" ")}` : "";
    const billed = s.chargeAmount === null ? "no billed charge" : `billed ${formatCents(s.chargeAmount)}`;
    const units = `${s.units} unit${s.units === 1 ? "" : "s"}`;
    return `Line: ${s.hcpcsCode}${modifiers}, ${units}, ${s.placeOfService} (${s.setting}), ${billed}, service date ${s.serviceDate}`;
  },
  contractVersion: (s) =>
    `Contract ${s.contractName}, version ${s.effectiveStartDate} to ${s.effectiveEndDate} (registry row ${s.source.rowNumber}): ${s.method.kind} ${contractMethodEntry(s.method).rateText(s.method)}`,
  carveOut: (s) =>
    `Carve-out ${codeRangeText(s.hcpcsCodeFrom, s.hcpcsCodeTo)} (carve-out row ${s.source.rowNumber}): ${s.method.kind}`,
  feeScheduleRow: (s) => {
    const key = `${s.hcpcsCode}${s.modifier ? ` ${s.modifier}` : ""}`;
    const dates = `${s.effectiveStartDate ?? "open"} to ${s.effectiveEndDate ?? "open"}`;
    return `Fee schedule ${s.source.scheduleName} row ${s.source.rowNumber} (${key}, ${dates}): ${s.setting} rate ${rateText(s.rate)}`;
  },
  singleRate: (s) => `the row has no ${s.setting} rate: its one rate applies to both settings`,
  defaultRule: (s) =>
    `${s.hcpcsCode} is not on ${s.scheduleName}: default rule, ${s.rule.method} ${percentText(s.rule.percent)}`,
  flatRate: (s) => `Flat rate ${s.rate.toString()} per unit`,
  percentOfCharge: (s) => `${percentText(s.percent)} of the billed charge (the charge covers all units)`,
  chargeTimesPercent: (s) => `${formatCents(s.chargeAmount)} x ${s.percent.toString()} = ${s.amount.toString()}`,
  contractPercent: (s) =>
    `Contract percent ${percentText(s.percent)} of Medicare: ${product(s.before, s.percent, s.amount)}`,
  modifierPolicy: (s) =>
    `Contract policy for modifier ${s.modifier} (modifier policy row ${s.source.rowNumber}): ${percentText(s.percent)}, ${product(s.before, s.percent, s.amount)}`,
  adjustmentFactor: (s) => `Modifier and indicator adjustments: ${product(s.before, s.factor, s.amount)}`,
  units: (s) => `Units ${s.units.toString()}: ${product(s.before, s.units, s.amount)}`,
  medicareBasis: (s) => `Medicare basis: table ${s.scheduleName}`,
  fixedMedicareBasis: (s) =>
    `Fixed Medicare basis ${s.scheduleName} (for ${s.effectiveStartDate} to ${s.effectiveEndDate}): priced as of ${s.pricingDate}`,
  ruleNoneRate: (s) => `Multiple Procedure Rule None: modifier ${s.modifiers.join(", ")} does not adjust the rate`,
  ruleNoneMedicare: () => "Multiple Procedure Rule None: modifiers do not adjust the amount",
  paymentIndicators: (s) =>
    `Payment indicators from ${s.scheduleName} row ${s.hcpcsCode}${s.modifier ? `-${s.modifier}` : ""} (file row ${s.source.rowNumber})`,
  secondaryRankAssumed: (s) => `Modifier 51 without a claim ranking: priced as a secondary procedure (rank ${s.rank})`,
  medicareSchedule: (s) => `Medicare fee schedule: ${s.label}`,
  rvuRow: (s) => {
    const code = s.modifier ? `${s.hcpcsCode}-${s.modifier}` : s.hcpcsCode;
    return `RVU row ${code} (status ${s.statusCode}, PC/TC ${s.pctcIndicator}, file row ${s.source.rowNumber}): work ${s.workRvu.toFixed(2)}, ${s.setting} PE ${s.peRvu.toFixed(2)}, MP ${s.malpracticeRvu.toFixed(2)}`;
  },
  setting: (s) =>
    `Setting: ${s.setting}${s.naIndicator ? " (NA indicator: CMS has not developed a PE RVU for this setting; the file's value is used)" : ""}`,
  locality: (s) =>
    `Locality ${s.localityKey} ${s.localityName}: GPCI work ${s.workGpci.toString()}, PE ${s.peGpci.toString()}, MP ${s.malpracticeGpci.toString()}`,
  conversionFactor: (s) =>
    `Conversion factor ${s.conversionFactor.toString()} for service date ${s.serviceDate} (${s.source.title})`,
  pfsBaseAmount: (s) => `(work x GPCI + PE x GPCI + MP x GPCI) x CF = ${s.amount.toString()}`,
  bilateral: (s) => `Bilateral (modifier 50, bilateral indicator ${s.indicator}): x ${percentText(s.factor)}`,
  multipleProcedure: (s) =>
    `Multiple procedures (indicator ${s.indicator}, rank ${s.rank}): x ${percentText(s.factor)}`,
  globalSurgerySplit: (s) =>
    `Split global surgery (modifier ${s.modifiers.join("+")}, global days ${s.globalDays}): x ${percentText(s.factor)}`,
  assistantAtSurgery: (s) =>
    `Assistant at surgery (modifier ${s.modifier}, indicator ${s.indicator}): x ${percentText(s.factor)}${s.documentationRequired ? " (payable only with documentation of medical necessity)" : ""}`,
  coSurgery: (s) =>
    `Co-surgery (modifier 62, indicator ${s.indicator}): x ${percentText(s.factor)}${s.documentationRequired ? " (payable only with documentation)" : ""}`,
  procedureFamily: (s) => {
    const head = `Multiple procedures, ${s.family} family (indicator ${s.indicator})`;
    if (s.role === "first") return `${head}: first service of the day, paid in full`;
    const parts = s.parts.map((p) => `${p.component} ${p.componentAmount.toString()} less ${percentText(p.reduction)}`);
    return `${head}: subsequent service, ${parts.join(", ")}: ${s.before.toString()} -> ${s.amount.toString()}`;
  },
  endoscopyFamily: (s) => {
    const head = `Endoscopy family of base ${s.baseCode} (indicator 3)`;
    switch (s.role) {
      case "first":
        return `${head}: highest-valued endoscopy of the family, paid in full`;
      case "endoscopyMember":
        return `${head}: its value less the base's ${s.baseAmount?.toString() ?? ""}: ${s.before.toString()} -> ${s.amount.toString()}`;
      case "endoscopyBase":
        return `${head}: the base billed with a member of its family is not paid separately: ${s.before.toString()} -> 0`;
    }
  },
  imagingCap: (s) =>
    s.bound
      ? `OPPS imaging cap (${s.label} row ${s.sourceRowNumber}): ${s.capAmount.toString()} is lower than ${s.before.toString()}, so the cap is paid`
      : `OPPS imaging cap (${s.label} row ${s.sourceRowNumber}): ${s.capAmount.toString()} is not lower than ${s.before.toString()}, so it does not bind`,
  imagingCapUnavailable: (s) =>
    `OPPS imaging cap: no OPPSCAP table was given with the Medicare schedule, so the cap on ${s.hcpcsCode} was not checked`,
  anesthesia: (s) => {
    const direction =
      s.directionModifier === null ? s.directionMeaning : `modifier ${s.directionModifier}, ${s.directionMeaning}`;
    return (
      `Anesthesia ${s.hcpcsCode}: ${s.minutes.toString()} minutes / 15 = ${s.timeUnits.toFixed(1)} time units; ` +
      `${s.baseUnits} base units (${s.baseUnitsSource}); conversion factor ${s.conversionFactor.toString()} (${s.conversionFactorSource}); ` +
      `${direction}: (${s.baseUnits} base + ${s.timeUnits.toFixed(1)} time) x ${s.conversionFactor.toString()} x ${percentText(s.percent)} = ${s.amount.toString()}`
    );
  },
  bilateralUnits: (s) =>
    `Bilateral indicator 1 billed as ${s.units.toString()} units: one bilateral procedure (modifier 50 rule), not ${s.units.toString()} procedures`,
  bilateralSide: (s) =>
    `${s.side} side of a bilateral procedure billed on two lines (RT and LT): the pair priced as modifier 50, ${s.before.toString()} x 0.5 to each line = ${s.amount.toString()}`,
  familyUnits: (s) =>
    `First ${s.firstUnits.toString()} unit in full (${s.firstAmount.toString()}) + ${s.laterUnits.toString()} later unit(s) as subsequent services (${s.laterAmount.toString()}) = ${s.amount.toString()}`,
  rounding: (s) => `Rounded half-up to cents: ${toCentsText(s.amount)}`,
  lesserOf: (s) => {
    // Every outcome returns: a new one without words here leaves the renderer returning undefined, a type error.
    switch (s.outcome) {
      case "not in contract":
        return "Lesser-of: not in this contract";
      case "no charge given":
        return "Lesser-of: no billed charge given, so the cap was not checked";
      case "bound":
        return `Lesser-of: billed charge ${formatCents(s.chargeAmount)} is less than ${s.amount.toString()}, so the charge is paid`;
      case "not bound":
        return `Lesser-of: billed charge ${formatCents(s.chargeAmount)} is not less than ${s.amount.toString()}, so it does not bind`;
    }
  },
  allowedAmount: (s) => `Expected allowed amount, rounded half-up to cents: ${toCentsText(s.amount)}`,
  // Hospital outpatient pricing and institutional carve-outs keep their words beside their steps.
  ...OUTPATIENT_STEP_TEXT,
  // Inpatient stays (src/engine/inpatient).
  ...INPATIENT_STEP_TEXT,
};

/**
 * One step in words, as `PAYER.PRICING_TRACE` shows it.
 * @example formatTraceStep({ kind: "flatRate", rate: new Decimal("14.5") }) // "Flat rate 14.5 per unit"
 */
export function formatTraceStep(step: TraceStep): string {
  // Each renderer takes exactly its kind; `step.kind` picked it, so the step is of that kind.
  const render = STEP_TEXT[step.kind] as (step: TraceStep) => string;
  return render(step);
}

/** The trace as lines of text, one numbered step per line, as `PAYER.PRICING_TRACE` shows it. */
export function formatTrace(steps: readonly TraceStep[]): string[] {
  return steps.map((step, index) => `${index + 1}. ${formatTraceStep(step)}`);
}
