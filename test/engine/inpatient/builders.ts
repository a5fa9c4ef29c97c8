// Test builders with defaults (STYLE.md 7) for inpatient pricing: a stay, inpatient terms and the real CMS MS-DRG
// weights of FY2025 and FY2026 (../shared/data/cms-ipps). Defaults: DRG 470 discharged home in FY2026, an MS-DRG
// contract at a base rate of $10,000.00 without any term on top.
import { Decimal } from "../../../src/engine/decimal";
import type { DrgWeightTable } from "../../../src/engine/inpatient/drgTable";
import type { MsDrg } from "../../../src/engine/inpatient/msDrg";
import type { DischargeStatus, InpatientStay, RevenueLine } from "../../../src/engine/inpatient/stay";
import type { DayTier, InpatientMethod, InpatientTerms, PerDiemLevel } from "../../../src/engine/inpatient/terms";
import type { IsoDate } from "../../../src/engine/isoDate";
import type { Cents } from "../../../src/engine/money";
import type { RevenueCode } from "../../../src/engine/revenueCode";
import { parseDrgWeightsCsv } from "../../../src/formats/cmsIpps/drgWeights";
import { readSharedData } from "../../support/sharedData";

export const d = (text: string | number): Decimal => new Decimal(String(text));
export const dollars = (amount: number): Cents => Math.round(amount * 100) as Cents;
export const date = (text: string): IsoDate => text as IsoDate;
export const drg = (text: string): MsDrg => text as MsDrg;
export const status = (text: string): DischargeStatus => text as DischargeStatus;
export const revenueCode = (text: string): RevenueCode => text as RevenueCode;

/** A room-and-board (or any) revenue line: `units` days at `revenue`. */
export const aLine = (revenue: string, units: number, charge = 1000): RevenueLine => ({
  revenueCode: revenueCode(revenue),
  units,
  chargeAmount: dollars(charge),
});

export function aStay(overrides: Partial<InpatientStay> = {}): InpatientStay {
  return {
    drg: drg("470"),
    admitDate: date("2025-11-03"),
    dischargeDate: date("2025-11-05"),
    totalCharges: dollars(60_000),
    dischargeStatus: status("01"),
    coveredDays: null,
    revenueLines: [],
    ...overrides,
  };
}

export const msDrg = (baseRate: string): InpatientMethod => ({ kind: "ms-drg", baseRate: d(baseRate) });

export function someTerms(overrides: Partial<InpatientTerms> = {}): InpatientTerms {
  return {
    contractName: "Acme Hospital PPO",
    method: msDrg("10000"),
    caseRates: new Map(),
    stopLoss: null,
    outlier: null,
    transferReduction: "exact",
    lesserOf: false,
    sourceRowNumber: 2,
    ...overrides,
  };
}

/** Day tiers from [from, to, rate] triples; `to` null: that day and after. */
export const tiers = (...rows: [number, number | null, string][]): DayTier[] =>
  rows.map(([fromDay, toDay, rate]) => ({ fromDay, toDay, rate: d(rate) }));

export const aLevel = (levelOfCare: string, from: string, to: string, dayTiers: DayTier[]): PerDiemLevel => ({
  levelOfCare,
  revenueCodeFrom: revenueCode(from),
  revenueCodeTo: revenueCode(to),
  tiers: dayTiers,
});

/** CMS's per diem example (DOMAIN.md 3.1; behavioral health): $2,000 days 1-3, $1,800 days 4-5, $1,200 day 6 on. */
export const CMS_PER_DIEM_TIERS = tiers([1, 3, "2000"], [4, 5, "1800"], [6, null, "1200"]);

/** The real MS-DRG weights tables of FY2025 and FY2026 (call inside describeWithSharedData). */
export function realDrgTables(): DrgWeightTable[] {
  return (["2025", "2026"] as const).map((year) => {
    const parsed = parseDrgWeightsCsv(readSharedData(`cms-ipps/ipps_drgstable_FY${year}_cms_pricer.csv`));
    if (!parsed.ok) throw new Error(`FY${year} weights not read`);
    return parsed.value.table;
  });
}
