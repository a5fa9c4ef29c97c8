/**
 * The variance review as one command (issue 6 item 4): reads a claims or remittance table through its mapping,
 * prices every claim under the workbook's contract registry, and writes the result:
 * - five columns added to the table itself (Expected Amount, Variance Amount, Variance Percent, Variance Flag,
 *   Variance Reason) as VALUES computed by the engine, not PAYER.* formulas: they are exact to the cent by
 *   construction, cost nothing to recalculate over 100,000 lines, read the same without the add-in, and the claim-
 *   level multiple-procedure ranking (which needs all of a claim's lines at once) has no per-cell formula form. The
 *   trade-off: they are a snapshot, so the Summary says to run the review again after contracts change;
 * - conditional formatting on the flag column;
 * - a Summary sheet of native SUMIFS/COUNTIFS formulas over those columns, and a Worklist sheet of underpaid claims.
 *
 * A table whose mapping gives a type of bill is read as hospital (UB-04) claims (readInstitutionalLines.ts): its
 * stays are compared as a whole and its outpatient lines after packaging (engine: variance/institutional.ts), and its
 * Summary groups codes by MS-DRG, HCPCS and revenue code (institutionalReview.ts).
 *
 * Guarantees (ARCHITECTURE.md 5): one operation (see stageReview.ts). The user's own cells are never overwritten:
 * columns of an earlier review (known by the workbook's review record) are replaced only with `replaceExisting`, and
 * a same-named column the add-in did not write stops the review. Until the commit, the table, its sheets and the
 * settings are untouched, so a failure or a cancel leaves the workbook as it was.
 */
import {
  Decimal,
  fail,
  ok,
  registryKey,
  reviewVariances,
  summariseVariances,
  type Cents,
  type Result,
  type VarianceInputLine,
  type VarianceLine,
  type VarianceSummary,
  type VarianceTolerance,
} from "../../engine";
import { claimsMappingStep, type ClaimsMapping } from "../claims/claimsMapping";
import { findSheetNamed } from "../core/builtSheets";
import type { ExcelGateway } from "../core/excelGateway";
import { runOperation } from "../core/operation";
import { readRegistry, registryIssueMessage, type RegistrySnapshot } from "../registry";
import type { VarianceReviewIssue } from "./issues";
import { reviewInstitutionalTable } from "./institutionalReview";
import { isInstitutionalMapping, readInstitutionalLines } from "./readInstitutionalLines";
import { readReviewLines, type ReviewLines } from "./readReviewLines";
import type { ReviewTableRequest } from "./reviewTable";
import { REVIEW_COLUMN_NAMES, readReviewRecord, type VarianceReviewRecord } from "./reviewColumns";
import { layoutSummary, layoutWorklist, type CodeBlock, type SummaryAllowed } from "./reviewSheets";
import { reviewCommitSteps, stageReview } from "./stageReview";

/** What the user chose in the panel. */
export interface VarianceReviewRequest {
  readonly tableName: string;
  readonly mapping: ClaimsMapping;
  /** Payer (any case) -> contract name, for lines whose table has no contract column, or a blank one. */
  readonly payerContracts: Readonly<Record<string, string>>;
  /** Dollars (1 = $1.00), a fraction (0.01 = 1%), and whether a line must exceed both or either. */
  readonly tolerance: { readonly amount: number; readonly fraction: number; readonly rule: "both" | "either" };
  /** The user confirmed replacing the columns of an earlier review. */
  readonly replaceExisting: boolean;
}

/** A finished review. */
export interface VarianceReviewResult {
  readonly tableName: string;
  readonly summarySheet: string;
  readonly worklistSheet: string;
  /** Lines reviewed (rows with a code or an amount). */
  readonly lineCount: number;
  /** The review of each table row, in order; null for an empty row. */
  readonly lines: readonly (VarianceLine | null)[];
  readonly summary: VarianceSummary;
  /** Whether the columns of an earlier review were replaced. */
  readonly replaced: boolean;
}

/** Progress and cancel of the write, chunk size, and the clock for the "reviewed on" stamp. */
export interface VarianceReviewOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void;
  /** Table rows written per request at most; default 5,000 (five columns: well under Excel on the web's 5 MB). */
  readonly maxRowsPerRequest?: number;
  readonly now?: () => Date;
}

/** The names of the review's sheets for a table (within Excel's 31 characters). */
export function reviewSheetNames(tableName: string): { readonly summary: string; readonly worklist: string } {
  const base = tableName.slice(0, 21);
  return { summary: `${base} Variance`, worklist: `${base} Worklist` };
}

