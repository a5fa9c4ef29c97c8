/**
 * The portfolio summary sheet as a pure layout of cells, formulas and formats. Only native Excel functions appear
 * (SUM, SUMIFS, IF, ISNUMBER, TODAY, EDATE), never `PAYER.*`: the sheet is made to be sent to people who open it
 * without the add-in (ARCHITECTURE.md s.5). Engine figures are written as numbers (as of the build); every ratio,
 * total, payer roll-up and the days left to each renewal-notice deadline are live formulas. The sheet's tables are
 * declared once as named column maps (portfolioColumns.ts) and every formula names its columns.
 */
import type { IsoDate } from "../../../engine";
import { columnLetters, placeColumns, type ColumnMap } from "../../core/columnLetters";
import { NUMBER_FORMATS } from "../../core/numberFormats";
import { textLine as text, type PlanBlock, type PlanCell } from "../../core/sheetBlocks";
import { PAYER_ROLLUP_COLUMNS, PORTFOLIO_COLUMNS, type PayerRollupKey, type PortfolioKey } from "./portfolioColumns";
import type { ContractFigures, PortfolioNumbers } from "./portfolioNumbers";
import { upliftScopeText } from "../../upliftModel";

export { PORTFOLIO_COLUMNS } from "./portfolioColumns";

/** 0-based column index of a summary column. */
export function portfolioColumn(key: PortfolioKey): number {
  return placeColumns(PORTFOLIO_COLUMNS).index(key);
}

/** Row indexes (0-based) of the sheet's fixed parts. */
export const PORTFOLIO_ROWS = {
  title: 0,
  subtitle: 1,
  note: 2,
  dashboardLink: 3,
  header: 4,
  firstContract: 5,
} as const;

const TEXT = NUMBER_FORMATS.text;

/** The charts' size: rows high, and the denial chart's columns wide from its source's first column. */
const CHART_ROWS = 16;
const DENIAL_CHART_COLUMNS = 7;

/** Months before the renewal-notice deadline at which renegotiation should start (practice: six to nine). */
export const RENEGOTIATION_LEAD_MONTHS = 9;

/** An ISO date as an Excel serial number (days since 1899-12-30), so date arithmetic works in the sheet. */
export function excelSerial(date: IsoDate): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** What the layout says about where the figures came from. */
export interface PortfolioDescription {
  readonly tableName: string;
  readonly amountColumn: string;
  readonly scenarioText: string;
  /** Whether the modeled uplift caps new amounts at the billed charge. */
  readonly capAtBilled: boolean;
  readonly asOf: string;
  readonly recoverableSource: string;
  /** The Contract Performance sheet built in the workbook, which the summary links to; null when there is none. */
  readonly performanceSheet: string | null;
}

/** The sheet, ready to write, and where its formatted parts are. */
export interface PortfolioLayout {
  readonly blocks: readonly PlanBlock[];
  readonly columnWidths: readonly number[];
  /** The deadline, days-left and window cells of the contract rows, for the conditional formats; null when none. */
  readonly deadlineRange: string | null;
  /** Absolute reference of the first deadline cell, column fixed, as the conditional format formulas use it. */
  readonly firstDeadlineCell: string;
  readonly charts: readonly {
    readonly title: string;
    readonly source: string;
    readonly position: readonly [string, string];
  }[];
}

const money = (cents: number | null | undefined): PlanCell =>
  cents === null || cents === undefined ? null : cents / 100;

function contractRow(columns: ColumnMap<PortfolioKey>, figures: ContractFigures, r: number): PlanCell[] {
  const at = (key: PortfolioKey) => columns.cell(r, key);
  const { denials, recoverable } = figures;
  return columns.row<PlanCell>({
    contract: figures.contractName,
    payer: figures.payer,
    product: figures.product,
    rateBasis: figures.rateBasis,
    lines: figures.lineCount,
    revenue: money(figures.currentCents),
    uplift: money(figures.upliftCents),
    upliftPercent: `=IF(${at("revenue")}=0,"",${at("uplift")}/${at("revenue")})`,
    deniedLines: denials?.deniedLines ?? null,
    ratedLines: denials?.ratedLines ?? null,
    denialRateCount: `=IF(${at("ratedLines")}=0,"",${at("deniedLines")}/${at("ratedLines")})`,
    deniedCharges: money(denials?.deniedChargeCents),
    ratedCharges: money(denials?.ratedChargeCents),
    denialRateDollars: `=IF(${at("ratedCharges")}=0,"",${at("deniedCharges")}/${at("ratedCharges")})`,
    recoverable: money(recoverable?.recoverableCents),
    underpaidLines: recoverable?.underpaidLines ?? null,
    termEnd: figures.termEndDate === null ? null : excelSerial(figures.termEndDate),
    noticeDeadline: figures.renewalNoticeDate === null ? null : excelSerial(figures.renewalNoticeDate),
    daysLeft: `=IF(ISNUMBER(${at("noticeDeadline")}),${at("noticeDeadline")}-TODAY(),"")`,
    window:
      `=IF(ISNUMBER(${at("noticeDeadline")}),IF(${at("noticeDeadline")}<TODAY(),"Deadline passed",` +
      `IF(${at("noticeDeadline")}<=EDATE(TODAY(),${RENEGOTIATION_LEAD_MONTHS}),"Open now","Not yet")),"")`,
    autoRenew: figures.autoRenew ? "Yes" : "No",
  });
}

