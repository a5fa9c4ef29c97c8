/**
 * The figures of the contract portfolio summary, one set per contract of the registry (its latest version), from
 * the engines the rest of the add-in uses, so the summary agrees with them to the cent:
 * - current revenue and modeled uplift: the uplift model's reader and `computeModelNumbers` (the uplift engine)
 *   over the contract's claim lines;
 * - denial rate by count and by dollars: `computeDenialRate` over the lines' adjustment codes;
 * - recoverable underpayments: the variance review's engine (see `recoverable.ts`).
 * Claim lines are matched to a contract by the mapped contract column (trimmed, any case, as the registry does).
 * A hospital table (its mapping gives Type of Bill) counts each inpatient stay once: its revenue and uplift by MS-DRG
 * at the claim's allowed amount, its denial on its first line at its total charges, its recoverable dollars as the
 * hospital review compares the stay (recoverable.ts); its outpatient lines one by one, by revenue code.
 */
import { describeContractRates } from "../../../engine";
import { registryKey } from "../../../engine";
import type { ContractVersion } from "../../../engine";
import { computeDenialRate, denialIssueMessage } from "../../../engine";
import type { IsoDate } from "../../../engine";
import { fail, ok, type Result } from "../../../engine";
import { isBlankCell } from "../../../engine";
import { UPLIFT_CODES, type UpliftCode, type UpliftCodeKind } from "../../../engine";
import type { ClaimsField, ClaimsMapping } from "../../claims/claimsMapping";
import { sharedTableRead, type TableColumnsReader } from "../../claims/tableColumnsRead";
import type { ExcelGateway } from "../../core/excelGateway";
import { readRegistry } from "../../registry";
import { isInstitutionalMapping } from "../../varianceReview";
import {
  computeModelNumbers,
  NO_FILTERS,
  readClaimLines,
  type ModelLines,
  type UpliftModelScenario,
} from "../../upliftModel";
import type { PortfolioIssue, PortfolioRequest } from "./portfolioRequest";
import { recoverableByContract, toleranceText, type Recoverable } from "./recoverable";

/** Denied and rated lines and their billed charges; charges are null when the charge column is not mapped. */
export interface DenialFigures {
  readonly deniedLines: number;
  readonly ratedLines: number;
  readonly deniedChargeCents: number | null;
  readonly ratedChargeCents: number | null;
}

/** One row of the summary. Money in whole cents; null where the mapping lacks what a figure needs. */
export interface ContractFigures {
  readonly contractName: string;
  readonly payer: string;
  readonly product: string;
  /** "115% of Medicare (MPFS_2025); lesser of billed". */
  readonly rateBasis: string;
  readonly lineCount: number;
  readonly currentCents: number;
  readonly upliftCents: number;
  readonly denials: DenialFigures | null;
  readonly recoverable: Recoverable | null;
  readonly termEndDate: IsoDate | null;
  readonly renewalNoticeDate: IsoDate | null;
  readonly autoRenew: boolean;
}

/** The whole portfolio. */
export interface PortfolioNumbers {
  readonly contracts: readonly ContractFigures[];
  /** Claim lines read from the table. */
  readonly lineCount: number;
  /** Claim lines naming no contract of the registry: in no row. */
  readonly unmatchedLines: number;
  /** How the recoverable column was computed, or why it is empty, for the sheet's note. */
  readonly recoverableNote: string;
}

/** A contract's method and rate in words, from its latest version (the engine's method tables word it). */
export function rateBasisText(version: ContractVersion): string {
  return describeContractRates(version);
}

/**
 * What a table's lines are modeled by: a professional table's by HCPCS code; a hospital table's stays by MS-DRG
 * (each stay once, at its claim's allowed amount, so a stay is never counted twice) and its outpatient lines by
 * revenue code (which every line has), each ranked within the contract and the two summed.
 */
function modelledKinds(mapping: ClaimsMapping): readonly UpliftCodeKind[] {
  return isInstitutionalMapping(mapping) ? ["drg", "revenueCode"] : ["hcpcs"];
}

