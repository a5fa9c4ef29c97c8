/**
 * Bad function arguments, refused rather than priced (issue 10, item 3): absurd magnitudes, numbers that are not
 * finite, and control characters in text, across the five PAYER functions, each with the exact error and message a
 * user sees. Per-line functions refuse only the bad line of a column. The registry is the sample workbook's.
 */
import "./support/installShim";
import { registryCache } from "../../src/functions/registryCache";
import { PAYER_FUNCTIONS, type PayerFunctionId } from "../../src/functions/registry";
import { buildSampleWorkbook } from "../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../src/playground/simulator";

const SUMMIT = "Summit Medicare Advantage";
const HOSPITAL = "Mercy Hospital PPO";
const HOUSTON = "04412-18";
const DATE = "2025-06-30";
const CODES = [[99213], [99214]];
const AMOUNTS = [[100], [200]];
const CLEAN = "retype the text, or clean it with Excel's CLEAN function.";

beforeAll(async () => {
  await registryCache.start(new WorkbookSimulator(buildSampleWorkbook()).excel);
});

/** The function's adapter, as the registry declares it. */
function call(id: PayerFunctionId, ...args: unknown[]): unknown {
  const entry = PAYER_FUNCTIONS.find((candidate) => candidate.id === id);
  if (entry === undefined) throw new Error(`no PAYER.${id} in the registry`);
  return entry.implementation(...args);
}

/** An error value as the user sees it (kind and message), or the value itself. */
function outcome(result: unknown): unknown {
  return result instanceof CustomFunctions.Error ? { error: result.code, message: result.message } : result;
}

interface BadArguments {
  /** What the user gave, in their words. */
  readonly name: string;
  readonly id: PayerFunctionId;
  readonly args: readonly unknown[];
  readonly message: string;
}

