/**
 * A small contract registry for the contract editor's specifications: Acme PPO (two versions on its fee schedule
 * FS_Acme, a carve-out), the registry tables formatted as a user's would be (dates as text, percentages as %); and
 * the sample's hospital contracts with their terms tables.
 */
import { emptyForm } from "../../../src/excel/contracts/registryForm";
import type { CarveOutForm, ContractForm } from "../../../src/excel/contracts/contractEditor";
import { CONTRACT_CARVE_OUTS_SPEC, PAYER_CONTRACTS_SPEC } from "../../../src/excel/registry/registryTables";
import type { CellInput, SheetSnapshot, WorkbookSnapshot } from "../../../src/playground/simulator";
import type { TermsForm } from "../../../src/excel/contracts/hospitalTerms";
import { INPATIENT_TERMS_SPEC } from "../../../src/excel/registry/hospitalTermsTables";
import { BEHAVIORAL, HOSPITAL_PPO, hospitalTableRows } from "../../../src/playground/sample/hospitalContracts";
import { specOf, tableSheet as specTableSheet } from "../../formulas/hospitalWorkbook";

const letter = (n: number) => String.fromCharCode(64 + n);

function tableSheet(
  sheet: string,
  table: string,
  cells: CellInput[][],
  formats: Record<string, string> = {},
): SheetSnapshot {
  const last = cells.length;
  const headers = cells[0]!.map(String);
  return {
    name: sheet,
    cells: cells.map((row) => [...row]),
    numberFormats: Object.entries(formats).map(([header, format]) => {
      const column = letter(headers.indexOf(header) + 1);
      return { address: `${column}2:${column}${last}`, format };
    }),
    tables: [{ name: table, address: `A1:${letter(headers.length)}${last}` }],
  };
}

const CONTRACT_HEADERS = ["Contract Name", "Payer", "Product", "Effective Start Date", "Effective End Date", "Method", "Percent", "Fee Schedule", "Medicare Schedule", "Lesser Of"]; // prettier-ignore
const CARVE_OUT_HEADERS = ["Contract Name", "HCPCS Code From", "HCPCS Code To", "Method", "Rate", "Percent"];

/** The registry tables of a user's workbook, with `contractRows` and `carveOutRows` (defaults: Acme PPO's). */
export function aRegistryWorkbook(
  options: { contractRows?: CellInput[][]; carveOutRows?: CellInput[][]; extraSheets?: SheetSnapshot[] } = {},
): WorkbookSnapshot {
  const contracts = options.contractRows ?? [
    ["Acme PPO", "Acme", "PPO", "2024-01-01", "2024-12-31", "Percent of Billed", 0.6, null, null, true],
    ["Acme PPO", "Acme", "PPO", "2025-01-01", "2025-12-31", "Fee Schedule", null, "FS_Acme", null, true],
  ];
  const carveOuts = options.carveOutRows ?? [["Acme PPO", "J0120", "J9999", "Percent of Billed", null, 0.55]];
  return {
    sheets: [
      { name: "Notes", cells: [["Payer contracts of the clinic"]] },
      tableSheet("Contracts", "PayerContracts", [CONTRACT_HEADERS, ...contracts], {
        "Effective Start Date": "@",
        "Effective End Date": "@",
        Percent: "0%",
      }),
      tableSheet("Carve-outs", "ContractCarveOuts", [CARVE_OUT_HEADERS, ...carveOuts], { Percent: "0%", Rate: "$#,##0.00" }), // prettier-ignore
      tableSheet("Acme Fees", "FS_Acme", [
        ["HCPCS Code", "Modifier", "Non-Facility Rate", "Facility Rate"],
        ["99213", null, 92.45, 70.1],
        ["99214", null, 130.2, 101.9],
      ]),
    ],
    activeSheet: "Notes",
  };
}

/** A workbook without any registry table: a new user's. */
export function aWorkbookWithoutRegistry(): WorkbookSnapshot {
  return { sheets: [{ name: "Notes", cells: [["Payer contracts of the clinic"]] }], activeSheet: "Notes" };
}

/** A new contract's form: Cedar Health HMO at 60% of billed charges from 2025. */
export function aContractForm(overrides: Partial<ContractForm> = {}): ContractForm {
  return {
    ...emptyForm(PAYER_CONTRACTS_SPEC.columns),
    contractName: "Cedar Health HMO",
    payer: "Cedar Health",
    product: "HMO",
    effectiveStartDate: "2025-01-01",
    method: "Percent of Billed",
    percent: "60%",
    ...overrides,
  };
}

/** A carve-out of Acme PPO: labs at a flat $12.50. */
export function aCarveOutForm(overrides: Partial<CarveOutForm> = {}): CarveOutForm {
  return {
    ...emptyForm(CONTRACT_CARVE_OUTS_SPEC.columns),
    contractName: "Acme PPO",
    hcpcsCodeFrom: "80047",
    hcpcsCodeTo: "87999",
    method: "Flat Rate",
    rate: "12.50",
    ...overrides,
  };
}

const HOSPITAL_ONLY = (name: string): CellInput[] => [name, "Acme Health", "PPO", "2025-01-01", "2025-12-31", "None (hospital terms only)", null, null, null, false]; // prettier-ignore
/** The sample's hospital tables the editor's specifications use (the CMS tables are not needed to read the terms). */
const HOSPITAL_SHEETS = { InpatientTerms: "Inpatient Terms", InpatientCaseRates: "Case Rates", InpatientPerDiemRates: "Per Diem Rates", OutpatientTerms: "Outpatient Terms", RevenueCodeRates: "Revenue Code Rates" } as const; // prettier-ignore

/**
 * The registry above with the sample's two hospital-only contracts (Acme Hospital PPO: MS-DRG inpatient and Percent
 * of OPPS outpatient terms for 2025; Acme Behavioral Health: Per Diem and Revenue Code Rates) and their hospital
 * tables as the sample workbook has them, `without` some of those tables.
 */
export function aHospitalWorkbook(options: { without?: readonly string[] } = {}): WorkbookSnapshot {
  const base = aRegistryWorkbook({
    contractRows: [
      ["Acme PPO", "Acme", "PPO", "2025-01-01", "2025-12-31", "Fee Schedule", null, "FS_Acme", null, true],
      HOSPITAL_ONLY(HOSPITAL_PPO),
      HOSPITAL_ONLY(BEHAVIORAL),
    ],
  });
  const rows = hospitalTableRows();
  const sheets = Object.entries(HOSPITAL_SHEETS)
    .filter(([table]) => !(options.without ?? []).includes(table))
    .map(([table, sheet]) => specTableSheet(specOf(table), sheet, rows[table]!));
  return { ...base, sheets: [...base.sheets, ...sheets] };
}

/** New inpatient terms of Acme Hospital PPO for 2026: MS-DRG at a $12,000.00 base rate. */
export function anInpatientTermsForm(overrides: Partial<TermsForm<"inpatient">> = {}): TermsForm<"inpatient"> {
  return {
    ...emptyForm(INPATIENT_TERMS_SPEC.columns),
    contractName: HOSPITAL_PPO,
    effectiveStartDate: "2026-01-01",
    effectiveEndDate: "2026-12-31",
    inpatientMethod: "MS-DRG",
    baseRate: "12000.00",
    ...overrides,
  };
}
