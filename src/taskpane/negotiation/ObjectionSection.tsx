import { Button, Subtitle2 } from "@fluentui/react-components";
import type { ClaimsField } from "../../excel/claims/claimsMapping";
import {
  buildObjectionSheet,
  findObjectionSheet,
  type ObjectionSheetState,
} from "../../excel/negotiation/objectionSheetBuild";
import { describeObjectionSheetIssue, type ObjectionSheetRequest } from "../../excel/negotiation/objectionSheetIssues";
import { OperationProgress } from "../progress/OperationProgress";
import { writerCommand } from "../progress/writerCommand";
import { ClaimsSourceGroup, useClaimsMapping, useClaimsTables } from "../shared/ClaimsTablePicker";
import { Notice } from "../shared/Notice";
import type { TaskPaneCommand } from "../taskPaneCommand";
import { useConfirmedBuild } from "./useConfirmedBuild";

/** The claims columns the sheet's COUNTIFS and SUMIFS read, in the order the form asks about them. */
const SHEET_FIELDS: readonly ClaimsField[] = ["contractName", "hcpcsCode", "amount", "units"];

const LABEL = "Build the objections sheet";

/** Whether the contract already has an Objections sheet, so that the section asks before replacing it. */
const findObjectionSheetCommand: TaskPaneCommand<{ readonly contractName: string }, ObjectionSheetState> = {
  name: "negotiation.findObjectionSheet",
  label: LABEL,
  run: (excel, { contractName }) => findObjectionSheet(excel, contractName),
};

/** Builds the sheet, which stores the confirmed claims mapping with it. */
const buildObjectionSheetCommand = writerCommand({
  name: "negotiation.buildObjectionSheet",
  label: LABEL,
  write: (excel, request: ObjectionSheetRequest, { signal }) => buildObjectionSheet(excel, request, { signal }),
  describe: describeObjectionSheetIssue,
  succeeded: (built) =>
    `${built.replaced ? "Replaced" : "Built"} sheet "${built.sheetName}": enter your quality figures in its shaded cells.`,
});

/**
 * The Objections sheet of the chosen contract (issue 17 item 4): the claims table and its columns, and a button that
 * builds the sheet of the payer's common objections answered from the workbook's evidence, asking first when it
 * would replace the contract's earlier one.
 */
export function ObjectionSection({ contractName }: { readonly contractName: string }) {
  const claims = useClaimsTables(/claim/i);
  const choice = useClaimsMapping(claims.table);
  const { build, problem, setProblem, start, confirm } = useConfirmedBuild(findObjectionSheetCommand, buildObjectionSheetCommand); // prettier-ignore

  const onBuild = () => {
    if (choice.mapping === null) {
      setProblem("Choose the claims table first.");
      return;
    }
    void start({ contractName, tableName: claims.tableName, mapping: choice.mapping, replace: false });
  };

  return (
    <>
      <Subtitle2 as="h3">Objections and counterpoints</Subtitle2>
      <ClaimsSourceGroup
        name="Claims the evidence is counted over"
        tableLabel="Claims table"
        claims={claims}
        choice={choice}
        fields={SHEET_FIELDS}
        description="The sheet counts this contract's lines, its denial rate and payment accuracy (from the Variance review's flags) and its rates against the Benchmarks table; a missing source reads No data on the sheet."
      />
      {problem !== null && <Notice>{problem}</Notice>}
      <div>
        <Button
          onClick={onBuild}
          disabled={build.state.status === "running" || choice.mapping === null || contractName === ""}
        >
          {LABEL}
        </Button>
      </div>
      <OperationProgress
        state={build.state}
        onCancel={build.cancel}
        label="Building the objections sheet"
        unit={null}
        resultSheets={(built) => [built.sheetName]}
      />
      {confirm}
    </>
  );
}
