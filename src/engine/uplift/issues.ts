import type { EntriesByCode } from "../catalogue";
import type { IssueEntry } from "../issues";
import { UPLIFT_CODES, type UpliftCodeKind } from "./upliftCodes";

/** The per-row arguments of an uplift scenario, named as `PAYER.UPLIFT_SCENARIO` names them. */
export type UpliftRowArgument = "codes" | "amounts" | "volumes" | "billed";

/**
 * Expected failures of an uplift scenario, as values. Rows are 1-based positions in the argument's range (`codes`,
 * `amounts`, `volumes`, `billed`) or in the `uplift` table; a `row` of null means `uplift` was one value.
 * They are part of {@link EngineIssue}, so the adapter and the task pane word them from the one catalogue.
 */
export type UpliftIssue =
  | { readonly code: "upliftCodeMissing"; readonly row: number; readonly amount: string }
  | {
      readonly code: "upliftCodeMalformed";
      readonly row: number;
      readonly value: string;
      readonly kind: UpliftCodeKind;
    }
  | {
      readonly code: "upliftCellMalformed";
      readonly argument: Exclude<UpliftRowArgument, "codes">;
      readonly row: number;
      readonly value: string;
    }
  | {
      readonly code: "upliftAmountTooLarge";
      readonly argument: "amounts" | "billed";
      readonly row: number;
      readonly value: string;
    }
  | { readonly code: "upliftTotalTooLarge" }
  | {
      readonly code: "upliftLengthMismatch";
      readonly argument: Exclude<UpliftRowArgument, "codes">;
      readonly rows: number;
      readonly codeRows: number;
    }
  | { readonly code: "upliftFractionMissing"; readonly row: number | null; readonly hcpcsCode: string | null }
  | { readonly code: "upliftFractionMalformed"; readonly row: number | null; readonly value: string }
  | { readonly code: "upliftFractionBelowMinus100"; readonly row: number | null; readonly value: string }
  | {
      readonly code: "upliftTableCodeMalformed";
      readonly row: number;
      readonly value: string;
      readonly kind: UpliftCodeKind;
    }
  | {
      readonly code: "upliftTableDuplicate";
      readonly hcpcsCode: string;
      readonly firstRow: number;
      readonly secondRow: number;
      readonly firstFraction: string;
      readonly secondFraction: string;
    }
  | { readonly code: "upliftTopNMalformed"; readonly value: string }
  | { readonly code: "upliftNoRows" }
  | { readonly code: "upliftNoCurrentAmount" };

/** The code of an uplift issue. */
export type UpliftIssueCode = UpliftIssue["code"];

const FRACTION_HINT = "give a fraction like 0.05 (5%) or -0.02 (-2%)";
const where = (row: number | null): string => (row === null ? "uplift" : `uplift row ${row}`);
const WHAT_IS_EXPECTED: Readonly<Record<Exclude<UpliftRowArgument, "codes">, string>> = {
  amounts: "an amount in dollars like 125.50",
  volumes: "a number of lines or units like 3",
  billed: "a billed charge in dollars like 250.00, or a blank cell",
};

/** One entry per uplift issue: the Excel error it becomes and the message, written for a finance user. */
export const UPLIFT_ISSUE_CATALOGUE: EntriesByCode<UpliftIssue, IssueEntry> = {
  upliftCodeMissing: {
    excelError: "#VALUE!",
    message: (i) =>
      `codes row ${i.row} is blank but amounts row ${i.row} holds ${i.amount}; give the code, or clear the row.`,
  },
  upliftCodeMalformed: {
    excelError: "#VALUE!",
    message: (i) =>
      `codes row ${i.row}: '${i.value}' is not ${UPLIFT_CODES[i.kind].name}; expected ${UPLIFT_CODES[i.kind].expected}.`,
  },
  upliftCellMalformed: {
    excelError: "#VALUE!",
    message: (i) =>
      `${i.argument} row ${i.row}: '${i.value}' is not a number; expected ${WHAT_IS_EXPECTED[i.argument]}.`,
  },
  upliftAmountTooLarge: {
    excelError: "#VALUE!",
    message: (i) => `${i.argument} row ${i.row}: ${i.value} is too large to be an amount for one line; check the row.`,
  },
  upliftTotalTooLarge: {
    excelError: "#VALUE!",
    message: () => `The amounts add up to more than can be summed exactly to the cent; check the amounts column.`,
  },
  upliftLengthMismatch: {
    excelError: "#VALUE!",
    message: (i) =>
      `${i.argument} has ${i.rows} rows but codes has ${i.codeRows}; give ranges covering the same rows, one per line.`,
  },
  upliftFractionMissing: {
    excelError: "#VALUE!",
    message: (i) =>
      i.row === null
        ? `uplift is blank; ${FRACTION_HINT}.`
        : `uplift row ${i.row} gives code ${i.hcpcsCode ?? "*"} no fraction; ${FRACTION_HINT}.`,
  },
  upliftFractionMalformed: {
    excelError: "#VALUE!",
    message: (i) => `${where(i.row)}: '${i.value}' is not a fraction; ${FRACTION_HINT}.`,
  },
  upliftFractionBelowMinus100: {
    excelError: "#VALUE!",
    message: (i) =>
      `${where(i.row)}: ${i.value} is a cut of more than 100%, which would make rates negative; give a fraction of -1 or more.`,
  },
  upliftTableCodeMalformed: {
    excelError: "#VALUE!",
    message: (i) =>
      `uplift row ${i.row}: '${i.value}' is not ${UPLIFT_CODES[i.kind].name} or *; expected ${UPLIFT_CODES[i.kind].expected}, or * for all other codes.`,
  },
  upliftTableDuplicate: {
    excelError: "#VALUE!",
    message: (i) =>
      `uplift rows ${i.firstRow} and ${i.secondRow} both give ${i.hcpcsCode}, with ${i.firstFraction} and ${i.secondFraction}; keep one.`,
  },
  upliftTopNMalformed: {
    excelError: "#VALUE!",
    message: (i) =>
      `top_n: ${i.value} is not a number of codes; give a whole number of 1 or more, or leave it blank for all codes.`,
  },
  upliftNoRows: {
    excelError: "#N/A",
    message: () => `No line to model: every row of codes and amounts is blank.`,
  },
  upliftNoCurrentAmount: {
    excelError: "#N/A",
    message: () =>
      `The current amounts add up to 0, so a percent change does not exist; use result "delta" or "total".`,
  },
};
