/**
 * The sample's outpatient hospital claims (TOB 0131): emergency and clinic visits, endoscopies, outpatient surgery
 * (comprehensive APCs), pain injections, infusions and echocardiograms under Acme Hospital PPO (165% of OPPS at the
 * Houston wage index, implants and labs carved out), and psychotherapy under Acme Behavioral Health (revenue code
 * rates); priced through the engine, adjudicated line by line, a few underpaid on purpose.
 */
import { Decimal, parseHcpcsCode, parseRevenueCode, type Cents, type IsoDate, type OutpatientLine } from "../../engine";
import { BEHAVIORAL, HOSPITAL_PAYER, HOSPITAL_PPO } from "./hospitalContracts";
import { isoDay2025, TYPE_OF_BILL, type BilledLine, type HospitalClaimLine, type PlantedUnderpayment } from "./hospitalLines"; // prettier-ignore
import type { HospitalPricer, OutpatientKind } from "./hospitalPricing";
import { percentOfCents } from "./money";
import type { Prng } from "./prng";

/** Charge per unit of each code billed, in whole dollars: the hospital's chargemaster (about 3x OPPS). */
const CHARGES: Readonly<Record<string, number>> = {
  ...{ "99283": 1150, "99284": 1780, "99285": 2650, G0463: 420, "93306": 2100, "96374": 640, "96365": 820, "96360": 560 }, // prettier-ignore
  ...{ "73030": 380, "93005": 210, "85025": 85, "80053": 240, J2405: 45, J1100: 38, J1200: 52, J7030: 120 },
  ...{ "29881": 14_800, "66984": 9_600, "47562": 24_500, "49505": 15_900, "45378": 3_900, "43239": 4_100 },
  ...{ "64483": 3_700, "62323": 2_900, "20610": 1_150, "10060": 860, "12002": 790, "90792": 520, "90834": 310, "90853": 140 }, // prettier-ignore
};

type Bill = (revenueCode: string, hcpcsCode: string, units?: number) => BilledLine;

/** The kinds of visit, each a list of lines (the first is the reason for the visit), by how often they occur. */
const VISITS: readonly (readonly [(prng: Prng, bill: Bill) => BilledLine[], number])[] = [
  [(p, b) => [b("0450", p.pick(["99283", "99284", "99284", "99285"])), ...labs(p, b), ...(p.chance(0.5) ? [b("0636", p.pick(["J2405", "J1100", "J1200"])), b("0260", "96374")] : []), ...(p.chance(0.3) ? [b("0320", "73030")] : []), ...(p.chance(0.3) ? [b("0730", "93005")] : [])], 34], // prettier-ignore
  [(p, b) => [b("0510", "G0463"), ...(p.chance(0.4) ? [b("0730", "93005")] : []), ...(p.chance(0.3) ? labs(p, b) : [])], 16], // prettier-ignore
  [(p, b) => [b("0750", "45378"), ...(p.chance(0.35) ? [b("0750", "43239")] : []), b("0636", "J2405")], 12],
  [(p, b) => [b("0360", p.pick(["29881", "66984", "47562", "49505"])), ...(p.chance(0.5) ? [b("0278", "C1776")] : []), b("0636", "J7030", p.int(1, 3)), ...labs(p, b)], 12], // prettier-ignore
  [(p, b) => [b("0360", p.pick(["64483", "62323", "20610"])), ...(p.chance(0.3) ? [b("0360", "20610")] : []), b("0636", "J1100", 2)], 8], // prettier-ignore
  [(p, b) => [b("0260", "96365"), b("0260", "96360", p.int(1, 2)), b("0636", "J7030", p.int(1, 4))], 6],
  [(_, b) => [b("0483", "93306")], 5],
  [(p, b) => [b("0450", "99283"), b("0360", "10060"), ...(p.chance(0.5) ? [b("0360", "12002")] : [])], 7],
];

/** Psychotherapy at the behavioral unit: an evaluation visit or sessions, priced by revenue code. */
const BEHAVIORAL_VISIT = (p: Prng, b: Bill): BilledLine[] =>
  p.chance(0.3) ? [b("0513", "90792")] : [b("0914", "90834", p.int(1, 2)), ...(p.chance(0.5) ? [b("0915", "90853", p.int(1, 3))] : [])]; // prettier-ignore

function labs(p: Prng, b: Bill): BilledLine[] {
  return [b("0300", "85025"), ...(p.chance(0.6) ? [b("0301", "80053")] : [])];
}

/** An outpatient claim before it is adjudicated. */
interface VisitDraft {
  claimId: string;
  contractName: string;
  day: number;
  lines: BilledLine[];
}

function draftVisits(prng: Prng, count: number): VisitDraft[] {
  const bill: Bill = (revenueCode, hcpcsCode, units = 1) => ({
    revenueCode,
    hcpcsCode,
    units,
    // An implant is priced per device from the invoice; everything else from the chargemaster.
    chargeCents: (hcpcsCode === "C1776" ? prng.int(6000, 12_000) : CHARGES[hcpcsCode]!) * 100 * units,
  });
  const drafts = Array.from({ length: count }, () => {
    const behavioral = prng.chance(0.12);
    const lines = behavioral ? BEHAVIORAL_VISIT(prng, bill) : prng.weighted(VISITS)(prng, bill);
    return { claimId: "", contractName: behavioral ? BEHAVIORAL : HOSPITAL_PPO, day: prng.int(1, 363), lines };
  });
  drafts.sort((a, b) => a.day - b.day);
  drafts.forEach((d, i) => (d.claimId = `OP25${String(i + 1).padStart(5, "0")}`));
  return drafts;
}

