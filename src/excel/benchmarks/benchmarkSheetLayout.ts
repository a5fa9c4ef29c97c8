/**
 * The Benchmarks sheet (issue 16 item 3), laid out as native formulas only, so that an executive who opens the
 * workbook without the add-in sees every number: per code of the Benchmarks table, the market's p25/p50/p75/p90 in
 * dollars (ROUND(PERCENTILE.INC(FILTER(...)), 2), the same figure as PAYER.MARKET_RATE) and as % of Medicare, and per
 * contract our rate, our position among the market's rates and the dollars per year to reach the median.
 *
 * Our position is PERCENTRANK.INC's definition written with COUNTIFS, MAXIFS and MINIFS (rates below ours, over n - 1,
 * linear between the rates around ours, truncated to 3 digits): the same number in Excel, and one the workbook
 * simulator's HyperFormula, which has no PERCENTRANK.INC, computes too. Percent-of-charges rates are left out
 * everywhere (Unit = "dollars"). Every formula names its columns through the column maps below, never a letter.
 */
import { placeColumns, repeatColumns, type ColumnDeclaration, type ColumnMap } from "../core/columnLetters";
import { NUMBER_FORMATS } from "../core/numberFormats";
import { textLine, type PlanBlock, type PlanCell } from "../core/sheetBlocks";
import { BENCHMARKS_SPEC, BENCHMARKS_TABLE, UNIT_WORDS, type BenchmarkField } from "./benchmarkColumns";

const { money, share, count, text, general } = NUMBER_FORMATS;

/** The market percentiles the sheet shows, as fractions (PERCENTILE.INC's k). */
export const SHEET_PERCENTILES = [
  { key: "p25", fraction: 0.25 },
  { key: "p50", fraction: 0.5 },
  { key: "p75", fraction: 0.75 },
  { key: "p90", fraction: 0.9 },
] as const;
type PercentileKey = (typeof SHEET_PERCENTILES)[number]["key"];

/** A column of the code table's market part. */
export type MarketKey = "hcpcsCode" | "volume" | "rateCount" | PercentileKey | `${PercentileKey}Medicare`;

/** Where each code's yearly volume comes from: a COUNTIFS over the claims table, or a column the user fills in. */
export type VolumeSource =
  { readonly kind: "claims"; readonly tableName: string; readonly codeHeader: string } | { readonly kind: "input" };

/** A contract's rate for a code as a formula over its own tables (fee schedule or % of a Medicare schedule). */
export interface ContractRateColumn {
  readonly contractName: string;
  /** The formula's expression (no "=") for the code in `codeCell`, "" where the contract has no rate. */
  readonly rateOf: (codeCell: string) => string;
}

/** What the sheet is built from. */
export interface BenchmarkSheetPlan {
  /** The codes, in the order of the rows (by the claims' volume when there are claims). */
  readonly codes: readonly string[];
  readonly contracts: readonly ContractRateColumn[];
  readonly volume: VolumeSource;
  /** "2026-12-07": the day the sheet was built, for its subtitle. */
  readonly asOf: string;
}

/** The sheet's cells and the places the writer formats. */
export interface BenchmarkSheetLayout {
  readonly blocks: readonly PlanBlock[];
  /** Cells shaded as inputs (the volume column without claims). */
  readonly inputRange: string | null;
  /** Each contract's rate cells, and the p25 cells they are compared with (conditional format "below p25"). */
  readonly belowP25: readonly { readonly range: string; readonly rule: string }[];
  /** The chart's data (code, our rate, p25, p50, p75) and where the chart goes. */
  readonly chart: { readonly source: string; readonly title: string; readonly topLeft: string; readonly bottomRight: string }; // prettier-ignore
  readonly columnWidths: readonly number[];
  /** 0-based row of the first code, and the market columns (tests read the cells by them). */
  readonly firstCodeRow: number;
  readonly market: ColumnMap<MarketKey>;
  readonly contractColumns: readonly ColumnMap<ContractKey>[];
}

/** A column of a contract's group. */
export type ContractKey = "rate" | "position" | "toMedian";

