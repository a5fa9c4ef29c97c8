import { useEffect, useState } from "react";
import { Button, Checkbox, Field, Text } from "@fluentui/react-components";
import type { ClaimsField } from "../../excel/claims/claimsMapping";
import { DEFAULT_FLOOR, DEFAULT_MODEL_SHEET_NAME, DEFAULT_SCENARIOS, DEFAULT_TARGET } from "../../excel/upliftModel";
import { modelCodeChoices } from "../../excel/upliftModel";
import { OperationProgress } from "../progress/OperationProgress";
import { useOperationCommand } from "../progress/useOperationCommand";
import { ClaimsSourceGroup, useClaimsMapping, useClaimsTables, useColumnValues } from "../shared/ClaimsTablePicker";
import { ChoiceSelect, TextField, TextFields } from "../shared/fields";
import { Notice } from "../shared/Notice";
import { PanelSection } from "../shared/PanelSection";
import { usePanelStyles } from "../shared/panelStyles";
import { ScenarioFields, ThresholdFields } from "./ScenarioFields";
import { buildUpliftModelCommand } from "./upliftCommands";
import { nextScenarioForm, scenarioForm, thresholdForm, toUpliftRequest, type ScenarioForm } from "./upliftForm";
import { ActionBar } from "../shared/ActionBar";

/** The mapped fields the panel asks about; the later features' optional fields keep their suggested columns. */
const MAPPED_FIELDS: readonly ClaimsField[] = [
  "hcpcsCode",
  "amount",
  "units",
  "chargeAmount",
  "payer",
  "contractName",
  "serviceDate",
];

/**
 * The Uplift model panel: pick a claims table, confirm its columns, filter, define scenarios, floor and target, and
 * build the model sheet (native formulas and a chart, no add-in needed to read it). Rebuilding updates the model.
 */
