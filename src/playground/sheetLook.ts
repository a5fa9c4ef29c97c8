/**
 * How a sheet looks beyond its cells' text, as Excel draws it from what the add-in set: fills and fonts of range
 * formats, column widths, frozen panes, and the custom-formula conditional formats evaluated on the shown values.
 */
import type { HostWorkbook } from "./hostWorkbook";
import { parseAddress, shiftFormula, type Recorded } from "./simulator";

/** A cell's look where it differs from the grid's default; sizes in points, colours as "#RRGGBB". */
export interface CellStyle {
  readonly fill?: string;
  readonly color?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
}

/** Rows and columns kept in view at the top and left (Excel's frozen panes). */
export interface FrozenPanes {
  readonly rows: number;
  readonly columns: number;
}

export interface SheetLook {
  /** Widths the add-in set, in points, by 0-based column; other columns are fitted to their content. */
  readonly columnWidths: ReadonlyMap<number, number>;
  readonly frozen: FrozenPanes;
  /** The style of one cell: its range formats, then the conditional formats whose rule holds there. */
  style(row: number, column: number): CellStyle;
}

type Rect = { row: number; column: number; rowCount: number; columnCount: number };

/** Recorded format paths (after a conditional format's "custom.format." prefix) and the style field each sets. */
const STYLE_PATHS = {
  "fill.color": "fill",
  "font.color": "color",
  "font.bold": "bold",
  "font.italic": "italic",
  "font.size": "size",
} as const satisfies Record<string, keyof CellStyle>;

/** The style a record's properties set under `prefix` ("" for range formats, "custom.format." for a rule's format). */
function recordedStyle(properties: Recorded["properties"], prefix: string): CellStyle {
  const style: Record<string, unknown> = {};
  for (const [path, field] of Object.entries(STYLE_PATHS)) {
    const value = properties[prefix + path];
    if (value !== undefined) style[field] = value;
  }
  return style as CellStyle;
}

const inside = (rect: Rect, row: number, column: number) =>
  row >= rect.row && row < rect.row + rect.rowCount && column >= rect.column && column < rect.column + rect.columnCount;

const NOT_FROZEN: FrozenPanes = { rows: 0, columns: 0 };

/** What each `freezePanes` method does to the panes (Excel: each call replaces the earlier freeze). */
const FREEZE_CALLS = {
  freezeRows: (args) => ({ rows: Number(args[0] ?? 1), columns: 0 }),
  freezeColumns: (args) => ({ rows: 0, columns: Number(args[0] ?? 1) }),
  freezeAt: (args) => {
    const rect = typeof args[0] === "string" ? parseAddress(args[0])?.rect : undefined;
    return rect === undefined
      ? NOT_FROZEN
      : { rows: rect.row + rect.rowCount, columns: rect.column + rect.columnCount };
  },
  unfreeze: () => NOT_FROZEN,
} satisfies Record<string, (args: readonly unknown[]) => FrozenPanes>;

function frozenPanes(records: readonly (Recorded & { address: string })[]): FrozenPanes {
  let panes = NOT_FROZEN;
  for (const record of records) {
    if (record.address !== "freezePanes") continue;
    for (const { path, args } of record.calls) {
      if (Object.hasOwn(FREEZE_CALLS, path)) panes = FREEZE_CALLS[path as keyof typeof FREEZE_CALLS](args);
    }
  }
  return panes;
}

/** Excel reads a rule's result as true when it is TRUE or a non-zero number; text and errors are false. */
const holds = (value: unknown) => value === true || (typeof value === "number" && value !== 0);

/**
 * The look of a sheet now. Build it again after the workbook changes; a conditional format's rule is evaluated
 * once per cell asked for (only the cells in view are), its formula moved from the range's top-left cell to that
 * cell as Excel does.
 */
export function sheetLook(workbook: HostWorkbook, sheet: string): SheetLook {
  const records = workbook.rangeFormats(sheet);
  const formats: { rect: Rect; style: CellStyle }[] = [];
  const columnWidths = new Map<number, number>();
  for (const record of records) {
    const rect = parseAddress(record.address)?.rect;
    if (rect === undefined) continue; // a sheet-level record (freeze panes, protection)
    const style = recordedStyle(record.properties, "");
    if (Object.keys(style).length > 0) formats.push({ rect, style });
    const width = record.properties.columnWidth;
    if (typeof width === "number")
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) columnWidths.set(c, width);
  }
  // Only custom-formula rules: the one type the add-in defines (cell-value, data-bar and icon rules are not drawn).
  const rules = workbook
    .conditionalFormats(sheet)
    .filter((cf) => cf.type === "Custom" && typeof cf.properties["custom.rule.formula"] === "string")
    .map((cf) => ({
      rect: parseAddress(cf.address)!.rect,
      formula: cf.properties["custom.rule.formula"] as string,
      style: recordedStyle(cf.properties, "custom.format."),
    }));
  const cache = new Map<string, CellStyle>();
  return {
    columnWidths,
    frozen: frozenPanes(records),
    style(row, column) {
      const key = `${row}:${column}`;
      const known = cache.get(key);
      if (known !== undefined) return known;
      let style: CellStyle = {};
      for (const format of formats) if (inside(format.rect, row, column)) style = { ...style, ...format.style };
      // A rule added later has the higher priority in Excel, so its format is laid on last.
      for (const rule of rules) {
        if (!inside(rule.rect, row, column)) continue;
        const formula = shiftFormula(rule.formula, row - rule.rect.row, column - rule.rect.column);
        if (holds(workbook.evaluate(sheet, formula))) style = { ...style, ...rule.style };
      }
      cache.set(key, style);
      return style;
    },
  };
}
