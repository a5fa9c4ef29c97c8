/**
 * The variance review of institutional (UB-04) claims (issue 14 item 4): each claim priced through the engine's
 * hospital batch pricers, then flagged with the professional review's flags, tolerance and wording.
 * - An inpatient stay (type of bill 11x) is paid as a whole, so it is compared as a whole: the expected stay payment
 *   (`priceInpatientStays`, the stay's revenue lines given so a per diem finds its level of care) against the claim's
 *   allowed amount. The comparison is written on the stay's FIRST line (expected, variance, percent); every other line
 *   of the stay carries the same flag with its amounts blank, so sums over the amount columns count each stay once and
 *   counts and charges by flag cover all its lines (a denied stay's denied charges are its total charges).
 * - An outpatient claim (12x-14x) is priced claim by claim (`priceOutpatientLines`: packaging, J1, T discounting read
 *   the whole claim) and compared line by line: the engine puts a J1 claim's comprehensive payment on its J1 line and
 *   $0 on the lines packaged into it, as an 835 pays it, so a packaged line allowed $0 is OK, not underpaid.
 * The reason names the rule from the claim's pricing trace ("MS-DRG 470 under ...: Case rate ...", "Transfer ...",
 * "stop-loss ...", "Packaged, paid 0.00 ...").
 */
import type {
  ContractRegistry,
  HospitalRegistry,
  HospitalTermsVersion,
  OutpatientTermsVersion,
} from "../contracts/registry";
import { findHospitalTerms, registryKey } from "../contracts/registry";
import { Decimal } from "../decimal";
import type { DrgWeightTable } from "../inpatient/drgTable";
import { priceInpatientStay } from "../inpatient/priceStay";
import { priceInpatientStays } from "../inpatient/priceStays";
import type { InpatientStay } from "../inpatient/stay";
import type { InpatientTerms } from "../inpatient/terms";
import type { InpatientTraceStep, InpatientTraceStepKind } from "../inpatient/traceSteps";
import type { EngineIssue } from "../issues";
import type { IsoDate } from "../isoDate";
import type { Cents } from "../money";
import { priceOutpatientClaim } from "../outpatient/priceOutpatientClaim";
import { priceOutpatientLines } from "../outpatient/priceOutpatientLines";
import type { OutpatientTraceStep } from "../outpatient/traceSteps";
import type { OppsPricingData, OutpatientLine } from "../outpatient/types";
import { fail, type Result } from "../result";
import type { TraceStep } from "../trace";
import { formatTraceStep } from "../traceText";
import { varianceIssueMessage, type InstitutionalSide, type VarianceIssue } from "./issues";
import { deniedReasonText, type LineDenial } from "./lineDenial";
import { pricedReview, REVERSAL_REASON, unpriced, type VarianceLine } from "./reviewLines";
import type { VarianceTolerance } from "./tolerance";

// Declared in a module of its own, which the uplift's code kinds import without the review's dependencies.
export { INSTITUTIONAL_CODE_KINDS, type InstitutionalCodeKind } from "../institutional/codeKinds";
import type { InstitutionalCodeKind } from "../institutional/codeKinds";

/** What the pricers take from one table line. */
export interface InstitutionalLinePricing {
  readonly contractName: string;
  /** The line as the outpatient pricer takes it; on an inpatient claim, the stay's revenue line. */
  readonly line: Omit<OutpatientLine, "claimLineNumber" | "claimId">;
  /** On an inpatient line, the stay as its cells give it (the claim's first line counts); null on outpatient lines. */
  readonly stay: Omit<InpatientStay, "revenueLines"> | null;
}

