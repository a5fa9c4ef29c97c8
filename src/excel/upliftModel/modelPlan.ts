/**
 * The uplift model as numbers (the engine's, one `computeUpliftScenario` per scenario) and as sheets (a pure
 * layout of cells, formulas and formats, written by `writeModel`).
 *
 * How the sheet stays live AND exact: a line's new amount is rounded to the cent on that line and capped at its
 * billed charge (lesser-of), so a code's new revenue is not a formula of its total. The model therefore keeps a
 * per-line sheet (code, amount, billed charge, and per scenario the code's uplift looked up from the model's input
 * cell and the line's new amount), and the model sums it by code with SUMIFS. Each line's new amount is
 *   SIGN(amount) * MIN(ROUND(ROUND(ABS(amount) * (1 + uplift) * 100, 6), 0) / 100, MAX(ABS(billed), ABS(amount)))
 * which is the engine's rule (`upliftedLineCents`, `capAtBilled`): half away from zero on magnitudes, capped but
 * never below the current amount. The inner ROUND(.., 6) removes binary noise (0.05 is not exact in binary) so
 * that an exact half cent rounds up in Excel, LibreOffice and HyperFormula alike; uplifts therefore carry at most 6
 * decimals (0.0001%). Sums are ROUNDed to cents, so totals are the engine's to the cent.
 */
import { Decimal } from "../../engine";
import { parseHcpcsCode, type HcpcsCode } from "../../engine";
import { issueMessage } from "../../engine";
import { fail, ok, type Result } from "../../engine";
import { computeUpliftScenario, type UpliftScenario } from "../../engine";
import { columnLetters as columnName } from "../core/columnLetters";
import type { PlanBlock, PlanCell } from "../core/sheetBlocks";
import type { ModelLines } from "./readClaimLines";
import type { UpliftModelIssue, UpliftModelRequest, UpliftModelScenario, UpliftThreshold } from "./modelRequest";

/** The engine's answer for each scenario, and the codes in the model's order (by current revenue, ties by code). */
export interface ModelNumbers {
  readonly codes: readonly {
    readonly hcpcsCode: HcpcsCode;
    readonly volumeQuantity: number;
    readonly currentCents: number;
  }[];
  readonly currentCents: number;
  readonly scenarios: readonly { readonly scenario: UpliftModelScenario; readonly result: UpliftScenario }[];
}

const MAX_UPLIFT_DECIMALS = 6;

function checkFraction(value: number, what: string): string | null {
  if (!Number.isFinite(value)) return `${what} is not a number`;
  if (value < -1) return `${what} is a cut of more than 100%`;
  if (new Decimal(String(value)).decimalPlaces() > MAX_UPLIFT_DECIMALS) {
    return `${what} has more than 4 decimals as a percent; round it (for example 2.3456%)`;
  }
  return null;
}

/** Checks the scenarios, floor and target the user set. */
export function checkModelSettings(request: UpliftModelRequest): Result<void, UpliftModelIssue> {
  if (request.scenarios.length === 0) return fail({ code: "noScenario" });
  const names = new Set<string>();
  for (const scenario of request.scenarios) {
    const name = scenario.name.trim();
    const invalid = (reason: string) => fail<UpliftModelIssue>({ code: "scenarioInvalid", scenario: name, reason });
    if (name === "") return invalid("give the scenario a name");
    if (name.length > 60) return invalid("keep the name to 60 characters");
    if (names.has(name.toLowerCase())) return invalid("two scenarios have this name; rename one");
    names.add(name.toLowerCase());
    const fraction = checkFraction(scenario.upliftFraction, "the uplift");
    if (fraction !== null) return invalid(fraction);
    if (scenario.topN !== null && !(Number.isInteger(scenario.topN) && scenario.topN >= 1)) {
      return invalid("top N must be a whole number of 1 or more, or blank for all codes");
    }
    for (const override of scenario.overrides) {
      if (!parseHcpcsCode(override.hcpcsCode).ok) return invalid(`"${override.hcpcsCode}" is not a CPT/HCPCS code`);
      const reason = checkFraction(override.upliftFraction, `the uplift for ${override.hcpcsCode}`);
      if (reason !== null) return invalid(reason);
    }
  }
  for (const which of ["floor", "target"] as const) {
    const threshold = request[which];
    if (!Number.isFinite(threshold.value)) return fail({ code: "thresholdInvalid", which, reason: "is not a number" });
  }
  return ok(undefined);
}

