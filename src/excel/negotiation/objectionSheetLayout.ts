/**
 * The Objections sheet of one contract (issue 17 item 4), laid out as native formulas only: the evidence the
 * workbook holds (its market position from table Benchmarks, its denial rate and payment accuracy from the variance
 * review's flags, its volume from the claims) and the quality figures the user enters (shaded), then one row per
 * objection of the engine's catalogue (engine/negotiation/objections.ts) with its counterpoint sentence built from
 * the evidence cells, so both follow the workbook when it changes.
 *
 * Denial rate and payment accuracy are the Contract Performance sheet's (engine FLAG_ROLES): denied lines over
 * counted lines, and lines flagged OK over compared lines, counted with COUNTIFS per Variance Flag. Our rate for a
 * code is the contract's average allowed amount per unit in the claims, compared with the market's p50 of the code's
 * dollar rates (the Benchmarks sheet's PERCENTILE.INC formula). Where a source is missing, the evidence cell says
 * "No data: <what to load>" and so does every counterpoint that needs it: no figure is ever made up.
 */
import {
  EVIDENCE_KEYS,
  FLAG_ROLES,
  OBJECTION_EVIDENCE,
  OBJECTION_KEYS,
  OBJECTIONS,
  VARIANCE_FLAGS,
  evidenceOf,
  type CounterpointPart,
  type EvidenceFormat,
  type EvidenceKey,
  type FlagRole,
  type ObjectionKey,
  type VarianceFlag,
} from "../../engine";
import { BENCHMARKS_TABLE } from "../benchmarks/benchmarkColumns";
import { marketPercentileFormula } from "../benchmarks/benchmarkSheetLayout";
import { placeColumns, type ColumnMap } from "../core/columnLetters";
import { NUMBER_FORMATS } from "../core/numberFormats";
import { textLine, type PlanBlock, type PlanCell } from "../core/sheetBlocks";
import { exactCriterion, type NegotiationClaimsColumns } from "./negotiationSheetLayout";

const { money, share, count, text, general } = NUMBER_FORMATS;

/** What the sheet is built from. */
export interface ObjectionSheetPlan {
  readonly contractName: string;
  readonly claims: NegotiationClaimsColumns;
  /** The contract's top codes by revenue (the market comparison's rows). */
  readonly codes: readonly string[];
  /** Whether the workbook has a Benchmarks table. */
  readonly market: boolean;
  /** The claims table's Variance Flag header, when the variance review has run over it; else null. */
  readonly reviewFlagHeader: string | null;
  /** "2026-12-07": the day the sheet was built. */
  readonly asOf: string;
}

/** A column of the top codes' market comparison. */
export type ObjectionCodeColumn =
  | "hcpcsCode"
  | "volume"
  | "revenue"
  | "averageRate"
  | "p50"
  | "comparedVolume"
  | "belowVolume"
  | "comparedRevenue"
  | "atMedian";

/** The sheet's cells and where its figures are. */
export interface ObjectionSheetLayout {
  readonly blocks: readonly PlanBlock[];
  /** Each piece of evidence's value cell (A1); the input ones are shaded. */
  readonly evidence: Readonly<Record<EvidenceKey, string>>;
  readonly inputCells: readonly string[];
  /** Each objection's counterpoint cell (A1). */
  readonly counterpoints: Readonly<Record<ObjectionKey, string>>;
  /** The market comparison (null without a Benchmarks table) and its first code row (0-based). */
  readonly codeTable: { readonly columns: ColumnMap<ObjectionCodeColumn>; readonly firstRow: number } | null;
  readonly columnWidths: readonly number[];
}

/**
 * A figure in words, and its cell's number format. TEXT is given plain decimals only ("0.0"), which Excel and the
 * simulator's HyperFormula read alike ("0.0%" and "#,##0" are not HyperFormula's): a percentage is its hundredths
 * rounded to one decimal with "%" after it.
 */
const FORMATS = {
  percent: { inText: (cell: string) => `TEXT(ROUND(${cell}*100,1),"0.0")&"%"`, cell: share },
  count: { inText: (cell: string) => `TEXT(${cell},"0")`, cell: count },
  stars: { inText: (cell: string) => `TEXT(${cell},"0.0")`, cell: "0.0" },
} as const satisfies Record<EvidenceFormat, { readonly inText: (cell: string) => string; readonly cell: string }>;

