/**
 * Reads a claims table through its column mapping into the lines an uplift model covers: filtered by payer,
 * contract and service date, each cell checked (a code, an amount in dollars, a number of units) with the table
 * row named in the message when it is not.
 */
import type { HcpcsCode } from "../../engine";
import { parseIsoDate, readDateCell } from "../../engine";
import { fail, ok, type Result } from "../../engine";
import { createCentsReader, isBlankCell, MAX_LINE_CENTS, readHcpcsCodeCell, readQuantity } from "../../engine";
import { checkClaimsMapping, type ClaimsField, type ClaimsMapping } from "../claims/claimsMapping";
import type { ExcelGateway } from "../core/excelGateway";
import { readEachTime, readTableColumns, type TableColumnsReader } from "../claims/tableColumnsRead";
import type { ClaimLineFilters, UpliftModelIssue } from "./modelRequest";

/** The claim lines of a model, one entry per line in table order; money in whole cents. */
export interface ModelLines {
  readonly hcpcsCodes: readonly HcpcsCode[];
  readonly amountCents: readonly number[];
  /** Billed charge per line (null where blank); null when the model does not cap at billed. */
  readonly chargeCents: readonly (number | null)[] | null;
  /** Units per line (0 where blank); null when units are not mapped (volume is then the line count). */
  readonly units: readonly number[] | null;
  /** 1-based data row of each line in the claims table, for auditing. */
  readonly tableRows: readonly number[];
  /** Data rows of the table, before filtering. */
  readonly tableRowCount: number;
}

/** Whether row `index` passes a filter on a text column (compared trimmed, any case); no column, no filter. */
function isKept(values: readonly unknown[] | null, allowed: ReadonlySet<string>, index: number): boolean {
  return (
    values === null ||
    allowed.has(
      String(values[index] ?? "")
        .trim()
        .toLowerCase(),
    )
  );
}

/** The mapped fields a build reads; the filters add payer, contract and date when they are used. */
function fieldsToRead(filters: ClaimLineFilters, capAtBilled: boolean, mapping: ClaimsMapping): ClaimsField[] {
  const fields: ClaimsField[] = ["hcpcsCode", "amount"];
  if (mapping.units !== null) fields.push("units");
  if (capAtBilled) fields.push("chargeAmount");
  if ((filters.payers ?? []).length > 0) fields.push("payer");
  if ((filters.contractNames ?? []).length > 0) fields.push("contractName");
  if (filters.serviceDateFrom !== null || filters.serviceDateTo !== null) fields.push("serviceDate");
  return fields;
}

/**
 * Reads the claim lines a model covers. Rows whose code and amount are both blank are skipped (a table's empty
 * last row); a blank amount next to a code counts as 0 and blank units as 0, as SUMIFS counts them.
 */
