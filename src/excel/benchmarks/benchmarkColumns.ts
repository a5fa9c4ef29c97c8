/**
 * The Benchmarks table in the column dictionary (registry/columnDictionary.ts, ARCHITECTURE.md 2): one row per
 * negotiated rate read from a price-transparency file (DOMAIN.md 5), with its % of Medicare at the user's locality.
 * The writer (writeBenchmarks.ts) derives its columns from {@link BENCHMARKS_SPEC}, and any later reader
 * (PAYER.MARKET_RATE, the Benchmarks sheet) parses the table with `parseTable(BENCHMARKS_SPEC, ...)`.
 */
import {
  BILLING_CLASSES,
  CARE_SETTINGS,
  MARKET_RATE_METHODS,
  type BillingClass,
  type CareSetting,
  type MarketRateMethod,
  type MarketRateSource,
  type MarketRateUnit,
} from "../../formats/priceTransparency/marketRate";
import { choiceCell, decimalCell, moneyCell, textCell } from "../registry/cellKinds";
import type { Columns, TableSpec } from "../registry/columnDictionary";

/** The table's name: PAYER.MARKET_RATE and the Benchmarks sheet find it by this name. */
export const BENCHMARKS_TABLE = "Benchmarks";
/** The sheet the table is written on (the formulas of the "Benchmarks" sheet read it from there). */
export const BENCHMARKS_SHEET = "Benchmark Rates";

/** Each kind of file in the table's words. */
export const SOURCE_WORDS = {
  hospitalMrf: "Hospital MRF",
  tic: "TiC in-network",
} as const satisfies Record<MarketRateSource, string>;

/** Each method in the words of the files (hospital methodology, TiC negotiated_type). */
export const METHOD_WORDS = {
  feeSchedule: "fee schedule",
  caseRate: "case rate",
  perDiem: "per diem",
  percentOfCharges: "percent of total billed charges",
  negotiated: "negotiated",
  derived: "derived",
  other: "other",
} as const satisfies Record<MarketRateMethod, string>;

/** Each unit of a rate in the table's words. */
export const UNIT_WORDS = { dollars: "dollars", percent: "percent" } as const satisfies Record<MarketRateUnit, string>;

/** A choice column whose words are a declared table's values (read back to the table's keys). */
function wordsOf<K extends string>(words: Readonly<Record<K, string>>) {
  const entries = Object.entries(words) as [K, string][];
  return choiceCell<K>(
    // choiceCell looks a cell up lower case: "Hospital MRF" must read back, not only "hospital mrf".
    Object.fromEntries(entries.map(([key, word]) => [word.toLowerCase(), key])),
    entries.map(([, w]) => w),
  );
}

