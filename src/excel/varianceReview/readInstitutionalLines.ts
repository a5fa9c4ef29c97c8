/**
 * Reads a hospital (UB-04) claims table through its column mapping into the lines of an institutional variance
 * review. A table is read as hospital claims when its mapping gives the Type of Bill column (`isInstitutionalMapping`):
 * a claims export of a hospital carries it on every line, and the add-in's own remittance table does not (its CLP08
 * facility code is a place of service on professional claims), so remittance tables stay professional. Each line's
 * side is its type of bill: 11x an inpatient stay, 12x-14x hospital outpatient, any other not priced (a line without
 * one is a stay's when it has an MS-DRG, else outpatient).
 * A stay is compared with the claim's allowed amount (Claim Allowed Amount, else the sum of its lines' allowed), its
 * total charges are Total Charge Amount (else the sum of its line charges). An unreadable amount stops the review,
 * naming the row; a cell that stops a line from being priced makes it "No contract rate" with the reason.
 */
import { Decimal, fail, isBlankCell, ok, readDateCell, readHcpcsCodeCell, readQuantity } from "../../engine";
import { parseDischargeStatus, parseModifiers, parseMsDrg, parseRevenueCode } from "../../engine";
import { createCentsReader, isReversalLine, lineDenial, MAX_LINE_CENTS } from "../../engine";
import type { Cents, InstitutionalInputLine, Result } from "../../engine";
import type { InstitutionalSide, IsoDate } from "../../engine";
import type { ClaimsField, ClaimsMapping } from "../claims/claimsMapping";
import { checkClaimsMapping } from "../claims/claimsMapping";
import type { ExcelGateway } from "../core/excelGateway";
import { readEachTime, type TableColumnsReader } from "../claims/tableColumnsRead";
import type { VarianceReviewIssue } from "./issues";
import { allowedSource, type ReviewLines } from "./readReviewLines";

/** Whether a mapping is read as hospital claims: it gives the Type of Bill column (module comment). */
export const isInstitutionalMapping = (mapping: ClaimsMapping): boolean => mapping.typeOfBill !== null;

/** The lines of a hospital claims table as the review reads them. */
export interface InstitutionalReviewLines extends Omit<ReviewLines, "lines"> {
  readonly lines: readonly (InstitutionalInputLine | null)[];
}

type Pricing = InstitutionalInputLine["pricing"];
type PricingIssue = Extract<Pricing, { readonly ok: false }>["issue"];

const text = (value: unknown): string => (value === null || value === undefined ? "" : String(value).trim());

/** The side of a type of bill ("0111", "111", 131): its facility and classification digits; null: not priced. */
function sideOfBill(typeOfBill: string): InstitutionalSide | null {
  const digits = typeOfBill.replace(/^0(?=\d{3})/, "");
  if (/^11/.test(digits)) return "inpatient";
  if (/^1[234]/.test(digits)) return "outpatient";
  return null;
}

/** A required cell read by `parse`: blank is the claim's missing `what`. */
function required<T>(
  cell: unknown,
  what: string,
  parse: (cell: unknown) => Result<T, PricingIssue>,
): Result<T, PricingIssue> {
  return isBlankCell(cell) ? fail({ code: "varianceClaimCellMissing", what }) : parse(cell);
}