/** Runs the engine for every scenario over the model's lines. */
export function computeModelNumbers(
  lines: ModelLines,
  scenarios: readonly UpliftModelScenario[],
): Result<ModelNumbers, UpliftModelIssue> {
  const amounts = lines.amountCents.map((cents) => cents / 100);
  const billed = lines.chargeCents?.map((cents) => (cents === null ? null : cents / 100)) ?? null;
  const common = { codes: lines.hcpcsCodes, amounts, volumes: lines.units, billed };
  const base = computeUpliftScenario({ ...common, uplift: { kind: "flat", fraction: 0 } });
  if (!base.ok) return fail({ code: "engine", message: issueMessage(base.issue) });
  const results: { scenario: UpliftModelScenario; result: UpliftScenario }[] = [];
  for (const scenario of scenarios) {
    const rows: (readonly unknown[])[] = scenario.overrides.map((o) => [o.hcpcsCode, o.upliftFraction]);
    rows.push(["*", scenario.upliftFraction]);
    const result = computeUpliftScenario({
      ...common,
      uplift: { kind: "byCode", rows },
      topN: scenario.topN,
      rankBy: scenario.rankBy,
    });
    if (!result.ok) return fail({ code: "engine", message: issueMessage(result.issue) });
    results.push({ scenario, result: result.value });
  }
  return ok({
    codes: base.value.codes.map(({ hcpcsCode, volumeQuantity, currentCents }) => ({
      hcpcsCode,
      volumeQuantity,
      currentCents,
    })),
    currentCents: base.value.currentCents,
    scenarios: results,
  });
}

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

const a1 = (row: number, column: number, absolute = false): string =>
  absolute ? `$${columnName(column)}$${row + 1}` : `${columnName(column)}${row + 1}`;
/** A sheet name as formulas quote it. */
export const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

const MONEY = "$#,##0.00";
const PERCENT = "0.00%";
const VOLUME = "#,##0";
const TEXT = "@";

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

/** What the layout says about where the model came from. */
export interface ModelDescription {
  readonly tableName: string;
  /** The per-line sheet's name as people will see it (formulas use the name it is written under). */
  readonly linesSheet: string;
  readonly amountColumn: string;
  readonly filtersText: string;
  readonly asOf: string;
}

function scenarioRule(scenario: UpliftModelScenario): string {
  const percent = `${new Decimal(String(scenario.upliftFraction)).times(100).toString()}%`;
  const codes = scenario.topN === null ? "all codes" : `top ${scenario.topN} codes by ${scenario.rankBy}`;
  const overrides = scenario.overrides.length === 0 ? "" : `; ${scenario.overrides.length} code override(s)`;
  return `${percent} on ${codes}${overrides}`;
}

function thresholdInput(threshold: UpliftThreshold): { value: number; format: string } {
  return threshold.kind === "percent"
    ? { value: threshold.value, format: PERCENT }
    : { value: threshold.value, format: MONEY };
}

/**
 * Lays out the model sheet and the per-line sheet. Formulas refer to the sheets by the names they have while
 * being written (`modelSheet`, `linesSheet`); Excel rewrites them when a sheet is renamed.
 */
