/**
 * The tables of the uplift model's two sheets, each declared once as a named column map (see `placeColumns`):
 * the model sheet's assumptions, scenario comparison and code table, and the hidden per-line sheet. The columns
 * of each scenario are a group declared once (`scenarioCodeColumns`, `scenarioLineColumns`) and repeated per
 * scenario. The layout (`layoutModel`) writes every formula through these names, never a column letter.
 */
import { UPLIFT_CODES, type UpliftCodeKind } from "../../engine";
import type { ColumnDeclaration } from "../core/columnLetters";
import { NUMBER_FORMATS } from "../core/numberFormats";

const { money, percent, count: volume, text } = NUMBER_FORMATS;

/** Width of a model sheet column no comparison column sets: the code table's columns to its right. */
const CODE_COLUMN_WIDTH = 110;

/** Row indexes (0-based) of the model sheet's fixed parts. */
export const MODEL_ROWS = {
  title: 0,
  subtitle: 1,
  note: 2,
  assumptionsHeading: 4,
  currentRevenue: 5,
  floor: 6,
  target: 7,
  comparisonHeading: 9,
  comparisonHeader: 10,
  firstScenario: 11,
} as const;

/** 0-based row of the code table's first code, below the comparison block of `scenarioCount` scenarios. */
export function modelCodeTableRow(scenarioCount: number): number {
  return MODEL_ROWS.firstScenario + scenarioCount + 3;
}

/** The assumptions block: a label, the user's input, and the input in dollars. Formats vary by row. */
export const ASSUMPTION_COLUMNS = [
  { key: "label", header: "Assumptions" },
  { key: "input", header: "Input" },
  { key: "dollars", header: "Added revenue" },
] as const satisfies readonly ColumnDeclaration<string>[];
/** A column of the assumptions block. */
export type AssumptionKey = (typeof ASSUMPTION_COLUMNS)[number]["key"];

/** The scenario comparison, one row per scenario (the chart plots scenario to target); its widths are the sheet's. */
export const COMPARISON_COLUMNS = [
  { key: "scenario", header: "Scenario", numberFormat: text, width: 150 },
  { key: "added", header: "Added revenue", numberFormat: money, width: 110 },
  { key: "floor", header: "Walk-away floor", numberFormat: money, width: 110 },
  { key: "target", header: "Target", numberFormat: money, width: 110 },
  { key: "change", header: "Change", numberFormat: percent, width: 90 },
  { key: "current", header: "Current revenue", numberFormat: money, width: 110 },
  { key: "newRevenue", header: "New revenue", numberFormat: money, width: 110 },
  { key: "result", header: "Result", numberFormat: "General", width: 110 },
  { key: "rule", header: "Uplift rule", numberFormat: text, width: 230 },
] as const satisfies readonly ColumnDeclaration<string>[];
/** A column of the scenario comparison. */
export type ComparisonKey = (typeof COMPARISON_COLUMNS)[number]["key"];

/** A column of the code table's fixed part. */
export type CodeKey = "rank" | "hcpcsCode" | "volume" | "current" | "share";

/** "Lines" or "Stays": what one entry of a model by `codeKind` is, counted. */
const countHeader = (codeKind: UpliftCodeKind): string => (UPLIFT_CODES[codeKind].unit === "stay" ? "Stays" : "Lines");

/**
 * The code table's fixed columns; the code is headed by its kind ("MS-DRG"), and the volume is units when the claims
 * have them, else a count of lines (or of stays).
 */
export function codeColumns(hasUnits: boolean, codeKind: UpliftCodeKind): readonly ColumnDeclaration<CodeKey>[] {
  const count = hasUnits ? "Units" : countHeader(codeKind);
  return [
    { key: "rank", header: "Rank", numberFormat: volume, width: CODE_COLUMN_WIDTH },
    { key: "hcpcsCode", header: UPLIFT_CODES[codeKind].label, numberFormat: text, width: CODE_COLUMN_WIDTH },
    { key: "volume", header: count, numberFormat: volume, width: CODE_COLUMN_WIDTH },
    { key: "current", header: "Current revenue", numberFormat: money, width: CODE_COLUMN_WIDTH },
    { key: "share", header: "Share of revenue", numberFormat: percent, width: CODE_COLUMN_WIDTH },
  ];
}

