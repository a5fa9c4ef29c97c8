// A multi-unit line priced alone (priceLine, PAYER.PRICING_TRACE) or in a batch (priceLines, PAYER.EXPECTED_PAYMENT)
// follows CMS's unit rules as the same line priced as a one-line claim does (DOMAIN.md 2.6). Real CY2025 files,
// Seattle 02402-02, 100% of Medicare; the amounts are worked out from the file's RVUs as in bilateralUnits.test.ts
// and therapyFamily.test.ts.
import type { ContractRegistry } from "../../../src/engine/contracts/registry";
import { priceClaim } from "../../../src/engine/contracts/priceClaim";
import { priceLine } from "../../../src/engine/contracts/priceLine";
import { priceLines } from "../../../src/engine/contracts/priceLines";
import type { ContractLine } from "../../../src/engine/contracts/types";
import { formatTrace } from "../../../src/engine/trace";
import { describeWithSharedData } from "../../support/sharedData";
import { aLine, asColumns } from "./builders";
import { seattle, seattleRegistry, toCentsHalfUp } from "./sameDayFamilies.support";

// PPRRVU2025_Oct row 1644: 20610 work 0.79, NF PE 1.04, MP 0.13, MULT PROC 2, BILAT SURG 1.
// (0.79 x 1.043 + 1.04 x 1.22 + 0.13 x 0.853) x 32.3465 = 2.20366 x 32.3465 = 71.2806...
const arthrocentesis = seattle("0.79", "1.04", "0.13");
// Row 12655: 97110 work 0.45, NF PE 0.43, MP 0.01, MULT PROC 5: one unit 32.4267..., PE 16.9689...
const exercise = seattle("0.45", "0.43", "0.01");

/** 71.2806... x 1.5 = 106.9209... -> 106.92: two units of 20610 as one bilateral procedure. */
const BILATERAL_PAIR = toCentsHalfUp(arthrocentesis.total.times("1.5"));
/** 3 x 32.4267... - 2 x 50% x 16.9689... = 80.3113... -> 80.31: the 2nd and 3rd units' practice expense at 50%. */
const THERAPY_THREE_UNITS = toCentsHalfUp(exercise.total.times(3).minus(exercise.pe.times(2).times("0.5")));

const pair = aLine({ hcpcsCode: "20610", units: 2 });
const therapy = aLine({ hcpcsCode: "97110", units: 3 });

/** Allowed cents of a line priced alone, or its issue code. */
const lineCents = (registry: ContractRegistry, line: ContractLine) => {
  const price = priceLine(registry, line);
  return price.ok ? price.value.allowedAmount : price.issue.code;
};
/** Allowed cents of each line priced as a one-line claim. */
const oneLineClaimCents = (registry: ContractRegistry, lines: readonly ContractLine[]) =>
  lines.map((line) => {
    const [price] = priceClaim(registry, [line]);
    return price!.ok ? price!.value.allowedAmount : price!.issue.code;
  });
const traceText = (registry: ContractRegistry, line: ContractLine) => {
  const price = priceLine(registry, line);
  return price.ok ? formatTrace(price.value.trace).join("\n") : price.issue.code;
};

