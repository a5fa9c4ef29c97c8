/**
 * The sample's inpatient stays (TOB 0111): medical and surgical stays under Acme Hospital PPO (MS-DRG, a case rate for
 * DRG 470, first-dollar stop-loss) and psychiatric stays under Acme Behavioral Health (per diem tiers), each billed on
 * realistic revenue lines, priced through the engine, adjudicated (deductible, a few authorization denials) and a few
 * underpaid on purpose (see hospitalPricing.ts for the mistakes).
 */
import { parseDischargeStatus, parseMsDrg, type Cents, type IsoDate } from "../../engine";
import type { DrgWeightFixtureRow } from "./hospitalFixtures";
import { BEHAVIORAL, HOSPITAL_PAYER, HOSPITAL_PPO, HOSPITAL_TERMS } from "./hospitalContracts";
import { isoDay2025, TYPE_OF_BILL, type BilledLine, type HospitalClaimLine, type PlantedUnderpayment } from "./hospitalLines"; // prettier-ignore
import type { HospitalPricer, InpatientKind, StayToPrice } from "./hospitalPricing";
import type { Prng } from "./prng";

/** DRGs by how often the sample's hospital discharges them; surgical ones bill an operating room and anesthesia. */
const MEDICAL_DRGS = [["871", 14], ["291", 12], ["194", 9], ["392", 9], ["690", 8], ["603", 7], ["190", 7], ["378", 6], ["280", 5], ["312", 5], ["641", 5], ["683", 5], ["065", 4], ["189", 4]] as const; // prettier-ignore
const SURGICAL_DRGS = [
  ["470", 10],
  ["743", 4],
] as const;
const PSYCHIATRIC_DRG = "885";
/** Critical care: some of these stays spend days in intensive care (revenue code 0200). */
const ICU_DRGS = new Set(["871", "280", "065", "189"]);
const DISCHARGE_STATUSES = [["01", 72], ["06", 12], ["03", 7], ["02", 4], ["62", 3], ["20", 2]] as const; // prettier-ignore

/** A stay before it is adjudicated. */
interface StayDraft {
  claimId: string;
  contractName: string;
  drg: string;
  admitDay: number;
  lengthOfStay: number;
  dischargeStatus: string;
  lines: BilledLine[];
  denied: boolean;
}

const dollars = (prng: Prng, from: number, to: number) => prng.int(from, to) * 100;

function billStay(prng: Prng, drg: string, lengthOfStay: number, catastrophic: boolean): BilledLine[] {
  const line = (revenueCode: string, chargeCents: number, units = 1, hcpcsCode: string | null = null): BilledLine => ({ revenueCode, hcpcsCode, units, chargeCents }); // prettier-ignore
  if (drg === PSYCHIATRIC_DRG)
    return [line("0124", lengthOfStay * 195_000, lengthOfStay), line("0250", dollars(prng, 300, 2500), prng.int(4, 30)), line("0300", dollars(prng, 150, 900), prng.int(2, 8))]; // prettier-ignore
  const surgical = SURGICAL_DRGS.some(([code]) => code === drg);
  const icuDays = catastrophic ? lengthOfStay - 3 : ICU_DRGS.has(drg) && lengthOfStay > 2 && prng.chance(0.5) ? prng.int(1, 3) : 0; // prettier-ignore
  const lines: BilledLine[] = [];
  if (lengthOfStay > icuDays) lines.push(line("0120", (lengthOfStay - icuDays) * 285_000, lengthOfStay - icuDays));
  if (icuDays > 0) lines.push(line("0200", icuDays * 780_000, icuDays));
  lines.push(line("0250", catastrophic ? dollars(prng, 45_000, 95_000) : dollars(prng, 400, 9000), prng.int(6, 60)));
  if (drg === "470") lines.push(line("0278", dollars(prng, 14_000, 22_000), 1, "C1776"));
  lines.push(line("0300", dollars(prng, 250, 3500), prng.int(3, 25)));
  if (prng.chance(0.5)) lines.push(line("0320", dollars(prng, 450, 2800), prng.int(1, 3)));
  if (surgical) lines.push(line("0360", dollars(prng, 9000, 28_000)), line("0370", dollars(prng, 1800, 4500)));
  if (surgical || prng.chance(0.3)) lines.push(line("0420", dollars(prng, 300, 1500), prng.int(1, 6)));
  if (!surgical && prng.chance(0.7)) lines.push(line("0450", dollars(prng, 2200, 4800), 1, "99285"));
  const total = lines.reduce((sum, l) => sum + l.chargeCents, 0);
  // A catastrophic stay runs past the stop-loss threshold, as sepsis with weeks in intensive care does.
  const short = HOSPITAL_TERMS.stopLossThreshold * 100 + 1_500_000 - total;
  if (catastrophic && short > 0) lines[lines.findIndex((l) => l.revenueCode === "0250")]!.chargeCents += short;
  return lines;
}

