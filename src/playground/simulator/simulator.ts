/**
 * The workbook simulator: an in-memory Excel for the playground and for tests, with the real proxy semantics of
 * the Excel JavaScript API (see ARCHITECTURE.md section 7), plus a synchronous host API for the grid and tests.
 */
import { formatRect } from "./addresses";
import type { CustomFunctionImpl } from "./customFunctionPlugin";
import { describeWorkbook, type DescribeOptions, type WorkbookDescription } from "./description";
import type {
  CellInput,
  RecordedChart,
  RecordedConditionalFormat,
  RecordedDataValidation,
  RecordedRangeFormat,
  SheetEntity,
} from "./entities";
import { ErrorCodes, SimulatorError } from "./errors";
import { formatValue } from "./numberFormat";
import { DEFAULT_REQUEST_BUDGET_BYTES } from "./requestBudget";
import { SimRequestContext, type RequestLogEntry } from "./requestContext";
import { loadSnapshot, type WorkbookSnapshot } from "./snapshot";
import { WorkbookProxy } from "./workbook";
import type { SimulatorChange, WorkbookModel } from "./workbookModel";

export interface SimulatorOptions {
  /** Request payload limit; default 5 MB, as Excel on the web. */
  requestBudgetBytes?: number;
  /** Custom functions by id (e.g. "DENIAL_RATE"), registered as `<namespace>.<ID>`. */
  customFunctions?: ReadonlyMap<string, (...args: unknown[]) => unknown>;
  /** Default "PAYER". */
  namespace?: string;
}

/** One cell as the host sees it. */
export interface HostCell {
  /** Computed value; errors as their text ("#VALUE!"); null when empty. */
  value: string | number | boolean | null;
  /** The formula as entered, or null. */
  formula: string | null;
  text: string;
  numberFormat: string;
  /** The message behind an error value (e.g. a CustomFunctions.Error message), when there is one. */
  errorMessage?: string;
}

/** The chart types the simulator knows (`Excel.ChartType` values), as recorded charts carry them. */
export type SimulatedChartType = (typeof ENUMS.ChartType)[keyof typeof ENUMS.ChartType];

