// Excel's declaration of each PAYER function, the one input of the custom-functions metadata plugin
// (webpack.config.js), which generates functions.json from these JSDoc blocks: each declares a function's id
// (`@customfunction`, explicit so that renaming a TypeScript name never renames a function in users' workbooks), its
// parameters, their types (a matrix for ranges) and help. They are declarations only (`declare`): nothing imports
// this file and the bundle never holds it, so the plugin's loader adds nothing to the bundle; at run time functions.ts
// associates the registry's adapters. test/functions/metadata.test.ts generates the metadata as the plugin does and
// holds it to the registry (registry.ts). Line comments here: a JSDoc block would become the first description.

/**
 * Denial rate of claim lines or claims. Count basis: denied lines / rated lines; dollars basis: billed charges of denied lines / billed charges of rated lines; with claim_ids, per claim (a claim is denied when any of its lines is). A line is denied when its outcome is TRUE, "denied" or "partial", or carries an adjustment code other than patient responsibility (PR 1/2/3), contractual CO-45, MPPR 59, prior payer OA-23 or sequestration 253. Blank, pending, reversed and void lines are not rated.
 * @customfunction DENIAL_RATE
 * @param outcomes Per claim line: TRUE/FALSE, a status word (denied, partial, paid, pending, reversed) or adjustment codes like CO-50 or "PR-2 CO-45".
 * @param charges Per claim line billed charge in dollars; needed for basis "dollars".
 * @param basis "count" (default): each line or claim counts 1; "dollars": weighted by billed charges.
 * @param claim_ids Per claim line claim id; when given, the rate is per claim.
 * @returns The denied share, from 0 to 1.
 */
export declare function denialRate(
  outcomes: unknown[][],
  charges?: unknown[][],
  basis?: string,
  claim_ids?: unknown[][],
): number;

/**
 * Revenue effect of a rate uplift over claim lines or a utilisation table. Codes are ranked by current revenue (or volume), highest first, ties by code; only the top_n codes get the uplift. Each line's new amount is its amount x (1 + uplift), rounded half-up to the cent on that line, as a payer prices and rounds each claim line; where billed is given it is capped at the billed charge (lesser-of). Codes are ranked over all the rows given, as on the Uplift Model sheet (the same rows and billed give its figure); the Portfolio ranks within each contract and sums, so give one contract's rows to match its line for that contract. Blank rows are skipped. result "detail" spills one row per code, in rank order, with no header row: rank, code, volume, current, new, delta.
 * @customfunction UPLIFT_SCENARIO
 * @param codes Per row CPT/HCPCS code, text or number (110 reads as 00110).
 * @param amounts Per row current reimbursement in dollars (allowed or paid).
 * @param uplift One fraction for all codes (5% = 0.05), or a two-column range of code and fraction, where a * row is the default for codes not listed.
 * @param top_n How many codes, by rank, get the uplift; blank for all codes.
 * @param rank_by "revenue" (default): sum of amounts; "volume": sum of volumes, else number of rows.
 * @param volumes Per row volume (lines, units or a count), for rank_by "volume" and the detail volume column.
 * @param billed Per row billed charge in dollars; new amounts are capped at it (lesser-of). Blank cells mean no cap.
 * @param result "delta" (default): added dollars; "total": new total dollars; "percent": change as a fraction of the current total; "detail": rank, code, volume, current, new, delta per code.
 * @returns The added dollars, the new total, the change as a fraction, or one row per code.
 */
export declare function upliftScenario(
  codes: unknown[][],
  amounts: unknown[][],
  uplift: unknown[][],
  top_n?: unknown,
  rank_by?: string,
  volumes?: unknown[][],
  billed?: unknown[][],
  result?: string,
): unknown[][];

/**
 * The contractual allowed amount of claim lines under a payer contract from the PayerContracts table: the version in effect on the service date, its fee schedule or percent of Medicare or of billed charges, carve-outs and the default rule, modifier and indicator rules, units, then lesser-of billed charges; rounded half-up to cents once. An anesthesia line is paid (base units + minutes / 15, to one decimal) x the anesthesia conversion factor (the Medicare locality's from the ANES file, or the contract's own) x the medical direction percentage (AA, QZ 100%; QK, QY, QX 50%). Give columns (e.g. Claims[HCPCS Code]) to get one amount per row.
 * @customfunction EXPECTED_PAYMENT
 * @param contract A contract name from the PayerContracts table (any case).
 * @param code CPT/HCPCS code, text or number (110 reads as 00110).
 * @param modifiers Up to four modifiers, in one cell ("26 59", "26,59") or adjacent cells.
 * @param units Units of service; blank = 1. On an anesthesia code (00100-01999): the anesthesia minutes, required.
 * @param billed Billed charge in dollars; needed for lesser-of and percent-of-billed contracts.
 * @param service_date Date of service (an Excel date or text like 2025-03-31); blank = today.
 * @param place_of_service POS code like 11 or 22, or "facility"/"non-facility"; blank = non-facility.
 * @returns The expected allowed amount in dollars, one per line.
 */