const MARKET_COLUMNS = (volume: VolumeSource): readonly ColumnDeclaration<MarketKey>[] => [
  { key: "hcpcsCode", header: "Billing Code", numberFormat: text, width: 80 },
  { key: "volume", header: volume.kind === "claims" ? `Lines in ${volume.tableName}` : "Volume per year (enter)", numberFormat: count, width: 90 }, // prettier-ignore
  { key: "rateCount", header: "Market dollar rates", numberFormat: count, width: 80 },
  ...SHEET_PERCENTILES.map(({ key }) => ({ key, header: `Market ${key}`, numberFormat: money, width: 90 })),
  ...SHEET_PERCENTILES.map(({ key }) => ({ key: `${key}Medicare` as const, header: `Market ${key} % of Medicare`, numberFormat: share, width: 90 })), // prettier-ignore
];

const contractColumns = (contractName: string): readonly ColumnDeclaration<ContractKey>[] => [
  { key: "rate", header: `${contractName}: our rate`, numberFormat: money, width: 100 },
  { key: "position", header: `${contractName}: our percentile`, numberFormat: share, width: 100 },
  { key: "toMedian", header: `${contractName}: $ per year to reach p50`, numberFormat: money, width: 110 },
];

/** Row indexes (0-based) of the fixed parts. */
const ROWS = { title: 0, subtitle: 1, note: 2, header: 4, firstCode: 5 } as const;

/** A Benchmarks table column as a structured reference: Benchmarks[Rate]. */
const column = (field: BenchmarkField) => `${BENCHMARKS_TABLE}[${BENCHMARKS_SPEC.columns[field].header}]`;
const DOLLARS = `"${UNIT_WORDS.dollars}"`;

/** The COUNTIFS/MAXIFS criteria of a code's dollar rates. */
const criteria = (code: string) => `${column("code")},${code},${column("unit")},${DOLLARS}`;
/** FILTER's include array of a code's dollar rates. */
const include = (code: string) => `(${column("code")}=${code})*(${column("unit")}=${DOLLARS})`;

/** ROUND(PERCENTILE.INC(...), 2) of the code's dollar rates, blank when there are none. */
export function marketPercentileFormula(code: string, fraction: number): string {
  return `=IFERROR(ROUND(PERCENTILE.INC(FILTER(${column("rate")},${include(code)}),${fraction}),2),"")`;
}

function medicarePercentileFormula(code: string, fraction: number): string {
  const pct = column("percentOfMedicare");
  return `=IFERROR(PERCENTILE.INC(FILTER(${pct},${include(code)}*ISNUMBER(${pct})),${fraction}),"")`;
}

/** PERCENTRANK.INC of `rate` among the code's `n` dollar rates (see the module comment); text outside them. */
export function positionFormula(code: string, rate: string, n: string): string {
  const below = `COUNTIFS(${criteria(code)},${column("rate")},"<"&${rate})`;
  const equal = `COUNTIFS(${criteria(code)},${column("rate")},${rate})`;
  const low = `MAXIFS(${column("rate")},${criteria(code)},${column("rate")},"<"&${rate})`;
  const high = `MINIFS(${column("rate")},${criteria(code)},${column("rate")},">"&${rate})`;
  const between = `ROUNDDOWN((${below}-1+(${rate}-${low})/(${high}-${low}))/(${n}-1),3)`;
  const onOne = `IF(${n}=1,1,ROUNDDOWN(${below}/(${n}-1),3))`;
  return `=IF(OR(${rate}="",${n}=0),"",IF(${below}=${n},"above highest",IF(${below}+${equal}=0,"below lowest",IF(${equal}>0,${onOne},${between}))))`; // prettier-ignore
}

