/**
 * The uplift model's tables placed on its two sheets (`placeModelTables`), and the rows written in chunks: one per
 * distinct line (code, amount, charge) on the lines sheet, one per code in the model's code table. Every formula names its columns
 * through the tables' column maps (modelColumns.ts); see modelPlan.ts for the rounding and capping rule.
 */
import { placeColumns, repeatColumns, type ColumnMap } from "../core/columnLetters";
import type { PlanCell } from "../core/sheetBlocks";
import {
  ASSUMPTION_COLUMNS,
  codeColumns,
  COMPARISON_COLUMNS,
  lineColumns,
  MODEL_ROWS,
  modelCodeTableRow,
  scenarioCodeColumns,
  scenarioLineColumns,
  type AssumptionKey,
  type CodeKey,
  type ComparisonKey,
  type LineKey,
  type LineSheetShape,
  type ScenarioCodeKey,
  type ScenarioLineKey,
} from "./modelColumns";
import type { HcpcsCode } from "../../engine";
import type { MarketTargets } from "./marketTargets";
import type { ModelNumbers } from "./modelNumbers";
import type { ModelLineGroups } from "./lineGroups";
import { upliftedLinesFormula } from "./upliftedLines";

/** A sheet name as formulas quote it. */
export const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** Every table of the model, placed, with the rows (0-based) of the code table and the quoted sheet names. */
export interface ModelTables {
  readonly assumptions: ColumnMap<AssumptionKey>;
  readonly comparison: ColumnMap<ComparisonKey>;
  readonly code: ColumnMap<CodeKey>;
  /** The code table's columns of each scenario, in the scenarios' order. */
  readonly codeScenarios: readonly ColumnMap<ScenarioCodeKey>[];
  readonly line: ColumnMap<LineKey>;
  readonly lineScenarios: readonly ColumnMap<ScenarioLineKey>[];
  /** 0-based rows of the code table's first code, last code and total. */
  readonly codeTableRow: number;
  readonly lastCodeRow: number;
  readonly totalRow: number;
  /** Rows of the lines sheet below its header: one per distinct line. */
  readonly lineRowCount: number;
  readonly modelSheet: string;
  readonly linesSheet: string;
}

/** Places the model's tables for `numbers.scenarios` (each table from the sheet's first column). */
export function placeModelTables(
  numbers: ModelNumbers,
  lineRowCount: number,
  shape: LineSheetShape,
  names: { readonly modelSheet: string; readonly linesSheet: string },
): ModelTables {
  const scenarioNames = numbers.scenarios.map(({ scenario }) => scenario.name.trim());
  const codeGroups = numbers.scenarios.map(({ scenario, market }) => ({
    name: scenario.name.trim(),
    percentileLabel: market?.percentileLabel ?? null,
    hasUnits: shape.hasUnits,
  }));
  const code = placeColumns(codeColumns(shape.hasUnits, shape.codeKind));
  const line = placeColumns(lineColumns(shape));
  const codeTableRow = modelCodeTableRow(numbers.scenarios.length);
  const lastCodeRow = codeTableRow + numbers.codes.length - 1;
  return {
    assumptions: placeColumns(ASSUMPTION_COLUMNS),
    comparison: placeColumns(COMPARISON_COLUMNS),
    code,
    codeScenarios: repeatColumns(scenarioCodeColumns, codeGroups, code.end),
    line,
    lineScenarios: repeatColumns(scenarioLineColumns, scenarioNames, line.end),
    codeTableRow,
    lastCodeRow,
    totalRow: lastCodeRow + 1,
    lineRowCount,
    modelSheet: quoteSheet(names.modelSheet),
    linesSheet: quoteSheet(names.linesSheet),
  };
}

/** The model's current revenue, the total every share and threshold refers to: `$B$6`. */
export function currentTotalCell(t: ModelTables): string {
  return t.assumptions.cell(MODEL_ROWS.currentRevenue + 1, "input", "absolute");
}

/** A column of the code table, over its codes (1-based rows as A1 writes them). */
export function overCodes<K extends string>(t: ModelTables, map: ColumnMap<K>, key: K, anchor?: "absolute"): string {
  return map.range(key, t.codeTableRow + 1, t.lastCodeRow + 1, anchor);
}

/** A column of the lines sheet over every row, as the model's SUMIFS read it. */
function overLines<K extends string>(t: ModelTables, map: ColumnMap<K>, key: K): string {
  return `${t.linesSheet}!${map.range(key, 2, t.lineRowCount + 1, "absolute")}`;
}

/** A code table column's total, rounded to the cent. */
export function roundedSum<K extends string>(t: ModelTables, map: ColumnMap<K>, key: K): string {
  return `=ROUND(SUM(${overCodes(t, map, key)}),2)`;
}

