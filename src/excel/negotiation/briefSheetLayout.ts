/**
 * The executive brief of one negotiation (issue 17 item 6): one landscape page that an executive without the add-in
 * can read, print and share. Every figure is a plain reference to, or arithmetic over, the cells of the contract's
 * Negotiation and Proposals sheets (no PAYER function), so an input changed on either sheet moves the brief too: the
 * ask (opening offer), target, floor and the payer's likely maximum in $ and %, the best payer proposal, the BATNA,
 * the zone of agreement in words, and the latest proposals of each side with their year-1 and term dollars against
 * the floor; the payer's likely objections with our counterpoints (from the Objections sheet, once built); a chart of
 * the positions, and the print settings of one page.
 *
 * The zone's words show dollars as "$" & TEXT(x, "0.00"): Excel and the simulator's engine agree on that format but
 * not on thousands separators in TEXT.
 */
import { OBJECTION_KEYS, OBJECTIONS, PROPOSAL_PARTIES, type ObjectionKey } from "../../engine";
import { NUMBER_FORMATS } from "../core/numberFormats";
import { placeColumns } from "../core/columnLetters";
import { textLine, type PlanBlock, type PlanCell } from "../core/sheetBlocks";
import type { NegotiationCells, ObjectionCells } from "./briefSources";
import type { NegotiationPositionKey } from "./negotiationSheetLayout";
import { onSheet, PROPOSAL_COLUMNS } from "./proposalSheetLayout";

const { money, percent, text, general } = NUMBER_FORMATS;
/** How the Proposals sheet writes the payer's party. */
const PAYER = PROPOSAL_PARTIES.payer.label;

/** A proposal row of the Proposals sheet the brief shows: its 1-based row there. */
export interface BriefProposal {
  readonly row: number;
}

/** What the brief is built from: the two sheets' names and where their figures are. */
export interface BriefSheetPlan {
  readonly contractName: string;
  readonly negotiationSheet: string;
  readonly negotiation: NegotiationCells;
  readonly proposalSheet: string;
  /** Every proposal row of the Proposals sheet, 1-based (the best payer proposal is taken over all of them). */
  readonly proposalRows: { readonly first: number; readonly last: number } | null;
  /** The rows shown side by side, in order (ours, then the payer's). */
  readonly shown: readonly BriefProposal[];
  /** The contract's Objections sheet and its counterpoint cells; null while it is not built. */
  readonly objections: { readonly sheetName: string; readonly counterpoints: ObjectionCells } | null;
  readonly asOf: string;
}

/** A position row of the brief, in its order: the chart plots all but the BATNA. */
export const BRIEF_POSITIONS = ["opening", "target", "floor", "payerMax", "bestPayer", "batna"] as const;
export type BriefPosition = (typeof BRIEF_POSITIONS)[number];

const POSITION_LABELS = {
  opening: "The ask: our opening offer",
  target: "Target",
  floor: "Walk-away floor",
  payerMax: "Payer's likely maximum",
  bestPayer: "Best payer proposal so far (year 1)",
  batna: "BATNA: no contract",
} as const satisfies Record<BriefPosition, string>;

/** The positions table's columns; the proposals table below shares them. */
const POSITION_COLUMNS = placeColumns<"label" | "added" | "fraction" | "revenue">([
  { key: "label", header: "Position", numberFormat: text, width: 230 },
  { key: "added", header: "Added revenue per year", numberFormat: money, width: 120 },
  { key: "fraction", header: "% of current revenue", numberFormat: percent, width: 110 },
  { key: "revenue", header: "Revenue per year", numberFormat: money, width: 120 },
]);

type ProposalColumn = "proposal" | "party" | "year1" | "term" | "toFloor" | "verdict";
const SHOWN_COLUMNS = placeColumns<ProposalColumn>([
  { key: "proposal", header: "Proposal", numberFormat: general, width: 230 },
  { key: "party", header: "Party", numberFormat: general, width: 120 },
  { key: "year1", header: "Added in year 1", numberFormat: money, width: 110 },
  { key: "term", header: "Added over the term", numberFormat: money, width: 120 },
  { key: "toFloor", header: "Year 1 vs floor", numberFormat: money, width: 100 },
  { key: "verdict", header: "Result", numberFormat: general, width: 100 },
]);

/** Row indexes (0-based) of the brief's fixed parts; the proposals follow their header. */
export const BRIEF_ROWS = {
  title: 0, subtitle: 1, note: 2, positionsHeading: 4, positionsHeader: 5, firstPosition: 6,
  zopaHeading: 13, zopaWords: 14, current: 15, batnaRevenue: 16, atRisk: 17,
  proposalsHeading: 19, proposalsHeader: 20, firstProposal: 21,
  // After the most proposals shown (each side's latest three), so the evidence keeps its rows.
  evidenceHeading: 28, evidenceHeader: 29, firstEvidence: 30,
} as const; // prettier-ignore

