/**
 * The Contract Performance sheet as a pure layout of cells, formulas and formats. Only native Excel functions
 * appear (COUNTIFS, SUMIFS, MEDIAN, PERCENTILE.INC, EDATE, INDEX/MATCH...), never `PAYER.*`: every figure is a live
 * formula over the reviewed table's columns, so the sheet recalculates in Excel without the add-in when the table
 * changes; the windows and spike margins are inputs on the sheet. Figures are defined in the engine
 * (kpis/contractPerformance.ts), whose tests prove them on small tables; the sheet's note states them. From top to
 * bottom: the inputs, the cost of doing business and scorecard block (scorecardLayout.ts), the monthly figures, and
 * the trends (performanceTrends.ts).
 */
import {
  DENIAL_CATEGORY_LABELS,
  deniedReasonPrefix,
  HFMA_DENOMINATOR_MONTHS,
  type DenialCategory,
  type SpikeRules,
  type VarianceFlag,
} from "../../engine";
import { columnLetters, placeColumns, type ColumnMap } from "../core/columnLetters";
import { NUMBER_FORMATS } from "../core/numberFormats";
import { textLine, type PlanBlock, type PlanCell } from "../core/sheetBlocks";
import { REVIEW_COLUMNS } from "../varianceReview/reviewColumns";
import { trendBlocks } from "./performanceTrends";
import { layoutScorecard, type ScorecardLayout, type ScorecardSource } from "./scorecardLayout";
import { layoutAr, type ArBalances, type ArLayout } from "./arLayout";
import { layoutSigned, signedCells, type SignedLayout, type SignedRow, type SignedSource } from "./signedLayout";
import {
  CATEGORY_COLUMN_WIDTH,
  CATEGORY_FORMAT,
  MONTHLY_COLUMNS,
  WINDOW_COLUMNS,
  tableColumnRef as ref,
  type MonthlyKey,
} from "./performanceColumns";

/** One contract (or payer) row group of the sheet. */
export interface PerformanceGroup {
  /** The value of the table's grouping column (contract name, else payer). */
  readonly key: string;
  readonly payer: string;
  readonly product: string;
  /** Its clean-claim window in days: the input's starting value. */
  readonly windowDays: number;
}

/** Where the formulas read from, and what the sheet covers. */
export interface PerformanceSource {
  readonly tableName: string;
  /** The columns of the table the formulas read; null where the table has none (the figure is left blank). */
  readonly columns: {
    readonly key: string;
    readonly submittedDate: string;
    readonly paidDate: string;
    readonly paidAmount: string | null;
    readonly chargeAmount: string | null;
    /** The revenue column (allowed, else paid), for the days in A/R block's net revenue; null when unmapped. */
    readonly amount: string | null;
    /** The code column, which the signed proposals' per-code uplifts match; null when none is signed. */
    readonly hcpcsCode: string | null;
    /** The prior authorization column, whose distinct numbers the cost of doing business counts; null when unmapped. */
    readonly priorAuthorization: string | null;
  };
  /** The days in A/R block's starting inputs: balances entered on an earlier build, the as-of day, the period. */
  readonly ar: { readonly balances: ArBalances; readonly asOfDay: number; readonly periodDays: number };
  /** The contracts' signed proposals (actual vs modeled), in the groups' order; none when grouped by payer. */
  readonly signed: readonly SignedRow[];
  /** The cost of doing business and scorecard block's contracts and starting inputs. */
  readonly scorecard: Omit<ScorecardSource, "tableName" | "columns"> & { readonly medicareAmount: string | null };
  readonly groups: readonly PerformanceGroup[];
  /** Excel day numbers of the first day of each month shown, in order. */
  readonly months: readonly number[];
  /** Months (by first day) whose 3 months before are within the submissions: HFMA's rate is given for them only. */
  readonly coveredMonths: ReadonlySet<number>;
  /** The denial categories with a column of counts, in DENIAL_CATEGORIES order. */
  readonly categories: readonly DenialCategory[];
  readonly rules: SpikeRules;
  readonly lineCount: number;
  /** Reviewed lines with a blank contract (or payer) cell: in no row. */
  readonly unkeyedLines: number;
  readonly asOf: string;
}