function toTolerance(request: VarianceReviewRequest["tolerance"]): Result<VarianceTolerance, VarianceReviewIssue> {
  if (!Number.isFinite(request.amount) || request.amount < 0)
    return fail({ code: "toleranceInvalid", detail: "the dollar tolerance must be 0 or more, like 1.00." });
  if (!Number.isFinite(request.fraction) || request.fraction < 0)
    return fail({ code: "toleranceInvalid", detail: "the percent tolerance must be 0 or more, like 1%." });
  return ok({
    amount: new Decimal(String(request.amount)).times(100).toDecimalPlaces(0).toNumber() as Cents,
    fraction: new Decimal(String(request.fraction)),
    rule: request.rule,
  });
}

/** Runs the review; see the module comment. Expected failures are values, Office errors included. */
export async function runVarianceReview(
  excel: ExcelGateway,
  request: VarianceReviewRequest,
  options: VarianceReviewOptions = {},
): Promise<Result<VarianceReviewResult, VarianceReviewIssue>> {
  const tolerance = toTolerance(request.tolerance);
  if (!tolerance.ok) return tolerance;
  const { tableName } = request;
  return runOperation(
    excel,
    { what: `the variance review of table ${tableName}`, signal: options.signal, onProgress: options.onProgress },
    async (op) => {
      const record = await readReviewRecord(op.excel, tableName);
      const read = await readTableForReview(op.excel, request);
      if (!read.ok) return read;
      const lower = (s: string) => s.toLowerCase();
      const ours = new Set(record.columns.map(lower));
      const existing = REVIEW_COLUMN_NAMES.filter((name) => read.value.headers.some((h) => lower(h) === lower(name)));
      const foreign = existing.find((name) => !ours.has(lower(name)));
      if (foreign !== undefined) return fail({ code: "columnTaken", tableName, column: foreign });
      if (existing.length > 0 && !request.replaceExisting)
        return fail({ code: "confirmReplace", tableName, columns: existing });
      const sheets = await planSheets(op.excel, tableName, record);
      if (!sheets.ok) return sheets;

      const snapshot = await readRegistry(op.excel);
      const { lines, lineCount, summary, allowed, codeBlocks, uncountedReasonPrefix } = read.value.review(
        snapshot,
        tolerance.value,
      );
      op.checkCancelled();

      const mapping = request.mapping;
      const asOf = (options.now?.() ?? new Date()).toISOString().slice(0, 10);
      const summaryLayout = layoutSummary(
        {
          tableName,
          payerColumn: mapping.payer ?? mapping.contractName ?? "Payer",
          codeColumn: mapping.hcpcsCode ?? "HCPCS Code",
          chargeColumn: mapping.chargeAmount,
          allowed,
          tolerance: tolerance.value,
          asOf,
          ...(codeBlocks === undefined ? {} : { codeBlocks }),
          ...(uncountedReasonPrefix === undefined ? {} : { uncountedReasonPrefix }),
        },
        summary,
      );
      const worklistLayout = layoutWorklist(tableName, asOf, summary);
      const staged = await stageReview(op, lines, summaryLayout, worklistLayout, options.maxRowsPerRequest ?? 5_000);
      const steps = reviewCommitSteps(staged, {
        tableName,
        headers: read.value.headers,
        firstColumn: read.value.firstColumn,
        firstRow: read.value.firstRow,
        lineCount: lines.length,
        summaryLayout,
        names: sheets.value.final,
        replacing: sheets.value.replacing,
        record: { ...record, payerContracts: { ...request.payerContracts }, tolerance: request.tolerance },
        extra: [claimsMappingStep(tableName, mapping)],
      });
      return ok({
        output: {
          tableName,
          summarySheet: sheets.value.final.summary,
          worklistSheet: sheets.value.final.worklist,
          lineCount,
          lines,
          summary,
          replaced: existing.length > 0,
        },
        steps,
      });
    },
  );
}

/** A table's lines reviewed: each row's review (null: an empty row), the summary, and how the Summary reads them. */
export interface TableReview {
  readonly lines: readonly (VarianceLine | null)[];
  /** Lines reviewed (rows with a code or an amount). */
  readonly lineCount: number;
  readonly summary: VarianceSummary;
  readonly allowed: SummaryAllowed;
  /** The Summary's blocks by code; absent: one block by HCPCS code. */
  readonly codeBlocks?: readonly CodeBlock[];
  /** See `SummaryContext.uncountedReasonPrefix`. */
  readonly uncountedReasonPrefix?: string;
}

