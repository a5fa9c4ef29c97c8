import { catalogue, fieldOf, type EntriesByCode } from "../catalogue";
import type { ExcelErrorKind, IssueEntry } from "../issues";

/** An amount argument of payment accuracy, by the function's parameter name. */
export type AccuracyAmountArgument = "expected" | "allowed";
/** A date argument of days to pay, by the function's parameter name. */
export type DaysDateArgument = "submitted_dates" | "paid_dates";

/**
 * Expected failures of the contract performance KPIs (payment accuracy, days to pay), as values. Rows are 1-based
 * positions in the argument's range; argument names are the functions' (`expected`, `paid_dates`...), so the task
 * pane and the PAYER functions say the same thing.
 */
export type KpiIssue =
  | {
      readonly code: "lengthMismatch";
      readonly argument: string;
      readonly rows: number;
      readonly other: string;
      readonly otherRows: number;
    }
  | {
      readonly code: "amountNotANumber";
      readonly argument: AccuracyAmountArgument;
      readonly row: number;
      readonly value: string;
    }
  | { readonly code: "accuracyOutcomeUnknown"; readonly row: number; readonly value: string }
  | {
      readonly code: "toleranceNegative";
      readonly argument: "tolerance_dollars" | "tolerance_percent";
      readonly value: number;
    }
  | {
      readonly code: "noLinesToMeasure";
      readonly rows: number;
      readonly blankRows: number;
      readonly leftOutRows: number;
    }
  | {
      readonly code: "dateMalformed";
      readonly argument: DaysDateArgument;
      readonly row: number;
      readonly value: string;
    }
  | { readonly code: "submittedDateMissing"; readonly row: number }
  | { readonly code: "paidBeforeSubmitted"; readonly row: number; readonly submitted: string; readonly paid: string }
  | { readonly code: "claimIdMissing"; readonly row: number }
  | { readonly code: "basisUnknown"; readonly value: string }
  | { readonly code: "nothingPaid"; readonly rows: number; readonly unpaidRows: number };

const EXPECTED_ACCURACY_OUTCOME =
  "expected an Outcome of the remittance table (Paid, Partial, Denied, Reversed), pending, or TRUE/FALSE (a denied flag)";

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** One entry per issue: the Excel error it becomes and the message, written for a finance user. */
export const KPI_ISSUE_CATALOGUE: EntriesByCode<KpiIssue, IssueEntry> = {
  lengthMismatch: {
    excelError: "#VALUE!",
    message: (i) =>
      `${i.argument} has ${i.rows} rows but ${i.other} has ${i.otherRows}; give ranges of the same rows, one per claim line.`,
  },
  amountNotANumber: {
    excelError: "#VALUE!",
    message: (i) =>
      `${i.argument} row ${i.row}: '${i.value}' is not an amount; expected a number of dollars like 125.50, or a blank cell.`,
  },
  accuracyOutcomeUnknown: {
    excelError: "#VALUE!",
    message: (i) => `outcomes row ${i.row}: '${i.value}' is not an outcome; ${EXPECTED_ACCURACY_OUTCOME}.`,
  },
  toleranceNegative: {
    excelError: "#VALUE!",
    message: (i) => `${i.argument}: ${i.value} is negative; a tolerance is 0 or more.`,
  },
  noLinesToMeasure: {
    excelError: "#DIV/0!",
    message: (i) =>
      i.rows === 0
        ? "No line to measure: expected and allowed are empty."
        : `No line to measure: of ${plural(i.rows, "row", "rows")}, ${plural(i.blankRows, "is", "are")} blank (no expected or no allowed amount) and ${plural(i.leftOutRows, "is", "are")} denied, reversed or pending; payment accuracy needs an adjudicated line that was not denied.`,
  },
  dateMalformed: {
    excelError: "#VALUE!",
    message: (i) =>
      `${i.argument} row ${i.row}: '${i.value}' is not a date; expected an Excel date or text like 2025-03-31 or 3/31/2025.`,
  },
  submittedDateMissing: {
    excelError: "#VALUE!",
    message: (i) =>
      `submitted_dates row ${i.row} is blank but the line was paid; days to pay needs the date each paid line was submitted.`,
  },
  paidBeforeSubmitted: {
    excelError: "#VALUE!",
    message: (i) =>
      `paid_dates row ${i.row}: ${i.paid} is before the submission date ${i.submitted}; check the two dates of that row.`,
  },
  claimIdMissing: {
    excelError: "#VALUE!",
    message: (i) => `claim_ids row ${i.row} is blank; days to pay by claim needs the claim id of every paid line.`,
  },
  basisUnknown: {
    excelError: "#VALUE!",
    message: (i) =>
      `basis: '${i.value}' is not "mean", "median" or a percentile like "p90" (p0 to p100); leave it out for "mean".`,
  },
  nothingPaid: {
    excelError: "#DIV/0!",
    message: (i) =>
      i.rows === 0
        ? "No paid line: submitted_dates and paid_dates are empty."
        : `No paid line: all ${plural(i.rows, "row", "rows")} have a blank paid date (unpaid or blank), so there are no days to pay to measure.`,
  },
};

/** The message of a KPI issue, from {@link KPI_ISSUE_CATALOGUE}. */
export const kpiIssueMessage: (issue: KpiIssue) => string = catalogue(fieldOf(KPI_ISSUE_CATALOGUE, "message"));

/** The Excel error a KPI issue becomes: `#VALUE!` for input to fix, `#DIV/0!` when nothing is left to measure. */
export const kpiIssueExcelError: (issue: KpiIssue) => ExcelErrorKind = catalogue(
  fieldOf(KPI_ISSUE_CATALOGUE, "excelError"),
);
