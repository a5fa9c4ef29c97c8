import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { OperationState } from "./operation";

const useStyles = makeStyles({
  running: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  field: { flexGrow: 1 },
});

/** The unit an operation counts, singular and plural ("row", "rows"). */
export interface CountedUnit {
  readonly one: string;
  readonly many: string;
}

export interface OperationProgressProps {
  readonly state: OperationState<unknown>;
  readonly onCancel: () => void;
  /** What is being done, shown above the bar ("Writing the fee schedule"). */
  readonly label: string;
  /** Default rows. */
  readonly unit?: CountedUnit;
}

const ROWS: CountedUnit = { one: "row", many: "rows" };
const numberFormat = new Intl.NumberFormat();

/** "12,000 of 20,000 rows". */
export function countText(done: number, total: number, unit: CountedUnit = ROWS): string {
  return `${numberFormat.format(done)} of ${numberFormat.format(total)} ${total === 1 ? unit.one : unit.many}`;
}

/**
 * A long operation as the user follows it: a progress bar with counts and a Cancel button while it runs, then a
 * message bar saying how it ended (success, failure with Excel's reason, or cancelled). Renders nothing when idle.
 */
export function OperationProgress({ state, onCancel, label, unit = ROWS }: OperationProgressProps) {
  const styles = useStyles();
  switch (state.status) {
    case "idle":
      return null;
    case "running": {
      const { progress, cancelRequested } = state;
      const hint = cancelRequested
        ? "Cancelling: removing what was written…"
        : progress === null
          ? "Starting…"
          : countText(progress.done, progress.total, unit);
      return (
        <div className={styles.running}>
          <Field className={styles.field} label={label} validationMessage={hint} validationState="none">
            <ProgressBar
              aria-label={label}
              value={progress === null || progress.total === 0 ? undefined : progress.done / progress.total}
              thickness="large"
            />
          </Field>
          <Button onClick={onCancel} disabled={cancelRequested}>
            Cancel
          </Button>
        </div>
      );
    }
    case "succeeded":
      return (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Done</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      );
    case "failed":
      return (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not finish</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      );
    case "cancelled":
      return (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Cancelled</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      );
  }
}
