/**
 * A market rate as a percentage of Medicare at the user's locality: the code priced the way PAYER.MEDICARE_RATE
 * prices it (the registered Medicare PFS schedule of the locality, the engine's `priceMedicarePfs` with every CMS
 * modifier and indicator rule, one half-up rounding to cents), then the rate divided by that amount. A rate that has
 * no Medicare PFS amount to compare with (a percentage, a per diem, an MS-DRG...) gets the reason instead.
 */
import { catalogue, Decimal, dollarsOf, fail, ok, type Cents, type Messages, type Result } from "../../engine";
import { issueMessage, parseHcpcsCode, parseModifiers, priceMedicarePfs } from "../../engine";
import type { CareSetting as PfsSetting, IsoDate, LocalityKey, MedicareSchedule } from "../../engine";
import type { MarketRate, MarketRateMethod, MarketRateSource } from "../../formats/priceTransparency/marketRate";

/** The registered schedule a table's % of Medicare is computed against, and the date of service it is priced on. */
export interface MedicareYardstick {
  readonly schedule: MedicareSchedule;
  /** Today when the schedule covers it, else the nearest date it covers (its CF is that date's). */
  readonly pricingDate: IsoDate;
}

/** Why a rate has no % of Medicare. */
export type NoMedicareAmount =
  | { readonly code: "noLocalityChosen" }
  | { readonly code: "rateIsPercent" }
  | { readonly code: "methodNotPerService"; readonly method: MarketRateMethod }
  | { readonly code: "notPhysicianScheduleCode"; readonly codeType: string }
  | { readonly code: "notPriced"; readonly detail: string };

/** A rate compared with Medicare: the Medicare amount, the rate as a fraction of it, and what it was priced with. */
export interface MedicareComparison {
  readonly medicareCents: Cents;
  /** Rate / Medicare amount, exact: 1.393 for 139.3%. */
  readonly fraction: Decimal;
  readonly basis: string;
}

const NO_MEDICARE_MESSAGES: Messages<NoMedicareAmount> = {
  noLocalityChosen: () => "No Medicare locality was chosen.",
  rateIsPercent: () => "The rate is a percentage of charges, not dollars.",
  methodNotPerService: (i) => NOT_PER_SERVICE[i.method] ?? "",
  notPhysicianScheduleCode: (i) =>
    `${i.codeType} codes have no Medicare physician fee schedule amount (it prices CPT and HCPCS codes).`,
  notPriced: (i) => `No Medicare amount: ${i.detail}`,
};

/** Why a rate has no % of Medicare, in the user's words (the Medicare Note cell). */
export const describeNoMedicareAmount: (reason: NoMedicareAmount) => string = catalogue(NO_MEDICARE_MESSAGES);

/**
 * Why a method's rate is no price for the service itself, comparable with a Medicare amount for the code; null when
 * it is one.
 */
const NOT_PER_SERVICE = {
  feeSchedule: null,
  caseRate: null,
  perDiem: "A per diem pays a day of a stay, not the service.",
  percentOfCharges: "A percent-of-charges rate follows what is billed, not the service.",
  negotiated: null,
  derived: null,
  other: null,
} as const satisfies Record<MarketRateMethod, string | null>;

/**
 * The PFS setting (which PE RVU) a rate is compared under. A hospital's file prices services given at the hospital
 * (POS 19, 21, 22): facility. A plan's file does not say where (its service codes are not kept): an inpatient rate is
 * a facility one, any other is taken as office (non-facility), where most professional TiC rates are paid.
 */
const PFS_SETTING_OF_SOURCE = {
  hospitalMrf: () => "facility",
  tic: (rate) => (rate.setting === "inpatient" ? "facility" : "non-facility"),
} as const satisfies Record<MarketRateSource, (rate: MarketRate) => PfsSetting>;

/** Code types whose codes the physician fee schedule prices (CPT is HCPCS level I). */
const PFS_CODE_TYPES: ReadonlySet<string> = new Set(["CPT", "HCPCS"]);