const ROWS = {
  title: 0,
  subtitle: 1,
  note: 2,
  evidenceHeading: 4,
  contract: 5,
  evidenceHeader: 6,
  firstEvidence: 7,
  objectionsHeading: 8 + EVIDENCE_KEYS.length,
  objectionsHeader: 9 + EVIDENCE_KEYS.length,
  firstObjection: 10 + EVIDENCE_KEYS.length,
  codesHeading: 11 + EVIDENCE_KEYS.length + OBJECTION_KEYS.length,
  codesHeader: 12 + EVIDENCE_KEYS.length + OBJECTION_KEYS.length,
} as const;

const CODE_COLUMNS = placeColumns<ObjectionCodeColumn>([
  { key: "hcpcsCode", header: "Billing Code", numberFormat: text, width: 330 },
  { key: "volume", header: "Volume", numberFormat: count, width: 110 },
  { key: "revenue", header: "Revenue", numberFormat: money, width: 110 },
  { key: "averageRate", header: "Our average rate", numberFormat: money, width: 110 },
  { key: "p50", header: "Market p50", numberFormat: money, width: 110 },
  { key: "comparedVolume", header: "Volume compared", numberFormat: count, width: 110 },
  { key: "belowVolume", header: "Volume below p50", numberFormat: count, width: 110 },
  { key: "comparedRevenue", header: "Revenue compared", numberFormat: money, width: 110 },
  { key: "atMedian", header: "Revenue at p50", numberFormat: money, width: 110 },
]);

/** A text as an Excel string literal; the texts here hold no double quote, which HyperFormula cannot read doubled. */
const quoted = (words: string) => `"${words}"`;
const flagsWhere = (role: keyof FlagRole) => VARIANCE_FLAGS.filter((flag) => FLAG_ROLES[flag][role]);
/** Payment accuracy's numerator (engine kpis/performanceRules.ts: OK over the compared flags). */
const PAID_AS_EXPECTED: VarianceFlag = "OK";

const cellB = (row: number) => `B${row + 1}`;
const evidenceRow = (key: EvidenceKey) => ROWS.firstEvidence + EVIDENCE_KEYS.indexOf(key);
const evidenceCell = (key: EvidenceKey) => `$B$${evidenceRow(key) + 1}`;

/** The evidence formulas and their sources, from what the workbook holds. */
function evidenceFormulas(plan: ObjectionSheetPlan, codeFirst: number, codeLast: number) {
  const { claims } = plan;
  const col = (header: string) => `${claims.tableName}[${header}]`;
  const contract = `$B$${ROWS.contract + 1}`;
  const byContract = `${col(claims.contractHeader)},${exactCriterion(contract)}`;
  // The peers: lines naming another contract (a line naming none is no payer's).
  const byPeers = `${col(claims.contractHeader)},${exactCriterion(contract, "<>")},${col(claims.contractHeader)},"<>"`;
  const sum = (key: ObjectionCodeColumn) => `SUM(${CODE_COLUMNS.range(key, codeFirst + 1, codeLast + 1, "absolute")})`;
  const noMarket = quoted(`No data: the workbook has no ${BENCHMARKS_TABLE} table: load market rates in the Benchmarks tab.`); // prettier-ignore
  const noRates = quoted(`No data: table ${BENCHMARKS_TABLE} has no dollar rate for this contract's top codes.`);
  const flag = plan.reviewFlagHeader;
  const noReview = quoted(`No data: table ${claims.tableName} has no Variance Flag column: run the Variance review of the table.`); // prettier-ignore
  const countFlags = (flags: readonly VarianceFlag[], lines = byContract) =>
    flag === null ? "0" : flags.map((f) => `COUNTIFS(${lines},${col(flag)},${quoted(f)})`).join("+");
  const ratio = (numerator: string, denominator: string, none: string) =>
    `=IF((${denominator})=0,${quoted(none)},(${numerator})/(${denominator}))`;
  const lines = `COUNTIFS(${byContract})`;
  const input = { formula: null, source: "Your figure: enter it in the shaded cell." };
  return {
    rateToMarket: {
      formula: plan.market ? `=IF(${sum("atMedian")}=0,${noRates},${sum("comparedRevenue")}/${sum("atMedian")})` : `=${noMarket}`, // prettier-ignore
      source: `Revenue of the top codes over their volume at the market's p50 (table ${BENCHMARKS_TABLE}), below.`,
    },
    shareBelowMarket: {
      formula: plan.market ? `=IF(${sum("comparedVolume")}=0,${noRates},${sum("belowVolume")}/${sum("comparedVolume")})` : `=${noMarket}`, // prettier-ignore
      source: "Volume of the top codes whose average rate is below the market's p50, over their volume, below.",
    },
    denialRate: {
      formula: flag === null ? `=${noReview}` : ratio(countFlags(flagsWhere("denied")), countFlags(flagsWhere("counted")), `No data: no line of this contract in table ${claims.tableName} was reviewed.`), // prettier-ignore
      source: `Lines flagged ${flagsWhere("denied").join(", ")} over the lines flagged ${flagsWhere("counted").join(", ")}.`,
    },
    paymentAccuracy: {
      formula: flag === null ? `=${noReview}` : ratio(countFlags([PAID_AS_EXPECTED]), countFlags(flagsWhere("compared")), `No data: no line of this contract in table ${claims.tableName} was compared with its contract.`), // prettier-ignore
      source: `Lines flagged ${PAID_AS_EXPECTED} over the lines flagged ${flagsWhere("compared").join(", ")}.`,
    },
    peerDenialRate: {
      formula: flag === null ? `=${noReview}` : ratio(countFlags(flagsWhere("denied"), byPeers), countFlags(flagsWhere("counted"), byPeers), `No data: no line of another contract in table ${claims.tableName} was reviewed.`), // prettier-ignore
      source: "As this contract's denial rate, over the lines of every other contract in the table.",
    },
    peerPaymentAccuracy: {
      formula: flag === null ? `=${noReview}` : ratio(countFlags([PAID_AS_EXPECTED], byPeers), countFlags(flagsWhere("compared"), byPeers), `No data: no line of another contract in table ${claims.tableName} was compared with its contract.`), // prettier-ignore
      source: "As this contract's payment accuracy, over the lines of every other contract in the table.",
    },
    claimLines: { formula: `=${lines}`, source: `Lines of table ${claims.tableName} whose ${claims.contractHeader} is this contract.` }, // prettier-ignore
    lineShare: {
      formula: ratio(lines, `COUNTA(${col(claims.contractHeader)})`, `No data: table ${claims.tableName} has no contract names.`), // prettier-ignore
      source: `This contract's lines over the lines of table ${claims.tableName} that name a contract.`,
    },
    askIncrease: input,
    costGrowth: input,
    readmissionRate: input,
    hcahpsStars: input,
  } as const satisfies Record<EvidenceKey, { readonly formula: string | null; readonly source: string }>;
}

