import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import {
  PAYER_SCHEDULE_FIELDS,
  PAYER_SCHEDULE_FIELD_ORDER,
  type ColumnMapping,
  type MappingSuggestion,
  type PayerScheduleField,
} from "../../formats/payerSchedule";

const useStyles = makeStyles({
  // Two columns where each gets 180 px, one column on a narrow pane (350 px); minmax's lower bound lets a select
  // with long column names shrink to its column instead of pushing the pane wider.
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 180px), 1fr))",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  field: { minWidth: 0 },
  select: { minWidth: 0, width: "100%" },
});

export interface MappingEditorProps {
  readonly headers: readonly string[];
  readonly suggestion: MappingSuggestion;
  /** The mapping shown (the user's, else the suggestion). */
  readonly mapping: ColumnMapping;
  /** 0 for a file; the range's first column index for a workbook range, so letters match the sheet. */
  readonly firstColumnIndex: number;
  readonly onChange: (field: PayerScheduleField, column: number | undefined) => void;
  readonly disabled?: boolean;
}

/** 0 -> "A", 27 -> "AB". */
function letters(index: number): string {
  let text = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

const NOT_MAPPED = "";

/**
 * One dropdown per schedule field (from PAYER_SCHEDULE_FIELDS), listing the source's columns by letter and header,
 * with the automatic suggestion preselected and its confidence shown under the field.
 */
export function MappingEditor({
  headers,
  suggestion,
  mapping,
  firstColumnIndex,
  onChange,
  disabled,
}: MappingEditorProps) {
  const styles = useStyles();
  const columnName = (column: number) =>
    `${letters(firstColumnIndex + column)}: ${headers[column]?.trim() || "(no header)"}`;
  return (
    <div className={styles.grid} role="group" aria-label="Column mapping">
      {PAYER_SCHEDULE_FIELD_ORDER.map((field) => {
        const { label, required } = PAYER_SCHEDULE_FIELDS[field];
        const chosen = suggestion.fields[field].chosen;
        const hint =
          chosen === null
            ? "No column found"
            : `Suggested: ${columnName(chosen.column)} (${Math.round(chosen.confidence * 100)}% sure)`;
        const current = mapping[field];
        return (
          <Field key={field} className={styles.field} label={label} required={required} hint={hint}>
            <Select
              className={styles.select}
              value={current === undefined ? NOT_MAPPED : String(current)}
              disabled={disabled}
              onChange={(_, data) => onChange(field, data.value === NOT_MAPPED ? undefined : Number(data.value))}
            >
              <option value={NOT_MAPPED}>(not in the file)</option>
              {headers.map((_, column) => (
                <option key={column} value={String(column)}>
                  {columnName(column)}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
    </div>
  );
}