function draftStays(prng: Prng, gmlos: ReadonlyMap<string, number>, count: number): StayDraft[] {
  const drgs = [...MEDICAL_DRGS, ...SURGICAL_DRGS, [PSYCHIATRIC_DRG, 12] as const];
  const drafts = Array.from({ length: count }, () => {
    const drg = prng.weighted(drgs);
    const catastrophic = drg === "871" && prng.chance(0.25);
    const typical = gmlos.get(drg) ?? 3;
    const lengthOfStay = catastrophic ? prng.int(16, 26) : prng.int(Math.max(1, Math.round(typical * 0.5)), Math.max(2, Math.round(typical * 1.8))); // prettier-ignore
    const admitDay = prng.int(1, 362 - lengthOfStay);
    return {
      claimId: "",
      contractName: drg === PSYCHIATRIC_DRG ? BEHAVIORAL : HOSPITAL_PPO,
      drg,
      admitDay,
      lengthOfStay,
      dischargeStatus: drg === PSYCHIATRIC_DRG ? "01" : prng.weighted(DISCHARGE_STATUSES),
      lines: billStay(prng, drg, lengthOfStay, catastrophic),
      denied: prng.chance(0.015),
    };
  });
  drafts.sort((a, b) => a.admitDay - b.admitDay);
  drafts.forEach((d, i) => (d.claimId = `IP25${String(i + 1).padStart(5, "0")}`));
  return drafts;
}

function stayToPrice(d: StayDraft): StayToPrice {
  const drg = parseMsDrg(d.drg);
  const status = parseDischargeStatus(d.dischargeStatus);
  if (!drg.ok || !status.ok) throw new Error(`sample: stay ${d.claimId} has a bad DRG or status`);
  return {
    drg: drg.value,
    admitDate: isoDay2025(d.admitDay) as IsoDate,
    dischargeDate: isoDay2025(d.admitDay + d.lengthOfStay) as IsoDate,
    totalCharges: totalOf(d) as Cents,
    dischargeStatus: status.value,
  };
}

const totalOf = (d: StayDraft): number => d.lines.reduce((sum, l) => sum + l.chargeCents, 0);

/** The stays a mistake is planted in: the first candidates (in claim order) where it lowers the amount. */
const PLANTS: readonly { kind: InpatientKind; count: number; candidate: (d: StayDraft) => boolean }[] = [
  { kind: "case rate ignored", count: 2, candidate: (d) => d.drg === HOSPITAL_TERMS.caseRateDrg },
  { kind: "stop-loss ignored", count: 1, candidate: (d) => d.contractName === HOSPITAL_PPO && totalOf(d) > HOSPITAL_TERMS.stopLossThreshold * 100 }, // prettier-ignore
  { kind: "prior-year base rate", count: 3, candidate: (d) => d.contractName === HOSPITAL_PPO && d.admitDay % 5 === 0 },
  { kind: "covered day short", count: 1, candidate: (d) => d.contractName === BEHAVIORAL && d.lengthOfStay > 3 },
];

/** Generates `count` stays: their revenue lines, adjudicated, and the stays underpaid on purpose. */
export function generateStays(
  prng: Prng,
  weights: readonly DrgWeightFixtureRow[],
  pricer: HospitalPricer,
  count: number,
): { lines: HospitalClaimLine[]; planted: PlantedUnderpayment[] } {
  const gmlos = new Map(weights.filter((w) => w.fiscalYear === 2026).map((w) => [w.msDrg, Number(w.gmlos)]));
  const drafts = draftStays(prng, gmlos, count);
  const planted: PlantedUnderpayment[] = [];
  const plantedIds = new Set<string>();
  for (const plant of PLANTS) {
    for (const d of drafts) {
      if (planted.filter((p) => p.kind === plant.kind).length === plant.count) break;
      if (d.denied || plantedIds.has(d.claimId) || !plant.candidate(d)) continue;
      const expectedCents = pricer.stay(d.contractName, stayToPrice(d));
      const allowedCents = pricer.stay(d.contractName, stayToPrice(d), plant.kind);
      if (allowedCents >= expectedCents) continue;
      planted.push({ claimId: d.claimId, kind: plant.kind, expectedCents, allowedCents });
      plantedIds.add(d.claimId);
    }
  }
  const lines = drafts.flatMap((d) => {
    const stay = stayToPrice(d);
    const total = totalOf(d);
    const plant = planted.find((p) => p.claimId === d.claimId);
    const allowed = d.denied ? 0 : (plant?.allowedCents ?? pricer.stay(d.contractName, stay));
    const deductible = !d.denied && prng.chance(0.55) ? Math.min(allowed, 160_000) : 0;
    const codes = d.denied ? ["CO-197"] : [...(allowed < total ? ["CO-45"] : []), ...(deductible > 0 ? ["PR-1"] : [])];
    return d.lines.map((l, i): HospitalClaimLine => ({
      claimId: d.claimId,
      claimLineNumber: i + 1,
      typeOfBill: TYPE_OF_BILL.inpatient,
      payer: HOSPITAL_PAYER,
      contractName: d.contractName,
      admitDate: stay.admitDate,
      dischargeDate: stay.dischargeDate,
      msDrg: d.drg,
      dischargeStatus: d.dischargeStatus,
      revenueCode: l.revenueCode,
      hcpcsCode: l.hcpcsCode,
      hcpcsModifier1: null,
      serviceDate: stay.admitDate,
      serviceUnitQuantity: l.units,
      chargeAmountCents: l.chargeCents,
      totalChargeAmountCents: total,
      allowedAmountCents: null,
      paidAmountCents: null,
      claimAllowedAmountCents: allowed,
      claimPaidAmountCents: allowed - deductible,
      adjustmentCodes: codes.join(" "),
      deniedFlag: d.denied,
    }));
  });
  return { lines, planted };
}
