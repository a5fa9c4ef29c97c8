/**
 * Reads a claims or remittance table through its column mapping into the lines a variance review prices: the
 * contract of each line (its Contract column, else its payer's contract from the panel's mapping), the allowed
 * amount (Allowed, else Paid + Patient Responsibility), and the denial verdict. A cell that stops a line from being
 * priced (a malformed code or date) makes that line "No contract rate" with the reason; an unreadable amount stops
 * the review, naming the row.
 */
import type { ContractLine } from "../../engine";
import { readDateCell, readHcpcsCodeCell } from "../../engine";
import { parseModifiers } from "../../engine";
import type { Cents } from "../../engine";
import { parsePlaceOfService } from "../../engine";
import { fail, ok, type Result } from "../../engine";
import { createCentsReader, isBlankCell, MAX_LINE_CENTS, readQuantity } from "../../engine";
import { isReversalLine, lineDenial, type VarianceInputLine } from "../../engine";
import { checkClaimsMapping, type ClaimsField, type ClaimsMapping } from "../claims/claimsMapping";
import type { ExcelGateway } from "../core/excelGateway";
import { readEachTime, type TableColumnsReader } from "../claims/tableColumnsRead";
import type { VarianceReviewIssue } from "./issues";

/** The lines of a table as the review reads them. */
export interface ReviewLines {
  /** One entry per table row; null for an empty row (no code, no amount), which the review leaves blank. */
  readonly lines: readonly (VarianceInputLine | null)[];
  readonly headers: readonly string[];
  /** Every column's body values by header (lower case), as read: the review's own columns among them. */
  readonly columns: ReadonlyMap<string, unknown[]>;
  /** 0-based sheet column of the table's first column (the review's conditional formats are in A1 terms). */
  readonly firstColumn: number;
  /** 0-based sheet row of the table's first data row. */
  readonly firstRow: number;
}

/** Where the allowed amount comes from, as the summary's formulas need it too. */
export type AllowedSource =
  | { readonly kind: "allowed"; readonly column: string }
  | { readonly kind: "paid"; readonly paidColumn: string; readonly patientColumn: string | null };

/** The allowed amount's columns under a mapping: Allowed, else Paid (+ Patient Responsibility), else Amount. */
export function allowedSource(mapping: ClaimsMapping): AllowedSource | null {
  if (mapping.allowedAmount !== null) return { kind: "allowed", column: mapping.allowedAmount };
  if (mapping.paidAmount !== null)
    return { kind: "paid", paidColumn: mapping.paidAmount, patientColumn: mapping.patientResponsibilityAmount };
  if (mapping.amount !== null) return { kind: "allowed", column: mapping.amount };
  return null;
}

const text = (value: unknown): string => (value === null || value === undefined ? "" : String(value).trim());

