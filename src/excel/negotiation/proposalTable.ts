/**
 * The `Proposals` table of the column dictionary (issue 17 item 2): one row per proposal or counter-proposal made in
 * a negotiation, ours or the payer's, with the terms its kind needs. Its choice words come from the engine's
 * declarations (PROPOSAL_PARTIES, PROPOSAL_KINDS, PROPOSAL_STATUSES) and its cross-column rule (the cells a kind
 * needs, a per-code list that reads) from the engine's pricing, so the form, the reader and the pricing agree.
 */
import { describeProposalIssue, MAX_TERM_YEARS, PROPOSAL_KINDS, PROPOSAL_PARTIES, PROPOSAL_STATUSES } from "../../engine"; // prettier-ignore
import { PROPOSAL_TERM_WORDS, readPerCodeRates, readQuantity, type ProposalTermField } from "../../engine";
import { dateCell, decimalCell, percentCell, textCell, wordsCell, type CellKind } from "../registry/cellKinds";
import { column, type ColumnSpec, type DraftRow, type RowCheck, type TableSpec } from "../registry/columnDictionary";

export const PROPOSALS_TABLE = "Proposals";

const party = wordsCell(PROPOSAL_PARTIES);
const kind = wordsCell(PROPOSAL_KINDS);
const status = wordsCell(PROPOSAL_STATUSES);

/** A whole number from `least` to `most` (a count of codes, a number of years). */
const wholeNumber = (least: number, most: number, expected: string): CellKind<number> => ({
  expected,
  read: (value) => {
    const read = readQuantity(value);
    return typeof read === "number" && Number.isInteger(read) && read >= least && read <= most ? read : undefined;
  },
});

const topNCell = wholeNumber(1, 100_000, "a whole number of codes of 1 or more, like 20");
const termCell = wholeNumber(1, MAX_TERM_YEARS, `a whole number of years from 1 to ${MAX_TERM_YEARS}, like 3`);

const columns = {
  contractName: column({
    header: "Contract Name",
    kind: textCell,
    written: "text",
    required: true,
    description: "A contract name from PayerContracts: the claims of this contract price the proposal.",
    example: "Acme Health PPO",
  }),
  proposalName: column({
    header: "Proposal",
    kind: textCell,
    written: "text",
    required: true,
    description: "The proposal's name, one per contract: it heads the proposal's row on the Proposals sheet.",
    example: "Our opening: 5% on top 20",
  }),
  party: column({
    header: "Party",
    kind: party,
    written: "text",
    required: true,
    description: "Who proposed it: Ours, or the Payer's counter-proposal.",
    example: "Ours",
    allowed: party.allowed,
  }),
  date: column({
    header: "Date",
    kind: dateCell,
    written: "date",
    required: true,
    description: "The day it was made or received.",
    example: "2026-03-12",
  }),
  kind: column({
    header: "Kind",
    kind,
    written: "text",
    required: true,
    description:
      "The rate change: Across the board (Uplift %), Top-N uplift (Uplift % on the Top N codes by current revenue), Per-code rates, or Conversion factor change (Current CF to Proposed CF).",
    example: "Top-N uplift",
    allowed: kind.allowed,
  }),
  upliftFraction: column({
    header: "Uplift %",
    kind: percentCell,
    written: "percent",
    required: false,
    description: "The uplift of an across-the-board or top-N proposal.",
    example: "5%",
  }),
  topN: column({
    header: "Top N",
    kind: topNCell,
    written: "number",
    required: false,
    description: "How many top codes (by current revenue) a top-N uplift covers.",
    example: "20",
  }),
  perCodeRates: column({
    header: "Per-code Rates",
    kind: textCell,
    written: "text",
    required: false,
    description:
      'Codes and percentages separated by ";" (* for every other code), or the name of a table of code and fraction columns.',
    example: "99213:5%; 99214:4%; *:1%",
  }),
  oldConversionFactor: column({
    header: "Current CF",
    kind: decimalCell,
    written: "number",
    numberFormat: "0.0000",
    required: false,
    description: "The conversion factor the contract pays now, in dollars.",
    example: "33.4009",
  }),
  newConversionFactor: column({
    header: "Proposed CF",
    kind: decimalCell,
    written: "number",
    numberFormat: "0.0000",
    required: false,
    description: "The conversion factor proposed, in dollars.",
    example: "36.0000",
  }),
  escalatorFraction: column({
    header: "Annual Escalator %",
    kind: percentCell,
    written: "percent",
    required: false,
    description: "The rate increase each year from year 2 on; blank for none.",
    example: "3%",
  }),
  termYears: column({
    header: "Term (years)",
    kind: termCell,
    written: "number",
    required: true,
    description: "How many years the rates run; the sheet shows each year's dollars.",
    example: "3",
  }),
  status: column({
    header: "Status",
    kind: status,
    written: "text",
    required: true,
    description: "Where the proposal stands.",
    example: "Sent",
    allowed: status.allowed,
  }),
  effectiveDate: column({
    header: "Effective Date",
    kind: dateCell,
    written: "date",
    required: false,
    description:
      "For an Accepted (signed) proposal, the day its rates take effect: for the lines submitted from that day, the Contract Performance sheet sets each month's actual allowed beside what this proposal modeled for them.",
    example: "2026-07-01",
  }),
  notes: column({
    header: "Notes",
    kind: textCell,
    written: "text",
    required: false,
    description: "Anything else: what it trades, what the payer said.",
    example: "Payer asked for a 3-year term",
  }),
};

type ProposalColumns = typeof columns;

/** The header of a term field's column. */
const headerOf = (field: ProposalTermField) => columns[field].header;

/** The cells the row's kind needs are filled, and its per-code list (when it has one) reads. */
const termsOfKind: RowCheck<unknown> = (draft) => {
  const row = draft as DraftRow<ProposalColumns>;
  if (row.kind === null) return null;
  const missing = PROPOSAL_KINDS[row.kind].needs.find((field) => row[field] === null);
  if (missing !== undefined) return { column: headerOf(missing), expected: `a ${PROPOSAL_KINDS[row.kind].label} proposal needs ${PROPOSAL_TERM_WORDS[missing]}` }; // prettier-ignore
  if (row.kind !== "perCode" || row.perCodeRates === null) return null;
  const read = readPerCodeRates(row.perCodeRates);
  return read.ok ? null : { column: headerOf("perCodeRates"), expected: describeProposalIssue(read.issue).replace(/\.$/, "") }; // prettier-ignore
};

/** `Proposals`: each proposal and counter-proposal of a negotiation, priced on the Proposals sheet. */
export const PROPOSALS_SPEC = {
  title: PROPOSALS_TABLE,
  purpose:
    "The proposal tracker: one row per proposal or counter-proposal, ours or the payer's. The Negotiation tab prices each over its contract's claim lines (as PAYER.UPLIFT_SCENARIO does) and builds a Proposals sheet per contract with its dollars in year 1 and over the term.",
  columns,
  checks: [termsOfKind],
} satisfies TableSpec<Readonly<Record<string, ColumnSpec>>>;