/** A conditional format: a range and the custom rule that colours it. */
export interface PerformanceFormat {
  readonly range: string;
  readonly formula: string;
  readonly fill: string;
  readonly font: string;
}

/** A chart: its type, title, source range and where it sits. */
export interface PerformanceChart {
  readonly title: string;
  readonly source: string;
  readonly position: readonly [string, string];
}

/** The sheet, ready to write. */
export interface PerformanceLayout {
  readonly blocks: readonly PlanBlock[];
  readonly columnWidths: readonly number[];
  readonly formats: readonly PerformanceFormat[];
  readonly charts: readonly PerformanceChart[];
  /** 1-based rows of the monthly figures' header and first body row, for tests and the frozen panes. */
  readonly headerRow: number;
  readonly firstRow: number;
  /** The cost of doing business and scorecard block, between the inputs and the monthly figures. */
  readonly scorecard: ScorecardLayout;
  /** The signed proposals block, after the scorecard (height 0 when no contract has one). */
  readonly signed: SignedLayout;
  /** The days in A/R block, before the monthly figures. */
  readonly ar: ArLayout;
  /** The cell of each input, for tests: spike margins and minimum lines. */
  readonly inputCells: { readonly denialMargin: string; readonly daysMargin: string; readonly minimumLines: string };
}

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
const flagIs = (flag: VarianceFlag) => quoted(flag);
const REVERSED: VarianceFlag = "Reversed";
const DENIED: VarianceFlag = "Denied";

/** 1-based row of the inputs block's header; one row per contract follows it. */
export const WINDOW_HEADER_ROW = 7;

/** The labels of the spike rule inputs, in sheet order (column A, their values in column B). */
export const RULE_INPUT_LABELS = {
  denialRatePoints: "Denial spike margin (points above baseline)",
  daysToPayDays: "Days-to-pay spike margin (days)",
  minimumLines: "Minimum lines",
} as const satisfies Record<Exclude<keyof SpikeRules, "baselineMonths">, string>;

/** The rule of a spike, in words, with the cells that hold its margins. */
export function spikeRuleText(rules: SpikeRules): string {
  return (
    `A month is flagged "Spike" when its initial denial rate (count) is more than the denial margin above the average ` +
    `of the same contract's ${rules.baselineMonths} months before it, or its median days to pay more than the ` +
    `days margin above theirs, on at least the minimum lines; months without ${rules.baselineMonths} months of ` +
    `figures before them are not flagged. Amber days to pay exceed the contract's clean-claim window.`
  );
}

/** The note on reviewed lines that name no contract (or payer), which are in no row; "" when there are none. */
function unkeyedText(source: PerformanceSource): string {
  const n = source.unkeyedLines;
  if (n === 0) return "";
  const lines = n === 1 ? "1 line" : `${n.toLocaleString("en-US")} lines`;
  return ` ${lines} with a blank ${source.columns.key.toLowerCase()} ${n === 1 ? "is" : "are"} in no row.`;
}

