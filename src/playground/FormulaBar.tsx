import type { KeyboardEvent } from "react";
import type { Draft } from "./gridState";

/**
 * Excel's formula bar: the name box with the selected cell's address, and the selected cell's formula (or
 * constant) as text. Typing here edits the same draft as the in-cell editor; Enter commits, Escape cancels.
 */
export function FormulaBar({
  address,
  content,
  draft,
  onStartEdit,
  onDraftChange,
  onCommit,
  onCancel,
}: {
  address: string;
  /** The selected cell's formula or constant, shown when nothing is being typed. */
  content: string;
  draft: Draft | null;
  onStartEdit(text: string): void;
  onDraftChange(text: string): void;
  onCommit(): void;
  onCancel(): void;
}) {
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      onCommit();
    } else if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  };
  return (
    <div className="formula-bar">
      <input className="name-box" aria-label="Name box" data-testid="name-box" value={address} readOnly />
      <span className="fx" aria-hidden>
        <i>fx</i>
      </span>
      <input
        className="formula-input"
        aria-label="Formula bar"
        data-testid="formula-bar"
        spellCheck={false}
        autoComplete="off"
        value={draft?.text ?? content}
        onFocus={() => {
          if (draft === null) onStartEdit(content);
        }}
        onChange={(event) => onDraftChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