/** The distinct payers of the contracts, in the summary's order. */
function payersOf(contracts: readonly ContractFigures[]): string[] {
  const seen = new Map<string, string>();
  for (const c of contracts) if (!seen.has(c.payer.toLowerCase())) seen.set(c.payer.toLowerCase(), c.payer);
  return [...seen.values()];
}

/** The roll-up by payer, from `firstPayer` (1-based): each payer's sums and rates over the contract rows. */
function payerRollupRows(
  rollup: ColumnMap<PayerRollupKey>,
  contracts: ColumnMap<PortfolioKey>,
  payers: readonly string[],
  contractRows: { readonly first: number; readonly last: number },
  firstPayer: number,
): PlanCell[][] {
  const column = (key: PortfolioKey) => contracts.range(key, contractRows.first, contractRows.last, "absolute");
  return payers.map((payer, i) => {
    const r = firstPayer + i;
    const sumifs = (key: PortfolioKey) =>
      `SUMIFS(${column(key)},${column("payer")},${rollup.cell(r, "payer", "column")})`;
    const ratio = (numerator: PortfolioKey, denominator: PortfolioKey) =>
      `=IF(${sumifs(denominator)}=0,"",${sumifs(numerator)}/${sumifs(denominator)})`;
    return rollup.row<PlanCell>({
      payer,
      revenue: `=${sumifs("revenue")}`,
      uplift: `=${sumifs("uplift")}`,
      recoverable: `=${sumifs("recoverable")}`,
      spacer: null,
      ratesPayer: `=${rollup.cell(r, "payer")}`,
      denialRateCount: ratio("deniedLines", "ratedLines"),
      denialRateDollars: ratio("deniedCharges", "ratedCharges"),
    });
  });
}

/**
 * The link to the Contract Performance sheet (issue 15 item 5): a native HYPERLINK to the sheet's first cell, so the
 * dashboard is one click away in Excel without the add-in; none when the workbook has no such sheet.
 */
