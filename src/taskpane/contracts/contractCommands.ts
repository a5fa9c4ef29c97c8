import {
  deleteLoadedRow,
  editorIssueMessage,
  listContracts,
  saveCarveOut,
  saveContractVersion,
  type CarveOutForm,
  type ContractEditorData,
  type SaveContractInput,
} from "../../excel/contracts/contractEditor";
import { saveHospitalTerms, type HospitalSide, type SaveTermsInput } from "../../excel/contracts/hospitalTerms";
import type { LoadedRow, SavedRow } from "../../excel/contracts/registryRowWriter";
import { writerCommand } from "../progress/writerCommand";
import type { TaskPaneCommand } from "../taskPaneCommand";

/** Reads contracts, versions, carve-outs and the schedules to choose from, for the Contracts panel. */
export const loadContracts: TaskPaneCommand<void, ContractEditorData> = {
  name: "contracts.list",
  label: "Reload",
  run: (excel) => listContracts(excel),
};

/** Where the row went: "Saved row 7 of PayerContracts (sheet Contracts), in a new table." */
const savedMessage = (row: SavedRow) =>
  `Saved row ${row.rowNumber} of ${row.table} (sheet ${row.sheet})${row.createdTable ? ", in a new table" : ""}.`;

// The editor's saves and deletes report no progress (they take only the user's Cancel): their bars move without counts.

/** Adds or updates a PayerContracts row, with Cancel until its commit. */
export const saveVersion = writerCommand({
  name: "contracts.saveVersion",
  label: "Save version",
  write: (excel, input: SaveContractInput, { signal }) => saveContractVersion(excel, input, { signal }),
  describe: editorIssueMessage,
  succeeded: savedMessage,
});

/** Adds or updates a ContractCarveOuts row, with Cancel until its commit. */
export const saveCarveOutRow = writerCommand({
  name: "contracts.saveCarveOut",
  label: "Save carve-out",
  write: (excel, input: { readonly form: CarveOutForm; readonly editing: LoadedRow | null }, { signal }) =>
    saveCarveOut(excel, input, { signal }),
  describe: editorIssueMessage,
  succeeded: savedMessage,
});

/** Adds or updates an InpatientTerms or OutpatientTerms row, with Cancel until its commit. */
export const saveTermsRow = writerCommand({
  name: "contracts.saveHospitalTerms",
  label: "Save terms",
  write: (excel, input: SaveTermsInput<HospitalSide>, { signal }) => saveHospitalTerms(excel, input, { signal }),
  describe: editorIssueMessage,
  succeeded: savedMessage,
});

/** A row of a registry table the Contracts panel lists, as it deletes it. */
export interface RowToDelete {
  readonly row: LoadedRow;
}

/** Deletes a row the Contracts panel lists (it asks first), with Cancel until its commit. */
export const deleteRow = writerCommand({
  name: "contracts.deleteRow",
  label: "Delete",
  write: (excel, { row }: RowToDelete, { signal }) => deleteLoadedRow(excel, row, { signal }),
  describe: editorIssueMessage,
  succeeded: ({ rowNumber }) => `Deleted row ${rowNumber}.`,
});
