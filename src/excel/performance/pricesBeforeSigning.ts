/**
 * Each line's price before signing, for the contracts whose signed rates are already in PayerContracts (issue 15
 * item 3; engine: kpis/registryBeforeSigning.ts): the table reviewed again as the Variance review reviews it, under
 * the registry as it was before the signing, so the same claim rules (multiple procedures, packaging) price it.
 * The review reads the cells the sheet already read (`request.read`).
 */
import {
  DEFAULT_VARIANCE_TOLERANCE,
  fail,
  ok,
  registryBeforeSigning,
  registryKey,
  type ModeledLine,
  type ModeledRow,
  type RatesBefore,
  type Result,
} from "../../engine";
import type { ClaimsMapping } from "../claims/claimsMapping";
import type { TableColumnsReader } from "../claims/tableColumnsRead";
import type { ExcelGateway } from "../core/excelGateway";
import type { RegistrySnapshot } from "../registry";
import { describeVarianceReviewIssue, readTableForReview } from "../varianceReview";
import type { PerformanceIssue } from "./performanceRequest";
import type { SignedBasis, SignedRow } from "./signedLayout";

/** The contracts priced again, and each body row's price at their earlier rates (null: not priced). */
export interface PricesBeforeSigning {
  readonly ratesBefore: RatesBefore;
  readonly basis: readonly (number | null)[];
}

/** The prices before signing of the table's lines; null when every signed contract's rates are still the earlier. */
export async function pricesBeforeSigning(
  excel: ExcelGateway,
  request: { readonly tableName: string; readonly mapping: ClaimsMapping; readonly read: TableColumnsReader },
  snapshot: RegistrySnapshot,
  signed: readonly SignedRow[],
): Promise<Result<PricesBeforeSigning | null, PerformanceIssue>> {
  const signings = signed.map((s) => ({ contractName: s.key, effectiveDay: s.effectiveDay }));
  const { registry, ratesBefore } = registryBeforeSigning(snapshot.registry, signings);
  if (ratesBefore.size === 0) return ok(null);
  // A contract key absent from PayerContracts falls back to the payer mapping in the review; the sheet's lines
  // always carry their contract here (proposals are signed per contract), so none is needed.
  const read = await readTableForReview(excel, { ...request, payerContracts: {} });
  if (!read.ok) return fail({ code: "linesUnpricedBefore", message: describeVarianceReviewIssue(read.issue) });
  const { lines } = read.value.review({ ...snapshot, registry }, DEFAULT_VARIANCE_TOLERANCE);
  return ok({ ratesBefore, basis: lines.map((line) => line?.expectedAmount ?? null) });
}

/** The lines (one per body row, in order) with their price before signing where their contract was priced again. */
export function withPricesBefore<L extends ModeledLine>(lines: readonly L[], prices: PricesBeforeSigning | null): L[] {
  if (prices === null) return [...lines];
  return lines.map((line, row) => {
    const rates = prices.ratesBefore.get(registryKey(line.key));
    if (rates === undefined) return line;
    return { ...line, basisCents: rates === null ? null : (prices.basis[row] ?? null) };
  });
}

/** What a signed contract's uplift applies to on the sheet (signedLayout.ts), from its prices and the engine's rows. */
export function signedBasis(
  row: SignedRow,
  prices: PricesBeforeSigning | null,
  modeled: readonly ModeledRow[],
): SignedBasis {
  const rates = prices?.ratesBefore.get(registryKey(row.key));
  if (rates === undefined) return { kind: "expected" };
  if (rates === null) return { kind: "none" };
  const months = new Map(modeled.filter((m) => m.key === row.key).map((m) => [m.month, m]));
  return { kind: "ratesBefore", inEffectOn: rates.inEffectOn, months };
}
