import { useState } from "react";
import { Button } from "@fluentui/react-components";
import type { ClaimsField } from "../../excel/claims/claimsMapping";
import { DEFAULT_PERFORMANCE_SHEET_NAME } from "../../excel/performance";
import { REVIEW_COLUMN_NAMES } from "../../excel/varianceReview";
import { OperationProgress } from "../progress/OperationProgress";
import { useOperationCommand } from "../progress/useOperationCommand";
import { ClaimsSourceGroup, useClaimsMapping, useClaimsTables } from "../shared/ClaimsTablePicker";
import { TextField } from "../shared/fields";
import { Notice } from "../shared/Notice";
import { PanelSection } from "../shared/PanelSection";
import { buildPerformanceCommand } from "./performanceCommands";
import { ActionBar } from "../shared/ActionBar";

/** The columns the sheet's formulas read besides the review's, in the order the panel asks about them. */
export const PERFORMANCE_FIELDS: readonly ClaimsField[] = [
  "contractName",
  "payer",
  "submittedDate",
  "paidDate",
  "paidAmount",
  "chargeAmount",
  "priorAuthorizationNumber",
];

const STEPS = { one: "step", many: "steps" };

/**
 * The Performance panel: pick a reviewed claims table, confirm its date columns, and build the Contract Performance
 * sheet: by contract and month, payment accuracy, underpayment, HFMA initial denial rates, days to pay against the
 * clean-claim window and spike flags, with trend charts; and the cost of doing business and renegotiation scorecard
 * whose inputs (costs, prompt-pay rule, weights) are edited on the sheet, not here. All native formulas.
 */
export function PerformancePanel() {
  const claims = useClaimsTables(/claim|remit/i);
  const choice = useClaimsMapping(claims.table);
  const { mapping } = choice;
  const [sheetName, setSheetName] = useState(DEFAULT_PERFORMANCE_SHEET_NAME);
  const [problem, setProblem] = useState<string | null>(null);
  const build = useOperationCommand(buildPerformanceCommand);
  const reviewed = claims.table?.columnNames.some((n) => REVIEW_COLUMN_NAMES.includes(n)) ?? false;

  const onBuild = () => {
    if (mapping === null) return;
    if (mapping.contractName === null && mapping.payer === null) {
      setProblem(
        "Choose the contract column (or at least the payer column): the sheet has a row per contract and month.",
      );
      return;
    }
    setProblem(null);
    void build.start({ tableName: claims.tableName, mapping, sheetName });
  };

  return (
    <PanelSection
      id="performance"
      title="Performance"
      introSize={200}
      intro="Is each payer paying what the contract says, on time, and at what cost? A sheet by contract and month (payment accuracy, underpayment, HFMA initial denial rates, days to pay, spikes, trend charts) and a scorecard: the cost of doing business, the net effective rate, prompt-pay interest owed and a renegotiation rank with its reason, all in plain Excel formulas."
    >
      <ClaimsSourceGroup
        name="Claims"
        tableLabel="Reviewed claims table"
        claims={claims}
        choice={choice}
        fields={PERFORMANCE_FIELDS}
        description="Expected amounts and flags come from the Variance review's columns; run it on the table first."
        columnNames={claims.table?.columnNames.filter((name) => !REVIEW_COLUMN_NAMES.includes(name))}
      />
      {claims.table !== null && !reviewed && (
        <Notice intent="warning">
          Table {claims.tableName} has no variance review yet: run it on the Variance review tab first.
        </Notice>
      )}
      <TextField label="Sheet name" value={sheetName} onChange={setSheetName} />
      {problem !== null && <Notice>{problem}</Notice>}
      <ActionBar>
        <Button appearance="primary" onClick={onBuild} disabled={build.state.status === "running" || mapping === null}>
          {buildPerformanceCommand.label}
        </Button>
        <OperationProgress
          state={build.state}
          onCancel={build.cancel}
          label="Building the performance sheet"
          unit={STEPS}
          resultSheets={(built) => [built.sheetName]}
        />
      </ActionBar>
    </PanelSection>
  );
}