/** One line of an institutional claims table as the review reads it. */
export interface InstitutionalInputLine {
  /** The lines of one claim share a key (the claim id; a row of its own when the table has none). */
  readonly claimKey: string;
  readonly claimId: string | null;
  readonly payer: string;
  /** How the claim is priced and compared: decided by the type of bill (11x inpatient). The first line's counts. */
  readonly side: InstitutionalSide;
  /** The code the Summary groups the line by, as written, and which code it is. */
  readonly code: string;
  readonly codeKind: InstitutionalCodeKind;
  readonly serviceDate: string | null;
  readonly pricing: Result<InstitutionalLinePricing, VarianceIssue | EngineIssue>;
  /** Outpatient: the line's allowed amount; inpatient: the claim's allowed amount (a stay is paid as a whole). */
  readonly allowedAmount: Cents;
  readonly chargeAmount: Cents | null;
  readonly denial: LineDenial;
  readonly reversal: boolean;
}

/** A wage index that a method other than percent of OPPS never reads (as PAYER.OUTPATIENT_PAYMENT uses it). */
const UNUSED_WAGE_INDEX = new Decimal(1);

type InpatientStep<K extends InpatientTraceStepKind> = Extract<InpatientTraceStep, { kind: K }>;
type OutpatientStepKind = OutpatientTraceStep["kind"];
type OutpatientStep<K extends OutpatientStepKind> = Extract<OutpatientTraceStep, { kind: K }>;

/** Which inpatient steps name the rule in a reason: the payment's method or case rate, and terms that changed it. */
const INPATIENT_REASON_STEPS: { readonly [K in InpatientTraceStepKind]: (step: InpatientStep<K>) => boolean } = {
  inpatientStay: () => false,
  drgWeight: () => false,
  caseRate: () => true,
  msDrgPayment: () => true,
  perDiemLevel: () => false,
  perDiemTotal: () => true,
  percentOfTotalCharges: () => true,
  transferReduction: () => true,
  noTransferReduction: () => false,
  outlier: (s) => !s.added.isZero(),
  stopLoss: (s) => s.triggered,
};

/** Which outpatient steps name the rule in a reason: the terms, the rate found, and what packaging or discounting did. */
const OUTPATIENT_REASON_STEPS: { readonly [K in OutpatientStepKind]: (step: OutpatientStep<K>) => boolean } = {
  outpatientLine: () => false,
  outpatientTerms: () => true,
  institutionalCarveOut: () => true,
  oppsRow: () => true,
  oppsWageAdjustment: () => false,
  oppsNotWageAdjusted: () => false,
  oppsSeparateApc: () => true,
  oppsPackaged: () => true,
  oppsComprehensive: () => true,
  oppsMultipleProcedure: () => true,
  oppsUnits: () => false,
  oppsDiscontinued: () => true,
  oppsPercent: () => true,
  revenueCodeRate: () => true,
  visitRateIncluded: () => true,
};

/** The words of the steps `table` keeps, in trace order. */
function reasonSteps(trace: readonly TraceStep[], table: Readonly<Record<string, (step: never) => boolean>>): string {
  return trace
    .filter((step) => {
      const keeps = table[step.kind] as ((s: TraceStep) => boolean) | undefined;
      return keeps !== undefined && keeps(step);
    })
    .map(formatTraceStep)
    .join("; ");
}

/** "MS-DRG 470 under Acme Hospital PPO: Case rate for DRG 470 ...": the rules that gave a stay its payment. */
function stayBasis(stay: InpatientStay, terms: InpatientTerms, drgTables: readonly DrgWeightTable[]): string {
  const priced = priceInpatientStay(stay, terms, drgTables);
  const row = terms.sourceRowNumber === null ? "" : ` (inpatient terms row ${terms.sourceRowNumber})`;
  const steps = priced.ok ? reasonSteps(priced.value.trace, INPATIENT_REASON_STEPS) : "";
  return `MS-DRG ${stay.drg} under ${terms.contractName}${row}: ${steps}`;
}

/** Where one claim's review goes: its table positions, in table order. */
type Claim = readonly number[];