/**
 * The yardstick for a locality: of its registered schedules, the one covering `today`, else the latest one starting
 * before it, else the first; priced on `today` or the nearest date that schedule covers. Null when none is registered.
 */
export function medicareYardstick(
  byLocality: ReadonlyMap<LocalityKey, readonly MedicareSchedule[]>,
  locality: LocalityKey,
  today: IsoDate,
): MedicareYardstick | null {
  const schedules = byLocality.get(locality) ?? [];
  const covering = schedules.find((s) => s.effectiveStartDate <= today && today <= s.effectiveEndDate);
  const started = schedules.filter((s) => s.effectiveStartDate <= today);
  const schedule = covering ?? started[started.length - 1] ?? schedules[0];
  if (schedule === undefined) return null;
  const { effectiveStartDate: start, effectiveEndDate: end } = schedule;
  return { schedule, pricingDate: today < start ? start : today > end ? end : today };
}

/**
 * Compares rates with Medicare, pricing each distinct code, modifiers and setting once (a file repeats the same code
 * for every payer and plan).
 * @example const compare = medicareComparer(yardstick); compare(rate) // ok({ medicareCents: 28718, fraction: 1.3929..., basis })
 */
export function medicareComparer(
  yardstick: MedicareYardstick | null,
): (rate: MarketRate) => Result<MedicareComparison, NoMedicareAmount> {
  const amounts = new Map<string, Result<{ cents: Cents; basis: string }, NoMedicareAmount>>();
  return (rate) => {
    if (rate.unit === "percent") return fail({ code: "rateIsPercent" });
    if (NOT_PER_SERVICE[rate.method] !== null) return fail({ code: "methodNotPerService", method: rate.method });
    if (!PFS_CODE_TYPES.has(rate.codeType)) return fail({ code: "notPhysicianScheduleCode", codeType: rate.codeType });
    if (yardstick === null) return fail({ code: "noLocalityChosen" });
    const setting = PFS_SETTING_OF_SOURCE[rate.source](rate);
    const key = `${rate.code}|${rate.modifiers.join(" ")}|${setting}`;
    let amount = amounts.get(key);
    if (amount === undefined) {
      amount = priceCode(yardstick, rate, setting);
      amounts.set(key, amount);
    }
    if (!amount.ok) return amount;
    const { cents, basis } = amount.value;
    return ok({ medicareCents: cents, fraction: rate.rate.dividedBy(dollarsOf(cents)), basis });
  };
}

/** The Medicare amount of a rate's code and modifiers in a setting, with the words saying what it was priced with. */
function priceCode(
  { schedule, pricingDate }: MedicareYardstick,
  rate: MarketRate,
  setting: PfsSetting,
): Result<{ cents: Cents; basis: string }, NoMedicareAmount> {
  const hcpcsCode = parseHcpcsCode(rate.code);
  if (!hcpcsCode.ok) return fail({ code: "notPriced", detail: issueMessage(hcpcsCode.issue) });
  const modifiers = parseModifiers(...rate.modifiers);
  if (!modifiers.ok) return fail({ code: "notPriced", detail: issueMessage(modifiers.issue) });
  const price = priceMedicarePfs(
    { schedule: schedule.pfs, locality: schedule.locality, conversionFactors: schedule.conversionFactors },
    { hcpcsCode: hcpcsCode.value, modifiers: modifiers.value, setting, serviceDate: pricingDate },
  );
  if (!price.ok) return fail({ code: "notPriced", detail: issueMessage(price.issue) });
  if (price.value.allowedAmount <= 0) return fail({ code: "notPriced", detail: "the Medicare amount is $0.00." });
  const basis = `${schedule.name}, locality ${schedule.locality.localityKey}, ${setting}, priced on ${pricingDate}`;
  return ok({ cents: price.value.allowedAmount, basis });
}

/** The fraction as written to the % of Medicare cell: six decimals (139.3452% shown as 139.3%), exact before that. */
export function fractionCell(fraction: Decimal): number {
  return fraction.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toNumber();
}
