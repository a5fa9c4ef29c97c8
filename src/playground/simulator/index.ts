/**
 * The workbook simulator (ARCHITECTURE.md section 7): an in-memory Excel with the Excel JavaScript API's proxy
 * semantics, formulas evaluated by HyperFormula, and our custom functions registered as `PAYER.*`.
 */
export { WorkbookSimulator, type HostCell, type SimulatedChartType, type SimulatorOptions } from "./simulator";
export type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
export type {
  CellDescription,
  DescribeOptions,
  SheetDescription,
  TableDescription,
  WorkbookDescription,
} from "./description";
export type { SimRequestContext } from "./requestContext";
export { textInput } from "./entities";
export type { CellInput, Recorded, RecordedChart, RecordedConditionalFormat, RecordedRangeFormat } from "./entities";
export type { ChangedEventArgs, SimulatorChange } from "./workbookModel";
export { ErrorCodes, SimulatorError } from "./errors";
export { DEFAULT_REQUEST_BUDGET_BYTES } from "./requestBudget";
export { columnLetters, formatRect, MAX_COLUMNS, MAX_ROWS, parseAddress, type CellRect } from "./addresses";
export { shiftFormula } from "./formulaShift";
export { formatValue } from "./numberFormat";
