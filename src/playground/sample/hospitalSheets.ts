/**
 * The sample's hospital side (issue 14): the hospital tables of the registry, each on its own sheet with the headers
 * the column dictionary declares, and the Hospital Claims sheet (a UB-04-shaped table of inpatient stays and
 * outpatient claims) with a few PAYER.INPATIENT_PAYMENT and PAYER.OUTPATIENT_PAYMENT formulas beside it. The claims
 * are priced through the engine under the registry built from these very sheets, so the formulas reproduce them.
 */
import { buildRegistry, HOSPITAL_TABLE_SPECS, type RegistrySnapshot } from "../../excel/registry";
import type { TableData } from "../../excel/registry";
import { registryKey } from "../../engine";
import { REVIEW_COLUMN_NAMES } from "../../excel/varianceReview/reviewColumns";
import type { CellInput, SheetSnapshot } from "../simulator";
import { hospitalTableRows } from "./hospitalContracts";
import { loadDrgWeights } from "./hospitalFixtures";
import type { HospitalClaimLine, HospitalClaims } from "./hospitalLines";
import { hospitalPricer } from "./hospitalPricing";
import { generateStays } from "./hospitalStays";
import { generateVisits } from "./hospitalVisits";
import { dollars } from "./money";
import { mulberry32 } from "./prng";
import { columnLetter, FORMATS, tableSheet, type Column } from "./sheets";

/** How many stays and outpatient claims the sample holds: about 700 and 450 revenue lines. */
export const SAMPLE_STAY_COUNT = 140;
export const SAMPLE_VISIT_COUNT = 180;
/** The hospital claims draw from their own stream, so the professional sample stays what it was for each seed. */
const HOSPITAL_STREAM = 0x1e14;

/** The sheet each hospital table is on. */
const SHEET_OF_TABLE: Readonly<Record<string, string>> = {
  InpatientTerms: "Inpatient Terms",
  InpatientCaseRates: "Case Rates",
  InpatientPerDiemRates: "Per Diem Rates",
  OutpatientTerms: "Outpatient Terms",
  RevenueCodeRates: "Revenue Code Rates",
  InstitutionalCarveOuts: "Hospital Carve-outs",
  MsDrgWeights: "MS-DRG Weights",
  OppsRates: "OPPS Rates",
};

/** Columns whose cells are codes or ISO dates: written as text so Excel keeps "065", "0114" and "2025-01-01". */
const TEXT_HEADERS = new Set(["MS-DRG", "Revenue Code From", "Revenue Code To", "Code From", "Code To", "HCPCS Code", "APC", "Effective Start Date", "Effective End Date", "Status Indicator"]); // prettier-ignore

/** Each hospital table on its sheet, every declared column in declaration order. */
function registrySheets(): SheetSnapshot[] {
  const rows = hospitalTableRows();
  return HOSPITAL_TABLE_SPECS.map((spec) => {
    const columns: Column<Readonly<Record<string, CellInput>>>[] = Object.values(spec.columns).map(({ header }) => ({
      header,
      value: (row) => row[header] ?? null,
      ...(TEXT_HEADERS.has(header) ? { format: FORMATS.TEXT } : {}),
    }));
    return tableSheet(SHEET_OF_TABLE[spec.title]!, spec.title, columns, rows[spec.title] ?? []);
  });
}

/** The registry of the workbook's sheets, as the add-in reads it (one table at A1 per sheet). */
export function registryOfSheets(sheets: readonly SheetSnapshot[]): RegistrySnapshot {
  const tables = new Map<string, TableData>();
  for (const sheet of sheets)
    for (const table of sheet.tables ?? []) {
      const [headers = [], ...rows] = sheet.cells;
      tables.set(registryKey(table.name), { name: table.name, sheet: sheet.name, headers, rows, firstRowNumber: 2 });
    }
  return buildRegistry(tables);
}

const money = (cents: number | null): CellInput => (cents === null ? null : dollars(cents));

