import { useCallback, useEffect, useRef, useState } from "react";
import type { ScheduleProgress } from "../../formats/payerSchedule";

/** What a long step is doing: nothing, running with progress, stopped by the user, or done. */
export type Slow<T> =
  | { readonly status: "idle" }
  | { readonly status: "running"; readonly progress: ScheduleProgress | null }
  | { readonly status: "stopped" }
  | { readonly status: "done"; readonly value: T };

/** A step run in slices: resolves its value, or null when it was cancelled through the signal. */
export type SlicedStep<I, T> = (
  input: I,
  signal: AbortSignal,
  onProgress: (progress: ScheduleProgress) => void,
) => Promise<T | null>;

/**
 * Runs a slow step whenever its input changes (compared by identity), aborting the run before; a null input means
 * no step. The state returned always belongs to the current input: a result of an earlier input is never shown.
 * Returns the state and a cancel function (the run stops at its next pause and the state becomes "stopped").
 */
export function useSlices<I, T>(input: I | null, run: SlicedStep<I, T>): [Slow<T>, () => void] {
  const [state, setState] = useState<{ readonly input: I | null; readonly slow: Slow<T> }>({
    input: null,
    slow: { status: "idle" },
  });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => {
    if (input === null) return undefined;
    const aborter = new AbortController();
    controller.current = aborter;
    const set = (slow: Slow<T>) => {
      if (!aborter.signal.aborted || slow.status === "stopped") setState({ input, slow });
    };
    set({ status: "running", progress: null });
    void run(input, aborter.signal, (progress) => set({ status: "running", progress })).then((value) =>
      set(value === null ? { status: "stopped" } : { status: "done", value }),
    );
    return () => aborter.abort();
  }, [input, run]);
  const cancel = useCallback(() => controller.current?.abort(), []);
  if (input === null) return [{ status: "idle" }, cancel];
  return [state.input === input ? state.slow : { status: "running", progress: null }, cancel];
}
