/**
 * The columns of a user's claims table in the column dictionary (columnDictionary.ts): the fields every feature that
 * reads claims maps (uplift model, variance review, portfolio summary), each with its Tuva header (STYLE.md
 * "Vocabulary"), the synonyms users' own exports have (CPT, Billed, Charges, POS, Units, Mod 1), in order of
 * preference, and the label the mapping picker shows. The mapping suggestion matches headers with the dictionary's
 * one matcher (case, spaces and punctuation ignored), so "Mod 1", "MOD1" and "mod-1" are the same header.
 */
import type { Column, TableSpec } from "../registry/columnDictionary";

/** A column of a claims table: a dictionary column with the label the mapping picker shows. */
export interface ClaimsColumn extends Column {
  /** The field's name in the mapping picker and in messages. */
  readonly label: string;
  /** May be suggested a column another field already has (allowed as both the amount and the allowed amount). */
  readonly sharesColumn?: true;
}

/** The columns of a claims table, in the order the mapping suggests them (a column goes to the first field asking). */
export const CLAIMS_TABLE_SPEC = {
  title: "Claims tables",
  purpose:
    "Any table of claim lines in the workbook (an export of the billing system, or a remittance table). The add-in reads it through a column mapping the user confirms once per table (stored in the workbook's settings); it suggests the mapping from these headers, in order of preference, ignoring case, spaces and punctuation. The add-in never changes these columns; the variance review adds its own (below).",
  columns: {
    hcpcsCode: {
      header: "HCPCS Code",
      synonyms: ["HCPCS", "CPT", "CPT Code", "CPT/HCPCS", "HCPCS/CPT", "Procedure Code", "Proc Code", "Code"],
      label: "HCPCS/CPT code",
      description: "The code of the line.",
    },
    // Allowed first: it is the contractual rate a negotiation moves (paid nets out patient shares and denials).
    amount: {
      header: "Allowed Amount",
      synonyms: ["Allowed", "Allowed Amt", "Contractual Allowed", "Paid Amount", "Paid", "Payment"],
      label: "Amount (allowed or paid)",
      description: "The amount an uplift model and a portfolio summary add up: allowed, else paid.",
    },
    units: {
      header: "Service Unit Quantity",
      synonyms: ["Units", "Unit", "Service Units", "Qty", "Quantity", "Units Billed"],
      label: "Units",
      description: "Units of the line.",
    },
    chargeAmount: {
      header: "Charge Amount",
      synonyms: ["Charges", "Charge", "Billed", "Billed Amount", "Billed Charges", "Total Charges"],
      label: "Billed charge",
      description: "The billed charge (lesser-of, percent of billed).",
    },
    payer: {
      header: "Payer",
      synonyms: ["Payor", "Payer Name", "Payor Name", "Insurance", "Plan"],
      label: "Payer",
      description: "The payer, to filter by or to find its contract.",
    },
    contractName: {
      header: "Contract Name",
      synonyms: ["Contract", "Contract ID"],
      label: "Contract",
      description: "A contract name from PayerContracts.",
    },
    serviceDate: {
      header: "Service Date",
      synonyms: ["Date of Service", "DOS", "Service From Date", "From Date", "Claim Start Date"],
      label: "Service date",
      description: "The date of service, which picks the contract version.",
    },
    hcpcsModifier1: {
      header: "HCPCS Modifier 1",
      synonyms: ["Modifier 1", "Mod 1", "Modifier", "Mod"],
      label: "Modifier 1",
      description: "The first modifier.",
    },
    hcpcsModifier2: {
      header: "HCPCS Modifier 2",
      synonyms: ["Modifier 2", "Mod 2"],
      label: "Modifier 2",
      description: "The second modifier.",
    },
    placeOfServiceCode: {
      header: "Place of Service Code",
      synonyms: ["Place of Service", "POS", "POS Code"],
      label: "Place of service",
      description: "The place of service code (two characters), which picks the facility or non-facility rate.",
    },
    claimId: {
      header: "Claim ID",
      synonyms: ["Claim Number", "Claim No", "Claim", "ICN"],
      label: "Claim ID",
      description: "The claim a line belongs to (multiple procedures rank within a claim).",
    },
    adjustmentCodes: {
      header: "Adjustment Codes",
      synonyms: ["Adjustment Reason Code", "Adjustment Reason Codes", "CARC", "Denial Code", "Reason Codes"],
      label: "Adjustment codes",
      description: 'The CAS adjustments of the line, like "CO-45 PR-2".',
    },
    // The variance review compares the allowed amount (AMT*B6), else paid + patient responsibility (DOMAIN.md 0.5).
    allowedAmount: {
      header: "Allowed Amount",
      synonyms: ["Allowed", "Allowed Amt", "Contractual Allowed"],
      label: "Allowed amount",
      description: "What the payer allowed, compared with the expected amount by the variance review.",
      sharesColumn: true,
    },
    paidAmount: {
      header: "Paid Amount",
      synonyms: ["Paid", "Payment", "Paid Amt"],
      label: "Paid amount",
      description: "What the payer paid.",
      sharesColumn: true,
    },
    patientResponsibilityAmount: {
      header: "Patient Responsibility Amount",
      synonyms: ["Patient Responsibility", "Patient Share", "Patient Amount", "PR Amount"],
      label: "Patient responsibility",
      description: "The patient's share (deductible, coinsurance, copay).",
    },
    deniedFlag: {
      header: "Denied Flag",
      synonyms: ["Denied", "Denial Flag", "Is Denied"],
      label: "Denied flag",
      description: "TRUE when the line was denied.",
    },
  },
} satisfies TableSpec<Readonly<Record<string, ClaimsColumn>>>;

/** A field a claims table can map, in Tuva words (STYLE.md vocabulary). */
export type ClaimsField = keyof typeof CLAIMS_TABLE_SPEC.columns;

/** The fields a claims table can map, in order of suggestion. */
export const CLAIMS_FIELDS = Object.keys(CLAIMS_TABLE_SPEC.columns) as readonly ClaimsField[];

/** A claims table's mapping: the header of the column holding each field, or null where the table has none. */
export type ClaimsMapping = { readonly [F in ClaimsField]: string | null };
