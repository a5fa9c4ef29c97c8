import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
} from "react";
import { chartModel } from "./chartModel";
import { ChartView } from "./ChartView";
import {
  HEADER_HEIGHT,
  PX_PER_POINT,
  ROW_HEADER_WIDTH,
  ROW_HEIGHT,
  cellsBox,
  columnOffsets,
  fitColumnWidths,
  gridExtent,
  visibleRowWindow,
  withSetWidths,
} from "./gridLayout";
import { arrowMove, commitMove, type CellPosition, type Draft, type Move } from "./gridState";
import { a1Address, cellInputText, columnLetters, type HostCell, type HostWorkbook } from "./hostWorkbook";
import { GridCellEditor } from "./GridCellEditor";
import { sheetLook, type CellStyle } from "./sheetLook";

/** Props of the grid: the sheet to show, the selection and draft owned by the page, and what the user does. */
export interface GridProps {
  readonly workbook: HostWorkbook;
  readonly sheet: string;
  /** Changes whenever the workbook does (see useWorkbookVersion), so the grid re-reads its cells. */
  readonly version: number;
  readonly selection: CellPosition;
  readonly draft: Draft | null;
  onSelect(position: CellPosition): void;
  onStartEdit(text: string, mode: Draft["mode"]): void;
  onDraftChange(text: string): void;
  onCommit(move: Move): void;
  onCancel(): void;
  onClear(): void;
  /** Receives the focusable grid element, so the page can give focus back after the formula bar. */
  gridRef?: (element: HTMLDivElement | null) => void;
}

type CellKind = "number" | "logical" | "error" | "text";

/** The chart frame's border (playground.html's .grid-chart), inside which the canvas is drawn. */
const CHART_BORDER = 1;

/** Excel's error values, which the simulator reports as their text. */
const ERROR_VALUES = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#SPILL!",
  "#CALC!",
  "#BUSY!",
]);

/** How a cell's value aligns, as Excel does by type: numbers right, logicals and errors centred, text left. */
function cellKind(cell: HostCell): CellKind {
  if (typeof cell.value === "number") return "number";
  if (typeof cell.value === "boolean") return "logical";
  if (ERROR_VALUES.has(cell.text)) return "error";
  return "text";
}

/**
 * A cell's inline style: its width, the look the workbook gives it, and, in a frozen column, a place that stays put
 * while the grid scrolls sideways (opaque, so cells scrolling under it do not show through).
 */
function cellCss(width: number | undefined, style: CellStyle, frozenLeft: number | undefined): CSSProperties {
  const css: CSSProperties = {
    width,
    backgroundColor: style.fill,
    color: style.color,
    fontWeight: style.bold === true ? 700 : undefined,
    fontStyle: style.italic === true ? "italic" : undefined,
    fontSize: style.size === undefined ? undefined : style.size * PX_PER_POINT,
  };
  if (frozenLeft === undefined) return css;
  return { ...css, position: "sticky", left: frozenLeft, zIndex: 2, backgroundColor: style.fill ?? "#fff" };
}

/**
 * The spreadsheet grid: column letters, row numbers, cells showing their formatted text, a selected cell and
 * in-cell editing. Only the rows in view are rendered, so 3,000-row sheets scroll smoothly.
 */