/** The words of a list that the files write as they are (settings, billing classes). */
const sameWords = <K extends string>(values: readonly K[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as unknown as Record<K, string>;

const SETTING_WORDS: Record<CareSetting, string> = sameWords(CARE_SETTINGS);
const BILLING_CLASS_WORDS: Record<BillingClass, string> = sameWords(BILLING_CLASSES);

/** The Benchmarks table: what it is for and its columns, in table order. */
export const BENCHMARKS_SPEC = {
  title: BENCHMARKS_TABLE,
  purpose:
    "Negotiated rates of other providers and plans, read from hospital machine-readable files and Transparency in Coverage files, each with its % of Medicare at your locality. PAYER.MARKET_RATE and the Benchmarks sheet read it.",
  columns: {
    source: {
      header: "Source",
      kind: wordsOf(SOURCE_WORDS),
      written: "text",
      required: true,
      description: "The kind of file the rate was published in.",
      example: SOURCE_WORDS.hospitalMrf,
      allowed: Object.values(SOURCE_WORDS),
    },
    fileName: {
      header: "File",
      kind: textCell,
      written: "text",
      description: "The file the rate was read from.",
      example: "west-mercy_standardcharges.csv",
    },
    publisher: {
      header: "Publisher",
      kind: textCell,
      written: "text",
      required: true,
      description: "Who published the file: the hospital, or the plan's reporting entity.",
      example: "West Mercy Hospital",
    },
    payer: {
      header: "Payer",
      kind: textCell,
      written: "text",
      required: true,
      description: "The payer whose rate it is, as the file names it.",
      example: "Platform Health Insurance",
    },
    plan: {
      header: "Plan",
      kind: textCell,
      written: "text",
      description: "The payer's plan or product.",
      example: "PPO",
    },
    provider: {
      header: "Provider",
      kind: textCell,
      written: "text",
      description: "Whom the rate pays: the hospital and its locations, or the provider group.",
      example: "West Mercy Hospital",
    },
    code: {
      header: "Billing Code",
      synonyms: ["Code", "HCPCS Code"],
      kind: textCell,
      written: "text",
      required: true,
      description: "The code as published (CPT/HCPCS, MS-DRG, revenue code...).",
      example: "70551",
    },
    codeType: {
      header: "Billing Code Type",
      synonyms: ["Code Type"],
      kind: textCell,
      written: "text",
      required: true,
      description: "The code's type as published, upper case.",
      example: "CPT",
    },
    modifiers: {
      header: "Modifiers",
      kind: textCell,
      written: "text",
      description: "The modifiers the rate is for, separated by spaces.",
      example: "26",
    },
    setting: {
      header: "Setting",
      kind: wordsOf(SETTING_WORDS),
      written: "text",
      required: true,
      description: "Where the service is given.",
      example: "outpatient",
      allowed: CARE_SETTINGS,
    },
    billingClass: {
      header: "Billing Class",
      kind: wordsOf(BILLING_CLASS_WORDS),
      written: "text",
      description: "The claim form the rate pays; blank when the file does not say.",
      example: "professional",
      allowed: BILLING_CLASSES,
    },
    method: {
      header: "Method",
      kind: wordsOf(METHOD_WORDS),
      written: "text",
      required: true,
      description: "How the rate is stated (the hospital's methodology or the plan's negotiated type).",
      example: METHOD_WORDS.feeSchedule,
      allowed: MARKET_RATE_METHODS.map((method) => METHOD_WORDS[method]),
    },
    unit: {
      header: "Unit",
      kind: wordsOf(UNIT_WORDS),
      written: "text",
      required: true,
      description: "Whether Rate is dollars or a whole-number percent (70.5 means 70.5%).",
      example: UNIT_WORDS.dollars,
      allowed: Object.values(UNIT_WORDS),
    },
    rate: {
      header: "Rate",
      kind: decimalCell,
      written: "number",
      numberFormat: "#,##0.00",
      required: true,
      description: "The rate exactly as the file writes it: dollars, or a whole-number percent (see Unit).",
      example: "400.00",
    },
    medicareAmount: {
      header: "Medicare Amount",
      kind: moneyCell,
      written: "money",
      description: "The Medicare PFS amount of the code at your locality, from the registered Medicare schedule.",
      example: "$287.18",
    },
    percentOfMedicare: {
      header: "% of Medicare",
      kind: decimalCell,
      written: "percent",
      numberFormat: "0.0%",
      description: "Rate divided by Medicare Amount (1.393 is 139.3%); blank when there is no Medicare amount.",
      example: "139.3%",
    },
    medicareNote: {
      header: "Medicare Note",
      kind: textCell,
      written: "text",
      description: "Which Medicare schedule and setting the amount is from, or why there is none.",
      example: "MPFS_2025, locality 04412-18, facility",
    },
    at: {
      header: "Position in File",
      kind: textCell,
      written: "text",
      description: "Where in the file the rate was read: a row and column, or a JSON path.",
      example: "row 4",
    },
  },
} as const satisfies TableSpec<Columns>;

/** The fields of the Benchmarks table, in table order. */
export type BenchmarkField = keyof typeof BENCHMARKS_SPEC.columns;