export async function readClaimLines(
  excel: ExcelGateway,
  request: {
    readonly tableName: string;
    readonly mapping: ClaimsMapping;
    readonly filters: ClaimLineFilters;
    readonly capAtBilled: boolean;
    /** How the table is read; default: from Excel. */
    readonly read?: TableColumnsReader;
  },
): Promise<Result<ModelLines, UpliftModelIssue>> {
  const { tableName, mapping, filters, capAtBilled } = request;
  for (const date of [filters.serviceDateFrom, filters.serviceDateTo]) {
    if (date !== null && !parseIsoDate(date).ok) return fail({ code: "dateFilterInvalid", value: date });
  }
  if (capAtBilled && mapping.chargeAmount === null) return fail({ code: "capNeedsCharge" });
  const fields = fieldsToRead(filters, capAtBilled, mapping);
  const columnOf = (field: ClaimsField) => mapping[field] ?? "";
  const cells = await (request.read ?? readEachTime(excel))(tableName, fields.map(columnOf));
  if (cells === null) return fail({ code: "tableNotFound", tableName });
  const checked = checkClaimsMapping(tableName, mapping, cells.headers, fields);
  if (!checked.ok) return fail({ code: "mapping", issue: checked.issue });
  const column = (field: ClaimsField): unknown[] | null =>
    fields.includes(field) ? (cells.columns.get(columnOf(field).toLowerCase()) ?? null) : null;
  const codes = column("hcpcsCode") as unknown[];
  const amounts = column("amount") as unknown[];
  const units = column("units");
  const charges = column("chargeAmount");
  const payers = column("payer");
  const contracts = column("contractName");
  const dates = column("serviceDate");
  const keep = {
    payers: new Set((filters.payers ?? []).map((p) => p.trim().toLowerCase())),
    contracts: new Set((filters.contractNames ?? []).map((p) => p.trim().toLowerCase())),
  };
  const invalid = (row: number, field: ClaimsField, value: unknown, expected: string) =>
    fail<UpliftModelIssue>({
      code: "cellInvalid",
      tableName,
      row,
      column: columnOf(field),
      value: String(value).slice(0, 60),
      expected,
    });

  // Claims exports carry reversals as negative lines, for amounts and charges alike.
  const readAmount = createCentsReader({ sign: "signed", most: MAX_LINE_CENTS });
  const readCharge = createCentsReader({ sign: "signed", most: MAX_LINE_CENTS });
  const out = {
    hcpcsCodes: [] as HcpcsCode[],
    amountCents: [] as number[],
    chargeCents: charges === null ? null : ([] as (number | null)[]),
    units: units === null ? null : ([] as number[]),
    tableRows: [] as number[],
  };
  const codeCache = new Map<unknown, HcpcsCode | null>();
  for (let index = 0; index < cells.rowCount; index++) {
    const row = index + 1;
    if (!isKept(payers, keep.payers, index) || !isKept(contracts, keep.contracts, index)) continue;
    if (dates !== null) {
      const date = readDateCell(dates[index]);
      if (!date.ok)
        return invalid(row, "serviceDate", dates[index], "a date like 2025-01-31, 1/31/2025 or an Excel date");
      if (filters.serviceDateFrom !== null && date.value < filters.serviceDateFrom) continue;
      if (filters.serviceDateTo !== null && date.value > filters.serviceDateTo) continue;
    }
    const rawCode = codes[index];
    const amount = readAmount(amounts[index]);
    if (isBlankCell(rawCode)) {
      if (amount === "blank") continue;
      return invalid(row, "hcpcsCode", "", "a CPT/HCPCS code like 99213 (the row has an amount)");
    }
    let code = codeCache.get(rawCode);
    if (code === undefined) {
      const parsed = readHcpcsCodeCell(rawCode);
      code = parsed.ok ? parsed.value : null;
      codeCache.set(rawCode, code);
    }
    if (code === null)
      return invalid(row, "hcpcsCode", rawCode, "a CPT/HCPCS code of 5 characters like 99213 or J1100");
    if (typeof amount !== "number" && amount !== "blank") {
      return invalid(row, "amount", amounts[index], "an amount in dollars like 125.50");
    }
    if (units !== null && out.units !== null) {
      const read = readQuantity(units[index]);
      if (read === "malformed") return invalid(row, "units", units[index], "a number of units like 2");
      out.units.push(read === "blank" ? 0 : read);
    }
    if (charges !== null && out.chargeCents !== null) {
      const read = readCharge(charges[index]);
      if (typeof read !== "number" && read !== "blank") {
        return invalid(row, "chargeAmount", charges[index], "a billed charge in dollars like 250.00, or a blank cell");
      }
      out.chargeCents.push(read === "blank" ? null : read);
    }
    out.hcpcsCodes.push(code);
    out.amountCents.push(amount === "blank" ? 0 : amount);
    out.tableRows.push(row);
  }
  if (out.hcpcsCodes.length === 0) {
    const filtered = payers !== null || contracts !== null || dates !== null;
    return fail({ code: "noLines", tableName, filtered });
  }
  return ok({ ...out, tableRowCount: cells.rowCount });
}

/**
 * The distinct non-blank values of one column (payers, contracts), sorted, at most `limit` of them; null when the
 * workbook has no such table or column.
 */
export async function readDistinctValues(
  excel: ExcelGateway,
  tableName: string,
  columnName: string,
  limit = 500,
): Promise<string[] | null> {
  const cells = await readTableColumns(excel, tableName, [columnName]);
  const values = cells?.columns.get(columnName.toLowerCase());
  if (values === undefined) return null;
  const distinct = new Map<string, string>();
  for (const value of values) {
    const text = String(value ?? "").trim();
    if (text !== "" && !distinct.has(text.toLowerCase())) distinct.set(text.toLowerCase(), text);
    if (distinct.size >= limit) break;
  }
  return [...distinct.values()].sort((a, b) => a.localeCompare(b));
}