/** The terms version of a claim's contract on a date, or why there is none. */
function termsOn<V extends HospitalTermsVersion<unknown>>(
  registry: ContractRegistry,
  byName: ReadonlyMap<string, readonly V[]>,
  side: InstitutionalSide,
  contractName: string,
  date: IsoDate,
): Result<V, VarianceIssue | EngineIssue> {
  const found = findHospitalTerms(byName, contractName, date);
  if (found !== undefined) return found;
  if (!registry.versionsByName.has(registryKey(contractName)))
    return fail({ code: "contractNotFound", contractName, knownNames: registry.contractNames });
  return fail({ code: "varianceHospitalTermsMissing", contractName, side });
}

/** What every claim review writes to. */
interface Review {
  readonly registry: ContractRegistry;
  readonly hospital: HospitalRegistry;
  readonly lines: readonly InstitutionalInputLine[];
  readonly tolerance: VarianceTolerance;
  readonly out: VarianceLine[];
}

/** A line that cannot be priced: Denied when it was denied (whatever its price), else No contract rate. */
function notPriced(line: InstitutionalInputLine, issue: VarianceIssue | EngineIssue): VarianceLine {
  return line.denial.denied
    ? unpriced(line, "Denied", deniedReasonText(line.denial))
    : unpriced(line, "No contract rate", varianceIssueMessage(issue));
}

/** The first issue among a claim's lines, or null when every line reads. */
function firstIssue(review: Review, claim: Claim): VarianceIssue | EngineIssue | null {
  for (const i of claim) {
    const pricing = review.lines[i]!.pricing;
    if (!pricing.ok) return pricing.issue;
  }
  return null;
}

/**
 * Writes a stay's review on its first line and the stay's flag on its other lines (module comment): a denied or
 * unpriced stay says why on every line, so the Summary's denial categories count its lines as they count its flags.
 */
function writeStay(review: Review, claim: Claim, first: VarianceLine): void {
  const [anchor, ...others] = claim;
  review.out[anchor!] = first;
  const shared = first.flag === "Denied" || first.flag === "No contract rate";
  const claimId = review.lines[anchor!]!.claimId ?? review.lines[anchor!]!.claimKey;
  const reason = `${STAY_LINE_REASON_PREFIX} ${claimId}, compared and counted on its first line${shared ? ` (${first.reason})` : ""}`; // prettier-ignore
  for (const i of others) review.out[i] = unpriced(review.lines[i]!, first.flag, reason);
}

/**
 * How the Reason of a stay's lines after the first starts. A stay is reviewed, paid and denied as one claim, so the
 * Summary counts it once (DOMAIN.md 4.1, 4.3: HFMA's denial rate counts claims): its formulas leave out the lines
 * whose Reason starts so, as `summariseInstitutionalVariances` leaves out `stayFollowerLines`.
 */
export const STAY_LINE_REASON_PREFIX = "Part of stay";

/** Reviews the inpatient stays, each version's stays priced together by the batch pricer. */
function reviewStays(review: Review, claims: readonly Claim[]): void {
  const byVersion = new Map<HospitalTermsVersion<InpatientTerms>, { stays: InpatientStay[]; claims: Claim[] }>();
  for (const claim of claims) {
    const anchor = review.lines[claim[0]!]!;
    const issue = firstIssue(review, claim);
    const pricing = anchor.pricing.ok ? anchor.pricing.value : null;
    if (issue !== null || pricing === null || pricing.stay === null) {
      writeStay(review, claim, notPriced(anchor, issue ?? { code: "varianceClaimCellMissing", what: "MS-DRG" }));
      continue;
    }
    const stay: InpatientStay = {
      ...pricing.stay,
      revenueLines: claim.map((i) => {
        const { line } = (review.lines[i]!.pricing as { value: InstitutionalLinePricing }).value;
        return {
          revenueCode: line.revenueCode,
          units: line.units.toNumber(),
          chargeAmount: line.chargeAmount ?? (0 as Cents),
        };
      }),
    };
    const version = termsOn(
      review.registry,
      review.hospital.inpatientByName,
      "inpatient",
      pricing.contractName,
      stay.dischargeDate,
    );
    if (!version.ok) {
      writeStay(review, claim, notPriced(anchor, version.issue));
      continue;
    }
    let group = byVersion.get(version.value);
    if (group === undefined) byVersion.set(version.value, (group = { stays: [], claims: [] }));
    group.stays.push(stay);
    group.claims.push(claim);
  }
  for (const [{ terms }, group] of byVersion) {
    const priced = priceInpatientStays(group.stays, terms, review.hospital.drgTables);
    group.claims.forEach((claim, k) => {
      const anchor = review.lines[claim[0]!]!;
      const issue = priced.issues.get(k);
      if (issue !== undefined) return writeStay(review, claim, notPriced(anchor, issue));
      const basis = stayBasis(group.stays[k]!, terms, review.hospital.drgTables);
      writeStay(review, claim, pricedReview(anchor, priced.allowedAmount[k]! as Cents, basis, review.tolerance));
    });
  }
}

