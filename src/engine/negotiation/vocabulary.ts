/**
 * The closed sets of the negotiation workbook (issue 17, items 3 and 5), declared once: the clauses of a payer
 * contract to check before renegotiating it, a clause's review status, and a negotiation log entry's status. The
 * tables' choice columns, the README's "Allowed" lists, the pane's choices and the follow-up text all derive from
 * these records.
 */
import type { MethodWords } from "../contracts/methods";

/** One clause to check: its label (the word in the ContractClauses table) and what a reviewer looks for. */
export interface ClauseToCheck extends MethodWords {
  readonly check: string;
}

/** The contract language to watch, in checklist order. */
export const CONTRACT_CLAUSES = {
  evergreen: {
    label: "Evergreen / auto-renewal",
    synonyms: ["evergreen", "auto-renewal", "auto renewal"],
    check:
      "Whether the contract renews by itself, for how long, and how renewal is stopped: an evergreen term keeps old rates in force.",
  },
  termination: {
    label: "Termination notice and window",
    synonyms: ["termination", "termination notice"],
    check: "The notice each side must give to terminate or renegotiate, and the dates between which it may be given.",
  },
  reimbursement: {
    label: "Reimbursement methodology and fee-schedule version",
    synonyms: ["reimbursement", "reimbursement methodology", "fee schedule version"],
    check:
      "That the basis is named exactly (which Medicare year, which fee schedule version) and that the payer may not change it on its own.",
  },
  lesserOf: {
    label: "Lesser-of",
    synonyms: ["lesser of"],
    check: "Whether the payer pays the lesser of the contract rate and the billed charge, and for which services.",
  },
  timelyFiling: {
    label: "Timely filing",
    synonyms: ["timely filing limit"],
    check: "How many days after the date of service a claim must be filed (commonly 90 to 180 for commercial plans).",
  },
  appealWindow: {
    label: "Appeal window",
    synonyms: ["appeals", "appeal"],
    check: "How long after a denial or underpayment an appeal may be filed, and how many levels of appeal there are.",
  },
  cleanClaim: {
    label: "Clean-claim payment window and interest",
    synonyms: ["clean claim", "prompt pay", "clean-claim payment window"],
    check: "How many days the payer has to pay a clean claim, and the interest it owes when it pays late.",
  },
  audit: {
    label: "Audit provisions",
    synonyms: ["audit", "audits"],
    check: "The look-back period, how often and how the payer may audit, and how overpayments are recouped.",
  },
  amendment: {
    label: "Amendment rights",
    synonyms: ["amendments", "amendment"],
    check: "Whether the payer may amend the contract or its policies by notice alone, and the notice it must give.",
  },
} as const satisfies Record<string, ClauseToCheck>;

/** A clause of {@link CONTRACT_CLAUSES}. */
export type ContractClause = keyof typeof CONTRACT_CLAUSES;

/** A clause's review status, in the order a review moves through them. */
export const CLAUSE_STATUSES = {
  notReviewed: { label: "Not reviewed", synonyms: ["not reviewed", "to review", "unreviewed"] },
  ok: { label: "OK", synonyms: ["fine", "acceptable"] },
  watch: { label: "Watch", synonyms: ["monitor"] },
  problem: { label: "Problem", synonyms: ["issue", "to fix"] },
} as const satisfies Record<string, MethodWords>;

/** A status of {@link CLAUSE_STATUSES}. */
export type ClauseStatus = keyof typeof CLAUSE_STATUSES;

/** A log entry's status, and what the follow-up text of its meeting says of it. */
export interface LogStatusEntry extends MethodWords {
  /** Its tentative agreements are listed in the follow-up (a dropped point is no agreement). */
  readonly agreementsListed: boolean;
  /** Its outstanding issues are listed in the follow-up (a done point has none left). */
  readonly issuesListed: boolean;
}

/** The status of a negotiation log entry. */
export const LOG_STATUSES = {
  open: { label: "Open", synonyms: ["in progress", "pending"], agreementsListed: true, issuesListed: true },
  agreed: { label: "Agreed", synonyms: ["tentative", "agreed in principle"], agreementsListed: true, issuesListed: true }, // prettier-ignore
  done: { label: "Done", synonyms: ["closed", "complete", "completed"], agreementsListed: true, issuesListed: false },
  dropped: { label: "Dropped", synonyms: ["withdrawn", "abandoned"], agreementsListed: false, issuesListed: false },
} as const satisfies Record<string, LogStatusEntry>;

/** A status of {@link LOG_STATUSES}. */
export type LogStatus = keyof typeof LOG_STATUSES;
