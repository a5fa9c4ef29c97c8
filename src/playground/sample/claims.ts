/**
 * Generates the sample's professional claim lines: encounters built around a primary code drawn by its Tuva
 * frequency, priced under the contract version in effect on each line's date, then adjudicated (patient shares,
 * sequestration, about 5% underpaid, about 8% denied). Claims never trigger a multiple-procedure reduction, so each
 * line's expected amount depends on that line alone.
 */
import type { CodeWeight, PprrvuRow, SampleLocality } from "./fixtures";
import { familyOf, type CodeFamily } from "./families";
import { ACME, SUMMIT, contractPriceCents, versionOn, type FeeScheduleRow } from "./contracts";
import { medicareCents, percentOfCents } from "./money";
import type { Prng } from "./prng";
import { FACILITY_PLACES_OF_SERVICE } from "../../engine";

/** One generated claim line, in the Tuva vocabulary; money in cents. */
export interface ClaimLine {
  claimId: string;
  claimLineNumber: number;
  serviceDate: string;
  payer: string;
  contractName: string;
  hcpcsCode: string;
  hcpcsModifier1: string;
  hcpcsModifier2: string;
  serviceUnitQuantity: number;
  placeOfServiceCode: string;
  chargeAmountCents: number;
  allowedAmountCents: number;
  paidAmountCents: number;
  adjustmentCodes: string;
  deniedFlag: boolean;
}

export interface ClaimsInput {
  medicare: readonly PprrvuRow[];
  locality: SampleLocality;
  weights: readonly CodeWeight[];
  placeOfServiceMix: readonly [string, number][];
  feeSchedule: ReadonlyMap<string, FeeScheduleRow>;
  prng: Prng;
  claimCount: number;
}

interface DraftLine {
  code: string;
  /** The modifier that selects the PPRRVU row: "", "26", "TC" or "53". */
  pricingModifier: string;
  otherModifiers: string[];
  units: number;
  dayOffset: number;
}

const lateralCodes = new Set(["29881", "20610", "64483", "69210", "66984", "66821", "65855", "67840"]);
/** Multiple-procedure indicators that reduce a second service on the same day (DOMAIN.md s.2.6). */
const reducingIndicators = new Set([2, 3, 4, 5, 6, 7]);
const firstDay = Date.UTC(2024, 0, 1);
const dayCount = 731;

const isoDate = (day: number) => new Date(firstDay + day * 86_400_000).toISOString().slice(0, 10);