export function Grid(props: GridProps) {
  const { workbook, sheet, version, selection, draft } = props;
  const scroller = useRef<HTMLDivElement | null>(null);
  const [viewport, setViewport] = useState({ scrollTop: 0, height: 600 });

  const used = workbook.usedSize(sheet);
  const look = useMemo(() => sheetLook(workbook, sheet), [workbook, sheet, version]);
  const charts = useMemo(
    () => workbook.charts(sheet).map((chart) => chartModel(workbook, chart)),
    [workbook, sheet, version],
  );
  // The grid reaches past the charts as well as the data, so a chart beside the figures can be scrolled to.
  const extent = gridExtent({
    rows: Math.max(used.rows, ...charts.map((c) => (c.cells === null ? 0 : c.cells.row + c.cells.rowCount))),
    columns: Math.max(
      used.columns,
      ...charts.map((c) => (c.cells === null ? 0 : c.cells.column + c.cells.columnCount)),
    ),
  });
  // Fitted once per sheet (and when the sheet grows), as Excel keeps widths while you type.
  const fitted = useMemo(() => fitColumnWidths(workbook, sheet, extent.columns), [workbook, sheet, extent.columns]);
  const widths = useMemo(() => withSetWidths(fitted, look.columnWidths), [fitted, look]);
  const { lefts, total: totalWidth } = useMemo(() => columnOffsets(widths), [widths]);
  // Frozen rows take at most half the grid's height, so the rows below them can always be scrolled into view (the
  // Contract Performance sheet freezes down to its monthly table's header, taller than a small window).
  const frozen = {
    rows: Math.min(
      look.frozen.rows,
      extent.rows,
      Math.max(1, Math.floor((viewport.height - HEADER_HEIGHT) / 2 / ROW_HEIGHT)),
    ),
    columns: Math.min(look.frozen.columns, extent.columns),
  };
  const scrolled = visibleRowWindow(viewport.scrollTop, viewport.height, extent.rows);
  // Frozen rows are drawn once, above the scrolling ones.
  const window = { first: Math.max(frozen.rows, scrolled.first), last: scrolled.last };

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    const measure = () => setViewport({ scrollTop: element.scrollTop, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A new sheet opens at its top-left corner.
  useLayoutEffect(() => {
    scroller.current?.scrollTo({ top: 0, left: 0 });
  }, [sheet]);

  // Keep the selected cell in view when the keyboard moves it (not when the user scrolls with the wheel).
  useEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    // Frozen rows and columns are always in view; the others scroll in the space the frozen ones leave.
    const frozenHeight = frozen.rows * ROW_HEIGHT;
    if (selection.row >= frozen.rows) {
      const top = selection.row * ROW_HEIGHT - frozenHeight;
      const visibleHeight = element.clientHeight - HEADER_HEIGHT - frozenHeight;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + ROW_HEIGHT > element.scrollTop + visibleHeight)
        element.scrollTop = top + ROW_HEIGHT - visibleHeight;
    }
    const frozenWidth = (lefts[frozen.columns] ?? ROW_HEADER_WIDTH) - ROW_HEADER_WIDTH;
    if (selection.column >= frozen.columns) {
      const left = (lefts[selection.column] ?? ROW_HEADER_WIDTH) - ROW_HEADER_WIDTH - frozenWidth;
      const width = widths[selection.column] ?? 0;
      const visibleWidth = element.clientWidth - ROW_HEADER_WIDTH - frozenWidth;
      if (left < element.scrollLeft) element.scrollLeft = left;
      else if (left + width > element.scrollLeft + visibleWidth) element.scrollLeft = left + width - visibleWidth;
    }
  }, [selection.row, selection.column]);

  const clamp = (position: CellPosition): CellPosition => ({
    row: Math.min(extent.rows - 1, Math.max(0, position.row)),
    column: Math.min(extent.columns - 1, Math.max(0, position.column)),
  });
  const moveBy = (move: Move) =>
    props.onSelect(clamp({ row: selection.row + move.rows, column: selection.column + move.columns }));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return; // keys typed into the in-cell editor are its own
    const { key } = event;
    const page = Math.max(1, Math.floor((viewport.height - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const move =
      arrowMove(key) ??
      commitMove(key, event.shiftKey) ??
      (key === "PageDown" ? { rows: page, columns: 0 } : key === "PageUp" ? { rows: -page, columns: 0 } : undefined);
    if (move !== undefined) {
      event.preventDefault();
      if (event.ctrlKey && arrowMove(key) !== undefined) {
        // Ctrl+arrow: to the edge of the sheet's data, as far as this grid goes.
        const edge = { row: move.rows < 0 ? 0 : used.rows - 1, column: move.columns < 0 ? 0 : used.columns - 1 };
        props.onSelect(
          clamp({
            row: move.rows === 0 ? selection.row : edge.row,
            column: move.columns === 0 ? selection.column : edge.column,
          }),
        );
      } else moveBy(move);
    } else if (key === "Home") {
      event.preventDefault();
      props.onSelect({ row: event.ctrlKey ? 0 : selection.row, column: 0 });
    } else if (key === "F2") {
      event.preventDefault();
      props.onStartEdit(cellInputText(workbook.cell(sheet, selection.row, selection.column)), "edit");
    } else if (key === "Delete") {
      event.preventDefault();
      props.onClear();
    } else if (key === "Backspace") {
      event.preventDefault();
      props.onStartEdit("", "enter");
    } else if (key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing over a selected cell starts editing it with that character, as in Excel.
      event.preventDefault();
      props.onStartEdit(key, "enter");
    }
  };

  const positionOf = (target: EventTarget): CellPosition | undefined => {
    const cell = (target as HTMLElement).closest?.("[data-row]");
    if (!(cell instanceof HTMLElement)) return undefined;
    return { row: Number(cell.dataset.row), column: Number(cell.dataset.column) };
  };
  const onMouseDown = (event: MouseEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest("input") !== null) return;
    const position = positionOf(event.target);
    if (position === undefined) return;
    event.preventDefault(); // keep focus on the grid rather than the cell div
    scroller.current?.focus({ preventScroll: true });
    props.onSelect(position);
  };
  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    const position = positionOf(event.target);
    if (position === undefined || draft !== null) return;
    props.onStartEdit(cellInputText(workbook.cell(sheet, position.row, position.column)), "edit");
  };

  const renderRow = (row: number) => {
    const cells = [];
    for (let column = 0; column < extent.columns; column++) {
      const selected = row === selection.row && column === selection.column;
      const address = a1Address(row, column);
      const width = widths[column];
      const frozenLeft = column < frozen.columns ? lefts[column] : undefined;
      if (selected && draft !== null) {
        cells.push(
          <div
            key={column}
            role="gridcell"
            aria-selected
            className="cell selected editing"
            style={cellCss(width, {}, frozenLeft)}
            data-address={address}
            data-row={row}
            data-column={column}
          >
            {draft.origin === "cell" ? (
              <GridCellEditor
                draft={draft}
                onChange={props.onDraftChange}
                onCommit={props.onCommit}
                onCancel={props.onCancel}
              />
            ) : (
              <span className="cell-text">{draft.text}</span>
            )}
          </div>,
        );
        continue;
      }
      const cell = workbook.cell(sheet, row, column);
      cells.push(
        <div
          key={column}
          role="gridcell"
          aria-selected={selected}
          className={`cell ${cellKind(cell)}${selected ? " selected" : ""}`}
          style={cellCss(width, look.style(row, column), frozenLeft)}
          data-address={address}
          data-row={row}
          data-column={column}
          title={cell.errorMessage ?? (cell.text.length * 7 > (width ?? 0) ? cell.text : undefined)}
        >
          {cell.text}
        </div>,
      );
    }
    return (
      <div key={row} role="row" aria-rowindex={row + 2} className="grid-row" style={{ width: totalWidth }}>
        <div role="rowheader" className={`row-header${row === selection.row ? " active" : ""}`}>
          {row + 1}
        </div>
        {cells}
      </div>
    );
  };
  const rows = [];
  for (let row = window.first; row <= window.last; row++) rows.push(renderRow(row));
  const frozenRows = Array.from({ length: frozen.rows }, (_, row) => renderRow(row));

  return (
    <div
      ref={(element) => {
        scroller.current = element;
        props.gridRef?.(element);
      }}
      className="grid-scroller"
      // The browser scrolls a cell into view below the header and frozen rows, not under them.
      style={{ scrollPaddingTop: HEADER_HEIGHT + frozen.rows * ROW_HEIGHT }}
      role="grid"
      aria-label={`Sheet ${sheet}`}
      aria-rowcount={extent.rows + 1}
      aria-colcount={extent.columns + 1}
      data-testid="grid"
      data-version={version}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onMouseDown={onMouseDown}
      onDoubleClick={onDoubleClick}
      onScroll={(event) => {
        // Read now: React clears currentTarget once the handler returns, before the state updater runs.
        const scrollTop = event.currentTarget.scrollTop;
        setViewport((v) => ({ ...v, scrollTop }));
      }}
    >
      <div className="grid-canvas" style={{ width: totalWidth, height: HEADER_HEIGHT + extent.rows * ROW_HEIGHT }}>
        <div role="row" aria-rowindex={1} className="grid-header" style={{ width: totalWidth }}>
          <div className="corner" aria-hidden />
          {widths.map((width, column) => (
            <div
              key={column}
              role="columnheader"
              className={`column-header${column === selection.column ? " active" : ""}`}
              style={{ width }}
            >
              {columnLetters(column)}
            </div>
          ))}
        </div>
        {frozenRows.length > 0 && (
          <div className="grid-frozen-rows" data-testid="frozen-rows" style={{ width: totalWidth }}>
            {frozenRows}
          </div>
        )}
        <div className="grid-rows" style={{ top: HEADER_HEIGHT + window.first * ROW_HEIGHT }}>
          {rows}
        </div>
        {charts.map((chart, i) => {
          if (chart.cells === null) return null;
          const box = cellsBox(chart.cells, lefts, widths);
          return (
            <div key={i} className="grid-chart" data-testid="chart" style={box}>
              <ChartView model={chart} width={box.width - 2 * CHART_BORDER} height={box.height - 2 * CHART_BORDER} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
