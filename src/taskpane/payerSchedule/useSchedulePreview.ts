import { useCallback, useMemo } from "react";
import type { ScheduleProgress } from "../../formats/payerSchedule";
import {
  previewReadInSlices,
  previewReadNow,
  previewsAtOnce,
  readSourceInSlices,
  readSourceNow,
  readsAtOnce,
  type ScheduleSource,
  type SourceChoices,
  type SourcePreview,
  type SourceRead,
} from "./scheduleSource";
import { useSlices, type Slow } from "./useSlices";

/** Where the preview of the current source and choices is. */
export type PreviewState =
  | { readonly status: "none" }
  | { readonly status: "running"; readonly progress: ScheduleProgress | null }
  | { readonly status: "stopped" }
  | { readonly status: "done"; readonly preview: SourcePreview };

/** The preview as the panel shows it, and a way to stop a long one. */
export interface SchedulePreview {
  readonly state: PreviewState;
  /** Stops a reading or preview in progress (the panel's Cancel). */
  readonly cancel: () => void;
}

const readSlowly = (source: ScheduleSource, signal: AbortSignal, onProgress: (p: ScheduleProgress) => void) =>
  readSourceInSlices(source, { signal, onProgress });

/**
 * The preview of a source under the user's choices. The source is read once into a grid; each change of choices
 * previews that grid again. A small source (see READ_AT_ONCE_BYTES, PREVIEW_AT_ONCE_ROWS) is read and previewed at
 * once, so its preview shows with the render that asked for it; a large one runs in slices that leave the pane
 * responsive, with progress, and is aborted when the source or the choices change, or on {@link SchedulePreview.cancel}.
 */
export function useSchedulePreview(source: ScheduleSource | null, choices: SourceChoices): SchedulePreview {
  const readNow = useMemo(() => (source !== null && readsAtOnce(source) ? readSourceNow(source) : null), [source]);
  const [slowRead, cancelRead] = useSlices(source !== null && !readsAtOnce(source) ? source : null, readSlowly);
  const read: SourceRead | null = readNow ?? (slowRead.status === "done" ? slowRead.value : null);
  const ready = read?.ok ? read.read : null;

  const previewNow = useMemo(
    () => (ready !== null && previewsAtOnce(ready) ? previewReadNow(ready, choices) : null),
    [ready, choices],
  );
  const slowInput = useMemo(
    () => (ready !== null && !previewsAtOnce(ready) ? { ready, choices } : null),
    [ready, choices],
  );
  const previewSlowly = useCallback(
    (input: NonNullable<typeof slowInput>, signal: AbortSignal, onProgress: (p: ScheduleProgress) => void) =>
      previewReadInSlices(input.ready, input.choices, { signal, onProgress }),
    [],
  );
  const [slowPreview, cancelPreview] = useSlices(slowInput, previewSlowly);
  const cancel = useCallback(() => {
    cancelRead();
    cancelPreview();
  }, [cancelRead, cancelPreview]);

  const state = ((): PreviewState => {
    if (source === null) return { status: "none" };
    if (read === null) return slowRead.status === "stopped" ? { status: "stopped" } : runningOf(slowRead);
    if (!read.ok) return { status: "done", preview: { ok: false, message: read.message } };
    if (previewNow !== null) return { status: "done", preview: previewNow };
    if (slowPreview.status === "done") return { status: "done", preview: slowPreview.value };
    return slowPreview.status === "stopped" ? { status: "stopped" } : runningOf(slowPreview);
  })();
  return { state, cancel };
}

const runningOf = (slow: Slow<unknown>): PreviewState => ({
  status: "running",
  progress: slow.status === "running" ? slow.progress : null,
});

/**
 * The progress of a long preview in words: "Reading the file: 45%", "Checking the rows: 31%". A percentage for the
 * check too: its counts are passes over the rows (two or three per row), which are not rows the user could count.
 */
export function progressText(progress: ScheduleProgress | null): string {
  if (progress === null) return "Reading the file…";
  const percent = progress.total === 0 ? 0 : Math.floor((100 * progress.done) / progress.total);
  switch (progress.phase) {
    case "reading":
      return `Reading the file: ${percent}%`;
    case "checking":
      return `Checking the rows: ${percent}%`;
  }
}
