/**
 * The dates of the sample's claims: when each claim was submitted and when the payer's remittance for it came back
 * (the Paid Date; for a denied line, the date of the remittance that denied it, as an 835's BPR16 dates every line
 * of its remittance), with two problems planted for the Contract Performance sheet to find:
 * - a slow payer: Summit pays the claims submitted from June to August 2025 in 38-70 days, well beyond a 30-day
 *   clean-claim window (DOMAIN.md 3.3: Medicare and most prompt-pay laws, 30 days), against 9-26 days otherwise;
 * - a denial spike after a contract change: Acme moved to its own fee schedule on 2025-01-01 and, in the remittances
 *   of February 2025, denies about a third of the lines it would have paid as not covered (CO-96), the kind of
 *   payer-side loading error a new schedule brings.
 * A generator of its own draws the dates, so the claims' codes and amounts stay those of the same seed before dates
 * existed; only the planted denials change lines.
 */
import { ACME, SUMMIT } from "./contracts";
import type { ClaimLine } from "./claims";
import { mulberry32, type Prng } from "./prng";

/** A claim line with its submission and remittance dates (ISO text). */
export interface DatedClaimLine extends ClaimLine {
  submittedDate: string;
  paidDate: string;
}

/** The planted slow payer: its contract, the submission months it pays late, and how late. */
export const PLANTED_SLOW_PAYER = {
  contractName: SUMMIT,
  submittedFrom: "2025-06-01",
  submittedTo: "2025-08-31",
  days: [38, 70],
} as const;

/** The planted denial spike: the contract, the remittance month, the share of paid lines denied and the reason. */
export const PLANTED_DENIAL_SPIKE = {
  contractName: ACME,
  paidMonth: "2025-02",
  share: 0.35,
  adjustmentCode: "CO-96",
} as const;

/** Days from submission to remittance in ordinary months, by contract. */
const USUAL_DAYS: Readonly<Record<string, readonly [number, number]>> = { [ACME]: [12, 26], [SUMMIT]: [9, 24] };

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Salt of the dates' own generator, so drawing dates leaves the claims' draws unchanged. */
const DATES_SALT = 0x5eed_da7e;

/** Adds the dates (and the planted denials) to generated claim lines, in order; deterministic for a seed. */
export function dateClaims(lines: readonly ClaimLine[], seed: number): DatedClaimLine[] {
  const prng = mulberry32((seed ^ DATES_SALT) >>> 0);
  const lastServiceDay = new Map<string, number>();
  for (const line of lines)
    lastServiceDay.set(line.claimId, Math.max(lastServiceDay.get(line.claimId) ?? 0, dayOf(line.serviceDate)));
  const claimDates = new Map<string, { submitted: string; paid: string }>();
  for (const line of lines) {
    if (claimDates.has(line.claimId)) continue;
    const submitted = lastServiceDay.get(line.claimId)! + prng.int(1, 6);
    const paid = submitted + daysToPay(line.contractName, isoOf(submitted), prng);
    claimDates.set(line.claimId, { submitted: isoOf(submitted), paid: isoOf(paid) });
  }
  return lines.map((line) => {
    const dates = claimDates.get(line.claimId)!;
    const dated = { ...line, submittedDate: dates.submitted, paidDate: dates.paid };
    return spiked(dated, prng) ? plantDenial(dated) : dated;
  });
}

function daysToPay(contractName: string, submitted: string, prng: Prng): number {
  const slow = PLANTED_SLOW_PAYER;
  if (contractName === slow.contractName && submitted >= slow.submittedFrom && submitted <= slow.submittedTo)
    return prng.int(slow.days[0], slow.days[1]);
  const [low, high] = USUAL_DAYS[contractName] ?? [12, 26];
  // Now and then a claim waits for a records request, as real ones do: the tail beyond the window.
  return prng.chance(0.04) ? prng.int(31, 45) : prng.int(low, high);
}

/** Whether a line the payer paid falls in the planted spike and is drawn to be denied. */
function spiked(line: DatedClaimLine, prng: Prng): boolean {
  const spike = PLANTED_DENIAL_SPIKE;
  if (line.contractName !== spike.contractName || line.deniedFlag || !line.paidDate.startsWith(spike.paidMonth))
    return false;
  return prng.chance(spike.share);
}

function plantDenial(line: DatedClaimLine): DatedClaimLine {
  return {
    ...line,
    allowedAmountCents: 0,
    paidAmountCents: 0,
    adjustmentCodes: PLANTED_DENIAL_SPIKE.adjustmentCode,
    deniedFlag: true,
  };
}
