/**
 * The OPPS payment status indicators of Addendum B (CY2025 OPPS final rule, Addendum D1; DOMAIN.md 2.8), declared
 * once: what each means and how a claim's line with it is paid. The table is a mapped type over the indicators, so a
 * new indicator (CMS adds some most years: H1 and K1 in 2025) does not compile until it says how it is paid.
 */

/** Every status indicator Addendum B uses (CY2025), in CMS's order. */
export const OPPS_STATUS_INDICATOR_CODES = [
  "A", "B", "C", "D", "E1", "E2", "F", "G", "H", "H1", "J1", "J2", "K", "K1", "L", "M", "N", "P", "Q1", "Q2", "Q3",
  "Q4", "R", "S", "T", "U", "V", "Y",
] as const; // prettier-ignore

/** An OPPS payment status indicator ("J1", "T", "N"...). */
export type OppsStatusIndicator = (typeof OPPS_STATUS_INDICATOR_CODES)[number];

/**
 * How a line of an indicator is paid under OPPS, as far as this engine prices it:
 * - `paid`: its APC payment rate x units (S, V; R blood, U brachytherapy, K and G drugs);
 * - `procedure`: T, paid and discounted with the other T procedures of the day (highest 100%, others 50%);
 * - `packaged`: N, paid $0, its cost is in the APCs it accompanies;
 * - `packagedWith`: Q1 (with an S, T or V line) and Q2 (with a T line) are packaged when such a line is on the same
 *   date of service, else paid at their APC;
 * - `comprehensive`: J1, one payment for the whole claim (C-APC);
 * - `comprehensiveObservation`: J2, the C-APC 8011 when the claim has 8 hours of observation, else its own APC;
 * - `notPriced`: an indicator this engine does not price, with the reason given to the user.
 */
export type OppsPaymentRule =
  | { readonly kind: "paid" }
  | { readonly kind: "procedure" }
  | { readonly kind: "packaged" }
  | { readonly kind: "packagedWith"; readonly indicators: readonly OppsStatusIndicator[] }
  | { readonly kind: "comprehensive" }
  | { readonly kind: "comprehensiveObservation" }
  | { readonly kind: "notPriced"; readonly reason: string };

/** What the table says of one indicator. */
export interface StatusIndicatorEntry {
  /** CMS's meaning, shortened (Addendum D1). */
  readonly meaning: string;
  readonly payment: OppsPaymentRule;
  /**
   * Whether the APC rate is wage-adjusted: rate x (0.60 x wage index + 0.40). Blood (R), brachytherapy sources (U)
   * and separately paid drugs (K, G) are not (CY2025 OPPS final rule; DOMAIN.md 2.8).
   */
  readonly wageAdjusted: boolean;
  /**
   * Whether the line is paid beside a J1 line instead of being packaged into it: CMS excludes pass-through drugs (G)
   * and brachytherapy sources (U) from comprehensive APC packaging (42 CFR 419.2(b); CY2015 OPPS final rule).
   */
  readonly outsideComprehensive: boolean;
  /**
   * The indicator the line counts as when Q1/Q2 packaging looks for an S, T or V line on its date. Clinic and
   * emergency visits were SI V until CY2016 gave them J2 for the observation C-APC; a J2 visit paid at its own APC is
   * taken as the visit it was (V). To verify against the I/OCE specification's STV-packaging logic.
   */
  readonly packagingIndicator?: OppsStatusIndicator;
}

const notPriced = (meaning: string, reason: string): StatusIndicatorEntry => ({
  meaning,
  payment: { kind: "notPriced", reason },
  wageAdjusted: false,
  outsideComprehensive: false,
});
const paid = (meaning: string, wageAdjusted: boolean, outsideComprehensive = false): StatusIndicatorEntry => ({
  meaning,
  payment: { kind: "paid" },
  wageAdjusted,
  outsideComprehensive,
});
const apc = (meaning: string, payment: OppsPaymentRule): StatusIndicatorEntry => ({
  meaning,
  payment,
  wageAdjusted: true,
  outsideComprehensive: false,
});

