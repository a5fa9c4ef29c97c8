import { useCallback, useEffect, useState } from "react";
import { Button, Caption1, Checkbox, Field, Input, Select, Subtitle2, Text } from "@fluentui/react-components";
import type { ClaimsField, ClaimsMapping } from "../../excel/claims/claimsMapping";
import {
  DEFAULT_FLOOR,
  DEFAULT_MODEL_SHEET_NAME,
  DEFAULT_SCENARIOS,
  DEFAULT_TARGET,
  type UpliftModelRequest,
  type UpliftModelScenario,
  type UpliftThreshold,
} from "../../excel/upliftModel";
import type { UpliftRankBasis } from "../../engine";
import { useExcelGateway } from "../ExcelGatewayContext";
import { OperationProgress } from "../progress/OperationProgress";
import type { Operation } from "../progress/operation";
import { useCancellableOperation } from "../progress/useCancellableOperation";
import { ClaimsMappingFields, ClaimsTableSelect, useClaimsTables } from "../shared/ClaimsTablePicker";
import { Notice } from "../shared/Notice";
import { usePanelStyles } from "../shared/panelStyles";
import { useCommand } from "../useCommand";
import {
  buildUpliftModelCommand,
  listColumnValues,
  loadClaimsMapping,
  parseOverridesInput,
  parsePercentInput,
} from "./upliftCommands";

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

/** A scenario as typed in the form (text inputs), turned into a scenario only when the model is built. */
interface ScenarioForm {
  readonly key: number;
  readonly name: string;
  readonly uplift: string;
  readonly topN: string;
  readonly rankBy: UpliftRankBasis;
  readonly overrides: string;
}

interface ThresholdForm {
  readonly kind: UpliftThreshold["kind"];
  readonly value: string;
}

const percentText = (fraction: number) => String(Math.round(fraction * 1e8) / 1e6);
const toForm = (scenario: UpliftModelScenario, key: number): ScenarioForm => ({
  key,
  name: scenario.name,
  uplift: percentText(scenario.upliftFraction),
  topN: scenario.topN === null ? "" : String(scenario.topN),
  rankBy: scenario.rankBy,
  overrides: "",
});
const thresholdForm = (t: UpliftThreshold): ThresholdForm => ({
  kind: t.kind,
  value: t.kind === "percent" ? percentText(t.value) : String(t.value),
});

/** The form turned into a request, or the first thing to fix. */
function toRequest(form: {
  tableName: string;
  mapping: ClaimsMapping;
  scenarios: readonly ScenarioForm[];
  floor: ThresholdForm;
  target: ThresholdForm;
  payer: string;
  contract: string;
  from: string;
  to: string;
  capAtBilled: boolean;
  sheetName: string;
}): UpliftModelRequest | string {
  const scenarios: UpliftModelScenario[] = [];
  for (const s of form.scenarios) {
    const label = s.name.trim() === "" ? "a scenario" : `scenario "${s.name.trim()}"`;
    const upliftFraction = parsePercentInput(s.uplift);
    if (upliftFraction === null) return `Give ${label} an uplift in percent, like 5.`;
    const topN = s.topN.trim() === "" ? null : Number(s.topN);
    if (topN !== null && !(Number.isInteger(topN) && topN >= 1)) {
      return `Top N of ${label} must be a whole number of 1 or more, or blank for all codes.`;
    }
    const overrides = parseOverridesInput(s.overrides);
    if (typeof overrides === "string") return `Overrides of ${label}: ${overrides}.`;
    scenarios.push({ name: s.name, upliftFraction, topN, rankBy: s.rankBy, overrides });
  }
  const threshold = (t: ThresholdForm, what: string): UpliftThreshold | string => {
    const value = t.kind === "percent" ? parsePercentInput(t.value) : Number(t.value.replace(/[$,\s]/g, ""));
    return value === null || !Number.isFinite(value) || t.value.trim() === ""
      ? `Give the ${what} as a number.`
      : { kind: t.kind, value };
  };
  const floor = threshold(form.floor, "walk-away floor");
  if (typeof floor === "string") return floor;
  const target = threshold(form.target, "target");
  if (typeof target === "string") return target;
  return {
    tableName: form.tableName,
    mapping: form.mapping,
    filters: {
      payers: form.payer === "" ? null : [form.payer],
      contractNames: form.contract === "" ? null : [form.contract],
      serviceDateFrom: form.from === "" ? null : form.from,
      serviceDateTo: form.to === "" ? null : form.to,
    },
    scenarios,
    floor,
    target,
    capAtBilled: form.capAtBilled,
    sheetName: form.sheetName,
  };
}

