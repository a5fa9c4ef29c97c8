import { catalogue, fieldOf, type EntriesByCode } from "../catalogue";
import type { ExcelErrorKind, IssueEntry } from "../issues";

/**
 * Expected failures of a denial-rate calculation, as values. Rows are 1-based positions in the argument's range;
 * argument names are the function's (`outcomes`, `charges`, `claim_ids`) so the task pane and `PAYER.DENIAL_RATE`
 * say the same thing.
 */
export type DenialIssue =
  | { readonly code: "outcomeUnknown"; readonly row: number; readonly value: string; readonly token: string }
  | { readonly code: "outcomeZero"; readonly row: number }
  | { readonly code: "outcomeNotACode"; readonly row: number; readonly value: number }
  | { readonly code: "outcomeNotAValue"; readonly row: number }
  | { readonly code: "chargesRequired" }
  | { readonly code: "chargeMissing"; readonly row: number }
  | { readonly code: "chargeMalformed"; readonly row: number; readonly value: string }
  | { readonly code: "chargeNegative"; readonly row: number; readonly value: string }
  | { readonly code: "claimIdMissing"; readonly row: number }
  | {
      readonly code: "lengthMismatch";
      readonly argument: "charges" | "claim_ids";
      readonly rows: number;
      readonly outcomeRows: number;
    }
  | { readonly code: "noOutcomes"; readonly excludedRows: number }
  | { readonly code: "noCharges" }
  | { readonly code: "chargesTooLarge" };

const EXPECTED_OUTCOME =
  "expected TRUE/FALSE, a status word (denied, partial, paid, pending, reversed) or adjustment codes like CO-50 or PR-2 CO-45";

/** One entry per issue: the Excel error it becomes and the message, written for a finance user. */
export const DENIAL_ISSUE_CATALOGUE: EntriesByCode<DenialIssue, IssueEntry> = {
  outcomeUnknown: {
    excelError: "#VALUE!",
    message: (i) =>
      i.token === i.value.trim().toUpperCase()
        ? `outcomes row ${i.row}: '${i.value}' is not an outcome; ${EXPECTED_OUTCOME}.`
        : `outcomes row ${i.row}: '${i.token}' in '${i.value}' is not an adjustment code; ${EXPECTED_OUTCOME}.`,
  },
  outcomeZero: {
    excelError: "#VALUE!",
    message: (i) =>
      `outcomes row ${i.row}: 0 is not an outcome; for a denied/not denied flag use TRUE/FALSE (1 would read as CARC 1, deductible).`,
  },
  outcomeNotACode: {
    excelError: "#VALUE!",
    message: (i) =>
      `outcomes row ${i.row}: ${i.value} is not an adjustment reason code; expected a whole number from 1 to 999 like 197, or ${EXPECTED_OUTCOME.replace("expected ", "")}.`,
  },
  outcomeNotAValue: {
    excelError: "#VALUE!",
    message: (i) => `outcomes row ${i.row}: the cell holds no readable value; ${EXPECTED_OUTCOME}.`,
  },
  chargesRequired: {
    excelError: "#VALUE!",
    message: () => `basis "dollars" needs charges: give the billed charge of each line, or use basis "count".`,
  },
  chargeMissing: {
    excelError: "#VALUE!",
    message: (i) =>
      `charges row ${i.row} is blank; basis "dollars" needs the billed charge of every line that has an outcome.`,
  },
  chargeMalformed: {
    excelError: "#VALUE!",
    message: (i) => `charges row ${i.row}: '${i.value}' is not an amount; expected a number of dollars like 125.50.`,
  },
  chargeNegative: {
    excelError: "#VALUE!",
    message: (i) => `charges row ${i.row}: ${i.value} is negative; a billed charge is 0 or more.`,
  },
  claimIdMissing: {
    excelError: "#VALUE!",
    message: (i) => `claim_ids row ${i.row} is blank; a rate per claim needs the claim id of every line.`,
  },
  lengthMismatch: {
    excelError: "#VALUE!",
    message: (i) =>
      `${i.argument} has ${i.rows} rows but outcomes has ${i.outcomeRows}; give ranges of the same rows, one per claim line.`,
  },
  noOutcomes: {
    excelError: "#N/A",
    message: (i) =>
      i.excludedRows > 0
        ? `No line to rate: all ${i.excludedRows} outcomes are blank, pending, reversed or void.`
        : `No line to rate: outcomes is empty.`,
  },
  noCharges: {
    excelError: "#N/A",
    message: () =>
      `The charges of the rated lines add up to 0, so a rate in dollars does not exist; use basis "count".`,
  },
  chargesTooLarge: {
    excelError: "#VALUE!",
    message: () => `The charges add up to more than can be summed exactly to the cent; check the charges column.`,
  },
};

/** The message of a denial issue, from {@link DENIAL_ISSUE_CATALOGUE}. */
export const denialIssueMessage: (issue: DenialIssue) => string = catalogue(fieldOf(DENIAL_ISSUE_CATALOGUE, "message"));

/** The Excel error a denial issue becomes: `#VALUE!` for input to fix, `#N/A` when no rate exists. */
export const denialIssueExcelError: (issue: DenialIssue) => ExcelErrorKind = catalogue(
  fieldOf(DENIAL_ISSUE_CATALOGUE, "excelError"),
);