export function UpliftModelPanel() {
  const styles = usePanelStyles();
  // Default to the table named like claims, else the first one.
  const claims = useClaimsTables(/claim/i);
  const { tableName } = claims;
  const choice = useClaimsMapping(claims.table);
  const { mapping, loaded } = choice;
  const payers = useColumnValues(tableName, mapping?.payer);
  const contracts = useColumnValues(tableName, mapping?.contractName);
  const [payer, setPayer] = useState("");
  const [contract, setContract] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [scenarios, setScenarios] = useState<ScenarioForm[]>(() => DEFAULT_SCENARIOS.map(scenarioForm));
  const [floor, setFloor] = useState(() => thresholdForm(DEFAULT_FLOOR));
  const [target, setTarget] = useState(() => thresholdForm(DEFAULT_TARGET));
  const [capAtBilled, setCapAtBilled] = useState(true);
  const [sheetName, setSheetName] = useState(DEFAULT_MODEL_SHEET_NAME);
  // A hospital table ranks by MS-DRG over its stays, or by HCPCS or revenue code over its outpatient lines.
  const codeChoices = mapping === null ? [] : modelCodeChoices(mapping);
  const [codeKind, setCodeKind] = useState("");
  const chosenCode = codeChoices.find((c) => c.codeKind === codeKind) ?? codeChoices[0];
  const [formProblem, setFormProblem] = useState<string | null>(null);
  const build = useOperationCommand(buildUpliftModelCommand);

  useEffect(() => {
    if (loaded !== null) setCapAtBilled(loaded.mapping.chargeAmount !== null);
  }, [loaded]);
  // A filter chosen for one column means nothing for another.
  useEffect(() => setPayer(""), [tableName, mapping?.payer]);
  useEffect(() => setContract(""), [tableName, mapping?.contractName]);

  const updateScenario = (key: number, change: Partial<ScenarioForm>) =>
    setScenarios((list) => list.map((s) => (s.key === key ? { ...s, ...change } : s)));

  const onBuild = () => {
    if (mapping === null) return;
    const form = {
      ...{ tableName, mapping, scenarios, floor, target, payer, contract, from, to, capAtBilled, sheetName },
      codeKind: chosenCode?.codeKind ?? "hcpcs",
    };
    const request = toUpliftRequest(form);
    setFormProblem(typeof request === "string" ? request : null);
    if (typeof request !== "string") void build.start(request);
  };

  return (
    <PanelSection
      id="uplift"
      title="Uplift model"
      introSize={200}
      intro="What is 5% on our top 20 codes worth against 3% across the board? Builds a model sheet with live Excel formulas that anyone can open without the add-in."
    >
      <ClaimsSourceGroup
        name="Claims"
        tableLabel="Claims table"
        claims={claims}
        choice={choice}
        fields={MAPPED_FIELDS}
        description={
          loaded?.saved
            ? "Columns as confirmed for this table; they are saved with the workbook."
            : "Columns suggested from the headers; building the model saves them with the workbook."
        }
      />

      <div className={styles.group} role="group" aria-label="Filters">
        <Text className={styles.legend}>Which lines</Text>
        {codeChoices.length > 1 && chosenCode !== undefined && (
          <Field label="Rank and uplift by">
            <ChoiceSelect
              value={chosenCode === codeChoices[0] ? "" : chosenCode.codeKind}
              onChange={setCodeKind}
              choices={codeChoices.slice(1).map((c) => ({ value: c.codeKind, label: c.label }))}
              noChoice={codeChoices[0]!.label}
            />
          </Field>
        )}
        <div className={styles.row}>
          {[
            { label: "Payer", value: payer, onChange: setPayer, choices: payers, noChoice: "All payers", column: mapping?.payer }, // prettier-ignore
            { label: "Contract", value: contract, onChange: setContract, choices: contracts, noChoice: "All contracts", column: mapping?.contractName }, // prettier-ignore
          ].map(({ label, column, ...select }) => (
            <Field key={label} label={label} className={styles.grow}>
              <ChoiceSelect {...select} disabled={!column} />
            </Field>
          ))}
        </div>
        <div className={styles.row}>
          <TextFields
            type="date"
            fieldClassName={styles.grow}
            disabled={!mapping?.serviceDate}
            fields={[
              { label: "Service date from", value: from, onChange: setFrom },
              { label: "to", value: to, onChange: setTo },
            ]}
          />
        </div>
      </div>

      {scenarios.map((s, index) => (
        <ScenarioFields
          key={s.key}
          number={index + 1}
          scenario={s}
          onChange={(change) => updateScenario(s.key, change)}
          onRemove={
            scenarios.length === 1 ? undefined : () => setScenarios((list) => list.filter((x) => x.key !== s.key))
          }
        />
      ))}
      <Button onClick={() => setScenarios((list) => [...list, nextScenarioForm(list)])}>Add scenario</Button>

      <div className={styles.group} role="group" aria-label="Floor and target">
        <ThresholdFields label="Walk-away floor" value={floor} onChange={setFloor} />
        <ThresholdFields label="Target" value={target} onChange={setTarget} />
        <Checkbox
          checked={capAtBilled}
          disabled={!mapping?.chargeAmount}
          onChange={(_, d) => setCapAtBilled(d.checked === true)}
          label="Cap each line at its billed charge (lesser-of)"
        />
        <TextField label="Model sheet name" value={sheetName} onChange={setSheetName} />
      </div>

      {formProblem !== null && <Notice>{formProblem}</Notice>}
      <ActionBar>
        <Button appearance="primary" onClick={onBuild} disabled={build.state.status === "running" || mapping === null}>
          {buildUpliftModelCommand.label}
        </Button>
        <OperationProgress
          state={build.state}
          onCancel={build.cancel}
          label="Writing the uplift model"
          resultSheets={(built) => [built.modelSheet]}
        />
      </ActionBar>
    </PanelSection>
  );
}