/** A table as read for the review: where it is, and how its lines are reviewed once the registry is read. */
export interface TableRead {
  readonly headers: readonly string[];
  readonly firstColumn: number;
  readonly firstRow: number;
  readonly review: (snapshot: RegistrySnapshot, tolerance: VarianceTolerance) => TableReview;
}

/**
 * Reads the table as hospital claims when its mapping gives a type of bill (`isInstitutionalMapping`), else as
 * professional claims or remittances. The Contract Performance sheet reviews it again under the rates before a
 * signing (performance/pricesBeforeSigning.ts).
 */
export async function readTableForReview(
  excel: ExcelGateway,
  request: ReviewTableRequest,
): Promise<Result<TableRead, VarianceReviewIssue>> {
  const { mapping } = request;
  if (isInstitutionalMapping(mapping)) {
    const read = await readInstitutionalLines(excel, request);
    if (!read.ok) return read;
    return ok({
      ...read.value,
      review: (snapshot, tolerance) => {
        const reviewed = reviewInstitutionalTable(read.value, mapping, snapshot, tolerance);
        return { ...reviewed, lineCount: reviewed.inputs.length };
      },
    });
  }
  const read = await readReviewLines(excel, { ...request, extraColumns: [] });
  if (!read.ok) return read;
  return ok({
    ...read.value,
    review: (snapshot, tolerance) => reviewProfessionalTable(read.value, mapping, snapshot, tolerance),
  });
}

/** Reviews the lines of a professional claims or remittance table (issue 6 item 4). */
function reviewProfessionalTable(
  read: ReviewLines,
  mapping: ClaimsMapping,
  snapshot: RegistrySnapshot,
  tolerance: VarianceTolerance,
): TableReview {
  const inputs: VarianceInputLine[] = [];
  for (const line of read.lines) {
    if (line !== null) inputs.push(distrustProblemContract(line, snapshot));
  }
  const reviewed = reviewVariances(snapshot.registry, inputs, tolerance);
  const summary = summariseVariances(inputs, reviewed);
  let k = 0;
  const lines = read.lines.map((line) => (line === null ? null : reviewed[k++]!));
  const allowed: SummaryAllowed =
    mapping.allowedAmount !== null
      ? { kind: "allowed", column: mapping.allowedAmount }
      : mapping.paidAmount !== null
        ? { kind: "paid", paidColumn: mapping.paidAmount, patientColumn: mapping.patientResponsibilityAmount }
        : { kind: "allowed", column: mapping.amount ?? "" };
  return { lines, lineCount: inputs.length, summary, allowed };
}

/**
 * A line priced under a contract whose registry rows have problems, turned into a line with no expected amount (the
 * first problem says why): a figure from a half-broken contract would be trusted. The variance review and the
 * portfolio summary's recoverable dollars both review lines through this, so they state the same dollars.
 */
export function distrustProblemContract(line: VarianceInputLine, snapshot: RegistrySnapshot): VarianceInputLine {
  if (!line.pricing.ok) return line;
  const contract = line.pricing.value.contractName;
  const problems = snapshot.issuesByContract.get(registryKey(contract));
  if (problems === undefined || problems.length === 0) return line;
  return {
    ...line,
    pricing: fail({
      code: "varianceContractUnreliable",
      contractName: contract,
      message: registryIssueMessage(problems[0]!),
    }),
  };
}

interface SheetPlan {
  readonly final: { readonly summary: string; readonly worklist: string };
  /** The earlier review's sheets that this one replaces. */
  readonly replacing: readonly { readonly id: string; readonly name: string }[];
}

/** Decides the sheets' names: new, or replacing the earlier review's (by id); a user's sheet of the name stops it. */
async function planSheets(
  excel: ExcelGateway,
  tableName: string,
  record: VarianceReviewRecord,
): Promise<Result<SheetPlan, VarianceReviewIssue>> {
  const final = reviewSheetNames(tableName);
  const sheets = await excel.run(async (context) => {
    const worksheets = context.workbook.worksheets.load("items/name,items/id");
    await context.sync();
    return worksheets.items.map((s) => ({ name: s.name, id: s.id }));
  });
  const replacing: { id: string; name: string }[] = [];
  for (const [kind, recorded] of [
    ["summary", record.summarySheetId],
    ["worklist", record.worklistSheetId],
  ] as const) {
    const found = findSheetNamed(sheets, final[kind]);
    if (found === null) continue;
    if (found.id !== recorded) return fail({ code: "sheetTaken", sheetName: found.name });
    replacing.push(found);
  }
  return ok({ final, replacing });
}
