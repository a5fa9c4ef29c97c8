/**
 * Recoverable underpayments per contract, from the variance review's engine (src/engine/variance) and reader
 * (src/excel/varianceReview), with the tolerance and payer-to-contract choices the user last reviewed this table
 * with (else the review's defaults), so the portfolio and the variance review state the same dollars: the sum of
 * expected minus allowed over the lines the review flags "Underpaid" (denied lines are denials, not underpayments).
 */
import { Decimal, percentText } from "../../../engine";
import { registryKey } from "../../../engine";
import type { Cents } from "../../../engine";
import { fail, ok, type Result } from "../../../engine";
import {
  DEFAULT_VARIANCE_TOLERANCE,
  reviewVariances,
  type VarianceInputLine,
  type VarianceLine,
  type VarianceTolerance,
} from "../../../engine";
import type { ClaimsMapping } from "../../claims/claimsMapping";
import type { TableColumnsReader } from "../../claims/tableColumnsRead";
import type { ExcelGateway } from "../../core/excelGateway";
import type { RegistrySnapshot } from "../../registry";
import {
  describeVarianceReviewIssue,
  distrustProblemContract,
  isInstitutionalMapping,
  readInstitutionalLines,
  readReviewLines,
  readReviewRecord,
  reviewInstitutionalTable,
  type VarianceReviewIssue,
} from "../../varianceReview";
import type { ReviewTableRequest } from "../../varianceReview/reviewTable";
import type { PortfolioIssue } from "./portfolioRequest";

/** What a contract's lines leave on the table. Money in whole cents. */
export interface Recoverable {
  readonly recoverableCents: number;
  readonly underpaidLines: number;
  /** Lines the review could not price ("No contract rate"): in no total. */
  readonly unpricedLines: number;
}

/** The review's tolerance as stored with the table ({ dollars, fraction, rule }), in the engine's terms. */
function toleranceOf(stored: { amount: number; fraction: number; rule: "both" | "either" } | null): VarianceTolerance {
  if (stored === null) return DEFAULT_VARIANCE_TOLERANCE;
  return {
    amount: new Decimal(String(stored.amount)).times(100).toDecimalPlaces(0).toNumber() as Cents,
    fraction: new Decimal(String(stored.fraction)),
    rule: stored.rule,
  };
}

/** "$1.00 and 1%": the tolerance in the sheet's note. */
export function toleranceText(tolerance: VarianceTolerance): string {
  const dollars = (tolerance.amount / 100).toLocaleString("en-US", { style: "currency", currency: "USD" });
  return `${dollars} ${tolerance.rule === "both" ? "and" : "or"} ${percentText(tolerance.fraction)}`;
}

/**
 * Reviews every line of the table as the variance review does and sums the recoverable dollars by contract
 * (registry key). Null figures (with the reason) when the mapping lacks what the review needs (the service date,
 * an allowed amount); other failures (an unreadable cell) are issues.
 */
export async function recoverableByContract(
  excel: ExcelGateway,
  request: { readonly tableName: string; readonly mapping: ClaimsMapping },
  snapshot: RegistrySnapshot,
  readTable?: TableColumnsReader,
): Promise<
  Result<
    | { readonly byContract: ReadonlyMap<string, Recoverable>; readonly tolerance: VarianceTolerance }
    | { readonly unavailable: string },
    PortfolioIssue
  >
> {
  const record = await readReviewRecord(excel, request.tableName);
  const tolerance = toleranceOf(record.tolerance);
  const readRequest = {
    tableName: request.tableName,
    mapping: request.mapping,
    payerContracts: record.payerContracts,
    ...(readTable === undefined ? {} : { read: readTable }),
  };
  const reviewed = isInstitutionalMapping(request.mapping)
    ? await reviewHospitalTable(excel, readRequest, snapshot, tolerance)
    : await reviewProfessionalLines(excel, readRequest, snapshot, tolerance);
  if (!reviewed.ok) {
    const message = describeVarianceReviewIssue(reviewed.issue);
    return reviewed.issue.code === "mapping" || reviewed.issue.code === "allowedNotMapped"
      ? ok({ unavailable: message })
      : fail({ code: "variance", message });
  }
  const byContract = new Map<string, { recoverableCents: number; underpaidLines: number; unpricedLines: number }>();
  reviewed.value.lines.forEach((line, i) => {
    const key = reviewed.value.contracts[i] as string;
    let totals = byContract.get(key);
    if (totals === undefined)
      byContract.set(key, (totals = { recoverableCents: 0, underpaidLines: 0, unpricedLines: 0 }));
    totals.recoverableCents += line.recoverableAmount;
    if (line.flag === "Underpaid") totals.underpaidLines++;
    if (line.flag === "No contract rate") totals.unpricedLines++;
  });
  return ok({ byContract, tolerance });
}

/** A table's reviewed lines, each with its contract (registry key). */
type ReviewedLines = { readonly lines: readonly VarianceLine[]; readonly contracts: readonly string[] };

/** A line's contract: the one it was priced under, else its contract cell. */
const contractKey = (pricing: { ok: true; value: { contractName: string } } | { ok: false }, cell: unknown) =>
  registryKey(pricing.ok ? pricing.value.contractName : String(cell ?? ""));

/** A professional table's lines reviewed as the variance review reviews them. */
async function reviewProfessionalLines(
  excel: ExcelGateway,
  request: ReviewTableRequest,
  snapshot: RegistrySnapshot,
  tolerance: VarianceTolerance,
): Promise<Result<ReviewedLines, VarianceReviewIssue>> {
  const read = await readReviewLines(excel, { ...request, extraColumns: [] });
  if (!read.ok) return read;
  const contractCells = read.value.columns.get((request.mapping.contractName ?? "").toLowerCase()) ?? [];
  const inputs: VarianceInputLine[] = [];
  const contracts: string[] = [];
  read.value.lines.forEach((line, row) => {
    if (line === null) return;
    // As the review does: a contract whose registry rows have problems gets no expected amounts.
    inputs.push(distrustProblemContract(line, snapshot));
    contracts.push(contractKey(line.pricing, contractCells[row]));
  });
  return ok({ lines: reviewVariances(snapshot.registry, inputs, tolerance), contracts });
}

/**
 * A hospital table's lines reviewed as the variance review reviews them (institutionalReview.ts): a stay compared
 * as a whole on its first line, so its recoverable dollars are counted once, never on its other lines.
 */
async function reviewHospitalTable(
  excel: ExcelGateway,
  request: ReviewTableRequest,
  snapshot: RegistrySnapshot,
  tolerance: VarianceTolerance,
): Promise<Result<ReviewedLines, VarianceReviewIssue>> {
  const read = await readInstitutionalLines(excel, request);
  if (!read.ok) return read;
  const contractCells = read.value.columns.get((request.mapping.contractName ?? "").toLowerCase()) ?? [];
  const review = reviewInstitutionalTable(read.value, request.mapping, snapshot, tolerance);
  const contracts: string[] = [];
  read.value.lines.forEach((line, row) => {
    if (line !== null) contracts.push(contractKey(line.pricing, contractCells[row]));
  });
  return ok({ lines: review.lines.filter((line): line is VarianceLine => line !== null), contracts });
}
