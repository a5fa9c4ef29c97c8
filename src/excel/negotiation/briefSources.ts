/**
 * Where the figures the executive brief and the Proposals sheet refer to sit on a contract's Negotiation and
 * Objections sheets. The addresses are those layouts' own (one source of truth): their positions, figures and
 * counterpoints sit at fixed rows whatever the contract, its claims or its inputs, so the layout of a placeholder
 * plan gives them.
 */
import { DEFAULT_NEGOTIATION_INPUTS } from "./negotiationSheetIssues";
import { layoutNegotiationSheet, type NegotiationSheetLayout } from "./negotiationSheetLayout";
import { layoutObjectionSheet, type ObjectionSheetLayout } from "./objectionSheetLayout";

/** The Negotiation sheet's cells of the positions and figures (A1 addresses without $). */
export type NegotiationCells = Pick<NegotiationSheetLayout, "positions" | "figures">;

let cells: NegotiationCells | null = null;

/** The cells of every Negotiation sheet's positions and figures. */
export function negotiationCells(): NegotiationCells {
  if (cells !== null) return cells;
  // Only the addresses are kept: none depends on these placeholders (the by-code rows, which do, follow them).
  const claims = { tableName: "Claims", contractHeader: "Contract", codeHeader: "Code", amountHeader: "Amount", unitsHeader: null }; // prettier-ignore
  const plan = { contractName: "", claims, codes: [], inputs: DEFAULT_NEGOTIATION_INPUTS, market: false, terms: "", asOf: "" }; // prettier-ignore
  const { positions, figures } = layoutNegotiationSheet(plan);
  cells = { positions, figures };
  return cells;
}

/** The Objections sheet's counterpoint cells (A1 addresses without $). */
export type ObjectionCells = ObjectionSheetLayout["counterpoints"];

let counterpoints: ObjectionCells | null = null;

/** The cells of every Objections sheet's counterpoints. */
export function objectionCells(): ObjectionCells {
  if (counterpoints !== null) return counterpoints;
  const claims = { tableName: "Claims", contractHeader: "Contract", codeHeader: "Code", amountHeader: "Amount", unitsHeader: null }; // prettier-ignore
  counterpoints = layoutObjectionSheet({ contractName: "", claims, codes: [], market: false, reviewFlagHeader: null, asOf: "" }).counterpoints; // prettier-ignore
  return counterpoints;
}
