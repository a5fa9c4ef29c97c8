/**
 * The organisation's top codes from its claims table, the codes a market benchmark is read for by default: ranked
 * as the uplift model ranks them (`computeUpliftScenario`'s top N, by dollars or by count of lines, ties by code).
 */
import { catalogue, computeUpliftScenario, fail, fieldOf, ok, type Result, type UpliftRankBasis } from "../../engine";
import { UPLIFT_ISSUE_CATALOGUE, type UpliftIssue } from "../../engine";
import type { ClaimsMapping } from "../claims/claimsMapping";
import type { ExcelGateway } from "../core/excelGateway";
import { describeUpliftModelIssue, NO_FILTERS, readClaimLines } from "../upliftModel";

const upliftMessage: (issue: UpliftIssue) => string = catalogue(fieldOf(UPLIFT_ISSUE_CATALOGUE, "message"));

/** Which claims table, through which mapping, how many codes and ranked how. */
export interface TopCodesRequest {
  readonly tableName: string;
  readonly mapping: ClaimsMapping;
  readonly count: number;
  /** "revenue": by allowed dollars; "volume": by count of lines (units are not asked for). */
  readonly rankBy: UpliftRankBasis;
}

/**
 * The top `count` codes of the claims table, highest first; or the message saying why the table cannot be read (a
 * column not mapped, a cell that is not a code or an amount, with its row).
 */
export async function readTopCodes(excel: ExcelGateway, request: TopCodesRequest): Promise<Result<string[], string>> {
  // Volume is the count of lines: units are left unmapped so that a line of 4 units counts once.
  const mapping = { ...request.mapping, units: null };
  const lines = await readClaimLines(excel, { ...request, mapping, filters: NO_FILTERS, capAtBilled: false });
  if (!lines.ok) return fail(describeUpliftModelIssue(lines.issue));
  if (lines.value.hcpcsCodes.length === 0) return ok([]);
  const ranked = computeUpliftScenario({
    codes: lines.value.hcpcsCodes,
    amounts: lines.value.amountCents.map((cents) => cents / 100),
    uplift: { kind: "flat", fraction: 0 },
    topN: request.count,
    rankBy: request.rankBy,
  });
  if (!ranked.ok) return fail(upliftMessage(ranked.issue));
  return ok(ranked.value.codes.slice(0, request.count).map((code) => code.hcpcsCode));
}
