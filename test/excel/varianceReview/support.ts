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
import { columnLetters } from "../../../src/excel/core/columnLetters";
import { REMITTANCE_TABLE_COLUMNS } from "../../../src/excel/remittances/remittanceTable";
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
            tables: [{ name: "Claims", address: `A1:${columnLetters(headers.length - 1)}${last}` }],
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

/** A remittance table as the add-in writes it, with what was planted in it, by 1-based data row. */
export interface PlantedRemittances {
  readonly snapshot: WorkbookSnapshot;
  readonly headers: readonly string[];
  /** The expected Variance Flag of every row, in row order. */
  readonly flags: readonly string[];
  readonly reversalRows: readonly number[];
  readonly correctionRows: readonly number[];
  readonly multiUnitRows: readonly number[];
  readonly underpaidRows: readonly number[];
  /** The line denied CO-16 $20 and CO-197 $380: the table's reason is CO-197 (largest amount, DOMAIN.md 4.3). */
  readonly multiReasonRow: number;
  /** The claim ids of the underpaid lines: the Worklist's claims. */
  readonly underpaidClaims: readonly string[];
  /** The payer -> contract mapping of the sample (the remittance table has no Contract column). */
  readonly payerContracts: Readonly<Record<string, string>>;
}

/**
 * A "Remittances" table with the add-in's own columns (REMITTANCE_TABLE_COLUMNS), built from sample claims at
 * non-facility places of service, every line allowed at exactly its contract price (units included), then planted:
 * - claim R1 reversed (CLP02 = 22: its lines again with every amount negated, Outcome "Reversed", Reversal Flag
 *   TRUE) and corrected at contract, the correction lines following as a claim processed as primary;
 * - claim R2 reversed and its correction underpaid by $7.50 on its first line, so it alone of the two is on the
 *   Worklist, for its correction;
 * - every multi-unit line of the sample's first such claims, allowed at rate x units;
 * - one line denied CO-16 $20 and CO-197 $380 (the table's reason CO-197, Authorization);
 * - one more line underpaid by 3% + $2.
 */