export function generateClaims(input: ClaimsInput): ClaimLine[] {
  const { medicare, locality, weights, prng } = input;
  const rows = new Map(medicare.map((r) => [`${r.hcpcsCode}|${r.modifier}`, r]));
  const globalRow = (code: string) => {
    const row = rows.get(`${code}|`);
    if (!row) throw new Error(`sample: ${code} has no PPRRVU row`);
    return row;
  };
  const weightOf = new Map(weights.map((w) => [w.hcpcsCode, w]));
  const family = (code: string): CodeFamily => familyOf(globalRow(code));
  const codesOf = (f: CodeFamily) => weights.filter((w) => family(w.hcpcsCode) === f).map((w) => w.hcpcsCode);
  const weightedCodes = (codes: readonly string[]) =>
    codes.map((c) => [c, Math.max(weightOf.get(c)?.lineCount ?? 0, 3)] as const);
  const has = (code: string) => rows.has(`${code}|`);

  const chargemaster = buildChargemaster(medicare, locality, prng);
  const primaries = weights
    .filter((w) => !["addOn", "lab"].includes(family(w.hcpcsCode)) && w.hcpcsCode !== "76145")
    .map((w) => [w.hcpcsCode, Math.max(w.lineCount, 3)] as const)
    .concat([["80053", 40]]);
  const labs = weightedCodes(codesOf("lab").filter((c) => c !== "36415"));
  const drugs = codesOf("drug");
  const facilityMix = input.placeOfServiceMix.filter(([pos]) => ["19", "21", "22", "23", "24"].includes(pos));

  const line = (code: string, extra: Partial<DraftLine> = {}): DraftLine => ({
    code,
    pricingModifier: "",
    otherModifiers: [],
    units: 1,
    dayOffset: 0,
    ...extra,
  });
  const labBundle = (): DraftLine[] => {
    const picked = new Set<string>();
    const n = prng.int(2, 5);
    for (let i = 0; i < n; i++) picked.add(prng.weighted(labs));
    // A repeated or distinct lab service now and then carries 59, as real lab claims do.
    return [line("36415"), ...[...picked].map((c) => line(c, { otherModifiers: prng.chance(0.04) ? ["59"] : [] }))];
  };
  const facilityShare = (code: string, fallback: number) => {
    const w = weightOf.get(code);
    return w && w.lineCount >= 3 ? w.facilityLineCount / w.lineCount : fallback;
  };
  const laterality = (code: string): string[] => {
    if (!(code.startsWith("73") || lateralCodes.has(code))) return [];
    if (globalRow(code).bilateralIndicator === 1 && prng.chance(0.12)) return ["50"];
    return prng.chance(0.75) ? [prng.pick(["RT", "LT"])] : [];
  };

  function encounter(contractName: string, startDay: number): { pos: string; lines: DraftLine[] } {
    const code = prng.weighted(primaries);
    const f = family(code);
    const summit = contractName === SUMMIT;
    switch (f) {
      case "officeVisit": {
        const r = prng.next();
        const pos = r < 0.04 ? "02" : r < 0.06 ? "10" : r < 0.1 ? "22" : "11";
        const visit = line(code);
        const lines = [visit];
        if (pos === "02" || pos === "10") return { pos, lines };
        if (prng.chance(0.6)) lines.push(...labBundle());
        if (code >= "99212" && code <= "99215" && prng.chance(summit ? 0.3 : 0.12)) lines.push(line("G2211"));
        if (has("93000") && prng.chance(0.06)) lines.push(line("93000"));
        if (prng.chance(0.05)) {
          lines.push(line(prng.pick(drugs), { units: prng.pick([1, 2, 4, 4, 6, 8]) }), line("96372"));
          visit.otherModifiers.push("25");
        } else if (prng.chance(0.07)) {
          const procedure = prng.pick(["20610", "17110", "11042", "17000", "11721"].filter(has));
          lines.push(line(procedure, { otherModifiers: laterality(procedure) }));
          visit.otherModifiers.push("25");
        }
        return { pos, lines };
      }
      case "facilityVisit": {
        if (code >= "99221" && code <= "99239") {
          // A hospital stay: admission visit, daily visits, discharge, one line per day.
          const admit = prng.weighted(weightedCodes(["99221", "99222", "99223"]));
          const stay = [line(admit)];
          const days = Math.min(prng.int(1, 6), dayCount - 1 - startDay);
          for (let d = 1; d <= days; d++) {
            stay.push(line(prng.weighted(weightedCodes(["99231", "99232", "99233"])), { dayOffset: d }));
          }
          if (days > 0 && prng.chance(0.7)) stay[stay.length - 1]!.code = prng.pick(["99238", "99239"]);
          return { pos: "21", lines: stay };
        }
        if (code === "99284" || code === "99285") {
          const lines = [line(code)];
          if (prng.chance(0.35)) lines.push(line(prng.pick(["71046", "70450", "74177"]), { pricingModifier: "26" }));
          if (prng.chance(0.4) && has("93010")) lines.push(line("93010"));
          return { pos: "23", lines };
        }
        const pos = code >= "99304" ? prng.pick(["31", "32"]) : prng.pick(["21", "23"]);
        return { pos, lines: [line(code)] };
      }
      case "diagnosticTest": {
        const facility = prng.chance(facilityShare(code, 0.5));
        const pos = facility ? prng.weighted(facilityMix) : "11";
        const r = prng.next();
        const pricingModifier = facility ? "26" : r < 0.12 ? "26" : r < 0.2 ? "TC" : "";
        const lines = [line(code, { pricingModifier, otherModifiers: laterality(code) })];
        if (!facility && prng.chance(0.35)) lines.unshift(line(prng.pick(["99213", "99214"])));
        return { pos, lines };
      }
      case "procedure": {
        const fallback = globalRow(code).globalDays === "090" ? 0.9 : 0.35;
        const facility = prng.chance(facilityShare(code, fallback));
        const pos = facility ? prng.pick(["22", "22", "24", "21"]) : "11";
        const pricingModifier = code === "45378" && prng.chance(0.04) ? "53" : "";
        const lines = [line(code, { pricingModifier, otherModifiers: laterality(code) })];
        if (code === "17000" && prng.chance(0.6)) lines.push(line("17003", { units: prng.int(1, 6) }));
        if (code === "20610" && prng.chance(0.5)) lines.push(line("J3301", { units: 4 }));
        if (!facility && prng.chance(0.45))
          lines.unshift(line(prng.pick(["99213", "99214"]), { otherModifiers: ["25"] }));
        return { pos, lines };
      }
      case "therapy": {
        const pos = prng.chance(0.1) ? "22" : "11";
        return { pos, lines: [line(code, { otherModifiers: ["GP"] })] };
      }
      case "drug":
        return { pos: "11", lines: [line(code, { units: prng.pick([1, 2, 4, 4, 6, 8]) }), line("96372")] };
      case "lab":
        return { pos: "11", lines: labBundle() };
      default: {
        const facility = prng.chance(facilityShare(code, 0.3));
        const multiUnit = (weightOf.get(code)?.multiUnitLineCount ?? 0) > (weightOf.get(code)?.lineCount ?? 0) / 3;
        const lines = [line(code, { units: multiUnit ? prng.int(1, 3) : 1 })];
        if (!facility && prng.chance(0.4)) lines.unshift(line(prng.pick(["99213", "99214"])));
        if (!facility && prng.chance(0.3)) lines.push(...labBundle());
        return { pos: facility ? "22" : "11", lines };
      }
    }
  }

  /** Keeps the first line that a multiple-procedure rule would reduce and drops later ones; one unit for it. */
  function withoutReductions(lines: DraftLine[]): DraftLine[] {
    let seen = false;
    return lines.filter((l) => {
      const row = rows.get(`${l.code}|${l.pricingModifier}`)!;
      if (!reducingIndicators.has(row.multipleProcedureIndicator)) return true;
      if (seen) return false;
      seen = true;
      if (row.multipleProcedureIndicator === 5) l.units = 1; // therapy MPPR reduces 2nd+ units
      return true;
    });
  }

  const drafts = Array.from({ length: input.claimCount }, () => {
    const contractName = prng.chance(0.55) ? ACME : SUMMIT;
    let day = prng.int(0, dayCount - 1);
    const weekday = new Date(firstDay + day * 86_400_000).getUTCDay();
    if (weekday === 6) day = Math.min(day + 2, dayCount - 1);
    if (weekday === 0) day = Math.min(day + 1, dayCount - 1);
    const { pos, lines } = encounter(contractName, day);
    return { contractName, day, pos, lines: withoutReductions(lines) };
  });
  drafts.sort((a, b) => a.day - b.day);

  const out: ClaimLine[] = [];
  drafts.forEach((claim, index) => {
    const claimId = `CLM${String(index + 100001)}`;
    const summit = claim.contractName === SUMMIT;
    const facility = FACILITY_PLACES_OF_SERVICE.has(claim.pos);
    const claimDenial = prng.chance(0.03)
      ? prng.weighted([
          ["CO-29", 3],
          ["CO-197", 3],
          ["CO-16", 2],
        ] as const)
      : null;
    let deductibleLeft = prng.int(1, 10) * 10_000;
    const shareMode = prng.weighted([
      ["coinsurance", 55],
      ["deductible", summit ? 0 : 15],
      ["none", 30],
    ] as const);
    let copayDone = false;
    claim.lines.forEach((draft, i) => {
      const medicareRow = rows.get(`${draft.code}|${draft.pricingModifier}`)!;
      const bilateral = draft.otherModifiers.includes("50");
      const serviceDate = isoDate(claim.day + draft.dayOffset);
      const version = versionOn(claim.contractName, serviceDate);
      const unitCharge = chargemaster.get(`${draft.code}|${draft.pricingModifier}`)!;
      const chargeCents = unitCharge * draft.units * (bilateral ? 2 : 1);
      const price = contractPriceCents(
        { version, medicareRow, facility, units: draft.units, bilateral, chargeCents },
        locality,
        input.feeSchedule,
      );
      const modifiers = [draft.pricingModifier, ...draft.otherModifiers].filter((m) => m !== "");
      const lineFamily = family(draft.code);
      const denial = claimDenial ?? (prng.chance(0.055) ? lineDenialReason(lineFamily, modifiers, prng) : null);
      const base = {
        claimId,
        claimLineNumber: i + 1,
        serviceDate,
        payer: version.payer,
        contractName: claim.contractName,
        hcpcsCode: draft.code,
        hcpcsModifier1: modifiers[0] ?? "",
        hcpcsModifier2: modifiers[1] ?? "",
        serviceUnitQuantity: draft.units,
        placeOfServiceCode: claim.pos,
        chargeAmountCents: chargeCents,
      };
      if (denial) {
        out.push({ ...base, allowedAmountCents: 0, paidAmountCents: 0, adjustmentCodes: denial, deniedFlag: true });
        return;
      }
      const allowed = price >= 100 && prng.chance(0.05) ? percentOfCents(price, prng.int(930, 985) / 1000) : price;
      const codes: string[] = allowed < chargeCents ? ["CO-45"] : [];
      let patient = 0;
      if (lineFamily === "officeVisit" && !facility && !copayDone && draft.code !== "G0439") {
        patient = Math.min(allowed, summit ? 1500 : draft.code <= "99205" ? 4000 : 3000);
        copayDone = true;
        codes.push("PR-3");
      } else if (shareMode === "coinsurance" && !["lab", "addOn"].includes(lineFamily)) {
        patient = percentOfCents(allowed, 0.2);
        codes.push("PR-2");
      } else if (shareMode === "deductible" && deductibleLeft > 0) {
        patient = Math.min(allowed, deductibleLeft);
        deductibleLeft -= patient;
        codes.push("PR-1");
      }
      // Summit passes the 2% Medicare sequestration through (DOMAIN.md s.2.7), taken after patient shares.
      const sequestration = summit ? percentOfCents(allowed - patient, 0.02) : 0;
      if (sequestration > 0) codes.push("CO-253");
      out.push({
        ...base,
        allowedAmountCents: allowed,
        paidAmountCents: allowed - patient - sequestration,
        adjustmentCodes: codes.filter((c, k) => codes.indexOf(c) === k).join(" "),
        deniedFlag: false,
      });
    });
  });
  return out;
}

