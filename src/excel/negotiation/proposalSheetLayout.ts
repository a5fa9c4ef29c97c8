/**
 * The Proposals sheet of one contract (issue 17 item 2) as a pure layout of cells, formulas and formats: the
 * walk-away floor and the target as input cells at the top, then every proposal side by side (ours first, then the
 * payer's, each by date) with its dollars in year 1 and over the term, its gap to the floor and the target, and one
 * column per year of the term.
 *
 * Year 1 is native formulas, so the sheet (and the brief that reads it) computes without the add-in: the contract's
 * claim lines as of the build sit in a block at the bottom (one row per group of alike lines, with its count and the
 * code's rank by current revenue), and each proposal has one column there giving the group's new amount by the
 * engine's rule (upliftedLines.ts) at the uplift its kind gives the code: its Uplift cell (across the board, a
 * conversion factor's equivalent uplift), that cell for the codes ranked within its Top N, or its per-code block
 * (with its `*` row for the other codes). Year 1 is the column's sum to the cent, which is `PAYER.UPLIFT_SCENARIO`'s
 * figure over the same lines. The Uplift (of an across-the-board or top-N proposal), Top N, Escalator and Term cells
 * look the proposal's row up in the Proposals table by contract and name, so an edit there shows without a rebuild;
 * a new proposal or new claims need a rebuild.
 * Each later year is
 *   ROUND(ROUND(year-1 revenue x (1 + escalator)^(k - 1) x 100, 6), 0) / 100 - current revenue
 * the engine's rule (termYears): the inner ROUND(.., 6) removes binary noise so an exact half cent rounds up, as the
 * uplift model sheet does. Every formula names its columns through the column map, never a letter.
 */
import { DEFAULT_UPLIFT_CODE, PROPOSAL_KINDS, PROPOSAL_PARTIES, PROPOSAL_STATUSES, MAX_TERM_YEARS, percentText } from "../../engine"; // prettier-ignore
import type { Decimal, ProposalKind, ProposalParty, ProposalStatus } from "../../engine";
import { columnLetters, placeColumns, type ColumnDeclaration, type ColumnMap } from "../core/columnLetters";
import { NUMBER_FORMATS } from "../core/numberFormats";
import { textLine, type PlanBlock, type PlanCell } from "../core/sheetBlocks";
import { upliftedLinesFormula } from "../upliftModel/upliftedLines";
import { PROPOSALS_SPEC } from "./proposalTable";

const { money, percent, text, count, general } = NUMBER_FORMATS;

/** A column of the side-by-side table: the proposal's terms, its dollars, and one column per year of the term. */
export type ProposalSheetKey =
  | "party" | "proposal" | "date" | "kind" | "terms" | "status" | "uplift" | "topN" | "escalator" | "termYears"
  | "newRevenue" | "added" | "termAdded" | "toFloor" | "toTarget" | "verdict" | `year${number}`; // prettier-ignore

const YEAR_KEYS = Array.from({ length: MAX_TERM_YEARS }, (_, k) => `year${k + 1}` as const);

const COLUMNS: readonly ColumnDeclaration<ProposalSheetKey>[] = [
  { key: "party", header: "Party", numberFormat: text, width: 60 },
  { key: "proposal", header: "Proposal", numberFormat: text, width: 160 },
  { key: "date", header: "Date", numberFormat: text, width: 75 },
  { key: "kind", header: "Kind", numberFormat: text, width: 110 },
  { key: "terms", header: "Terms", numberFormat: text, width: 200 },
  { key: "status", header: "Status", numberFormat: text, width: 70 },
  { key: "uplift", header: "Uplift", numberFormat: percent, width: 70 },
  { key: "topN", header: "Top N", numberFormat: count, width: 50 },
  { key: "escalator", header: "Escalator", numberFormat: percent, width: 65 },
  { key: "termYears", header: "Term (years)", numberFormat: count, width: 55 },
  { key: "newRevenue", header: "Year-1 revenue", numberFormat: money, width: 100 },
  { key: "added", header: "Added in year 1", numberFormat: money, width: 100 },
  { key: "termAdded", header: "Added over the term", numberFormat: money, width: 110 },
  { key: "toFloor", header: "Year 1 vs floor", numberFormat: money, width: 95 },
  { key: "toTarget", header: "Year 1 vs target", numberFormat: money, width: 95 },
  // A formula in a text ("@") cell stays text: the verdict's words come from its formula, so General.
  { key: "verdict", header: "Result", numberFormat: general, width: 85 },
  ...YEAR_KEYS.map((key, k) => ({ key, header: `Added in year ${k + 1}`, numberFormat: money, width: 90 })),
];

