/**
 * Why a hospital function (PAYER.INPATIENT_PAYMENT, PAYER.OUTPATIENT_PAYMENT) has no amount for a line, beyond the
 * engine's and the registry's own issues: what the function's arguments cannot give, and which hospital table to
 * fill. One catalogue entry per code, with the Excel error the line answers (errors.ts).
 */
import { catalogue, fieldOf, type EntriesByCode, type ExcelErrorKind } from "../engine";

/** Which hospital terms a function reads: the table that holds them. */
export type HospitalSide = "inpatient" | "outpatient";

const TERMS_TABLE = {
  inpatient: "InpatientTerms",
  outpatient: "OutpatientTerms",
} as const satisfies Record<HospitalSide, string>;

/** A problem of one line of a hospital function. */
export type HospitalFunctionIssue =
  | { readonly code: "hospitalTermsMissing"; readonly contractName: string; readonly side: HospitalSide }
  | { readonly code: "cellEmpty"; readonly argument: string; readonly row: number; readonly expected: string }
  | { readonly code: "perDiemNeedsRevenueLines"; readonly contractName: string; readonly levels: readonly string[] }
  | {
      readonly code: "claimLineUnreadable";
      readonly claimId: string;
      /** The rows (1-based, in the arguments' ranges) of the claim's lines that could not be read. */
      readonly rows: readonly number[];
    };

interface HospitalEntry {
  readonly excelError: ExcelErrorKind;
  readonly message: string;
}

const plural = (count: number, word: string) => `${word}${count === 1 ? "" : "s"}`;

/** One entry per code: the Excel error and the message. */
export const HOSPITAL_FUNCTION_ISSUES: EntriesByCode<HospitalFunctionIssue, HospitalEntry> = {
  hospitalTermsMissing: {
    excelError: "#N/A",
    message: (i) =>
      `Contract "${i.contractName}" has no ${i.side} terms: add its row to the ${TERMS_TABLE[i.side]} table.`,
  },
  cellEmpty: {
    excelError: "#VALUE!",
    message: (i) => `${i.argument} row ${i.row} is empty: give ${i.expected}.`,
  },
  perDiemNeedsRevenueLines: {
    excelError: "#N/A",
    message: (i) =>
      `Contract "${i.contractName}" pays per diem at ${i.levels.length} levels of care (${i.levels.join("; ")}): the days at each level come from the stay's room-and-board revenue lines, which PAYER.INPATIENT_PAYMENT does not take. It prices a per diem contract of one level, or a DRG with a case rate.`,
  },
  claimLineUnreadable: {
    excelError: "#VALUE!",
    message: (i) =>
      `Claim ${i.claimId} is priced as a whole (packaging and discounting read every line), and its ${plural(i.rows.length, "row")} ${i.rows.join(", ")} cannot be read: correct ${i.rows.length === 1 ? "that row" : "those rows"} first.`,
  },
};

/** The message of a hospital function issue. */
export const hospitalIssueMessage: (issue: HospitalFunctionIssue) => string = catalogue(
  fieldOf(HOSPITAL_FUNCTION_ISSUES, "message"),
);

/** The Excel error of a hospital function issue. */
export const hospitalIssueExcelError: (issue: HospitalFunctionIssue) => ExcelErrorKind = catalogue(
  fieldOf(HOSPITAL_FUNCTION_ISSUES, "excelError"),
);
