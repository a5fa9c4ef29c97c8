import { catalogue, type Messages } from "../../engine";
import { IMPORT_ISSUE_MESSAGES, type ImportIssue } from "../cmsPfs/importIssues";

/**
 * Problems found while importing a CMS IPPS file: every CMS file problem (cmsPfs/importIssues.ts: not CSV, no header,
 * a column missing, cut short, a row's cell not valid...) and those of the IPPS files alone.
 */
export type IppsImportIssue =
  | ImportIssue
  /** An MS-DRG weights file that says neither its effective date nor its fiscal year ("FY 2026" in a banner). */
  | { readonly code: "fiscalYearUnknown"; readonly fileKind: string };

/** The message of each IPPS import issue, for the task pane's problems list. */
export const IPPS_IMPORT_ISSUE_MESSAGES: Messages<IppsImportIssue> = {
  ...IMPORT_ISSUE_MESSAGES,
  fiscalYearUnknown: (i) =>
    `The ${i.fileKind} file has no effective date column and no "FY 2026"-style year above its header, so its fiscal year is unknown: choose the fiscal year it is for.`,
};

/** The message of an IPPS import issue. */
export const ippsImportIssueMessage: (issue: IppsImportIssue) => string = catalogue(IPPS_IMPORT_ISSUE_MESSAGES);