/** The brief's cells, its chart and print settings. */
export interface BriefSheetLayout {
  readonly blocks: readonly PlanBlock[];
  /** A1 addresses of each position's cells and of the figures (tests and the pane read them). */
  readonly positions: Readonly<Record<BriefPosition, { readonly added: string; readonly fraction: string; readonly revenue: string }>>; // prettier-ignore
  readonly figures: Readonly<Record<"zopaWords" | "current" | "batnaRevenue" | "atRisk", string>>;
  /** 1-based rows of the proposals shown, and the columns they sit in. */
  readonly proposalRows: readonly number[];
  readonly proposalColumns: typeof SHOWN_COLUMNS;
  /** Each objection's counterpoint cell on the brief; null while the Objections sheet is not built. */
  readonly evidence: Readonly<Record<ObjectionKey, string>> | null;
  readonly chart: { readonly source: string; readonly title: string; readonly topLeft: string; readonly bottomRight: string }; // prettier-ignore
  readonly print: { readonly area: string; readonly titleRows: string };
  readonly columnWidths: readonly number[];
}

const A1 = (row: number) => row + 1;
/** "B24" as "$B$24": the cell stays itself wherever the brief's formula is copied. */
const absolute = (address: string) => address.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
const dollars = (cell: string) => `"$"&TEXT(${cell},"0.00")`;

/** The payer's best year-1 offer over every proposal row of the Proposals sheet; blank while it has made none. */
function bestPayerFormula(plan: BriefSheetPlan): string {
  const all = plan.proposalRows;
  if (all === null) return `=""`;
  const over = (key: "party" | "added") => onSheet(plan.proposalSheet, PROPOSAL_COLUMNS.range(key, all.first, all.last, "absolute")); // prettier-ignore
  return `=IF(COUNTIF(${over("party")},"${PAYER}")=0,"",MAXIFS(${over("added")},${over("party")},"${PAYER}"))`;
}

/**
 * The evidence: each objection the payer may raise and our counterpoint, referred from the contract's Objections
 * sheet (its sentences follow its figures); a line saying how to get them while that sheet is not built.
 */
function evidenceBlocks(plan: BriefSheetPlan) {
  const R = BRIEF_ROWS;
  const heading: PlanBlock = { row: R.evidenceHeading, column: 0, cells: [["The evidence: their objections, our answers"]], numberFormat: text, style: "heading" }; // prettier-ignore
  const { objections } = plan;
  if (objections === null) {
    const note = textLine(R.evidenceHeader, "Build the Objections sheet from the Negotiation tab to show the evidence here.", "note"); // prettier-ignore
    return { blocks: [heading, note], cells: null, lastRow: A1(R.evidenceHeader) };
  }
  const rows = OBJECTION_KEYS.map((key) => {
    return [OBJECTIONS[key].objection, `=${onSheet(objections.sheetName, absolute(objections.counterpoints[key]))}`];
  });
  const blocks: PlanBlock[] = [
    heading,
    { row: R.evidenceHeader, column: 0, cells: [["The payer says", `Our answer (sheet "${objections.sheetName}")`]], numberFormat: text, style: "header" }, // prettier-ignore
    { row: R.firstEvidence, column: 0, cells: rows, numberFormat: [text, general], style: "body" },
  ];
  const cells = Object.fromEntries(OBJECTION_KEYS.map((key, i) => [key, `B${A1(R.firstEvidence + i)}`])) as Record<ObjectionKey, string>; // prettier-ignore
  return { blocks, cells, lastRow: A1(R.firstEvidence + OBJECTION_KEYS.length - 1) };
}

