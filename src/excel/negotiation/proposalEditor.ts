/**
 * The proposal tracker's rows (issue 17 item 2): reads the Proposals rows (with the reader's problems) and the
 * contracts they may name in the registry reader's round trips; checks a proposal's form with the table's own reader
 * (checkForm), a contract of PayerContracts and one proposal of a name per contract; saves or deletes a row through
 * the one all-or-nothing row writer, which creates the table on its own sheet when the workbook has none.
 */
import { saveCheckedRow } from "../contracts/saveCheckedRow";
import { registryKey, type Result } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import { editableRows, type EditableRow } from "../contracts/editableRows";
import type { EditorIssue } from "../contracts/editorIssues";
import { checkForm, type FieldErrors, type FormCheck, type FormValues } from "../contracts/registryForm";
import { type LoadedRow, type SavedRow } from "../contracts/registryRowWriter";
import { registryIssueMessage, registryIssueRows } from "../registry/issues";
import { readRegistryTables } from "../registry/readRegistry";
import { PAYER_CONTRACTS_SPEC } from "../registry/registryTables";
import { parseTable } from "../registry/tableSpec";
import { PROPOSALS_SPEC } from "./proposalTable";

/** The sheet a new Proposals table is created on (the priced sheets are "Proposals - <contract>"). */
export const PROPOSALS_TABLE_SHEET = "Proposal Tracker";

type ProposalColumns = typeof PROPOSALS_SPEC.columns;
/** The inputs of a proposal's form (one per column). */
export type ProposalForm = FormValues<ProposalColumns>;
/** A Proposals row as the pane lists it. */
export type ProposalRow = EditableRow<ProposalForm>;

/** What the proposal tracker shows. */
export interface ProposalData {
  /** The contracts of PayerContracts, by name, in the table's order. */
  readonly contractNames: readonly string[];
  /** Every Proposals row, as a form with the reader's problems. */
  readonly rows: readonly ProposalRow[];
  /** What the reader says is wrong with the table as a whole (a required column missing), in its words. */
  readonly problems: readonly string[];
}

/** Reads the contracts and the Proposals rows, in the registry reader's round trips. */
export async function loadProposals(excel: ExcelGateway): Promise<ProposalData> {
  const { tables } = await readRegistryTables(excel, () => [PROPOSALS_SPEC.title]);
  const contracts = tables.get(registryKey(PAYER_CONTRACTS_SPEC.title));
  const data = tables.get(registryKey(PROPOSALS_SPEC.title));
  const issues = data === undefined ? [] : parseTable(PROPOSALS_SPEC, data).issues;
  const names = contracts === undefined ? [] : parseTable(PAYER_CONTRACTS_SPEC, contracts).rows.map((r) => r.contractName); // prettier-ignore
  return {
    contractNames: [...new Map(names.map((name) => [registryKey(name), name])).values()],
    rows: editableRows(PROPOSALS_SPEC, data, issues),
    problems: issues.filter((issue) => registryIssueRows(issue).length === 0).map(registryIssueMessage),
  };
}

/** What a proposal's form is checked against: the contracts it may name, the other rows, the row it edits. */
export interface ProposalContext {
  readonly contractNames: readonly string[];
  readonly others: readonly ProposalRow[];
  readonly editing: LoadedRow | null;
}

const text = (input: unknown) => (typeof input === "string" ? input.trim() : "");

/**
 * Checks a proposal's form as the table's reader reads its row (the cells its kind needs, a per-code list that
 * reads), with a Contract Name from PayerContracts and no other proposal of the same name for the contract.
 */
export function checkProposalRow(form: ProposalForm, context: ProposalContext): FormCheck<ProposalColumns> {
  const checked = checkForm(PROPOSALS_SPEC, form);
  const errors: Record<string, string> = {};
  const name = text(form.contractName);
  if (name !== "" && !context.contractNames.some((n) => registryKey(n) === registryKey(name)))
    errors.contractName = "Choose a contract of the PayerContracts table.";
  const proposal = text(form.proposalName);
  const twin =
    proposal === ""
      ? undefined
      : context.others.find(
          (other) =>
            other.loaded.rowNumber !== context.editing?.rowNumber &&
            registryKey(text(other.form.contractName)) === registryKey(name) &&
            registryKey(text(other.form.proposalName)) === registryKey(proposal),
        );
  if (twin !== undefined)
    errors.proposalName = `Row ${twin.loaded.rowNumber} already has a proposal of this name for the contract: rename this one, or edit that row.`; // prettier-ignore
  return Object.keys(errors).length === 0
    ? checked
    : { errors: { ...errors, ...checked.errors } as FieldErrors<ProposalColumns>, row: null };
}

/** Input of {@link saveProposalRow}: the form and what it is checked against. */
export type SaveProposalInput = ProposalContext & { readonly form: ProposalForm };

/**
 * Adds or updates one Proposals row once it checks; refuses when the row changed in the sheet since it was loaded.
 * Creates the table on its own sheet when the workbook has none. All or nothing.
 */
export async function saveProposalRow(
  excel: ExcelGateway,
  input: SaveProposalInput,
  options: { readonly signal?: AbortSignal } = {},
): Promise<Result<SavedRow, EditorIssue>> {
  const target = { spec: PROPOSALS_SPEC, editing: input.editing, newSheetName: PROPOSALS_TABLE_SHEET };
  return saveCheckedRow(
    excel,
    target,
    checkProposalRow(input.form, input),
    ({ contractName, proposalName }) => ({
      what: `saving the proposal "${proposalName}" of contract "${contractName}"`,
      contractName,
    }),
    options,
  );
}