/** The Hospital Claims table's columns, in UB-04 order, named in the Tuva vocabulary where it has a word. */
const CLAIM_COLUMNS: Column<HospitalClaimLine>[] = [
  { header: "Claim ID", value: (r) => r.claimId, format: FORMATS.TEXT },
  { header: "Claim Line Number", value: (r) => r.claimLineNumber },
  { header: "Type of Bill", value: (r) => r.typeOfBill, format: FORMATS.TEXT },
  { header: "Payer", value: (r) => r.payer },
  { header: "Contract Name", value: (r) => r.contractName },
  { header: "Admit Date", value: (r) => r.admitDate, format: FORMATS.TEXT },
  { header: "Discharge Date", value: (r) => r.dischargeDate, format: FORMATS.TEXT },
  { header: "MS-DRG", value: (r) => r.msDrg, format: FORMATS.TEXT },
  { header: "Discharge Status", value: (r) => r.dischargeStatus, format: FORMATS.TEXT },
  { header: "Revenue Code", value: (r) => r.revenueCode, format: FORMATS.TEXT },
  { header: "HCPCS Code", value: (r) => r.hcpcsCode, format: FORMATS.TEXT },
  { header: "HCPCS Modifier 1", value: (r) => r.hcpcsModifier1, format: FORMATS.TEXT },
  { header: "Service Date", value: (r) => r.serviceDate, format: FORMATS.TEXT },
  { header: "Service Unit Quantity", value: (r) => r.serviceUnitQuantity },
  { header: "Charge Amount", value: (r) => money(r.chargeAmountCents), format: FORMATS.MONEY },
  { header: "Total Charge Amount", value: (r) => money(r.totalChargeAmountCents), format: FORMATS.MONEY },
  { header: "Allowed Amount", value: (r) => money(r.allowedAmountCents), format: FORMATS.MONEY },
  { header: "Paid Amount", value: (r) => money(r.paidAmountCents), format: FORMATS.MONEY },
  { header: "Claim Allowed Amount", value: (r) => money(r.claimAllowedAmountCents), format: FORMATS.MONEY },
  { header: "Claim Paid Amount", value: (r) => money(r.claimPaidAmountCents), format: FORMATS.MONEY },
  { header: "Adjustment Codes", value: (r) => r.adjustmentCodes || null, format: FORMATS.TEXT },
  { header: "Denied Flag", value: (r) => r.deniedFlag },
];

/** The header of the formula column beside the table (one blank column between them). */
export const EXPECTED_FORMULA_HEADER = "Expected Payment (PAYER formulas)";

/** A column's letter in the Hospital Claims sheet, by header, so formulas name columns rather than positions. */
function letterOf(header: string): string {
  const index = CLAIM_COLUMNS.findIndex((c) => c.header === header);
  if (index < 0) throw new Error(`sample: no Hospital Claims column "${header}"`);
  return columnLetter(index);
}

/** The columns PAYER.INPATIENT_PAYMENT takes, in its argument order (contract ... discharge_status). */
const INPATIENT_ARGUMENTS = ["Contract Name", "MS-DRG", "Admit Date", "Discharge Date", "Total Charge Amount", "Discharge Status"]; // prettier-ignore
/** The columns PAYER.OUTPATIENT_PAYMENT takes, in its argument order (contract ... service_dates). */
const OUTPATIENT_ARGUMENTS = ["Contract Name", "Claim ID", "Revenue Code", "HCPCS Code", "Service Unit Quantity", "Charge Amount", "Service Date"]; // prettier-ignore

/** The stays and outpatient claims the formulas price: a case rate, a transfer-prone DRG, a per diem; J1, T, rates. */
const FORMULA_STAYS: readonly ((l: HospitalClaimLine) => boolean)[] = [
  (l) => l.msDrg === "470",
  (l) => l.msDrg === "291",
  (l) => l.msDrg === "885",
];
const FORMULA_VISITS: readonly ((l: HospitalClaimLine) => boolean)[] = [
  (l) => l.hcpcsCode === "29881" || l.hcpcsCode === "66984",
  (l) => l.hcpcsCode === "45378",
  (l) => l.revenueCode === "0914",
];

