/**
 * PAYER.EXPECTED_PAYMENT over a column of multi-unit lines gives what the engine's claim pricer gives each line as a
 * one-line claim: CMS's unit rules (DOMAIN.md 2.6) apply to a line priced alone. Sample workbook: Summit pays 103% of
 * MPFS_2025 with the Medicare multiple procedure rule, in Houston 04412-18 (GPCI2025.csv: work 1.014, PE 1.003,
 * MP 1.409), CF 32.3465; the sample's 20610 and 97110 rows are PPRRVU2025_Oct's.
 */
import "./support/installShim";
import { Decimal, priceClaim, type ContractLine, type HcpcsCode, type IsoDate } from "../../src/engine";
import { expectedPaymentResult } from "../../src/functions/expectedPayment";
import { pricingTraceResult } from "../../src/functions/pricingTrace";
import { registryCache } from "../../src/functions/registryCache";
import { buildSampleWorkbook } from "../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../src/playground/simulator";

const SUMMIT = "Summit Medicare Advantage";
const DATE = "2025-06-30";
const CF = new Decimal("32.3465");
const houston = (work: string, pe: string, mp: string) => {
  const parts = {
    work: new Decimal(work).times("1.014").times(CF),
    pe: new Decimal(pe).times("1.003").times(CF),
    mp: new Decimal(mp).times("1.409").times(CF),
  };
  return { ...parts, total: parts.work.plus(parts.pe).plus(parts.mp) };
};
const dollars = (amount: Decimal) => amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();

// 20610 (BILAT SURG 1): (0.79 x 1.014 + 1.04 x 1.003 + 0.13 x 1.409) x 32.3465 = 2.02735 x 32.3465 = 65.5776...
// 2 units = one bilateral procedure: 65.5776... x 150% x 103% = 101.3175... -> 101.32 (rate x units: 135.09)
const arthrocentesis = houston("0.79", "1.04", "0.13");
const BILATERAL_PAIR = dollars(arthrocentesis.total.times("1.5").times("1.03"));
// 97110 (MULT PROC 5): one unit 29.1661..., PE 0.43 x 1.003 x 32.3465 = 13.9507...
// 3 units: (3 x 29.1661... - 2 x 50% x 13.9507...) x 103% = 75.7542... -> 75.75 (rate x units: 90.12)
const exercise = houston("0.45", "0.43", "0.01");
const THERAPY_THREE_UNITS = dollars(exercise.total.times(3).minus(exercise.pe.times(2).times("0.5")).times("1.03"));

beforeAll(async () => {
  await registryCache.start(new WorkbookSimulator(buildSampleWorkbook()).excel);
});

/** The amount of a line priced by the engine as a one-line claim, in dollars. */
function oneLineClaim(hcpcsCode: string, units: number): number | string {
  const line: ContractLine = {
    contractName: SUMMIT,
    hcpcsCode: hcpcsCode as HcpcsCode,
    serviceDate: DATE as IsoDate,
    units,
  };
  const [price] = priceClaim(registryCache.current()!.registry, [line]);
  return price!.ok ? price!.value.allowedAmount / 100 : price!.issue.code;
}

describe("PAYER.EXPECTED_PAYMENT on multi-unit lines", () => {
  it("pays 2 units of 20610 as one bilateral procedure and 97110 x 3 with its later units reduced", () => {
    expect([BILATERAL_PAIR, THERAPY_THREE_UNITS]).toEqual([101.32, 75.75]);
    const result = expectedPaymentResult(SUMMIT, [["20610"], ["97110"]], null, [[2], [3]], null, DATE, null);
    expect(result).toEqual([[BILATERAL_PAIR], [THERAPY_THREE_UNITS]]);
  });

  it("gives over a column the amounts the claim pricer gives each line as a one-line claim", () => {
    const codes = ["20610", "97110", "20610", "97110", "20610", "97110"];
    const units = [1, 1, 2, 2, 3, 3];
    const result = expectedPaymentResult(
      SUMMIT,
      codes.map((c) => [c]),
      null,
      units.map((u) => [u]),
      null,
      DATE,
      null,
    );
    expect(result).toEqual(codes.map((c, i) => [oneLineClaim(c, units[i]!)]));
  });

  it("shows the unit rule in PAYER.PRICING_TRACE for the same line", () => {
    const trace = pricingTraceResult(SUMMIT, "20610", null, 2, null, DATE, null) as string[][];
    const text = String(trace[0]?.[0]);
    expect(text).toMatch(/Bilateral indicator 1 billed as 2 units: one bilateral procedure/);
    expect(text).toMatch(/rounded half-up to cents: 101\.32$/);
  });
});
