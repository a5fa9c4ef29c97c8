import { catalogue, type Messages } from "../../engine";
import { IMPORT_ISSUE_MESSAGES, type ImportIssue } from "../cmsPfs/importIssues";

/**
 * Problems found while importing an OPPS Addendum B file: the CMS file issues every CMS reader shares (header,
 * rows, cut files, encodings), and the quarter the table is to be in effect for.
 */
export type AddendumBIssue =
  | ImportIssue
  /** The first day given is not the first day of a quarter (CMS publishes Addendum B each quarter). */
  | { readonly code: "addendumBQuarterInvalid"; readonly value: string }
  /** The banner names a calendar year the quarter given is not in. */
  | { readonly code: "addendumBYearMismatch"; readonly bannerYear: string; readonly quarterStart: string };

/** The message of each Addendum B issue, for the task pane's problems list. */
export const ADDENDUM_B_ISSUE_MESSAGES: Messages<AddendumBIssue> = {
  ...IMPORT_ISSUE_MESSAGES,
  addendumBQuarterInvalid: (i) =>
    `"${i.value}" is not the first day of a quarter: an Addendum B is in effect from January 1, April 1, July 1 or October 1 (e.g. 2025-10-01 for the October 2025 file).`,
  addendumBYearMismatch: (i) =>
    `This Addendum B is for CY ${i.bannerYear} (its first rows say so), but it was given the quarter starting ${i.quarterStart}: choose a quarter of ${i.bannerYear}.`,
};

/** The message of an Addendum B issue. */
export const addendumBIssueMessage: (issue: AddendumBIssue) => string = catalogue(ADDENDUM_B_ISSUE_MESSAGES);