/** The side-by-side table's columns (the executive brief refers to its cells). */
export const PROPOSAL_COLUMNS = placeColumns(COLUMNS);

/** Row indexes (0-based) of the sheet's fixed parts. */
export const PROPOSAL_SHEET_ROWS = {
  title: 0, subtitle: 1, note: 2, inputsHeading: 4, contract: 5, floor: 6, target: 7, current: 8,
  tableHeading: 10, header: 11, firstProposal: 12,
} as const; // prettier-ignore

/** One proposal as the sheet shows it. */
export interface SheetProposal {
  readonly party: ProposalParty;
  readonly proposalName: string;
  readonly date: string;
  readonly kind: ProposalKind;
  /** The terms in words: "5% on the top 20 codes; 3% a year for 3 years". */
  readonly terms: string;
  readonly status: ProposalStatus;
  /** The uplift cell: a fraction (a conversion-factor change's equivalent uplift too), or null (per-code rates). */
  readonly uplift: number | null;
  readonly topN: number | null;
  /** Per-code rows (code as the claims hold it, or `*`; fraction), in a block under the table; null for the others. */
  readonly perCode: readonly (readonly [string, number])[] | null;
  readonly escalator: number;
  readonly termYears: number;
}

/** Where the claim lines came from: the claims table and the headers of its mapped columns (for the sheet's words). */
export interface ClaimsColumns {
  readonly tableName: string;
  readonly amount: string;
  readonly contractName: string;
  /** The billed charge new amounts are capped at (lesser-of); null for no cap. */
  readonly chargeAmount: string | null;
}

/** A group of alike claim lines of the contract (same code, amount and charge), as the build read them. */
export interface ProposalSheetLine {
  readonly hcpcsCode: string;
  /** The code's rank by current revenue over the contract's lines (1 = most), as the uplift engine ranks codes. */
  readonly rank: number;
  readonly amountCents: number;
  /** The lines' billed charge, to cap at; null when blank or not capped. */
  readonly chargeCents: number | null;
  readonly lineCount: number;
}

/** What the sheet is built from. */
export interface ProposalSheetPlan {
  readonly contractName: string;
  readonly claims: ClaimsColumns;
  readonly lineCount: number;
  /** The contract's claim lines, grouped: what year 1 is priced over. */
  readonly lines: readonly ProposalSheetLine[];
  /** In the sheet's order (ours first, then the payer's, each by date). */
  readonly proposals: readonly SheetProposal[];
  /** The input cells' first values, in dollars of added revenue in year 1. */
  readonly floorDollars: number;
  readonly targetDollars: number;
  /**
   * The contract's Negotiation sheet and the cells of its floor and target (added revenue per year): the floor and
   * target then refer to them instead of being inputs, so one change there moves both sheets; null: inputs here.
   */
  readonly negotiation: { readonly sheetName: string; readonly floor: string; readonly target: string } | null;
  readonly asOf: string;
}

/** A cell of another sheet, in a formula: 'Negotiation - Acme PPO'!$C$24 (apostrophes in the name doubled). */
export const onSheet = (sheetName: string, address: string): string => `'${sheetName.replace(/'/g, "''")}'!${address}`;

