/**
 * The closed word lists of the CMS hospital price-transparency templates (v2.x and v3.0.0, DOMAIN.md 5.1) and what
 * each word becomes in a MarketRate.
 */
import type { BillingClass, CareSetting, MarketRateMethod } from "../marketRate";

/** The template's `standard_charge|methodology` words. */
export const METHODOLOGY_WORDS = [
  "case rate",
  "fee schedule",
  "percent of total billed charges",
  "per diem",
  "other",
] as const;
export type MethodologyWord = (typeof METHODOLOGY_WORDS)[number];

/** Each methodology word's method: exhaustive, so a new template word does not compile until it is mapped. */
const METHOD_OF_WORD = {
  "case rate": "caseRate",
  "fee schedule": "feeSchedule",
  "percent of total billed charges": "percentOfCharges",
  "per diem": "perDiem",
  other: "other",
} as const satisfies Record<MethodologyWord, MarketRateMethod>;

/** The method of a methodology cell (case and spacing as hospitals write them), or null for any other word. */
export function methodOf(text: string): MarketRateMethod | null {
  const word = text.trim().toLowerCase().replace(/\s+/g, " ");
  return Object.hasOwn(METHOD_OF_WORD, word) ? METHOD_OF_WORD[word as MethodologyWord] : null;
}

const SETTINGS = {
  inpatient: "inpatient",
  outpatient: "outpatient",
  both: "both",
} as const satisfies Record<CareSetting, CareSetting>;

/** The setting of a cell, or null when it is not one of the template's three words. */
export function settingOf(text: string): CareSetting | null {
  const word = text.trim().toLowerCase();
  return Object.hasOwn(SETTINGS, word) ? SETTINGS[word as CareSetting] : null;
}

/** The template's optional billing_class words. */
export type HospitalBillingClassWord = "professional" | "facility" | "both";

/**
 * The hospital template says "facility" where TiC says "institutional": both mean the hospital's own claim (UB-04),
 * so the one MarketRate vocabulary compares them.
 */
const BILLING_CLASS_OF_WORD = {
  professional: "professional",
  facility: "institutional",
  both: "both",
} as const satisfies Record<HospitalBillingClassWord, BillingClass>;

/** The billing class of a cell, or null when it is not professional, facility or both. */
export function billingClassOf(text: string): BillingClass | null {
  const word = text.trim().toLowerCase();
  return Object.hasOwn(BILLING_CLASS_OF_WORD, word) ? BILLING_CLASS_OF_WORD[word as HospitalBillingClassWord] : null;
}

/**
 * The code types of the v3.0.0 schema (v2 has the same less CMG and MS-LTC-DRG), and whether a rate for a code of
 * that type means the same service at another hospital. CDM and LOCAL are the hospital's own chargemaster and
 * internal numbers: the same number names different services at two hospitals, so they never become rates; every
 * national code set (CPT, HCPCS, DRGs, revenue codes, NDC...) does, each code of a row giving its own rate.
 */
const CODE_TYPE_IS_BENCHMARKABLE = {
  CPT: true,
  HCPCS: true,
  ICD: true,
  DRG: true,
  "MS-DRG": true,
  "R-DRG": true,
  "S-DRG": true,
  "APS-DRG": true,
  "AP-DRG": true,
  "APR-DRG": true,
  "TRIS-DRG": true,
  APC: true,
  NDC: true,
  HIPPS: true,
  EAPG: true,
  CDT: true,
  RC: true,
  CMG: true,
  "MS-LTC-DRG": true,
  LOCAL: false,
  CDM: false,
} as const;
export type HospitalCodeType = keyof typeof CODE_TYPE_IS_BENCHMARKABLE;

/** The code types the templates allow, for messages. */
export const HOSPITAL_CODE_TYPES = Object.keys(CODE_TYPE_IS_BENCHMARKABLE) as HospitalCodeType[];

/** Whether the (upper-case) code type is a template code type at all, and whether its codes become rates. */
export function codeTypeKind(type: string): "benchmarkable" | "hospitalOwn" | "unknown" {
  if (!Object.hasOwn(CODE_TYPE_IS_BENCHMARKABLE, type)) return "unknown";
  return CODE_TYPE_IS_BENCHMARKABLE[type as HospitalCodeType] ? "benchmarkable" : "hospitalOwn";
}

/** A plain decimal as the templates write numbers: no currency sign, no thousands separator, no percent sign. */
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Whether the trimmed text is a number the templates allow. */
export function isNumberText(text: string): boolean {
  return NUMBER_TEXT.test(text);
}

/**
 * The v2 templates' value for "insufficient data" (DOMAIN.md 5.1), seen in negotiated columns too: a number no
 * hospital charges, so it is counted and never compared.
 */
export const PLACEHOLDER_VALUE = 999999999;

/** The lists inside one cell ("50|62", "0000000001 | 0000000002") split on pipes, trimmed, blanks dropped. */
export function pipeList(text: string): string[] {
  if (text === "") return [];
  return text
    .split("|")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}