/**
 * The Uplift model panel: pick a claims table, confirm its columns, filter, define scenarios, floor and target, and
 * build the model sheet (native formulas and a chart, no add-in needed to read it). Rebuilding updates the model.
 */
export function UpliftModelPanel() {
  const styles = usePanelStyles();
  const excel = useExcelGateway();
  // Default to the table named like claims, else the first one.
  const { tableList, tableName, setTableName, table } = useClaimsTables(/claim/i);
  const [mappingState, loadMapping] = useCommand(loadClaimsMapping);
  const [payers, loadPayers] = useCommand(listColumnValues);
  const [contracts, loadContracts] = useCommand(listColumnValues);
  const [mapping, setMapping] = useState<ClaimsMapping | null>(null);
  const [payer, setPayer] = useState("");
  const [contract, setContract] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [scenarios, setScenarios] = useState<ScenarioForm[]>(() => DEFAULT_SCENARIOS.map(toForm));
  const [floor, setFloor] = useState<ThresholdForm>(() => thresholdForm(DEFAULT_FLOOR));
  const [target, setTarget] = useState<ThresholdForm>(() => thresholdForm(DEFAULT_TARGET));
  const [capAtBilled, setCapAtBilled] = useState(true);
  const [sheetName, setSheetName] = useState(DEFAULT_MODEL_SHEET_NAME);
  const [formProblem, setFormProblem] = useState<string | null>(null);

  const operation = useCallback<Operation<UpliftModelRequest, unknown>>(
    (request, controls) => buildUpliftModelCommand.run(excel, { request, controls }),
    [excel],
  );
  const build = useCancellableOperation(operation);

  useEffect(() => {
    if (table !== null) void loadMapping({ table });
  }, [table, loadMapping]);
  useEffect(() => {
    if (mappingState.status === "succeeded") {
      setMapping(mappingState.result.mapping);
      setCapAtBilled(mappingState.result.mapping.chargeAmount !== null);
    }
  }, [mappingState]);
  useEffect(() => {
    if (mapping?.payer) void loadPayers({ tableName, column: mapping.payer });
    setPayer("");
  }, [tableName, mapping?.payer, loadPayers]);
  useEffect(() => {
    if (mapping?.contractName) void loadContracts({ tableName, column: mapping.contractName });
    setContract("");
  }, [tableName, mapping?.contractName, loadContracts]);

  const updateScenario = (key: number, change: Partial<ScenarioForm>) =>
    setScenarios((list) => list.map((s) => (s.key === key ? { ...s, ...change } : s)));
  const addScenario = () =>
    setScenarios((list) => [
      ...list,
      {
        key: Math.max(0, ...list.map((s) => s.key)) + 1,
        name: `Scenario ${list.length + 1}`,
        uplift: "4",
        topN: "",
        rankBy: "revenue",
        overrides: "",
      },
    ]);

  const onBuild = () => {
    if (mapping === null) return;
    const request = toRequest({
      tableName,
      mapping,
      scenarios,
      floor,
      target,
      payer,
      contract,
      from,
      to,
      capAtBilled,
      sheetName,
    });
    if (typeof request === "string") {
      setFormProblem(request);
      return;
    }
    setFormProblem(null);
    void build.start(request);
  };
  const running = build.state.status === "running";

  return (
    <section className={styles.panel} aria-labelledby="uplift-panel-title">
      <Subtitle2 as="h2" id="uplift-panel-title">
        Uplift model
      </Subtitle2>
      <Text size={200} className={styles.muted}>
        What is 5% on our top 20 codes worth against 3% across the board? Builds a model sheet with live Excel formulas
        that anyone can open without the add-in.
      </Text>

      <div className={styles.group} role="group" aria-label="Claims">
        <ClaimsTableSelect label="Claims table" tables={tableList} tableName={tableName} onChange={setTableName} />
        {mappingState.status === "succeeded" && mappingState.result.note !== null && (
          <Notice intent="warning">{mappingState.result.note}</Notice>
        )}
        {table !== null && mapping !== null && (
          <>
            <Caption1 className={styles.muted}>
              {mappingState.status === "succeeded" && mappingState.result.saved
                ? "Columns as confirmed for this table; they are saved with the workbook."
                : "Columns suggested from the headers; building the model saves them with the workbook."}
            </Caption1>
            <ClaimsMappingFields
              fields={MAPPED_FIELDS}
              mapping={mapping}
              columnNames={table.columnNames}
              onChange={setMapping}
            />
          </>
        )}
      </div>

      <div className={styles.group} role="group" aria-label="Filters">
        <Text className={styles.legend}>Which lines</Text>
        <div className={styles.row}>
          <Field label="Payer" className={styles.grow}>
            <Select value={payer} onChange={(_, d) => setPayer(d.value)} disabled={!mapping?.payer}>
              <option value="">All payers</option>
              {(payers.status === "succeeded" ? payers.result : []).map((p) => (
                <option key={p}>{p}</option>
              ))}
            </Select>
          </Field>
          <Field label="Contract" className={styles.grow}>
            <Select value={contract} onChange={(_, d) => setContract(d.value)} disabled={!mapping?.contractName}>
              <option value="">All contracts</option>
              {(contracts.status === "succeeded" ? contracts.result : []).map((c) => (
                <option key={c}>{c}</option>
              ))}
            </Select>
          </Field>
        </div>
        <div className={styles.row}>
          <Field label="Service date from" className={styles.grow}>
            <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} disabled={!mapping?.serviceDate} />
          </Field>
          <Field label="to" className={styles.grow}>
            <Input type="date" value={to} onChange={(_, d) => setTo(d.value)} disabled={!mapping?.serviceDate} />
          </Field>
        </div>
      </div>

      {scenarios.map((s, index) => (
        <div key={s.key} className={styles.group} role="group" aria-label={`Scenario ${index + 1}`}>
          <div className={styles.row}>
            <Field label="Scenario name" className={styles.grow}>
              <Input value={s.name} onChange={(_, d) => updateScenario(s.key, { name: d.value })} />
            </Field>
            <Button
              size="small"
              appearance="subtle"
              onClick={() => setScenarios((list) => list.filter((x) => x.key !== s.key))}
              disabled={scenarios.length === 1}
            >
              Remove
            </Button>
          </div>
          <div className={styles.row}>
            <Field label="Uplift %" className={styles.narrow}>
              <Input
                className={styles.compact}
                value={s.uplift}
                onChange={(_, d) => updateScenario(s.key, { uplift: d.value })}
              />
            </Field>
            <Field label="Top N (blank: all)" className={styles.narrow}>
              <Input
                className={styles.compact}
                value={s.topN}
                onChange={(_, d) => updateScenario(s.key, { topN: d.value })}
              />
            </Field>
            <Field label="Rank by" className={styles.grow}>
              <Select
                value={s.rankBy}
                onChange={(_, d) => updateScenario(s.key, { rankBy: d.value as UpliftRankBasis })}
              >
                <option value="revenue">Revenue</option>
                <option value="volume">Volume</option>
              </Select>
            </Field>
          </div>
          <Field label="Per-code overrides" hint="e.g. 99213 = 7%, 99214 = 6%">
            <Input value={s.overrides} onChange={(_, d) => updateScenario(s.key, { overrides: d.value })} />
          </Field>
        </div>
      ))}
      <Button onClick={addScenario}>Add scenario</Button>

      <div className={styles.group} role="group" aria-label="Floor and target">
        {(
          [
            ["Walk-away floor", floor, setFloor],
            ["Target", target, setTarget],
          ] as const
        ).map(([label, value, set]) => (
          <div key={label} className={styles.row}>
            <Field label={label} className={styles.grow}>
              <Input value={value.value} onChange={(_, d) => set({ ...value, value: d.value })} />
            </Field>
            <Field label={`${label} unit`}>
              <Select value={value.kind} onChange={(_, d) => set({ ...value, kind: d.value as ThresholdForm["kind"] })}>
                <option value="percent">% of current revenue</option>
                <option value="dollars">$ added revenue</option>
              </Select>
            </Field>
          </div>
        ))}
        <Checkbox
          checked={capAtBilled}
          disabled={!mapping?.chargeAmount}
          onChange={(_, d) => setCapAtBilled(d.checked === true)}
          label="Cap each line at its billed charge (lesser-of)"
        />
        <Field label="Model sheet name">
          <Input value={sheetName} onChange={(_, d) => setSheetName(d.value)} />
        </Field>
      </div>

      {formProblem !== null && <Notice>{formProblem}</Notice>}
      <Button appearance="primary" onClick={onBuild} disabled={running || mapping === null}>
        {buildUpliftModelCommand.label}
      </Button>
      <OperationProgress
        state={build.state}
        onCancel={build.cancel}
        label="Writing the uplift model"
        unit={{ one: "row", many: "rows" }}
      />
    </section>
  );
}
