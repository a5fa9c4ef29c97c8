import { useCallback, useEffect, useRef, useState } from "react";
import { describeError } from "./describeError";
import type { TaskPaneCommand } from "./taskPaneCommand";
import { useExcelGateway } from "./ExcelGatewayContext";

/** Where a command's latest run stands, as a component renders it. */
export type CommandState<Output> =
  | { readonly status: "idle" }
  | { readonly status: "running" }
  | { readonly status: "succeeded"; readonly result: Output }
  | { readonly status: "failed"; readonly message: string };

/**
 * Runs a task-pane command that reads the workbook against the current Excel gateway and tracks its state. A failure
 * becomes a `failed` state with a message in the user's words (never swallowed, never Office's raw text); only the
 * latest run's outcome is kept, so a slow earlier run cannot overwrite a newer one, and nothing is set after the
 * component unmounts. Commands that change the workbook run with progress and Cancel through `useOperationCommand`.
 */
export function useCommand<Input, Output>(
  command: TaskPaneCommand<Input, Output>,
): [CommandState<Output>, (input: Input) => Promise<void>] {
  const excel = useExcelGateway();
  const [state, setState] = useState<CommandState<Output>>({ status: "idle" });
  const latestRun = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (input: Input) => {
      const runId = ++latestRun.current;
      const isCurrent = () => mounted.current && runId === latestRun.current;
      setState({ status: "running" });
      try {
        const result = await command.run(excel, input);
        if (isCurrent()) setState({ status: "succeeded", result });
      } catch (error) {
        if (isCurrent()) setState({ status: "failed", message: describeError(error, "reading") });
      }
    },
    [command, excel],
  );
  return [state, run];
}