/** The sheet's cells and the places the writer formats. */
export interface ProposalSheetLayout {
  readonly blocks: readonly PlanBlock[];
  /** The floor and target cells, shaded as inputs; none when they refer to the Negotiation sheet. */
  readonly inputCells: readonly string[];
  readonly verdictRange: string | null;
  readonly columnWidths: readonly number[];
  readonly columns: ColumnMap<ProposalSheetKey>;
  /** 1-based A1 rows of each proposal, in order (tests read the cells by them). */
  readonly proposalRows: readonly number[];
}

const A1 = (row: number) => row + 1;
const LABEL = placeColumns<"label" | "value">([
  { key: "label", header: null, width: 60 },
  { key: "value", header: null, width: 160 },
]);
const inputCell = (row: number) => LABEL.cell(A1(row), "value", "absolute");

/** A per-code block's cells: its codes and fractions, and the fraction of its `*` row (null: none). */
interface PerCodeRanges {
  readonly codes: string;
  readonly fractions: string;
  readonly fallback: string | null;
}

/** The per-code blocks under the table: a heading row naming the proposal, a header, the rows; and their ranges. */
function perCodeBlocks(plan: ProposalSheetPlan, firstRow: number) {
  const blocks: PlanBlock[] = [];
  const ranges = new Map<number, PerCodeRanges>();
  let row = firstRow;
  plan.proposals.forEach((proposal, p) => {
    if (proposal.perCode === null) return;
    blocks.push({ row, column: 0, cells: [[`Per-code rates: ${proposal.proposalName}`]], numberFormat: text, style: "heading" }); // prettier-ignore
    blocks.push({ row: row + 1, column: 0, cells: [["Code", "Uplift"]], numberFormat: text, style: "header" });
    const body = proposal.perCode.map(([code, fraction]) => [code, fraction]);
    blocks.push({ row: row + 2, column: 0, cells: body, numberFormat: [text, percent], style: "body" });
    const [first, last] = [A1(row + 2), A1(row + 1 + Math.max(body.length, 1))];
    const fallback = proposal.perCode.findIndex(([code]) => code === DEFAULT_UPLIFT_CODE);
    ranges.set(p, {
      codes: `$A$${first}:$A$${last}`,
      fractions: `$B$${first}:$B$${last}`,
      fallback: fallback === -1 ? null : `$B$${first + fallback}`,
    });
    row += body.length + 3;
  });
  return { blocks, ranges, nextRow: row };
}

/** The claim-lines block's columns before the proposals' (one "New total" column each). */
const LINE_COLUMNS = placeColumns<"hcpcsCode" | "rank" | "amount" | "charge" | "lineCount" | "currentTotal">([
  { key: "hcpcsCode", header: "Code", numberFormat: text },
  { key: "rank", header: "Rank", numberFormat: count },
  { key: "amount", header: "Amount", numberFormat: money },
  { key: "charge", header: "Billed", numberFormat: money },
  { key: "lineCount", header: "Lines", numberFormat: count },
  { key: "currentTotal", header: "Current total", numberFormat: money },
]);

/** The uplift a kind of proposal gives the code of line row `r`: one entry per kind. */
const LINE_UPLIFT = {
  acrossTheBoard: ({ uplift }) => uplift,
  conversionFactor: ({ uplift }) => uplift,
  topN: ({ uplift, topN, r }) => `IF(${LINE_COLUMNS.cell(r, "rank")}<=${topN},${uplift},0)`,
  perCode: ({ perCode, r }) =>
    perCode === undefined
      ? "0"
      : `IFERROR(INDEX(${perCode.fractions},MATCH(${LINE_COLUMNS.cell(r, "hcpcsCode")},${perCode.codes},0)),${perCode.fallback ?? 0})`, // prettier-ignore
} satisfies Record<ProposalKind, (at: { uplift: string; topN: string; perCode: PerCodeRanges | undefined; r: number }) => string>; // prettier-ignore

