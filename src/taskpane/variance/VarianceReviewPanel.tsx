import { useCallback, useEffect, useState } from "react";
import { Button, Caption1, Checkbox, Field, Input, Select, Subtitle2, Text } from "@fluentui/react-components";
import type { ClaimsField, ClaimsMapping } from "../../excel/claims/claimsMapping";
import { REVIEW_COLUMN_NAMES, type VarianceReviewRequest } from "../../excel/varianceReview";
import { useExcelGateway } from "../ExcelGatewayContext";
import { OperationProgress } from "../progress/OperationProgress";
import type { Operation } from "../progress/operation";
import { useCancellableOperation } from "../progress/useCancellableOperation";
import { ClaimsMappingFields, ClaimsTableSelect, useClaimsTables } from "../shared/ClaimsTablePicker";
import { Notice } from "../shared/Notice";
import { usePanelStyles } from "../shared/panelStyles";
import { listColumnValues, loadClaimsMapping, parsePercentInput } from "../uplift/upliftCommands";
import { useCommand } from "../useCommand";
import { loadReviewSettings, runVarianceReviewCommand } from "./varianceCommands";

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
];

/**
 * The Variance review panel: pick a claims or remittance table, confirm its columns and which contract each payer
 * maps to (when the table has no contract column), set the tolerances, and run the review: flag columns added to
 * the table, a Summary of live formulas and a Worklist of underpaid claims.
 */
export function VarianceReviewPanel() {
  const styles = usePanelStyles();
  const excel = useExcelGateway();
  const { tableList, tableName, setTableName, table, refreshTables } = useClaimsTables(/claim|remit/i);
  const [mappingState, loadMapping] = useCommand(loadClaimsMapping);
  const [settings, loadSettings] = useCommand(loadReviewSettings);
  const [payers, loadPayers] = useCommand(listColumnValues);
  const [mapping, setMapping] = useState<ClaimsMapping | null>(null);
  const [payerContracts, setPayerContracts] = useState<Record<string, string>>({});
  const [dollars, setDollars] = useState("1.00");
  const [percent, setPercent] = useState("1");
  const [rule, setRule] = useState<"both" | "either">("both");
  const [replace, setReplace] = useState(false);
  const [formProblem, setFormProblem] = useState<string | null>(null);

  const operation = useCallback<Operation<VarianceReviewRequest, unknown>>(
    (request, controls) => runVarianceReviewCommand.run(excel, { request, controls }),
    [excel],
  );
  const review = useCancellableOperation(operation);

  // A finished review adds columns: list the tables again so the pane sees them.
  useEffect(() => {
    if (review.state.status === "succeeded") void refreshTables();
  }, [review.state.status, refreshTables]);
  const tableKey = table === null ? "" : `${table.name}|${table.columnNames.join("|")}`;
  useEffect(() => {
    if (table !== null) void loadMapping({ table });
    // Reload only when the table or its columns change, not on every refresh of the list.
  }, [tableKey, loadMapping]);
  useEffect(() => {
    if (tableName !== "") void loadSettings({ tableName });
  }, [tableName, loadSettings]);
  useEffect(() => {
    if (mappingState.status === "succeeded") setMapping(mappingState.result.mapping);
  }, [mappingState]);
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
  useEffect(() => {
    if (needsPayerContracts && mapping?.payer) void loadPayers({ tableName, column: mapping.payer });
  }, [needsPayerContracts, tableName, mapping?.payer, loadPayers]);

  const earlierColumns = table?.columnNames.filter((n) => REVIEW_COLUMN_NAMES.includes(n)) ?? [];
  const contractNames = settings.status === "succeeded" ? settings.result.contractNames : [];
  const payerList = needsPayerContracts && payers.status === "succeeded" ? payers.result : [];

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
    <section className={styles.panel} aria-labelledby="variance-panel-title">
      <Subtitle2 as="h2" id="variance-panel-title">
        Variance review
      </Subtitle2>
      <Text size={200} className={styles.muted}>
        Flag every line the payer underpaid, overpaid or denied against its contract, and total what you can recover.
        Adds Expected, Variance and Flag columns to the table, a Summary sheet of live formulas and a Worklist of
        underpaid claims.
      </Text>

      <div className={styles.group} role="group" aria-label="Claims or remittances">
        <ClaimsTableSelect
          label="Claims or remittance table"
          tables={tableList}
          tableName={tableName}
          onChange={setTableName}
        />
        {mappingState.status === "succeeded" && mappingState.result.note !== null && (
          <Notice intent="warning">{mappingState.result.note}</Notice>
        )}
        {table !== null && mapping !== null && (
          <>
            <Caption1 className={styles.muted}>
              Allowed is compared with the contract; without an allowed column, paid + patient responsibility.
            </Caption1>
            <ClaimsMappingFields
              fields={REVIEW_FIELDS}
              mapping={mapping}
              columnNames={table.columnNames.filter((name) => !REVIEW_COLUMN_NAMES.includes(name))}
              onChange={setMapping}
            />
          </>
        )}
      </div>

      {needsPayerContracts && (
        <div className={styles.group} role="group" aria-label="Contract of each payer">
          <Text className={styles.legend}>Contract of each payer</Text>
          {payerList.map((payer) => (
            <Field key={payer} label={payer} orientation="horizontal">
              <Select
                value={payerContracts[payer] ?? ""}
                onChange={(_, d) => setPayerContracts({ ...payerContracts, [payer]: d.value })}
              >
                <option value="">(no contract)</option>
                {contractNames.map((name) => (
                  <option key={name}>{name}</option>
                ))}
              </Select>
            </Field>
          ))}
        </div>
      )}

      <div className={styles.group} role="group" aria-label="Tolerance">
        <Text className={styles.legend}>Tolerance</Text>
        <div className={styles.row}>
          <Field label="Dollars" className={styles.narrow}>
            <Input className={styles.compact} value={dollars} onChange={(_, d) => setDollars(d.value)} />
          </Field>
          <Field label="Percent" className={styles.narrow}>
            <Input className={styles.compact} value={percent} onChange={(_, d) => setPercent(d.value)} />
          </Field>
          <Field label="Flag a line beyond">
            <Select value={rule} onChange={(_, d) => setRule(d.value as "both" | "either")}>
              <option value="both">both tolerances</option>
              <option value="either">either tolerance</option>
            </Select>
          </Field>
        </div>
        {earlierColumns.length > 0 && (
          <Checkbox
            checked={replace}
            onChange={(_, d) => setReplace(d.checked === true)}
            label={`Replace the columns of the earlier review (${earlierColumns.join(", ")})`}
          />
        )}
      </div>

      {formProblem !== null && <Notice>{formProblem}</Notice>}
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
        unit={{ one: "row", many: "rows" }}
      />
    </section>
  );
}
