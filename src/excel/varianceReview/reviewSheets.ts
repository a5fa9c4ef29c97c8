/**
 * The two sheets a variance review writes for people: the Summary, by payer and by code, whose every number is a
 * native SUMIFS/COUNTIFS formula over the reviewed table (so it reads without the add-in and follows edits of the
 * table), and the Worklist of underpaid claims sorted by recoverable dollars, as of the review. Their tables are
 * declared once as named column maps (reviewSheetColumns.ts) and every formula names its columns.
 */
import { DENIAL_CATEGORY_LABELS } from "../../engine";
import { centsToDollars, formatCents, percentText, type Cents } from "../../engine";
import { deniedReasonPrefix, type VarianceFlag, type VarianceSummary, type VarianceTolerance } from "../../engine";
import { placeColumns, type ColumnMap } from "../core/columnLetters";
import type { AllowedSource } from "./reviewTable";
import { REVIEW_COLUMNS } from "./reviewColumns";
import {
  DENIAL_CATEGORY_COLUMNS,
  summaryColumns,
  WORKLIST_COLUMNS,
  type SummaryKey,
  type WorklistKey,
} from "./reviewSheetColumns";

/** A cell of a laid-out sheet: a value, a formula ("=..."), or empty. */
export type SheetCell = string | number | null;

/** How a row looks. */
export type RowStyle = "title" | "note" | "heading" | "header" | "body" | "total";

/** A laid-out sheet: rows from A1, the style of each row, a number format per column. */
export interface SheetLayout {
  readonly rows: readonly (readonly SheetCell[])[];
  readonly styles: readonly RowStyle[];
  readonly columnFormats: readonly string[];
  readonly columnWidths: readonly number[];
}

/** Where the Summary's allowed amounts are: a table column, or the review's columns (see `SummaryContext`). */
export type SummaryAllowed = AllowedSource | { readonly kind: "reviewed" };

/** Where the summary's formulas read from. */
export interface SummaryContext {
  readonly tableName: string;
  /** The column the "by payer" block keys on: Payer, else Contract. */
  readonly payerColumn: string;
  readonly codeColumn: string;
  readonly chargeColumn: string | null;
  /**
   * Where the compared allowed amount is, or "reviewed": expected + variance, the review's own columns (a hospital
   * table, whose stays are compared with a claim-level amount its line columns do not hold).
   */
  readonly allowed: SummaryAllowed;
  readonly tolerance: VarianceTolerance;
  readonly asOf: string;
  /** The blocks by code; absent: one "By code" block keyed on `codeColumn` (a professional table). */
  readonly codeBlocks?: readonly CodeBlock[];
  /**
   * Lines whose Reason starts so are left out of the counts and the denial rate by count, their charges still summed:
   * a hospital stay's later lines, the stay counted once on its first (DOMAIN.md 4.1: the denial rate counts claims).
   */
  readonly uncountedReasonPrefix?: string;
}

/**
 * A block of the Summary by code of one kind (a hospital table's stays by MS-DRG, outpatient lines by HCPCS or
 * revenue code): its rows keyed on `keyColumn`, over the table rows whose `blankColumns` are blank (an outpatient line
 * has no MS-DRG), so that no row is counted in two blocks.
 */
export interface CodeBlock {
  readonly heading: string;
  readonly keyHeader: string;
  readonly keyColumn: string;
  readonly keys: readonly string[];
  readonly blankColumns: readonly string[];
}

/** The Summary's column headers after the grouping column. */
export const SUMMARY_HEADERS: readonly string[] = summaryColumns("")
  .filter((column) => column.key !== "key")
  .map((column) => column.header ?? "");

/** A structured reference to a table column, escaping the characters Excel escapes with an apostrophe. */
export function columnRef(tableName: string, column: string): string {
  return `${tableName}[${column.replace(/(['#[\]])/g, "'$1")}]`;
}

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

const REVERSED = "Reversed" satisfies VarianceFlag;

