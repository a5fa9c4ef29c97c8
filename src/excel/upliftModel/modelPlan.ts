/**
 * The uplift model as sheets: a pure layout of cells, formulas and formats, written by `writeModel`, of the numbers
 * modelNumbers.ts computes (the engine's, one `computeUpliftScenario` per scenario). The sheets' tables are declared once as named
 * column maps (modelColumns.ts) and every formula names its columns (the chunked rows are in modelRows.ts).
 *
 * How the sheet stays live AND exact: a line's new amount is rounded to the cent on that line and capped at its
 * billed charge (lesser-of), so a code's new revenue is not a formula of its total. The model therefore keeps a
 * lines sheet with one row per distinct line (code, amount and billed charge, with its count of lines: lines alike
 * are uplifted alike), whose one formula per scenario looks up the code's uplift from the model's input cell and
 * gives the new amount of the row's lines (the engine's rule as a formula: upliftedLines.ts); the model sums it by
 * code with SUMIFS. Uplifts carry at most 6 decimals (0.0001%), and sums are ROUNDed to cents, so totals are the
 * engine's to the cent.
 */
import { percentText, UPLIFT_CODES, type UpliftCode } from "../../engine";
import { columnLetters } from "../core/columnLetters";
import { textLine as text, type PlanBlock, type PlanCell } from "../core/sheetBlocks";
import { NUMBER_FORMATS } from "../core/numberFormats";
import { MODEL_ROWS } from "./modelColumns";
import { upliftScopeText } from "./upliftScope";
import {
  codeRows,
  currentTotalCell,
  lineRows,
  overCodes,
  NO_MARKET_CELLS,
  placeModelTables,
  roundedSum,
  type ModelTables,
} from "./modelRows";
import { groupModelLines } from "./lineGroups";
import type { ModelLines } from "./readClaimLines";
import type { ModelNumbers } from "./modelNumbers";
import { percentileLabel, type MarketTargets } from "./marketTargets";
import { codeList, type UpliftModelRequest, type UpliftModelScenario, type UpliftThreshold } from "./modelRequest";

// Exported from here since before the tables and the numbers were declared in their own modules.
export { quoteSheet } from "./modelRows";
export { MODEL_ROWS, modelCodeTableRow } from "./modelColumns";
export { checkModelSettings, computeModelNumbers, NO_MARKET_TABLE, type ModelNumbers } from "./modelNumbers";

/** Both sheets of a model, ready to write. */
export interface ModelLayout {
  /** Per-line rows (under a header row), written in chunks. */
  readonly lines: {
    readonly header: readonly string[];
    readonly formats: readonly string[];
    readonly rows: PlanCell[][];
  };
  /** The code table's rows, written in chunks; starts at `codeTableRow`. */
  readonly codeRows: PlanCell[][];
  readonly codeTableRow: number;
  readonly codeFormats: readonly string[];
  /** Everything else on the model sheet, written in the last request. */
  readonly blocks: readonly PlanBlock[];
  /** Comparison rows (header included) the chart plots: scenario, added revenue, floor, target. */
  readonly chartSource: string;
  /** The chart's top-left and bottom-right cells. */
  readonly chartPosition: readonly [string, string];
  /** The Result column's cells, for conditional formats. */
  readonly verdictRange: string;
  /** Column widths in points, from column A. */
  readonly columnWidths: readonly number[];
  /** The cells a user is meant to edit (uplifts, floor, target), shaded as inputs. */
  readonly inputCells: readonly string[];
}

const { money: MONEY, percent: PERCENT, text: TEXT } = NUMBER_FORMATS;

/** The chart's size, in rows and columns, right of the model's widest table. */
const CHART_SIZE = { rows: 18, columns: 7 } as const;

/** What the layout says about where the model came from. */
export interface ModelDescription {
  readonly tableName: string;
  /** The per-line sheet's final name, for the note (formulas use the name it has while written; text is not renamed). */
  readonly linesSheet: string;
  readonly amountColumn: string;
  readonly filtersText: string;
  readonly asOf: string;
}