export async function plantedRemittances(): Promise<PlantedRemittances> {
  const sample = buildSampleWorkbook();
  const claimsSheet = sample.sheets.find((s) => s.name === "Claims")!;
  const [header, ...body] = claimsSheet.cells as CellInput[][];
  const claimHeaders = header!.map(String);
  const c = (name: string) => col(claimHeaders, name);
  const registry = (await readRegistry(new WorkbookSimulator(sample).excel)).registry;
  const claims = new Map<string, CellInput[][]>();
  for (const row of body)
    claims.set(String(row[c("Claim ID")]), [...(claims.get(String(row[c("Claim ID")])) ?? []), row]);
  const payerContracts: Record<string, string> = {};
  // Claims priced in full at non-facility places: the remittance table carries no place of service.
  const priced: { id: string; lines: CellInput[][]; cents: number[] }[] = [];
  for (const [id, lines] of claims) {
    if (!lines.every((row) => String(row[c("Place of Service Code")]) === "11")) continue;
    const prices = priceClaim(
      registry,
      lines.map((row) => claimLine(row, c)),
    );
    if (!prices.every((p) => p.ok)) continue;
    priced.push({
      id,
      lines,
      cents: prices.map((p) => (p as { value: { allowedAmount: number } }).value.allowedAmount),
    });
    for (const row of lines) payerContracts[String(row[c("Payer")])] = String(row[c("Contract Name")]);
  }
  const multiUnit = priced.filter((claim) => claim.lines.some((row) => Number(row[c("Service Unit Quantity")]) > 1));
  const single = priced
    .filter((claim) => !multiUnit.includes(claim))
    .filter((claim) => claim.cents.every((x) => x >= 2_000));
  const chosen = [...single.slice(0, 12), ...multiUnit.slice(0, 4)];

  const headers = REMITTANCE_TABLE_COLUMNS.map((column) => column.name);
  const h = (name: string) => col(headers, name);
  const rows: CellInput[][] = [];
  const flags: string[] = [];
  const remitRow = (claimId: string, source: CellInput[], lineNumber: number, cents: number, sign: 1 | -1) => {
    const row: CellInput[] = headers.map(() => null);
    const set = (name: string, value: CellInput) => (row[h(name)] = value);
    const units = Number(source[c("Service Unit Quantity")]);
    set("Payer", source[c("Payer")] ?? null);
    set("Claim ID", claimId);
    set("Claim Status Code", sign < 0 ? "22" : "1");
    set("Claim Line Number", lineNumber);
    set("Service Date", source[c("Service Date")] ?? null);
    set("HCPCS Code", source[c("HCPCS Code")] ?? null);
    set("HCPCS Modifier 1", source[c("HCPCS Modifier 1")] ?? null);
    set("HCPCS Modifier 2", source[c("HCPCS Modifier 2")] ?? null);
    set("Paid Service Unit Quantity", units);
    set("Charge Amount", (sign * Math.round(Number(source[c("Charge Amount")]) * 100)) / 100);
    set("Allowed Amount", (sign * cents) / 100);
    set("Paid Amount", (sign * cents) / 100);
    set("Patient Responsibility Amount", 0);
    set("Adjustment Codes", "CO-45");
    set("Outcome", sign < 0 ? "Reversed" : "Paid");
    set("Denied Flag", false);
    set("Partial Denial Flag", false);
    set("Reversal Flag", sign < 0);
    set("Source File", "planted.835");
    rows.push(row);
  };
  const add = (claimId: string, claim: (typeof chosen)[number], flag: string, sign: 1 | -1 = 1) =>
    claim.lines.map((source, i) => {
      remitRow(claimId, source, i + 1, claim.cents[i]!, sign);
      flags.push(flag);
      return rows.length;
    });

  const reversalRows = [...add("R1", chosen[0]!, "Reversed", -1), ...add("R2", chosen[1]!, "Reversed", -1)];
  const correctionRows = [...add("R1", chosen[0]!, "OK"), ...add("R2", chosen[1]!, "OK")];
  const underpaidCorrection = correctionRows[chosen[0]!.lines.length]!;
  const underpaidCells = rows[underpaidCorrection - 1]!;
  underpaidCells[h("Allowed Amount")] = Number(underpaidCells[h("Allowed Amount")]) - 7.5;
  underpaidCells[h("Paid Amount")] = underpaidCells[h("Allowed Amount")]!;
  flags[underpaidCorrection - 1] = "Underpaid";
  const multiUnitRows: number[] = [];
  for (const claim of chosen.slice(12)) {
    const added = add(claim.id, claim, "OK");
    added.forEach((r) => {
      if (Number(rows[r - 1]![h("Paid Service Unit Quantity")]) > 1) multiUnitRows.push(r);
    });
  }
  const others = chosen.slice(2, 12).flatMap((claim) => add(claim.id, claim, "OK"));
  const multiReasonRow = others[0]!;
  const denied = rows[multiReasonRow - 1]!;
  denied[h("Charge Amount")] = 400;
  denied[h("Allowed Amount")] = 0;
  denied[h("Paid Amount")] = 0;
  denied[h("Adjustment Codes")] = "CO-16 CO-197";
  denied[h("Adjustment Amount")] = 400;
  denied[h("Outcome")] = "Denied";
  denied[h("Denied Flag")] = true;
  denied[h("Denial Category")] = "Authorization/Precertification";
  denied[h("Denial Reason Code")] = "CO-197";
  flags[multiReasonRow - 1] = "Denied";
  const underpaidRow = others[others.length - 1]!;
  const short = rows[underpaidRow - 1]!;
  const shortCents = Math.round(Number(short[h("Allowed Amount")]) * 100);
  short[h("Allowed Amount")] = (shortCents - Math.round(shortCents * 0.03) - 200) / 100;
  short[h("Paid Amount")] = short[h("Allowed Amount")]!;
  flags[underpaidRow - 1] = "Underpaid";
  const claimOf = (row: number) => String(rows[row - 1]![h("Claim ID")]);

  const last = rows.length + 1;
  const snapshot: WorkbookSnapshot = {
    ...sample,
    sheets: [
      ...sample.sheets,
      {
        name: "Remittances",
        cells: [headers, ...rows],
        tables: [{ name: "Remittances", address: `A1:${columnLetters(headers.length - 1)}${last}` }],
      },
    ],
  };
  return {
    snapshot,
    headers,
    flags,
    reversalRows,
    correctionRows,
    multiUnitRows,
    underpaidRows: [underpaidCorrection, underpaidRow],
    multiReasonRow,
    underpaidClaims: [claimOf(underpaidCorrection), claimOf(underpaidRow)],
    payerContracts,
  };
}

function claimLine(row: CellInput[], c: (name: string) => number): ContractLine {
  return {
    contractName: String(row[c("Contract Name")]),
    hcpcsCode: (parseHcpcsCode(row[c("HCPCS Code")]) as { value: ContractLine["hcpcsCode"] }).value,
    modifiers: (
      parseModifiers(row[c("HCPCS Modifier 1")], row[c("HCPCS Modifier 2")]) as { value: ContractLine["modifiers"] }
    ).value,
    units: Number(row[c("Service Unit Quantity")]),
    chargeAmount: Math.round(Number(row[c("Charge Amount")]) * 100) as Cents,
    serviceDate: (parseIsoDate(row[c("Service Date")]) as { value: ContractLine["serviceDate"] }).value,
    setting: "non-facility",
  };
}