const CATALOGUE: readonly BadArguments[] = [
  {
    name: "EXPECTED_PAYMENT with units of 10^300",
    id: "EXPECTED_PAYMENT",
    args: [SUMMIT, "99213", null, 1e300, null, DATE, null],
    message: "units: 1e+300 is outside the range of units of service on one claim line: at most 100,000.",
  },
  {
    name: "EXPECTED_PAYMENT with 200,000 units typed as text",
    id: "EXPECTED_PAYMENT",
    args: [SUMMIT, "99213", null, "200000", null, DATE, null],
    message: "units: 200,000 is outside the range of units of service on one claim line: at most 100,000.",
  },
  {
    name: "EXPECTED_PAYMENT with a negative number of units",
    id: "EXPECTED_PAYMENT",
    args: [SUMMIT, "99213", null, -1, null, DATE, null],
    message: '"-1" is not a number of units: expected a positive number like 1 or 2.',
  },
  {
    name: "EXPECTED_PAYMENT with units that are not a number (NaN)",
    id: "EXPECTED_PAYMENT",
    args: [SUMMIT, "99213", null, NaN, null, DATE, null],
    message: "units: NaN is not a finite number; check the cell or the formula that gives it.",
  },
  {
    name: "EXPECTED_PAYMENT with a billed charge of 1e20",
    id: "EXPECTED_PAYMENT",
    args: [SUMMIT, "99213", null, null, 1e20, DATE, null],
    message:
      "billed: 100,000,000,000,000,000,000 is outside the range of a billed charge on one claim line: $0 to $100,000,000.",
  },
  {
    name: "EXPECTED_PAYMENT with a negative billed charge",
    id: "EXPECTED_PAYMENT",
    args: [SUMMIT, "99213", null, null, -5, DATE, null],
    message: "billed: -5 is outside the range of a billed charge on one claim line: $0 to $100,000,000.",
  },
  {
    name: "EXPECTED_PAYMENT with a billed charge of $1,000,000,000 typed as text",
    id: "EXPECTED_PAYMENT",
    args: [SUMMIT, "99213", null, null, "$1,000,000,000", DATE, null],
    message: "billed: 1,000,000,000 is outside the range of a billed charge on one claim line: $0 to $100,000,000.",
  },
  {
    name: "EXPECTED_PAYMENT with a NUL inside the contract name",
    id: "EXPECTED_PAYMENT",
    args: ["Summit\u0000Medicare Advantage", "99213", null, null, null, DATE, null],
    message: `contract: the text holds an invisible control character (U+0000) at character 7; ${CLEAN}`,
  },
  {
    name: "EXPECTED_PAYMENT with a NUL in the second modifier cell",
    id: "EXPECTED_PAYMENT",
    args: [SUMMIT, "71046", [["26", "5\u00009"]], null, null, DATE, null],
    message: `modifiers: the text holds an invisible control character (U+0000) at character 2; ${CLEAN}`,
  },
  {
    name: "PRICING_TRACE with units of 10^300",
    id: "PRICING_TRACE",
    args: [SUMMIT, "99213", null, 1e300, null, DATE, null],
    message: "units: 1e+300 is outside the range of units of service on one claim line: at most 100,000.",
  },
  {
    name: "PRICING_TRACE with a DEL character in the place of service",
    id: "PRICING_TRACE",
    args: [SUMMIT, "99213", null, null, null, DATE, "1\u007f1"],
    message:
      "place_of_service: the text holds an invisible control character (U+007F) at character 2; retype the text.",
  },
  {
    name: "PRICING_TRACE with an infinite billed charge",
    id: "PRICING_TRACE",
    args: [SUMMIT, "99213", null, null, Infinity, DATE, null],
    message: "billed: Infinity is not a finite number; check the cell or the formula that gives it.",
  },
  {
    name: "INPATIENT_PAYMENT with total charges of 1e20",
    id: "INPATIENT_PAYMENT",
    args: [HOSPITAL, 470, "2025-11-03", "2025-11-05", 1e20],
    message:
      "total_charges: 100,000,000,000,000,000,000 is outside the range of the total charges of one stay: $0 to $100,000,000.",
  },
  {
    name: "INPATIENT_PAYMENT with covered days of 10^300",
    id: "INPATIENT_PAYMENT",
    args: [HOSPITAL, 470, "2025-11-03", "2025-11-05", 60000, null, 1e300],
    message: "covered_days: 1e+300 is outside the range of the covered days of one stay: 0 to 3,650.",
  },
  {
    name: "INPATIENT_PAYMENT with a NUL inside the DRG",
    id: "INPATIENT_PAYMENT",
    args: [HOSPITAL, "47\u00000", "2025-11-03", "2025-11-05", 60000],
    message: `drg: the text holds an invisible control character (U+0000) at character 3; ${CLEAN}`,
  },
  {
    name: "OUTPATIENT_PAYMENT with units of 10^300",
    id: "OUTPATIENT_PAYMENT",
    args: [HOSPITAL, "OP-1", "0360", "27447", 1e300, 100, DATE],
    message: "units: 1e+300 is outside the range of units of service on one claim line: at most 100,000.",
  },
  {
    name: "OUTPATIENT_PAYMENT with a NUL after a claim id",
    id: "OUTPATIENT_PAYMENT",
    args: [HOSPITAL, "OP-1\u0000", "0360", "27447", 1, 100, DATE],
    message: `claim_ids: the text holds an invisible control character (U+0000) at character 5; ${CLEAN}`,
  },
  {
    name: "MEDICARE_RATE with a NUL inside the locality",
    id: "MEDICARE_RATE",
    args: ["99213", "04412\u0000-18", null, null, DATE],
    message: `locality: the text holds an invisible control character (U+0000) at character 6; ${CLEAN}`,
  },
  {
    name: "MEDICARE_RATE with a service date of Infinity",
    id: "MEDICARE_RATE",
    args: ["99213", HOUSTON, null, null, Infinity],
    message: "service_date: Infinity is not a finite number; check the cell or the formula that gives it.",
  },
  {
    name: "MEDICARE_RATE with a C1 control character after the code",
    id: "MEDICARE_RATE",
    args: ["99213\u0085", HOUSTON, null, null, DATE],
    message: "code: the text holds an invisible control character (U+0085) at character 6; retype the text.",
  },
  {
    name: "UPLIFT_SCENARIO with an uplift of 1e9",
    id: "UPLIFT_SCENARIO",
    args: [CODES, AMOUNTS, 1e9],
    message: "uplift: 1,000,000,000 is outside the range of an uplift fraction: at most 10 (1,000%).",
  },
  {
    name: "UPLIFT_SCENARIO with an uplift of 500000% typed as text",
    id: "UPLIFT_SCENARIO",
    args: [CODES, AMOUNTS, "500000%"],
    message: "uplift: 5,000 is outside the range of an uplift fraction: at most 10 (1,000%).",
  },
  {
    name: "UPLIFT_SCENARIO with an uplift table whose default row gives 1e9",
    id: "UPLIFT_SCENARIO",
    args: [
      CODES,
      AMOUNTS,
      [
        ["99213", 0.05],
        ["*", 1e9],
      ],
    ],
    message: "uplift row 2: 1,000,000,000 is outside the range of an uplift fraction: at most 10 (1,000%).",
  },
  {
    name: "UPLIFT_SCENARIO with a NUL in a code of the uplift table",
    id: "UPLIFT_SCENARIO",
    args: [
      CODES,
      AMOUNTS,
      [
        ["99213", 0.05],
        ["99\u0000214", 0.03],
      ],
    ],
    message: `uplift row 2: the text holds an invisible control character (U+0000) at character 3; ${CLEAN}`,
  },
  {
    name: "UPLIFT_SCENARIO with an amount of 1e20 on row 2",
    id: "UPLIFT_SCENARIO",
    args: [CODES, [[100], [1e20]], 0.05],
    message:
      "amounts row 2: 100,000,000,000,000,000,000 is outside the range of an amount on one row (a claim line or a code's total): -$10,000,000,000 to $10,000,000,000.",
  },
  {
    name: "UPLIFT_SCENARIO with a volume of 10^300",
    id: "UPLIFT_SCENARIO",
    args: [CODES, AMOUNTS, 0.05, null, "volume", [[3], [1e300]]],
    message:
      "volumes row 2: 1e+300 is outside the range of a volume on one row (lines, units or a count): -1,000,000,000 to 1,000,000,000.",
  },
  {
    name: "UPLIFT_SCENARIO with top_n of 10^300",
    id: "UPLIFT_SCENARIO",
    args: [CODES, AMOUNTS, 0.05, 1e300],
    message: "top_n: 1e+300 is outside the range of a number of codes: at most 1,048,576.",
  },
  {
    name: "UPLIFT_SCENARIO with a billed charge of minus infinity",
    id: "UPLIFT_SCENARIO",
    args: [CODES, AMOUNTS, 0.05, null, null, null, [[-Infinity], [300]]],
    message: "billed row 1: -Infinity is not a finite number; check the cell or the formula that gives it.",
  },
  {
    name: "UPLIFT_SCENARIO with a NUL inside a code",
    id: "UPLIFT_SCENARIO",
    args: [[["99213"], ["99\u0000214"]], AMOUNTS, 0.05],
    message: `codes row 2: the text holds an invisible control character (U+0000) at character 3; ${CLEAN}`,
  },
  {
    name: "UPLIFT_SCENARIO with a NUL after the result mode",
    id: "UPLIFT_SCENARIO",
    args: [CODES, AMOUNTS, 0.05, null, null, null, null, "detail\u0000"],
    message: `result: the text holds an invisible control character (U+0000) at character 7; ${CLEAN}`,
  },
  {
    name: "DENIAL_RATE with a charge of 1e20",
    id: "DENIAL_RATE",
    args: [[["paid"], ["CO-50"]], [[1e20], [5]], "dollars"],
    message:
      "charges row 1: 100,000,000,000,000,000,000 is outside the range of a billed charge on one remitted claim line (negative on a reversal): -$100,000,000 to $100,000,000.",
  },
  {
    // A negative charge is a reversal, left out of the rate; only its size is bounded.
    name: "DENIAL_RATE with a reversal charge of -1e20",
    id: "DENIAL_RATE",
    args: [[["paid"], ["CO-50"]], [[100], [-1e20]], "dollars"],
    message:
      "charges row 2: -100,000,000,000,000,000,000 is outside the range of a billed charge on one remitted claim line (negative on a reversal): -$100,000,000 to $100,000,000.",
  },
  {
    name: "DENIAL_RATE with a NUL inside an outcome",
    id: "DENIAL_RATE",
    args: [[["paid"], ["CO\u0000-50"]]],
    message: `outcomes row 2: the text holds an invisible control character (U+0000) at character 3; ${CLEAN}`,
  },
  {
    name: "DENIAL_RATE with a NUL after a claim id",
    id: "DENIAL_RATE",
    args: [[["paid"], ["CO-50"]], null, null, [["CLM-1"], ["CLM-2\u0000"]]],
    message: `claim_ids row 2: the text holds an invisible control character (U+0000) at character 6; ${CLEAN}`,
  },
  {
    name: "DENIAL_RATE with a NUL after the basis",
    id: "DENIAL_RATE",
    args: [[["paid"], ["CO-50"]], [[100], [50]], "dollars\u0000"],
    message: `basis: the text holds an invisible control character (U+0000) at character 8; ${CLEAN}`,
  },
  {
    name: "PAYMENT_ACCURACY with an allowed amount of 1e20",
    id: "PAYMENT_ACCURACY",
    args: [
      [[100], [100]],
      [[100], [1e20]],
    ],
    message:
      "allowed row 2: 100,000,000,000,000,000,000 is outside the range of an expected or allowed amount on one claim line (negative on a reversal): -$100,000,000 to $100,000,000.",
  },
  {
    name: "PAYMENT_ACCURACY with a negative tolerance in dollars",
    id: "PAYMENT_ACCURACY",
    args: [[[100]], [[100]], -1],
    message: "tolerance_dollars: -1 is outside the range of a payment tolerance in dollars: $0 to $1,000,000.",
  },
  {
    name: "PAYMENT_ACCURACY with a tolerance of 500%",
    id: "PAYMENT_ACCURACY",
    args: [[[100]], [[100]], null, "500%"],
    message:
      "tolerance_percent: 5 is outside the range of a payment tolerance as a fraction of the expected amount: 0 (0%) to 1 (100%).",
  },
  {
    name: "DAYS_TO_PAY with a NUL inside a paid date",
    id: "DAYS_TO_PAY",
    args: [[["2025-01-02"]], [["2025-02\u0000-01"]]],
    message: `paid_dates: the text holds an invisible control character (U+0000) at character 8; ${CLEAN}`,
  },
  {
    name: "DAYS_TO_PAY with a submitted date that is not finite",
    id: "DAYS_TO_PAY",
    args: [
      [[45659], [Infinity]],
      [[45669], [45670]],
    ],
    message: "submitted_dates row 2: Infinity is not a finite number; check the cell or the formula that gives it.",
  },
  {
    name: "MARKET_RATE with a NUL inside the payer",
    id: "MARKET_RATE",
    args: [[["70551"]], 0.5, "Platform\u0000 Health"],
    message: `payer: the text holds an invisible control character (U+0000) at character 9; ${CLEAN}`,
  },
  {
    name: "MARKET_RATE with a percentile that is not finite",
    id: "MARKET_RATE",
    args: [[["70551"]], Infinity],
    message: "percentile: Infinity is not a finite number; check the cell or the formula that gives it.",
  },
];

