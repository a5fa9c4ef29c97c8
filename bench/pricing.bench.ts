// Contract pricing of 1,000,000 claim lines (ARCHITECTURE.md s.9): at least 2,000,000 lines/s on one core for
// fee-schedule and %-of-Medicare contracts, and within 5x of a bare Map lookup + multiply over the same data.
import { buildContractRegistry } from "../src/engine";
import { priceLines, type PricingColumns } from "../src/engine";
import type { ContractVersion, MedicareSchedule } from "../src/engine";
import { MEDICARE_PFS_CONVERSION_FACTORS } from "../src/engine";
import { Decimal } from "../src/engine";
import { buildFeeSchedule, type FeeScheduleRow } from "../src/engine";
import { NATIONAL_GPCI } from "../src/engine";
import type { HcpcsCode } from "../src/engine";
import type { IsoDate } from "../src/engine";
import type { Modifier } from "../src/engine";
import { buildPfsSchedule, type PfsRvuRow } from "../src/engine";
import type { CareSetting } from "../src/engine";
import { measureInterleaved } from "./measure";

const LINES = 1_000_000;
const CODES = 1_000;
const MIN_LINES_PER_SECOND = 2_000_000;
const MAX_RATIO = 5;

// A deterministic generator, so every run prices the same lines.
let seed = 20250101;
const next = (): number => {
  seed = (Math.imul(seed ^ (seed >>> 15), 2246822507) + 0x6d2b79f5) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

const codes = Array.from({ length: CODES }, (_, i) => String(10000 + i * 37) as HcpcsCode);
const dec = (n: number): Decimal => new Decimal(n.toFixed(2));
const pfsRows: PfsRvuRow[] = codes.map((hcpcsCode, i) => ({
  hcpcsCode, modifier: null, statusCode: "A", workRvu: dec(0.5 + (i % 40) / 10), nonFacilityPeRvu: dec(0.4 + (i % 23) / 10),
  nonFacilityNaIndicator: false, facilityPeRvu: dec(0.2 + (i % 17) / 10), facilityNaIndicator: false,
  malpracticeRvu: dec(0.05 + (i % 7) / 100), pctcIndicator: "0", globalDays: "000", preOperativeFraction: dec(0),
  intraOperativeFraction: dec(0), postOperativeFraction: dec(0), multipleProcedureIndicator: "2",
  bilateralIndicator: "1", assistantSurgeryIndicator: "2", coSurgeryIndicator: "1", teamSurgeryIndicator: "0",
  pricingIndicator: null, endoscopicBaseCode: null, conversionFactor: null, diagnosticImagingFamilyIndicator: "99",
  sourceRowNumber: i + 2,
})); // prettier-ignore
const medicare: MedicareSchedule = {
  name: "MPFS_2025",
  pfs: buildPfsSchedule("bench", pfsRows),
  locality: {
    ...NATIONAL_GPCI,
    workGpci: new Decimal("1.014"),
    peGpci: new Decimal("1.003"),
    malpracticeGpci: new Decimal("1.409"),
  },
  conversionFactors: MEDICARE_PFS_CONVERSION_FACTORS,
  effectiveStartDate: "2025-01-01" as IsoDate,
  effectiveEndDate: "2025-12-31" as IsoDate,
};
const feeRows: FeeScheduleRow[] = codes.map((hcpcsCode, i) => ({
  hcpcsCode, modifier: null, nonFacilityRate: dec(40 + (i % 300) * 1.37), facilityRate: dec(30 + (i % 300) * 1.01),
  effectiveStartDate: "2025-01-01" as IsoDate, effectiveEndDate: "2025-12-31" as IsoDate, sourceRowNumber: i + 2,
})); // prettier-ignore
const version = (contractName: string, method: ContractVersion["method"]): ContractVersion => ({
  contractName, payer: "Bench", product: "PPO", effectiveStartDate: "2025-01-01" as IsoDate,
  effectiveEndDate: "2025-12-31" as IsoDate, method, medicareScheduleName: "MPFS_2025", lesserOf: true,
  defaultRule: null, multipleProcedureRule: "medicare", termEndDate: null, renewalNoticeDate: null, autoRenew: false,
  sourceRowNumber: 2,
}); // prettier-ignore
const registryInput = {
  versions: [
    version("Fee Schedule PPO", { kind: "fee schedule", feeScheduleName: "FS_Bench" }),
    version("Medicare Advantage", { kind: "percent of medicare", percent: new Decimal("1.03") }),
  ],
  feeSchedules: [buildFeeSchedule("FS_Bench", feeRows).schedule],
  medicareSchedules: [medicare],
};
/** A new registry object: its priced-key cache starts empty, as after a table edit. */
const freshRegistry = () => buildContractRegistry(registryInput).registry;

// A year of claims: every service date of 2025; codes drawn with a Zipf-like skew (a practice bills a few hundred
// codes most of the time); each code has its usual modifiers; mostly 1 unit; a charge on every line. About 3,000
// distinct pricing keys, what a year of a physician group's claims has (ARCHITECTURE.md s.9).
const dates = Array.from({ length: 365 }, (_, i) =>
  new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10),
) as IsoDate[];
const cumulative: number[] = [];
codes.reduce((sum, _, rank) => (cumulative[rank] = sum + 1 / (rank + 1) ** 1.1), 0);
const totalWeight = cumulative[cumulative.length - 1]!;
const pickCode = (): number => {
  const target = next() * totalWeight;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
};
const usualModifiers = (codeIndex: number): readonly Modifier[] =>
  (codeIndex % 5 === 0 && next() < 0.3 ? [["50"], ["25"], ["59"], ["RT"], ["50"]][codeIndex % 4]! : []) as Modifier[];
