// The batch pricer (PAYER.EXPECTED_PAYMENT, the variance review) prices each distinct key once and reuses it for
// every line and every later batch on the same registry (issue 20): a line must get the amount it gets priced alone,
// however many lines share its key, and an amount must explain itself as it would priced afresh.
import { aContract, aFeeRow, aFeeSchedule, aLine, aRegistry, asColumns, date } from "./builders";
import type { ContractRegistry } from "../../../src/engine/contracts/registry";
import { priceLine } from "../../../src/engine/contracts/priceLine";
import { priceLines } from "../../../src/engine/contracts/priceLines";
import type { ContractLine } from "../../../src/engine/contracts/types";
import { formatTrace } from "../../../src/engine/trace";
import { describeWithSharedData } from "../../support/sharedData";
import { seattleRegistry } from "./sameDayFamilies.support";

/** Allowed cents of a line priced alone, or its issue code. */
const aloneCents = (registry: ContractRegistry, line: ContractLine) => {
  const price = priceLine(registry, line);
  return price.ok ? price.value.allowedAmount : price.issue.code;
};

/** Allowed cents of each line priced in one batch, or its issue code. */
const batchCents = (registry: ContractRegistry, lines: readonly ContractLine[]) => {
  const batch = priceLines(registry, asColumns(lines));
  return Array.from(batch.allowedAmount, (cents, i) => batch.issues.get(i)?.code ?? cents);
};

// Real CY2025 files in Seattle, 100% of Medicare, lesser-of: one unit, a bilateral pair (2 units of 20610), a
// modifier, the facility setting, and charges above and below the amount, each key on many lines through the year.
const KEYS: readonly ContractLine[] = [
  aLine({ hcpcsCode: "99213" }),
  aLine({ hcpcsCode: "99213", setting: "facility" }),
  aLine({ hcpcsCode: "99213", modifiers: ["25"] }),
  aLine({ hcpcsCode: "20610", units: 2 }),
  aLine({ hcpcsCode: "20610", units: 2, setting: "facility" }),
  aLine({ hcpcsCode: "99213", units: 3 }),
];
const manyLines = Array.from({ length: 600 }, (_, i) => {
  const line = KEYS[i % KEYS.length]!;
  const month = String(1 + (i % 12)).padStart(2, "0");
  const day = String(1 + (i % 28)).padStart(2, "0");
  // Every fifth line billed below any of these amounts, so lesser-of binds on some lines of each key.
  const chargeAmount = i % 5 === 0 ? 2500 : 50000;
  return { ...line, serviceDate: date(`2025-${month}-${day}`), chargeAmount } as ContractLine;
});

describeWithSharedData("a batch with the same keys on many lines", () => {
  let registry: ContractRegistry;
  beforeAll(() => {
    registry = seattleRegistry(undefined, { lesserOf: true });
  });

  it("gives each line the amount it gets priced alone", () => {
    const alone = manyLines.map((line) => aloneCents(registry, line));
    expect(alone.filter((cents) => cents === 2500)).toHaveLength(manyLines.length / 5);
    expect(new Set(alone).size).toBeGreaterThan(KEYS.length - 2);
    expect(batchCents(registry, manyLines)).toEqual(alone);
  });

  it("gives the same amounts again when the registry has priced the keys before", () => {
    const first = batchCents(registry, manyLines);
    expect(batchCents(registry, [...manyLines].reverse())).toEqual([...first].reverse());
  });

  it("explains a key priced earlier without its trace as it explains the key priced afresh", () => {
    const columns = asColumns(manyLines);
    priceLines(registry, columns);
    const earlier = priceLines(registry, columns, { keepKeys: true }).pricedKeys!;
    const afresh = priceLines(seattleRegistry(undefined, { lesserOf: true }), columns, { keepKeys: true }).pricedKeys!;
    const traces = (keys: typeof afresh) => keys.slice(0, KEYS.length).map((key) => formatTrace(key!.priced!.trace));
    expect(traces(earlier)).toEqual(traces(afresh));
    expect(traces(earlier)[3]!.join("\n")).toMatch(/bilateral/i);
  });
});

describe("a batch over several contract years", () => {
  it("prices lines on the same day of different years by each year's contract version", () => {
    // 2025-03-04 and 2029-03-04 share a month, a day and the year's last digit modulo 4.
    const years = ["2025", "2029"] as const;
    const registry = aRegistry({
      versions: years.map((year, i) =>
        aContract({
          effectiveStartDate: date(`${year}-01-01`),
          effectiveEndDate: date(`${year}-12-31`),
          method: { kind: "fee schedule", feeScheduleName: `FS_${year}` },
          sourceRowNumber: 2 + i,
        }),
      ),
      feeSchedules: years.map((year, i) =>
        aFeeSchedule(
          `FS_${year}`,
          aFeeRow({
            nonFacilityRate: ["110.00", "130.00"][i]!,
            effectiveStartDate: date(`${year}-01-01`),
            effectiveEndDate: date(`${year}-12-31`),
          }),
        ),
      ),
    });
    const lines = ["2025-03-04", "2029-03-04", "2025-03-04", "2029-03-04"].map((serviceDate) => aLine({ serviceDate }));
    expect(batchCents(registry, lines)).toEqual([11000, 13000, 11000, 13000]);
  });

  it("gives a line dated outside every version the issue it gets priced alone, and prices the lines around it", () => {
    const registry = aRegistry();
    const lines = ["2025-03-04", "2024-12-31", "2025-03-04", "2026-01-01"].map((serviceDate) => aLine({ serviceDate }));
    const alone = lines.map((line) => aloneCents(registry, line));
    expect(alone.filter((result) => result === "contractVersionNotInEffect")).toHaveLength(2);
    expect(batchCents(registry, lines)).toEqual(alone);
  });
});
