import type { ReactNode } from "react";
import { Field, Input, Select, makeStyles, type FieldProps } from "@fluentui/react-components";
import { usePanelStyles } from "./panelStyles";

/** What is wrong with a field's value: an error blocks what the field is for, a warning asks the user to look. */
export interface FieldProblem {
  readonly severity: "error" | "warning";
  readonly message: string;
}

/** Props of {@link TextField}. */
export interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly disabled?: boolean;
  /** Shown under the input; none when null or omitted. */
  readonly problem?: FieldProblem | null;
  readonly hint?: string;
  readonly required?: boolean;
  readonly placeholder?: string;
  readonly type?: "text" | "date";
  /** Layout of the field in its row (`grow`, `narrow` of the panel styles). */
  readonly className?: string;
  /** Layout of the input in its field (`input`, `compact` of the panel styles). */
  readonly inputClassName?: string;
  readonly orientation?: FieldProps["orientation"];
}

/**
 * A labelled text input, with a hint or a problem under it: every name, number and date the panels ask for.
 *
 * @example <TextField label="New sheet" value={name} onChange={setName} problem={{ severity: "error", message }} />
 */
export function TextField(props: TextFieldProps) {
  const { problem, onChange } = props;
  return (
    <Field
      label={props.label}
      hint={props.hint}
      required={props.required}
      className={props.className}
      orientation={props.orientation}
      validationState={problem ? problem.severity : "none"}
      validationMessage={problem?.message}
    >
      <Input
        className={props.inputClassName}
        type={props.type}
        value={props.value}
        placeholder={props.placeholder}
        onChange={(_, data) => onChange(data.value)}
        disabled={props.disabled}
      />
    </Field>
  );
}

/** An option whose text for people differs from the value written (a table named by its locality). */
export interface LabelledChoice {
  readonly value: string;
  readonly label: string;
}

/** A choice: the text itself, or a value with its label. */
export type Choice = string | LabelledChoice;

/** The value a choice writes. */
export const choiceValue = (choice: Choice): string => (typeof choice === "string" ? choice : choice.value);

/** Props of {@link ChoiceSelect}. */
export interface ChoiceSelectProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly choices: readonly Choice[];
  /** The text of the first option, which stands for no choice (""): "(none)", "All payers". */
  readonly noChoice: string;
  readonly disabled?: boolean;
}

// A native select is as wide as its longest option (a locality "04412-18 HOUSTON, TX (MPFS_2025)"): held to its
// field's width instead, the chosen text cut with an ellipsis, so a 320 px pane never scrolls sideways.
const useSelectStyles = makeStyles({
  root: { minWidth: 0, maxWidth: "100%" },
  select: { minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" },
});

/**
 * A dropdown of texts to choose from, led by an option for no choice; put it in a Fluent `Field` for its label.
 *
 * @example <Field label="Payer"><ChoiceSelect value={payer} onChange={setPayer} choices={payers} noChoice="All payers" /></Field>
 */
export function ChoiceSelect({ value, onChange, choices, noChoice, disabled }: ChoiceSelectProps) {
  const styles = useSelectStyles();
  return (
    <Select
      className={styles.root}
      select={{ className: styles.select }}
      value={value}
      onChange={(_, data) => onChange(data.value)}
      disabled={disabled}
    >
      <option value="">{noChoice}</option>
      {choices.map((choice) => (
        <option key={choiceValue(choice)} value={choiceValue(choice)}>
          {typeof choice === "string" ? choice : choice.label}
        </option>
      ))}
    </Select>
  );
}

/** One input of {@link TextFields}: its label, value and problem. */
export type TextFieldSpec = Pick<TextFieldProps, "label" | "value" | "onChange" | "problem">;

/** Props of {@link TextFields}. */
export interface TextFieldsProps {
  readonly fields: readonly TextFieldSpec[];
  /** Layout of each field in its row or grid (`grow`, `narrow`). */
  readonly fieldClassName?: string;
  /** Layout of each input in its field (`input`, `compact`). */
  readonly inputClassName?: string;
  readonly type?: TextFieldProps["type"];
  readonly disabled?: boolean;
}

/**
 * Text inputs laid out alike, side by side in the caller's row or grid: a new sheet's and table's names, a pair of
 * tolerances, an uplift and its Top N.
 *
 * @example <div className={styles.names}><TextFields fields={[{ label: "New sheet", value, onChange }]} /></div>
 */
export function TextFields({ fields, fieldClassName, inputClassName, type, disabled }: TextFieldsProps) {
  return (
    <>
      {fields.map((field) => (
        <TextField
          key={field.label}
          {...field}
          className={fieldClassName}
          inputClassName={inputClassName}
          type={type}
          disabled={disabled}
        />
      ))}
    </>
  );
}

/** Props of {@link CompactFieldRow}. */
export interface CompactFieldRowProps {
  readonly fields: readonly TextFieldSpec[];
  /** How wide each field is: `narrow` for a short number beside other fields, `grow` to share the row. */
  readonly width?: "narrow" | "grow";
  /** What follows the inputs in the same row (a dropdown). */
  readonly children?: ReactNode;
}

/**
 * Short inputs side by side in one form row, with compact inputs: a pair of tolerances, an uplift and its Top N.
 *
 * @example <CompactFieldRow fields={[{ label: "Dollars", value, onChange }]}><Field label="Rule">…</Field></CompactFieldRow>
 */
export function CompactFieldRow({ fields, width = "narrow", children }: CompactFieldRowProps) {
  const styles = usePanelStyles();
  return (
    <div className={styles.row}>
      <TextFields fieldClassName={styles[width]} inputClassName={styles.compact} fields={fields} />
      {children}
    </div>
  );
}
