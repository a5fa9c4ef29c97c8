/**
 * PAYER.EXPECTED_PAYMENT, PRICING_TRACE and MEDICARE_RATE through their adapters, with the arguments as Excel passes
 * them (scalars, 2-D ranges, null for omitted ones, numbers for codes), against the sample workbook's registry.
 */
import "./support/installShim";
import { expectedPaymentResult } from "../../src/functions/expectedPayment";
import { medicareRateResult } from "../../src/functions/medicareRate";
import { pricingTraceResult } from "../../src/functions/pricingTrace";
import { registryCache } from "../../src/functions/registryCache";
import { buildSampleWorkbook } from "../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../src/playground/simulator";

const SUMMIT = "Summit Medicare Advantage";
const HOUSTON = "04412-18";

beforeAll(async () => {
  await registryCache.start(new WorkbookSimulator(buildSampleWorkbook()).excel);
});

/** The error of a result (message and code), or the result itself. */
function outcome(result: unknown): unknown {
  return result instanceof CustomFunctions.Error ? { error: result.code, message: result.message } : result;
}

describe("PAYER.MEDICARE_RATE", () => {
  it("gives CMS's CY2025 Houston amounts for 99213, non-facility and facility (DOMAIN.md 9)", () => {
    expect(medicareRateResult([["99213"]], [[HOUSTON]], null, null, [["2025-06-30"]])).toEqual([[91]]);
    expect(medicareRateResult(99213, HOUSTON, null, "facility", "2025-06-30")).toEqual([[65.69]]);
  });

  it("spills one amount per row and broadcasts the single locality", () => {
    expect(medicareRateResult([[99213], [99214]], [[HOUSTON]], null, [[11], [22]], "2025-06-30")).toEqual([
      [91],
      [96.74],
    ]);
  });

  it("answers #N/A naming the registered localities for a locality that has no schedule", () => {
    expect(outcome(medicareRateResult("99213", "01112-05", null, null, "2025-06-30"))).toEqual({
      error: "#N/A",
      message: expect.stringContaining("Registered localities: 04412-18 HOUSTON, TX"),
    });
  });
});

describe("PAYER.EXPECTED_PAYMENT", () => {
  it("prices a line at the contract's percent of Medicare, with numbers for code, units and place of service", () => {
    // Summit pays 103% of MPFS_2025: 99213 non-facility 91.00 x 1.03 = 93.73.
    expect(expectedPaymentResult([[SUMMIT]], [[99213]], null, [[1]], null, [["2025-06-30"]], [[11]])).toEqual([
      [93.73],
    ]);
  });

  it("takes modifiers in one cell or in adjacent cells, and spills a column with errors in their rows", () => {
    const result = expectedPaymentResult(
      SUMMIT,
      [["71046"], ["71046"], ["99213"]],
      [
        ["26", null],
        ["26", null],
        ["ZZZ", null],
      ],
      null,
      null,
      "2025-06-30",
      null,
    ) as unknown[][];
    expect(result[0]).toEqual(result[1]);
    expect(outcome(result[2]![0])).toEqual({
      error: "#VALUE!",
      message: expect.stringContaining('"ZZZ" is not a modifier'),
    });
    const oneCell = expectedPaymentResult(SUMMIT, "71046", "26 LT", null, null, "2025-06-30", null);
    expect(oneCell).toEqual([result[0]]);
  });

  it("caps at the billed charge under lesser-of", () => {
    expect(expectedPaymentResult(SUMMIT, "99213", null, null, 50, "2025-06-30", null)).toEqual([[50]]);
  });

  // Changed with the cell-value vocabulary: a service date was ISO text or a serial only; now read as every table's.
  it("reads a service date typed as US text (6/30/2025), as a claims export writes it", () => {
    expect(expectedPaymentResult(SUMMIT, "99213", null, null, null, "6/30/2025", null)).toEqual([[93.73]]);
  });

  it("reads a billed charge typed as text with a dollar sign and separators", () => {
    expect(expectedPaymentResult(SUMMIT, "99213", null, null, "$50.00", "2025-06-30", null)).toEqual([[50]]);
  });

  it("refuses a billed charge in accounting parentheses, as a charge is never negative", () => {
    expect(outcome(expectedPaymentResult(SUMMIT, "99213", null, null, "(50.00)", "2025-06-30", null))).toEqual({
      error: "#VALUE!",
      message: expect.stringContaining("'(50.00)' is not a number"),
    });
  });

  it("answers #N/A listing the known contracts for an unknown one", () => {
    expect(outcome(expectedPaymentResult("Zenith HMO", "99213", null, null, null, "2025-06-30", null))).toEqual({
      error: "#N/A",
      message:
        'There is no contract named "Zenith HMO". Known contracts: Acme Behavioral Health, Acme Health PPO, Acme Hospital PPO, Summit Medicare Advantage.',
    });
  });

  it("answers #VALUE! for a code that is not one, saying what a code looks like", () => {
    expect(outcome(expectedPaymentResult(SUMMIT, "ABCDE", null, null, null, "2025-06-30", null))).toEqual({
      error: "#VALUE!",
      message: '"ABCDE" is not a CPT/HCPCS code: expected 5 characters like 99213, 0001F, 0075T or J1100.',
    });
  });

  it("names the contract when a code has no rate", () => {
    expect(outcome(expectedPaymentResult(SUMMIT, "99999", null, null, null, "2025-06-30", null))).toEqual({
      error: "#N/A",
      message: expect.stringContaining('Contract "Summit Medicare Advantage" has no rate for 99999'),
    });
  });

  it("prices 10,000 rows in one call from a few distinct pricing keys", () => {
    const rows = 10_000;
    const codes = Array.from({ length: rows }, (_, i) => [["99213", "99214", "71046", "J3301"][i % 4]]);
    const started = performance.now();
    const result = expectedPaymentResult(SUMMIT, codes, null, null, [[500]], "2025-06-30", null) as unknown[][];
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result).toHaveLength(rows);
    expect(result.every(([v]) => typeof v === "number")).toBe(true);
  });
});

describe("PAYER.PRICING_TRACE", () => {
  it("shows the steps, one per line, ending with the rounded amount", () => {
    const result = pricingTraceResult(SUMMIT, "99213", null, null, null, "2025-06-30", "11") as string[][];
    const lines = String(result[0]?.[0]).split("\n");
    expect(lines[0]).toBe("1. Line: 99213, 1 unit, 11 (non-facility), no billed charge, service date 2025-06-30");
    expect(lines.some((l) => l.includes("Locality 04412-18"))).toBe(true);
    expect(lines.at(-1)).toMatch(/rounded half-up to cents: 93\.73$/);
  });
});
