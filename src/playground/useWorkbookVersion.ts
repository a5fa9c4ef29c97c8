import { useCallback, useRef, useSyncExternalStore } from "react";
import type { HostWorkbook } from "./hostWorkbook";

/**
 * A number that changes whenever the workbook does, so components that read cells during render re-render
 * after an edit, a recalculation or a write by the task pane.
 */
export function useWorkbookVersion(workbook: HostWorkbook): number {
  const version = useRef(0);
  const subscribe = useCallback(
    (onChange: () => void) =>
      workbook.subscribe(() => {
        version.current += 1;
        onChange();
      }),
    [workbook],
  );
  return useSyncExternalStore(subscribe, () => version.current);
}
