import { Field, Switch } from "@fluentui/react-components";
import type { ColumnSpec } from "../../excel/registry/tableSpec";
import { isSwitchColumn, writtenKind, type FormInput } from "../../excel/contracts/registryForm";
import { ChoiceSelect, TextField, choiceValue, type Choice } from "../shared/fields";

/** A column shown as a list to choose from (tables of the workbook, registered schedules). */
export type FieldChoices = Readonly<Record<string, readonly Choice[]>>;

export interface SpecFieldProps {
  readonly field: string;
  readonly spec: ColumnSpec;
  readonly value: FormInput;
  /** The message under the input, when the user has touched it. */
  readonly error: string | undefined;
  readonly choices: readonly Choice[] | undefined;
  readonly onChange: (field: string, value: FormInput) => void;
}

/**
 * One input of a registry row, derived from its column spec: the header as label, the description as hint, a
 * switch for TRUE/FALSE, a list for choice columns (the spec's words) and for `choices`, a date input for dates,
 * text otherwise. The value is the text a user would type into the cell.
 */
export function SpecField({ field, spec, value, error, choices, onChange }: SpecFieldProps) {
  if (isSwitchColumn(spec))
    return (
      <Field hint={spec.description}>
        <Switch label={spec.header} checked={value === true} onChange={(_, data) => onChange(field, data.checked)} />
      </Field>
    );
  const text = typeof value === "string" ? value : "";
  const problem = error === undefined ? null : { severity: "error" as const, message: error };
  const options = spec.allowed ?? choices;
  if (options !== undefined) {
    return (
      <Field
        label={spec.header}
        hint={spec.description}
        required={spec.required}
        validationState={problem?.severity ?? "none"}
        validationMessage={problem?.message}
      >
        <ChoiceSelect
          value={text}
          onChange={(chosen) => onChange(field, chosen)}
          // The current text stays selectable even when it is not among the choices (a hand-typed pattern, a typo).
          choices={text !== "" && !options.some((o) => choiceValue(o) === text) ? [text, ...options] : options}
          noChoice={spec.required ? "Choose…" : "(none)"}
        />
      </Field>
    );
  }
  return (
    <TextField
      label={spec.header}
      hint={spec.description}
      required={spec.required}
      problem={problem}
      type={writtenKind(spec) === "date" ? "date" : "text"}
      value={text}
      placeholder={spec.example}
      onChange={(typed) => onChange(field, typed)}
    />
  );
}
