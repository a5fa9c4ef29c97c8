/**
 * The portfolio summary sheet as a pure layout of cells, formulas and formats. Only native Excel functions appear
 * (SUM, SUMIFS, IF, ISNUMBER, TODAY, EDATE), never `PAYER.*`: the sheet is made to be sent to people who open it
 * without the add-in (ARCHITECTURE.md s.5). Engine figures are written as numbers (as of the build); every ratio,
 * total, payer roll-up and the days left to each renewal-notice deadline are live formulas.
 */
import type { IsoDate } from "../../../engine";
import { columnLetters as columnName } from "../../core/columnLetters";
import type { PlanBlock, PlanCell } from "../../core/sheetBlocks";
import type { ContractFigures, PortfolioNumbers } from "./portfolioNumbers";

/** The summary's columns, in order; `key` names each for the layout and the tests. */
export const PORTFOLIO_COLUMNS = [
  { key: "contract", header: "Contract", width: 170 },
  { key: "payer", header: "Payer", width: 110 },
  { key: "product", header: "Product", width: 110 },
  { key: "rateBasis", header: "Method and rate basis", width: 230 },
  { key: "lines", header: "Claim lines", width: 70 },
  { key: "revenue", header: "Current revenue", width: 100 },
  { key: "uplift", header: "Modeled uplift", width: 95 },
  { key: "upliftPercent", header: "Uplift %", width: 60 },
  { key: "deniedLines", header: "Denied lines", width: 65 },
  { key: "ratedLines", header: "Rated lines", width: 65 },
  { key: "denialRateCount", header: "Denial rate (count)", width: 70 },
  { key: "deniedCharges", header: "Denied charges", width: 95 },
  { key: "ratedCharges", header: "Rated charges", width: 100 },
  { key: "denialRateDollars", header: "Denial rate (dollars)", width: 70 },
  { key: "recoverable", header: "Recoverable underpayments", width: 100 },
  { key: "underpaidLines", header: "Underpaid lines", width: 70 },
  { key: "termEnd", header: "Term end", width: 80 },
  { key: "noticeDeadline", header: "Renewal notice deadline", width: 85 },
  { key: "daysLeft", header: "Days left to notice", width: 65 },
  { key: "window", header: "Renegotiation window", width: 105 },
  { key: "autoRenew", header: "Auto-renew", width: 60 },
] as const;
type ColumnKey = (typeof PORTFOLIO_COLUMNS)[number]["key"];

/** 0-based column index of a summary column. */
export function portfolioColumn(key: ColumnKey): number {
  return PORTFOLIO_COLUMNS.findIndex((c) => c.key === key);
}
const letter = (key: ColumnKey) => columnName(portfolioColumn(key));

/** Row indexes (0-based) of the sheet's fixed parts. */
export const PORTFOLIO_ROWS = { title: 0, subtitle: 1, note: 2, header: 4, firstContract: 5 } as const;

const MONEY = "$#,##0.00";
const PERCENT = "0.0%";
const COUNT = "#,##0";
const DATE = "yyyy-mm-dd";
const TEXT = "@";
const GENERAL = "General";

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
  readonly asOf: string;
  readonly recoverableSource: string;
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

function contractRow(figures: ContractFigures, r: number): PlanCell[] {
  const at = (key: ColumnKey) => `${letter(key)}${r}`;
  const { denials, recoverable } = figures;
  const cells: Record<ColumnKey, PlanCell> = {
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
  };
  return PORTFOLIO_COLUMNS.map((c) => cells[c.key]);
}

const FORMATS: Record<ColumnKey, string> = {
  contract: TEXT,
  payer: TEXT,
  product: TEXT,
  rateBasis: TEXT,
  lines: COUNT,
  revenue: MONEY,
  uplift: MONEY,
  upliftPercent: PERCENT,
  deniedLines: COUNT,
  ratedLines: COUNT,
  denialRateCount: PERCENT,
  deniedCharges: MONEY,
  ratedCharges: MONEY,
  denialRateDollars: PERCENT,
  recoverable: MONEY,
  underpaidLines: COUNT,
  termEnd: DATE,
  noticeDeadline: DATE,
  daysLeft: COUNT,
  window: GENERAL,
  autoRenew: TEXT,
};

/** The distinct payers of the contracts, in the summary's order. */
function payersOf(contracts: readonly ContractFigures[]): string[] {
  const seen = new Map<string, string>();
  for (const c of contracts) if (!seen.has(c.payer.toLowerCase())) seen.set(c.payer.toLowerCase(), c.payer);
  return [...seen.values()];
}