describeWithSharedData("a multi-unit line priced alone", () => {
  let registry: ContractRegistry;
  let none: ContractRegistry;
  beforeAll(() => {
    registry = seattleRegistry();
    none = seattleRegistry(undefined, { multipleProcedureRule: "none" });
  });

  it("pays 2 units of a bilateral-indicator-1 code 150% (106.92), as the one-line claim does", () => {
    expect(BILATERAL_PAIR).toBe(10692);
    expect(lineCents(registry, pair)).toBe(BILATERAL_PAIR);
    expect(oneLineClaimCents(registry, [pair])).toEqual([BILATERAL_PAIR]);
  });

  it("pays 97110 x 3 units 80.31, not 97.28, as the one-line claim does", () => {
    expect(THERAPY_THREE_UNITS).toBe(8031);
    expect(lineCents(registry, therapy)).toBe(THERAPY_THREE_UNITS);
    expect(oneLineClaimCents(registry, [therapy])).toEqual([THERAPY_THREE_UNITS]);
  });

  it("shows the bilateral unit rule in the pricing trace", () => {
    const text = traceText(registry, pair);
    expect(text).toMatch(/Bilateral indicator 1 billed as 2 units: one bilateral procedure/);
    expect(text).toMatch(/rounded half-up to cents: 106\.92$/i);
  });

  it("shows the therapy unit split in the pricing trace", () => {
    const text = traceText(registry, therapy);
    expect(text).toMatch(/therapy family \(indicator 5\): first service of the day, paid in full/);
    expect(text).toMatch(/First 1 unit in full .* \+ 2 later unit\(s\) as subsequent services/);
  });

  it("keeps rate x units under a contract whose Multiple Procedure Rule is None (142.56 and 97.28)", () => {
    const expected = [toCentsHalfUp(arthrocentesis.total.times(2)), toCentsHalfUp(exercise.total.times(3))];
    expect(expected).toEqual([14256, 9728]);
    expect([lineCents(none, pair), lineCents(none, therapy)]).toEqual(expected);
    expect(traceText(none, pair)).not.toMatch(/Bilateral indicator 1 billed as/);
  });

  it("pays one unit of each code in full, with no unit rule in the trace", () => {
    const one = [aLine({ hcpcsCode: "20610" }), aLine({ hcpcsCode: "97110" })];
    expect(one.map((line) => lineCents(registry, line))).toEqual([
      toCentsHalfUp(arthrocentesis.total),
      toCentsHalfUp(exercise.total),
    ]);
    expect(traceText(registry, one[1]!)).not.toMatch(/later unit/);
  });
});

describeWithSharedData("multi-unit lines priced in a batch", () => {
  let registry: ContractRegistry;
  beforeAll(() => {
    registry = seattleRegistry();
  });

  it("gives each line the amount of its one-line claim, one, two and three units of the same codes mixed", () => {
    const lines = [1, 2, 3, 2, 1].flatMap((units) => [
      aLine({ hcpcsCode: "20610", units }),
      aLine({ hcpcsCode: "97110", units }),
    ]);
    const batch = Array.from(priceLines(registry, asColumns(lines)).allowedAmount);
    expect(batch).toEqual(oneLineClaimCents(registry, lines));
    // 20610 x 2 bilateral; 97110 x 2: 2 x 32.4267... - 50% x 16.9689...; 20610 x 3 (not a pair): 3 x 71.2806...
    const twoAndThreeUnits = [
      BILATERAL_PAIR,
      toCentsHalfUp(exercise.total.times(2).minus(exercise.pe.times("0.5"))),
      toCentsHalfUp(arthrocentesis.total.times(3)),
      THERAPY_THREE_UNITS,
    ];
    expect(batch.slice(2, 6)).toEqual(twoAndThreeUnits);
  });

  it("keeps rate x units in a batch under a contract whose Multiple Procedure Rule is None", () => {
    const none = seattleRegistry(undefined, { multipleProcedureRule: "none" });
    const batch = priceLines(none, asColumns([pair, therapy]));
    expect(Array.from(batch.allowedAmount)).toEqual([14256, 9728]);
  });

  it("binds a bilateral pair at a lower billed charge under lesser-of", () => {
    const lesserOf = seattleRegistry(undefined, { lesserOf: true });
    const batch = priceLines(lesserOf, asColumns([{ ...pair, chargeAmount: 10000 } as ContractLine]));
    expect(Array.from(batch.allowedAmount)).toEqual([10000]);
    expect(Array.from(batch.lesserOfBound)).toEqual([1]);
  });

  it("still derives a multi-unit amount from its one-unit key where the amount is rate x units", () => {
    // 99213 (MULT PROC 0, BILAT SURG 0): 1, 2 and 3 units are one key priced with decimals, the others derived.
    const lines = [1, 2, 3].map((units) => aLine({ hcpcsCode: "99213", units }));
    const batch = priceLines(seattleRegistry(), asColumns(lines));
    expect(batch.distinctKeys).toBe(1);
    const [one] = Array.from(batch.allowedAmount);
    expect(Array.from(batch.allowedAmount)).toEqual(oneLineClaimCents(registry, lines));
    expect(one).toBeGreaterThan(0);
  });
});
