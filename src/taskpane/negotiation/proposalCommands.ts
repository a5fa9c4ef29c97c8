/**
 * The proposal tracker's commands (issue 17 item 2): read the Proposals rows, save one through the registry row
 * writer, and build a contract's Proposals sheet. A build that would replace an earlier one comes back asking for
 * the user's confirmation (nothing written), and runs again with `replace` once given.
 */
import { editorIssueMessage } from "../../excel/contracts/editorIssues";
import type { SavedRow } from "../../excel/contracts/registryRowWriter";
import { loadProposals, saveProposalRow, type ProposalData, type SaveProposalInput } from "../../excel/negotiation/proposalEditor"; // prettier-ignore
import {
  buildProposalSheet,
  describeProposalSheetIssue,
  type BuiltProposalSheet,
  type ProposalSheetRequest,
} from "../../excel/negotiation/proposalSheetBuild";
import { ok } from "../../engine";
import { writerCommand } from "../progress/writerCommand";
import { dollarsText } from "../shared/wording";
import type { TaskPaneCommand } from "../taskPaneCommand";

/** Reads the contracts and the Proposals rows. */
export const loadProposalData: TaskPaneCommand<void, ProposalData> = {
  name: "proposals.load",
  label: "Reload proposals",
  run: (excel) => loadProposals(excel),
};

const savedMessage = (row: SavedRow) =>
  `Saved row ${row.rowNumber} of ${row.table} (sheet ${row.sheet})${row.createdTable ? ", in a new table" : ""}.`;

/** Adds or updates a Proposals row, with Cancel until its commit. */
export const saveProposalRowCommand = writerCommand({
  name: "proposals.saveRow",
  label: "Save",
  write: (excel, input: SaveProposalInput, { signal }) => saveProposalRow(excel, input, { signal }),
  describe: editorIssueMessage,
  succeeded: savedMessage,
});

/** A build: the sheet built, or the sheet that exists and is replaced only once the user confirms. */
export type ProposalBuild =
  | { readonly kind: "built"; readonly sheet: BuiltProposalSheet }
  | { readonly kind: "confirm"; readonly sheetName: string };

const cents = (value: number) => dollarsText(value / 100);

/** What a build did, in one line: the sheet, and each proposal's dollars in year 1 and over its term. */
function builtMessage(build: ProposalBuild): string {
  if (build.kind === "confirm") return `The sheet "${build.sheetName}" already exists: confirm to replace it.`;
  const { sheet } = build;
  const each = sheet.proposals.map((p) => `${p.proposalName}: +${cents(p.year1AddedCents)} in year 1, +${cents(p.termAddedCents)} over the term`); // prettier-ignore
  return `${sheet.replaced ? "Replaced" : "Built"} sheet "${sheet.sheetName}" from ${sheet.lineCount.toLocaleString("en-US")} claim lines. ${each.join("; ")}.`; // prettier-ignore
}

/** Builds a contract's Proposals sheet; an existing one comes back as a question, with nothing written. */
export const buildProposalSheetCommand = writerCommand({
  name: "proposals.buildSheet",
  label: "Build Proposals sheet",
  write: async (excel, request: ProposalSheetRequest, { signal }) => {
    const built = await buildProposalSheet(excel, request, { signal });
    if (built.ok) return ok<ProposalBuild>({ kind: "built", sheet: built.value });
    return built.issue.code === "sheetExists" ? ok<ProposalBuild>({ kind: "confirm", sheetName: built.issue.sheetName }) : built; // prettier-ignore
  },
  describe: describeProposalSheetIssue,
  succeeded: builtMessage,
});