/** Reads every row of the table through `mapping` (see the module comment). */
export async function readInstitutionalLines(
  excel: ExcelGateway,
  request: {
    readonly tableName: string;
    readonly mapping: ClaimsMapping;
    readonly payerContracts: Readonly<Record<string, string>>;
    readonly read?: TableColumnsReader;
  },
): Promise<Result<InstitutionalReviewLines, VarianceReviewIssue>> {
  const { tableName, mapping } = request;
  const source = allowedSource(mapping);
  if (source === null) return fail({ code: "allowedNotMapped", tableName });
  const requiredFields: ClaimsField[] = ["typeOfBill", "revenueCode", "serviceDate"];
  if (mapping.contractName === null) requiredFields.push("payer");
  const mapped = Object.values(mapping).filter((c): c is string => c !== null);
  const cells = await (request.read ?? readEachTime(excel))(tableName, mapped);
  if (cells === null) return fail({ code: "tableNotFound", tableName });
  const checked = checkClaimsMapping(tableName, mapping, cells.headers, requiredFields);
  if (!checked.ok) return fail({ code: "mapping", issue: checked.issue });
  const byName = (name: string | null) => (name === null ? null : (cells.columns.get(name.toLowerCase()) ?? null));
  const column = (field: ClaimsField): unknown[] | null => byName(mapping[field]);
  const at = (field: ClaimsField, index: number): unknown => column(field)?.[index] ?? null;
  const allowedCells = byName(source.kind === "allowed" ? source.column : source.paidColumn) as unknown[];
  const patientCells = source.kind === "paid" ? byName(source.patientColumn) : null;
  const payerContracts = new Map(Object.entries(request.payerContracts).map(([p, c]) => [p.trim().toLowerCase(), c]));
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
  const amountAt = (field: ClaimsField | string, cellsOf: unknown[] | null, index: number, expected: string) => {
    const read = readAmount(cellsOf?.[index] ?? null);
    if (typeof read !== "number" && read !== "blank")
      return invalid(index + 1, mapping[field as ClaimsField] ?? field, cellsOf?.[index], expected);
    return ok(read === "blank" ? null : (read as Cents));
  };

  // First pass: every amount read (an unreadable one stops the review), and each claim's sums of its lines.
  type Amounts = { allowed: number; charge: Cents | null; claimAllowed: Cents | null; totalCharges: Cents | null };
  const amounts: (Amounts | null)[] = [];
  const sums = new Map<string, { allowed: number; charges: number }>();
  const keyOf = (index: number) =>
    text(at("claimId", index)) === "" ? `row ${index + 1}` : `claim ${text(at("claimId", index))}`;
  for (let index = 0; index < cells.rowCount; index++) {
    const amountColumn = source.kind === "allowed" ? source.column : source.paidColumn;
    const allowed = amountAt(amountColumn, allowedCells, index, "an amount in dollars like 92.50");
    if (!allowed.ok) return allowed;
    if (
      isBlankCell(at("revenueCode", index)) &&
      allowed.value === null &&
      isBlankCell(at("claimAllowedAmount", index))
    ) {
      amounts.push(null);
      continue;
    }
    let lineAllowed = allowed.value ?? 0;
    if (patientCells !== null && source.kind === "paid") {
      const patient = amountAt(source.patientColumn ?? "", patientCells, index, "an amount in dollars like 20.00");
      if (!patient.ok) return patient;
      lineAllowed += patient.value ?? 0;
    }
    const charge = amountAt(
      "chargeAmount",
      column("chargeAmount"),
      index,
      "a billed charge in dollars, or a blank cell",
    );
    if (!charge.ok) return charge;
    const claimAllowed = amountAt(
      "claimAllowedAmount",
      column("claimAllowedAmount"),
      index,
      "an amount in dollars like 18250.00",
    );
    if (!claimAllowed.ok) return claimAllowed;
    const totalCharges = amountAt(
      "totalChargeAmount",
      column("totalChargeAmount"),
      index,
      "the claim's total charges in dollars",
    );
    if (!totalCharges.ok) return totalCharges;
    amounts.push({
      allowed: lineAllowed,
      charge: charge.value,
      claimAllowed: claimAllowed.value,
      totalCharges: totalCharges.value,
    });
    const sum = sums.get(keyOf(index)) ?? { allowed: 0, charges: 0 };
    sums.set(keyOf(index), { allowed: sum.allowed + lineAllowed, charges: sum.charges + (charge.value ?? 0) });
  }

  const lines: (InstitutionalInputLine | null)[] = amounts.map((amount, index) => {
    if (amount === null) return null;
    const claimKey = keyOf(index);
    const claimId = text(at("claimId", index));
    const payer = text(at("payer", index));
    const contractCell = text(at("contractName", index));
    const contractName = contractCell !== "" ? contractCell : (payerContracts.get(payer.toLowerCase()) ?? "");
    const billType = text(at("typeOfBill", index));
    const drgCell = at("msDrg", index);
    const side: InstitutionalSide | null =
      billType === "" ? (isBlankCell(drgCell) ? "outpatient" : "inpatient") : sideOfBill(billType);
    const claimSums = sums.get(claimKey)!;
    const allowed = (side === "inpatient" ? (amount.claimAllowed ?? claimSums.allowed) : amount.allowed) as Cents;
    const hcpcsCell = at("hcpcsCode", index);
    const pricing = ((): Pricing => {
      if (contractName === "") return fail({ code: "varianceContractNotMapped", payer });
      if (side === null) return fail({ code: "varianceBillTypeNotPriced", typeOfBill: billType });
      const revenueCode = required(at("revenueCode", index), "revenue code", parseRevenueCode);
      if (!revenueCode.ok) return revenueCode;
      const hcpcsCode = isBlankCell(hcpcsCell) ? ok(null) : readHcpcsCodeCell(hcpcsCell);
      if (!hcpcsCode.ok) return hcpcsCode;
      const modifiers = parseModifiers(at("hcpcsModifier1", index), at("hcpcsModifier2", index));
      if (!modifiers.ok) return modifiers;
      const units = readQuantity(at("units", index));
      if (units === "malformed") return fail({ code: "unitsInvalid", value: text(at("units", index)) });
      const admit = side === "inpatient" ? required(at("admitDate", index), "admission date", readDateCell) : ok(null);
      if (!admit.ok) return admit;
      const serviceCell = at("serviceDate", index);
      const serviceDate =
        isBlankCell(serviceCell) && admit.value !== null
          ? ok(admit.value)
          : required(serviceCell, "service date", readDateCell);
      if (!serviceDate.ok) return serviceDate;
      const line = {
        revenueCode: revenueCode.value,
        hcpcsCode: hcpcsCode.value,
        modifiers: modifiers.value,
        units: new Decimal(units === "blank" ? 1 : units),
        chargeAmount: amount.charge,
        serviceDate: serviceDate.value,
      };
      if (side === "outpatient") return ok({ contractName, line, stay: null });
      const drg = required(drgCell, "MS-DRG", parseMsDrg);
      if (!drg.ok) return drg;
      const discharge = required(at("dischargeDate", index), "discharge date", readDateCell);
      if (!discharge.ok) return discharge;
      const statusCell = at("dischargeStatus", index);
      const status = isBlankCell(statusCell) ? ok(null) : parseDischargeStatus(statusCell);
      if (!status.ok) return status;
      const covered = readQuantity(at("coveredDays", index));
      if (covered === "malformed") return fail({ code: "coveredDaysInvalid", value: text(at("coveredDays", index)) });
      const stay = {
        drg: drg.value,
        admitDate: admit.value as IsoDate,
        dischargeDate: discharge.value,
        totalCharges: amount.totalCharges ?? (claimSums.charges as Cents),
        dischargeStatus: status.value,
        coveredDays: covered === "blank" ? null : covered,
      };
      return ok({ contractName, line, stay });
    })();
    const date = readDateCell(at("serviceDate", index));
    const adjustmentCodes = text(at("adjustmentCodes", index));
    const deniedCell = column("deniedFlag") === null ? {} : { deniedCell: at("deniedFlag", index) };
    return {
      claimKey,
      claimId: claimId === "" ? null : claimId,
      payer: payer !== "" ? payer : contractName,
      side: side ?? "outpatient",
      ...codeOf(drgCell, hcpcsCell, at("revenueCode", index)),
      serviceDate: date.ok ? date.value : null,
      pricing,
      allowedAmount: allowed,
      chargeAmount: amount.charge,
      denial: lineDenial({
        ...deniedCell,
        ...(column("denialReasonCode") === null ? {} : { reasonCell: at("denialReasonCode", index) }),
        adjustmentCodes: adjustmentCodes === "" ? null : adjustmentCodes,
        chargeAmount: amount.charge,
        allowedAmount: allowed,
      }),
      reversal: isReversalLine({
        ...(column("reversalFlag") === null ? {} : { reversalCell: at("reversalFlag", index) }),
        ...deniedCell,
        chargeAmount: amount.charge,
      }),
    };
  });
  if (lines.every((l) => l === null)) return fail({ code: "noLines", tableName });
  return ok({
    lines,
    headers: cells.headers,
    columns: cells.columns,
    firstColumn: cells.firstColumn,
    firstRow: cells.firstRow,
  });
}

/**
 * The code a line is summed under, as its cells are written (the Summary's formulas match the cells): the MS-DRG
 * where the line has one (a stay), else its HCPCS code, else its revenue code.
 */
function codeOf(drg: unknown, hcpcs: unknown, revenue: unknown): Pick<InstitutionalInputLine, "code" | "codeKind"> {
  if (!isBlankCell(drg)) return { code: text(drg), codeKind: "drg" };
  if (!isBlankCell(hcpcs)) return { code: text(hcpcs), codeKind: "hcpcs" };
  return { code: text(revenue), codeKind: "revenueCode" };
}
