/**
 * Why a proposal cannot be priced, as values (STYLE.md "two error channels"), with the one message a finance user
 * reads for each. Items and positions of a per-code list are 1-based, as the user counts them in the cell.
 */
import { catalogue } from "../catalogue";
import { issueMessage } from "../issues";
import type { UpliftIssue } from "../uplift";
import { MAX_TERM_YEARS, type ProposalTermField } from "./proposalVocabulary";

/** What a per-code list item lacks: the code:percentage shape, a code, or a percentage. */
export type PerCodeExpected = "pair" | "code" | "fraction";

/** Why a proposal cannot be priced. */
export type ProposalIssue =
  | { readonly code: "perCodeEmpty" }
  | {
      readonly code: "perCodeItemMalformed";
      readonly item: number;
      readonly position: number;
      readonly text: string;
      readonly expected: PerCodeExpected;
    }
  | { readonly code: "perCodeDuplicate"; readonly hcpcsCode: string; readonly firstItem: number; readonly secondItem: number } // prettier-ignore
  | { readonly code: "perCodeTableMissing"; readonly tableName: string }
  | { readonly code: "termMissing"; readonly field: ProposalTermField }
  | { readonly code: "topNInvalid"; readonly value: number }
  | { readonly code: "termYearsInvalid"; readonly value: number }
  | { readonly code: "conversionFactorZero" }
  | { readonly code: "uplift"; readonly issue: UpliftIssue };

/** A term cell in the user's words, for messages and the Proposals table's checks. */
export const PROPOSAL_TERM_WORDS = {
  upliftFraction: "an uplift percentage like 5%",
  topN: "a number of top codes like 20",
  perCodeRates: 'per-code rates like "99213:5%; 99214:4%" or the name of an uplift table',
  oldConversionFactor: "the current conversion factor in dollars, like 33.4009",
  newConversionFactor: "the proposed conversion factor in dollars, like 36.00",
} as const satisfies Record<ProposalTermField, string>;

const EXPECTED_ITEM = {
  pair: 'a code and a percentage separated by ":", like 99213:5%',
  code: "a CPT/HCPCS code like 99213 or J1100, or * for every other code",
  fraction: "a percentage like 5% or 0.05, not below -100%",
} as const satisfies Record<PerCodeExpected, string>;

/** The message a finance user reads for a proposal issue. */
export const describeProposalIssue: (issue: ProposalIssue) => string = catalogue<ProposalIssue>({
  perCodeEmpty: () => `The per-code rates are empty; give ${PROPOSAL_TERM_WORDS.perCodeRates}.`,
  perCodeItemMalformed: (i) =>
    `Per-code rates, item ${i.item} ("${i.text}", at character ${i.position}): expected ${EXPECTED_ITEM[i.expected]}.`,
  perCodeDuplicate: (i) =>
    `Per-code rates: items ${i.firstItem} and ${i.secondItem} both give ${i.hcpcsCode}; keep one.`,
  perCodeTableMissing: (i) =>
    `The per-code rates name the table "${i.tableName}", which this workbook does not have; give a table of codes and fractions, or a list like 99213:5%.`,
  termMissing: (i) => `This kind of proposal needs ${PROPOSAL_TERM_WORDS[i.field]}.`,
  topNInvalid: (i) => `Top N is ${i.value}; give a whole number of codes of 1 or more.`,
  termYearsInvalid: (i) => `The term is ${i.value} years; give a whole number of years from 1 to ${MAX_TERM_YEARS}.`,
  conversionFactorZero: () => "The current conversion factor is 0; a change from it has no equivalent percentage.",
  uplift: (i) => issueMessage(i.issue),
});