/** Lays the brief out for `plan`. */
export function layoutBriefSheet(plan: BriefSheetPlan): BriefSheetLayout {
  const R = BRIEF_ROWS;
  const neg = (address: string) => onSheet(plan.negotiationSheet, absolute(address));
  const prop = (address: string) => onSheet(plan.proposalSheet, address);
  const { positions, figures } = plan.negotiation;
  const current = `$B$${A1(R.current)}`;
  const positionRow = (key: BriefPosition) => R.firstPosition + BRIEF_POSITIONS.indexOf(key);
  const at = (key: BriefPosition, column: "added" | "fraction" | "revenue") => POSITION_COLUMNS.cell(A1(positionRow(key)), column); // prettier-ignore

  const P = PROPOSAL_COLUMNS;
  const bestPayer = bestPayerFormula(plan);
  const fromNegotiation = (key: NegotiationPositionKey) => (["added", "fraction", "revenue"] as const).map((column) => `=${neg(positions[key][column])}`); // prettier-ignore
  const referred: Record<BriefPosition, PlanCell[]> = {
    opening: fromNegotiation("opening"),
    target: fromNegotiation("target"),
    floor: fromNegotiation("floor"),
    payerMax: fromNegotiation("payerMax"),
    bestPayer: [
      bestPayer,
      `=IF(OR(${at("bestPayer", "added")}="",${current}=0),"",${at("bestPayer", "added")}/${current})`,
      `=IF(${at("bestPayer", "added")}="","",ROUND(${current}+${at("bestPayer", "added")},2))`,
    ],
    batna: fromNegotiation("batna"),
  };
  const positionRows = BRIEF_POSITIONS.map((key) => [POSITION_LABELS[key], ...referred[key]]);

  const low = neg(figures.zopaLow);
  const high = neg(figures.zopaHigh);
  const zopaWords = `=IF(${high}<${low},"No zone: the payer's likely maximum ("&${dollars(high)}&") is below our walk-away point ("&${dollars(low)}&")","Zone of agreement: "&${dollars(low)}&" to "&${dollars(high)}&" added per year")`; // prettier-ignore

  const proposalRows = plan.shown.map((_, i) => A1(R.firstProposal + i));
  const shown = plan.shown.map(({ row }) =>
    SHOWN_COLUMNS.row<PlanCell>({
      proposal: `=${prop(P.cell(row, "proposal", "absolute"))}`,
      party: `=${prop(P.cell(row, "party", "absolute"))}`,
      year1: `=${prop(P.cell(row, "added", "absolute"))}`,
      term: `=${prop(P.cell(row, "termAdded", "absolute"))}`,
      toFloor: `=${prop(P.cell(row, "toFloor", "absolute"))}`,
      verdict: `=${prop(P.cell(row, "verdict", "absolute"))}`,
    }),
  );
  const figureLine = (row: number, words: string, address: string): PlanBlock[] => [
    { row, column: 0, cells: [[words]], numberFormat: text, style: "body" },
    { row, column: 1, cells: [[`=${neg(address)}`]], numberFormat: money, style: "body" },
  ];
  const heading = (row: number, words: string): PlanBlock => ({ row, column: 0, cells: [[words]], numberFormat: text, style: "heading" }); // prettier-ignore
  const lastRow = A1(R.firstProposal + Math.max(plan.shown.length, 1) - 1);

  const blocks: PlanBlock[] = [
    textLine(R.title, `Executive brief: ${plan.contractName}`, "title"),
    textLine(R.subtitle, `Figures from the sheets "${plan.negotiationSheet}" and "${plan.proposalSheet}"; built ${plan.asOf}.`, "subtitle"), // prettier-ignore
    textLine(R.note, `Every figure is a formula over those ${plan.objections === null ? "two sheets" : `sheets and "${plan.objections.sheetName}"`}: change an input there and this page follows. Added revenue is per year over today's revenue.`, "note"), // prettier-ignore
    heading(R.positionsHeading, "The ask, our positions and the payer's"),
    { row: R.positionsHeader, column: 0, cells: [POSITION_COLUMNS.headers()], numberFormat: text, style: "header" },
    { row: R.firstPosition, column: 0, cells: positionRows, numberFormat: POSITION_COLUMNS.numberFormats(), style: "body" }, // prettier-ignore
    heading(R.zopaHeading, "Zone of agreement"),
    { row: R.zopaWords, column: 0, cells: [[zopaWords]], numberFormat: general, style: "total" },
    ...figureLine(R.current, "Current revenue per year", figures.current),
    ...figureLine(R.batnaRevenue, "Revenue without the contract (BATNA)", figures.batnaRevenue),
    ...figureLine(R.atRisk, "Revenue at risk if the contract terminates", figures.atRisk),
    heading(R.proposalsHeading, "Latest proposals side by side: ours, then the payer's"),
    { row: R.proposalsHeader, column: 0, cells: [SHOWN_COLUMNS.headers()], numberFormat: text, style: "header" },
    plan.shown.length === 0
      ? { row: R.firstProposal, column: 0, cells: [["No proposal on the Proposals sheet yet."]], numberFormat: text, style: "note" } // prettier-ignore
      : { row: R.firstProposal, column: 0, cells: shown, numberFormat: SHOWN_COLUMNS.numberFormats(), style: "body" },
  ];
  const evidence = evidenceBlocks(plan);
  blocks.push(...evidence.blocks);
  const cellB = (row: number) => `B${A1(row)}`;
  return {
    blocks,
    positions: Object.fromEntries(BRIEF_POSITIONS.map((key) => [key, { added: at(key, "added"), fraction: at(key, "fraction"), revenue: at(key, "revenue") }])) as BriefSheetLayout["positions"], // prettier-ignore
    figures: { zopaWords: `A${A1(R.zopaWords)}`, current: cellB(R.current), batnaRevenue: cellB(R.batnaRevenue), atRisk: cellB(R.atRisk) }, // prettier-ignore
    proposalRows,
    proposalColumns: SHOWN_COLUMNS,
    chart: {
      source: POSITION_COLUMNS.span("label", "added", A1(R.positionsHeader), A1(positionRow("bestPayer"))),
      title: `${plan.contractName}: added revenue per year at each position`,
      topLeft: `G${A1(R.positionsHeading)}`,
      bottomRight: `M${A1(R.atRisk)}`,
    },
    evidence: evidence.cells,
    print: { area: `A1:M${Math.max(lastRow, A1(R.atRisk), evidence.lastRow)}`, titleRows: "$1:$2" },
    columnWidths: POSITION_COLUMNS.widths().map((width, c) => Math.max(width, SHOWN_COLUMNS.widths()[c] ?? 0)),
  };
}