/** Lays the sheet out for `plan`. */
export function layoutBenchmarkSheet(plan: BenchmarkSheetPlan): BenchmarkSheetLayout {
  const market = placeColumns(MARKET_COLUMNS(plan.volume));
  const groups = repeatColumns(
    contractColumns,
    plan.contracts.map((c) => c.contractName),
    market.end,
  );
  const first = ROWS.firstCode + 1;
  const last = ROWS.firstCode + Math.max(plan.codes.length, 1);
  const rows = plan.codes.map((code, i) => codeRow(plan, market, groups, code, first + i));
  const headers = [...market.columns, ...groups.flatMap((g) => g.columns)];
  const formats = headers.map((c) => c.numberFormat ?? general);
  const chartRow = last + 2;
  const chartRows = plan.codes.map((_, i) => {
    const r = first + i;
    const ours = groups[0] === undefined ? [] : [`=${groups[0].cell(r, "rate")}`];
    return [`=${market.cell(r, "hcpcsCode")}`, ...ours, ...(["p25", "p50", "p75"] as const).map((k) => `=${market.cell(r, k)}`)]; // prettier-ignore
  });
  const chartHeader = ["Billing Code", ...(plan.contracts[0] ? [`${plan.contracts[0].contractName}: our rate`] : []), "Market p25", "Market p50", "Market p75"]; // prettier-ignore
  const chartWidth = chartHeader.length;
  const blocks: PlanBlock[] = [
    textLine(ROWS.title, "Market benchmarks: where our rates sit in the market", "title"),
    textLine(ROWS.subtitle, `From table ${BENCHMARKS_TABLE} (dollar rates only; percent-of-charges rates left out), built ${plan.asOf}. Percentiles as PERCENTILE.INC, our percentile as PERCENTRANK.INC.`, "subtitle"), // prettier-ignore
    textLine(ROWS.note, "Red: our rate is below the market's 25th percentile. $ per year to reach p50 = volume x (market p50 - our rate).", "note"), // prettier-ignore
    { row: ROWS.header, column: 0, cells: [headers.map((c) => c.header)], numberFormat: text, style: "header" },
    { row: ROWS.firstCode, column: 0, cells: rows, numberFormat: formats },
    { row: chartRow - 1, column: 0, cells: [chartHeader], numberFormat: text, style: "header" },
    { row: chartRow, column: 0, cells: chartRows, numberFormat: [text, ...Array<string>(chartWidth - 1).fill(money)] },
  ];
  const belowP25 = groups.map((g) => ({
    range: g.range("rate", first, last),
    rule: `=AND(ISNUMBER(${g.cell(first, "rate", "column")}),ISNUMBER(${market.cell(first, "p25", "column")}),${g.cell(first, "rate", "column")}<${market.cell(first, "p25", "column")})`, // prettier-ignore
  }));
  const chartEnd = chartRow + Math.max(plan.codes.length, 1);
  return {
    blocks,
    inputRange: plan.volume.kind === "input" ? market.range("volume", first, last) : null,
    belowP25,
    chart: {
      source: `A${chartRow}:${String.fromCharCode(64 + chartWidth)}${chartEnd}`,
      title: plan.contracts[0] ? `${plan.contracts[0].contractName}: our rate against the market's p25, p50 and p75` : "The market's p25, p50 and p75", // prettier-ignore
      topLeft: `${market.letter("p25")}${chartEnd + 2}`,
      bottomRight: `${market.letter("p90Medicare")}${chartEnd + 22}`,
    },
    columnWidths: headers.map((c) => c.width ?? 90),
    firstCodeRow: ROWS.firstCode,
    market,
    contractColumns: groups,
  };
}

function codeRow(
  plan: BenchmarkSheetPlan,
  market: ColumnMap<MarketKey>,
  groups: readonly ColumnMap<ContractKey>[],
  code: string,
  r: number,
): PlanCell[] {
  const codeCell = market.cell(r, "hcpcsCode", "column");
  const volume = plan.volume;
  const n = market.cell(r, "rateCount");
  const cells = market.row<PlanCell>({
    hcpcsCode: code,
    volume: volume.kind === "claims" ? `=COUNTIFS(${volume.tableName}[${volume.codeHeader}],${codeCell})` : null,
    rateCount: `=COUNTIFS(${criteria(codeCell)})`,
    ...Object.fromEntries(SHEET_PERCENTILES.map(({ key, fraction }) => [key, marketPercentileFormula(codeCell, fraction)])), // prettier-ignore
    ...Object.fromEntries(SHEET_PERCENTILES.map(({ key, fraction }) => [`${key}Medicare`, medicarePercentileFormula(codeCell, fraction)])), // prettier-ignore
  } as Record<MarketKey, PlanCell>);
  const contractCells = plan.contracts.flatMap((contract, c) => {
    const g = groups[c]!;
    const rate = g.cell(r, "rate");
    const p50 = market.cell(r, "p50");
    return g.row<PlanCell>({
      rate: `=${contract.rateOf(codeCell)}`,
      position: positionFormula(codeCell, rate, n),
      toMedian: `=IF(OR(${rate}="",${p50}=""),"",ROUND(MAX(0,N(${market.cell(r, "volume")})*(${p50}-${rate})),2))`,
    });
  });
  return [...cells, ...contractCells];
}
