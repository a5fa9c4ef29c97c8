/**
 * The two sheets a variance review writes for people: the Summary, by payer and by code, whose every number is a
 * native SUMIFS/COUNTIFS formula over the reviewed table (so it reads without the add-in and follows edits of the
 * table), and the Worklist of underpaid claims sorted by recoverable dollars, as of the review.
 */
import { DENIAL_CATEGORY_LABELS } from "../../engine";
import { centsToDollars, formatCents, type Cents } from "../../engine";
import { deniedReasonPrefix, type VarianceSummary, type VarianceTolerance } from "../../engine";
import type { AllowedSource } from "./readReviewLines";
import { REVIEW_COLUMNS } from "./reviewColumns";

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

const MONEY = "$#,##0.00";
const PERCENT = "0.0%";
const COUNT = "#,##0";

/** Where the summary's formulas read from. */
export interface SummaryContext {
  readonly tableName: string;
  /** The column the "by payer" block keys on: Payer, else Contract. */
  readonly payerColumn: string;
  readonly codeColumn: string;
  readonly chargeColumn: string | null;
  readonly allowed: AllowedSource;
  readonly tolerance: VarianceTolerance;
  readonly asOf: string;
}

/** The Summary's column headers. */
export const SUMMARY_HEADERS = [
  "Lines",
  "Expected",
  "Allowed",
  "Variance",
  "Underpaid Lines",
  "Recoverable",
  "Overpaid Lines",
  "Denied Lines",
  "Denial Rate (Count)",
  "Denied Charges",
  "Denial Rate (Dollars)",
  "No Contract Rate Lines",
] as const;

const SUMMARY_FORMATS = ["@", COUNT, MONEY, MONEY, MONEY, COUNT, MONEY, COUNT, COUNT, PERCENT, MONEY, PERCENT, COUNT];

/** A structured reference to a table column, escaping the characters Excel escapes with an apostrophe. */
export function columnRef(tableName: string, column: string): string {
  return `${tableName}[${column.replace(/(['#[\]])/g, "'$1")}]`;
}

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
const letter = (index: number) => String.fromCharCode(65 + index);

function summaryBlock(
  context: SummaryContext,
  keyHeader: string,
  keyColumn: string,
  keys: readonly string[],
  firstRow: number,
): { rows: SheetCell[][]; styles: RowStyle[] } {
  const t = (column: string) => columnRef(context.tableName, column);
  const flag = t(REVIEW_COLUMNS.flag.name);
  const variance = t(REVIEW_COLUMNS.variance.name);
  const expected = t(REVIEW_COLUMNS.expected.name);
  const key = t(keyColumn);
  const rows: SheetCell[][] = [[keyHeader, ...SUMMARY_HEADERS]];
  const styles: RowStyle[] = ["header"];
  const sumIfs = (column: string, k: string, extra = "") => `SUMIFS(${t(column)},${key},${k}${extra})`;
  const allowedSum = (k: string) => {
    const compared = `,${variance},"<>"`;
    if (context.allowed.kind === "allowed") return sumIfs(context.allowed.column, k, compared);
    const paid = sumIfs(context.allowed.paidColumn, k, compared);
    return context.allowed.patientColumn === null
      ? paid
      : `${paid}+${sumIfs(context.allowed.patientColumn, k, compared)}`;
  };
  keys.forEach((value, i) => {
    const r = firstRow + 1 + i;
    const k = `$A${r}`;
    const count = (f: string) => `=COUNTIFS(${key},${k},${flag},${quoted(f)})`;
    rows.push([
      value,
      `=COUNTIFS(${key},${k})`,
      `=SUMIFS(${expected},${key},${k},${variance},"<>")`,
      `=${allowedSum(k)}`,
      `=SUMIFS(${variance},${key},${k})`,
      count("Underpaid"),
      `=-SUMIFS(${variance},${key},${k},${flag},"Underpaid")`,
      count("Overpaid"),
      count("Denied"),
      `=IF(B${r}=0,"",I${r}/B${r})`,
      context.chargeColumn === null ? null : `=SUMIFS(${t(context.chargeColumn)},${key},${k},${flag},"Denied")`,
      context.chargeColumn === null ? null : `=IFERROR(K${r}/SUMIFS(${t(context.chargeColumn)},${key},${k}),"")`,
      count("No contract rate"),
    ]);
    styles.push("body");
  });
  const first = firstRow + 1;
  const last = firstRow + keys.length;
  const total = firstRow + keys.length + 1;
  const sum = (c: number) => (keys.length === 0 ? 0 : `=SUM(${letter(c)}${first}:${letter(c)}${last})`);
  rows.push([
    "Total",
    sum(1),
    sum(2),
    sum(3),
    sum(4),
    sum(5),
    sum(6),
    sum(7),
    sum(8),
    `=IF(B${total}=0,"",I${total}/B${total})`,
    context.chargeColumn === null ? null : sum(10),
    context.chargeColumn === null ? null : `=IFERROR(K${total}/SUM(${t(context.chargeColumn)}),"")`,
    sum(12),
  ]);
  styles.push("total");
  return { rows, styles };
}