/** Every status indicator of Addendum B, with its payment rule. */
export const OPPS_STATUS_INDICATORS = {
  A: notPriced("paid under a fee schedule other than OPPS", "Medicare pays it under another fee schedule (e.g. the clinical laboratory or DMEPOS fee schedule), not by APC"), // prettier-ignore
  B: notPriced("not allowed on an OPPS claim", "Medicare does not allow it on a hospital outpatient (OPPS) claim; another code may be"), // prettier-ignore
  C: notPriced("inpatient only", "it is an inpatient-only procedure, not paid under OPPS"),
  D: notPriced("discontinued code", "the code is discontinued"),
  E1: notPriced("not covered", "Medicare does not cover it (not paid under any payment system)"),
  E2: notPriced("no pricing information", "Medicare has no pricing information or claims data for it"),
  F: notPriced("corneal tissue, CRNA services", "Medicare pays it at reasonable cost, not by APC"),
  G: paid("pass-through drug or biological", false, true),
  H: notPriced("pass-through device", "Medicare pays pass-through devices at the hospital's cost, not by an APC rate"),
  H1: notPriced("non-opioid device for pain relief", "Medicare pays it as a separate add-on payment at cost, not by an APC rate"), // prettier-ignore
  J1: apc("comprehensive APC", { kind: "comprehensive" }),
  J2: {
    ...apc("may be paid through a comprehensive APC", { kind: "comprehensiveObservation" }),
    packagingIndicator: "V",
  },
  K: paid("separately paid drug or biological", false),
  K1: notPriced("non-opioid drug for pain relief", "Medicare pays it as a separate add-on payment, not in this engine's OPPS rules"), // prettier-ignore
  L: notPriced("influenza, pneumococcal, hepatitis B or COVID-19 vaccine", "Medicare pays it at reasonable cost, not by APC"), // prettier-ignore
  M: notPriced("not billable to the MAC", "it is not billable on a hospital outpatient claim"),
  N: apc("packaged", { kind: "packaged" }),
  P: notPriced("partial hospitalization", "it is paid only in a partial hospitalization or intensive outpatient program, by per diem"), // prettier-ignore
  Q1: apc("packaged with S, T or V", { kind: "packagedWith", indicators: ["S", "T", "V"] }),
  Q2: apc("packaged with T", { kind: "packagedWith", indicators: ["T"] }),
  Q3: notPriced("composite APC", "composite APC payment (e.g. multiple imaging, mental health) needs the composite's rules, which this version does not apply"), // prettier-ignore
  Q4: notPriced("laboratory, conditionally packaged", "it is packaged or paid under the clinical laboratory fee schedule depending on the claim, which this version does not decide"), // prettier-ignore
  R: paid("blood and blood product", false),
  S: apc("procedure, not discounted", { kind: "paid" }),
  T: apc("procedure, multiple procedure discount", { kind: "procedure" }),
  U: paid("brachytherapy source", false, true),
  V: apc("clinic or emergency visit", { kind: "paid" }),
  Y: notPriced("durable medical equipment", "Medicare pays it under the DMEPOS fee schedule, not by APC"),
} as const satisfies Record<OppsStatusIndicator, StatusIndicatorEntry>;

const KNOWN = new Set<string>(OPPS_STATUS_INDICATOR_CODES);

/**
 * Reads a status indicator as Addendum B writes it (the October 2025 file has `' A '` and `'N '`): trimmed and upper
 * case; null when it is not one of {@link OPPS_STATUS_INDICATOR_CODES}.
 * @example parseStatusIndicator(" a ") // "A"
 */
export function parseStatusIndicator(text: string): OppsStatusIndicator | null {
  const value = text.trim().toUpperCase();
  return KNOWN.has(value) ? (value as OppsStatusIndicator) : null;
}

/** The entry of an indicator. */
export function statusIndicatorEntry(indicator: OppsStatusIndicator): StatusIndicatorEntry {
  return OPPS_STATUS_INDICATORS[indicator];
}