/**
 * The claim lines block: a heading, a header, one row per group of alike lines with its current total and, per
 * proposal, its new total at the proposal's uplift; and the cells of each proposal's year-1 revenue and of today's.
 */
function lineBlocks(
  plan: ProposalSheetPlan,
  firstRow: number,
  proposalRows: readonly number[],
  perCode: ReadonlyMap<number, PerCodeRanges>,
) {
  // prettier-ignore
  const header = firstRow + 1;
  const rows = plan.lines.map((_, i) => A1(header + 1 + i));
  const [top, bottom] = [rows[0] ?? A1(header + 1), rows.at(-1) ?? A1(header + 1)];
  const newColumn = (p: number) => LINE_COLUMNS.end + p;
  const cells = plan.lines.map((line, i) => {
    const r = rows[i]!;
    const values = LINE_COLUMNS.row<PlanCell>({
      hcpcsCode: line.hcpcsCode,
      rank: line.rank,
      amount: line.amountCents / 100,
      charge: line.chargeCents === null ? null : line.chargeCents / 100,
      lineCount: line.lineCount,
      // Whole cents times a count, then to dollars: exact to the cent.
      currentTotal: (line.amountCents * line.lineCount) / 100,
    });
    const news = plan.proposals.map((proposal, p) => {
      const at = (key: ProposalSheetKey) => PROPOSAL_COLUMNS.cell(proposalRows[p]!, key, "absolute");
      const uplift = LINE_UPLIFT[proposal.kind]({ uplift: at("uplift"), topN: at("topN"), perCode: perCode.get(p), r });
      const charge = plan.claims.chargeAmount === null || line.chargeCents === null ? null : LINE_COLUMNS.cell(r, "charge"); // prettier-ignore
      return `=${upliftedLinesFormula({ lineCount: LINE_COLUMNS.cell(r, "lineCount"), amount: LINE_COLUMNS.cell(r, "amount"), uplift, charge })}`; // prettier-ignore
    });
    return [...values, ...news];
  });
  const sumOf = (column: number) => `=ROUND(SUM(${columnLetters(column)}${top}:${columnLetters(column)}${bottom}),2)`;
  const blocks: PlanBlock[] = [
    { row: firstRow, column: 0, cells: [[`Claim lines behind year 1: ${plan.lineCount.toLocaleString("en-US")} lines of table ${plan.claims.tableName} as of ${plan.asOf}, alike lines in one row`]], numberFormat: text, style: "heading" }, // prettier-ignore
    { row: header, column: 0, cells: [[...LINE_COLUMNS.headers(), ...plan.proposals.map((p) => `New total: ${p.proposalName}`)]], numberFormat: text, style: "header" }, // prettier-ignore
    { row: header + 1, column: 0, cells, numberFormat: [...LINE_COLUMNS.numberFormats(), ...plan.proposals.map(() => money)], style: "body" }, // prettier-ignore
  ];
  return { blocks, current: sumOf(LINE_COLUMNS.index("currentTotal")), newRevenue: (p: number) => sumOf(newColumn(p)) };
}

/** A Proposals column as a structured reference: Proposals[Uplift %]. */
const proposalsColumn = (field: keyof typeof PROPOSALS_SPEC.columns) =>
  `${PROPOSALS_SPEC.title}[${PROPOSALS_SPEC.columns[field].header}]`;

/**
 * A proposal's term looked up in its Proposals row (by contract and proposal name), so an edit of the row shows on
 * the sheet without a rebuild; a blank cell reads 0 (no escalator).
 */
function termCell(field: "upliftFraction" | "topN" | "escalatorFraction" | "termYears", r: number): string {
  const contract = inputCell(PROPOSAL_SHEET_ROWS.contract);
  const name = PROPOSAL_COLUMNS.cell(r, "proposal", "column");
  const row = `MATCH(1,(${proposalsColumn("contractName")}=${contract})*(${proposalsColumn("proposalName")}=${name}),0)`; // prettier-ignore
  return `=INDEX(${proposalsColumn(field)},${row})`;
}