export function dashboardLink(sheetName: string | null): PlanBlock[] {
  if (sheetName === null) return [];
  const target = `#'${sheetName.replace(/'/g, "''")}'!A1`.replace(/"/g, '""');
  const label = `Contract performance by contract and month (payment accuracy, denials, days to pay, actual vs modeled): sheet ${sheetName}`.replace(/"/g, '""'); // prettier-ignore
  const cells = [[`=HYPERLINK("${target}","${label}")`]];
  return [{ row: PORTFOLIO_ROWS.dashboardLink, column: 0, cells, numberFormat: NUMBER_FORMATS.general, style: "note" }];
}

/** The title, the subtitle saying what the figures cover, and the note on how to read the deadlines. */
function titleBlocks(numbers: PortfolioNumbers, description: PortfolioDescription): PlanBlock[] {
  return [
    ...dashboardLink(description.performanceSheet),
    text(PORTFOLIO_ROWS.title, "Contract portfolio summary", "title"),
    text(
      PORTFOLIO_ROWS.subtitle,
      `${numbers.lineCount.toLocaleString("en-US")} claim lines of table ${description.tableName}; revenue is ` +
        `${description.amountColumn}; modeled uplift: ${description.scenarioText}, ` +
        `${upliftScopeText({ capped: description.capAtBilled, rankedWithin: "eachContract" })}; ` +
        `figures as of ${description.asOf}.`,
      "subtitle",
    ),
    text(
      PORTFOLIO_ROWS.note,
      `Days left count from today to the renewal-notice deadline. Amber: the renegotiation window ` +
        `(${RENEGOTIATION_LEAD_MONTHS} months before the deadline) is open; red: the deadline has passed. ` +
        `Recoverable underpayments: ${description.recoverableSource}.` +
        (numbers.unmatchedLines > 0
          ? ` ${numbers.unmatchedLines.toLocaleString("en-US")} claim lines name no contract of the registry and are in no row.`
          : ""),
      "note",
    ),
  ];
}

/** Lays out the summary sheet for `numbers`. */
export function layoutPortfolio(numbers: PortfolioNumbers, description: PortfolioDescription): PortfolioLayout {
  const columns = placeColumns(PORTFOLIO_COLUMNS);
  const rollup = placeColumns(PAYER_ROLLUP_COLUMNS);
  const contracts = numbers.contracts;
  const first = PORTFOLIO_ROWS.firstContract + 1; // 1-based row of the first contract
  const last = first + contracts.length - 1;
  const totalRow = last + 1;
  const sum = (key: PortfolioKey) => `=SUM(${columns.range(key, first, last)})`;
  const t = (key: PortfolioKey) => columns.cell(totalRow, key);
  const totals = columns.row<PlanCell>({
    contract: "Portfolio",
    payer: null,
    product: null,
    rateBasis: `${contracts.length} contract${contracts.length === 1 ? "" : "s"}`,
    lines: sum("lines"),
    revenue: sum("revenue"),
    uplift: sum("uplift"),
    upliftPercent: `=IF(${t("revenue")}=0,"",${t("uplift")}/${t("revenue")})`,
    deniedLines: sum("deniedLines"),
    ratedLines: sum("ratedLines"),
    denialRateCount: `=IF(${t("ratedLines")}=0,"",${t("deniedLines")}/${t("ratedLines")})`,
    deniedCharges: sum("deniedCharges"),
    ratedCharges: sum("ratedCharges"),
    denialRateDollars: `=IF(${t("ratedCharges")}=0,"",${t("deniedCharges")}/${t("ratedCharges")})`,
    recoverable: sum("recoverable"),
    underpaidLines: sum("underpaidLines"),
    termEnd: null,
    noticeDeadline: null,
    daysLeft: null,
    window: null,
    autoRenew: null,
  });

  // By payer: revenue (the revenue chart's source) and denial rates (the denial chart's), rolled up by formula.
  const payers = payersOf(contracts);
  const payerHeading = totalRow + 2; // 1-based row of the "By payer" heading
  const payerHeader = payerHeading + 1;
  const firstPayer = payerHeader + 1;
  const lastPayer = firstPayer + payers.length - 1;

  const blocks: PlanBlock[] = [
    ...titleBlocks(numbers, description),
    {
      row: PORTFOLIO_ROWS.header,
      column: columns.first,
      cells: [columns.headers()],
      numberFormat: TEXT,
      style: "header",
    },
  ];
  if (contracts.length > 0) {
    blocks.push(
      {
        row: PORTFOLIO_ROWS.firstContract,
        column: columns.first,
        cells: contracts.map((c, i) => contractRow(columns, c, first + i)),
        numberFormat: columns.numberFormats(),
        style: "body",
      },
      {
        row: totalRow - 1,
        column: columns.first,
        cells: [totals],
        numberFormat: columns.numberFormats(),
        style: "total",
      },
      { row: payerHeading - 1, column: rollup.first, cells: [["By payer"]], numberFormat: TEXT, style: "heading" },
      { row: payerHeader - 1, column: rollup.first, cells: [rollup.headers()], numberFormat: TEXT, style: "header" },
      {
        row: firstPayer - 1,
        column: rollup.first,
        cells: payerRollupRows(rollup, columns, payers, { first, last }, firstPayer),
        numberFormat: rollup.numberFormats(),
        style: "body",
      },
    );
  }
  const chartTop = lastPayer + 2;
  const chartBottom = chartTop + CHART_ROWS;
  const denialChartEnd = columnLetters(rollup.index("ratesPayer") + DENIAL_CHART_COLUMNS - 1);
  return {
    blocks,
    columnWidths: columns.widths(),
    deadlineRange: contracts.length === 0 ? null : columns.span("noticeDeadline", "window", first, last),
    firstDeadlineCell: columns.cell(first, "noticeDeadline", "column"),
    charts:
      contracts.length === 0
        ? []
        : [
            {
              title: "Current revenue by payer",
              source: rollup.span("payer", "revenue", payerHeader, lastPayer),
              position: [rollup.cell(chartTop, "payer"), rollup.cell(chartBottom, "recoverable")],
            },
            {
              title: "Denial rate by payer",
              source: rollup.span("ratesPayer", "denialRateDollars", payerHeader, lastPayer),
              position: [rollup.cell(chartTop, "ratesPayer"), `${denialChartEnd}${chartBottom}`],
            },
          ],
  };
}
