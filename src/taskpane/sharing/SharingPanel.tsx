import { useCallback, useEffect, useState } from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import { CLAIMS_FIELD_SPECS, type ClaimsMapping } from "../../excel/claims/claimsMapping";
import { DEFAULT_PORTFOLIO_SHEET_NAME, type FreezeSheetCount, type PortfolioRequest } from "../../excel/sharing";
import { DEFAULT_SCENARIOS } from "../../excel/upliftModel";
import { useExcelGateway } from "../ExcelGatewayContext";
import { OperationProgress } from "../progress/OperationProgress";
import type { Operation } from "../progress/operation";
import { useCancellableOperation } from "../progress/useCancellableOperation";
import { ClaimsTableSelect, useClaimsTables } from "../shared/ClaimsTablePicker";
import { Notice } from "../shared/Notice";
import { usePanelStyles } from "../shared/panelStyles";
import { loadClaimsMapping, parsePercentInput } from "../uplift/upliftCommands";
import { useCommand } from "../useCommand";
import {
  buildPortfolioCommand,
  freezeCommand,
  freezeCountText,
  listSharingSheets,
  previewFreezeCommand,
  repairCommand,
} from "./sharingCommands";

const useStyles = makeStyles({
  sheets: { display: "flex", flexDirection: "column", maxHeight: "180px", overflowY: "auto" },
});

const DEFAULT_SCENARIO = DEFAULT_SCENARIOS[0]!;
const STEPS = { one: "step", many: "steps" };
const SHEETS = { one: "sheet", many: "sheets" };

/** The portfolio form turned into a request, or the first thing to fix. */
function toPortfolioRequest(form: {
  tableName: string;
  mapping: ClaimsMapping | null;
  uplift: string;
  topN: string;
  sheetName: string;
}): PortfolioRequest | string {
  if (form.tableName === "" || form.mapping === null) return "Pick the claims table first.";
  if (form.mapping.contractName === null) {
    return `Table ${form.tableName} has no column mapped as the contract: confirm its columns on the Uplift model tab.`;
  }
  const upliftFraction = parsePercentInput(form.uplift);
  if (upliftFraction === null) return "Give the uplift to model in percent, like 5.";
  const topN = form.topN.trim() === "" ? null : Number(form.topN);
  if (topN !== null && !(Number.isInteger(topN) && topN >= 1)) {
    return "Top N must be a whole number of 1 or more, or blank for all codes.";
  }
  const percent = form.uplift.trim().replace(/%$/, "");
  return {
    tableName: form.tableName,
    mapping: form.mapping,
    scenario: {
      name: topN === null ? `${percent}% across the board` : `${percent}% on top ${topN}`,
      upliftFraction,
      topN,
      rankBy: "revenue",
      overrides: [],
    },
    capAtBilled: form.mapping.chargeAmount !== null,
    sheetName: form.sheetName,
  };
}

/**
 * The Sharing panel: everything for sending a workbook to people without the add-in. Builds the contract portfolio
 * summary (native formulas and charts only), freezes PAYER formulas into values after showing what will change, and
 * repairs PAYER formulas that show #NAME? after the workbook was opened without the add-in.
 */
