/**
 * The synthetic claims of the pricing benchmarks: a registry of two contracts (a fee schedule PPO and a 103%-of-
 * Medicare plan) over 1,000 codes, and a year of claim lines drawn with a fixed seed, so every run prices the same
 * lines (ARCHITECTURE.md s.9).
 */
import { buildContractRegistry } from "../src/engine";
import type { PricingColumns } from "../src/engine";
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

const CODES = 1_000;

// A deterministic generator, so every run prices the same lines.
let seed = 20250101;
export const next = (): number => {
  seed = (Math.imul(seed ^ (seed >>> 15), 2246822507) + 0x6d2b79f5) >>> 0;
  return seed / 2 ** 32;
};
export const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

export const codes = Array.from({ length: CODES }, (_, i) => String(10000 + i * 37) as HcpcsCode);
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
export const feeRows: FeeScheduleRow[] = codes.map((hcpcsCode, i) => ({
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
export const freshRegistry = () => buildContractRegistry(registryInput).registry;

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
/** `lines` claim lines of one contract, drawn from the seeded generator. */
export function columnsFor(contractName: string, lines: number): PricingColumns {
  const LINES = lines;
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
