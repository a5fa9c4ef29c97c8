/**
 * A workbook with planted underpayments, overpayments and denials, built from the sample workbook: its contracts
 * and schedules as they are, and a Claims table of sample lines re-allowed at exactly the contract price, except
 * for the planted lines.
 */
import { priceClaim } from "../../../src/engine/contracts/priceClaim";
import type { ContractLine } from "../../../src/engine/contracts/types";
import { parseHcpcsCode } from "../../../src/engine/hcpcsCode";
import { parseIsoDate } from "../../../src/engine/isoDate";
import { parseModifiers } from "../../../src/engine/modifiers";
import type { Cents } from "../../../src/engine/money";
import { parsePlaceOfService } from "../../../src/engine/placeOfService";
import { suggestClaimsMapping } from "../../../src/excel/claims/claimsMapping";
import { readRegistry } from "../../../src/excel/registry";
import type { VarianceReviewRequest } from "../../../src/excel/varianceReview";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator, type CellInput, type WorkbookSnapshot } from "../../../src/playground/simulator";

/** What was planted, by 1-based data row of the Claims table. */
export interface Planted {
  readonly snapshot: WorkbookSnapshot;
  readonly headers: readonly string[];
  readonly underpaidRows: readonly number[];
  readonly overpaidRows: readonly number[];
  readonly deniedRows: readonly number[];
  /** Sum of the planted shortfalls, in cents. */
  readonly recoverableCents: number;
  readonly rowCount: number;
}

const col = (headers: readonly string[], name: string) => headers.indexOf(name);

/** The sample's first `claimCount` claims without denials, re-allowed at contract, then planted. */
export async function plantedWorkbook(claimCount = 40): Promise<Planted> {
  const sample = buildSampleWorkbook();
  const claimsSheet = sample.sheets.find((s) => s.name === "Claims")!;
  const [header, ...body] = claimsSheet.cells as CellInput[][];
  const headers = header!.map(String);
  const c = (name: string) => col(headers, name);
  const registry = (await readRegistry(new WorkbookSimulator(sample).excel)).registry;
  const claims = new Map<string, CellInput[][]>();
  for (const row of body) {
    const id = String(row[c("Claim ID")]);
    if (!claims.has(id) && claims.size >= claimCount) break;
    claims.set(id, [...(claims.get(id) ?? []), [...row]]);
  }
  const rows: CellInput[][] = [];
  for (const lines of claims.values()) {
    const contractLines = lines.map((row): ContractLine => ({
      contractName: String(row[c("Contract Name")]),
      hcpcsCode: (parseHcpcsCode(row[c("HCPCS Code")]) as { value: ContractLine["hcpcsCode"] }).value,
      modifiers: (
        parseModifiers(row[c("HCPCS Modifier 1")], row[c("HCPCS Modifier 2")]) as { value: ContractLine["modifiers"] }
      ).value,
      units: Number(row[c("Service Unit Quantity")]),
      chargeAmount: Math.round(Number(row[c("Charge Amount")]) * 100) as Cents,
      serviceDate: (parseIsoDate(row[c("Service Date")]) as { value: ContractLine["serviceDate"] }).value,
      setting: (parsePlaceOfService(row[c("Place of Service Code")]) as { value: { setting: ContractLine["setting"] } })
        .value.setting,
    }));
    const prices = priceClaim(registry, contractLines);
    if (!prices.every((p) => p.ok)) continue; // only lines the contracts price
    lines.forEach((row, i) => {
      const cents = (prices[i] as { value: { allowedAmount: number } }).value.allowedAmount;
      row[c("Allowed Amount")] = cents / 100;
      row[c("Paid Amount")] = cents / 100;
      row[c("Adjustment Codes")] = "CO-45";
      row[c("Denied Flag")] = false;
      rows.push(row);
    });
  }
  const cents = (row: CellInput[]) => Math.round(Number(row[c("Allowed Amount")]) * 100);
  const eligible = rows.map((row, i) => ({ row, i })).filter(({ row }) => cents(row) >= 5_000);
  const pick = (n: number) => eligible[n]!;
  const underpaid = [pick(1), pick(4), pick(7)];
  const overpaid = [pick(2), pick(9)];
  const denied = [pick(5), pick(11)];
  let recoverableCents = 0;
  underpaid.forEach(({ row }, k) => {
    const shortfall = Math.round(cents(row) * [0.03, 0.05, 0.015][k]!) + 200;
    recoverableCents += shortfall;
    row[c("Allowed Amount")] = (cents(row) - shortfall) / 100;
  });
  overpaid.forEach(({ row }) => {
    row[c("Allowed Amount")] = (cents(row) + 1_234) / 100;
  });
  denied.forEach(({ row }, k) => {
    row[c("Allowed Amount")] = 0;
    row[c("Paid Amount")] = 0;
    row[c("Adjustment Codes")] = ["CO-50", "CO-197"][k]!;
    row[c("Denied Flag")] = true;
  });
  const last = rows.length + 1;
  const snapshot: WorkbookSnapshot = {
    ...sample,
    sheets: sample.sheets.map((sheet) =>
      sheet.name !== "Claims"
        ? sheet
        : {
            ...sheet,
            cells: [header!, ...rows],
            numberFormats: (sheet.numberFormats ?? []).map((f) => ({
              ...f,
              address: f.address.replace(/\d+$/, String(last)),
            })),
            tables: [{ name: "Claims", address: `A1:O${last}` }],
          },
    ),
  };
  const rowOf = ({ i }: { i: number }) => i + 1;
  return {
    snapshot,
    headers,
    underpaidRows: underpaid.map(rowOf),
    overpaidRows: overpaid.map(rowOf),
    deniedRows: denied.map(rowOf),
    recoverableCents,
    rowCount: rows.length,
  };
}

/** A review request for the sample's Claims table with the default tolerance ($1 and 1%). */
export function aReviewRequest(
  headers: readonly string[],
  overrides: Partial<VarianceReviewRequest> = {},
): VarianceReviewRequest {
  return {
    tableName: "Claims",
    mapping: suggestClaimsMapping(headers),
    payerContracts: {},
    tolerance: { amount: 1, fraction: 0.01, rule: "both" },
    replaceExisting: false,
    ...overrides,
  };
}

/** The body values of a table column, by header. */
export function columnValues(simulator: WorkbookSimulator, sheet: string, header: string, rows: number): unknown[] {
  const width = simulator.usedSize(sheet).columns;
  const index = Array.from({ length: width }, (_, i) => simulator.cell(sheet, 0, i).value).indexOf(header);
  if (index < 0) return [];
  return Array.from({ length: rows }, (_, r) => simulator.cell(sheet, r + 1, index).value);
}

/** Every header of a sheet's first row. */
export function headerRow(simulator: WorkbookSimulator, sheet: string): unknown[] {
  const width = simulator.usedSize(sheet).columns;
  return Array.from({ length: width }, (_, i) => simulator.cell(sheet, 0, i).value).filter(
    (v) => v !== null && v !== "",
  );
}