/** Reviews the outpatient claims line by line, each version's claims priced together by the batch pricer. */
function reviewOutpatientClaims(review: Review, claims: readonly Claim[]): void {
  type Group = { lines: OutpatientLine[]; positions: number[]; claims: OutpatientLine[][] };
  const byVersion = new Map<OutpatientTermsVersion, Group>();
  for (const claim of claims) {
    const issue = firstIssue(review, claim);
    if (issue !== null) {
      const claimId = review.lines[claim[0]!]!.claimId ?? review.lines[claim[0]!]!.claimKey;
      for (const i of claim) {
        const pricing = review.lines[i]!.pricing;
        review.out[i] = notPriced(
          review.lines[i]!,
          pricing.ok ? { code: "varianceClaimLineUnreadable", claimId } : pricing.issue,
        );
      }
      continue;
    }
    const values = claim.map((i) => (review.lines[i]!.pricing as { value: InstitutionalLinePricing }).value);
    const lines = values.map((v, n): OutpatientLine => ({
      ...v.line,
      claimId: review.lines[claim[0]!]!.claimKey,
      claimLineNumber: n + 1,
    }));
    const firstDate = lines.reduce(
      (first, l) => (l.serviceDate < first ? l.serviceDate : first),
      lines[0]!.serviceDate,
    );
    const version = termsOn(
      review.registry,
      review.hospital.outpatientByName,
      "outpatient",
      values[0]!.contractName,
      firstDate,
    );
    if (!version.ok) {
      for (const i of claim) review.out[i] = notPriced(review.lines[i]!, version.issue);
      continue;
    }
    let group = byVersion.get(version.value);
    if (group === undefined) byVersion.set(version.value, (group = { lines: [], positions: [], claims: [] }));
    group.lines.push(...lines);
    group.positions.push(...claim);
    group.claims.push(lines);
  }
  for (const [version, group] of byVersion) {
    const { terms } = version;
    const opps: OppsPricingData = {
      tables: review.hospital.oppsTables,
      wageIndex: version.wageIndex ?? UNUSED_WAGE_INDEX,
    };
    const priced = priceOutpatientLines(group.lines, terms, opps);
    // The batch keeps no trace: each claim's trace, for the reasons, from the claim pricer it agrees with.
    const traces = group.claims.flatMap((lines) => priceOutpatientClaim(lines, terms, opps).lines.map((l) => l.trace));
    const costless = costlessDenials(group.positions, group.claims, review.lines, priced);
    group.positions.forEach((i, k) => {
      const line = review.lines[i]!;
      const issue = priced.issues.get(k);
      if (issue !== undefined) review.out[i] = notPriced(line, issue);
      else {
        const basis = reasonSteps(traces[k]!, OUTPATIENT_REASON_STEPS);
        const judged = costless.has(k) ? { ...line, denial: { ...line.denial, denied: false, category: null } } : line;
        review.out[i] = pricedReview(judged, priced.allowedAmount[k]! as Cents, basis, review.tolerance);
      }
    });
  }
}

