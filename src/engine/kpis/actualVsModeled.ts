/**
 * Actual vs modeled revenue (issue 15 item 3): how the money a signed contract brings compares with what the
 * proposal signed for it said it would bring. The signed proposal is the contract's Accepted proposal with an
 * effective date (the Proposals table); its uplift is read per code as the uplift engine reads it
 * (PROPOSAL_SCENARIOS, top-N codes ranked by current revenue over the contract's lines).
 *
 * Per contract and month of remittance, over the lines compared with their contract (priced and not denied)
 * submitted on or after the effective date (the Submitted Date is the date column the sheet already reads as dates;
 * claims tables often hold the service date as text, which no native date criterion can compare):
 * - modeled: each line's price before signing times 1 + the uplift of its code, summed exactly and rounded half-up
 *   to the cent once (ARCHITECTURE.md 6). The price before signing is the line's Expected Amount (the variance
 *   review's price under PayerContracts) until the signed rates are entered there; from then the Expected Amount
 *   holds the uplift already, and the line is priced again at the rates in effect before the effective date
 *   (`registryBeforeSigning`);
 * - actual: their allowed amount (expected + variance);
 * - gap: actual - modeled, in dollars and as a share of modeled (null when nothing is modeled).
 */
import { Decimal } from "../decimal";
import type { HcpcsCode } from "../hcpcsCode";
import { fail, ok, type Result } from "../result";
import { computeUpliftScenario, readUpliftRates, upliftFractionFor, type UpliftCode, type UpliftInput, type UpliftIssue } from "../uplift"; // prettier-ignore
import type { VarianceFlag } from "../variance/reviewLines";
import { monthIndexOfDay, monthText } from "./contractPerformance";
import { FLAG_ROLES } from "./performanceRules";

/** A signed proposal's uplift by code: the codes with their own fraction, and the fraction of every other code. */
export interface SignedUplift {
  readonly codeFractions: ReadonlyMap<UpliftCode, Decimal>;
  readonly otherFraction: Decimal;
}

/** The contract's lines a top-N proposal ranks its codes over (as the Proposals sheet prices it). */
export interface RankingLines {
  readonly codes: readonly unknown[];
  readonly amounts: readonly unknown[];
}

const ZERO = new Decimal(0);

/**
 * The per-code uplift of a proposal's scenario: a flat uplift is every code's; a per-code table gives its codes and
 * its `*` row to the others (none: no uplift); a top-N uplift goes to the N codes of most current revenue in
 * `lines` (ties by code, as `computeUpliftScenario` ranks them) and to no other code.
 * @example signedUpliftOf({ uplift: { kind: "flat", fraction: "0.05" }, topN: 1 }, { codes: ["99213", "99214"], amounts: [100, 200] })
 *   // ok: { codeFractions: 99214 -> 0.05, otherFraction: 0 }
 */
export function signedUpliftOf(
  scenario: { readonly uplift: UpliftInput; readonly topN: number | null },
  lines: RankingLines,
): Result<SignedUplift, UpliftIssue> {
  const rates = readUpliftRates(scenario.uplift);
  if (!rates.ok) return rates;
  if (scenario.topN === null)
    return ok({ codeFractions: rates.value.byCode, otherFraction: rates.value.defaultFraction ?? ZERO });
  const ranked = computeUpliftScenario({ ...lines, uplift: scenario.uplift, topN: scenario.topN, rankBy: "revenue" });
  if (!ranked.ok) return fail(ranked.issue);
  const codeFractions = new Map<UpliftCode, Decimal>();
  for (const code of ranked.value.codes.slice(0, ranked.value.topN))
    codeFractions.set(code.hcpcsCode, upliftFractionFor(rates.value, code.hcpcsCode) ?? ZERO);
  return ok({ codeFractions, otherFraction: ZERO });
}

/** One reviewed line as the comparison reads it. Money in cents, dates as Excel day numbers. */
export interface ModeledLine {
  readonly key: string;
  /** Its normalised code; absent or null where the table has none (the line takes the other codes' uplift). */
  readonly hcpcsCode?: HcpcsCode | null;
  readonly flag: VarianceFlag | null;
  readonly submittedDay: number | null;
  readonly paidDay: number | null;
  readonly expectedCents: number | null;
  readonly varianceCents: number | null;
  /**
   * What the uplift applies to when the signed rates are already in the registry (the Expected Amount holds them, so
   * the uplift would count twice): the line's price at the rates before them (`registryBeforeSigning`); null when
   * those rates do not price it. Absent: the Expected Amount is the price before signing.
   */
  readonly basisCents?: number | null;
}