/**
 * The counterpoint of an objection as a formula: the first missing piece of evidence says what to load or enter,
 * else the sentence with each figure in words (TEXT).
 */
function counterpointFormula(key: ObjectionKey): string {
  const parts: readonly CounterpointPart[] = OBJECTIONS[key].counterpoint;
  const sentence = parts
    .map((part) => {
      if (typeof part === "string") return quoted(part);
      return FORMATS[OBJECTION_EVIDENCE[part.evidence].format].inText(evidenceCell(part.evidence));
    })
    .join("&");
  // The innermost test is the last piece of evidence: fold from the end.
  const guarded = [...evidenceOf(key)].reverse().reduce((inner, evidence) => {
    const cell = evidenceCell(evidence);
    const spec = OBJECTION_EVIDENCE[evidence];
    const missing =
      spec.source === "input" ? quoted(`No data: enter a figure in cell ${cell.replace(/\$/g, "")} (shaded): ${spec.label.replace(" (enter)", "")}.`) : cell; // prettier-ignore
    return `IF(ISNUMBER(${cell}),${inner},${missing})`;
  }, sentence);
  return `=${guarded}`;
}

/** The market comparison of the top codes (see the module comment). */
function codeRows(plan: ObjectionSheetPlan, codeFirst: number): PlanCell[][] {
  const { claims } = plan;
  const col = (header: string) => `${claims.tableName}[${header}]`;
  const byContract = `${col(claims.contractHeader)},${exactCriterion(`$B$${ROWS.contract + 1}`)}`;
  return plan.codes.map((code, i) => {
    const r = codeFirst + i + 1;
    const at = (key: ObjectionCodeColumn) => CODE_COLUMNS.cell(r, key);
    const byCode = `${byContract},${col(claims.codeHeader)},${CODE_COLUMNS.cell(r, "hcpcsCode", "column")}`;
    const compared = `ISNUMBER(${at("p50")})`;
    return CODE_COLUMNS.row<PlanCell>({
      hcpcsCode: code,
      volume: claims.unitsHeader === null ? `=COUNTIFS(${byCode})` : `=SUMIFS(${col(claims.unitsHeader)},${byCode})`,
      revenue: `=ROUND(SUMIFS(${col(claims.amountHeader)},${byCode}),2)`,
      averageRate: `=IF(${at("volume")}=0,"",ROUND(${at("revenue")}/${at("volume")},2))`,
      p50: marketPercentileFormula(CODE_COLUMNS.cell(r, "hcpcsCode", "column"), 0.5),
      comparedVolume: `=IF(AND(${compared},ISNUMBER(${at("averageRate")})),${at("volume")},"")`,
      belowVolume: `=IF(ISNUMBER(${at("comparedVolume")}),IF(${at("averageRate")}<${at("p50")},${at("volume")},0),"")`, // prettier-ignore
      comparedRevenue: `=IF(ISNUMBER(${at("comparedVolume")}),${at("revenue")},"")`,
      atMedian: `=IF(ISNUMBER(${at("comparedVolume")}),ROUND(${at("volume")}*${at("p50")},2),"")`,
    });
  });
}