/** The market rates a market scenario takes: its percentile, and the filters when it has any. */
function marketText(scenario: Extract<UpliftModelScenario, { kind: "toMarket" }>, label: string): string {
  const filters = [scenario.payer, scenario.setting, scenario.billingClass].filter((f): f is string => f !== null);
  return `market ${label} of the Benchmarks dollar rates${filters.length === 0 ? "" : ` (${filters.join(", ")})`}`;
}

/** How a scenario sets each code's uplift, in the comparison's "Uplift rule" column. */
function scenarioRule(scenario: UpliftModelScenario, market: MarketTargets | null): string {
  const codes = scenario.topN === null ? "all codes" : `top ${scenario.topN} codes by ${scenario.rankBy}`;
  switch (scenario.kind) {
    case "percent": {
      const overrides = scenario.overrides.length === 0 ? "" : `; ${scenario.overrides.length} code override(s)`;
      return `${percentText(scenario.upliftFraction)} on ${codes}${overrides}`;
    }
    case "toMarket": {
      const missing = market?.withoutMarketRate ?? [];
      const none = missing.length === 0 ? "" : `; no market rate, no uplift: ${codeList(missing)}`;
      return `To ${marketText(scenario, percentileLabel(scenario.percentile))} on ${codes}, never a cut${none}`;
    }
  }
}

function thresholdInput(threshold: UpliftThreshold): { value: number; format: string } {
  return threshold.kind === "percent"
    ? { value: threshold.value, format: PERCENT }
    : { value: threshold.value, format: MONEY };
}

/** The title, the subtitle saying what the model covers, and the note on how to use it. */
function titleBlocks(t: ModelTables, description: ModelDescription, lines: ModelLines<UpliftCode>): PlanBlock[] {
  const scope = upliftScopeText({ capped: t.line.has("chargeAmount"), rankedWithin: "allLines" });
  const code = UPLIFT_CODES[lines.codeKind];
  const count = lines.hcpcsCodes.length.toLocaleString("en-US");
  // A hospital table's outpatient lines without a HCPCS code are not in a model by HCPCS code: the subtitle says so.
  const leftOut =
    lines.withoutCode === 0
      ? ""
      : `; ${lines.withoutCode.toLocaleString("en-US")} outpatient lines without a HCPCS code left out (rank by revenue code to include them)`;
  return [
    text(MODEL_ROWS.title, `Uplift model: ${description.tableName}`, "title"),
    text(
      MODEL_ROWS.subtitle,
      `${count} ${code.unit === "stay" ? "inpatient stays" : "claim lines"} by ${code.label} (${description.filtersText})${leftOut}` +
        `; revenue is ${description.amountColumn}; uplifts: ${scope}; built ${description.asOf}.`,
      "subtitle",
    ),
    text(
      MODEL_ROWS.note,
      `Shaded cells are inputs: change an uplift, the floor or the target and the model recalculates. ` +
        `Each ${code.unit} is rounded to the cent; the ${code.unit}s, one row per code, amount and charge with its count, are on the hidden sheet "${description.linesSheet}".`,
      "note",
    ),
  ];
}