/** Lays out the sheet for `source`. */
export function layoutPerformance(source: PerformanceSource): PerformanceLayout {
  const t = (column: string) => ref(source.tableName, column);
  const windows = placeColumns(WINDOW_COLUMNS);
  const windowHeader = WINDOW_HEADER_ROW;
  const firstWindow = windowHeader + 1;
  const ruleRow = firstWindow + source.groups.length + 1;
  const inputCells = {
    denialMargin: `$B$${ruleRow}`,
    daysMargin: `$B$${ruleRow + 1}`,
    minimumLines: `$B$${ruleRow + 2}`,
  };
  const { medicareAmount, ...scoring } = source.scorecard;
  const scorecard = layoutScorecard(
    {
      ...scoring,
      tableName: source.tableName,
      columns: { ...source.columns, medicareAmount },
    },
    ruleRow + 3,
  );
  const signedTop = ruleRow + 4 + scorecard.height + 1;
  const signed = layoutSigned(signedSourceOf(source), signedTop);
  const arTop = signed.height === 0 ? signedTop : signedTop + signed.height + 1;
  const ar = layoutAr(
    {
      tableName: source.tableName,
      columns: source.columns,
      contracts: source.groups.map((g) => g.key),
      ...source.ar,
    },
    arTop,
  );
  const headingRow = arTop + ar.height + 1;
  const headerRow = headingRow + 1;
  const firstRow = headerRow + 1;
  const declared = [
    ...MONTHLY_COLUMNS,
    ...source.categories.map((category) => ({
      key: category as string,
      header: DENIAL_CATEGORY_LABELS[category],
      numberFormat: CATEGORY_FORMAT,
      width: CATEGORY_COLUMN_WIDTH,
    })),
  ];
  const columns = placeColumns<string>(declared) as ColumnMap<MonthlyKey | string>;
  const rows: PlanCell[][] = [];
  const groupRows: number[] = [];
  source.groups.forEach((group, g) => {
    groupRows.push(firstRow + rows.length);
    source.months.forEach((month, m) => {
      const r = firstRow + rows.length;
      const place = { group, g, month, m, r, headerRow, firstWindow };
      rows.push(monthlyRow(columns, source, place, { inputs: inputCells, signed }, t));
    });
  });
  const lastRow = firstRow + rows.length - 1;
  const categoryStart = columns.index("daysSpike") + 1;

  const blocks: PlanBlock[] = [
    textLine(0, "Contract performance", "title"),
    textLine(
      1,
      `${source.lineCount.toLocaleString("en-US")} claim lines of table ${source.tableName}, by ${source.columns.key.toLowerCase()} and month of remittance (${source.columns.paidDate}); built ${source.asOf}. Every figure is a formula over the table: it follows edits of the table, and the expected amounts and flags are those the Variance review wrote (run it again after contracts change).${unkeyedText(source)}`,
      "subtitle",
    ),
    textLine(
      2,
      `Expected and allowed: lines compared with their contract (allowed = expected + variance). Payment accuracy: OK lines / compared lines, within the review's tolerance. Underpayment rate: underpaid dollars / expected. Initial denial rate (HFMA, line level): denied lines of the month / average lines submitted (${source.columns.submittedDate}) per month in the ${HFMA_DENOMINATOR_MONTHS} months before, blank until ${HFMA_DENOMINATOR_MONTHS} months of submissions exist; by dollars with billed charges. Reversals are left out. Days to pay: ${source.columns.paidDate} - ${source.columns.submittedDate} of paid lines.`,
      "note",
    ),
    textLine(3, spikeRuleText(source.rules), "note"),
    textLine(5, "Inputs (edit the shaded cells)", "note"),
    {
      row: windowHeader - 1,
      column: 0,
      cells: [windows.headers()],
      numberFormat: NUMBER_FORMATS.text,
      style: "header",
    },
  ];
  if (source.groups.length > 0)
    blocks.push(
      {
        row: firstWindow - 1,
        column: 0,
        cells: source.groups.map((g) =>
          windows.row<PlanCell>({ contract: g.key, payer: g.payer, product: g.product, window: null }),
        ),
        numberFormat: windows.numberFormats(),
        style: "body",
      },
      {
        row: firstWindow - 1,
        column: windows.index("window"),
        cells: source.groups.map((g) => [g.windowDays]),
        numberFormat: NUMBER_FORMATS.general,
        style: "input",
      },
    );
  blocks.push(
    {
      row: ruleRow - 1,
      column: 0,
      cells: Object.values(RULE_INPUT_LABELS).map((label) => [label]),
      numberFormat: NUMBER_FORMATS.text,
      style: "body",
    },
    ...[
      [source.rules.denialRatePoints, NUMBER_FORMATS.share],
      [source.rules.daysToPayDays, NUMBER_FORMATS.general],
      [source.rules.minimumLines, NUMBER_FORMATS.general],
    ].map(([value, format], i): PlanBlock => ({
      row: ruleRow - 1 + i,
      column: 1,
      cells: [[value as number]],
      numberFormat: format as string,
      style: "input",
    })),
    ...scorecard.blocks,
    ...signed.blocks,
    ...ar.blocks,
    {
      row: headingRow - 1,
      column: 0,
      cells: [["By contract and month"]],
      numberFormat: NUMBER_FORMATS.text,
      style: "heading",
    },
    {
      row: headerRow - 1,
      column: 0,
      cells: [columns.headers()],
      numberFormat: NUMBER_FORMATS.text,
      style: "header",
    },
  );
  if (rows.length > 0)
    blocks.push({ row: firstRow - 1, column: 0, cells: rows, numberFormat: columns.numberFormats(), style: "body" });

  const trends = trendBlocks(source, columns, groupRows, lastRow + 3);
  blocks.push(...trends.blocks);
  const formats: PerformanceFormat[] = [];
  if (rows.length > 0) {
    const first = (key: MonthlyKey) => columns.cell(firstRow, key, "column");
    const spikeFill = ["#FFC7CE", "#9C0006"] as const;
    for (const key of ["denialSpike", "daysSpike"] as const)
      formats.push({
        range: columns.range(key, firstRow, lastRow),
        formula: `=${first(key)}="Spike"`,
        fill: spikeFill[0],
        font: spikeFill[1],
      });
    formats.push({
      range: columns.range("denialRateCount", firstRow, lastRow),
      formula: `=${first("denialSpike")}="Spike"`,
      fill: spikeFill[0],
      font: spikeFill[1],
    });
    for (const key of ["medianDays", "p90Days"] as const)
      formats.push({
        range: columns.range(key, firstRow, lastRow),
        formula: `=AND(ISNUMBER(${first(key)}),${first(key)}>${first("window")})`,
        fill: "#FFEB9C",
        font: "#9C5700",
      });
  }
  return {
    blocks,
    columnWidths: [...columns.widths().slice(0, categoryStart), ...source.categories.map(() => CATEGORY_COLUMN_WIDTH)],
    formats,
    charts: trends.charts,
    headerRow,
    firstRow,
    scorecard,
    signed,
    ar,
    inputCells,
  };
}