/** A sheet's rows padded to the width of its columns, with their styles and the columns' formats and widths. */
function sheetLayout<K extends string>(rows: SheetCell[][], styles: RowStyle[], columns: ColumnMap<K>): SheetLayout {
  return {
    rows: rows.map((row) => [...row, ...Array<SheetCell>(columns.end - row.length).fill(null)]),
    styles,
    columnFormats: columns.numberFormats(),
    columnWidths: columns.widths(),
  };
}

/** A column's total over `first`..`last` (1-based rows); 0 when the block has no rows. */
function columnSum<K extends string>(columns: ColumnMap<K>, key: K, first: number, last: number): string | number {
  return last < first ? 0 : `=SUM(${columns.range(key, first, last)})`;
}

function summaryBlock(
  context: SummaryContext,
  keyHeader: string,
  keyColumn: string,
  keys: readonly string[],
  firstRow: number,
  blankColumns: readonly string[] | null = null,
): { rows: SheetCell[][]; styles: RowStyle[] } {
  const columns = placeColumns(summaryColumns(keyHeader));
  const t = (column: string) => columnRef(context.tableName, column);
  const flag = t(REVIEW_COLUMNS.flag.name);
  const variance = t(REVIEW_COLUMNS.variance.name);
  const expected = t(REVIEW_COLUMNS.expected.name);
  const charge = context.chargeColumn === null ? null : t(context.chargeColumn);
  // A block over part of the table: every criterion also asks for its blank columns, and its total for its key.
  const only = (blankColumns ?? []).map((column) => `,${t(column)},""`).join("");
  const prefix = context.uncountedReasonPrefix;
  const counted = prefix === undefined ? "" : `,${t(REVIEW_COLUMNS.reason.name)},${quoted(`<>${prefix}*`)}`;
  const key = t(keyColumn);
  const rows: SheetCell[][] = [columns.headers()];
  const styles: RowStyle[] = ["header"];
  // Reversal lines are not rated (DOMAIN.md 4.3): both denial rates leave them out, as PAYER.DENIAL_RATE does.
  const notReversed = quoted(`<>${REVERSED}`);
  const rateOfRated = (at: (column: SummaryKey) => string) =>
    `=IF(${at("lines")}-${at("reversedLines")}=0,"",${at("deniedLines")}/(${at("lines")}-${at("reversedLines")}))`;
  const sumIfs = (column: string, k: string, extra = "") => `SUMIFS(${t(column)},${key},${k}${only}${extra})`;
  const compared = `,${variance},"<>"`;
  // Each source's sum of the compared allowed amounts of key `k` (`at`: a cell of the block's row).
  type At = (column: SummaryKey) => string;
  const allowedSums: {
    readonly [K in SummaryAllowed["kind"]]: (s: Extract<SummaryAllowed, { kind: K }>, k: string, at: At) => string;
  } = {
    allowed: (s, k) => sumIfs(s.column, k, compared),
    paid: (s, k) =>
      s.patientColumn === null
        ? sumIfs(s.paidColumn, k, compared)
        : `${sumIfs(s.paidColumn, k, compared)}+${sumIfs(s.patientColumn, k, compared)}`,
    reviewed: (_, _k, at) => `${at("expected")}+${at("variance")}`,
  };
  const allowedSum = (k: string, at: At) =>
    (allowedSums[context.allowed.kind] as (s: SummaryAllowed, k: string, at: At) => string)(context.allowed, k, at);
  keys.forEach((value, i) => {
    const r = firstRow + 1 + i;
    const at = (column: SummaryKey) => columns.cell(r, column);
    const k = columns.cell(r, "key", "column");
    const count = (f: VarianceFlag) => `=COUNTIFS(${key},${k}${only}${counted},${flag},${quoted(f)})`;
    rows.push(
      columns.row<SheetCell>({
        key: value,
        lines: `=COUNTIFS(${key},${k}${only}${counted})`,
        expected: `=SUMIFS(${expected},${key},${k}${only},${variance},"<>")`,
        allowed: `=${allowedSum(k, at)}`,
        variance: `=SUMIFS(${variance},${key},${k}${only})`,
        underpaidLines: count("Underpaid"),
        recoverable: `=-SUMIFS(${variance},${key},${k}${only},${flag},"Underpaid")`,
        overpaidLines: count("Overpaid"),
        deniedLines: count("Denied"),
        denialRateCount: rateOfRated(at),
        deniedCharges: charge === null ? null : `=SUMIFS(${charge},${key},${k}${only},${flag},"Denied")`,
        denialRateDollars:
          charge === null
            ? null
            : `=IFERROR(${at("deniedCharges")}/SUMIFS(${charge},${key},${k}${only},${flag},${notReversed}),"")`,
        noContractRateLines: count("No contract rate"),
        reversedLines: count(REVERSED),
      }),
    );
    styles.push("body");
  });
  const first = firstRow + 1;
  const last = firstRow + keys.length;
  const total = firstRow + keys.length + 1;
  const sum = (column: SummaryKey) => columnSum(columns, column, first, last);
  const atTotal = (column: SummaryKey) => columns.cell(total, column);
  rows.push(
    columns.row<SheetCell>({
      key: "Total",
      lines: sum("lines"),
      expected: sum("expected"),
      allowed: sum("allowed"),
      variance: sum("variance"),
      underpaidLines: sum("underpaidLines"),
      recoverable: sum("recoverable"),
      overpaidLines: sum("overpaidLines"),
      deniedLines: sum("deniedLines"),
      denialRateCount: rateOfRated(atTotal),
      deniedCharges: charge === null ? null : sum("deniedCharges"),
      denialRateDollars:
        charge === null
          ? null
          : `=IFERROR(${atTotal("deniedCharges")}/SUMIFS(${charge},${blankColumns === null ? "" : `${key},"<>"${only},`}${flag},${notReversed}),"")`,
      noContractRateLines: sum("noContractRateLines"),
      reversedLines: sum("reversedLines"),
    }),
  );
  styles.push("total");
  return { rows, styles };
}

