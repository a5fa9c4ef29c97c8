/**
 * The Proposals sheet of one contract (issue 17 item 2) as a pure layout of cells, formulas and formats: the
 * walk-away floor and the target as input cells at the top, then every proposal side by side (ours first, then the
 * payer's, each by date) with its dollars in year 1 and over the term, its gap to the floor and the target, and one
 * column per year of the term.
 *
 * Year 1 is a live `PAYER.UPLIFT_SCENARIO` over the contract's lines of the claims table (FILTERed by the Contract
 * cell), with the proposal's uplift: its Uplift cell, or for per-code rates its block of code and fraction rows below
 * the table. The Uplift (of an across-the-board or top-N proposal), Top N, Escalator and Term cells look the
 * proposal's row up in the Proposals table by contract and name, so an edit there shows without a rebuild; a new
 * proposal needs a rebuild (its row of formulas). A conversion-factor change's equivalent uplift is written as the
 * engine's exact percentage ("7.7815268450851%": the fraction's 15 decimals at most, which a cell holds exactly).
 * Each later year is
 *   ROUND(ROUND(year-1 revenue x (1 + escalator)^(k - 1) x 100, 6), 0) / 100 - current revenue
 * the engine's rule (termYears): the inner ROUND(.., 6) removes binary noise so an exact half cent rounds up, as the
 * uplift model sheet does. Every formula names its columns through the column map, never a letter.
 */
import { PROPOSAL_KINDS, PROPOSAL_PARTIES, PROPOSAL_STATUSES, MAX_TERM_YEARS, percentText } from "../../engine";
import type { Decimal, ProposalKind, ProposalParty, ProposalStatus } from "../../engine";
import { placeColumns, type ColumnDeclaration, type ColumnMap } from "../core/columnLetters";
import { NUMBER_FORMATS } from "../core/numberFormats";
import { textLine, type PlanBlock, type PlanCell } from "../core/sheetBlocks";
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
  /** The uplift cell: a fraction, percent text (a conversion-factor change), or null (per-code rates). */
  readonly uplift: number | string | null;
  readonly topN: number | null;
  /** Per-code rows (code, fraction), shown in a block under the table; null for the other kinds. */
  readonly perCode: readonly (readonly [string, number | string])[] | null;
  readonly escalator: number;
  readonly termYears: number;
}

/** Where the claim lines are: the claims table and the headers of its mapped columns. */
export interface ClaimsColumns {
  readonly tableName: string;
  readonly hcpcsCode: string;
  readonly amount: string;
  readonly contractName: string;
  /** The billed charge, to cap new amounts at it (lesser-of); null for no cap. */
  readonly chargeAmount: string | null;
}

/** What the sheet is built from. */
export interface ProposalSheetPlan {
  readonly contractName: string;
  readonly claims: ClaimsColumns;
  readonly lineCount: number;
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

/** A claims column as a structured reference, blank cells kept blank (FILTER would turn them into 0). */
function claimsColumn(claims: ClaimsColumns, header: string, blanks: boolean): string {
  const ref = `${claims.tableName}[${header}]`;
  const cells = blanks ? `IF(${ref}="","",${ref})` : ref;
  return `FILTER(${cells},${claims.tableName}[${claims.contractName}]=${inputCell(PROPOSAL_SHEET_ROWS.contract)})`;
}

/** `=PAYER.UPLIFT_SCENARIO(codes, amounts, uplift, top_n, , , billed, "total")` over the contract's lines. */
function upliftFormula(claims: ClaimsColumns, uplift: string, topN: string): string {
  const billed = claims.chargeAmount === null ? "" : claimsColumn(claims, claims.chargeAmount, true);
  const codes = claimsColumn(claims, claims.hcpcsCode, true);
  const amounts = claimsColumn(claims, claims.amount, false);
  return `=PAYER.UPLIFT_SCENARIO(${codes},${amounts},${uplift},${topN},"revenue",,${billed},"total")`;
}

/** The per-code blocks under the table: a heading row naming the proposal, a header, the rows; and their ranges. */
function perCodeBlocks(plan: ProposalSheetPlan, firstRow: number) {
  const blocks: PlanBlock[] = [];
  const ranges = new Map<number, string>();
  let row = firstRow;
  plan.proposals.forEach((proposal, p) => {
    if (proposal.perCode === null) return;
    blocks.push({ row, column: 0, cells: [[`Per-code rates: ${proposal.proposalName}`]], numberFormat: text, style: "heading" }); // prettier-ignore
    blocks.push({ row: row + 1, column: 0, cells: [["Code", "Uplift"]], numberFormat: text, style: "header" });
    const body = proposal.perCode.map(([code, fraction]) => [code, fraction]);
    blocks.push({ row: row + 2, column: 0, cells: body, numberFormat: [text, percent], style: "body" });
    ranges.set(p, `$A$${A1(row + 2)}:$B$${A1(row + 1 + body.length)}`);
    row += body.length + 3;
  });
  return { blocks, ranges };
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
  const current = inputCell(R.current);
  const floor = inputCell(R.floor);
  const target = inputCell(R.target);
  const body = plan.proposals.map((proposal, p) => {
    const r = rows[p]!;
    const at = (key: ProposalSheetKey) => c.cell(r, key);
    const uplift = perCode.ranges.get(p) ?? at("uplift");
    const topN = proposal.topN === null ? "" : at("topN");
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
      uplift: proposal.perCode === null && typeof proposal.uplift === "number" ? termCell("upliftFraction", r) : proposal.uplift, // prettier-ignore
      topN: proposal.topN === null ? null : termCell("topN", r),
      escalator: termCell("escalatorFraction", r),
      termYears: termCell("termYears", r),
      newRevenue: upliftFormula(plan.claims, uplift, topN),
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
    textLine(R.note, `${plan.negotiation === null ? "Yellow cells are inputs: the walk-away floor and the target, in dollars added in year 1." : `The walk-away floor and the target are those of the sheet "${plan.negotiation.sheetName}": change them there.`} Year 1 is PAYER.UPLIFT_SCENARIO over the contract's claim lines; each later year compounds the escalator on the year-1 revenue, rounded to the cent. Rebuild from the Negotiation tab to add a proposal.`, "note"), // prettier-ignore
    { row: R.inputsHeading, column: 0, cells: [["Inputs"]], numberFormat: text, style: "heading" },
    ...label(R.contract, "Contract", plan.contractName, text, "body"),
    ...positionCells(plan),
    ...label(R.current, "Current revenue", upliftFormula(plan.claims, "0", ""), money, "total"),
    { row: R.tableHeading, column: 0, cells: [["Proposals side by side: ours, then the payer's"]], numberFormat: text, style: "heading" }, // prettier-ignore
    { row: R.header, column: 0, cells: [c.headers()], numberFormat: text, style: "header" },
    { row: R.firstProposal, column: 0, cells: body, numberFormat: c.numberFormats(), style: "body" },
    ...perCode.blocks,
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
