/** A cell of the visible sheet, 0-based. */
export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

/**
 * Text being typed into the selected cell, shared by the in-cell editor and the formula bar as in Excel.
 * `mode`: "enter" when editing began by typing over the cell (arrow keys then commit and move, as in Excel's
 * Enter mode), "edit" after F2, double-click or a click in the formula bar (arrow keys move the caret).
 */
export interface Draft {
  readonly text: string;
  readonly origin: "cell" | "formulaBar";
  readonly mode: "enter" | "edit";
}

/** Where the selection goes after a commit: Enter moves down, Tab right, shifted the other way. */
export interface Move {
  readonly rows: number;
  readonly columns: number;
}

export const STAY: Move = { rows: 0, columns: 0 };

/** The move an arrow key means, or undefined for other keys. */
export function arrowMove(key: string): Move | undefined {
  switch (key) {
    case "ArrowUp":
      return { rows: -1, columns: 0 };
    case "ArrowDown":
      return { rows: 1, columns: 0 };
    case "ArrowLeft":
      return { rows: 0, columns: -1 };
    case "ArrowRight":
      return { rows: 0, columns: 1 };
    default:
      return undefined;
  }
}

/** The move that committing with Enter or Tab (and Shift) means, or undefined for other keys. */
export function commitMove(key: string, shift: boolean): Move | undefined {
  if (key === "Enter") return { rows: shift ? -1 : 1, columns: 0 };
  if (key === "Tab") return { rows: 0, columns: shift ? -1 : 1 };
  return undefined;
}
