import {
  deleteCarveOut,
  deleteContractVersion,
  listContracts,
  saveCarveOut,
  saveContractVersion,
  type CarveOutForm,
  type ContractEditorData,
  type EditorIssue,
  type SaveContractInput,
} from "../../excel/contracts/contractEditor";
import type { LoadedRow, SavedRow } from "../../excel/contracts/registryRowWriter";
import type { Result } from "../../engine";
import type { TaskPaneCommand } from "../taskPaneCommand";

/** Reads contracts, versions, carve-outs and the schedules to choose from, for the Contracts panel. */
export const loadContracts: TaskPaneCommand<void, ContractEditorData> = {
  name: "contracts.list",
  label: "Reload",
  run: (excel) => listContracts(excel),
};

/** Adds or updates a PayerContracts row. */
export const saveVersion: TaskPaneCommand<SaveContractInput, Result<SavedRow, EditorIssue>> = {
  name: "contracts.saveVersion",
  label: "Save version",
  run: (excel, input) => saveContractVersion(excel, input),
};

/** Adds or updates a ContractCarveOuts row. */
export const saveCarveOutRow: TaskPaneCommand<
  { readonly form: CarveOutForm; readonly editing: LoadedRow | null },
  Result<SavedRow, EditorIssue>
> = {
  name: "contracts.saveCarveOut",
  label: "Save carve-out",
  run: (excel, input) => saveCarveOut(excel, input),
};

/** Deletes a PayerContracts or ContractCarveOuts row (the panel asks first). */
export const deleteRow: TaskPaneCommand<
  { readonly what: "version" | "carveOut"; readonly row: LoadedRow },
  Result<{ readonly rowNumber: number }, EditorIssue>
> = {
  name: "contracts.deleteRow",
  label: "Delete",
  run: (excel, { what, row }) => (what === "version" ? deleteContractVersion(excel, row) : deleteCarveOut(excel, row)),
};