export declare function expectedPayment(
  contract: unknown[][],
  code: unknown[][],
  modifiers?: unknown[][],
  units?: unknown[][],
  billed?: unknown[][],
  service_date?: unknown[][],
  place_of_service?: unknown[][],
): unknown[][];

/**
 * The calculation of PAYER.EXPECTED_PAYMENT as text, one step per line: the line as read, the contract version, the schedule row or Medicare base with GPCIs and conversion factor, percent, modifier and indicator adjustments, units, lesser-of and the rounded result.
 * @customfunction PRICING_TRACE
 * @param contract A contract name from the PayerContracts table (any case).
 * @param code CPT/HCPCS code, text or number (110 reads as 00110).
 * @param modifiers Up to four modifiers, in one cell ("26 59", "26,59") or adjacent cells.
 * @param units Units of service; blank = 1. On an anesthesia code (00100-01999): the anesthesia minutes, required.
 * @param billed Billed charge in dollars; needed for lesser-of and percent-of-billed contracts.
 * @param service_date Date of service (an Excel date or text like 2025-03-31); blank = today.
 * @param place_of_service POS code like 11 or 22, or "facility"/"non-facility"; blank = non-facility.
 * @returns The pricing steps, one per line of text.
 */
export declare function pricingTrace(
  contract: unknown[][],
  code: unknown[][],
  modifiers?: unknown[][],
  units?: unknown[][],
  billed?: unknown[][],
  service_date?: unknown[][],
  place_of_service?: unknown[][],
): unknown[][];

/**
 * The expected payment of inpatient stays under a hospital contract: the contract's InpatientTerms version in effect on the discharge date; a case rate for the DRG (InpatientCaseRates) beats the method; MS-DRG pays the base rate x the DRG's weight in MsDrgWeights for the fiscal year of the discharge date, per diem the day rates of InpatientPerDiemRates (one level of care only: this function takes no revenue lines), percent of charges its percent of the total charges; then the transfer reduction by GMLOS for a transfer discharge status, the outlier, stop-loss and lesser-of charges; rounded half-up to cents once. Give columns to get one amount per stay.
 * @customfunction INPATIENT_PAYMENT
 * @param contract A contract name from the PayerContracts table, with its terms in InpatientTerms (any case).
 * @param drg The MS-DRG of the stay, like 470 (39 reads as 039).
 * @param admit_date The admission date (an Excel date or text like 2025-03-01).
 * @param discharge_date The discharge date: it chooses the contract version and the fiscal year of the MS-DRG weights.
 * @param total_charges The stay's total charges in dollars.
 * @param discharge_status The 2-digit UB-04 patient discharge status like 01 (home) or 02 (short-term hospital); blank = a discharge, not a transfer.
 * @param covered_days The covered days (UB-04 value code 80); blank = the days from admission to discharge.
 * @returns The expected payment in dollars, one per stay.
 */
export declare function inpatientPayment(
  contract: unknown[][],
  drg: unknown[][],
  admit_date: unknown[][],
  discharge_date: unknown[][],
  total_charges: unknown[][],
  discharge_status?: unknown[][],
  covered_days?: unknown[][],
): unknown[][];

/**
 * The expected payment of each line of hospital outpatient claims under a hospital contract: lines are grouped by claim id and each claim is priced as a whole under the contract's OutpatientTerms version in effect on the claim's first date of service. Carve-outs (InstitutionalCarveOuts) beat the method; percent of OPPS pays the Addendum B rate (OppsRates) x (0.60 x wage index + 0.40) x the percent with OPPS packaging (N, Q1, Q2), comprehensive APCs (J1) and multiple procedure discounting (T); revenue code rates pay per unit or per visit; then lesser-of the line's charge; rounded half-up to cents once per line. A claim with a line that cannot be read is not priced.
 * @customfunction OUTPATIENT_PAYMENT
 * @param contract A contract name from the PayerContracts table, with its terms in OutpatientTerms (any case).
 * @param claim_ids Per line the claim id: the lines of one claim are priced together.
 * @param revenue_codes Per line the UB-04 revenue code (278 reads as 0278).
 * @param hcpcs_codes Per line the HCPCS code; blank on revenue-code-only lines.
 * @param units Per line the units of service; blank = 1.
 * @param charges Per line the charge in dollars, for lesser-of and percents of charges.
 * @param service_dates Per line the date of service (an Excel date or text like 2025-03-10).
 * @param modifiers Per line up to four modifiers, in one cell ("73", "59 73") or adjacent cells.
 * @returns The expected payment in dollars, one per line.
 */
export declare function outpatientPayment(
  contract: unknown[][],
  claim_ids: unknown[][],
  revenue_codes: unknown[][],
  hcpcs_codes: unknown[][],
  units: unknown[][],
  charges: unknown[][],
  service_dates: unknown[][],
  modifiers?: unknown[][],
): unknown[][];