/** Row numbers (1-based) of the summary's blocks, for tests and the panel. */
export interface SummaryRows {
  readonly payerTotal: number;
  /** The total row of the first block by code. */
  readonly codeTotal: number;
}

/**
 * The Summary sheet: a title and how to read it, the block by payer, the block by code, and the top denial
 * categories (counted over the Variance Reason, which starts with the category: "Denied (Medical necessity): CO-50").
 */
export function layoutSummary(context: SummaryContext, summary: VarianceSummary): SheetLayout & SummaryRows {
  const tol = context.tolerance;
  const percent = percentText(tol.fraction);
  const rows: SheetCell[][] = [
    [`Variance review of table ${context.tableName}`],
    [
      `Reviewed ${context.asOf}. Tolerance: $${formatCents(tol.amount)} ${tol.rule === "both" ? "and" : "or"} ${percent} of the expected amount. ` +
        `Every number below is a formula over the table's ${REVIEW_COLUMNS.expected.name}, ${REVIEW_COLUMNS.variance.name} and ${REVIEW_COLUMNS.flag.name} columns; run the review again after contracts change.`,
    ],
    [],
    [`By ${context.payerColumn.toLowerCase()}`],
  ];
  const styles: RowStyle[] = ["title", "note", "body", "heading"];
  const payers = summaryBlock(
    context,
    context.payerColumn,
    context.payerColumn,
    summary.byPayer.map((p) => p.payer),
    rows.length + 1,
  );
  rows.push(...payers.rows);
  styles.push(...payers.styles);
  const payerTotal = rows.length;
  const codeBlocks = context.codeBlocks ?? [
    {
      heading: "By code",
      keyHeader: "HCPCS Code",
      keyColumn: context.codeColumn,
      keys: summary.byCode.map((c) => c.hcpcsCode),
      blankColumns: null,
    },
  ];
  let codeTotal = 0;
  for (const block of codeBlocks) {
    rows.push([], [block.heading]);
    styles.push("body", "heading");
    const codes = summaryBlock(
      context,
      block.keyHeader,
      block.keyColumn,
      block.keys,
      rows.length + 1,
      block.blankColumns,
    );
    rows.push(...codes.rows);
    styles.push(...codes.styles);
    codeTotal ||= rows.length;
  }
  const categories = placeColumns(DENIAL_CATEGORY_COLUMNS);
  rows.push([], ["Top denial categories"], categories.headers());
  styles.push("body", "heading", "header");
  const flag = columnRef(context.tableName, REVIEW_COLUMNS.flag.name);
  const reason = columnRef(context.tableName, REVIEW_COLUMNS.reason.name);
  // The Summary's columns are its blocks' (the widest table); the categories' share is of the payer total's denials.
  const sheetColumns = placeColumns(summaryColumns(context.payerColumn));
  const deniedInTotal = sheetColumns.cell(payerTotal, "deniedLines");
  for (const { category } of summary.total.topDenialCategories) {
    const r = rows.length + 1;
    rows.push(
      categories.row<SheetCell>({
        category: DENIAL_CATEGORY_LABELS[category],
        deniedLines: `=COUNTIFS(${flag},"Denied",${reason},${quoted(`${deniedReasonPrefix(category)}*`)})`,
        share: `=IF(${deniedInTotal}=0,"",${categories.cell(r, "deniedLines")}/${deniedInTotal})`,
      }),
    );
    styles.push("body");
  }
  return { ...sheetLayout(rows, styles, sheetColumns), payerTotal, codeTotal };
}