/** The claim's lines as the engine (and PAYER.OUTPATIENT_PAYMENT) takes them. */
function outpatientLines(d: VisitDraft): OutpatientLine[] {
  return d.lines.map((l, i) => {
    const revenueCode = parseRevenueCode(l.revenueCode);
    const hcpcs = l.hcpcsCode === null ? null : parseHcpcsCode(l.hcpcsCode);
    if (!revenueCode.ok || (hcpcs !== null && !hcpcs.ok)) throw new Error(`sample: bad code on ${d.claimId}`);
    return {
      claimId: d.claimId,
      claimLineNumber: i + 1,
      revenueCode: revenueCode.value,
      hcpcsCode: hcpcs?.ok === true ? hcpcs.value : null,
      modifiers: [],
      units: new Decimal(l.units),
      chargeAmount: l.chargeCents as Cents,
      serviceDate: isoDay2025(d.day) as IsoDate,
    };
  });
}

/** The claims a mistake is planted in: the first candidates (in claim order) where it lowers the claim's total. */
const PLANTS: readonly { kind: OutpatientKind; count: number; candidate: (d: VisitDraft) => boolean }[] = [
  { kind: "implants at 40%", count: 2, candidate: (d) => d.lines.some((l) => l.revenueCode === "0278") },
  { kind: "OPPS at 150%", count: 3, candidate: (d) => d.contractName === HOSPITAL_PPO && d.day % 7 === 0 },
];

const sum = (amounts: readonly number[]) => amounts.reduce((total, a) => total + a, 0);

/** Generates `count` outpatient claims: their lines, adjudicated, and the claims underpaid on purpose. */
export function generateVisits(
  prng: Prng,
  pricer: HospitalPricer,
  count: number,
): { lines: HospitalClaimLine[]; planted: PlantedUnderpayment[] } {
  const drafts = draftVisits(prng, count);
  const plantedLines = new Map<string, Cents[]>();
  const planted: PlantedUnderpayment[] = [];
  for (const plant of PLANTS)
    for (const d of drafts) {
      if (planted.filter((p) => p.kind === plant.kind).length === plant.count) break;
      if (plantedLines.has(d.claimId) || !plant.candidate(d)) continue;
      const expected = sum(pricer.outpatient(d.contractName, outpatientLines(d)));
      const allowed = pricer.outpatient(d.contractName, outpatientLines(d), plant.kind);
      if (sum(allowed) >= expected) continue;
      planted.push({ claimId: d.claimId, kind: plant.kind, expectedCents: expected, allowedCents: sum(allowed) });
      plantedLines.set(d.claimId, allowed);
    }
  const lines = drafts.flatMap((d) => {
    const expected = plantedLines.get(d.claimId) ?? pricer.outpatient(d.contractName, outpatientLines(d));
    // A visit denied for want of authorization (CO-197) is denied whole; an odd line for medical necessity (CO-50),
    // never a packaged one (the contract pays it $0: a payer has nothing to deny on it). A planted claim is left
    // undenied, so that its shortfall is the mistake alone.
    const deniable = d.contractName === HOSPITAL_PPO && !plantedLines.has(d.claimId);
    const claimDenied = deniable && prng.chance(0.02);
    // The draw comes first, so that the sample's other lines are what they were for each seed.
    const denied = d.lines.map((_, i) => claimDenied || (deniable && i > 0 && prng.chance(0.03) && expected[i]! > 0));
    const allowed = expected.map((a, i) => (denied[i] ? 0 : a));
    const coinsurance = allowed.map((a) => (prng.chance(0.6) ? percentOfCents(a, 0.2) : 0));
    const total = sum(d.lines.map((l) => l.chargeCents));
    const claimAllowed = sum(allowed);
    const claimPaid = claimAllowed - sum(coinsurance);
    return d.lines.map((l, i): HospitalClaimLine => {
      const codes = denied[i] ? [claimDenied ? "CO-197" : "CO-50"] : [...(allowed[i]! < l.chargeCents ? ["CO-45"] : []), ...(coinsurance[i]! > 0 ? ["PR-2"] : [])]; // prettier-ignore
      return {
        claimId: d.claimId,
        claimLineNumber: i + 1,
        typeOfBill: TYPE_OF_BILL.outpatient,
        payer: HOSPITAL_PAYER,
        contractName: d.contractName,
        admitDate: null,
        dischargeDate: null,
        msDrg: null,
        dischargeStatus: null,
        revenueCode: l.revenueCode,
        hcpcsCode: l.hcpcsCode,
        hcpcsModifier1: null,
        serviceDate: isoDay2025(d.day),
        serviceUnitQuantity: l.units,
        chargeAmountCents: l.chargeCents,
        totalChargeAmountCents: total,
        allowedAmountCents: allowed[i]!,
        paidAmountCents: allowed[i]! - coinsurance[i]!,
        claimAllowedAmountCents: claimAllowed,
        claimPaidAmountCents: claimPaid,
        adjustmentCodes: codes.join(" "),
        deniedFlag: denied[i]!,
      };
    });
  });
  return { lines, planted };
}