/** The enums of the `Excel` namespace the add-in uses, with Excel's string values. */
const ENUMS = {
  CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
  ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
  ConditionalFormatType: {
    custom: "Custom",
    dataBar: "DataBar",
    colorScale: "ColorScale",
    iconSet: "IconSet",
    topBottom: "TopBottom",
    presetCriteria: "PresetCriteria",
    containsText: "ContainsText",
    cellValue: "CellValue",
  },
  ConditionalCellValueOperator: {
    between: "Between",
    notBetween: "NotBetween",
    equalTo: "EqualTo",
    notEqualTo: "NotEqualTo",
    greaterThan: "GreaterThan",
    lessThan: "LessThan",
    greaterThanOrEqual: "GreaterThanOrEqual",
    lessThanOrEqual: "LessThanOrEqual",
  },
  ChartType: {
    columnClustered: "ColumnClustered",
    barClustered: "BarClustered",
    line: "Line",
    pie: "Pie",
    xyscatter: "XYScatter",
  },
  ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  EventSource: { local: "Local", remote: "Remote" },
  DataChangeType: {
    unknown: "Unknown",
    rangeEdited: "RangeEdited",
    rowInserted: "RowInserted",
    rowDeleted: "RowDeleted",
  },
  RangeCopyType: { all: "All", formulas: "Formulas", values: "Values", formats: "Formats", link: "Link" },
} as const;

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export class WorkbookSimulator {
  private readonly model: WorkbookModel;
  private readonly budget: number;
  private readonly log: RequestLogEntry[] = [];

  /** Object shaped like the global `Excel` namespace: install it as `globalThis.Excel`. */
  readonly excel: { run<T>(batch: Batch<T>): Promise<T>; ErrorCodes: typeof ErrorCodes } & typeof ENUMS;
  /** Object shaped like `OfficeExtension` (its Error class), for `globalThis.OfficeExtension`. */
  readonly officeExtension = { Error: SimulatorError, ErrorCodes };

  constructor(
    snapshot: WorkbookSnapshot = { sheets: [{ name: "Sheet1", cells: [] }] },
    options: SimulatorOptions = {},
  ) {
    this.model = loadSnapshot(
      snapshot,
      options.customFunctions ?? new Map<string, CustomFunctionImpl>(),
      options.namespace ?? "PAYER",
    );
    this.budget = options.requestBudgetBytes ?? DEFAULT_REQUEST_BUDGET_BYTES;
    this.excel = { run: (...args: unknown[]) => this.run(args), ErrorCodes, ...ENUMS } as WorkbookSimulator["excel"];
  }

  /** `Excel.run(batch)` (also `Excel.run(object, batch)`): a fresh context; pending commands are synced at the end. */
  private async run<T>(args: unknown[]): Promise<T> {
    const batch = args[args.length - 1] as Batch<T>;
    const context = new SimRequestContext(this.model, this.budget, this.log);
    context.workbook = new WorkbookProxy(context);
    const pending = batch(context as unknown as Excel.RequestContext) as unknown;
    if (!(pending instanceof Promise)) {
      throw new SimulatorError(
        ErrorCodes.runMustReturnPromise,
        'The batch function passed to the ".run" method didn\'t return a promise.',
      );
    }
    const result = await pending;
    if (context.hasPendingCommands) await context.sync();
    return result;
  }

  private sheet(name: string): SheetEntity {
    const sheet = this.model.sheet(name);
    if (sheet === undefined) throw new Error(`No sheet named ${name}`);
    return sheet;
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  /** The sheets Excel shows as tabs: hidden and very hidden sheets left out (the uplift model's lines sheet). */
  visibleSheetNames(): string[] {
    return this.model.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name);
  }

  activeSheetName(): string {
    return this.model.activeSheet.name;
  }

  /** Rows and columns from A1 to the last used cell. */
  usedSize(sheet: string): { rows: number; columns: number } {
    return this.model.cells.engine.dimensions(this.sheet(sheet).name);
  }

  /** One cell, 0-based. */
  cell(sheet: string, row: number, column: number): HostCell {
    const entity = this.sheet(sheet);
    const { cells } = this.model;
    const value = cells.value(entity, row, column);
    const numberFormat = cells.numberFormat(entity, row, column);
    const errorMessage = cells.engine.errorMessage(entity.name, row, column);
    const cell: HostCell = {
      value,
      formula: cells.formula(entity, row, column),
      text: formatValue(value, numberFormat),
      numberFormat,
    };
    return errorMessage === undefined ? cell : { ...cell, errorMessage };
  }

  /** The address ("C2:C40") of the dynamic array a formula at this cell spills into; null when it spills nothing. */
  spillRange(sheet: string, row: number, column: number): string | null {
    const spill = this.model.cells.engine.spillOf(this.sheet(sheet).name, row, column);
    if (spill === null || spill.row !== row || spill.column !== column) return null;
    return spill.rect.rowCount * spill.rect.columnCount > 1 ? formatRect(spill.rect) : null;
  }

  /** Enters text as a user types it into a cell ("" clears it); fires change events like an edit in Excel. */
  setCellInput(sheet: string, row: number, column: number, input: string): void {
    this.model.write(this.sheet(sheet), { row, column, rowCount: 1, columnCount: 1 }, [[input as CellInput]], "values");
    this.model.flush();
  }

  subscribe(listener: (change: SimulatorChange) => void): () => void {
    return this.model.subscribe(listener);
  }

  /** Resolves when every dispatched onChanged handler, and every custom function's promise, has settled. */
  whenIdle(): Promise<void> {
    return this.model.whenIdle();
  }

  /** Every sync so far: its estimated payload and whether it succeeded. */
  get requestLog(): ReadonlyArray<RequestLogEntry> {
    return this.log;
  }

  conditionalFormats(sheet: string): ReadonlyArray<RecordedConditionalFormat> {
    return this.sheet(sheet).conditionalFormats;
  }

  charts(sheet: string): ReadonlyArray<RecordedChart> {
    return this.sheet(sheet).charts;
  }

  /**
   * A formula's value on a sheet, as if entered in a cell of it (errors as their text): how the grid evaluates a
   * conditional format's rule at each cell it covers.
   */
  evaluate(sheet: string, formula: string): string | number | boolean | null {
    return this.model.cells.engine.calculate(this.sheet(sheet).name, formula);
  }

  /** Recorded `range.format` sets and calls (fonts, fills, widths), freeze panes and protection. */
  rangeFormats(sheet: string): ReadonlyArray<RecordedRangeFormat> {
    return this.sheet(sheet).rangeFormats;
  }

  /** Recorded `range.dataValidation` rules (lists to pick from). */
  dataValidations(sheet: string): ReadonlyArray<RecordedDataValidation> {
    return this.sheet(sheet).dataValidations;
  }

  /** Tables with their sheet and address (header row included). */
  tables(): { name: string; sheet: string; address: string }[] {
    return this.model.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, address: formatRect(t.rect) }));
  }

  /** Workbook settings as stored. */
  settings(): Record<string, unknown> {
    return Object.fromEntries(this.model.settings);
  }

  /**
   * The whole workbook as plain data to compare with `toEqual`: sheets, cells, formats, tables, names, settings,
   * conditional formats, charts, active sheet (see description.ts for what is left out and `sheetIdsAsNames`).
   */
  describe(options: DescribeOptions = {}): WorkbookDescription {
    return describeWorkbook(this.model, options);
  }
}