/** The assumptions: current revenue, then the floor and the target as the user set them and in dollars. */
function assumptionBlocks(request: UpliftModelRequest, t: ModelTables): PlanBlock[] {
  const a = t.assumptions;
  const inputCell = (row: number) => a.cell(row + 1, "input");
  const threshold = (row: number, label: string, setting: UpliftThreshold): PlanBlock[] => {
    const input = thresholdInput(setting);
    const dollars =
      setting.kind === "percent" ? `=ROUND(${inputCell(row)}*${currentTotalCell(t)},2)` : `=${inputCell(row)}`;
    return [
      { row, column: a.index("label"), cells: [[label]], numberFormat: TEXT, style: "body" },
      { row, column: a.index("input"), cells: [[input.value]], numberFormat: input.format, style: "input" },
      { row, column: a.index("dollars"), cells: [[dollars]], numberFormat: MONEY },
    ];
  };
  return [
    {
      row: MODEL_ROWS.assumptionsHeading,
      column: a.first,
      cells: [a.headers()],
      numberFormat: TEXT,
      style: "heading",
    },
    {
      row: MODEL_ROWS.currentRevenue,
      column: a.index("label"),
      cells: [["Current revenue"]],
      numberFormat: TEXT,
      style: "body",
    },
    {
      row: MODEL_ROWS.currentRevenue,
      column: a.index("input"),
      cells: [[roundedSum(t, t.code, "current")]],
      numberFormat: MONEY,
      style: "body",
    },
    ...threshold(MODEL_ROWS.floor, "Walk-away floor", request.floor),
    ...threshold(MODEL_ROWS.target, "Target", request.target),
  ];
}

/** The scenario comparison: each scenario's added revenue against the floor and the target, and its verdict. */
function comparisonBlocks(numbers: ModelNumbers, t: ModelTables): PlanBlock[] {
  const c = t.comparison;
  const floorDollars = t.assumptions.cell(MODEL_ROWS.floor + 1, "dollars", "absolute");
  const targetDollars = t.assumptions.cell(MODEL_ROWS.target + 1, "dollars", "absolute");
  const rows = numbers.scenarios.map(({ scenario, market }, s) => {
    const r = MODEL_ROWS.firstScenario + s + 1;
    const at = (key: Parameters<typeof c.cell>[1]) => c.cell(r, key);
    return {
      scenario: scenario.name.trim(),
      added: `=${at("newRevenue")}-${at("current")}`,
      floor: `=${floorDollars}`,
      target: `=${targetDollars}`,
      change: `=IF(${at("current")}=0,0,${at("added")}/${at("current")})`,
      current: `=${currentTotalCell(t)}`,
      newRevenue: `=${t.codeScenarios[s]!.cell(t.totalRow + 1, "newRevenue")}`,
      result: `=IF(${at("added")}>=${at("target")},"Meets target",IF(${at("added")}>=${at("floor")},"Above floor","Below floor"))`,
      rule: scenarioRule(scenario, market),
    };
  });
  const part = (from: Parameters<typeof c.between>[0], to: Parameters<typeof c.between>[1]): PlanBlock => {
    const columns = c.between(from, to);
    return {
      row: MODEL_ROWS.firstScenario,
      column: columns.first,
      cells: rows.map((row) => columns.row(row)),
      numberFormat: columns.numberFormats(),
      style: "body",
    };
  };
  return [
    {
      row: MODEL_ROWS.comparisonHeading,
      column: c.first,
      cells: [["Scenario comparison"]],
      numberFormat: TEXT,
      style: "heading",
    },
    { row: MODEL_ROWS.comparisonHeader, column: c.first, cells: [c.headers()], numberFormat: TEXT, style: "header" },
    part("scenario", "scenario"),
    part("added", "result"),
    part("rule", "rule"),
  ];
}

/** The code table's heading, header and total row (its code rows are written in chunks). */
function codeTableBlocks(t: ModelTables, codeFormats: readonly string[]): PlanBlock[] {
  const label = t.code.between("rank", "hcpcsCode");
  const sums = t.code.between("volume", "share");
  const total = {
    rank: "Total",
    hcpcsCode: null,
    volume: `=SUM(${overCodes(t, t.code, "volume")})`,
    current: roundedSum(t, t.code, "current"),
    share: `=SUM(${overCodes(t, t.code, "share")})`,
  };
  return [
    {
      row: t.codeTableRow - 2,
      column: t.code.first,
      cells: [["Revenue by code"]],
      numberFormat: TEXT,
      style: "heading",
    },
    {
      row: t.codeTableRow - 1,
      column: t.code.first,
      cells: [[...t.code.headers(), ...t.codeScenarios.flatMap((columns) => columns.headers())]],
      numberFormat: TEXT,
      style: "header",
    },
    { row: t.totalRow, column: label.first, cells: [label.row(total)], numberFormat: TEXT, style: "total" },
    {
      row: t.totalRow,
      column: sums.first,
      cells: [
        [
          ...sums.row(total),
          ...t.codeScenarios.flatMap((columns) =>
            columns.row({
              ...NO_MARKET_CELLS,
              uplift: null,
              newRevenue: roundedSum(t, columns, "newRevenue"),
              added: roundedSum(t, columns, "added"),
            }),
          ),
        ],
      ],
      numberFormat: codeFormats.slice(sums.first - t.code.first),
      style: "total",
    },
  ];
}

