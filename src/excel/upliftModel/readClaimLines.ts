/**
 * Reads a claims table through its column mapping into the lines an uplift model covers: filtered by payer,
 * contract and service date, each cell checked (a code, an amount in dollars, a number of units) with the table
 * row named in the message when it is not.
 *
 * A model ranks one kind of code (`UPLIFT_CODES`). On a hospital table (its mapping gives Type of Bill) the kind
 * picks the side, as the variance review reads it: by MS-DRG over inpatient stays, each stay ONE entry (a stay is
 * priced and paid as a whole: its amount is the Claim Allowed Amount, else the sum of its lines' amounts, and its
 * charge the Total Charge Amount, else the sum of its line charges), or by HCPCS or revenue code over outpatient
 * lines (ranking by HCPCS leaves out the lines without one, and says how many).
 */
import type { HcpcsCode, InstitutionalSide, UpliftCode, UpliftCodeKind, UpliftCodeOf } from "../../engine";
import { parseIsoDate, readDateCell, UPLIFT_CODE_KINDS, UPLIFT_CODES } from "../../engine";
import { fail, ok, type Result } from "../../engine";
import { createCentsReader, isBlankCell, MAX_LINE_CENTS, readQuantity } from "../../engine";
import { checkClaimsMapping, type ClaimsField, type ClaimsMapping } from "../claims/claimsMapping";
import type { ExcelGateway } from "../core/excelGateway";
import { readEachTime, readTableColumns, type TableColumnsReader } from "../claims/tableColumnsRead";
import { institutionalSideOf, isInstitutionalMapping } from "../varianceReview/readInstitutionalLines";
import type { ClaimLineFilters, UpliftModelIssue } from "./modelRequest";

/** The claims column each kind of code is read from, and the side of a hospital table it ranks. */
const MODEL_CODES = {
  hcpcs: { field: "hcpcsCode", side: "outpatient" },
  drg: { field: "msDrg", side: "inpatient" },
  revenueCode: { field: "revenueCode", side: "outpatient" },
} as const satisfies Record<UpliftCodeKind, { field: ClaimsField; side: InstitutionalSide }>;

/** A kind of code a model of a table can rank by, and what it covers: "MS-DRG (inpatient stays)". */
export interface ModelCodeChoice {
  readonly codeKind: UpliftCodeKind;
  readonly label: string;
}

/**
 * The kinds of code a model of a table mapped so can rank by: HCPCS codes, and on a hospital table (module comment)
 * each kind whose column is mapped, named with the side and what one entry is.
 */
export function modelCodeChoices(mapping: ClaimsMapping): ModelCodeChoice[] {
  if (!isInstitutionalMapping(mapping)) return [{ codeKind: "hcpcs", label: UPLIFT_CODES.hcpcs.label }];
  return UPLIFT_CODE_KINDS.filter((kind) => mapping[MODEL_CODES[kind].field] !== null).map((codeKind) => {
    const { label, unit } = UPLIFT_CODES[codeKind];
    return { codeKind, label: `${label} (${MODEL_CODES[codeKind].side} ${unit}s)` };
  });
}

/**
 * The claim lines (or, by MS-DRG, the stays) of a model, one entry each in table order; money in whole cents.
 * `C` is the kind's code (HCPCS unless the model ranks by another kind).
 */