/** Lays out the summary sheet for `numbers`. */
export function layoutPortfolio(numbers: PortfolioNumbers, description: PortfolioDescription): PortfolioLayout {
  const contracts = numbers.contracts;
  const first = PORTFOLIO_ROWS.firstContract + 1; // 1-based row of the first contract
  const last = first + contracts.length - 1;
  const totalRow = last + 1;
  const column = (key: ColumnKey) => `$${letter(key)}$${first}:$${letter(key)}$${last}`;
  const sum = (key: ColumnKey) => `=SUM(${letter(key)}${first}:${letter(key)}${last})`;
  const t = (key: ColumnKey) => `${letter(key)}${totalRow}`;
  const totals: Record<ColumnKey, PlanCell> = {
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
  };

  // By payer: revenue (the revenue chart's source) and denial rates (the denial chart's), rolled up by formula.
  const payers = payersOf(contracts);
  const payerHeading = totalRow + 2; // 1-based row of the "By payer" heading
  const payerHeader = payerHeading + 1;
  const firstPayer = payerHeader + 1;
  const lastPayer = firstPayer + payers.length - 1;
  const sumifs = (key: ColumnKey, r: number) => `SUMIFS(${column(key)},${column("payer")},$A${r})`;
  const ratio = (numerator: ColumnKey, denominator: ColumnKey, r: number) =>
    `=IF(${sumifs(denominator, r)}=0,"",${sumifs(numerator, r)}/${sumifs(denominator, r)})`;
  const payerRows = payers.map((payer, i) => {
    const r = firstPayer + i;
    return [
      payer,
      `=${sumifs("revenue", r)}`,
      `=${sumifs("uplift", r)}`,
      `=${sumifs("recoverable", r)}`,
      null,
      `=A${r}`,
      ratio("deniedLines", "ratedLines", r),
      ratio("deniedCharges", "ratedCharges", r),
    ];
  });

  const blocks: PlanBlock[] = [
    {
      row: PORTFOLIO_ROWS.title,
      column: 0,
      cells: [["Contract portfolio summary"]],
      numberFormat: TEXT,
      style: "title",
    },
    {
      row: PORTFOLIO_ROWS.subtitle,
      column: 0,
      cells: [
        [
          `${numbers.lineCount.toLocaleString("en-US")} claim lines of table ${description.tableName}; revenue is ` +
            `${description.amountColumn}; modeled uplift: ${description.scenarioText}; figures as of ${description.asOf}.`,
        ],
      ],
      numberFormat: TEXT,
      style: "subtitle",
    },
    {
      row: PORTFOLIO_ROWS.note,
      column: 0,
      cells: [
        [
          `Days left count from today to the renewal-notice deadline. Amber: the renegotiation window ` +
            `(${RENEGOTIATION_LEAD_MONTHS} months before the deadline) is open; red: the deadline has passed. ` +
            `Recoverable underpayments: ${description.recoverableSource}.` +
            (numbers.unmatchedLines > 0
              ? ` ${numbers.unmatchedLines.toLocaleString("en-US")} claim lines name no contract of the registry and are in no row.`
              : ""),
        ],
      ],
      numberFormat: TEXT,
      style: "note",
    },
    {
      row: PORTFOLIO_ROWS.header,
      column: 0,
      cells: [PORTFOLIO_COLUMNS.map((c) => c.header)],
      numberFormat: TEXT,
      style: "header",
    },
  ];
  if (contracts.length > 0) {
    blocks.push(
      {
        row: PORTFOLIO_ROWS.firstContract,
        column: 0,
        cells: contracts.map((c, i) => contractRow(c, first + i)),
        numberFormat: PORTFOLIO_COLUMNS.map((c) => FORMATS[c.key]),
        style: "body",
      },
      {
        row: totalRow - 1,
        column: 0,
        cells: [PORTFOLIO_COLUMNS.map((c) => totals[c.key])],
        numberFormat: PORTFOLIO_COLUMNS.map((c) => (c.key === "rateBasis" ? TEXT : FORMATS[c.key])),
        style: "total",
      },
      { row: payerHeading - 1, column: 0, cells: [["By payer"]], numberFormat: TEXT, style: "heading" },
      {
        row: payerHeader - 1,
        column: 0,
        cells: [
          [
            "Payer",
            "Current revenue",
            "Modeled uplift",
            "Recoverable underpayments",
            null,
            "Payer",
            "Denial rate (count)",
            "Denial rate (dollars)",
          ],
        ],
        numberFormat: TEXT,
        style: "header",
      },
      {
        row: firstPayer - 1,
        column: 0,
        cells: payerRows,
        numberFormat: [TEXT, MONEY, MONEY, MONEY, GENERAL, GENERAL, PERCENT, PERCENT],
        style: "body",
      },
    );
  }
  const chartTop = lastPayer + 2;
  return {
    blocks,
    columnWidths: PORTFOLIO_COLUMNS.map((c) => c.width),
    deadlineRange: contracts.length === 0 ? null : `${letter("noticeDeadline")}${first}:${letter("window")}${last}`,
    firstDeadlineCell: `$${letter("noticeDeadline")}${first}`,
    charts:
      contracts.length === 0
        ? []
        : [
            {
              title: "Current revenue by payer",
              source: `A${payerHeader}:B${lastPayer}`,
              position: [`A${chartTop}`, `D${chartTop + 16}`],
            },
            {
              title: "Denial rate by payer",
              source: `F${payerHeader}:H${lastPayer}`,
              position: [`F${chartTop}`, `L${chartTop + 16}`],
            },
          ],
  };
}