/**
 * Lays out the model sheet and the per-line sheet. Formulas refer to the sheets by the names they have while
 * being written (`modelSheet`, `linesSheet`); Excel rewrites them when a sheet is renamed.
 */
export function layoutModel(
  request: UpliftModelRequest,
  lines: ModelLines<UpliftCode>,
  numbers: ModelNumbers,
  names: { readonly modelSheet: string; readonly linesSheet: string },
  description: ModelDescription,
): ModelLayout {
  const groups = groupModelLines(lines);
  const t = placeModelTables(
    numbers,
    groups.hcpcsCodes.length,
    {
      amountColumn: description.amountColumn,
      tableName: request.tableName,
      capped: request.capAtBilled && lines.chargeCents !== null,
      hasUnits: lines.units !== null,
      codeKind: lines.codeKind,
    },
    names,
  );
  const codeFormats = [...t.code.numberFormats(), ...t.codeScenarios.flatMap((columns) => columns.numberFormats())];
  const lastScenarioRow = MODEL_ROWS.firstScenario + numbers.scenarios.length;
  const codeEnd = t.codeScenarios.at(-1)?.end ?? t.code.end;
  // One empty column between the widest table and the chart.
  const chartColumn = Math.max(t.comparison.end, codeEnd) + 1;
  const chartCell = (row: number, column: number) => `${columnLetters(column)}${row + 1}`;
  const codeWidths = [...t.code.widths(), ...t.codeScenarios.flatMap((columns) => columns.widths())];
  const inputCells = t.codeScenarios.map((columns) => overCodes(t, columns, "uplift"));
  inputCells.push(
    t.assumptions.cell(MODEL_ROWS.floor + 1, "input"),
    t.assumptions.cell(MODEL_ROWS.target + 1, "input"),
  );
  return {
    lines: {
      header: [...t.line.headers(), ...t.lineScenarios.flatMap((columns) => columns.headers())].map((h) => h ?? ""),
      formats: [...t.line.numberFormats(), ...t.lineScenarios.flatMap((columns) => columns.numberFormats())],
      rows: lineRows(t, groups),
    },
    codeRows: codeRows(t, numbers),
    codeTableRow: t.codeTableRow,
    codeFormats,
    blocks: [
      ...titleBlocks(t, description, lines),
      ...assumptionBlocks(request, t),
      ...comparisonBlocks(numbers, t),
      ...codeTableBlocks(t, codeFormats),
    ],
    chartSource: t.comparison.span("scenario", "target", MODEL_ROWS.comparisonHeader + 1, lastScenarioRow),
    chartPosition: [
      chartCell(MODEL_ROWS.assumptionsHeading, chartColumn),
      chartCell(MODEL_ROWS.assumptionsHeading + CHART_SIZE.rows, chartColumn + CHART_SIZE.columns),
    ],
    verdictRange: t.comparison.range("result", MODEL_ROWS.firstScenario + 1, lastScenarioRow),
    // The comparison's widths are the sheet's; the code table's set the columns right of it.
    columnWidths: [...t.comparison.widths(), ...codeWidths.slice(t.comparison.end - t.code.first)],
    inputCells,
  };
}