/**
 * The lines sheet's rows (below its header): a distinct line's values, its count of lines and their current total,
 * then per scenario ONE formula: the row's lines at the code's uplift (looked up in the model's code table), each
 * rounded to the cent and capped at its billed charge, times the count.
 */
export function lineRows(t: ModelTables, groups: ModelLineGroups): PlanCell[][] {
  const codeRange = `${t.modelSheet}!${overCodes(t, t.code, "hcpcsCode", "absolute")}`;
  return groups.hcpcsCodes.map((code, i) => {
    const r = i + 2;
    const charge = groups.chargeCents?.[i] ?? null;
    const amountCents = groups.amountCents[i]!;
    const count = groups.lineCounts[i]!;
    const amount = t.line.cell(r, "amount");
    const values = t.line.row<PlanCell>({
      hcpcsCode: code,
      amount: amountCents / 100,
      chargeAmount: charge === null ? null : charge / 100,
      lineCount: count,
      serviceUnitQuantity: groups.units?.[i] ?? null,
      // Whole cents times a count, then to dollars: exact to the cent.
      currentTotal: (amountCents * count) / 100,
    });
    const lineCount = t.line.cell(r, "lineCount");
    const scenarios = t.lineScenarios.flatMap((columns, s) => {
      const uplifts = `${t.modelSheet}!${overCodes(t, t.codeScenarios[s]!, "uplift", "absolute")}`;
      const uplift = `INDEX(${uplifts},MATCH(${t.line.cell(r, "hcpcsCode", "column")},${codeRange},0))`;
      const capAt = t.line.has("chargeAmount") && charge !== null ? t.line.cell(r, "chargeAmount") : null;
      return columns.row<PlanCell>({
        newTotal: `=${upliftedLinesFormula({ lineCount, amount, uplift, charge: capAt })}`,
      });
    });
    return [...values, ...scenarios];
  });
}

/** A market scenario's cells before its uplift (all empty for a percentage scenario: it has no such columns). */
export const NO_MARKET_CELLS = { target: null, rateCount: null, average: null } as const;

/**
 * The cells showing where a market scenario's uplift of a code came from, written at build time: the market rate and
 * the number of rates behind it, and our current rate per unit as a formula (the uplift is target / it - 1). A code
 * in scope without a market rate shows 0 rates; a code outside the scope shows nothing.
 */
function marketCells(
  t: ModelTables,
  r: number,
  market: MarketTargets | null,
  hcpcsCode: string,
): Record<"target" | "rateCount" | "average", PlanCell> {
  const target = market?.targets.find((c) => c.hcpcsCode === hcpcsCode);
  if (target === undefined) {
    return { ...NO_MARKET_CELLS, rateCount: market?.withoutMarketRate.includes(hcpcsCode as HcpcsCode) ? 0 : null };
  }
  const volume = t.code.cell(r, "volume");
  return {
    target: target.targetRate.toNumber(),
    rateCount: target.rateCount,
    average: target.averageRate === null ? null : `=IF(${volume}=0,"",${t.code.cell(r, "current")}/${volume})`,
  };
}

/** The code table's rows: rank, code, volume, current revenue and share, then per scenario uplift, new and added. */
export function codeRows(t: ModelTables, numbers: ModelNumbers): PlanCell[][] {
  const lineCodes = overLines(t, t.line, "hcpcsCode");
  const currentTotal = currentTotalCell(t);
  return numbers.codes.map((code, i) => {
    const r = t.codeTableRow + i + 1;
    const byCode = `${lineCodes},${t.code.cell(r, "hcpcsCode", "column")}`;
    const values = t.code.row<PlanCell>({
      rank: i + 1,
      hcpcsCode: code.hcpcsCode,
      volume: `=SUMIFS(${overLines(t, t.line, t.line.has("serviceUnitQuantity") ? "serviceUnitQuantity" : "lineCount")},${byCode})`,
      current: `=ROUND(SUMIFS(${overLines(t, t.line, "currentTotal")},${byCode}),2)`,
      share: `=IF(${currentTotal}=0,0,${t.code.cell(r, "current")}/${currentTotal})`,
    });
    const scenarios = numbers.scenarios.flatMap(({ result, market }, s) => {
      const columns = t.codeScenarios[s]!;
      const fraction = result.codes.find((c) => c.hcpcsCode === code.hcpcsCode)?.upliftFraction.toNumber() ?? 0;
      return columns.row<PlanCell>({
        ...marketCells(t, r, market, code.hcpcsCode),
        uplift: fraction,
        newRevenue: `=ROUND(SUMIFS(${overLines(t, t.lineScenarios[s]!, "newTotal")},${byCode}),2)`,
        added: `=${columns.cell(r, "newRevenue")}-${t.code.cell(r, "current")}`,
      });
    });
    return [...values, ...scenarios];
  });
}