/** A plausible CARC for a denied line, by what the line is (DOMAIN.md s.4.4). */
function lineDenialReason(family: CodeFamily, modifiers: readonly string[], prng: Prng): string {
  if (family === "addOn" || family === "drug") return "CO-97";
  if (modifiers.some((m) => ["25", "26", "TC", "50", "59"].includes(m)) && prng.chance(0.4)) return "CO-4";
  if (family === "procedure" || family === "diagnosticTest") return prng.chance(0.6) ? "CO-50" : "CO-197";
  return prng.weighted([
    ["CO-16", 2],
    ["CO-50", 2],
    ["CO-97", 1],
  ] as const);
}

/**
 * A chargemaster: each code's charge is 2-3x its Medicare non-facility amount in whole dollars (a few codes only
 * 1.05-1.25x, where lesser-of binds); labs, drugs and venipuncture get list prices, as they have no RVUs.
 */
function buildChargemaster(medicare: readonly PprrvuRow[], locality: SampleLocality, prng: Prng): Map<string, number> {
  const multiplier = new Map<string, number>();
  const listPrice = new Map<string, number>();
  const charges = new Map<string, number>();
  for (const row of medicare) {
    const code = row.hcpcsCode;
    if (!multiplier.has(code)) {
      // Percent of Medicare, an integer so the charge is computed exactly.
      multiplier.set(code, prng.chance(0.05) ? prng.int(105, 125) : prng.int(40, 60) * 5);
      listPrice.set(code, code === "36415" ? prng.int(12, 20) * 100 : prng.int(22, 140) * 100);
    }
    const medicareAmount = medicareCents(row, locality, false);
    const charge =
      medicareAmount > 0 ? Math.ceil((medicareAmount * multiplier.get(code)!) / 10_000) * 100 : listPrice.get(code)!;
    charges.set(`${code}|${row.modifier}`, charge);
  }
  return charges;
}
