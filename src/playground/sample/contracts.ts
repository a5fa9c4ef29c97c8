/**
 * The two payer contracts of the sample workbook, their carve-outs, the Acme fee schedule, and the contract price of
 * one claim line under them, in exact cents. The claims' allowed amounts come from `contractPriceCents`, so the
 * add-in's `PAYER.EXPECTED_PAYMENT` should reproduce them to the cent except on the lines made underpaid on purpose.
 */
import type { PprrvuRow, SampleLocality } from "./fixtures";
import { familyOf, type CodeFamily } from "./families";
import { MEDICARE_EXACT_PER_CENT, basisPoints, divideHalfUp, medicareExact, percentOfCents } from "./money";
import type { Prng } from "./prng";

export type ContractMethod = "fee schedule" | "percent of medicare" | "percent of billed";
export type CarveOutMethod = "flat rate" | "percent of billed";

/** One row of the contract registry (one contract version). Dates are ISO text. */
export interface ContractVersion {
  contractName: string;
  payer: string;
  product: string;
  effectiveStartDate: string;
  effectiveEndDate: string;
  /** "none": a hospital-only contract (hospitalContracts.ts), whose professional lines have no price. */
  method: ContractMethod | "none";
  percent: number | null;
  feeSchedule: string | null;
  medicareSchedule: string | null;
  lesserOf: boolean;
  defaultMethod: ContractMethod | null;
  defaultPercent: number | null;
  multipleProcedureRule: string;
  termEndDate: string;
  renewalNoticeDate: string;
  autoRenew: boolean;
}

/** One carve-out: a code range of a contract priced apart from its main method. */
export interface CarveOut {
  contractName: string;
  hcpcsCodeFrom: string;
  hcpcsCodeTo: string;
  method: CarveOutMethod;
  rateCents: number | null;
  percent: number | null;
}

/** One row of a payer fee schedule. */
export interface FeeScheduleRow {
  hcpcsCode: string;
  modifier: string;
  nonFacilityCents: number;
  facilityCents: number;
  effectiveStartDate: string;
  effectiveEndDate: string;
}

export const ACME = "Acme Health PPO";
export const SUMMIT = "Summit Medicare Advantage";
export const MEDICARE_SCHEDULE = "MPFS_2025";
export const ACME_SCHEDULE = "FS_AcmePPO_2025";

/**
 * The registry. Acme moved from 115% of Medicare (2024) to its own fee schedule (2025). The sample carries one
 * Medicare year, so the 2024 version is priced on MPFS_2025 too (a fixed-year basis, a simplification).
 */
export const contractVersions: readonly ContractVersion[] = [
  {
    contractName: ACME,
    payer: "Acme Health",
    product: "PPO",
    effectiveStartDate: "2024-01-01",
    effectiveEndDate: "2024-12-31",
    method: "percent of medicare",
    percent: 1.15,
    feeSchedule: null,
    medicareSchedule: MEDICARE_SCHEDULE,
    lesserOf: true,
    defaultMethod: null,
    defaultPercent: null,
    multipleProcedureRule: "Medicare",
    termEndDate: "2024-12-31",
    renewalNoticeDate: "2024-09-30",
    autoRenew: false,
  },
  {
    contractName: ACME,
    payer: "Acme Health",
    product: "PPO",
    effectiveStartDate: "2025-01-01",
    effectiveEndDate: "2025-12-31",
    method: "fee schedule",
    percent: null,
    feeSchedule: ACME_SCHEDULE,
    medicareSchedule: MEDICARE_SCHEDULE,
    lesserOf: true,
    defaultMethod: "percent of medicare",
    defaultPercent: 1,
    multipleProcedureRule: "Medicare",
    termEndDate: "2025-12-31",
    renewalNoticeDate: "2025-10-02",
    autoRenew: true,
  },
  {
    contractName: SUMMIT,
    payer: "Summit Health",
    product: "Medicare Advantage",
    effectiveStartDate: "2024-01-01",
    effectiveEndDate: "2025-12-31",
    method: "percent of medicare",
    percent: 1.03,
    feeSchedule: null,
    medicareSchedule: MEDICARE_SCHEDULE,
    lesserOf: true,
    defaultMethod: null,
    defaultPercent: null,
    multipleProcedureRule: "Medicare",
    termEndDate: "2025-12-31",
    renewalNoticeDate: "2025-07-04",
    autoRenew: false,
  },
];

/** Drugs at a percent of charges and labs at flat rates: the PFS gives them no RVUs. */
export const carveOuts: readonly CarveOut[] = [
  {
    contractName: ACME,
    hcpcsCodeFrom: "J0120",
    hcpcsCodeTo: "J9999",
    method: "percent of billed",
    rateCents: null,
    percent: 0.55,
  },
  {
    contractName: ACME,
    hcpcsCodeFrom: "80047",
    hcpcsCodeTo: "87999",
    method: "flat rate",
    rateCents: 1450,
    percent: null,
  },
  {
    contractName: ACME,
    hcpcsCodeFrom: "36415",
    hcpcsCodeTo: "36415",
    method: "flat rate",
    rateCents: 350,
    percent: null,
  },
  {
    contractName: SUMMIT,
    hcpcsCodeFrom: "J0120",
    hcpcsCodeTo: "J9999",
    method: "percent of billed",
    rateCents: null,
    percent: 0.4,
  },
  {
    contractName: SUMMIT,
    hcpcsCodeFrom: "80047",
    hcpcsCodeTo: "87999",
    method: "flat rate",
    rateCents: 1125,
    percent: null,
  },
  {
    contractName: SUMMIT,
    hcpcsCodeFrom: "36415",
    hcpcsCodeTo: "36415",
    method: "flat rate",
    rateCents: 300,
    percent: null,
  },
];