describe("bad function arguments are refused with #VALUE!, never priced", () => {
  it.each(CATALOGUE)("refuses $name", async ({ id, args, message }) => {
    expect(outcome(await call(id, ...args))).toEqual({ error: "#VALUE!", message });
  });

  it("covers every PAYER function", () => {
    expect(new Set(CATALOGUE.map((bad) => bad.id))).toEqual(new Set(PAYER_FUNCTIONS.map((entry) => entry.id)));
  });
});

describe("a column with one bad line", () => {
  it("EXPECTED_PAYMENT refuses that line only and prices the others", () => {
    const result = call(
      "EXPECTED_PAYMENT",
      SUMMIT,
      [["99213"], ["99\u001b214"], ["99213"]],
      null,
      null,
      null,
      DATE,
      null,
    );
    expect((result as unknown[][]).map(([cell]) => outcome(cell))).toEqual([
      93.73,
      {
        error: "#VALUE!",
        message: `code row 2: the text holds an invisible control character (U+001B) at character 3; ${CLEAN}`,
      },
      93.73,
    ]);
  });

  it("MEDICARE_RATE refuses the line with a bad modifier cell and prices the line before it", () => {
    const result = call("MEDICARE_RATE", [[99213], [99214]], HOUSTON, [[null], ["26\u0000"]], null, DATE);
    expect((result as unknown[][]).map(([cell]) => outcome(cell))).toEqual([
      91,
      {
        error: "#VALUE!",
        message: `modifiers row 2: the text holds an invisible control character (U+0000) at character 3; ${CLEAN}`,
      },
    ]);
  });
});

describe("values at the bounds are priced", () => {
  it("EXPECTED_PAYMENT prices 100,000 units, the most one line may carry", () => {
    // Summit pays 103% of Medicare's 90.995556475 for 99213, 93.72542316925 a unit, rounded once at the end.
    expect(call("EXPECTED_PAYMENT", SUMMIT, "99213", null, 100_000, null, DATE, null)).toEqual([[9_372_542.32]]);
  });

  it("UPLIFT_SCENARIO models an uplift of 10 (1,000%), the largest accepted", () => {
    // 1,000% more on 100 + 200 of current amounts adds 3,000.
    expect(call("UPLIFT_SCENARIO", CODES, AMOUNTS, 10)).toEqual([[3000]]);
  });
});
