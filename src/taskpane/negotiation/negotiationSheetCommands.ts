/** The Negotiation tab's sheet commands: is there a sheet to replace, and build (or rebuild) it, with Cancel. */
import { dollarsText } from "../../engine";
import {
  buildNegotiationSheet,
  findNegotiationSheet,
  type BuiltNegotiationSheet,
  type NegotiationSheetState,
} from "../../excel/negotiation/buildNegotiationSheet";
import {
  describeNegotiationSheetIssue,
  type NegotiationSheetRequest,
} from "../../excel/negotiation/negotiationSheetIssues";
import { writerCommand } from "../progress/writerCommand";
import type { TaskPaneCommand } from "../taskPaneCommand";

/** Whether the contract already has a Negotiation sheet, so that the panel asks before replacing it. */
export const findNegotiationSheetCommand: TaskPaneCommand<{ readonly contractName: string }, NegotiationSheetState> = {
  name: "negotiation.findSheet",
  label: "Build the Negotiation sheet",
  run: (excel, { contractName }) => findNegotiationSheet(excel, contractName),
};

/** What a built sheet says in one line: "Built sheet "Negotiation - Acme PPO": zone from $200.00 to $350.00." */
export function builtSheetText(built: BuiltNegotiationSheet): string {
  const { zopa } = built.position;
  const zone =
    zopa.kind === "zone"
      ? `zone of possible agreement from ${dollarsText(zopa.lowCents)} to ${dollarsText(zopa.highCents)} added a year`
      : `no zone: the payer's likely maximum (${dollarsText(zopa.highCents)}) is below the floor (${dollarsText(zopa.lowCents)})`;
  return `${built.replaced ? "Replaced" : "Built"} sheet "${built.sheetName}": ${zone}.`;
}

/** Builds the sheet, which stores the confirmed claims mapping with it. */
export const buildNegotiationSheetCommand = writerCommand({
  name: "negotiation.buildSheet",
  label: "Build the Negotiation sheet",
  write: (excel, request: NegotiationSheetRequest, { signal }) => buildNegotiationSheet(excel, request, { signal }),
  describe: describeNegotiationSheetIssue,
  succeeded: builtSheetText,
});