/** The Worklist's column headers. */
export const WORKLIST_HEADERS: readonly string[] = WORKLIST_COLUMNS.map((column) => column.header);

/** Row (1-based) of the worklist's header; claims follow it. */
export const WORKLIST_HEADER_ROW = 4;

/** The Worklist sheet: underpaid claims by recoverable dollars, then a total row. */
export function layoutWorklist(tableName: string, asOf: string, summary: VarianceSummary): SheetLayout {
  const columns = placeColumns(WORKLIST_COLUMNS);
  const dollars = (cents: Cents) => centsToDollars(cents);
  const rows: SheetCell[][] = [
    [`Underpaid claims in table ${tableName}`],
    [
      `As of the review on ${asOf}, largest recoverable first. A claim's expected and allowed cover its lines that were compared (not denied, with a contract rate).`,
    ],
    [],
    columns.headers(),
  ];
  const styles: RowStyle[] = ["title", "note", "body", "header"];
  for (const claim of summary.worklist) {
    rows.push(
      columns.row<SheetCell>({
        claimId: claim.claimId ?? claim.claimKey,
        payer: claim.payer,
        serviceDate: claim.serviceDate,
        lines: claim.lines,
        underpaidLines: claim.underpaidLines,
        underpaidCodes: claim.underpaidCodes,
        flags: claim.flags,
        expected: dollars(claim.expectedAmount),
        allowed: dollars(claim.allowedAmount),
        recoverable: dollars(claim.recoverableAmount),
        reason: claim.reason,
      }),
    );
    styles.push("body");
  }
  const first = WORKLIST_HEADER_ROW + 1;
  const last = WORKLIST_HEADER_ROW + summary.worklist.length;
  const sum = (column: WorklistKey) => columnSum(columns, column, first, last);
  rows.push(
    columns.row<SheetCell>({
      claimId: `${summary.worklist.length} claims`,
      payer: null,
      serviceDate: null,
      lines: sum("lines"),
      underpaidLines: sum("underpaidLines"),
      underpaidCodes: null,
      flags: null,
      expected: sum("expected"),
      allowed: sum("allowed"),
      recoverable: sum("recoverable"),
      reason: null,
    }),
  );
  styles.push("total");
  return sheetLayout(rows, styles, columns);
}