/**
 * The lines of a batch (by position in it) whose denial cost nothing: the contract pays $0 for them (a line packaged
 * by its status indicator, N or Q1/Q2, or into a J1 line) and no line of their claim that the contract pays for was
 * denied. Their $0 is the contract's price, not the payer's refusal (DOMAIN.md 2.8: packaged lines are paid within
 * another line's APC), so a denial code on them (CO-97 "included in another service", even CO-50) is kept as an
 * adjustment and the line is not counted as a denial; when the claim's paid lines are denied too, the claim was
 * denied whole and they count with it.
 */
function costlessDenials(
  positions: readonly number[],
  claims: readonly (readonly OutpatientLine[])[],
  lines: readonly InstitutionalInputLine[],
  priced: { readonly allowedAmount: ArrayLike<number>; readonly issues: ReadonlyMap<number, unknown> },
): Set<number> {
  const costless = new Set<number>();
  let start = 0;
  for (const claim of claims) {
    const ks = Array.from({ length: claim.length }, (_, n) => start + n);
    start += claim.length;
    const paysNothing = (k: number) => !priced.issues.has(k) && priced.allowedAmount[k] === 0;
    const denied = (k: number) => lines[positions[k]!]!.denial.denied;
    if (ks.some((k) => !paysNothing(k) && denied(k))) continue;
    for (const k of ks) if (paysNothing(k) && denied(k) && lines[positions[k]!]!.allowedAmount === 0) costless.add(k);
  }
  return costless;
}

/** The claims of the lines (reversal lines left out), each on the side of its first line. */
function claimsBySide(lines: readonly InstitutionalInputLine[]): Record<InstitutionalSide, Claim[]> {
  const claims = new Map<string, number[]>();
  lines.forEach((line, index) => {
    if (line.reversal) return;
    const members = claims.get(line.claimKey);
    if (members === undefined) claims.set(line.claimKey, [index]);
    else members.push(index);
  });
  const bySide: Record<InstitutionalSide, Claim[]> = { inpatient: [], outpatient: [] };
  for (const members of claims.values()) bySide[lines[members[0]!]!.side].push(members);
  return bySide;
}

/** The positions of every stay's lines after its first: the review compares the stay on its first line only. */
export function stayFollowerLines(lines: readonly InstitutionalInputLine[]): Set<number> {
  return new Set(claimsBySide(lines).inpatient.flatMap((claim) => claim.slice(1)));
}

/** Each side's claim review: declared for every side, so a new side does not compile without one. */
const CLAIM_REVIEWS = {
  inpatient: reviewStays,
  outpatient: reviewOutpatientClaims,
} as const satisfies Record<InstitutionalSide, (review: Review, claims: readonly Claim[]) => void>;

const NO_HOSPITAL: HospitalRegistry = {
  inpatientByName: new Map(),
  outpatientByName: new Map(),
  drgTables: [],
  oppsTables: [],
};

/**
 * Reviews institutional claim lines against their hospital contracts (module comment). Reversal lines are flagged
 * Reversed and left out of their claim; the claim's side is its first line's. One result per line, in order.
 * @example reviewInstitutionalVariances(registry, lines, DEFAULT_VARIANCE_TOLERANCE)[0].flag // "Underpaid"
 */
export function reviewInstitutionalVariances(
  registry: ContractRegistry,
  lines: readonly InstitutionalInputLine[],
  tolerance: VarianceTolerance,
): VarianceLine[] {
  const out: VarianceLine[] = new Array(lines.length);
  lines.forEach((line, index) => {
    if (line.reversal) out[index] = unpriced(line, "Reversed", REVERSAL_REASON);
  });
  const bySide = claimsBySide(lines);
  const review: Review = { registry, hospital: registry.hospital ?? NO_HOSPITAL, lines, tolerance, out };
  for (const side of Object.keys(CLAIM_REVIEWS) as InstitutionalSide[]) CLAIM_REVIEWS[side](review, bySide[side]);
  return out;
}