/** Lays the sheet out for `plan`. */
export function layoutObjectionSheet(plan: ObjectionSheetPlan): ObjectionSheetLayout {
  const codeFirst = ROWS.codesHeader + 1;
  const codeLast = codeFirst + Math.max(plan.codes.length, 1) - 1;
  const formulas = evidenceFormulas(plan, codeFirst, codeLast);
  const inputs = EVIDENCE_KEYS.filter((key) => OBJECTION_EVIDENCE[key].source === "input");
  const body = (row: number, column: number, cell: PlanCell, format: string): PlanBlock => ({ row, column, cells: [[cell]], numberFormat: format, style: "body" }); // prettier-ignore
  const header = (row: number, cells: string[]): PlanBlock => ({ row, column: 0, cells: [cells], numberFormat: text, style: "header" }); // prettier-ignore
  const heading = (row: number, words: string): PlanBlock => ({ row, column: 0, cells: [[words]], numberFormat: text, style: "heading" }); // prettier-ignore
  const review = plan.reviewFlagHeader === null ? "no Variance Flag column" : `review flags in ${plan.claims.tableName}[${plan.reviewFlagHeader}]`; // prettier-ignore

  const blocks: PlanBlock[] = [
    textLine(ROWS.title, `Objections and counterpoints: ${plan.contractName}`, "title"),
    textLine(ROWS.subtitle, `Claims of table ${plan.claims.tableName} whose ${plan.claims.contractHeader} is "${plan.contractName}"; ${review}; market rates from table ${BENCHMARKS_TABLE}; built ${plan.asOf}.`, "subtitle"), // prettier-ignore
    textLine(ROWS.note, 'Shaded cells are yours to enter. Every figure and sentence is a formula: where a source is missing it says "No data" and what to load.', "note"), // prettier-ignore
    heading(ROWS.evidenceHeading, "Evidence"),
    body(ROWS.contract, 0, "Contract", text),
    body(ROWS.contract, 1, plan.contractName, text),
    header(ROWS.evidenceHeader, ["Evidence", "Value", "Source"]),
    ...EVIDENCE_KEYS.flatMap((key) => {
      const row = evidenceRow(key);
      const spec = OBJECTION_EVIDENCE[key];
      const value = body(row, 1, formulas[key].formula, FORMATS[spec.format].cell);
      return [
        body(row, 0, spec.label, text),
        spec.source === "input" ? { ...value, style: "input" as const } : value,
        body(row, 2, formulas[key].source, text),
      ];
    }),
    heading(ROWS.objectionsHeading, "Objections and counterpoints"),
    header(ROWS.objectionsHeader, ["The payer says", "Our counterpoint"]),
    ...OBJECTION_KEYS.flatMap((key, i) => [
      body(ROWS.firstObjection + i, 0, OBJECTIONS[key].objection, text),
      body(ROWS.firstObjection + i, 1, counterpointFormula(key), general),
    ]),
    ...(plan.market
      ? [
          heading(
            ROWS.codesHeading,
            `Our top codes against the market's p50 (table ${BENCHMARKS_TABLE}, dollar rates)`,
          ),
          { row: ROWS.codesHeader, column: 0, cells: [CODE_COLUMNS.headers()], numberFormat: text, style: "header" as const }, // prettier-ignore
          { row: codeFirst, column: 0, cells: codeRows(plan, codeFirst), numberFormat: CODE_COLUMNS.numberFormats(), style: "body" as const }, // prettier-ignore
        ]
      : []),
  ];
  return {
    blocks,
    evidence: Object.fromEntries(EVIDENCE_KEYS.map((key) => [key, cellB(evidenceRow(key))])) as Record<EvidenceKey, string>, // prettier-ignore
    inputCells: inputs.map((key) => cellB(evidenceRow(key))),
    counterpoints: Object.fromEntries(OBJECTION_KEYS.map((key, i) => [key, cellB(ROWS.firstObjection + i)])) as Record<ObjectionKey, string>, // prettier-ignore
    codeTable: plan.market ? { columns: CODE_COLUMNS, firstRow: codeFirst } : null,
    columnWidths: CODE_COLUMNS.widths(),
  };
}