/**
 * A column of a scenario's group in the code table. A market scenario's group starts with where its uplift came
 * from: the code's market rate at the percentile, how many rates it is taken over, and our current rate per unit.
 */
export type ScenarioCodeKey = "target" | "rateCount" | "average" | "uplift" | "newRevenue" | "added";

/** What a scenario's group of code columns is declared from. */
export interface ScenarioCodeGroup {
  readonly name: string;
  /** For a market scenario, its percentile as the sheet names it ("p50"); null for a percentage scenario. */
  readonly percentileLabel: string | null;
  /** The claims have units (the current rate is per unit), or not (it is per line). */
  readonly hasUnits: boolean;
}

/** A scenario's columns in the code table: its uplift per code (an input), new and added revenue. */
export function scenarioCodeColumns(group: ScenarioCodeGroup): readonly ColumnDeclaration<ScenarioCodeKey>[] {
  const { name, percentileLabel: p } = group;
  const width = CODE_COLUMN_WIDTH;
  const market: readonly ColumnDeclaration<ScenarioCodeKey>[] =
    p === null
      ? []
      : [
          { key: "target", header: `${name}: Market ${p} rate`, numberFormat: money, width },
          { key: "rateCount", header: `${name}: Market rates behind ${p}`, numberFormat: volume, width },
          { key: "average", header: `${name}: Current per ${group.hasUnits ? "unit" : "line"}`, numberFormat: money, width }, // prettier-ignore
        ];
  return [
    ...market,
    { key: "uplift", header: `${name}: ${p === null ? "Uplift" : `Uplift to ${p}`}`, numberFormat: percent, width },
    { key: "newRevenue", header: `${name}: New revenue`, numberFormat: money, width },
    { key: "added", header: `${name}: Added revenue`, numberFormat: money, width },
  ];
}

/** What the per-line sheet holds, which decides its optional columns and headers. */
export interface LineSheetShape {
  readonly amountColumn: string;
  readonly tableName: string;
  /** New amounts are capped at the billed charge: the charge column is needed. */
  readonly capped: boolean;
  readonly hasUnits: boolean;
  /** What the model ranks: the code column's header and whether a row counts lines or stays. */
  readonly codeKind: UpliftCodeKind;
}

/** A column of the lines sheet's fixed part. */
export type LineKey = "hcpcsCode" | "amount" | "chargeAmount" | "lineCount" | "serviceUnitQuantity" | "currentTotal";

/**
 * The lines sheet's fixed columns, one row per distinct line (code, amount and billed charge, when capped): the
 * line's values, how many claim lines have them, their units (when known) and their current total. Lines alike
 * are uplifted alike, so a row per distinct line keeps the model exact with far fewer formulas (issue 20 item 2).
 */
export function lineColumns(shape: LineSheetShape): readonly ColumnDeclaration<LineKey>[] {
  const code = UPLIFT_CODES[shape.codeKind];
  // A stay's charge is the claim's total (readClaimLines.ts), not a line's.
  const charge = code.unit === "stay" ? "Total charges" : "Charge Amount";
  const amount = shape.amountColumn;
  return [
    { key: "hcpcsCode", header: code.label, numberFormat: text },
    { key: "amount", header: `Current ${amount} per ${code.unit}`, numberFormat: money },
    ...(shape.capped ? [{ key: "chargeAmount", header: `${charge} per ${code.unit}`, numberFormat: money } as const] : []), // prettier-ignore
    { key: "lineCount", header: `${countHeader(shape.codeKind)} in ${shape.tableName}`, numberFormat: volume },
    ...(shape.hasUnits
      ? [{ key: "serviceUnitQuantity", header: "Service Unit Quantity", numberFormat: volume } as const]
      : []),
    { key: "currentTotal", header: `Current ${amount}`, numberFormat: money },
  ];
}

/** A column of a scenario's group on the lines sheet. */
export type ScenarioLineKey = "newTotal";

/** A scenario's column on the lines sheet: the new amount of all the row's lines, its one formula. */
export function scenarioLineColumns(scenarioName: string): readonly ColumnDeclaration<ScenarioLineKey>[] {
  return [{ key: "newTotal", header: `${scenarioName}: New Amount`, numberFormat: money }];
}