/**
 * Medicare Physician Fee Schedule allowed amount for a code in a locality, from the Medicare schedule tables registered in the MedicareSchedules table: (work RVU x GPCI + PE RVU x GPCI + MP RVU x GPCI) x conversion factor, with facility or non-facility PE by place of service, the CF of the date of service, and CMS's modifier and indicator rules (26/TC, bilateral, assistant, co-surgery, split global surgery). An anesthesia code (00100-01999) answers #N/A: its amount depends on the minutes, so price it with PAYER.EXPECTED_PAYMENT, the minutes as units.
 * @customfunction MEDICARE_RATE
 * @param code CPT/HCPCS code, text or number (110 reads as 00110).
 * @param locality Medicare locality: MAC and locality numbers like 04412-18.
 * @param modifiers Up to four modifiers, in one cell ("26 59", "26,59") or adjacent cells.
 * @param place_of_service POS code like 11 or 22, or "facility"/"non-facility"; blank = non-facility.
 * @param service_date Date of service (an Excel date or text like 2025-03-31); blank = today.
 * @returns The Medicare allowed amount in dollars, one per line.
 */
export declare function medicareRate(
  code: unknown[][],
  locality: unknown[][],
  modifiers?: unknown[][],
  place_of_service?: unknown[][],
  service_date?: unknown[][],
): unknown[][];

/**
 * A percentile of the market's negotiated dollar rates for a code, from the Benchmarks table (written by the Benchmarks tab from hospital MRFs and TiC files), computed as Excel's PERCENTILE.INC over the same rates and rounded half-up to the cent. Percent-of-charges rates are never mixed with dollars: when no dollar rate is left the answer is #N/A, saying how many percent rates were left out. A rate published for setting or billing class "both" (or with no billing class) counts for either. Give a column of codes to get one rate per code.
 * @customfunction MARKET_RATE
 * @param code The billing code as the Benchmarks table lists it (CPT/HCPCS, MS-DRG, revenue code), text or number; type codes with leading zeros as text ("0450").
 * @param percentile A fraction from 0 to 1 as PERCENTILE.INC takes it (0.5 = the median), or a whole percent above 1 up to 100 (25 = the 25th percentile); 1 is refused as ambiguous (0.01 or 100).
 * @param payer Only this payer's rates (any case), as the Benchmarks table names it; blank = every payer.
 * @param setting "inpatient" or "outpatient"; blank = any setting.
 * @param billing_class "professional" or "institutional"; blank = any billing class.
 * @returns The market rate in dollars, one per code.
 */
export declare function marketRate(
  code: unknown[][],
  percentile: unknown[][],
  payer?: unknown[][],
  setting?: string,
  billing_class?: string,
): unknown[][];

/**
 * Payment accuracy: the share of adjudicated, non-denied claim lines whose allowed amount is within tolerance of the expected (contract) amount. A line is within tolerance when |allowed - expected| <= the larger of tolerance_dollars and tolerance_percent x expected, compared exactly to the cent. Lines whose outcome is Denied, Reversed or pending are left out, and so are rows with no expected or no allowed amount. No line left gives #DIV/0!.
 * @customfunction PAYMENT_ACCURACY
 * @param expected Per claim line the contract's expected allowed amount in dollars, e.g. the results of PAYER.EXPECTED_PAYMENT.
 * @param allowed Per claim line the allowed amount the payer adjudicated, in dollars.
 * @param tolerance_dollars A difference up to this many dollars is accurate; blank = 0.01.
 * @param tolerance_percent A difference up to this fraction of the expected amount is accurate (2% = 0.02); blank = 0.
 * @param outcomes Per claim line outcome: Paid, Partial, Denied or Reversed (the remittance table's Outcome column), pending, or TRUE/FALSE (a denied flag).
 * @returns The accurate share, from 0 to 1.
 */
export declare function paymentAccuracy(
  expected: unknown[][],
  allowed: unknown[][],
  tolerance_dollars?: unknown,
  tolerance_percent?: unknown,
  outcomes?: unknown[][],
): number;

/**
 * Days from submission to payment of paid claim lines, or of claims when claim_ids are given (from a claim's first submission to its latest payment date). Lines with a blank paid date are unpaid and left out. A percentile is computed as Excel's PERCENTILE.INC. A paid date before its submission date is an error naming the row; no paid line gives #DIV/0!.
 * @customfunction DAYS_TO_PAY
 * @param submitted_dates Per claim line the date the claim was submitted: an Excel date or text like 2025-03-31 or 3/31/2025.
 * @param paid_dates Per claim line the date the payer paid it (e.g. the remittance's Payment Date); blank while unpaid.
 * @param basis "mean" (default), "median", or a percentile like "p90".
 * @param claim_ids Per claim line claim id; when given, days are measured per claim.
 * @returns The mean or percentile number of days.
 */
export declare function daysToPay(
  submitted_dates: unknown[][],
  paid_dates: unknown[][],
  basis?: string,
  claim_ids?: unknown[][],
): number;
