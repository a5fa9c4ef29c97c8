/**
 * A hospital workbook for the registry and formula tests (issue 14): PayerContracts with three hospital contracts,
 * their InpatientTerms / OutpatientTerms and rate tables, and the CMS tables built from rows of the real files in
 * ../shared/data (MS-DRG weights FY2025 and FY2026, Addendum B January 2025), each sheet's headers taken from the
 * column dictionary so the tests read the tables exactly as declared. Call inside describeWithSharedData.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { IsoDate } from "../../src/engine";
import type { Columns, TableSpec } from "../../src/excel/registry/tableSpec";
import { HOSPITAL_TABLE_SPECS, PAYER_CONTRACTS_SPEC } from "../../src/excel/registry";
import { parseDrgWeightsCsv } from "../../src/formats/cmsIpps";
import { parseAddendumBCsv } from "../../src/formats/cmsOpps";
import type { CellInput, SheetSnapshot, WorkbookSnapshot } from "../../src/playground/simulator";
import { readSharedData, SHARED_DATA } from "../support/sharedData";

/** A row of a declared table, by column header. */
export type Row = Readonly<Record<string, CellInput>>;

const columnLetter = (n: number): string =>
  n < 26 ? String.fromCharCode(65 + n) : columnLetter(Math.floor(n / 26) - 1) + columnLetter(n % 26);

/** A sheet holding one declared table: every read column's header in declaration order, then the rows. */
export function tableSheet(spec: TableSpec<Columns>, sheet: string, rows: readonly Row[]): SheetSnapshot {
  const headers = Object.values(spec.columns).map((column) => column.header);
  const cells: CellInput[][] = [headers, ...rows.map((row) => headers.map((header) => row[header] ?? null))];
  return {
    name: sheet,
    cells,
    tables: [{ name: spec.title, address: `A1:${columnLetter(headers.length - 1)}${cells.length}` }],
  };
}

const HOSPITAL_SPEC = new Map(HOSPITAL_TABLE_SPECS.map((spec) => [spec.title, spec as TableSpec<Columns>]));
/** The declared spec of a hospital table by its name. */
export const specOf = (title: string): TableSpec<Columns> => HOSPITAL_SPEC.get(title)!;

/** The DRGs and codes the tests price, with the rows CMS publishes for them. */
const DRGS = new Set(["470", "291", "029", "039"]);
const HCPCS = new Set(["27447", "96374", "C1776", "J2405", "85025", "10060", "20610", "12002", "J2250", "99284"]);

/** MsDrgWeights rows of FY2025 and FY2026 for the DRGs the tests price, as CMS's pricer files give them. */
export function drgWeightRows(): Row[] {
  return (["2025", "2026"] as const).flatMap((year) => {
    const parsed = parseDrgWeightsCsv(readSharedData(`cms-ipps/ipps_drgstable_FY${year}_cms_pricer.csv`));
    if (!parsed.ok) throw new Error(`FY${year} weights not read`);
    return [...parsed.value.table.rows.values()]
      .filter((row) => DRGS.has(row.drg))
      .map((row) => ({
        "MS-DRG": row.drg,
        "Fiscal Year": Number(year),
        Weight: row.weight.toNumber(),
        GMLOS: row.geometricMeanLengthOfStay.toNumber(),
        AMLOS: row.arithmeticMeanLengthOfStay.toNumber(),
        "Post-Acute": row.postAcuteTransfer ? "Y" : "N",
        "Special Pay": row.specialPay ? "Y" : "N",
        Description: row.description,
      }));
  });
}

/** OppsRates rows of the January 2025 Addendum B for the codes the tests price, read from its Windows-1252 bytes. */
export function oppsRateRows(): Row[] {
  const bytes = new Uint8Array(readFileSync(path.join(SHARED_DATA!, "cms-opps/opps_addendum_b_2025-01_section508.csv"))); // prettier-ignore
  const start = "2025-01-01" as IsoDate;
  const parsed = parseAddendumBCsv(bytes, { label: "Addendum B 2025-01", effectiveStartDate: start });
  if (!parsed.ok) throw new Error("Addendum B January 2025 not read");
  return [...parsed.value.table.rows.values()]
    .filter((row) => HCPCS.has(row.hcpcsCode))
    .map((row) => ({
      "HCPCS Code": row.hcpcsCode,
      "Effective Start Date": start,
      "Status Indicator": row.statusIndicator,
      APC: row.apc,
      "Relative Weight": row.relativeWeight?.toNumber() ?? null,
      "Payment Rate": row.paymentRate?.toNumber() ?? null,
    }));
}

const contract = (name: string): Row => ({
  "Contract Name": name,
  Payer: "Acme Health",
  Product: "PPO",
  "Effective Start Date": "2025-01-01",
  Method: "None (hospital terms only)",
});

/** Every hospital table's rows, by table name; a test replaces or adds rows of one table. */
export type HospitalRows = Readonly<Record<string, readonly Row[]>>;

