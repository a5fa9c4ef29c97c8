/**
 * Long work in slices. A preview of a million rows takes seconds: written as a generator that yields its progress
 * at points where it may pause, it runs either at once (the synchronous API, for small inputs and tests) or in
 * slices that give the event loop a turn between them, so that the task pane repaints, shows progress and hears
 * Cancel. One body of code serves both.
 */

/** How far a long reading or checking has got. */
export interface ScheduleProgress {
  readonly phase: "reading" | "checking";
  readonly done: number;
  readonly total: number;
}

/** A long task as steps: yields progress where it may pause, returns its result. */
export type Steps<R> = Generator<ScheduleProgress, R, void>;

/** How a task run in slices reports and is cancelled. */
export interface PacingOptions {
  /** Aborting stops the task at its next pause; its result is then "cancelled". */
  readonly signal?: AbortSignal;
  /** Called at each pause with the progress so far. */
  readonly onProgress?: (progress: ScheduleProgress) => void;
  /** The longest stretch of work between two turns of the event loop, in milliseconds; default 16 (a frame). */
  readonly sliceMs?: number;
}

/** Gives the event loop a turn (a macrotask), so that input such as a Cancel click and repaints come between slices. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs steps to their result at once. */
export function runNow<R>(steps: Steps<R>): R {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs steps in slices of about `sliceMs`, yielding to the event loop between slices and reporting progress there;
 * stops at the first pause after the signal aborts. A task that ends within its first slice never yields.
 */
export async function runInSlices<R>(
  steps: Steps<R>,
  options: PacingOptions = {},
): Promise<{ readonly ok: true; readonly value: R } | { readonly ok: false }> {
  const sliceMs = options.sliceMs ?? 16;
  let sliceStart = Date.now();
  for (;;) {
    if (options.signal?.aborted) return { ok: false };
    const step = steps.next();
    if (step.done) return { ok: true, value: step.value };
    if (Date.now() - sliceStart < sliceMs) continue;
    options.onProgress?.(step.value);
    await nextTask();
    sliceStart = Date.now();
  }
}