/**
 * The sample formulas, by Excel row: PAYER.INPATIENT_PAYMENT on the first line of a few stays, and
 * PAYER.OUTPATIENT_PAYMENT over the lines of a few claims, spilled down beside them.
 */
function expectedFormulas(lines: readonly HospitalClaimLine[]): Map<number, string> {
  const formulas = new Map<number, string>();
  const claimOf = (predicate: (l: HospitalClaimLine) => boolean) => lines.find((l) => !l.deniedFlag && predicate(l));
  const rowOf = (claimId: string) => lines.findIndex((l) => l.claimId === claimId) + 2;
  for (const stay of FORMULA_STAYS.map(claimOf)) {
    if (stay === undefined) continue;
    const row = rowOf(stay.claimId);
    const cells = INPATIENT_ARGUMENTS.map((header) => `${letterOf(header)}${row}`);
    formulas.set(row, `=PAYER.INPATIENT_PAYMENT(${cells.join(", ")})`);
  }
  for (const visit of FORMULA_VISITS.map(claimOf)) {
    if (visit === undefined) continue;
    const from = rowOf(visit.claimId);
    const to = from + lines.filter((l) => l.claimId === visit.claimId).length - 1;
    const ranges = OUTPATIENT_ARGUMENTS.map((header) => `${letterOf(header)}${from}:${letterOf(header)}${to}`);
    formulas.set(from, `=PAYER.OUTPATIENT_PAYMENT(${ranges.join(", ")})`);
  }
  return formulas;
}

/**
 * Blank columns between the table and the formula column: room for the Variance review's columns, which it adds to
 * the table (Excel shifts the cells beside a table to make room; the workbook simulator refuses to, so the sample
 * leaves the room, and one column more to keep the formulas apart from the table).
 */
const GAP = REVIEW_COLUMN_NAMES.length + 1;

/** The Hospital Claims sheet: the table, GAP blank columns, then the formula column. */
function claimsSheet(lines: readonly HospitalClaimLine[]): SheetSnapshot {
  const sheet = tableSheet("Hospital Claims", "HospitalClaims", CLAIM_COLUMNS, lines);
  const formulas = expectedFormulas(lines);
  const blanks: CellInput[] = Array.from({ length: GAP }, () => null);
  const cells = sheet.cells.map((row, i) => [...row, ...blanks, i === 0 ? EXPECTED_FORMULA_HEADER : (formulas.get(i + 1) ?? null)]); // prettier-ignore
  const column = columnLetter(CLAIM_COLUMNS.length + GAP);
  const numberFormats = [...(sheet.numberFormats ?? []), { address: `${column}2:${column}${cells.length}`, format: FORMATS.MONEY }]; // prettier-ignore
  return { ...sheet, cells, numberFormats };
}

/** The hospital sheets of the sample, given the PayerContracts sheet (which names the hospital contracts). */
export function buildHospitalSheets(
  seed: number,
  contractsSheet: SheetSnapshot,
): { sheets: SheetSnapshot[]; claims: HospitalClaims } {
  const registry = registrySheets();
  const snapshot = registryOfSheets([contractsSheet, ...registry]);
  const hospital = snapshot.registry.hospital;
  if (hospital === undefined) throw new Error("sample: the registry has no hospital side");
  const prng = mulberry32(seed ^ HOSPITAL_STREAM);
  const pricer = hospitalPricer(hospital);
  const stays = generateStays(prng, loadDrgWeights(), pricer, SAMPLE_STAY_COUNT);
  const visits = generateVisits(prng, pricer, SAMPLE_VISIT_COUNT);
  const claims = { lines: [...stays.lines, ...visits.lines], planted: [...stays.planted, ...visits.planted] };
  return { sheets: [claimsSheet(claims.lines), ...registry], claims };
}