/** A contract's signed proposal: its name, the Excel day its rates take effect, and its uplift by code. */
export interface SignedProposal extends SignedUplift {
  readonly key: string;
  readonly proposalName: string;
  readonly effectiveDay: number;
}

/** One contract's month: modeled and actual revenue of the lines under the signed rates, and the gap. */
export interface ModeledRow {
  readonly key: string;
  /** "2025-02". */
  readonly month: string;
  readonly modeledCents: number;
  /** What the uplift applied to: the lines' prices before signing, in all and by code with its own uplift. */
  readonly basisCents: number;
  readonly basisByCode: ReadonlyMap<UpliftCode, number>;
  /** Lines compared (their allowed counted) that have no price before signing, so nothing modeled. */
  readonly unmodeledLines: number;
  readonly allowedCents: number;
  readonly gapCents: number;
  readonly gapShare: number | null;
}

/**
 * Modeled against actual revenue by contract (of `signed`) and month of remittance, for the months with lines
 * under the signed rates, in month order per contract (see the module comment).
 * @example computeActualVsModeled(lines, [{ key: "Acme", proposalName: "5% flat", effectiveDay: 45839, codeFractions: new Map(), otherFraction: new Decimal("0.05") }])
 */
export function computeActualVsModeled(lines: readonly ModeledLine[], signed: readonly SignedProposal[]): ModeledRow[] {
  const byKey = new Map(signed.map((s) => [s.key, s]));
  const sums = new Map<string, Map<number, MonthSums>>();
  for (const line of lines) {
    const proposal = byKey.get(line.key);
    if (proposal === undefined || line.flag === null || !FLAG_ROLES[line.flag].compared) continue;
    const { submittedDay, paidDay, expectedCents, varianceCents } = line;
    if (submittedDay === null || paidDay === null || expectedCents === null || varianceCents === null) continue;
    if (submittedDay < proposal.effectiveDay) continue;
    let months = sums.get(line.key);
    if (months === undefined) sums.set(line.key, (months = new Map()));
    const month = monthIndexOfDay(paidDay);
    let sum = months.get(month);
    if (sum === undefined) months.set(month, (sum = { basis: 0, byCode: new Map(), unmodeled: 0, allowed: 0 }));
    sum.allowed += expectedCents + varianceCents;
    const basis = line.basisCents === undefined ? expectedCents : line.basisCents;
    if (basis === null) {
      sum.unmodeled++;
      continue;
    }
    sum.basis += basis;
    const code = line.hcpcsCode ?? null;
    if (code !== null && proposal.codeFractions.has(code)) sum.byCode.set(code, (sum.byCode.get(code) ?? 0) + basis);
  }
  const rows: ModeledRow[] = [];
  for (const proposal of signed) {
    const months = sums.get(proposal.key);
    if (months === undefined) continue;
    for (const month of [...months.keys()].sort((a, b) => a - b)) {
      const sum = months.get(month)!;
      // As the sheet writes it: every line at the other codes' uplift, plus each named code's difference.
      let modeled = proposal.otherFraction.plus(1).times(sum.basis);
      for (const [code, cents] of sum.byCode)
        modeled = modeled.plus(proposal.codeFractions.get(code)!.minus(proposal.otherFraction).times(cents));
      const modeledCents = modeled.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
      const gapCents = sum.allowed - modeledCents;
      rows.push({
        key: proposal.key,
        month: monthText(month),
        modeledCents,
        basisCents: sum.basis,
        basisByCode: sum.byCode,
        unmodeledLines: sum.unmodeled,
        allowedCents: sum.allowed,
        gapCents,
        gapShare: modeledCents === 0 ? null : gapCents / modeledCents,
      });
    }
  }
  return rows;
}

/** A contract's month as it is summed: the basis in all and by named code, the lines without one, the allowed. */
interface MonthSums {
  basis: number;
  byCode: Map<UpliftCode, number>;
  unmodeled: number;
  allowed: number;
}