/** Row numbers (1-based) of the summary's blocks, for tests and the panel. */
export interface SummaryRows {
  readonly payerTotal: number;
  readonly codeTotal: number;
}

/**
 * The Summary sheet: a title and how to read it, the block by payer, the block by code, and the top denial
 * categories (counted over the Variance Reason, which starts with the category: "Denied (Medical necessity): CO-50").
 */
export function layoutSummary(context: SummaryContext, summary: VarianceSummary): SheetLayout & SummaryRows {
  const tol = context.tolerance;
  const percent = tol.fraction.times(100).toString();
  const rows: SheetCell[][] = [
    [`Variance review of table ${context.tableName}`],
    [
      `Reviewed ${context.asOf}. Tolerance: $${formatCents(tol.amount)} ${tol.rule === "both" ? "and" : "or"} ${percent}% of the expected amount. ` +
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
  rows.push([], ["By code"]);
  styles.push("body", "heading");
  const codes = summaryBlock(
    context,
    "HCPCS Code",
    context.codeColumn,
    summary.byCode.map((c) => c.hcpcsCode),
    rows.length + 1,
  );
  rows.push(...codes.rows);
  styles.push(...codes.styles);
  const codeTotal = rows.length;
  rows.push([], ["Top denial categories"], ["Denial Category", "Denied Lines", "Share of Denied Lines"]);
  styles.push("body", "heading", "header");
  const flag = columnRef(context.tableName, REVIEW_COLUMNS.flag.name);
  const reason = columnRef(context.tableName, REVIEW_COLUMNS.reason.name);
  for (const { category } of summary.total.topDenialCategories) {
    const r = rows.length + 1;
    rows.push([
      DENIAL_CATEGORY_LABELS[category],
      `=COUNTIFS(${flag},"Denied",${reason},${quoted(`${deniedReasonPrefix(category)}*`)})`,
      `=IF(I${payerTotal}=0,"",B${r}/I${payerTotal})`,
    ]);
    styles.push("body");
  }
  const width = SUMMARY_HEADERS.length + 1;
  return {
    rows: rows.map((row) => [...row, ...Array<SheetCell>(width - row.length).fill(null)]),
    styles,
    columnFormats: SUMMARY_FORMATS,
    columnWidths: [150, ...SUMMARY_HEADERS.map(() => 90)],
    payerTotal,
    codeTotal,
  };
}

/** The Worklist's column headers. */
export const WORKLIST_HEADERS = [
  "Claim ID",
  "Payer",
  "Service Date",
  "Lines",
  "Underpaid Lines",
  "Expected",
  "Allowed",
  "Recoverable",
] as const;

/** Row (1-based) of the worklist's header; claims follow it. */
export const WORKLIST_HEADER_ROW = 4;

/** The Worklist sheet: underpaid claims by recoverable dollars, then a total row. */
export function layoutWorklist(tableName: string, asOf: string, summary: VarianceSummary): SheetLayout {
  const dollars = (cents: Cents) => centsToDollars(cents);
  const rows: SheetCell[][] = [
    [`Underpaid claims in table ${tableName}`],
    [
      `As of the review on ${asOf}, largest recoverable first. A claim's expected and allowed cover its lines that were compared (not denied, with a contract rate).`,
    ],
    [],
    [...WORKLIST_HEADERS],
  ];
  const styles: RowStyle[] = ["title", "note", "body", "header"];
  for (const claim of summary.worklist) {
    rows.push([
      claim.claimId ?? claim.claimKey,
      claim.payer,
      claim.serviceDate,
      claim.lines,
      claim.underpaidLines,
      dollars(claim.expectedAmount),
      dollars(claim.allowedAmount),
      dollars(claim.recoverableAmount),
    ]);
    styles.push("body");
  }
  const first = WORKLIST_HEADER_ROW + 1;
  const last = WORKLIST_HEADER_ROW + summary.worklist.length;
  const sum = (c: number) => (summary.worklist.length === 0 ? 0 : `=SUM(${letter(c)}${first}:${letter(c)}${last})`);
  rows.push([`${summary.worklist.length} claims`, null, null, sum(3), sum(4), sum(5), sum(6), sum(7)]);
  styles.push("total");
  const width = WORKLIST_HEADERS.length;
  return {
    rows: rows.map((row) => [...row, ...Array<SheetCell>(width - row.length).fill(null)]),
    styles,
    columnFormats: ["@", "@", "@", COUNT, COUNT, MONEY, MONEY, MONEY],
    columnWidths: [110, 150, 90, 60, 90, 90, 90, 90],
  };
}
