import { Button, Subtitle2, Text } from "@fluentui/react-components";
import {
  buildBriefSheet,
  describeBriefSheetIssue,
  findBriefSheet,
  type BriefSheetRequest,
  type BriefSheetState,
  type BuiltBriefSheet,
} from "../../excel/negotiation/briefSheetBuild";
import { OperationProgress } from "../progress/OperationProgress";
import { writerCommand } from "../progress/writerCommand";
import { Notice } from "../shared/Notice";
import type { TaskPaneCommand } from "../taskPaneCommand";
import { useConfirmedBuild } from "./useConfirmedBuild";

/** Whether the contract already has a brief, so that the section asks before replacing it. */
export const findBriefSheetCommand: TaskPaneCommand<{ readonly contractName: string }, BriefSheetState> = {
  name: "negotiation.findBrief",
  label: "Build the brief",
  run: (excel, { contractName }) => findBriefSheet(excel, contractName),
};

/** Builds (or, confirmed, rebuilds) the contract's executive brief, with Cancel until its commit. */
export const buildBriefSheetCommand = writerCommand({
  name: "negotiation.buildBrief",
  label: "Build the brief",
  write: (excel, request: BriefSheetRequest, { signal }) => buildBriefSheet(excel, request, { signal }),
  describe: describeBriefSheetIssue,
  succeeded: (built: BuiltBriefSheet) =>
    `${built.replaced ? "Replaced" : "Built"} sheet "${built.sheetName}": one landscape page of formulas over the Negotiation and Proposals sheets, ready to print or share.`, // prettier-ignore
});

/**
 * The executive brief of the chosen contract (issue 17 item 6): one button that builds it from the contract's
 * Negotiation and Proposals sheets (the build names a missing one), asking first when it would replace the earlier
 * brief.
 */
export function BriefSection({ contractName }: { readonly contractName: string }) {
  const { build, problem, start, confirm } = useConfirmedBuild(findBriefSheetCommand, buildBriefSheetCommand);

  return (
    <>
      <Subtitle2 as="h3">Executive brief</Subtitle2>
      <Text size={200}>
        One printable page for executives: the ask, floor, target, zone of agreement and the latest proposals, as
        formulas over the Negotiation and Proposals sheets (build those first). Rebuild it after a proposal is added: it
        shows the proposal rows the Proposals sheet had when the brief was built.
      </Text>
      {problem !== null && <Notice>{problem}</Notice>}
      <div>
        <Button
          appearance="primary"
          onClick={() => void start({ contractName, replace: false })}
          disabled={build.state.status === "running" || contractName === ""}
        >
          {buildBriefSheetCommand.label}
        </Button>
      </div>
      <OperationProgress
        state={build.state}
        onCancel={build.cancel}
        label="Building the brief"
        unit={null}
        resultSheets={(built) => [built.sheetName]}
      />
      {confirm}
    </>
  );
}
