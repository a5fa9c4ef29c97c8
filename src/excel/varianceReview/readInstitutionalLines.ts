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
import { isReversalLine, lineDenial } from "../../engine";
import type { Cents, InstitutionalInputLine, Result } from "../../engine";
import type { InstitutionalSide, IsoDate } from "../../engine";
import type { ClaimsField, ClaimsMapping } from "../claims/claimsMapping";
import type { ExcelGateway } from "../core/excelGateway";
import type { VarianceReviewIssue } from "./issues";
import { cellText, openReviewTable, reviewTableLines } from "./reviewTable";
import type { ReviewTableLines, ReviewTableRequest } from "./reviewTable";

/** Whether a mapping is read as hospital claims: it gives the Type of Bill column (module comment). */
export const isInstitutionalMapping = (mapping: ClaimsMapping): boolean => mapping.typeOfBill !== null;

/** The lines of a hospital claims table as the review reads them. */
export type InstitutionalReviewLines = ReviewTableLines<InstitutionalInputLine>;

type Pricing = InstitutionalInputLine["pricing"];
type PricingIssue = Extract<Pricing, { readonly ok: false }>["issue"];

/** The side of a type of bill ("0111", "111", 131): its facility and classification digits; null: not priced. */
function sideOfBill(typeOfBill: string): InstitutionalSide | null {
  const digits = typeOfBill.replace(/^0(?=\d{3})/, "");
  if (/^11/.test(digits)) return "inpatient";
  if (/^1[234]/.test(digits)) return "outpatient";
  return null;
}

/**
 * The side of a hospital table's line: its type of bill's (null: a type not priced); a line without one is a stay's
 * when it has an MS-DRG, else outpatient. The uplift model reads a hospital table's sides as the review does.
 */
export function institutionalSideOf(typeOfBillCell: unknown, drgCell: unknown): InstitutionalSide | null {
  const billType = cellText(typeOfBillCell);
  if (billType !== "") return sideOfBill(billType);
  return isBlankCell(drgCell) ? "outpatient" : "inpatient";
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
  request: ReviewTableRequest,
): Promise<Result<InstitutionalReviewLines, VarianceReviewIssue>> {
  const opened = await openReviewTable(excel, request, ["typeOfBill", "revenueCode", "serviceDate"]);
  if (!opened.ok) return opened;
  const table = opened.value;
  const { cells, column, at } = table;
  const { tableName, mapping } = request;
  const amountAt = (field: ClaimsField, index: number, expected: string) =>
    table.amount(mapping[field] ?? field, column(field), index, expected);

  // First pass: every amount read (an unreadable one stops the review), and each claim's sums of its lines.
  type Amounts = { allowed: number; charge: Cents | null; claimAllowed: Cents | null; totalCharges: Cents | null };
  const amounts: (Amounts | null)[] = [];
  const sums = new Map<string, { allowed: number; charges: number }>();
  const keyOf = (index: number) =>
    cellText(at("claimId", index)) === "" ? `row ${index + 1}` : `claim ${cellText(at("claimId", index))}`;
  for (let index = 0; index < cells.rowCount; index++) {
    const allowed = table.baseAllowed(index);
    if (!allowed.ok) return allowed;
    if (
      isBlankCell(at("revenueCode", index)) &&
      allowed.value === null &&
      isBlankCell(at("claimAllowedAmount", index))
    ) {
      amounts.push(null);
      continue;
    }
    const patient = table.patientShare(index);
    if (!patient.ok) return patient;
    const lineAllowed = (allowed.value ?? 0) + patient.value;
    const charge = amountAt("chargeAmount", index, "a billed charge in dollars, or a blank cell");
    if (!charge.ok) return charge;
    const claimAllowed = amountAt("claimAllowedAmount", index, "an amount in dollars like 18250.00");
    if (!claimAllowed.ok) return claimAllowed;
    const totalCharges = amountAt("totalChargeAmount", index, "the claim's total charges in dollars");
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
    const claimId = cellText(at("claimId", index));
    const { payer, contractName } = table.contractOf(index);
    const billType = cellText(at("typeOfBill", index));
    const drgCell = at("msDrg", index);
    const side = institutionalSideOf(at("typeOfBill", index), drgCell);
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
      if (units === "malformed") return fail({ code: "unitsInvalid", value: cellText(at("units", index)) });
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
      if (covered === "malformed")
        return fail({ code: "coveredDaysInvalid", value: cellText(at("coveredDays", index)) });
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
    const adjustmentCodes = cellText(at("adjustmentCodes", index));
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
  return reviewTableLines(table, tableName, lines);
}

/**
 * The code a line is summed under, as its cells are written (the Summary's formulas match the cells): the MS-DRG
 * where the line has one (a stay), else its HCPCS code, else its revenue code.
 */
function codeOf(drg: unknown, hcpcs: unknown, revenue: unknown): Pick<InstitutionalInputLine, "code" | "codeKind"> {
  if (!isBlankCell(drg)) return { code: cellText(drg), codeKind: "drg" };
  if (!isBlankCell(hcpcs)) return { code: cellText(hcpcs), codeKind: "hcpcs" };
  return { code: cellText(revenue), codeKind: "revenueCode" };
}
