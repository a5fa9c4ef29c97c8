/**
 * The negotiation tables of the column dictionary (issue 17, items 3 and 5): `NegotiationLog`, one row per point
 * discussed at a meeting with a payer, and `ContractClauses`, one row per clause of a contract reviewed. Their choice
 * words come from the engine's declarations (LOG_STATUSES, CONTRACT_CLAUSES, CLAUSE_STATUSES). They are ordinary
 * tables the user may edit by hand; the Negotiation tab writes them through the registry row writer.
 */
import { CLAUSE_STATUSES, CONTRACT_CLAUSES, ITEM_SEPARATOR, LOG_STATUSES } from "../../engine";
import { dateCell, textCell, wordsCell } from "../registry/cellKinds";
import { column, type ColumnSpec, type TableSpec } from "../registry/columnDictionary";

export const NEGOTIATION_LOG_TABLE = "NegotiationLog";
export const CONTRACT_CLAUSES_TABLE = "ContractClauses";

const logStatus = wordsCell(LOG_STATUSES);
const clause = wordsCell(CONTRACT_CLAUSES);
const clauseStatus = wordsCell(CLAUSE_STATUSES);
const SEVERAL = `Several: separated by "${ITEM_SEPARATOR}".`;

/** The first column of both tables: the contract, by its PayerContracts name. */
const CONTRACT_COLUMN = column({
  header: "Contract Name",
  kind: textCell,
  written: "text",
  required: true,
  description: "A contract name from PayerContracts.",
  example: "Acme Health PPO",
});

/** Free text a user types, not required. */
const note = (header: string, description: string, example: string) =>
  column({ header, kind: textCell, written: "text", required: false, description, example });

/** `NegotiationLog`: what was discussed, agreed and left open at each meeting with a payer. */
export const NEGOTIATION_LOG_SPEC = {
  title: NEGOTIATION_LOG_TABLE,
  purpose:
    "The negotiation log: one row per point discussed at a meeting with a payer. The rows of one meeting (same contract, date and meeting) make its follow-up text in the Negotiation tab.",
  columns: {
    contractName: CONTRACT_COLUMN,
    date: column({
      header: "Date",
      kind: dateCell,
      written: "date",
      required: true,
      description: "The day of the meeting.",
      example: "2026-03-12",
    }),
    meeting: column({
      header: "Meeting",
      kind: textCell,
      written: "text",
      required: true,
      description: "Which meeting: its rows share this name and date.",
      example: "Rate proposal review",
    }),
    attendees: note("Attendees", `Who took part. ${SEVERAL}`, "Dana Ruiz (Acme); Sam Lee"),
    discussionPoints: note("Discussion Points", "What was discussed.", "Our 5% ask on the top 20 codes"),
    tentativeAgreements: note(
      "Tentative Agreements",
      `What was agreed verbally, to be confirmed in writing. ${SEVERAL}`,
      "4% on the top 20 codes from 2027-01-01",
    ),
    outstandingIssues: note("Outstanding Issues", `What is still open. ${SEVERAL}`, "Lab carve-out rates"),
    owner: note("Owner", "Who follows the outstanding issues up.", "Sam Lee"),
    dueDate: column({
      header: "Due Date",
      kind: dateCell,
      written: "date",
      required: false,
      description: "When the outstanding issues are due.",
      example: "2026-03-26",
    }),
    status: column({
      header: "Status",
      kind: logStatus,
      written: "text",
      required: true,
      description:
        "Open and Agreed points are listed in full in the follow-up; a Done point's issues are no longer; a Dropped point is left out.",
      example: "Open",
      allowed: logStatus.allowed,
    }),
  },
} satisfies TableSpec<Readonly<Record<string, ColumnSpec>>>;

/** `ContractClauses`: the contract language reviewed before renegotiating. */
export const CONTRACT_CLAUSES_SPEC = {
  title: CONTRACT_CLAUSES_TABLE,
  purpose:
    "The contract-language watch: one row per clause of a contract reviewed, with its status. A clause without a row is not reviewed yet.",
  columns: {
    contractName: CONTRACT_COLUMN,
    clause: column({
      header: "Clause",
      kind: clause,
      written: "text",
      required: true,
      description: "The clause reviewed; the Negotiation tab says what to check in each.",
      example: "Timely filing",
      allowed: clause.allowed,
    }),
    status: column({
      header: "Status",
      kind: clauseStatus,
      written: "text",
      required: true,
      description: "Where the review of the clause stands.",
      example: "Watch",
      allowed: clauseStatus.allowed,
    }),
    notes: note("Notes", "What the clause says and why it matters.", "90 days from the date of service"),
  },
} satisfies TableSpec<Readonly<Record<string, ColumnSpec>>>;

/** Both negotiation tables, in README order. */
export const NEGOTIATION_TABLE_SPECS = [NEGOTIATION_LOG_SPEC, CONTRACT_CLAUSES_SPEC] as const;
