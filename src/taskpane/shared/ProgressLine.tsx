import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  running: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  field: { flexGrow: 1 },
});

/** Props of {@link ProgressLine}. */
export interface ProgressLineProps {
  /** What is being done, above the bar and as its accessible name ("Writing the fee schedule"). */
  readonly label: string;
  /** How far, from 0 to 1; undefined while that is not known (the bar then moves without a value). */
  readonly value: number | undefined;
  /** The line under the bar: counts ("12,000 of 20,000 rows") or what is happening ("Cancelling…"). */
  readonly hint: string;
  /** Said after the hint, apart from it: the time left ("about 8 s left") or "finishing…". */
  readonly then?: string;
  readonly onCancel: () => void;
  /** True once Cancel was clicked: it cannot be clicked twice. */
  readonly cancelRequested: boolean;
}

/**
 * Something long under way, as the user follows it: a progress bar with its label and counts, and a Cancel button
 * beside it. Every long task of the pane (writes, file reading, previews) shows its progress this way.
 */
export function ProgressLine({ label, value, hint, then, onCancel, cancelRequested }: ProgressLineProps) {
  const styles = useStyles();
  return (
    <div className={styles.running}>
      <Field
        className={styles.field}
        label={label}
        validationMessage={
          then === undefined ? (
            hint
          ) : (
            <>
              {hint}
              <span>, {then}</span>
            </>
          )
        }
        validationState="none"
      >
        <ProgressBar aria-label={label} value={value} thickness="large" />
      </Field>
      <Button onClick={onCancel} disabled={cancelRequested}>
        Cancel
      </Button>
    </div>
  );
}