export function SharingPanel() {
  const styles = usePanelStyles();
  const own = useStyles();
  const excel = useExcelGateway();

  // Portfolio summary
  const { tableList, tableName, setTableName, table } = useClaimsTables(/claim/i);
  const [mappingState, loadMapping] = useCommand(loadClaimsMapping);
  const [uplift, setUplift] = useState(String(DEFAULT_SCENARIO.upliftFraction * 100));
  const [topN, setTopN] = useState(DEFAULT_SCENARIO.topN === null ? "" : String(DEFAULT_SCENARIO.topN));
  const [sheetName, setSheetName] = useState(DEFAULT_PORTFOLIO_SHEET_NAME);
  const [portfolioProblem, setPortfolioProblem] = useState<string | null>(null);
  const buildOperation = useCallback<Operation<PortfolioRequest, unknown>>(
    (request, controls) => buildPortfolioCommand.run(excel, { request, controls }),
    [excel],
  );
  const build = useCancellableOperation(buildOperation);
  useEffect(() => {
    if (table !== null) void loadMapping({ table });
  }, [table, loadMapping]);
  const mapping = mappingState.status === "succeeded" ? mappingState.result.mapping : null;
  const onBuild = () => {
    const request = toPortfolioRequest({ tableName, mapping, uplift, topN, sheetName });
    if (typeof request === "string") {
      setPortfolioProblem(request);
      return;
    }
    setPortfolioProblem(null);
    void build.start(request);
  };

  // Freeze and repair
  const [sheets, refreshSheets] = useCommand(listSharingSheets);
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [preview, runPreview] = useCommand(previewFreezeCommand);
  const [confirming, setConfirming] = useState<readonly FreezeSheetCount[] | null>(null);
  const freezeOperation = useCallback<Operation<readonly string[], unknown>>(
    (sheetNames, controls) => freezeCommand.run(excel, { sheetNames, controls }),
    [excel],
  );
  const freeze = useCancellableOperation(freezeOperation);
  const [restoreFrozen, setRestoreFrozen] = useState(false);
  const repairOperation = useCallback<Operation<boolean, unknown>>(
    (restore, controls) =>
      repairCommand.run(excel, { request: { sheetNames: null, restoreFrozen: restore }, controls }),
    [excel],
  );
  const repair = useCancellableOperation(repairOperation);
  useEffect(() => {
    void refreshSheets();
  }, [refreshSheets, build.state.status, freeze.state.status, repair.state.status]);
  const sheetList = sheets.status === "succeeded" ? sheets.result : [];
  useEffect(() => {
    if (preview.status === "succeeded" && typeof preview.result !== "string") setConfirming(preview.result);
  }, [preview]);
  const toFreeze = (confirming ?? []).filter((s) => s.formulaCells > 0);
  const toggle = (sheet: string, on: boolean) =>
    setChosen((list) => (on ? [...list.filter((s) => s !== sheet), sheet] : list.filter((s) => s !== sheet)));

  return (
    <section className={styles.panel} aria-labelledby="sharing-panel-title">
      <Subtitle2 as="h2" id="sharing-panel-title">
        Sharing
      </Subtitle2>
      <Text size={200} className={styles.muted}>
        For workbooks you send to people who do not have the add-in: a portfolio summary in plain Excel, PAYER formulas
        frozen into values, and formulas repaired after the workbook was opened without the add-in.
      </Text>

      <div className={styles.group} role="group" aria-label="Portfolio summary">
        <Text className={styles.legend}>Contract portfolio summary</Text>
        <Caption1 className={styles.muted}>
          One row per contract: revenue, modeled uplift, denial rates, recoverable underpayments and renewal deadlines,
          with charts by payer.
        </Caption1>
        <ClaimsTableSelect label="Claims table" tables={tableList} tableName={tableName} onChange={setTableName} />
        {mapping !== null && (
          <Caption1 className={styles.muted}>
            {CLAIMS_FIELD_SPECS.contractName.label}: {mapping.contractName ?? "(none)"};{" "}
            {CLAIMS_FIELD_SPECS.amount.label.toLowerCase()}: {mapping.amount ?? "(none)"};{" "}
            {CLAIMS_FIELD_SPECS.adjustmentCodes.label.toLowerCase()}: {mapping.adjustmentCodes ?? "(none)"}
          </Caption1>
        )}
        <div className={styles.row}>
          <Field label="Uplift %" className={styles.grow}>
            <Input className={styles.compact} value={uplift} onChange={(_, d) => setUplift(d.value)} />
          </Field>
          <Field label="Top N (blank: all)" className={styles.grow}>
            <Input className={styles.compact} value={topN} onChange={(_, d) => setTopN(d.value)} />
          </Field>
        </div>
        <Field label="Summary sheet name">
          <Input value={sheetName} onChange={(_, d) => setSheetName(d.value)} />
        </Field>
        {portfolioProblem !== null && <Notice>{portfolioProblem}</Notice>}
        <div className={styles.row}>
          <Button
            appearance="primary"
            onClick={onBuild}
            disabled={build.state.status === "running" || mapping === null}
          >
            Build portfolio summary
          </Button>
        </div>
        <OperationProgress state={build.state} onCancel={build.cancel} label="Building the summary" unit={STEPS} />
      </div>

      <div className={styles.group} role="group" aria-label="Freeze for sharing">
        <Text className={styles.legend}>Freeze for sharing</Text>
        <Caption1 className={styles.muted}>
          Replaces the PAYER formulas of the chosen sheets with their current values, stamped with the time, so the
          sheets read the same without the add-in. The formulas are kept on the sheet &quot;Frozen for sharing&quot;.
        </Caption1>
        <div className={own.sheets} role="group" aria-label="Sheets to freeze">
          {sheetList.map((sheet) => (
            <Checkbox
              key={sheet}
              label={sheet}
              checked={chosen.includes(sheet)}
              onChange={(_, d) => toggle(sheet, d.checked === true)}
            />
          ))}
        </div>
        {preview.status === "succeeded" && typeof preview.result === "string" && <Notice>{preview.result}</Notice>}
        {confirming !== null ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {toFreeze.length === 0 ? "Nothing to freeze" : "Freeze these formulas into values?"}
              </MessageBarTitle>
              <ul aria-label="Formulas to freeze">
                {confirming.map((s) => (
                  <li key={s.sheet}>{freezeCountText(s)}</li>
                ))}
              </ul>
            </MessageBarBody>
            <MessageBarActions>
              <Button
                appearance="primary"
                disabled={toFreeze.length === 0}
                onClick={() => {
                  setConfirming(null);
                  void freeze.start(toFreeze.map((s) => s.sheet));
                }}
              >
                Freeze {toFreeze.reduce((n, s) => n + s.formulaCells, 0).toLocaleString()} formulas
              </Button>
              <Button onClick={() => setConfirming(null)}>Keep formulas</Button>
            </MessageBarActions>
          </MessageBar>
        ) : (
          <div className={styles.row}>
            <Button
              onClick={() => void runPreview(chosen)}
              disabled={chosen.length === 0 || preview.status === "running" || freeze.state.status === "running"}
            >
              Review freeze
            </Button>
          </div>
        )}
        <OperationProgress state={freeze.state} onCancel={freeze.cancel} label="Freezing" unit={SHEETS} />
      </div>

      <div className={styles.group} role="group" aria-label="Repair formulas">
        <Text className={styles.legend}>Repair formulas</Text>
        <Caption1 className={styles.muted}>
          A PAYER formula shows #NAME? when the workbook was opened or edited where the add-in was not loaded, and Excel
          keeps that result. Repair enters those formulas again so they calculate.
        </Caption1>
        <Checkbox
          label="Also restore the frozen cells' formulas"
          checked={restoreFrozen}
          onChange={(_, d) => setRestoreFrozen(d.checked === true)}
        />
        <div className={styles.row}>
          <Button onClick={() => void repair.start(restoreFrozen)} disabled={repair.state.status === "running"}>
            Repair formulas
          </Button>
        </div>
        <OperationProgress state={repair.state} onCancel={repair.cancel} label="Repairing" />
      </div>
    </section>
  );
}