/** The contract version in effect on a service date (ISO text compares as dates). */
export function versionOn(contractName: string, serviceDate: string): ContractVersion {
  const version = contractVersions.find(
    (v) => v.contractName === contractName && v.effectiveStartDate <= serviceDate && serviceDate <= v.effectiveEndDate,
  );
  if (!version) throw new Error(`no ${contractName} version on ${serviceDate}`);
  return version;
}

export function carveOutFor(contractName: string, hcpcsCode: string): CarveOut | undefined {
  return carveOuts.find(
    (c) => c.contractName === contractName && c.hcpcsCodeFrom <= hcpcsCode && hcpcsCode <= c.hcpcsCodeTo,
  );
}

/** Acme's negotiated percent of Medicare by family (118%-135%), before a per-code nudge. */
const acmeFamilyPercent: Record<CodeFamily, number> = {
  officeVisit: 1.2,
  facilityVisit: 1.18,
  diagnosticTest: 1.27,
  procedure: 1.32,
  therapy: 1.2,
  other: 1.24,
  addOn: 1.2,
  lab: 0,
  drug: 0,
};

/**
 * Builds FS_AcmePPO_2025: every PFS-payable code not carved out, except about one in ten left off so the contract's
 * default rule has work to do; each code's modifier rows (26/TC/53) get their own rates.
 */
export function buildAcmeFeeSchedule(
  rows: readonly PprrvuRow[],
  locality: SampleLocality,
  prng: Prng,
): FeeScheduleRow[] {
  const schedule: FeeScheduleRow[] = [];
  const byCode = new Map<string, PprrvuRow[]>();
  for (const row of rows) byCode.set(row.hcpcsCode, [...(byCode.get(row.hcpcsCode) ?? []), row]);
  for (const [code, codeRows] of byCode) {
    const global = codeRows.find((r) => r.modifier === "") ?? codeRows[0]!;
    const family = familyOf(global);
    const offSchedule = prng.chance(0.1);
    const percent = acmeFamilyPercent[family] + prng.int(-2, 3) / 100;
    if (offSchedule || carveOutFor(ACME, code) || !["A", "R", "T"].includes(global.statusCode)) continue;
    for (const row of codeRows) {
      const rate = (facility: boolean) =>
        Number(
          divideHalfUp(
            medicareExact(row, locality, facility) * basisPoints(percent),
            MEDICARE_EXACT_PER_CENT * 10_000n,
          ),
        );
      schedule.push({
        hcpcsCode: code,
        modifier: row.modifier,
        nonFacilityCents: rate(false),
        facilityCents: rate(true),
        effectiveStartDate: "2025-01-01",
        effectiveEndDate: "2025-12-31",
      });
    }
  }
  return schedule;
}

/** What one line needs for pricing. */
export interface LineToPrice {
  version: ContractVersion;
  medicareRow: PprrvuRow;
  facility: boolean;
  units: number;
  /** Modifier 50 on a code with bilateral indicator 1: 150% (DOMAIN.md s.2.6). */
  bilateral: boolean;
  chargeCents: number;
}

/**
 * The contract's allowed amount for one line, in cents: carve-out, else the version's method (fee schedule rows
 * falling back to the default rule), times units and the bilateral 150%, rounded once, then lesser-of billed charges.
 */
export function contractPriceCents(
  line: LineToPrice,
  locality: SampleLocality,
  feeSchedule: ReadonlyMap<string, FeeScheduleRow>,
): number {
  const { version, medicareRow, facility, units, bilateral, chargeCents } = line;
  const code = medicareRow.hcpcsCode;
  const bilateralNumerator = bilateral ? 3n : 2n;
  const percentOfMedicare = (fraction: number) =>
    Number(
      divideHalfUp(
        medicareExact(medicareRow, locality, facility) * basisPoints(fraction) * BigInt(units) * bilateralNumerator,
        MEDICARE_EXACT_PER_CENT * 10_000n * 2n,
      ),
    );
  let price: number;
  const carveOut = carveOutFor(version.contractName, code);
  if (carveOut) {
    price =
      carveOut.method === "flat rate"
        ? (carveOut.rateCents ?? 0) * units
        : percentOfCents(chargeCents, carveOut.percent ?? 0);
  } else if (version.method === "fee schedule") {
    const row = feeSchedule.get(feeScheduleKey(code, medicareRow.modifier));
    if (row) {
      const rate = BigInt(facility ? row.facilityCents : row.nonFacilityCents);
      price = Number(divideHalfUp(rate * BigInt(units) * bilateralNumerator, 2n));
    } else {
      price = percentOfMedicare(version.defaultPercent ?? 1);
    }
  } else if (version.method === "percent of medicare") {
    price = percentOfMedicare(version.percent ?? 1);
  } else if (version.method === "percent of billed") {
    price = percentOfCents(chargeCents, version.percent ?? 1);
  } else {
    throw new Error(`contract ${version.contractName} has no professional terms: no professional claim uses it`);
  }
  return version.lesserOf ? Math.min(price, chargeCents) : price;
}

export const feeScheduleKey = (code: string, modifier: string): string => `${code}|${modifier}`;
