import type { IsoDate } from "../../engine";
import { editorIssueMessage } from "../../excel/contracts/editorIssues";
import type { LoadedRow, SavedRow } from "../../excel/contracts/registryRowWriter";
import {
  deleteNegotiationRow,
  loadNegotiation,
  saveNegotiationRow,
  type NegotiationData,
  type NegotiationTable,
  type SaveNegotiationInput,
} from "../../excel/negotiation/negotiationEditor";
import { writerCommand } from "../progress/writerCommand";
import type { TaskPaneCommand } from "../taskPaneCommand";

/** Reads the renewal calendar as of a date, the log and the clause reviews, for the Negotiation panel. */
export const loadNegotiationData: TaskPaneCommand<IsoDate, NegotiationData> = {
  name: "negotiation.load",
  label: "Reload",
  run: (excel, asOf) => loadNegotiation(excel, asOf),
};

/** Where the row went: "Saved row 4 of NegotiationLog (sheet Negotiation Log), in a new table." */
const savedMessage = (row: SavedRow) =>
  `Saved row ${row.rowNumber} of ${row.table} (sheet ${row.sheet})${row.createdTable ? ", in a new table" : ""}.`;

/** Adds or updates a NegotiationLog or ContractClauses row, with Cancel until its commit. */
export const saveNegotiationRowCommand = writerCommand({
  name: "negotiation.saveRow",
  label: "Save",
  write: (excel, input: SaveNegotiationInput<NegotiationTable>, { signal }) =>
    saveNegotiationRow(excel, input, { signal }),
  describe: editorIssueMessage,
  succeeded: savedMessage,
});

/** Deletes a NegotiationLog or ContractClauses row (the panel asks first), with Cancel until its commit. */
export const deleteNegotiationRowCommand = writerCommand({
  name: "negotiation.deleteRow",
  label: "Delete",
  write: (excel, { row }: { readonly row: LoadedRow }, { signal }) => deleteNegotiationRow(excel, row, { signal }),
  describe: editorIssueMessage,
  succeeded: ({ rowNumber }) => `Deleted row ${rowNumber}.`,
});
