import { useEffect, useState } from "react";
import { Button, Checkbox, Field, Select, Text } from "@fluentui/react-components";
import type { ClaimsField } from "../../excel/claims/claimsMapping";
import { REVIEW_COLUMN_NAMES } from "../../excel/varianceReview";
import { OperationProgress } from "../progress/OperationProgress";
import { useOperationCommand } from "../progress/useOperationCommand";
import { ClaimsSourceGroup, useClaimsMapping, useClaimsTables, useColumnValues } from "../shared/ClaimsTablePicker";
import { ChoiceSelect, CompactFieldRow } from "../shared/fields";
import { Notice } from "../shared/Notice";
import { PanelSection } from "../shared/PanelSection";
import { usePanelStyles } from "../shared/panelStyles";
import { parsePercentInput } from "../uplift/upliftForm";
import { useCommand } from "../useCommand";
import { loadReviewSettings, runVarianceReviewCommand } from "./varianceCommands";
import { ActionBar } from "../shared/ActionBar";

/** The columns the review reads, in the order the panel asks about them. */
export const REVIEW_FIELDS: readonly ClaimsField[] = [
  "hcpcsCode",
  "allowedAmount",
  "paidAmount",
  "patientResponsibilityAmount",
  "chargeAmount",
  "units",
  "serviceDate",
  "payer",
  "contractName",
  "claimId",
  "hcpcsModifier1",
  "hcpcsModifier2",
  "placeOfServiceCode",
  "adjustmentCodes",
  "deniedFlag",
  // Hospital (UB-04) claims: a table that maps the type of bill is reviewed as hospital claims.
  "typeOfBill",
  "revenueCode",
  "msDrg",
  "admitDate",
  "dischargeDate",
  "dischargeStatus",
  "coveredDays",
  "totalChargeAmount",
  "claimAllowedAmount",
];

/**
 * The Variance review panel: pick a claims or remittance table, confirm its columns and which contract each payer
 * maps to (when the table has no contract column), set the tolerances, and run the review: flag columns added to
 * the table, a Summary of live formulas and a Worklist of underpaid claims.
 */
export function VarianceReviewPanel() {
  const styles = usePanelStyles();
  const claims = useClaimsTables(/claim|remit/i);
  const { tableName, table, refreshTables } = claims;
  const choice = useClaimsMapping(table);
  const { mapping } = choice;
  const [settings, loadSettings] = useCommand(loadReviewSettings);
  const [payerContracts, setPayerContracts] = useState<Record<string, string>>({});
  const [dollars, setDollars] = useState("1.00");
  const [percent, setPercent] = useState("1");
  const [rule, setRule] = useState<"both" | "either">("both");
  const [replace, setReplace] = useState(false);
  const [formProblem, setFormProblem] = useState<string | null>(null);
  const review = useOperationCommand(runVarianceReviewCommand);

  // A finished review adds columns: list the tables again so the pane sees them.
  useEffect(() => {
    if (review.state.status === "succeeded") void refreshTables();
  }, [review.state.status, refreshTables]);
  useEffect(() => {
    if (tableName !== "") void loadSettings({ tableName });
  }, [tableName, loadSettings]);
  useEffect(() => {
    if (settings.status !== "succeeded") return;
    const { record } = settings.result;
    setPayerContracts(record.payerContracts);
    if (record.tolerance !== null) {
      setDollars(record.tolerance.amount.toFixed(2));
      setPercent(String(Math.round(record.tolerance.fraction * 1e6) / 1e4));
      setRule(record.tolerance.rule);
    }
  }, [settings]);
  const needsPayerContracts = mapping !== null && mapping.contractName === null && mapping.payer !== null;
  const payerList = useColumnValues(tableName, needsPayerContracts ? mapping.payer : null);

  const earlierColumns = table?.columnNames.filter((n) => REVIEW_COLUMN_NAMES.includes(n)) ?? [];
  const contractNames = settings.status === "succeeded" ? settings.result.contractNames : [];

  const onRun = () => {
    if (mapping === null) return;
    const amount = Number(dollars.replace(/[$,\s]/g, ""));
    const fraction = parsePercentInput(percent);
    if (dollars.trim() === "" || !Number.isFinite(amount) || amount < 0 || fraction === null || fraction < 0) {
      setFormProblem("Give the tolerances as numbers of 0 or more: dollars like 1.00 and a percent like 1.");
      return;
    }
    setFormProblem(null);
    void review.start({
      tableName,
      mapping,
      payerContracts: Object.fromEntries(
        Object.entries(payerContracts).filter(([payer, contract]) => contract !== "" && payer !== ""),
      ),
      tolerance: { amount, fraction, rule },
      replaceExisting: replace,
    });
  };

  return (
    <PanelSection
      id="variance"
      title="Variance review"
      introSize={200}
      intro="Flag every line the payer underpaid, overpaid or denied against its contract, and total what you can recover. Adds Expected, Variance and Flag columns to the table, a Summary sheet of live formulas and a Worklist of underpaid claims."
    >
      <ClaimsSourceGroup
        name="Claims or remittances"
        tableLabel="Claims or remittance table"
        claims={claims}
        choice={choice}
        fields={REVIEW_FIELDS}
        description="Allowed is compared with the contract; without an allowed column, paid + patient responsibility. With a type of bill, the table is read as hospital claims: a stay is compared as a whole with its claim allowed amount."
        columnNames={table?.columnNames.filter((name) => !REVIEW_COLUMN_NAMES.includes(name))}
      />

      {needsPayerContracts && (
        <div className={styles.group} role="group" aria-label="Contract of each payer">
          <Text className={styles.legend}>Contract of each payer</Text>
          {payerList.map((payer) => (
            <Field key={payer} label={payer} orientation="horizontal">
              <ChoiceSelect
                value={payerContracts[payer] ?? ""}
                onChange={(contract) => setPayerContracts({ ...payerContracts, [payer]: contract })}
                choices={contractNames}
                noChoice="(no contract)"
              />
            </Field>
          ))}
        </div>
      )}

      <div className={styles.group} role="group" aria-label="Tolerance">
        <Text className={styles.legend}>Tolerance</Text>
        <CompactFieldRow
          fields={[
            { label: "Dollars", value: dollars, onChange: setDollars },
            { label: "Percent", value: percent, onChange: setPercent },
          ]}
        >
          <Field label="Flag a line beyond">
            <Select value={rule} onChange={(_, d) => setRule(d.value as "both" | "either")}>
              <option value="both">both tolerances</option>
              <option value="either">either tolerance</option>
            </Select>
          </Field>
        </CompactFieldRow>
        {earlierColumns.length > 0 && (
          <Checkbox
            checked={replace}
            onChange={(_, d) => setReplace(d.checked === true)}
            label={`Replace the columns of the earlier review (${earlierColumns.join(", ")})`}
          />
        )}
      </div>

      {formProblem !== null && <Notice>{formProblem}</Notice>}
      <ActionBar>
        <Button
          appearance="primary"
          onClick={onRun}
          disabled={review.state.status === "running" || mapping === null || (earlierColumns.length > 0 && !replace)}
        >
          {runVarianceReviewCommand.label}
        </Button>
        <OperationProgress
          state={review.state}
          onCancel={review.cancel}
          label="Writing the variance review"
          resultSheets={(reviewed) => [reviewed.summarySheet, reviewed.worklistSheet]}
        />
      </ActionBar>
    </PanelSection>
  );
}