/** The lines of `lines` at `indexes`, as a model of their own. */
function subset<C extends UpliftCode>(lines: ModelLines<C>, indexes: readonly number[]): ModelLines<C> {
  const pick = <T>(values: readonly T[]) => indexes.map((i) => values[i] as T);
  return {
    ...lines,
    hcpcsCodes: pick(lines.hcpcsCodes),
    amountCents: pick(lines.amountCents),
    chargeCents: lines.chargeCents === null ? null : pick(lines.chargeCents),
    units: lines.units === null ? null : pick(lines.units),
    tableRows: pick(lines.tableRows),
    tableRowCount: lines.tableRowCount,
  };
}

/** The raw cells of the optional columns, by field, in table row order (null when not mapped). */
type RawColumns = { readonly [F in ClaimsField]?: readonly unknown[] };

async function readRawColumns(
  read: TableColumnsReader,
  request: PortfolioRequest,
  fields: readonly ClaimsField[],
): Promise<RawColumns> {
  const mapped = fields.filter((f) => request.mapping[f] !== null);
  const cells = await read(
    request.tableName,
    mapped.map((f) => request.mapping[f] as string),
  );
  const out: Record<string, readonly unknown[]> = {};
  for (const field of mapped) {
    const column = cells?.columns.get((request.mapping[field] as string).toLowerCase());
    if (column !== undefined) out[field] = column;
  }
  return out;
}

/**
 * A line's outcome as the denial engine reads it. In a claims export every row is an adjudicated line, so a blank
 * adjustment-codes cell means paid with no adjustment (FALSE), not "not yet rated" as a blank outcome means to
 * `PAYER.DENIAL_RATE` (DOMAIN.md 4.3).
 */
const outcomeOf = (cell: unknown): unknown => (isBlankCell(cell) ? false : cell);

function denialFigures(
  request: PortfolioRequest,
  contractName: string,
  rows: readonly number[],
  raw: RawColumns,
  stayRows: ReadonlySet<number>,
): Result<DenialFigures | null, PortfolioIssue> {
  // The adjustment codes, read by the engine's CARC rules; else a Denied Flag column (TRUE/FALSE).
  const codes = raw.adjustmentCodes ?? raw.deniedFlag;
  if (codes === undefined) return ok(null);
  const charges = raw.chargeAmount;
  // A contract with no line in the table is rated on none (0 of 0 lines), as its recoverable dollars are $0 of none.
  if (rows.length === 0) {
    const noCharges = charges === undefined ? null : 0;
    return ok({ deniedLines: 0, ratedLines: 0, deniedChargeCents: noCharges, ratedChargeCents: noCharges });
  }
  const outcomes = rows.map((row) => outcomeOf(codes[row - 1]));
  const count = computeDenialRate({ outcomes, basis: "count" });
  if (!count.ok) {
    const issue = count.issue;
    const at = "row" in issue ? `table ${request.tableName}, row ${rows[issue.row - 1] ?? "?"}: ` : "";
    return fail({ code: "denials", contractName, message: `${at}${denialIssueMessage(issue)}` });
  }
  const totals = raw.totalChargeAmount;
  const chargeOf = (row: number) =>
    stayRows.has(row) && totals !== undefined && !isBlankCell(totals[row - 1]) ? totals[row - 1] : charges?.[row - 1];
  const dollars =
    charges === undefined
      ? null
      : computeDenialRate({ outcomes, charges: rows.map((row) => chargeOf(row) ?? null), basis: "dollars" });
  // A blank or malformed charge leaves the dollar rate out rather than the whole summary.
  const byDollars = dollars !== null && dollars.ok ? dollars.value : null;
  return ok({
    deniedLines: count.value.deniedQuantity,
    ratedLines: count.value.ratedQuantity,
    deniedChargeCents: byDollars?.deniedChargeCents ?? null,
    ratedChargeCents: byDollars?.ratedChargeCents ?? null,
  });
}

/**
 * Computes the portfolio's figures: reads the registry and, once, every mapped column of the claims table (a few
 * requests, whatever the number of contracts), then runs the engines per contract over that one read.
 */
