/**
 * The Negotiation sheet of one contract (issue 17 item 1), laid out as native formulas only, so that an executive who
 * changes an input sees every figure follow without the add-in: the inputs (shaded), the contract's current revenue
 * and BATNA from SUMIFS over the claims table's mapped columns, the floor, target, opening offer and the payer's likely
 * maximum in dollars and % of current revenue, the zone of possible agreement, the payer's maximum by code from the
 * market's p75 (table Benchmarks), and a chart of the positions.
 *
 * Each product is rounded half-up to the cent as the engine rounds it (zopa.ts): ROUND(ROUND(x * 100, 4), 0) / 100,
 * where the inner ROUND removes binary noise (percentages carry at most 4 decimals as fractions, so x * 100 has at
 * most 4 exact decimals and an exact half cent rounds up in Excel and HyperFormula alike). The contract is matched as
 * SUMIFS matches text: whole and in any case, its wildcards escaped ("=" & the name, with ~ * ? preceded by ~).
 */
import { NEGOTIATION_INPUTS, OPENING_WORDS, ZOPA_WORDS, type NegotiationInputs } from "../../engine";
import { marketPercentileFormula } from "../benchmarks/benchmarkSheetLayout";
import { BENCHMARKS_TABLE } from "../benchmarks/benchmarkColumns";
import { placeColumns, type ColumnMap } from "../core/columnLetters";
import { NUMBER_FORMATS } from "../core/numberFormats";
import { textLine, type PlanBlock, type PlanCell } from "../core/sheetBlocks";

// Words computed by formulas are General: a formula in a cell formatted "@" shows as its text.
const { money, percent, count, text, general } = NUMBER_FORMATS;

/** The claims table's columns the formulas read, by their headers; units null: volume is the line count. */
export interface NegotiationClaimsColumns {
  readonly tableName: string;
  readonly contractHeader: string;
  readonly codeHeader: string;
  readonly amountHeader: string;
  readonly unitsHeader: string | null;
}

/** What the sheet is built from. */
export interface NegotiationSheetPlan {
  readonly contractName: string;
  readonly claims: NegotiationClaimsColumns;
  /** The contract's codes, in the order of the by-code rows (highest current revenue first). */
  readonly codes: readonly string[];
  readonly inputs: NegotiationInputs;
  /** Whether the workbook has a Benchmarks table to take the market's p75 from. */
  readonly market: boolean;
  /** The contract's terms in words, for the subtitle. */
  readonly terms: string;
  /** "2026-12-07": the day the sheet was built. */
  readonly asOf: string;
}

/** A figure of the revenue and ZOPA blocks. */
export type NegotiationFigure =
  | "lines"
  | "volume"
  | "current"
  | "keptRevenue"
  | "batnaRevenue"
  | "atRisk"
  | "atRiskFraction"
  | "zopaLow"
  | "zopaHigh"
  | "zopaWidth"
  | "zopaWords"
  | "openingWords";

/** A position of the positions table, in its row order (the chart plots the first four). */
export const POSITIONS = ["floor", "target", "opening", "payerMax", "batna"] as const;
export type NegotiationPositionKey = (typeof POSITIONS)[number];

/** A column of the positions table. */
export type PositionColumn = "label" | "added" | "fraction" | "revenue";
/** A column of the by-code table. */
export type CodeColumn = "hcpcsCode" | "volume" | "current" | "p75" | "atMax";

/** The sheet's cells and where its figures are. */
export interface NegotiationSheetLayout {
  readonly blocks: readonly PlanBlock[];
  /** The cells a user is meant to edit, shaded as inputs. */
  readonly inputCells: Readonly<Record<keyof NegotiationInputs, string>>;
  /** The A1 address of each figure, and of each position's cells (tests and the pane read them). */
  readonly figures: Readonly<Record<NegotiationFigure, string>>;
  readonly positions: Readonly<Record<NegotiationPositionKey, Record<Exclude<PositionColumn, "label">, string>>>;
  /** The by-code table (null without a Benchmarks table) and its first code row (0-based). */
  readonly codeTable: { readonly columns: ColumnMap<CodeColumn>; readonly firstRow: number } | null;
  readonly chart: { readonly source: string; readonly title: string; readonly topLeft: string; readonly bottomRight: string }; // prettier-ignore
  readonly columnWidths: readonly number[];
}

const POSITION_LABELS = {
  floor: "Walk-away floor",
  target: "Target",
  opening: "Opening offer",
  payerMax: "Payer's likely maximum",
  batna: "No contract (BATNA)",
} as const satisfies Record<NegotiationPositionKey, string>;

