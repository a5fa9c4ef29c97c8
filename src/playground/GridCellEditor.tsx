import { useLayoutEffect, useRef, type KeyboardEvent } from "react";
import { arrowMove, commitMove, type Draft, type Move } from "./gridState";

/** The text box over the selected cell while the user types into it. */
export function GridCellEditor({
  draft,
  onChange,
  onCommit,
  onCancel,
}: {
  draft: Draft;
  onChange(text: string): void;
  onCommit(move: Move): void;
  onCancel(): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  // Focus once when editing starts, caret at the end, as Excel does; later the formula bar may take focus.
  useLayoutEffect(() => {
    const element = input.current;
    if (element === null) return;
    element.focus({ preventScroll: true });
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const move = commitMove(event.key, event.shiftKey) ?? (draft.mode === "enter" ? arrowMove(event.key) : undefined);
    if (move !== undefined) {
      event.preventDefault();
      onCommit(move);
    } else if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  };
  return (
    <input
      className="cell-editor"
      aria-label="Cell contents"
      data-testid="cell-editor"
      spellCheck={false}
      autoComplete="off"
      value={draft.text}
      ref={input}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={onKeyDown}
    />
  );
}