export interface ModelLines<C extends UpliftCode = HcpcsCode> {
  /** What `hcpcsCodes` holds: HCPCS codes, or the stays' MS-DRGs, or revenue codes. */
  readonly codeKind: UpliftCodeKind;
  /** Each entry's code, of `codeKind`. */
  readonly hcpcsCodes: readonly C[];
  readonly amountCents: readonly number[];
  /** Billed charge per line (null where blank); null when the model does not cap at billed. */
  readonly chargeCents: readonly (number | null)[] | null;
  /** Units per line (0 where blank); null when units are not mapped (volume is then the line count). */
  readonly units: readonly number[] | null;
  /** 1-based data row of each line (a stay's first line) in the claims table, for auditing. */
  readonly tableRows: readonly number[];
  /** Data rows of the table, before filtering. */
  readonly tableRowCount: number;
  /** Outpatient lines of a hospital table left out of a ranking by HCPCS code because they have none. */
  readonly withoutCode: number;
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
function fieldsToRead(
  filters: ClaimLineFilters,
  capAtBilled: boolean,
  mapping: ClaimsMapping,
  codeKind: UpliftCodeKind,
): ClaimsField[] {
  const fields: ClaimsField[] = [MODEL_CODES[codeKind].field, "amount"];
  const byStay = UPLIFT_CODES[codeKind].unit === "stay";
  if (mapping.units !== null && !byStay) fields.push("units");
  if (capAtBilled) fields.push("chargeAmount");
  if (isInstitutionalMapping(mapping)) {
    fields.push("typeOfBill");
    // A blank type of bill is a stay's line when it has an MS-DRG (the review's rule).
    if (mapping.msDrg !== null && !fields.includes("msDrg")) fields.push("msDrg");
  }
  if (byStay) {
    for (const field of ["claimId", "claimAllowedAmount"] as const) if (mapping[field] !== null) fields.push(field);
    if (capAtBilled && mapping.totalChargeAmount !== null) fields.push("totalChargeAmount");
  }
  if ((filters.payers ?? []).length > 0) fields.push("payer");
  if ((filters.contractNames ?? []).length > 0) fields.push("contractName");
  if (filters.serviceDateFrom !== null || filters.serviceDateTo !== null) fields.push("serviceDate");
  return fields;
}

/**
 * Reads the claim lines a model covers. Rows whose code and amount are both blank are skipped (a table's empty
 * last row); a blank amount next to a code counts as 0 and blank units as 0, as SUMIFS counts them.
 */
export async function readClaimLines<K extends UpliftCodeKind = "hcpcs">(
  excel: ExcelGateway,
  request: {
    readonly tableName: string;
    readonly mapping: ClaimsMapping;
    readonly filters: ClaimLineFilters;
    readonly capAtBilled: boolean;
    /** The kind of code the model ranks; default HCPCS. */
    readonly codeKind?: K;
    /** How the table is read; default: from Excel. */
    readonly read?: TableColumnsReader;
  },
): Promise<Result<ModelLines<UpliftCodeOf[K]>, UpliftModelIssue>> {
  const { tableName, mapping, filters, capAtBilled } = request;
  const codeKind: UpliftCodeKind = request.codeKind ?? "hcpcs";
  const code = UPLIFT_CODES[codeKind];
  const codeField = MODEL_CODES[codeKind].field;
  const institutional = isInstitutionalMapping(mapping);
  for (const date of [filters.serviceDateFrom, filters.serviceDateTo]) {
    if (date !== null && !parseIsoDate(date).ok) return fail({ code: "dateFilterInvalid", value: date });
  }
  if (capAtBilled && mapping.chargeAmount === null) return fail({ code: "capNeedsCharge" });
  const fields = fieldsToRead(filters, capAtBilled, mapping, codeKind);
  const columnOf = (field: ClaimsField) => mapping[field] ?? "";
  const cells = await (request.read ?? readEachTime(excel))(tableName, fields.map(columnOf));
  if (cells === null) return fail({ code: "tableNotFound", tableName });
  const checked = checkClaimsMapping(tableName, mapping, cells.headers, fields);
  if (!checked.ok) return fail({ code: "mapping", issue: checked.issue });
  const column = (field: ClaimsField): unknown[] | null =>
    fields.includes(field) ? (cells.columns.get(columnOf(field).toLowerCase()) ?? null) : null;
  const codes = column(codeField) as unknown[];
  const billTypes = column("typeOfBill");
  const drgs = column("msDrg");
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
    hcpcsCodes: [] as UpliftCode[],
    amountCents: [] as number[],
    chargeCents: charges === null ? null : ([] as (number | null)[]),
    units: units === null ? null : ([] as number[]),
    tableRows: [] as number[],
  };
  const codeCache = new Map<unknown, UpliftCode | null>();
  let withoutCode = 0;
  for (let index = 0; index < cells.rowCount; index++) {
    const row = index + 1;
    if (!isKept(payers, keep.payers, index) || !isKept(contracts, keep.contracts, index)) continue;
    if (institutional && institutionalSideOf(billTypes?.[index], drgs?.[index]) !== MODEL_CODES[codeKind].side) {
      continue;
    }
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
      // A hospital's outpatient line priced by revenue code alone has no HCPCS code to rank it by.
      if (institutional && codeKind === "hcpcs") {
        withoutCode++;
        continue;
      }
      return invalid(row, codeField, "", `${code.name} of ${code.expected} (the row has an amount)`);
    }
    let lineCode = codeCache.get(rawCode);
    if (lineCode === undefined) {
      const parsed = code.read(rawCode);
      lineCode = parsed.ok ? parsed.value : null;
      codeCache.set(rawCode, lineCode);
    }
    if (lineCode === null) return invalid(row, codeField, rawCode, `${code.name} of ${code.expected}`);
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
    out.hcpcsCodes.push(lineCode);
    out.amountCents.push(amount === "blank" ? 0 : amount);
    out.tableRows.push(row);
  }
  if (out.hcpcsCodes.length === 0) {
    const filtered = payers !== null || contracts !== null || dates !== null;
    return fail({ code: "noLines", tableName, filtered });
  }
  const read = { ...out, codeKind, tableRowCount: cells.rowCount, withoutCode };
  const lines = code.unit === "stay" ? stays(read, column, readAmount, invalid) : ok(read);
  if (!lines.ok) return lines;
  // The codes were read by the reader of `codeKind`, which is K's.
  return ok(lines.value as ModelLines<UpliftCodeOf[K]>);
}

