import { useEffect, useRef } from "react";
import type { MessageBarIntent } from "@fluentui/react-components";
import { Notice } from "../shared/Notice";
import { ProgressLine } from "../shared/ProgressLine";
import { countOf, groupedNumber } from "../shared/wording";
import type { OperationState } from "./operation";
import { ResultSheetLinks } from "./ResultSheetLinks";
import { timeLeftText } from "./timeLeft";
import type { CancellableOperation } from "./useCancellableOperation";

/** The unit an operation counts, singular and plural ("row", "rows"). */
export interface CountedUnit {
  readonly one: string;
  readonly many: string;
}

export interface OperationProgressProps<Output = unknown> {
  readonly state: OperationState<Output>;
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
  /** The sheets a success wrote, in the order to offer them: each gets a link under "Done" that selects it. */
  readonly resultSheets?: (value: Output) => readonly string[];
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
 * The line under a running bar: counts and, apart, the time left ("12,000 of 20,000 rows" + "about 8 s left"), or
 * "finishing" once every unit is done (what remains is saving it into the workbook), or what Cancel is doing.
 */
function runningHint(
  state: Extract<OperationState<unknown>, { status: "running" }>,
  unit: CountedUnit | null,
  cancelling: string,
): { readonly hint: string; readonly then?: string } {
  const { progress, cancelRequested, secondsLeft } = state;
  if (cancelRequested) return { hint: cancelling };
  if (unit === null) return { hint: "In progress…" };
  if (progress === null) return { hint: "Starting…" };
  const hint = countText(progress.done, progress.total, unit);
  if (progress.done >= progress.total) return { hint, then: "finishing…" };
  return secondsLeft === undefined || secondsLeft === null ? { hint } : { hint, then: timeLeftText(secondsLeft) };
}

/**
 * A long operation as the user follows it: a progress bar with counts, the time left and a Cancel button while it
 * runs, then a message bar saying how it ended (success, with links to the sheets it wrote; failure in the
 * operation's words; or cancelled). Each is scrolled into view as it appears, so that neither lands below the fold.
 * Renders nothing when idle.
 */
export function OperationProgress<Output>({
  state,
  onCancel,
  label,
  unit = ROWS,
  failedTitle = "Could not finish",
  cancelling = "Cancelling: removing what was written…",
  showSuccess = true,
  resultSheets,
}: OperationProgressProps<Output>) {
  const shown = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    // jsdom has no scrollIntoView; "nearest" leaves the pane where it is when the line is already in view.
    shown.current?.scrollIntoView?.({ block: "nearest" });
  }, [state.status]);
  switch (state.status) {
    case "idle":
      return null;
    case "running": {
      const { progress } = state;
      const { hint, then } = runningHint(state, unit, cancelling);
      const counted = unit === null || progress === null || progress.total === 0 ? null : progress;
      return (
        <div ref={shown}>
          <ProgressLine
            label={label}
            value={counted === null ? undefined : counted.done / counted.total}
            hint={hint}
            then={then}
            onCancel={onCancel}
            cancelRequested={state.cancelRequested}
          />
        </div>
      );
    }
    case "succeeded":
    case "failed":
    case "cancelled": {
      if (state.status === "succeeded" && !showSuccess) return null;
      const ending = ENDINGS[state.status];
      const sheets = state.status === "succeeded" && resultSheets !== undefined ? resultSheets(state.value) : [];
      return (
        <div ref={shown}>
          <Notice intent={ending.intent} title={ending.title(failedTitle)}>
            {state.message}
            <ResultSheetLinks sheets={sheets} />
          </Notice>
        </div>
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
