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
import { isBlankCell, readQuantity } from "../../engine";
import { isReversalLine, lineDenial, type VarianceInputLine } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import type { VarianceReviewIssue } from "./issues";
import { cellText, openReviewTable, reviewTableLines } from "./reviewTable";
import type { ReviewTableLines, ReviewTableRequest } from "./reviewTable";

/** The lines of a table as the review reads them. */
export type ReviewLines = ReviewTableLines<VarianceInputLine>;

/** Reads every row of the table through `mapping`; `extraColumns` are read too (the review's own, to restore them). */
export async function readReviewLines(
  excel: ExcelGateway,
  request: ReviewTableRequest & { readonly extraColumns: readonly string[] },
): Promise<Result<ReviewLines, VarianceReviewIssue>> {
  const opened = await openReviewTable(excel, request, ["hcpcsCode", "serviceDate"], request.extraColumns);
  if (!opened.ok) return opened;
  const table = opened.value;
  const { cells, column } = table;
  const { tableName, mapping } = request;
  const codes = column("hcpcsCode") as unknown[];
  const dates = column("serviceDate") as unknown[];
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

  const lines: (VarianceInputLine | null)[] = [];
  for (let index = 0; index < cells.rowCount; index++) {
    const row = index + 1;
    const amount = table.baseAllowed(index);
    if (!amount.ok) return amount;
    if (isBlankCell(codes[index]) && amount.value === null) {
      lines.push(null);
      continue;
    }
    const patient = table.patientShare(index);
    if (!patient.ok) return patient;
    const allowed = (amount.value ?? 0) + patient.value;
    const chargeRead = table.amount(
      mapping.chargeAmount ?? "",
      charges,
      index,
      "a billed charge in dollars, or a blank cell",
    );
    if (!chargeRead.ok) return chargeRead;
    const charge = chargeRead.value;
    let quantity = 1;
    if (units !== null) {
      const read = readQuantity(units[index]);
      if (read === "malformed")
        return table.invalid(index, mapping.units ?? "", units[index], "a number of units like 2");
      quantity = read === "blank" ? 1 : read;
    }
    const { payer, contractName } = table.contractOf(index);
    const claimId = cellText(claimIds?.[index]);
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
    const adjustmentCodes = cellText(adjustments?.[index]);
    lines.push({
      claimKey: claimId === "" ? `row ${row}` : `claim ${claimId}`,
      claimId: claimId === "" ? null : claimId,
      payer: payer !== "" ? payer : contractName,
      hcpcsCode: code.ok ? code.value : cellText(codes[index]),
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
  return reviewTableLines(table, tableName, lines);
}
