/**
 * The PAYER functions, declared once (issue 11): each entry names the function's id, its adapter (which carries the
 * argument table it reads by), the shape of its result and what it answers, for people. Everything else derives from
 * this list: the association with Excel at load (functions.ts), the Excel metadata each entry must have (checked
 * against declarations.ts, from which the build generates functions.json) and the README's function table.
 *
 * A new function is its module (an adapter built by `wholeRangeFunction` or `perLineFunction`), one entry here, and
 * its JSDoc declaration in declarations.ts, which Excel needs and the metadata test holds to this entry.
 */
import type { ExcelAdapter } from "./adapters";
import { daysToPayResult } from "./daysToPay";
import { denialRateResult } from "./denialRate";
import { expectedPaymentResult } from "./expectedPayment";
import { inpatientPaymentResult } from "./inpatientPayment";
import { marketRateResult } from "./marketRate";
import { medicareRateResult } from "./medicareRate";
import { outpatientPaymentResult } from "./outpatientPayment";
import { paymentAccuracyResult } from "./paymentAccuracy";
import { pricingTraceResult } from "./pricingTrace";
import { upliftScenarioResult } from "./upliftScenario";

/** What a function gives Excel: one number (a scalar cell), or a range (a spill of one cell or more). */
export type ResultShape = "number" | "range";

/** One PAYER function. */
export interface PayerFunction {
  /** The name after `PAYER.` that users type, as the JSDoc `@customfunction` tag declares it; never renamed. */
  readonly id: string;
  /** Reads Excel's arguments by its argument table (`implementation.argumentTable`) and answers. */
  readonly implementation: ExcelAdapter;
  readonly result: ResultShape;
  /** What the function answers, in a phrase (the README's function table). */
  readonly summary: string;
}

/** Every PAYER function, in the order the README lists them. */
export const PAYER_FUNCTIONS = [
  {
    id: "EXPECTED_PAYMENT",
    implementation: expectedPaymentResult,
    result: "range",
    summary: "the contractual allowed amount of a claim line, in dollars, rounded half-up to cents once",
  },
  {
    id: "PRICING_TRACE",
    implementation: pricingTraceResult,
    result: "range",
    summary:
      "the same calculation as text, one step per line: contract version, schedule row, Medicare base with GPCIs and CF, percent, adjustments, units, lesser-of",
  },
  {
    id: "MEDICARE_RATE",
    implementation: medicareRateResult,
    result: "range",
    summary: "the Medicare PFS allowed amount from a registered Medicare schedule",
  },
  {
    id: "INPATIENT_PAYMENT",
    implementation: inpatientPaymentResult,
    result: "range",
    summary:
      "the expected payment of an inpatient stay under a hospital contract's InpatientTerms (MS-DRG, per diem, case rates, transfer, outlier, stop-loss, lesser-of), in dollars",
  },
  {
    id: "OUTPATIENT_PAYMENT",
    implementation: outpatientPaymentResult,
    result: "range",
    summary:
      "the expected payment of each line of hospital outpatient claims, each claim priced as a whole (OPPS packaging, J1, T discounting; revenue code rates; carve-outs), one amount per line",
  },
  {
    id: "MARKET_RATE",
    implementation: marketRateResult,
    result: "range",
    summary:
      "a percentile (PERCENTILE.INC) of the market's dollar rates for a code in the Benchmarks table, by payer, setting and billing class, in dollars",
  },
  {
    id: "UPLIFT_SCENARIO",
    implementation: upliftScenarioResult,
    result: "range",
    summary: "dollars a rate uplift adds (or total, percent, or a detail table)",
  },
  {
    id: "DENIAL_RATE",
    implementation: denialRateResult,
    result: "number",
    summary: "denied share of lines or claims, by count or dollars",
  },
  {
    id: "PAYMENT_ACCURACY",
    implementation: paymentAccuracyResult,
    result: "number",
    summary:
      "share of adjudicated, non-denied lines whose allowed amount is within tolerance of the expected one (default $0.01)",
  },
  {
    id: "DAYS_TO_PAY",
    implementation: daysToPayResult,
    result: "number",
    summary: "days from submission to payment of paid lines or claims: mean, median or a percentile like p90",
  },
] as const satisfies readonly PayerFunction[];

/** The id of a PAYER function of the registry. */
export type PayerFunctionId = (typeof PAYER_FUNCTIONS)[number]["id"];
