import { Button, Field, Select } from "@fluentui/react-components";
import type { UpliftRankBasis } from "../../engine";
import { CompactFieldRow, TextField } from "../shared/fields";
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

/** One scenario of the uplift model: its name, uplift, Top N, ranking and per-code overrides. */
export function ScenarioFields({ number, scenario: s, onChange, onRemove }: ScenarioFieldsProps) {
  const styles = usePanelStyles();
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
      <CompactFieldRow
        fields={[
          { label: "Uplift %", value: s.uplift, onChange: (uplift) => onChange({ uplift }) },
          { label: "Top N (blank: all)", value: s.topN, onChange: (topN) => onChange({ topN }) },
        ]}
      >
        <Field label="Rank by" className={styles.grow}>
          <Select value={s.rankBy} onChange={(_, d) => onChange({ rankBy: d.value as UpliftRankBasis })}>
            <option value="revenue">Revenue</option>
            <option value="volume">Volume</option>
          </Select>
        </Field>
      </CompactFieldRow>
      <TextField
        label="Per-code overrides"
        hint="e.g. 99213 = 7%, 99214 = 6%"
        value={s.overrides}
        onChange={(overrides) => onChange({ overrides })}
      />
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