/**
 * The stays of a table's inpatient lines (module comment): one entry per claim id (a row of its own without one),
 * at the stay's first line, whose DRG, Claim Allowed Amount and Total Charge Amount are the stay's.
 */
function stays(
  lines: ModelLines<UpliftCode>,
  column: (field: ClaimsField) => unknown[] | null,
  readAmount: ReturnType<typeof createCentsReader>,
  invalid: (row: number, field: ClaimsField, value: unknown, expected: string) => Result<never, UpliftModelIssue>,
): Result<ModelLines<UpliftCode>, UpliftModelIssue> {
  const claimIds = column("claimId");
  const claimAllowed = column("claimAllowedAmount");
  const totalCharges = column("totalChargeAmount");
  const at = new Map<string, number>();
  const out = {
    hcpcsCodes: [] as UpliftCode[],
    amountCents: [] as number[],
    chargeCents: lines.chargeCents === null ? null : ([] as (number | null)[]),
    tableRows: [] as number[],
  };
  for (let i = 0; i < lines.tableRows.length; i++) {
    const row = lines.tableRows[i]!;
    const id = String(claimIds?.[row - 1] ?? "").trim();
    const key = id === "" ? `row ${row}` : `claim ${id}`;
    const stay = at.get(key);
    const charge = lines.chargeCents?.[i] ?? null;
    if (stay !== undefined) {
      out.amountCents[stay]! += lines.amountCents[i]!;
      if (out.chargeCents !== null && charge !== null) out.chargeCents[stay] = (out.chargeCents[stay] ?? 0) + charge;
      continue;
    }
    at.set(key, out.hcpcsCodes.length);
    out.hcpcsCodes.push(lines.hcpcsCodes[i]!);
    out.amountCents.push(lines.amountCents[i]!);
    out.chargeCents?.push(charge);
    out.tableRows.push(row);
  }
  // The claim's own amounts, where the table gives them, are the stay's (its lines' sums are the fallback).
  for (const [k, row] of out.tableRows.entries()) {
    const allowed = claimAllowed === null ? "blank" : readAmount(claimAllowed[row - 1]);
    if (typeof allowed === "number") out.amountCents[k] = allowed;
    else if (allowed !== "blank")
      return invalid(row, "claimAllowedAmount", claimAllowed?.[row - 1], "the stay's allowed amount in dollars like 18250.00"); // prettier-ignore
    const total = totalCharges === null || out.chargeCents === null ? "blank" : readAmount(totalCharges[row - 1]);
    if (typeof total === "number" && out.chargeCents !== null) out.chargeCents[k] = total;
    else if (total !== "blank")
      return invalid(row, "totalChargeAmount", totalCharges?.[row - 1], "the stay's total charges in dollars like 52000.00"); // prettier-ignore
  }
  return ok({ ...lines, ...out, units: null });
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