export async function computePortfolioNumbers(
  excel: ExcelGateway,
  request: PortfolioRequest,
): Promise<Result<PortfolioNumbers, PortfolioIssue>> {
  if (request.mapping.contractName === null) {
    return fail({ code: "contractColumnUnmapped", tableName: request.tableName });
  }
  const snapshot = await readRegistry(excel);
  const latest = [...snapshot.registry.versionsByName.values()]
    .map((versions) => versions[versions.length - 1])
    .filter((v): v is ContractVersion => v !== undefined)
    .sort((a, b) => a.payer.localeCompare(b.payer) || a.contractName.localeCompare(b.contractName));
  if (latest.length === 0) return fail({ code: "noContracts" });

  // The uplift, denial and review figures all read this table: one read of every mapped column serves them all.
  const mappedColumns = Object.values(request.mapping).filter((column): column is string => column !== null);
  const read = sharedTableRead(excel, request.tableName, mappedColumns);
  const parts: ModelLines<UpliftCode>[] = [];
  const kinds = modelledKinds(request.mapping);
  for (const codeKind of kinds) {
    const lines = await readClaimLines(excel, {
      tableName: request.tableName,
      mapping: request.mapping,
      filters: NO_FILTERS,
      capAtBilled: request.capAtBilled,
      codeKind,
      read,
    });
    if (lines.ok) parts.push(lines.value);
    // A hospital table without stays (or without outpatient claims) is modeled on the side it has.
    else if (lines.issue.code !== "noLines" || kinds.length === 1) return fail({ code: "model", issue: lines.issue });
  }
  if (parts.length === 0) {
    return fail({ code: "model", issue: { code: "noLines", tableName: request.tableName, filtered: false } });
  }
  const raw = await readRawColumns(read, request, ["contractName", "adjustmentCodes", "deniedFlag", "chargeAmount", "totalChargeAmount"]); // prettier-ignore
  // A stay is rated once, on its first line, and its charges are the claim's total (else that line's charge).
  const stayRows = new Set(parts.flatMap((lines) => (UPLIFT_CODES[lines.codeKind].unit === "stay" ? lines.tableRows : []))); // prettier-ignore
  const recoverable = await recoverableByContract(excel, request, snapshot, read);
  if (!recoverable.ok) return recoverable;
  const reviewed = "byContract" in recoverable.value ? recoverable.value : null;
  const contractCells = raw.contractName ?? [];
  const byContract = parts.map((lines) => {
    const indexes = new Map<string, number[]>();
    lines.tableRows.forEach((row, i) => {
      const key = registryKey(String(contractCells[row - 1] ?? ""));
      const group = indexes.get(key);
      if (group === undefined) indexes.set(key, [i]);
      else group.push(i);
    });
    return indexes;
  });

  const contracts: ContractFigures[] = [];
  let matched = 0;
  for (const version of latest) {
    let lineCount = 0;
    let currentCents = 0;
    let upliftCents = 0;
    const rows: number[] = [];
    for (const [p, lines] of parts.entries()) {
      const indexes = byContract[p]!.get(registryKey(version.contractName)) ?? [];
      if (indexes.length === 0) continue;
      const own = subset(lines, indexes);
      const scenario: UpliftModelScenario = request.scenario;
      const numbers = computeModelNumbers(own, [scenario]);
      if (!numbers.ok) return fail({ code: "model", issue: numbers.issue });
      lineCount += indexes.length;
      currentCents += numbers.value.currentCents;
      upliftCents += numbers.value.scenarios[0]?.result.deltaCents ?? 0;
      rows.push(...own.tableRows);
    }
    matched += lineCount;
    const denials = denialFigures(request, version.contractName, rows, raw, stayRows);
    if (!denials.ok) return denials;
    contracts.push({
      contractName: version.contractName.trim(),
      payer: version.payer,
      product: version.product,
      rateBasis: rateBasisText(version),
      lineCount,
      currentCents,
      upliftCents,
      denials: denials.value,
      recoverable:
        reviewed === null
          ? null
          : (reviewed.byContract.get(registryKey(version.contractName)) ?? {
              recoverableCents: 0,
              underpaidLines: 0,
              unpricedLines: 0,
            }),
      termEndDate: version.termEndDate,
      renewalNoticeDate: version.renewalNoticeDate,
      autoRenew: version.autoRenew,
    });
  }
  const total = parts.reduce((sum, lines) => sum + lines.hcpcsCodes.length, 0);
  return ok({
    contracts,
    lineCount: total,
    unmatchedLines: total - matched,
    recoverableNote:
      reviewed === null
        ? `not computed: ${"unavailable" in recoverable.value ? recoverable.value.unavailable : ""}`
        : `expected minus allowed over the lines the variance review flags Underpaid (beyond ${toleranceText(reviewed.tolerance)})`,
  });
}
