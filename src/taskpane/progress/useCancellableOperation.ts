import { useCallback, useEffect, useRef, useState } from "react";
import { describeError } from "../describeError";
import type { Operation, OperationState } from "./operation";
import { secondsLeft } from "./timeLeft";

/** What {@link useCancellableOperation} gives a component. */
export interface CancellableOperation<Input, Output> {
  readonly state: OperationState<Output>;
  /** Runs the operation (aborting a run still in flight); resolves when it has ended. */
  readonly start: (input: Input) => Promise<void>;
  /** Asks the running operation to stop; it reports "cancelled" once it has cleaned up. */
  readonly cancel: () => void;
}

/**
 * Runs a long operation with an AbortController the hook owns: `cancel` aborts it, and so does unmounting (a
 * task pane closed mid-import must not leave a half-written sheet behind). Only the latest run updates the
 * state; a thrown error becomes a failure whose message says in the user's words that the operation stopped (never
 * swallowed, never Office's raw text).
 */
export function useCancellableOperation<Input, Output>(
  operation: Operation<Input, Output>,
): CancellableOperation<Input, Output> {
  const [state, setState] = useState<OperationState<Output>>({ status: "idle" });
  const current = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      current.current?.abort();
      current.current = null;
    },
    [],
  );

  const start = useCallback(
    async (input: Input) => {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      const isCurrent = () => current.current === controller;
      setState({ status: "running", progress: null, cancelRequested: false });
      const startedAt = Date.now();
      const onProgress = (progress: { done: number; total: number }) => {
        if (!isCurrent()) return;
        const estimate = secondsLeft(Date.now() - startedAt, progress.done, progress.total);
        setState((previous) =>
          previous.status === "running"
            ? { ...previous, progress, secondsLeft: estimate }
            : { status: "running", progress, cancelRequested: false, secondsLeft: estimate },
        );
      };
      try {
        const outcome = await operation(input, { signal: controller.signal, onProgress });
        if (!isCurrent()) return;
        if (outcome.ok) setState({ status: "succeeded", value: outcome.value, message: outcome.message });
        else setState({ status: outcome.cancelled ? "cancelled" : "failed", message: outcome.message });
      } catch (error) {
        if (isCurrent()) setState({ status: "failed", message: describeError(error, "writing") });
      } finally {
        if (isCurrent()) current.current = null;
      }
    },
    [operation],
  );

  const cancel = useCallback(() => {
    const controller = current.current;
    if (controller === null || controller.signal.aborted) return;
    controller.abort();
    setState((previous) => (previous.status === "running" ? { ...previous, cancelRequested: true } : previous));
  }, []);

  return { state, start, cancel };
}