export function layoutModel(
  request: UpliftModelRequest,
  lines: ModelLines,
  numbers: ModelNumbers,
  names: { readonly modelSheet: string; readonly linesSheet: string },
  description: ModelDescription,
): ModelLayout {
  const scenarioCount = numbers.scenarios.length;
  const model = quoteSheet(names.modelSheet);
  const linesRef = quoteSheet(names.linesSheet);
  const codeCount = numbers.codes.length;
  const lineCount = lines.hcpcsCodes.length;

  // Code table: heading, header, one row per code, total row.
  const codeTableRow = modelCodeTableRow(scenarioCount);
  const codeHeaderRow = codeTableRow - 1;
  const codeHeadingRow = codeTableRow - 2;
  const lastCodeRow = codeTableRow + codeCount - 1;
  const totalRow = lastCodeRow + 1;
  const upliftColumn = (s: number) => 5 + 3 * s;
  const codeRange = `${model}!$B$${codeTableRow + 1}:$B$${lastCodeRow + 1}`;

  // Per-line sheet: code, amount, [billed], [units], table row, then per scenario uplift and new amount.
  const capped = request.capAtBilled && lines.chargeCents !== null;
  const header: string[] = ["HCPCS Code", `Current ${description.amountColumn}`];
  const formats: string[] = [TEXT, MONEY];
  if (capped) {
    header.push("Charge Amount");
    formats.push(MONEY);
  }
  if (lines.units !== null) {
    header.push("Service Unit Quantity");
    formats.push(VOLUME);
  }
  header.push(`${request.tableName} Row`);
  formats.push("0");
  const firstScenarioColumn = header.length;
  for (const { scenario } of numbers.scenarios) {
    header.push(`${scenario.name.trim()}: Uplift`, `${scenario.name.trim()}: New Amount`);
    formats.push(PERCENT, MONEY);
  }
  const lineColumn = (column: number) => `${linesRef}!$${columnName(column)}$2:$${columnName(column)}$${lineCount + 1}`;
  const lineCodes = lineColumn(0);
  const chargeColumn = capped ? 2 : -1;
  const lineRows: PlanCell[][] = lines.hcpcsCodes.map((code, i) => {
    const r = i + 2;
    const row: PlanCell[] = [code, (lines.amountCents[i] as number) / 100];
    const charge = lines.chargeCents?.[i] ?? null;
    if (capped) row.push(charge === null ? null : charge / 100);
    if (lines.units !== null) row.push(lines.units[i] as number);
    row.push(lines.tableRows[i] as number);
    numbers.scenarios.forEach((_, s) => {
      const upliftCell = `${columnName(firstScenarioColumn + 2 * s)}${r}`;
      const uplifts = `${model}!$${columnName(upliftColumn(s))}$${codeTableRow + 1}:$${columnName(upliftColumn(s))}$${lastCodeRow + 1}`;
      row.push(`=INDEX(${uplifts},MATCH($A${r},${codeRange},0))`);
      const uplifted = `ROUND(ROUND(ABS(B${r})*(1+${upliftCell})*100,6),0)/100`;
      row.push(
        capped && charge !== null
          ? `=SIGN(B${r})*MIN(${uplifted},MAX(ABS(${columnName(chargeColumn)}${r}),ABS(B${r})))`
          : `=SIGN(B${r})*${uplifted}`,
      );
    });
    return row;
  });

  const currentTotal = a1(MODEL_ROWS.currentRevenue, 1, true);
  const floorDollars = a1(MODEL_ROWS.floor, 2, true);
  const targetDollars = a1(MODEL_ROWS.target, 2, true);
  const codeRows: PlanCell[][] = numbers.codes.map((code, i) => {
    const r = codeTableRow + i + 1;
    const row: PlanCell[] = [
      i + 1,
      code.hcpcsCode,
      lines.units === null
        ? `=COUNTIFS(${lineCodes},$B${r})`
        : `=SUMIFS(${lineColumn(capped ? 3 : 2)},${lineCodes},$B${r})`,
      `=ROUND(SUMIFS(${lineColumn(1)},${lineCodes},$B${r}),2)`,
      `=IF(${currentTotal}=0,0,D${r}/${currentTotal})`,
    ];
    numbers.scenarios.forEach(({ result }, s) => {
      const fraction = result.codes.find((c) => c.hcpcsCode === code.hcpcsCode)?.upliftFraction.toNumber() ?? 0;
      const newCell = `${columnName(upliftColumn(s) + 1)}${r}`;
      row.push(fraction, `=ROUND(SUMIFS(${lineColumn(firstScenarioColumn + 2 * s + 1)},${lineCodes},$B${r}),2)`);
      row.push(`=${newCell}-D${r}`);
    });
    return row;
  });
  const codeFormats = [
    VOLUME,
    TEXT,
    VOLUME,
    MONEY,
    PERCENT,
    ...numbers.scenarios.flatMap(() => [PERCENT, MONEY, MONEY]),
  ];
  const sumOf = (column: number) =>
    `=ROUND(SUM(${columnName(column)}${codeTableRow + 1}:${columnName(column)}${lastCodeRow + 1}),2)`;

  const floor = thresholdInput(request.floor);
  const target = thresholdInput(request.target);
  const thresholdDollars = (row: number, threshold: UpliftThreshold) =>
    threshold.kind === "percent" ? `=ROUND(${a1(row, 1)}*${currentTotal},2)` : `=${a1(row, 1)}`;

  const blocks: PlanBlock[] = [
    {
      row: MODEL_ROWS.title,
      column: 0,
      cells: [[`Uplift model: ${description.tableName}`]],
      numberFormat: TEXT,
      style: "title",
    },
    {
      row: MODEL_ROWS.subtitle,
      column: 0,
      cells: [
        [
          `${lineCount.toLocaleString("en-US")} claim lines (${description.filtersText}); revenue is ${description.amountColumn}` +
            `${capped ? ", new amounts capped at the billed charge (lesser-of)" : ""}; built ${description.asOf}.`,
        ],
      ],
      numberFormat: TEXT,
      style: "subtitle",
    },
    {
      row: MODEL_ROWS.note,
      column: 0,
      cells: [
        [
          `Shaded cells are inputs: change an uplift, the floor or the target and the model recalculates. ` +
            `Each line is rounded to the cent; line detail is on the hidden sheet "${description.linesSheet}".`,
        ],
      ],
      numberFormat: TEXT,
      style: "note",
    },
    {
      row: MODEL_ROWS.assumptionsHeading,
      column: 0,
      cells: [["Assumptions", "Input", "Added revenue"]],
      numberFormat: TEXT,
      style: "heading",
    },
    {
      row: MODEL_ROWS.currentRevenue,
      column: 0,
      cells: [["Current revenue", sumOf(3)]],
      numberFormat: [TEXT, MONEY],
      style: "body",
    },
    { row: MODEL_ROWS.floor, column: 0, cells: [["Walk-away floor"]], numberFormat: TEXT, style: "body" },
    { row: MODEL_ROWS.floor, column: 1, cells: [[floor.value]], numberFormat: floor.format, style: "input" },
    {
      row: MODEL_ROWS.floor,
      column: 2,
      cells: [[thresholdDollars(MODEL_ROWS.floor, request.floor)]],
      numberFormat: MONEY,
    },
    { row: MODEL_ROWS.target, column: 0, cells: [["Target"]], numberFormat: TEXT, style: "body" },
    { row: MODEL_ROWS.target, column: 1, cells: [[target.value]], numberFormat: target.format, style: "input" },
    {
      row: MODEL_ROWS.target,
      column: 2,
      cells: [[thresholdDollars(MODEL_ROWS.target, request.target)]],
      numberFormat: MONEY,
    },
    {
      row: MODEL_ROWS.comparisonHeading,
      column: 0,
      cells: [["Scenario comparison"]],
      numberFormat: TEXT,
      style: "heading",
    },
    {
      row: MODEL_ROWS.comparisonHeader,
      column: 0,
      cells: [
        [
          "Scenario",
          "Added revenue",
          "Walk-away floor",
          "Target",
          "Change",
          "Current revenue",
          "New revenue",
          "Result",
          "Uplift rule",
        ],
      ],
      numberFormat: TEXT,
      style: "header",
    },
    {
      row: MODEL_ROWS.firstScenario,
      column: 0,
      cells: numbers.scenarios.map(({ scenario }) => [scenario.name.trim()]),
      numberFormat: TEXT,
      style: "body",
    },
    {
      row: MODEL_ROWS.firstScenario,
      column: 1,
      cells: numbers.scenarios.map((_, s) => {
        const r = MODEL_ROWS.firstScenario + s + 1;
        return [
          `=G${r}-F${r}`,
          `=${floorDollars}`,
          `=${targetDollars}`,
          `=IF(F${r}=0,0,B${r}/F${r})`,
          `=${currentTotal}`,
          `=${columnName(upliftColumn(s) + 1)}${totalRow + 1}`,
          `=IF(B${r}>=D${r},"Meets target",IF(B${r}>=C${r},"Above floor","Below floor"))`,
        ];
      }),
      numberFormat: [MONEY, MONEY, MONEY, PERCENT, MONEY, MONEY, "General"],
      style: "body",
    },
    {
      row: MODEL_ROWS.firstScenario,
      column: 8,
      cells: numbers.scenarios.map(({ scenario }) => [scenarioRule(scenario)]),
      numberFormat: TEXT,
      style: "body",
    },
    { row: codeHeadingRow, column: 0, cells: [["Revenue by code"]], numberFormat: TEXT, style: "heading" },
    {
      row: codeHeaderRow,
      column: 0,
      cells: [
        [
          "Rank",
          "HCPCS Code",
          lines.units === null ? "Lines" : "Units",
          "Current revenue",
          "Share of revenue",
          ...numbers.scenarios.flatMap(({ scenario }) => {
            const name = scenario.name.trim();
            return [`${name}: Uplift`, `${name}: New revenue`, `${name}: Added revenue`];
          }),
        ],
      ],
      numberFormat: TEXT,
      style: "header",
    },
    { row: totalRow, column: 0, cells: [["Total", null]], numberFormat: TEXT, style: "total" },
    {
      row: totalRow,
      column: 2,
      cells: [
        [
          `=SUM(C${codeTableRow + 1}:C${lastCodeRow + 1})`,
          sumOf(3),
          `=SUM(E${codeTableRow + 1}:E${lastCodeRow + 1})`,
          ...numbers.scenarios.flatMap((_, s) => [null, sumOf(upliftColumn(s) + 1), sumOf(upliftColumn(s) + 2)]),
        ],
      ],
      numberFormat: codeFormats.slice(2),
      style: "total",
    },
  ];
  const inputCells = numbers.scenarios.map(
    (_, s) => `${columnName(upliftColumn(s))}${codeTableRow + 1}:${columnName(upliftColumn(s))}${lastCodeRow + 1}`,
  );
  inputCells.push(a1(MODEL_ROWS.floor, 1), a1(MODEL_ROWS.target, 1));
  const lastScenarioRow = MODEL_ROWS.firstScenario + scenarioCount;
  const chartColumn = Math.max(10, upliftColumn(scenarioCount) + 1);
  const widths = [150, 110, 110, 110, 90, 110, 110, 110, 230];
  for (let c = widths.length; c < upliftColumn(scenarioCount); c++) widths.push(110);
  return {
    lines: { header, formats, rows: lineRows },
    codeRows,
    codeTableRow,
    codeFormats,
    blocks,
    chartSource: `A${MODEL_ROWS.comparisonHeader + 1}:D${lastScenarioRow}`,
    chartPosition: [
      a1(MODEL_ROWS.assumptionsHeading, chartColumn),
      a1(MODEL_ROWS.assumptionsHeading + 18, chartColumn + 7),
    ],
    verdictRange: `H${MODEL_ROWS.firstScenario + 1}:H${lastScenarioRow}`,
    columnWidths: widths,
    inputCells,
  };
}