const INPUT_ORDER = ["alternativeFraction", "keptShare", "floor", "target", "opening", "payerMax"] as const satisfies readonly (keyof NegotiationInputs)[]; // prettier-ignore

/** Row indexes (0-based) of the fixed parts; the by-code table follows the ZOPA block. */
const ROWS = {
  title: 0,
  subtitle: 1,
  note: 2,
  inputsHeading: 4,
  contract: 5,
  firstInput: 6,
  revenueHeading: 13,
  lines: 14,
  volume: 15,
  current: 16,
  keptRevenue: 17,
  batnaRevenue: 18,
  atRisk: 19,
  positionsHeading: 21,
  positionsHeader: 22,
  firstPosition: 23,
  zopaHeading: 29,
  zopaLow: 30,
  zopaHigh: 31,
  zopaWidth: 32,
  zopaWords: 33,
  openingWords: 34,
  codesHeading: 36,
  codesHeader: 37,
} as const;

const POSITION_COLUMNS = placeColumns<PositionColumn>([
  { key: "label", header: "Position", width: 330 },
  { key: "added", header: "Added revenue per year", numberFormat: money, width: 130 },
  { key: "fraction", header: "% of current revenue", numberFormat: percent, width: 120 },
  { key: "revenue", header: "Revenue per year", numberFormat: money, width: 130 },
]);

const CODE_COLUMNS = placeColumns<CodeColumn>([
  { key: "hcpcsCode", header: "Billing Code", numberFormat: text, width: 330 },
  { key: "volume", header: "Volume", numberFormat: count, width: 130 },
  { key: "current", header: "Current revenue", numberFormat: money, width: 120 },
  { key: "p75", header: "Market p75", numberFormat: money, width: 130 },
  { key: "atMax", header: "Revenue at the payer's maximum", numberFormat: money, width: 150 },
]);

/** One half-up rounding to the cent of a product (see the module comment). */
export const toCentsFormula = (product: string): string => `ROUND(ROUND((${product})*100,4),0)/100`;

/** SUMIFS's criterion matching (or, with "<>", not matching) the text of `cell` whole, in any case, its wildcards escaped. */
export const exactCriterion = (cell: string, comparison: "=" | "<>" = "="): string =>
  `"${comparison}"&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${cell},"~","~~"),"*","~*"),"?","~?")`;

const B = (row: number) => `$B$${row + 1}`;
const label = (row: number, words: string): PlanBlock => ({ row, column: 0, cells: [[words]], numberFormat: text, style: "body" }); // prettier-ignore
const heading = (row: number, words: string): PlanBlock => ({ row, column: 0, cells: [[words]], numberFormat: text, style: "heading" }); // prettier-ignore
const value = (row: number, cell: PlanCell, format: string, column = 1): PlanBlock => ({ row, column, cells: [[cell]], numberFormat: format, style: "body" }); // prettier-ignore

