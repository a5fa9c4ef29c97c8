/**
 * The claims of one contract as the Negotiation sheet's SUMIFS see them (issue 17 item 1): the rows whose contract cell
 * equals the contract's name whole and in any case (as SUMIFS with an "=" criterion matches text), grouped by code with
 * their volume (units, or lines without a units column) and revenue in cents. Only the contract's rows are checked,
 * and a cell that does not read names its table row, column and what was expected.
 */
import {
  createCentsReader,
  fail,
  isBlankCell,
  MAX_LINE_CENTS,
  ok,
  readHcpcsCodeCell,
  readQuantity,
  type Result,
} from "../../engine";
import { checkClaimsMapping, type ClaimsField, type ClaimsMapping } from "../claims/claimsMapping";
import { readTableColumns } from "../claims/tableColumnsRead";
import type { ExcelGateway } from "../core/excelGateway";
import type { NegotiationSheetIssue } from "./negotiationSheetIssues";

/** One code of the contract's claims: its volume and current revenue. */
export interface ContractCodeVolume {
  readonly hcpcsCode: string;
  readonly volume: number;
  readonly currentCents: number;
}

/** The contract's claims by code, highest revenue first (ties by code). */
export interface ContractClaims {
  readonly codes: readonly ContractCodeVolume[];
  readonly lineCount: number;
}

/** Reads the claims of `contractName` from the mapped columns of the table. */
export async function readContractClaims(
  excel: ExcelGateway,
  request: { readonly tableName: string; readonly mapping: ClaimsMapping; readonly contractName: string },
): Promise<Result<ContractClaims, NegotiationSheetIssue>> {
  const { tableName, mapping } = request;
  const fields: ClaimsField[] = ["contractName", "hcpcsCode", "amount", ...(mapping.units === null ? [] : ["units" as const])]; // prettier-ignore
  const columnOf = (field: ClaimsField) => mapping[field] ?? "";
  const cells = await readTableColumns(excel, tableName, fields.map(columnOf));
  if (cells === null) return fail({ code: "noClaimsTable", tableName });
  const checked = checkClaimsMapping(tableName, mapping, cells.headers, fields);
  if (!checked.ok) return fail({ code: "mapping", issue: checked.issue });
  const column = (field: ClaimsField) => cells.columns.get(columnOf(field).toLowerCase()) ?? [];
  const [contracts, codes, amounts, units] = [column("contractName"), column("hcpcsCode"), column("amount"), mapping.units === null ? null : column("units")]; // prettier-ignore
  const wanted = request.contractName.toLowerCase();
  const readAmount = createCentsReader({ sign: "signed", most: MAX_LINE_CENTS });
  const invalid = (row: number, field: ClaimsField, value: unknown, expected: string) =>
    fail<NegotiationSheetIssue>({ code: "cellInvalid", tableName, row, column: columnOf(field), value: String(value).slice(0, 60), expected }); // prettier-ignore
  const byCode = new Map<string, { volume: number; currentCents: number }>();
  let lineCount = 0;
  for (let index = 0; index < cells.rowCount; index++) {
    if (String(contracts[index] ?? "").toLowerCase() !== wanted) continue;
    const row = index + 1;
    const amount = readAmount(amounts[index]);
    if (isBlankCell(codes[index])) {
      if (amount === "blank") continue;
      return invalid(row, "hcpcsCode", "", "a CPT/HCPCS code like 99213 (the row has an amount)");
    }
    const code = readHcpcsCodeCell(codes[index]);
    if (!code.ok) return invalid(row, "hcpcsCode", codes[index], "a CPT/HCPCS code of 5 characters like 99213");
    if (typeof amount !== "number" && amount !== "blank")
      return invalid(row, "amount", amounts[index], "an amount in dollars like 125.50");
    let quantity = 1;
    if (units !== null) {
      const read = readQuantity(units[index]);
      if (read === "malformed") return invalid(row, "units", units[index], "a number of units like 2");
      quantity = read === "blank" ? 0 : read;
    }
    const entry = byCode.get(code.value) ?? { volume: 0, currentCents: 0 };
    entry.volume += quantity;
    entry.currentCents += amount === "blank" ? 0 : amount;
    byCode.set(code.value, entry);
    lineCount += 1;
  }
  if (lineCount === 0)
    return fail({ code: "noClaims", contractName: request.contractName, tableName, column: columnOf("contractName") });
  const list = [...byCode].map(([hcpcsCode, entry]) => ({ hcpcsCode, ...entry }));
  list.sort((a, b) => b.currentCents - a.currentCents || (a.hcpcsCode < b.hcpcsCode ? -1 : 1));
  return ok({ codes: list, lineCount });
}
