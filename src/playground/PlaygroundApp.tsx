import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { FormulaBar } from "./FormulaBar";
import { Grid } from "./Grid";
import { gridExtent } from "./gridLayout";
import { STAY, type CellPosition, type Draft, type Move } from "./gridState";
import { a1Address, cellInputText, type HostWorkbook } from "./hostWorkbook";
import { SheetTabs } from "./SheetTabs";
import { useWorkbookVersion } from "./useWorkbookVersion";

const TOP_LEFT: CellPosition = { row: 0, column: 0 };

/** Text of an unexpected failure to enter a cell, for the status bar. */
function failureText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The playground window: an Excel-like workbook view (formula bar, grid, sheet tabs, status bar) of the
 * simulated workbook, with the real task pane beside it.
 */
export function PlaygroundApp({
  workbook,
  taskPane,
  paneWidth,
  fileControls,
}: {
  workbook: HostWorkbook;
  taskPane: ReactNode;
  /** Open and Save of .xlsx files, in the title bar. */
  fileControls?: ReactNode;
  /** The task pane's width in CSS pixels (Excel opens it about 350 wide); the page's default when omitted. */
  paneWidth?: number;
}) {
  const version = useWorkbookVersion(workbook);
  const [sheet, setSheet] = useState(() => workbook.activeSheetName());
  const [selection, setSelection] = useState<CellPosition>(TOP_LEFT);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const grid = useRef<HTMLDivElement | null>(null);
  const lastActiveSheet = useRef(sheet);

  // Follow the workbook when something else (the task pane) activates a sheet or removes the one shown.
  useEffect(() => {
    const active = workbook.activeSheetName();
    if (active !== lastActiveSheet.current || !workbook.visibleSheetNames().includes(sheet)) {
      lastActiveSheet.current = active;
      setSheet(active);
      setSelection(TOP_LEFT);
      setDraft(null);
    }
  }, [workbook, version, sheet]);

  // The sheet drawn: the one chosen, or, in the render before the effect above follows the workbook, the active sheet
  // when the chosen one was just removed or hidden (a repair deleting "Frozen for sharing"): reading a sheet that
  // no longer exists would throw and blank the page.
  const shown = workbook.visibleSheetNames().includes(sheet) ? sheet : workbook.activeSheetName();
  const extent = gridExtent(workbook.usedSize(shown));
  const select = useCallback((position: CellPosition) => setSelection(position), []);

  const enter = (input: string, move: Move) => {
    try {
      workbook.setCellInput(shown, selection.row, selection.column, input);
      setProblem(null);
    } catch (error) {
      setProblem(`Could not enter ${a1Address(selection.row, selection.column)}: ${failureText(error)}`);
    }
    setDraft(null);
    setSelection({
      row: Math.min(extent.rows - 1, Math.max(0, selection.row + move.rows)),
      column: Math.min(extent.columns - 1, Math.max(0, selection.column + move.columns)),
    });
    grid.current?.focus({ preventScroll: true });
  };
  const commit = (move: Move) => {
    if (draft !== null) enter(draft.text, move);
  };
  const cancel = () => {
    setDraft(null);
    grid.current?.focus({ preventScroll: true });
  };
  const selectCell = (position: CellPosition) => {
    // Clicking another cell while typing commits what was typed, then selects.
    if (draft !== null && (position.row !== selection.row || position.column !== selection.column)) {
      commit(STAY);
    }
    select(position);
  };
  const activateSheet = (name: string) => {
    if (draft !== null) commit(STAY);
    setSheet(name);
    setSelection(TOP_LEFT);
  };

  const selected = workbook.cell(shown, selection.row, selection.column);
  const mode = draft === null ? "Ready" : draft.mode === "enter" ? "Enter" : "Edit";

  return (
    <div className="playground">
      <header className="title-bar">
        <span className="product">Payer Contracts</span>
        <span className="subtitle">Playground · simulated Excel workbook · nothing leaves this page</span>
        {fileControls}
      </header>
      <div className="window">
        <div className="workbook">
          <FormulaBar
            address={a1Address(selection.row, selection.column)}
            content={cellInputText(selected)}
            draft={draft}
            onStartEdit={(text) => setDraft({ text, origin: "formulaBar", mode: "edit" })}
            onDraftChange={(text) => setDraft((current) => ({ origin: "formulaBar", mode: "edit", ...current, text }))}
            onCommit={() => commit({ rows: 1, columns: 0 })}
            onCancel={cancel}
          />
          <Grid
            workbook={workbook}
            sheet={shown}
            version={version}
            selection={selection}
            draft={draft}
            onSelect={selectCell}
            onStartEdit={(text, editMode) => setDraft({ text, origin: "cell", mode: editMode })}
            onDraftChange={(text) => setDraft((current) => (current === null ? null : { ...current, text }))}
            onCommit={commit}
            onCancel={cancel}
            onClear={() => enter("", STAY)}
            gridRef={(element) => {
              grid.current = element;
            }}
          />
          <footer className="status-bar">
            <SheetTabs sheets={workbook.visibleSheetNames()} active={shown} onActivate={activateSheet} />
            <span className="status" role="status" data-testid="status">
              {problem ?? mode}
            </span>
          </footer>
        </div>
        <aside
          className="task-pane"
          aria-label="Task pane"
          style={paneWidth === undefined ? undefined : { width: paneWidth }}
        >
          {taskPane}
        </aside>
      </div>
    </div>
  );
}
