/**
 * The Proposals rows of a contract as the Proposals sheet shows them: in the sheet's order (ours first, then the
 * payer's, each by date, then by name), and each row's cells, with the uplift cell of its kind (one entry per kind).
 */
import { conversionFactorFraction, DEFAULT_UPLIFT_CODE, proposalScenario, readUpliftRates } from "../../engine";
import type { UpliftTableRows } from "../../engine";
import type { ProposalKind, ProposalParty } from "../../engine";
import type { ParsedRow } from "../registry/tableSpec";
import { termsText, type SheetProposal } from "./proposalSheetLayout";
import type { PROPOSALS_SPEC } from "./proposalTable";

/** A Proposals row as read. */
export type ProposalTableRow = ParsedRow<typeof PROPOSALS_SPEC.columns>;

const PARTY_ORDER = { ours: 0, payer: 1 } as const satisfies Record<ProposalParty, number>;

/** Ours first, then the payer's; each by date, then by name. */
export function sortedForSheet(rows: readonly ProposalTableRow[]): ProposalTableRow[] {
  return [...rows].sort(
    (a, b) =>
      PARTY_ORDER[a.party] - PARTY_ORDER[b.party] ||
      a.date.localeCompare(b.date) ||
      a.proposalName.localeCompare(b.proposalName),
  );
}

type UpliftCells = Pick<SheetProposal, "uplift" | "perCode">;

/**
 * Per-code rows as the sheet's block holds them: each code as the claims hold it (the engine's reading: 110 is
 * "00110"), its fraction, and the `*` row last. The row was priced first, so its rates read.
 */
function perCodeRows(row: ProposalTableRow, tableRows: UpliftTableRows): SheetProposal["perCode"] {
  const scenario = proposalScenario(row, tableRows);
  const rates = scenario.ok ? readUpliftRates(scenario.value.uplift) : null;
  if (rates === null || !rates.ok) return [];
  const { byCode, defaultFraction } = rates.value;
  const fallback = defaultFraction === null ? [] : [[DEFAULT_UPLIFT_CODE, defaultFraction.toNumber()] as const];
  return [...[...byCode].map(([code, fraction]) => [code, fraction.toNumber()] as const), ...fallback];
}

/** The uplift cell of each kind: the fraction, the exact percent text of a CF change, or a per-code block. */
const UPLIFT_CELLS = {
  acrossTheBoard: (row) => ({ uplift: row.upliftFraction?.toNumber() ?? null, perCode: null }),
  topN: (row) => ({ uplift: row.upliftFraction?.toNumber() ?? null, perCode: null }),
  perCode: (row, tableRows) => ({ uplift: null, perCode: perCodeRows(row, tableRows) }),
  conversionFactor: (row) => {
    const { oldConversionFactor: oldCf, newConversionFactor: newCf } = row;
    const fraction = oldCf === null || newCf === null || oldCf.isZero() ? null : conversionFactorFraction(oldCf, newCf);
    return { uplift: fraction?.toNumber() ?? null, perCode: null };
  },
} satisfies Record<ProposalKind, (row: ProposalTableRow, tableRows: UpliftTableRows) => UpliftCells>;

/** A priced row's cells on the sheet. */
export function sheetProposalOf(row: ProposalTableRow, tableRows: UpliftTableRows): SheetProposal {
  return {
    party: row.party,
    proposalName: row.proposalName,
    date: row.date,
    kind: row.kind,
    terms: termsText(row.kind, row),
    status: row.status,
    ...UPLIFT_CELLS[row.kind](row, tableRows),
    topN: row.kind === "topN" ? row.topN : null,
    escalator: row.escalatorFraction?.toNumber() ?? 0,
    termYears: row.termYears,
  };
}
