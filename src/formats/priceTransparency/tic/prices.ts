/**
 * One negotiated_prices[] entry of a TiC in-network file (DOMAIN.md 5.2; CMS schema `negotiated_price`): required
 * negotiated_type, negotiated_rate (> 0), expiration_date, billing_class and setting; service_code when the class is
 * professional; optional billing_code_modifier and additional_information.
 */
import { Decimal } from "../../../engine";
import type { BillingClass, CareSetting, MarketRateFilter, MarketRateMethod, MarketRateUnit } from "../marketRate";
import { isRecord, lookUp, optionalText, optionalTextList, type IssueSink } from "./issueSink";

/** The schema's negotiated_type values. */
export type TicNegotiatedType = "negotiated" | "derived" | "fee schedule" | "percentage" | "per diem";

/**
 * How each negotiated_type becomes a method and a unit. "percentage" is a whole-number percent of billed charges
 * (40.5 means 40.5%, DOMAIN.md 5.2); every other type is dollars ("derived" and "fee schedule" are the plan's
 * stand-ins where no negotiated dollar amount exists).
 */
export const NEGOTIATED_TYPES = {
  negotiated: { method: "negotiated", unit: "dollars" },
  derived: { method: "derived", unit: "dollars" },
  "fee schedule": { method: "feeSchedule", unit: "dollars" },
  percentage: { method: "percentOfCharges", unit: "percent" },
  "per diem": { method: "perDiem", unit: "dollars" },
} as const satisfies Record<TicNegotiatedType, { method: MarketRateMethod; unit: MarketRateUnit }>;

const BILLING_CLASSES = {
  professional: "professional",
  institutional: "institutional",
  both: "both",
} as const satisfies Record<BillingClass, BillingClass>;

const SETTINGS = { inpatient: "inpatient", outpatient: "outpatient", both: "both" } as const satisfies Record<
  CareSetting,
  CareSetting
>;

/** The CMS place of service codes the schema allows (its service_code pattern), or the one custom "CSTM-00". */
const PLACE_OF_SERVICE = /^(0[1-9]|1[0-9]|2[0-7]|3[1-4]|4[1-2]|49|5[0-8]|6[0-2]|6[5-6]|7[1-2]|81|99)$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A negotiated price as read, before its providers are known. */
export interface PriceFields {
  readonly method: MarketRateMethod;
  readonly unit: MarketRateUnit;
  readonly rate: Decimal;
  readonly expirationDate: string;
  readonly billingClass: BillingClass;
  readonly setting: CareSetting;
  readonly placeOfServiceCodes: readonly string[];
  readonly modifiers: readonly string[];
  readonly additionalInformation: string | null;
}

function readPlaceOfService(value: unknown, at: string, sink: IssueSink): string[] | null {
  if (value === undefined || value === null) return [];
  const valid =
    Array.isArray(value) &&
    value.every((code) => typeof code === "string") &&
    ((value.length === 1 && value[0] === "CSTM-00") || value.every((code: string) => PLACE_OF_SERVICE.test(code)));
  if (!valid) {
    sink.invalid(at, "service_code", "placeOfService", value);
    return null;
  }
  return value as string[];
}

/**
 * Reads one negotiated price; null after reporting why it cannot be kept. A JSON number becomes a Decimal through
 * its shortest round-trip text, which is the text as written for any rate of up to 15 significant digits (every
 * amount in cents below 10^13).
 */
export function readPrice(raw: unknown, at: string, sink: IssueSink): PriceFields | null {
  if (!isRecord(raw)) {
    sink.invalid(at, "", "object", raw);
    return null;
  }
  const type = lookUp(NEGOTIATED_TYPES, raw.negotiated_type);
  if (type === undefined) sink.invalid(at, "negotiated_type", "negotiatedType", raw.negotiated_type);
  const rate = raw.negotiated_rate;
  const rateOk = typeof rate === "number" && Number.isFinite(rate) && rate > 0;
  if (!rateOk) sink.invalid(at, "negotiated_rate", "positiveNumber", rate);
  const expiration = raw.expiration_date;
  const expirationOk = typeof expiration === "string" && ISO_DATE.test(expiration);
  if (!expirationOk) sink.invalid(at, "expiration_date", "date", expiration);
  const billingClass = lookUp(BILLING_CLASSES, raw.billing_class);
  if (billingClass === undefined) sink.invalid(at, "billing_class", "billingClass", raw.billing_class);
  const setting = lookUp(SETTINGS, raw.setting);
  if (setting === undefined) sink.invalid(at, "setting", "setting", raw.setting);
  const placeOfServiceCodes = readPlaceOfService(raw.service_code, at, sink);
  // The schema requires service_code for professional prices; the price is still a usable benchmark without it.
  if (billingClass === "professional" && raw.service_code === undefined) sink.missing(at, "service_code");
  const modifiers = optionalTextList(raw, "billing_code_modifier", at, sink);
  const additionalInformation = optionalText(raw, "additional_information", at, sink);
  if (
    type === undefined ||
    !rateOk ||
    !expirationOk ||
    billingClass === undefined ||
    setting === undefined ||
    placeOfServiceCodes === null
  )
    return null;
  return {
    method: type.method,
    unit: type.unit,
    rate: new Decimal(rate),
    expirationDate: expiration,
    billingClass,
    setting,
    placeOfServiceCodes,
    modifiers,
    additionalInformation,
  };
}

/**
 * Why the filter drops a price, or null to keep it. A price for "both" classes or settings applies to either, so a
 * filter on professional (or on inpatient) keeps it.
 */
export function priceFilteredOut(
  price: PriceFields,
  filter: MarketRateFilter,
): "settingNotRequested" | "billingClassNotRequested" | null {
  if (filter.settings !== undefined && price.setting !== "both" && !filter.settings.has(price.setting))
    return "settingNotRequested";
  if (
    filter.billingClasses !== undefined &&
    price.billingClass !== "both" &&
    !filter.billingClasses.has(price.billingClass)
  )
    return "billingClassNotRequested";
  return null;
}