/** Lays out the Proposals sheet of `plan`. */
export function layoutProposalSheet(plan: ProposalSheetPlan): ProposalSheetLayout {
  const R = PROPOSAL_SHEET_ROWS;
  const c = PROPOSAL_COLUMNS;
  const rows = plan.proposals.map((_, p) => A1(R.firstProposal + p));
  const last = rows.at(-1) ?? A1(R.firstProposal);
  const perCode = perCodeBlocks(plan, R.firstProposal + plan.proposals.length + 2);
  const lines = lineBlocks(plan, perCode.nextRow + 1, rows, perCode.ranges);
  const current = inputCell(R.current);
  const floor = inputCell(R.floor);
  const target = inputCell(R.target);
  const body = plan.proposals.map((proposal, p) => {
    const r = rows[p]!;
    const at = (key: ProposalSheetKey) => c.cell(r, key);
    const years = Object.fromEntries(
      YEAR_KEYS.map((key, k) => [
        key,
        `=IF(${k + 1}>${at("termYears")},"",ROUND(ROUND(${at("newRevenue")}*(1+${at("escalator")})^${k}*100,6),0)/100-${current})`,
      ]),
    );
    return c.row<PlanCell>({
      party: PROPOSAL_PARTIES[proposal.party].label,
      proposal: proposal.proposalName,
      date: proposal.date,
      kind: PROPOSAL_KINDS[proposal.kind].label,
      terms: proposal.terms,
      status: PROPOSAL_STATUSES[proposal.status].label,
      // Terms the Proposals table holds as plain cells follow its edits; the others are the build's.
      uplift: (PROPOSAL_KINDS[proposal.kind].needs as readonly string[]).includes("upliftFraction") ? termCell("upliftFraction", r) : proposal.uplift, // prettier-ignore
      topN: proposal.topN === null ? null : termCell("topN", r),
      escalator: termCell("escalatorFraction", r),
      termYears: termCell("termYears", r),
      newRevenue: lines.newRevenue(p),
      added: `=${at("newRevenue")}-${current}`,
      termAdded: `=SUM(${c.span("year1", `year${MAX_TERM_YEARS}`, r, r)})`,
      toFloor: `=${at("added")}-${floor}`,
      toTarget: `=${at("added")}-${target}`,
      verdict: `=IF(${at("added")}>=${target},"Meets target",IF(${at("added")}>=${floor},"Above floor","Below floor"))`,
      ...years,
    } as Record<ProposalSheetKey, PlanCell>);
  });
  const label = (row: number, words: string, value: PlanCell, format: string, style: PlanBlock["style"]): PlanBlock[] => [
    { row, column: LABEL.index("label"), cells: [[words]], numberFormat: text, style: "body" },
    { row, column: LABEL.index("value"), cells: [[value]], numberFormat: format, style },
  ]; // prettier-ignore
  const capped = plan.claims.chargeAmount === null ? "not capped" : `capped at ${plan.claims.chargeAmount} (lesser-of)`;
  const blocks: PlanBlock[] = [
    textLine(R.title, `Proposals: ${plan.contractName}`, "title"),
    textLine(R.subtitle, `${plan.lineCount.toLocaleString("en-US")} claim lines of table ${plan.claims.tableName} where ${plan.claims.contractName} is the contract below; revenue is ${plan.claims.amount}; top codes ranked by current revenue over these lines; new amounts ${capped}; built ${plan.asOf}.`, "subtitle"), // prettier-ignore
    textLine(R.note, `${plan.negotiation === null ? "Yellow cells are inputs: the walk-away floor and the target, in dollars added in year 1." : `The walk-away floor and the target are those of the sheet "${plan.negotiation.sheetName}": change them there.`} Year 1 prices the contract's claim lines listed at the bottom, each rounded to the cent as PAYER.UPLIFT_SCENARIO does; each later year compounds the escalator on the year-1 revenue, rounded to the cent. Rebuild from the Negotiation tab to add a proposal or take in new claims.`, "note"), // prettier-ignore
    { row: R.inputsHeading, column: 0, cells: [["Inputs"]], numberFormat: text, style: "heading" },
    ...label(R.contract, "Contract", plan.contractName, text, "body"),
    ...positionCells(plan),
    ...label(R.current, "Current revenue", lines.current, money, "total"),
    { row: R.tableHeading, column: 0, cells: [["Proposals side by side: ours, then the payer's"]], numberFormat: text, style: "heading" }, // prettier-ignore
    { row: R.header, column: 0, cells: [c.headers()], numberFormat: text, style: "header" },
    { row: R.firstProposal, column: 0, cells: body, numberFormat: c.numberFormats(), style: "body" },
    ...perCode.blocks,
    ...lines.blocks,
  ];
  return {
    blocks,
    inputCells: plan.negotiation === null ? [floor.replace(/\$/g, ""), target.replace(/\$/g, "")] : [],
    verdictRange: rows.length === 0 ? null : c.range("verdict", rows[0]!, last),
    columnWidths: c.widths(),
    columns: c,
    proposalRows: rows,
  };
}