/** One contract's month: every figure a formula over the table (see the module comment of contractPerformance.ts). */
function monthlyRow(
  columns: ColumnMap<string>,
  source: PerformanceSource,
  place: {
    readonly group: PerformanceGroup;
    /** Index of the group, of the month, and 1-based rows of the cell, the header and the group's window input. */
    readonly g: number;
    readonly month: number;
    readonly m: number;
    readonly r: number;
    readonly headerRow: number;
    readonly firstWindow: number;
  },
  blocks: { readonly inputs: PerformanceLayout["inputCells"]; readonly signed: SignedLayout },
  t: (column: string) => string,
): PlanCell[] {
  const { inputs } = blocks;
  const { group, g, month, m, r, headerRow, firstWindow } = place;
  const at = (key: MonthlyKey) => columns.cell(r, key);
  const { key, submittedDate, paidDate, paidAmount, chargeAmount } = source.columns;
  const flag = t(REVIEW_COLUMNS.flag.name);
  const variance = t(REVIEW_COLUMNS.variance.name);
  const k = columns.cell(r, "contract", "column");
  const mo = columns.cell(r, "month", "column");
  const inMonth = `${t(key)},${k},${t(paidDate)},">="&${mo},${t(paidDate)},"<"&EDATE(${mo},1)`;
  const count = (extra: string) => `COUNTIFS(${inMonth}${extra})`;
  const notReversed = `,${flag},${quoted(`<>${REVERSED}`)}`;
  const compared = ["OK", "Underpaid", "Overpaid"].map((f) => count(`,${flag},${quoted(f)}`)).join("+");
  const submittedIn = (what: string | null) => {
    if (!source.coveredMonths.has(month) || (what !== null && chargeAmount === null)) return null;
    const window = `${t(key)},${k},${t(submittedDate)},">="&EDATE(${mo},-${HFMA_DENOMINATOR_MONTHS}),${t(submittedDate)},"<"&${mo}${notReversed}`;
    return what === null
      ? `=COUNTIFS(${window})/${HFMA_DENOMINATOR_MONTHS}`
      : `=SUMIFS(${t(what)},${window})/${HFMA_DENOMINATOR_MONTHS}`;
  };
  const paidLine =
    `(${t(key)}=${k})*(${t(paidDate)}>=${mo})*(${t(paidDate)}<EDATE(${mo},1))*ISNUMBER(${t(submittedDate)})` +
    `*(${flag}<>"")*(${flag}<>${flagIs(DENIED)})*(${flag}<>${flagIs(REVERSED)})`;
  const days = `IF(${paidLine},${t(paidDate)}-${t(submittedDate)},"")`;
  const categoryCells = Object.fromEntries(
    source.categories.map((category) => [
      category,
      `=${count(`,${flag},${flagIs(DENIED)},${t(REVIEW_COLUMNS.reason.name)},${quoted(`${deniedReasonPrefix(category)}*`)}`)}`,
    ]),
  );
  const firstCategory = columns.index("daysSpike") + 1;
  const categoryRange =
    source.categories.length === 0
      ? null
      : `${columnLetters(firstCategory)}${r}:${columnLetters(firstCategory + source.categories.length - 1)}${r}`;
  const headerRange =
    source.categories.length === 0
      ? null
      : `$${columnLetters(firstCategory)}$${headerRow}:$${columnLetters(firstCategory + source.categories.length - 1)}$${headerRow}`;
  // The 3 rows above hold the same contract's 3 months before; the first months of a contract have no baseline.
  const baseline = (key2: MonthlyKey) =>
    m < source.rules.baselineMonths ? null : columns.range(key2, r - source.rules.baselineMonths, r - 1);
  const spike = (key2: MonthlyKey, margin: string) => {
    const before = baseline(key2);
    return before === null
      ? ""
      : `=IF(AND(${at("lines")}>=${inputs.minimumLines},ISNUMBER(${at(key2)}),COUNT(${before})=${source.rules.baselineMonths}),IF(${at(key2)}>AVERAGE(${before})+${margin},"Spike",""),"")`;
  };
  return columns.row<PlanCell>({
    contract: group.key,
    payer: group.payer,
    product: group.product,
    month,
    lines: `=${count(notReversed)}`,
    expected: `=SUMIFS(${t(REVIEW_COLUMNS.expected.name)},${inMonth},${variance},"<>")`,
    allowed: `=${at("expected")}+SUMIFS(${variance},${inMonth})`,
    paid: paidAmount === null ? null : `=SUMIFS(${t(paidAmount)},${inMonth}${notReversed})`,
    accuracy: `=IFERROR(${count(`,${flag},"OK"`)}/(${compared}),"")`,
    underpaymentRate: `=IF(${at("expected")}=0,"",-SUMIFS(${variance},${inMonth},${variance},"<0")/${at("expected")})`,
    deniedLines: `=${count(`,${flag},${flagIs(DENIED)}`)}`,
    deniedCharges: chargeAmount === null ? null : `=SUMIFS(${t(chargeAmount)},${inMonth},${flag},${flagIs(DENIED)})`,
    submittedLines: submittedIn(null),
    denialRateCount: `=IFERROR(${at("deniedLines")}/${at("submittedLines")},"")`,
    submittedCharges: chargeAmount === null ? null : submittedIn(chargeAmount),
    denialRateDollars: chargeAmount === null ? null : `=IFERROR(${at("deniedCharges")}/${at("submittedCharges")},"")`,
    topCategory:
      categoryRange === null || headerRange === null
        ? ""
        : `=IF(${at("deniedLines")}=0,"",INDEX(${headerRange},1,MATCH(MAX(${categoryRange}),${categoryRange},0)))`,
    medianDays: `=IFERROR(MEDIAN(${days}),"")`,
    p90Days: `=IFERROR(PERCENTILE.INC(${days},0.9),"")`,
    window: `=$${columnLetters(WINDOW_COLUMNS.findIndex((c) => c.key === "window"))}$${firstWindow + g}`,
    denialSpike: spike("denialRateCount", inputs.denialMargin),
    daysSpike: spike("medianDays", inputs.daysMargin),
    ...signedCells(signedSourceOf(source), blocks.signed, { key: group.key, month, m, contract: k, monthCell: mo, at }),
    ...categoryCells,
  });
}

/** The signed proposals block's source: the sheet's table, columns, months and signed contracts. */
function signedSourceOf(source: PerformanceSource): SignedSource {
  return {
    tableName: source.tableName,
    columns: { ...source.columns, hcpcsCode: source.columns.hcpcsCode ?? "" },
    proposals: source.signed,
    months: source.months,
  };
}