/** Lays the sheet out for `plan`. */
export function layoutNegotiationSheet(plan: NegotiationSheetPlan): NegotiationSheetLayout {
  const { claims } = plan;
  const col = (header: string) => `${claims.tableName}[${header}]`;
  const byContract = `${col(claims.contractHeader)},${exactCriterion(B(ROWS.contract))}`;
  const inputRow = (key: keyof NegotiationInputs) => ROWS.firstInput + INPUT_ORDER.indexOf(key);
  const input = (key: keyof NegotiationInputs) => B(inputRow(key));
  const current = B(ROWS.current);
  const positionRow = (key: NegotiationPositionKey) => ROWS.firstPosition + POSITIONS.indexOf(key);
  const at = (key: NegotiationPositionKey, column: Exclude<PositionColumn, "label">) =>
    POSITION_COLUMNS.cell(positionRow(key) + 1, column, "absolute");

  const codeFirst = ROWS.codesHeader + 1;
  const codeLast = codeFirst + Math.max(plan.codes.length, 1) - 1;
  const codeTable = plan.market ? { columns: CODE_COLUMNS, firstRow: codeFirst } : null;
  const overCodes = (key: CodeColumn) => CODE_COLUMNS.range(key, codeFirst + 1, codeLast + 1, "absolute");
  const marketAdded = `ROUND(SUM(${overCodes("atMax")})-SUM(${overCodes("current")}),2)`;
  const ofInput = (key: "floor" | "target" | "opening" | "payerMax") => toCentsFormula(`${current}*${input(key)}`);
  const added: Record<NegotiationPositionKey, string> = {
    floor: `=${ofInput("floor")}`,
    target: `=${ofInput("target")}`,
    opening: `=${ofInput("opening")}`,
    payerMax: plan.market ? `=IF(ISNUMBER(${input("payerMax")}),${ofInput("payerMax")},${marketAdded})` : `=${ofInput("payerMax")}`, // prettier-ignore
    batna: `=ROUND(${B(ROWS.batnaRevenue)}-${current},2)`,
  };
  const positionRows = POSITIONS.map((key) =>
    POSITION_COLUMNS.row<PlanCell>({
      label: POSITION_LABELS[key],
      added: added[key],
      fraction: `=IF(${current}=0,"",${at(key, "added")}/${current})`,
      revenue: `=ROUND(${current}+${at(key, "added")},2)`,
    }),
  );
  const low = B(ROWS.zopaLow);
  const high = B(ROWS.zopaHigh);
  const volume = claims.unitsHeader === null ? `=${B(ROWS.lines)}` : `=SUMIFS(${col(claims.unitsHeader)},${byContract})`; // prettier-ignore
  const payerMaxHint = plan.market
    ? `Leave the payer's likely maximum blank to take it from the market's p75 per code (table ${BENCHMARKS_TABLE}, below).`
    : `The workbook has no ${BENCHMARKS_TABLE} table: the payer's likely maximum is the percentage entered.`;

  const blocks: PlanBlock[] = [
    textLine(ROWS.title, `Negotiation: ${plan.contractName}`, "title"),
    textLine(ROWS.subtitle, `Claims of table ${claims.tableName} whose ${claims.contractHeader} is "${plan.contractName}"; revenue is ${claims.amountHeader}; terms: ${plan.terms}; built ${plan.asOf}.`, "subtitle"), // prettier-ignore
    textLine(ROWS.note, `Shaded cells are inputs: change one and every figure recalculates. ${payerMaxHint} Each product is rounded to the cent.`, "note"), // prettier-ignore
    heading(ROWS.inputsHeading, "Inputs"),
    label(ROWS.contract, "Contract"),
    value(ROWS.contract, plan.contractName, text),
    ...INPUT_ORDER.flatMap((key) => [
      label(inputRow(key), NEGOTIATION_INPUTS[key].label),
      { ...value(inputRow(key), plan.inputs[key], percent), style: "input" as const },
    ]),
    heading(ROWS.revenueHeading, "Current revenue and BATNA"),
    label(ROWS.lines, "Claim lines"),
    value(ROWS.lines, `=COUNTIFS(${byContract})`, count),
    label(ROWS.volume, claims.unitsHeader === null ? "Volume (lines)" : `Volume (${claims.unitsHeader})`),
    value(ROWS.volume, volume, count),
    label(ROWS.current, "Current revenue per year"),
    value(ROWS.current, `=ROUND(SUMIFS(${col(claims.amountHeader)},${byContract}),2)`, money),
    label(ROWS.keptRevenue, "Revenue of the volume kept, at contract amounts"),
    value(ROWS.keptRevenue, `=${toCentsFormula(`${current}*${input("keptShare")}`)}`, money),
    label(ROWS.batnaRevenue, "Revenue without the contract (BATNA): the volume kept at the alternative amount"),
    value(ROWS.batnaRevenue, `=${toCentsFormula(`${B(ROWS.keptRevenue)}*${input("alternativeFraction")}`)}`, money),
    label(ROWS.atRisk, "Revenue at risk if the contract terminates"),
    value(ROWS.atRisk, `=ROUND(${current}-${B(ROWS.batnaRevenue)},2)`, money),
    value(ROWS.atRisk, `=IF(${current}=0,"",${B(ROWS.atRisk)}/${current})`, percent, 2),
    heading(ROWS.positionsHeading, "Positions"),
    { row: ROWS.positionsHeader, column: 0, cells: [POSITION_COLUMNS.headers()], numberFormat: text, style: "header" },
    { row: ROWS.firstPosition, column: 0, cells: positionRows, numberFormat: POSITION_COLUMNS.numberFormats(), style: "body" }, // prettier-ignore
    heading(ROWS.zopaHeading, "Zone of possible agreement (added revenue per year)"),
    label(ROWS.zopaLow, "Lower end: the higher of the floor and the BATNA"),
    value(ROWS.zopaLow, `=MAX(${at("floor", "added")},${at("batna", "added")})`, money),
    label(ROWS.zopaHigh, "Upper end: the payer's likely maximum"),
    value(ROWS.zopaHigh, `=${at("payerMax", "added")}`, money),
    label(ROWS.zopaWidth, "Width of the zone (negative: no zone)"),
    value(ROWS.zopaWidth, `=ROUND(${high}-${low},2)`, money),
    label(ROWS.zopaWords, "Zone"),
    value(ROWS.zopaWords, `=IF(${high}<${low},"${ZOPA_WORDS.noZone}","${ZOPA_WORDS.zone}")`, general),
    label(ROWS.openingWords, "Opening offer"),
    value(ROWS.openingWords, `=IF(${at("opening", "added")}>${high},"${OPENING_WORDS.aboveMax}",IF(${at("opening", "added")}<${low},"${OPENING_WORDS.belowZone}","${OPENING_WORDS.inZone}"))`, general), // prettier-ignore
    ...(plan.market ? codeBlocks(plan, col, byContract) : []),
  ];
  const cellB = (row: number) => `B${row + 1}`;
  return {
    blocks,
    inputCells: Object.fromEntries(INPUT_ORDER.map((key) => [key, cellB(inputRow(key))])) as Record<keyof NegotiationInputs, string>, // prettier-ignore
    figures: {
      lines: cellB(ROWS.lines),
      volume: cellB(ROWS.volume),
      current: cellB(ROWS.current),
      keptRevenue: cellB(ROWS.keptRevenue),
      batnaRevenue: cellB(ROWS.batnaRevenue),
      atRisk: cellB(ROWS.atRisk),
      atRiskFraction: `C${ROWS.atRisk + 1}`,
      zopaLow: cellB(ROWS.zopaLow),
      zopaHigh: cellB(ROWS.zopaHigh),
      zopaWidth: cellB(ROWS.zopaWidth),
      zopaWords: cellB(ROWS.zopaWords),
      openingWords: cellB(ROWS.openingWords),
    },
    positions: Object.fromEntries(
      POSITIONS.map((key) => {
        const r = positionRow(key) + 1;
        const cells = { added: POSITION_COLUMNS.cell(r, "added"), fraction: POSITION_COLUMNS.cell(r, "fraction") };
        return [key, { ...cells, revenue: POSITION_COLUMNS.cell(r, "revenue") }];
      }),
    ) as NegotiationSheetLayout["positions"],
    codeTable,
    chart: {
      source: POSITION_COLUMNS.span("label", "added", ROWS.positionsHeader + 1, positionRow("payerMax") + 1),
      title: `${plan.contractName}: floor, target, opening offer and the payer's likely maximum (added revenue per year)`,
      topLeft: `F${ROWS.inputsHeading + 1}`,
      bottomRight: `M${ROWS.inputsHeading + 20}`,
    },
    // The widest of the two tables that share the columns.
    columnWidths: CODE_COLUMNS.widths().map((width, c) => Math.max(width, POSITION_COLUMNS.widths()[c] ?? 0)),
  };
}