/** The floor and target rows: inputs, or formulas referring to the Negotiation sheet's positions. */
function positionCells(plan: ProposalSheetPlan): PlanBlock[] {
  const { negotiation } = plan;
  const cells = [
    [PROPOSAL_SHEET_ROWS.floor, "Walk-away floor", plan.floorDollars, negotiation?.floor],
    [PROPOSAL_SHEET_ROWS.target, "Target", plan.targetDollars, negotiation?.target],
  ] as const;
  return cells.flatMap(([row, words, dollars, linked]) => [
    { row, column: LABEL.index("label"), cells: [[`${words} (added $ in year 1)`]], numberFormat: text, style: "body" as const }, // prettier-ignore
    negotiation === null || linked === undefined
      ? { row, column: LABEL.index("value"), cells: [[dollars]], numberFormat: money, style: "input" as const }
      : { row, column: LABEL.index("value"), cells: [[`=${onSheet(negotiation.sheetName, linked)}`]], numberFormat: money, style: "body" as const }, // prettier-ignore
  ]);
}

/** A proposal's terms in words: "5% on the top 20 codes; +3% a year; 3 years". */
export function termsText(
  kind: ProposalKind,
  cells: {
    readonly upliftFraction: Decimal | null;
    readonly topN: number | null;
    readonly perCodeRates: string | null;
    readonly oldConversionFactor: Decimal | null;
    readonly newConversionFactor: Decimal | null;
    readonly escalatorFraction: Decimal | null;
    readonly termYears: number;
  },
): string {
  const pct = (value: Decimal | null) => (value === null ? "" : percentText(value));
  const TERMS = {
    acrossTheBoard: () => `${pct(cells.upliftFraction)} on every code`,
    topN: () => `${pct(cells.upliftFraction)} on the top ${cells.topN ?? ""} codes`,
    perCode: () => `per-code rates ${cells.perCodeRates ?? ""}`,
    conversionFactor: () => `conversion factor ${cells.oldConversionFactor?.toFixed() ?? ""} to ${cells.newConversionFactor?.toFixed() ?? ""}`, // prettier-ignore
  } satisfies Record<ProposalKind, () => string>;
  const escalator = cells.escalatorFraction === null || cells.escalatorFraction.isZero() ? "no escalator" : `+${pct(cells.escalatorFraction)} a year`; // prettier-ignore
  return `${TERMS[kind]()}; ${escalator}; ${cells.termYears} year${cells.termYears === 1 ? "" : "s"}`;
}
