/**
 * A workbook for the proposal tracker's specifications: PayerContracts with Acme PPO, Summit MA and Cedar EPO; a
 * Claims table of the Tuva synthetic professional lines (../shared/data, Apache-2.0) split between Acme PPO and
 * Summit MA by patient (Cedar EPO has none), with the paid amount as revenue and the billed charge as the lesser-of
 * cap; a Proposals table holding Acme's proposals of four kinds, ours and the payer's; and an uplift table.
 */
import Papa from "papaparse";
import { CLAIMS_FIELDS, type ClaimsMapping } from "../../../src/excel/claims/claimsMapping";
import { emptyForm } from "../../../src/excel/contracts/registryForm";
import type { ProposalForm } from "../../../src/excel/negotiation/proposalEditor";
import { PROPOSALS_SPEC } from "../../../src/excel/negotiation/proposalTable";
import { PAYER_CONTRACTS_SPEC } from "../../../src/excel/registry/registryTables";
import type { Columns, TableSpec } from "../../../src/excel/registry/tableSpec";
import type { CellInput, SheetSnapshot, WorkbookSnapshot } from "../../../src/playground/simulator";
import { readSharedData } from "../../support/sharedData";

/** A row of a table, by column header. */
export type Row = Readonly<Record<string, CellInput>>;

const letters = (n: number) => (n < 26 ? String.fromCharCode(65 + n) : `A${String.fromCharCode(65 + n - 26)}`);

/** A sheet holding one table: its headers, then the rows. */
export function tableSheet(
  name: string,
  table: string,
  headers: readonly string[],
  rows: readonly Row[],
): SheetSnapshot {
  const cells: CellInput[][] = [[...headers], ...rows.map((row) => headers.map((header) => row[header] ?? null))];
  return { name, cells, tables: [{ name: table, address: `A1:${letters(headers.length - 1)}${cells.length}` }] };
}

const headersOf = (spec: TableSpec<Columns>) => Object.values(spec.columns).map((column) => column.header);

const contract = (name: string): Row => ({
  "Contract Name": name,
  Payer: name.split(" ")[0]!,
  "Effective Start Date": "2026-01-01",
  Method: "Percent of Billed",
  Percent: 0.6,
});

/** A Proposals row with defaults: ours, sent, for Acme PPO, one year. */
export const aProposalRow = (overrides: Row): Row => ({
  "Contract Name": "Acme PPO",
  Party: "Ours",
  Date: "2026-03-01",
  "Term (years)": 1,
  Status: "Sent",
  ...overrides,
});

export const PROPOSAL_ROWS: readonly Row[] = [
  aProposalRow({ Proposal: "Payer counter: 2% flat", Party: "Payer", Date: "2026-03-20", Kind: "Across the board", "Uplift %": 0.02, "Annual Escalator %": 0.015, "Term (years)": 3, Status: "Countered" }), // prettier-ignore
  aProposalRow({ Proposal: "Opening: 5% on top 20", Kind: "Top-N uplift", "Uplift %": 0.05, "Top N": 20, "Annual Escalator %": 0.03, "Term (years)": 3 }), // prettier-ignore
  aProposalRow({ Proposal: "E/M codes", Date: "2026-03-05", Kind: "Per-code rates", "Per-code Rates": "99213:6%; 99214:5%; *:1%", "Term (years)": 2 }), // prettier-ignore
  aProposalRow({ Proposal: "CF to 36", Date: "2026-03-10", Kind: "Conversion factor change", "Current CF": 33.4009, "Proposed CF": 36, "Term (years)": 2, Status: "Draft" }), // prettier-ignore
  aProposalRow({ Proposal: "Payer: E/M table", Party: "Payer", Date: "2026-03-25", Kind: "Per-code rates", "Per-code Rates": "PayerEmRates" }), // prettier-ignore
  aProposalRow({ "Contract Name": "Summit MA", Proposal: "Summit ask", Kind: "Across the board", "Uplift %": 0.04 }),
];

export const CLAIMS_HEADERS = ["Claim ID", "HCPCS Code", "Contract", "Paid Amount", "Charge Amount"] as const;

/** The Tuva professional lines, each patient's under Acme PPO or Summit MA. */
export function tuvaClaimRows(): Row[] {
  const parsed = Papa.parse<Record<string, string>>(readSharedData("claims/tuva-synthetic/medical_claim.csv"), {
    header: true,
    skipEmptyLines: true,
  });
  return parsed.data
    .filter((line) => line.claim_type === "professional")
    .map((line) => ({
      "Claim ID": line.claim_id!,
      "HCPCS Code": line.hcpcs_code!,
      Contract: Number(line.patient_id) % 2 === 0 ? "Acme PPO" : "Summit MA",
      "Paid Amount": Number(line.paid_amount),
      "Charge Amount": line.charge_amount === "" ? null : Number(line.charge_amount),
    }));
}

/** The claims table's mapping: code, paid amount as revenue, charge, contract. */
export function claimsMapping(overrides: Partial<ClaimsMapping> = {}): ClaimsMapping {
  const none = Object.fromEntries(CLAIMS_FIELDS.map((field) => [field, null])) as unknown as ClaimsMapping;
  return { ...none, hcpcsCode: "HCPCS Code", amount: "Paid Amount", chargeAmount: "Charge Amount", contractName: "Contract", ...overrides }; // prettier-ignore
}

/** The workbook; `proposals` replaces the Proposals rows, `claims` the claim rows. */
export function aProposalWorkbook(
  options: { proposals?: readonly Row[]; claims?: readonly Row[] } = {},
): WorkbookSnapshot {
  return {
    sheets: [
      tableSheet("Contracts", PAYER_CONTRACTS_SPEC.title, headersOf(PAYER_CONTRACTS_SPEC), ["Acme PPO", "Summit MA", "Cedar EPO"].map(contract)), // prettier-ignore
      tableSheet("Claims", "Claims", CLAIMS_HEADERS, options.claims ?? tuvaClaimRows()),
      tableSheet("Proposal Tracker", PROPOSALS_SPEC.title, headersOf(PROPOSALS_SPEC), options.proposals ?? PROPOSAL_ROWS), // prettier-ignore
      tableSheet("Rates", "PayerEmRates", ["Code", "Fraction"], [{ Code: "99213", Fraction: 0.03 }, { Code: 99214, Fraction: 0.025 }]), // prettier-ignore
    ],
    activeSheet: "Contracts",
  };
}

/** A new proposal's form: the payer's 3% across the board for Acme PPO. */
export function aProposalForm(overrides: Partial<ProposalForm> = {}): ProposalForm {
  return {
    ...emptyForm(PROPOSALS_SPEC.columns),
    contractName: "Acme PPO",
    proposalName: "Payer: 3% flat",
    party: "Payer",
    date: "2026-04-02",
    kind: "Across the board",
    upliftFraction: "3%",
    termYears: "2",
    status: "Sent",
    ...overrides,
  };
}
