import type { MessageBarIntent } from "@fluentui/react-components";
import { Notice } from "../shared/Notice";
import { ProgressLine } from "../shared/ProgressLine";
import { countOf, groupedNumber } from "../shared/wording";
import type { OperationState } from "./operation";
import type { CancellableOperation } from "./useCancellableOperation";

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
  /** What the operation counts, default rows; null for one that reports no counts (the bar then only moves). */
  readonly unit?: CountedUnit | null;
  /** The title of a failure, default "Could not finish" ("Not saved" for a save). */
  readonly failedTitle?: string;
  /** What Cancel does while it takes effect; default the operation runner's clean-up. */
  readonly cancelling?: string;
  /** False where the panel shows the result itself (a list, a notice): then a success shows nothing here. */
  readonly showSuccess?: boolean;
}

const ROWS: CountedUnit = { one: "row", many: "rows" };

/** "12,000 of 20,000 rows". */
export function countText(done: number, total: number, unit: CountedUnit = ROWS): string {
  return `${groupedNumber(done)} of ${countOf(total, unit.one, unit.many)}`;
}

/** How each ending is shown: the message bar's look and its title. */
const ENDINGS = {
  succeeded: { intent: "success", title: () => "Done" },
  failed: { intent: "error", title: (failedTitle: string) => failedTitle },
  cancelled: { intent: "warning", title: () => "Cancelled" },
} as const satisfies Record<
  Exclude<OperationState<unknown>["status"], "idle" | "running">,
  { readonly intent: MessageBarIntent; readonly title: (failedTitle: string) => string }
>;

/**
 * A long operation as the user follows it: a progress bar with counts and a Cancel button while it runs, then a
 * message bar saying how it ended (success, failure in the operation's words, or cancelled). Renders nothing when
 * idle.
 */
export function OperationProgress({
  state,
  onCancel,
  label,
  unit = ROWS,
  failedTitle = "Could not finish",
  cancelling = "Cancelling: removing what was written…",
  showSuccess = true,
}: OperationProgressProps) {
  switch (state.status) {
    case "idle":
      return null;
    case "running": {
      const { progress, cancelRequested } = state;
      const hint = cancelRequested
        ? cancelling
        : unit === null
          ? "In progress…"
          : progress === null
            ? "Starting…"
            : countText(progress.done, progress.total, unit);
      const counted = unit === null || progress === null || progress.total === 0 ? null : progress;
      return (
        <ProgressLine
          label={label}
          value={counted === null ? undefined : counted.done / counted.total}
          hint={hint}
          onCancel={onCancel}
          cancelRequested={cancelRequested}
        />
      );
    }
    case "succeeded":
    case "failed":
    case "cancelled": {
      if (state.status === "succeeded" && !showSuccess) return null;
      const ending = ENDINGS[state.status];
      return (
        <Notice intent={ending.intent} title={ending.title(failedTitle)}>
          {state.message}
        </Notice>
      );
    }
  }
}

/** Props of {@link ActionProgress}. */
export interface ActionProgressProps {
  /** The running action: its state and its Cancel. */
  readonly action: Pick<CancellableOperation<never, unknown>, "state" | "cancel">;
  readonly label: string;
  /** What it counts; default none (a save or a delete: the bar only moves). */
  readonly unit?: CountedUnit | null;
  readonly failedTitle?: string;
  readonly cancelling?: string;
}

/**
 * A short action whose result the panel shows itself (a list, a notice): its progress bar with Cancel while it runs,
 * and why it did not finish; nothing once it succeeded.
 */
export function ActionProgress({ action, unit = null, ...words }: ActionProgressProps) {
  return <OperationProgress state={action.state} onCancel={action.cancel} unit={unit} showSuccess={false} {...words} />;
}
