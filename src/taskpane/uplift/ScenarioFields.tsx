import { Button, Field, Select } from "@fluentui/react-components";
import type { UpliftRankBasis } from "../../engine";
import {
  MARKET_BILLING_CLASS_FILTERS,
  MARKET_SETTING_FILTERS,
  UPLIFT_SCENARIO_KINDS,
  type UpliftScenarioKind,
} from "../../excel/upliftModel";
import { ChoiceSelect, CompactFieldRow, TextField, type TextFieldSpec } from "../shared/fields";
import { usePanelStyles } from "../shared/panelStyles";
import type { ScenarioForm, ThresholdForm } from "./upliftForm";

/** Props of {@link ScenarioFields}. */
export interface ScenarioFieldsProps {
  /** 1-based, for the group's name ("Scenario 2"). */
  readonly number: number;
  readonly scenario: ScenarioForm;
  readonly onChange: (change: Partial<ScenarioForm>) => void;
  /** Absent while it is the only scenario (a model needs one). */
  readonly onRemove?: () => void;
}

/** Each kind of scenario as the pane names it. */
const KIND_LABELS = {
  percent: "Uplift percentage",
  toMarket: "To a market percentile",
} as const satisfies Record<UpliftScenarioKind, string>;

/** Props of a kind's own fields. */
type KindFieldsProps = Pick<ScenarioFieldsProps, "scenario" | "onChange">;

/** Top N and the ranking, which every kind of scenario has, after the kind's own first field. */
function ScopeRow({ first, scenario: s, onChange }: KindFieldsProps & { readonly first: TextFieldSpec }) {
  const styles = usePanelStyles();
  return (
    <CompactFieldRow
      fields={[first, { label: "Top N (blank: all)", value: s.topN, onChange: (topN) => onChange({ topN }) }]}
    >
      <Field label="Rank by" className={styles.grow}>
        <Select value={s.rankBy} onChange={(_, d) => onChange({ rankBy: d.value as UpliftRankBasis })}>
          <option value="revenue">Revenue</option>
          <option value="volume">Volume</option>
        </Select>
      </Field>
    </CompactFieldRow>
  );
}

/** A market scenario's own fields: the percentile, and which Benchmarks rates it is taken over. */
function MarketFields({ scenario: s, onChange }: KindFieldsProps) {
  const styles = usePanelStyles();
  const percentile: TextFieldSpec = {
    label: "Market percentile",
    value: s.percentile,
    onChange: (value) => onChange({ percentile: value }),
  };
  return (
    <>
      <ScopeRow first={percentile} scenario={s} onChange={onChange} />
      <TextField
        label="Market payer"
        hint="blank: every payer's rates in the Benchmarks table"
        value={s.marketPayer}
        onChange={(marketPayer) => onChange({ marketPayer })}
      />
      <div className={styles.row}>
        <Field label="Market setting" className={styles.grow}>
          <ChoiceSelect
            value={s.setting}
            onChange={(setting) => onChange({ setting: setting as ScenarioForm["setting"] })}
            choices={MARKET_SETTING_FILTERS}
            noChoice="Any setting"
          />
        </Field>
        <Field label="Market billing class" className={styles.grow}>
          <ChoiceSelect
            value={s.billingClass}
            onChange={(billingClass) => onChange({ billingClass: billingClass as ScenarioForm["billingClass"] })}
            choices={MARKET_BILLING_CLASS_FILTERS}
            noChoice="Any billing class"
          />
        </Field>
      </div>
    </>
  );
}

/** A percentage scenario's own fields: the uplift and the per-code overrides. */
function PercentFields({ scenario: s, onChange }: KindFieldsProps) {
  return (
    <>
      <ScopeRow
        first={{ label: "Uplift %", value: s.uplift, onChange: (uplift) => onChange({ uplift }) }}
        scenario={s}
        onChange={onChange}
      />
      <TextField
        label="Per-code overrides"
        hint="e.g. 99213 = 7%, 99214 = 6%"
        value={s.overrides}
        onChange={(overrides) => onChange({ overrides })}
      />
    </>
  );
}

/** Each kind's own fields. */
const KIND_FIELDS = {
  percent: PercentFields,
  toMarket: MarketFields,
} as const satisfies Record<UpliftScenarioKind, (props: KindFieldsProps) => JSX.Element>;

/**
 * One scenario of the uplift model: its name and kind, then the kind's fields (an uplift with per-code overrides, or
 * a market percentile with its filters), Top N and ranking.
 */
export function ScenarioFields({ number, scenario: s, onChange, onRemove }: ScenarioFieldsProps) {
  const styles = usePanelStyles();
  const KindFields = KIND_FIELDS[s.kind];
  return (
    <div className={styles.group} role="group" aria-label={`Scenario ${number}`}>
      <div className={styles.row}>
        <TextField
          label="Scenario name"
          className={styles.grow}
          value={s.name}
          onChange={(name) => onChange({ name })}
        />
        <Button size="small" appearance="subtle" onClick={onRemove} disabled={onRemove === undefined}>
          Remove
        </Button>
      </div>
      <Field label="Scenario kind">
        <Select value={s.kind} onChange={(_, d) => onChange({ kind: d.value as UpliftScenarioKind })}>
          {UPLIFT_SCENARIO_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </Select>
      </Field>
      <KindFields scenario={s} onChange={onChange} />
    </div>
  );
}

/** Props of {@link ThresholdFields}. */
export interface ThresholdFieldsProps {
  /** "Walk-away floor", "Target": the value's label, and its unit's with " unit". */
  readonly label: string;
  readonly value: ThresholdForm;
  readonly onChange: (value: ThresholdForm) => void;
}

/** A walk-away floor or a target: a number, and whether it is a percent of current revenue or dollars added. */
export function ThresholdFields({ label, value, onChange }: ThresholdFieldsProps) {
  const styles = usePanelStyles();
  return (
    <div className={styles.row}>
      <TextField
        label={label}
        className={styles.grow}
        value={value.value}
        onChange={(text) => onChange({ ...value, value: text })}
      />
      <Field label={`${label} unit`}>
        <Select value={value.kind} onChange={(_, d) => onChange({ ...value, kind: d.value as ThresholdForm["kind"] })}>
          <option value="percent">% of current revenue</option>
          <option value="dollars">$ added revenue</option>
        </Select>
      </Field>
    </div>
  );
}