/**
 * The hospital contracts of the tests:
 * - Mercy Hospital PPO: inpatient MS-DRG at $10,000.00 in 2025 and $10,500.00 from 2026, transfer reduction exact;
 *   outpatient 150% of OPPS at wage index 0.8.
 * - Mercy Behavioral: inpatient per diem at CMS's tiers ($2,000 days 1-3, $1,800 days 4-5, $1,200 day 6 on) with a
 *   $20,000.00 case rate for DRG 470 and first-dollar stop-loss at 50% of charges over $200,000.00.
 * - Mercy Two Levels: per diem at two levels of care.
 * - Valley Hospital: outpatient 100% of OPPS at wage index 1.2 (no inpatient terms).
 * - Mercy Rev Codes: outpatient revenue code rates (ER $450.00 per visit, lab $25.00 per unit) and implants (0278)
 *   carved out at 40% of charges.
 */
export function hospitalRows(): HospitalRows {
  const tiers = (name: string, level: string, from: string, to: string) =>
    [[1, 3, 2000], [4, 5, 1800], [6, null, 1200]].map(([fromDay, toDay, rate]) => ({ "Contract Name": name, "Level of Care": level, "Revenue Code From": from, "Revenue Code To": to, "From Day": fromDay!, "To Day": toDay!, Rate: rate! })); // prettier-ignore
  return {
    PayerContracts: ["Mercy Hospital PPO", "Mercy Behavioral", "Mercy Two Levels", "Valley Hospital", "Mercy Rev Codes"].map(contract), // prettier-ignore
    InpatientTerms: [
      { "Contract Name": "Mercy Hospital PPO", "Effective Start Date": "2025-01-01", "Effective End Date": "2025-12-31", "Inpatient Method": "MS-DRG", "Base Rate": 10000, "Transfer Reduction": "Exact" }, // prettier-ignore
      { "Contract Name": "Mercy Hospital PPO", "Effective Start Date": "2026-01-01", "Inpatient Method": "MS-DRG", "Base Rate": 10500, "Transfer Reduction": "Exact" }, // prettier-ignore
      { "Contract Name": "Mercy Behavioral", "Effective Start Date": "2025-01-01", "Inpatient Method": "Per Diem", "Stop-Loss Type": "First dollar", "Stop-Loss Threshold": 200000, "Stop-Loss Percent": "50%" }, // prettier-ignore
      { "Contract Name": "Mercy Two Levels", "Effective Start Date": "2025-01-01", "Inpatient Method": "Per Diem" },
    ],
    InpatientCaseRates: [{ "Contract Name": "Mercy Behavioral", "MS-DRG": 470, Rate: 20000 }],
    InpatientPerDiemRates: [
      ...tiers("Mercy Behavioral", "Psychiatric", "0114", "0124"),
      ...tiers("Mercy Two Levels", "Medical/Surgical", "0110", "0159"),
      ...tiers("Mercy Two Levels", "Intensive Care", "0200", "0209"),
    ],
    OutpatientTerms: [
      { "Contract Name": "Mercy Hospital PPO", "Effective Start Date": "2025-01-01", "Outpatient Method": "Percent of OPPS", Percent: "150%", "Wage Index": 0.8 }, // prettier-ignore
      { "Contract Name": "Valley Hospital", "Effective Start Date": "2025-01-01", "Outpatient Method": "Percent of OPPS", Percent: "100%", "Wage Index": 1.2 }, // prettier-ignore
      { "Contract Name": "Mercy Rev Codes", "Effective Start Date": "2025-01-01", "Outpatient Method": "Revenue Code Rates" }, // prettier-ignore
    ],
    RevenueCodeRates: [
      { "Contract Name": "Mercy Rev Codes", "Revenue Code From": 450, Rate: 450, Basis: "Per Visit" },
      { "Contract Name": "Mercy Rev Codes", "Revenue Code From": "0300", "Revenue Code To": "0319", Rate: 25 },
    ],
    InstitutionalCarveOuts: [
      { "Contract Name": "Mercy Rev Codes", "Code Type": "Revenue Code", "Code From": "0278", Method: "Percent of Charges", Percent: "40%" }, // prettier-ignore
    ],
    MsDrgWeights: drgWeightRows(),
    OppsRates: oppsRateRows(),
  };
}

/** The workbook of `rows` (by table name), each table on a sheet of its own name, plus `extra` sheets. */
export function hospitalWorkbook(
  rows: HospitalRows = hospitalRows(),
  extra: readonly SheetSnapshot[] = [],
): WorkbookSnapshot {
  const sheets = Object.entries(rows).map(([title, tableRows]) =>
    tableSheet(title === PAYER_CONTRACTS_SPEC.title ? PAYER_CONTRACTS_SPEC : specOf(title), title, tableRows),
  );
  return { sheets: [...sheets, ...extra] };
}