const settings: CareSetting[] = ["non-facility", "non-facility", "non-facility", "facility"];
function columnsFor(contractName: string): PricingColumns {
  const hcpcsCode: HcpcsCode[] = new Array(LINES);
  const serviceDate: IsoDate[] = new Array(LINES);
  const modifiers: (readonly Modifier[])[] = new Array(LINES);
  const setting: CareSetting[] = new Array(LINES);
  const units = new Float64Array(LINES);
  const chargeAmount = new Float64Array(LINES);
  for (let i = 0; i < LINES; i++) {
    const codeIndex = pickCode();
    hcpcsCode[i] = codes[codeIndex]!;
    serviceDate[i] = pick(dates);
    modifiers[i] = usualModifiers(codeIndex);
    setting[i] = pick(settings);
    units[i] = next() < 0.95 ? 1 : 2;
    chargeAmount[i] = Math.floor(5000 + next() * 60000);
  }
  return {
    contractName: new Array<string>(LINES).fill(contractName),
    hcpcsCode,
    serviceDate,
    modifiers,
    units,
    chargeAmount,
    setting,
  };
}

/** The floor: one Map lookup of a precomputed rate per line times units, lesser-of as a minimum, summed. */
function bareBaseline(columns: PricingColumns, rates: ReadonlyMap<string, number>): number {
  let total = 0;
  const { hcpcsCode, units, chargeAmount } = columns;
  for (let i = 0; i < hcpcsCode.length; i++) {
    const amount = (rates.get(hcpcsCode[i]!) ?? 0) * units![i]!;
    total += Math.min(amount, chargeAmount![i]!);
  }
  return total;
}

const rates = new Map(
  feeRows.map((row) => [row.hcpcsCode as string, Math.round(row.nonFacilityRate!.toNumber() * 100)]),
);
const verdict = (ok: boolean): string => (ok ? "ok" : "OVER");
const MAX_WARM_RATIO = 3;
for (const contractName of ["Fee Schedule PPO", "Medicare Advantage"]) {
  const columns = columnsFor(contractName);
  const sample = priceLines(freshRegistry(), columns);
  const label = contractName === "Fee Schedule PPO" ? "fee schedule" : "103% of Medicare";
  const warmRegistry = freshRegistry();
  // Interleaved rounds: the bare loop, cold (a new registry each run, so every distinct key is priced with decimal.js
  // inside the measured time) and warm (the shared runtime's steady state, registry unchanged since the last
  // recalculation) run one after the other in every round, so noise lands on all three and the ratios hold.
  const timed = measureInterleaved("bare", {
    bare: () => bareBaseline(columns, rates),
    cold: () => priceLines(freshRegistry(), columns),
    warm: () => priceLines(warmRegistry, columns),
  });
  console.log(
    `bare Map lookup + multiply, same 1M lines, ${label}: median ${timed.bare.medianMs.toFixed(1)} ms (${sample.distinctKeys} keys)`,
  );
  for (const [kind, maxRatio] of [
    ["cold", MAX_RATIO],
    ["warm", MAX_WARM_RATIO],
  ] as const) {
    const run = timed[kind];
    const linesPerSecond = LINES / (run.medianMs / 1000);
    console.log(
      `  ${label}, ${kind}: median ${run.medianMs.toFixed(1)} ms, ${Math.round(linesPerSecond).toLocaleString("en-US")} lines/s (budget >= 2,000,000) ${verdict(linesPerSecond >= MIN_LINES_PER_SECOND)}; ` +
        `${run.medianRatio.toFixed(2)}x the bare loop, median of interleaved rounds (budget <= ${maxRatio}x) ${verdict(run.medianRatio <= maxRatio)}`,
    );
  }
  console.log(
    `  ${label}: ${sample.issues.size} lines with issues, ${sample.lesserOfBound.reduce((n, b) => n + b, 0)} bound by lesser-of`,
  );
}