/** The by-code table: each code's volume and revenue from the claims, its market p75, its revenue at that p75. */
function codeBlocks(plan: NegotiationSheetPlan, col: (header: string) => string, byContract: string): PlanBlock[] {
  const { claims } = plan;
  const first = ROWS.codesHeader + 1;
  const rows = plan.codes.map((code, i) => {
    const r = first + i + 1;
    const byCode = `${byContract},${col(claims.codeHeader)},${CODE_COLUMNS.cell(r, "hcpcsCode", "column")}`;
    const cell = (key: CodeColumn) => CODE_COLUMNS.cell(r, key);
    return CODE_COLUMNS.row<PlanCell>({
      hcpcsCode: code,
      volume: claims.unitsHeader === null ? `=COUNTIFS(${byCode})` : `=SUMIFS(${col(claims.unitsHeader)},${byCode})`,
      current: `=ROUND(SUMIFS(${col(claims.amountHeader)},${byCode}),2)`,
      p75: marketPercentileFormula(CODE_COLUMNS.cell(r, "hcpcsCode", "column"), 0.75),
      atMax: `=IF(${cell("p75")}="",${cell("current")},MAX(${cell("current")},${toCentsFormula(`${cell("volume")}*${cell("p75")}`)}))`, // prettier-ignore
    });
  });
  return [
    heading(ROWS.codesHeading, `The payer's likely maximum by code: each code at the market's p75 (table ${BENCHMARKS_TABLE}) where that is above its current revenue`), // prettier-ignore
    { row: ROWS.codesHeader, column: 0, cells: [CODE_COLUMNS.headers()], numberFormat: text, style: "header" },
    { row: first, column: 0, cells: rows, numberFormat: CODE_COLUMNS.numberFormats(), style: "body" },
  ];
}
