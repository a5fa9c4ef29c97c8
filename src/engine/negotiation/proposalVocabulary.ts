/**
 * The closed sets of the proposal tracker (issue 17 item 2), declared once: who made a proposal, what kind of rate
 * change it is (and which cells each kind needs), and where it stands. The Proposals table's choice columns, the
 * README's "Allowed" lists, the pane's choices and the pricing's dispatch all derive from these records.
 */
import type { MethodWords } from "../contracts/methods";

/** Who made a proposal: we did, or the payer countered. */
export const PROPOSAL_PARTIES = {
  ours: { label: "Ours", synonyms: ["us", "we", "provider"] },
  payer: { label: "Payer", synonyms: ["theirs", "payer's", "counter"] },
} as const satisfies Record<string, MethodWords>;

/** A party of {@link PROPOSAL_PARTIES}. */
export type ProposalParty = keyof typeof PROPOSAL_PARTIES;

/** The term cells a kind of proposal may need filled, by field of the Proposals table. */
export type ProposalTermField = "upliftFraction" | "topN" | "perCodeRates" | "oldConversionFactor" | "newConversionFactor"; // prettier-ignore

/** One kind of proposal: its words, and the cells it needs filled, in the order their absence is reported. */
export interface ProposalKindEntry extends MethodWords {
  readonly needs: readonly ProposalTermField[];
}

/**
 * The kinds of rate change a proposal makes (DOMAIN.md 3.1; issue 17: "5% on the top 20 codes versus 3% across the
 * board", per-code rates, conversion-factor changes). Every kind also carries an annual escalator and a term.
 */
export const PROPOSAL_KINDS = {
  acrossTheBoard: {
    label: "Across the board",
    synonyms: ["across-the-board", "flat", "all codes"],
    needs: ["upliftFraction"],
  },
  topN: { label: "Top-N uplift", synonyms: ["top n", "top-n", "top n uplift", "top codes"], needs: ["upliftFraction", "topN"] }, // prettier-ignore
  perCode: { label: "Per-code rates", synonyms: ["per code", "by code", "per-code"], needs: ["perCodeRates"] },
  conversionFactor: {
    label: "Conversion factor change",
    synonyms: ["conversion factor", "cf change", "cf"],
    needs: ["oldConversionFactor", "newConversionFactor"],
  },
} as const satisfies Record<string, ProposalKindEntry>;

/** A kind of {@link PROPOSAL_KINDS}. */
export type ProposalKind = keyof typeof PROPOSAL_KINDS;

/** Where a proposal stands, in the order a negotiation moves through them. */
export const PROPOSAL_STATUSES = {
  draft: { label: "Draft", synonyms: ["drafting", "internal"] },
  sent: { label: "Sent", synonyms: ["presented", "submitted", "received"] },
  countered: { label: "Countered", synonyms: ["counter-proposed"] },
  accepted: { label: "Accepted", synonyms: ["agreed", "signed"] },
  rejected: { label: "Rejected", synonyms: ["declined"] },
  withdrawn: { label: "Withdrawn", synonyms: ["dropped"] },
} as const satisfies Record<string, MethodWords>;

/** A status of {@link PROPOSAL_STATUSES}. */
export type ProposalStatus = keyof typeof PROPOSAL_STATUSES;

/** The longest term the tracker prices year by year (the sheet has one column per year). */
export const MAX_TERM_YEARS = 10;
