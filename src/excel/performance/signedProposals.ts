/**
 * The signed proposal of each contract on the Contract Performance sheet (issue 15 item 3): its Accepted row of the
 * Proposals table with an Effective Date (the latest effective date when several are), its uplift read per code as
 * the Proposals sheet prices it (PROPOSAL_SCENARIOS; a top-N uplift ranks the contract's codes by current revenue in
 * the claims table, over the mapped amount column as the Proposals sheet does). A signed row that does not read, or
 * whose terms do not price, stops the build with the row named, rather than leaving its contract unmodeled.
 */
import {
  excelSerialOf,
  fail,
  ok,
  proposalScenario,
  registryKey,
  signedUpliftOf,
  type ProposalTerms,
  type Result,
} from "../../engine";
import type { ClaimsMapping } from "../claims/claimsMapping";
import type { TableCells } from "../claims/tableColumnsRead";
import type { ExcelGateway } from "../core/excelGateway";
import { PROPOSALS_SPEC } from "../negotiation/proposalTable";
import { registryIssueMessage } from "../registry/issues";
import { readRegistryTables } from "../registry/readRegistry";
import { parseTable, type TableData } from "../registry/tableSpec";
import type { PerformanceIssue } from "./performanceRequest";
import type { SignedRow } from "./signedLayout";

/** The table's cells as the build read them. */
/**
 * The signed proposals of the sheet's contracts (`keys`, in their order); none when the lines are grouped by payer
 * or the workbook has no Proposals table.
 */
export async function readSignedProposals(
  excel: ExcelGateway,
  request: { readonly mapping: ClaimsMapping; readonly cells: TableCells; readonly keys: readonly string[] },
): Promise<Result<SignedRow[], PerformanceIssue>> {
  const { mapping, cells, keys } = request;
  if (mapping.contractName === null) return ok([]);
  const read = await readRegistryTables(excel, () => [PROPOSALS_SPEC.title]);
  const data = read.tables.get(registryKey(PROPOSALS_SPEC.title));
  if (data === undefined) return ok([]);
  const parsed = parseTable(PROPOSALS_SPEC, data);
  const wanted = new Set(keys.map(registryKey));
  const ofSheet = (name: unknown) => typeof name === "string" && wanted.has(registryKey(name));
  const unread = new Set(parsed.rejected.filter((r) => ofSheet(r.cells.contractName)).map((r) => r.rowNumber));
  const problems = parsed.issues.filter((i) => "rowNumber" in i && unread.has(i.rowNumber));
  if (problems.length > 0) return fail({ code: "proposalsUnreadable", messages: problems.map(registryIssueMessage) });
  const latest = new Map<string, (typeof parsed.rows)[number]>();
  for (const row of parsed.rows) {
    if (row.status !== "accepted" || row.effectiveDate === null || !ofSheet(row.contractName)) continue;
    const key = registryKey(row.contractName);
    const earlier = latest.get(key);
    if (earlier === undefined || earlier.effectiveDate! <= row.effectiveDate) latest.set(key, row);
  }
  if (latest.size === 0) return ok([]);
  const named = [...latest.values()].flatMap((row) => (row.kind === "perCode" && row.perCodeRates !== null ? [row.perCodeRates.trim()] : [])); // prettier-ignore
  const tables = named.length === 0 ? new Map<string, TableData>() : (await readRegistryTables(excel, () => named)).tables; // prettier-ignore
  const tableRows = (name: string) => tables.get(registryKey(name))?.rows.map((row) => row.slice(0, 2)) ?? null;
  const signed: SignedRow[] = [];
  for (const key of keys) {
    const row = latest.get(registryKey(key));
    if (row === undefined) continue;
    const invalid = (issue: Extract<PerformanceIssue, { code: "signedProposalInvalid" }>["issue"]) =>
      fail<PerformanceIssue>({ code: "signedProposalInvalid", proposalName: row.proposalName, rowNumber: row.rowNumber, issue }); // prettier-ignore
    const terms: ProposalTerms = { ...row, termYears: row.termYears };
    const scenario = proposalScenario(terms, tableRows);
    if (!scenario.ok) return invalid(scenario.issue);
    const uplift = signedUpliftOf(scenario.value, rankingLines(cells, mapping, key));
    if (!uplift.ok) return invalid({ code: "uplift", issue: uplift.issue });
    const effectiveDay = excelSerialOf(row.effectiveDate!);
    signed.push({ key, proposalName: row.proposalName, effectiveDay, ...uplift.value, basis: { kind: "expected" } });
  }
  return ok(signed);
}

/** The contract's codes and amounts in the table (its contract cell equal to `key` in any case). */
function rankingLines(cells: TableCells, mapping: ClaimsMapping, key: string) {
  const at = (column: string | null) => (column === null ? [] : (cells.columns.get(column.toLowerCase()) ?? []));
  const [contract, code, amount] = [at(mapping.contractName), at(mapping.hcpcsCode), at(mapping.amount)];
  const rows: number[] = [];
  for (let r = 0; r < cells.rowCount; r++)
    if (registryKey(String(contract[r] ?? "")) === registryKey(key)) rows.push(r);
  return { codes: rows.map((r) => code[r] ?? null), amounts: rows.map((r) => amount[r] ?? null) };
}
