import { useEffect, useMemo, useState, type ReactNode } from "react";
import { Button, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ColumnSpec } from "../../excel/registry/tableSpec";
import type { FormInput } from "../../excel/contracts/registryForm";
import type { SavedRow } from "../../excel/contracts/registryRowWriter";
import type { CancellableOperation } from "../progress/useCancellableOperation";
import { ActionProgress } from "../progress/OperationProgress";
import { ActionBar } from "../shared/ActionBar";
import { SpecField, type FieldChoices } from "./SpecFields";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

type Values = Readonly<Record<string, FormInput>>;

export interface RegistryRowFormProps {
  readonly title: string;
  readonly columns: Readonly<Record<string, ColumnSpec>>;
  readonly initial: Values;
  readonly choices: FieldChoices;
  /** The problems of the values as the sheet's reader would see them (the spec's rules and cross-field rules). */
  readonly check: (values: Values) => Readonly<Record<string, string | undefined>>;
  /** Inputs that are not columns (e.g. "days before term end"), rendered after `afterField`. */
  readonly extra?: {
    readonly afterField: string;
    readonly render: (
      values: Values,
      change: (field: string, value: FormInput) => void,
      errorOf: (field: string) => string | undefined,
    ) => ReactNode;
  };
  /** Turns the values into what is saved (e.g. a renewal date from days). */
  readonly prepare?: (values: Values) => Values;
  readonly saveLabel: string;
  /** The save: a progress bar with Cancel while it runs, and why it did not save. */
  readonly save: Pick<CancellableOperation<never, SavedRow>, "state" | "cancel">;
  readonly onSave: (values: Values) => void;
  /** Called once saved, with the save's message (where the row went). */
  readonly onSaved: (message: string) => void;
  /** Leaves the form without saving. */
  readonly onCancel: () => void;
}

/**
 * A form for one registry row, its inputs derived from the table's column spec. Problems show under an input once
 * the user has typed in it (as they type), and under every input after a save attempt; Save sends nothing while
 * anything is wrong. A save shows its progress with Cancel, and says why it did not save.
 */
export function RegistryRowForm(props: RegistryRowFormProps) {
  const { columns, check, prepare, onSaved } = props;
  const saveState = props.save.state;
  const styles = useStyles();
  const [values, setValues] = useState<Values>(props.initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const prepared = useMemo(() => (prepare === undefined ? values : prepare(values)), [prepare, values]);
  const errors = useMemo(() => check(prepared), [check, prepared]);

  useEffect(() => {
    if (saveState.status === "succeeded") onSaved(saveState.message);
  }, [saveState, onSaved]);

  const change = (field: string, value: FormInput) => {
    setValues((current) => ({ ...current, [field]: value }));
    setTouched((current) => new Set(current).add(field));
  };
  const save = () => {
    setTouched(new Set([...Object.keys(columns), "*"]));
    if (Object.values(errors).every((e) => e === undefined)) props.onSave(prepared);
  };
  const shown = (field: string) => (touched.has(field) || touched.has("*") ? errors[field] : undefined);
  const saving = saveState.status === "running";

  return (
    <form
      className={styles.form}
      aria-label={props.title}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Subtitle2 as="h3">{props.title}</Subtitle2>
      {Object.entries(columns).map(([field, spec]) => (
        <div key={field}>
          <SpecField
            field={field}
            spec={spec}
            value={values[field] ?? ""}
            error={shown(field)}
            choices={props.choices[field]}
            onChange={change}
          />
          {props.extra?.afterField === field && props.extra.render(values, change, shown)}
        </div>
      ))}
      <ActionBar>
        <ActionProgress action={props.save} label="Saving" failedTitle="Not saved" />
        <div className={styles.actions}>
          <Button appearance="primary" onClick={save} disabled={saving}>
            {props.saveLabel}
          </Button>
          {/* While saving, the progress bar's Cancel is the one: it stops the save. */}
          {!saving && <Button onClick={props.onCancel}>Cancel</Button>}
        </div>
      </ActionBar>
    </form>
  );
}
