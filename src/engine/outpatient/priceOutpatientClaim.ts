/**
 * The entry point of hospital outpatient pricing (issue 14): a claim's lines under a contract's outpatient terms.
 * Each line is priced by the carve-out covering it (they take precedence over the method; DOMAIN.md 3.1) or by the
 * contract's method across the claim's other lines (OPPS packaging and discounting read the whole claim), then
 * lesser-of billed charges and the one half-up rounding to cents, per line.
 */
import { applyLesserOf } from "../contracts/lesserOf";
import type { Decimal } from "../decimal";
import {
  findInstitutionalCarveOut,
  institutionalCarveOutAmount,
  type InstitutionalCarveOut,
} from "../institutional/carveOuts";
import { sumCents, type Cents } from "../money";
import { fail, ok, type Result } from "../result";
import type { EngineIssue } from "../issues";
import type { TraceStep } from "../trace";
import { outpatientMethodEntry } from "./methods";
import type { MethodLineAmount } from "./oppsClaim";
import type {
  OppsPricingData,
  OutpatientClaimPrice,
  OutpatientLine,
  OutpatientLinePrice,
  OutpatientTerms,
} from "./types";

const headSteps = (line: OutpatientLine, terms: OutpatientTerms): TraceStep[] => [
  {
    kind: "outpatientLine",
    claimId: line.claimId,
    claimLineNumber: line.claimLineNumber,
    revenueCode: line.revenueCode,
    hcpcsCode: line.hcpcsCode,
    modifiers: line.modifiers,
    units: line.units,
    chargeAmount: line.chargeAmount,
    serviceDate: line.serviceDate,
  },
  {
    kind: "outpatientTerms",
    contractName: terms.contractName,
    method: terms.method,
    source: { kind: "registry row", rowNumber: terms.sourceRowNumber },
  },
];

const unitsValid = (units: Decimal): boolean => units.isFinite() && units.isPositive() && !units.isZero();

/** The line's price from its exact amount: lesser-of, then the one rounding. */
function finish(
  line: OutpatientLine,
  terms: OutpatientTerms,
  head: TraceStep[],
  priced: MethodLineAmount,
): OutpatientLinePrice {
  // prettier-ignore
  const trace = [...head, ...priced.steps];
  if (!priced.result.ok) return { claimLineNumber: line.claimLineNumber, result: priced.result, trace };
  const lesser = applyLesserOf(priced.result.value, terms.lesserOf, line.chargeAmount);
  trace.push(lesser.step, { kind: "allowedAmount", amount: lesser.amount, allowedAmount: lesser.allowedAmount });
  const value = { contractAmount: priced.result.value, allowedAmount: lesser.allowedAmount, lesserOf: lesser.outcome };
  return { claimLineNumber: line.claimLineNumber, result: ok(value), trace };
}

/**
 * Prices the lines of one claim (same claim id) under a contract's outpatient terms.
 * @param opps the Addendum B tables (one per quarter, chosen by each line's date of service) and the hospital's wage
 *   index; read only by a percent of OPPS.
 * @returns each line's expected allowed amount (or why it has none) with its trace, in the order given, and the
 *   claim's total when every line was priced.
 */
export function priceOutpatientClaim(
  lines: readonly OutpatientLine[],
  terms: OutpatientTerms,
  opps: OppsPricingData,
): OutpatientClaimPrice {
  const claimId = lines[0]?.claimId ?? "";
  // The claim rules would package one claim's lines into another's: a caller mixing claims has a bug.
  if (lines.some((line) => line.claimId !== claimId))
    throw new Error("priceOutpatientClaim takes the lines of one claim: group them with priceOutpatientClaims");
  const priced: (MethodLineAmount | undefined)[] = lines.map((line) => {
    if (!unitsValid(line.units))
      return { steps: [], result: fail({ code: "outpatientUnitsInvalid", lineNumber: line.claimLineNumber, value: line.units.toString() }) }; // prettier-ignore
    const carveOut: InstitutionalCarveOut | null = findInstitutionalCarveOut(terms.carveOuts, line);
    if (carveOut === null) return undefined;
    const amount = institutionalCarveOutAmount(carveOut, line, terms.contractName);
    return amount.ok ? { steps: amount.value.steps, result: ok(amount.value.amount) } : { steps: [], result: amount };
  });
  // The method prices the other lines together: OPPS packaging and per-visit rates read the whole claim.
  const methodLines = lines.filter((_, index) => priced[index] === undefined);
  const methodAmounts = outpatientMethodEntry(terms.method).amounts(terms.method, methodLines, {
    claimId,
    terms,
    opps,
  });
  let next = 0;
  const linePrices = lines.map((line, index) => {
    const amount = priced[index] ?? methodAmounts[next++];
    if (amount === undefined) throw new Error("the method returned fewer amounts than the lines it was given");
    return finish(line, terms, headSteps(line, terms), amount);
  });
  return { claimId, lines: linePrices, totalAllowedAmount: claimTotal(claimId, linePrices) };
}

function claimTotal(claimId: string, lines: readonly OutpatientLinePrice[]): Result<Cents, EngineIssue> {
  const failed = lines.filter((line) => !line.result.ok).map((line) => line.claimLineNumber);
  if (failed.length > 0) return fail({ code: "outpatientClaimNotPriced", claimId, lineNumbers: failed });
  return ok(sumCents(lines.map((line) => (line.result.ok ? line.result.value.allowedAmount : 0))));
}

/**
 * Prices many outpatient claims: lines are grouped by claim id (in the order each claim first appears) and each
 * claim priced by {@link priceOutpatientClaim}.
 */
export function priceOutpatientClaims(
  lines: readonly OutpatientLine[],
  terms: OutpatientTerms,
  opps: OppsPricingData,
): OutpatientClaimPrice[] {
  const claims = new Map<string, OutpatientLine[]>();
  for (const line of lines) {
    const claim = claims.get(line.claimId);
    if (claim === undefined) claims.set(line.claimId, [line]);
    else claim.push(line);
  }
  return [...claims.values()].map((claim) => priceOutpatientClaim(claim, terms, opps));
}