/** Reads every row of the table through `mapping`; `extraColumns` are read too (the review's own, to restore them). */
export async function readReviewLines(
  excel: ExcelGateway,
  request: {
    readonly tableName: string;
    readonly mapping: ClaimsMapping;
    readonly payerContracts: Readonly<Record<string, string>>;
    readonly extraColumns: readonly string[];
    /** How the table is read; default: from Excel. */
    readonly read?: TableColumnsReader;
  },
): Promise<Result<ReviewLines, VarianceReviewIssue>> {
  const { tableName, mapping } = request;
  const source = allowedSource(mapping);
  if (source === null) return fail({ code: "allowedNotMapped", tableName });
  const required: ClaimsField[] = ["hcpcsCode", "serviceDate"];
  if (mapping.contractName === null) required.push("payer");
  const mapped = Object.values(mapping).filter((c): c is string => c !== null);
  const cells = await (request.read ?? readEachTime(excel))(tableName, [...mapped, ...request.extraColumns]);
  if (cells === null) return fail({ code: "tableNotFound", tableName });
  const checked = checkClaimsMapping(tableName, mapping, cells.headers, required);
  if (!checked.ok) return fail({ code: "mapping", issue: checked.issue });
  const column = (field: ClaimsField): unknown[] | null => {
    const name = mapping[field];
    return name === null ? null : (cells.columns.get(name.toLowerCase()) ?? null);
  };
  const byName = (name: string | null) => (name === null ? null : (cells.columns.get(name.toLowerCase()) ?? null));
  const codes = column("hcpcsCode") as unknown[];
  const dates = column("serviceDate") as unknown[];
  const payers = column("payer");
  const contracts = column("contractName");
  const units = column("units");
  const charges = column("chargeAmount");
  const claimIds = column("claimId");
  const mod1 = column("hcpcsModifier1");
  const mod2 = column("hcpcsModifier2");
  const places = column("placeOfServiceCode");
  const adjustments = column("adjustmentCodes");
  const deniedFlags = column("deniedFlag");
  const reasons = column("denialReasonCode");
  const reversals = column("reversalFlag");
  const allowedCells = byName(source.kind === "allowed" ? source.column : source.paidColumn) as unknown[];
  const patientCells = source.kind === "paid" ? byName(source.patientColumn) : null;
  const payerContracts = new Map(Object.entries(request.payerContracts).map(([p, c]) => [p.trim().toLowerCase(), c]));
  // Claims and remittance tables carry reversals as negative lines, for every amount of a line.
  const readAmount = createCentsReader({ sign: "signed", most: MAX_LINE_CENTS });
  const invalid = (row: number, field: string, value: unknown, expected: string) =>
    fail<VarianceReviewIssue>({
      code: "cellInvalid",
      tableName,
      row,
      column: field,
      value: text(value).slice(0, 60),
      expected,
    });

  const lines: (VarianceInputLine | null)[] = [];
  for (let index = 0; index < cells.rowCount; index++) {
    const row = index + 1;
    const amountColumn = source.kind === "allowed" ? source.column : source.paidColumn;
    const amount = readAmount(allowedCells[index]);
    if (isBlankCell(codes[index]) && amount === "blank") {
      lines.push(null);
      continue;
    }
    if (typeof amount !== "number" && amount !== "blank")
      return invalid(row, amountColumn, allowedCells[index], "an amount in dollars like 92.50");
    let allowed = amount === "blank" ? 0 : amount;
    if (patientCells !== null && source.kind === "paid") {
      const patient = readAmount(patientCells[index]);
      if (typeof patient !== "number" && patient !== "blank")
        return invalid(row, source.patientColumn ?? "", patientCells[index], "an amount in dollars like 20.00");
      allowed += patient === "blank" ? 0 : patient;
    }
    let charge: Cents | null = null;
    if (charges !== null) {
      const read = readAmount(charges[index]);
      if (typeof read !== "number" && read !== "blank")
        return invalid(row, mapping.chargeAmount ?? "", charges[index], "a billed charge in dollars, or a blank cell");
      charge = read === "blank" ? null : (read as Cents);
    }
    let quantity = 1;
    if (units !== null) {
      const read = readQuantity(units[index]);
      if (read === "malformed") return invalid(row, mapping.units ?? "", units[index], "a number of units like 2");
      quantity = read === "blank" ? 1 : read;
    }
    const payer = text(payers?.[index]);
    const contractCell = text(contracts?.[index]);
    const contractName = contractCell !== "" ? contractCell : (payerContracts.get(payer.toLowerCase()) ?? "");
    const claimId = text(claimIds?.[index]);
    const code = readHcpcsCodeCell(codes[index]);
    const date = readDateCell(dates[index]);
    const modifiers = parseModifiers(mod1?.[index] ?? null, mod2?.[index] ?? null);
    const place = parsePlaceOfService(places?.[index] ?? null);
    const pricing: VarianceInputLine["pricing"] =
      contractName === ""
        ? fail({ code: "varianceContractNotMapped", payer })
        : !code.ok
          ? code
          : !date.ok
            ? date
            : !modifiers.ok
              ? modifiers
              : !place.ok
                ? place
                : ok<ContractLine>({
                    contractName,
                    hcpcsCode: code.value,
                    modifiers: modifiers.value,
                    units: quantity,
                    chargeAmount: charge,
                    serviceDate: date.value,
                    setting: place.value.setting,
                  });
    const adjustmentCodes = text(adjustments?.[index]);
    lines.push({
      claimKey: claimId === "" ? `row ${row}` : `claim ${claimId}`,
      claimId: claimId === "" ? null : claimId,
      payer: payer !== "" ? payer : contractName,
      hcpcsCode: code.ok ? code.value : text(codes[index]),
      serviceDate: date.ok ? date.value : null,
      pricing,
      allowedAmount: allowed as Cents,
      chargeAmount: charge,
      denial: lineDenial({
        ...(deniedFlags === null ? {} : { deniedCell: deniedFlags[index] ?? null }),
        ...(reasons === null ? {} : { reasonCell: reasons[index] ?? null }),
        adjustmentCodes: adjustmentCodes === "" ? null : adjustmentCodes,
        chargeAmount: charge,
        allowedAmount: allowed as Cents,
      }),
      reversal: isReversalLine({
        ...(reversals === null ? {} : { reversalCell: reversals[index] ?? null }),
        ...(deniedFlags === null ? {} : { deniedCell: deniedFlags[index] ?? null }),
        chargeAmount: charge,
      }),
    });
  }
  if (lines.every((l) => l === null)) return fail({ code: "noLines", tableName });
  return ok({
    lines,
    headers: cells.headers,
    columns: cells.columns,
    firstColumn: cells.firstColumn,
    firstRow: cells.firstRow,
  });
}
