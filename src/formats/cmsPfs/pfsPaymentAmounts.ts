import { toDecimal, type Decimal } from "../../engine";
import { localityKeyOf, type LocalityKey } from "../../engine";
import { parseHcpcsCode, type HcpcsCode } from "../../engine";
import { parseModifier, type Modifier } from "../../engine";
import { ok, type Result } from "../../engine";
import { readCsvGrid } from "./csvGrid";
import type { ImportIssue } from "./importIssues";

/** One row of a CMS PFS payment amount file (PFALL / PFREV): CMS's own per-locality amounts. */
export interface PfsPaymentAmount {
  readonly year: string;
  readonly localityKey: LocalityKey;
  readonly hcpcsCode: HcpcsCode;
  readonly modifier: Modifier | null;
  readonly nonFacilityAmount: Decimal;
  readonly facilityAmount: Decimal;
  readonly pctcIndicator: string;
  readonly statusCode: string;
  readonly rowNumber: number;
}

/**
 * Parses a CMS payment amount file (PFALLyy / PFREVyy, quoted comma-separated, no header). Fields used:
 * 1 year, 2 carrier (MAC), 3 locality, 4 HCPCS, 5 modifier, 6 non-facility fee schedule amount, 7 facility fee
 * schedule amount, 9 PC/TC indicator, 10 status code (PF26PA layout, DOMAIN.md 2.4). Trailer rows ("TRL-...")
 * carry the copyright notice and are skipped; other unreadable rows are reported by row number.
 */
export function parsePfsPaymentAmounts(
  text: string,
): Result<{ amounts: readonly PfsPaymentAmount[]; issues: readonly ImportIssue[] }, ImportIssue> {
  const grid = readCsvGrid(text);
  const amounts: PfsPaymentAmount[] = [];
  const issues: ImportIssue[] = [];
  grid.forEach((cells, index) => {
    const rowNumber = index + 1;
    if (cells.every((c) => c === "") || (cells[0] ?? "").startsWith("TRL")) return;
    const [
      year = "",
      mac = "",
      locality = "",
      code = "",
      modifierText = "",
      nonFacility = "",
      facility = "",
      ,
      pctc = "",
      status = "",
    ] = cells;
    const hcpcs = parseHcpcsCode(code);
    const modifier = modifierText === "" ? null : parseModifier(modifierText);
    const nonFacilityAmount = toDecimal(nonFacility);
    const facilityAmount = toDecimal(facility);
    if (!hcpcs.ok) issues.push({ code: "valueRejected", rowNumber, column: "HCPCS", issue: hcpcs.issue });
    else if (modifier !== null && !modifier.ok)
      issues.push({ code: "valueRejected", rowNumber, column: "MODIFIER", issue: modifier.issue });
    else if (!/^\d{1,5}$/.test(mac) || !/^\d{1,2}$/.test(locality)) {
      issues.push({
        code: "valueInvalid",
        rowNumber,
        column: "CARRIER/LOCALITY",
        value: `${mac} ${locality}`,
        expected: "a MAC and locality number",
      });
    } else if (nonFacilityAmount === null || facilityAmount === null) {
      issues.push({
        code: "valueInvalid",
        rowNumber,
        column: "FEE SCHEDULE AMOUNT",
        value: `${nonFacility} ${facility}`,
        expected: "two amounts",
      });
    } else {
      amounts.push({
        year,
        localityKey: localityKeyOf(mac, locality),
        hcpcsCode: hcpcs.value,
        modifier: modifier === null ? null : modifier.value,
        nonFacilityAmount,
        facilityAmount,
        pctcIndicator: pctc,
        statusCode: status,
        rowNumber,
      });
    }
  });
  return ok({ amounts, issues });
}
