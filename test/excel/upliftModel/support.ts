/** Builders and readers shared by the uplift model's specifications. */
import { suggestClaimsMapping, type ClaimsMapping } from "../../../src/excel/claims/claimsMapping";
import {
  DEFAULT_FLOOR,
  DEFAULT_SCENARIOS,
  DEFAULT_TARGET,
  MODEL_ROWS,
  NO_FILTERS,
  type UpliftModelRequest,
} from "../../../src/excel/upliftModel";
import { WorkbookSimulator, parseAddress, type WorkbookSnapshot } from "../../../src/playground/simulator";

/** The sample workbook's Claims headers, as the mapping suggestion sees them. */
export const SAMPLE_CLAIMS_HEADERS = [
  "Claim ID",
  "Claim Line Number",
  "Service Date",
  "Payer",
  "Contract Name",
  "HCPCS Code",
  "HCPCS Modifier 1",
  "HCPCS Modifier 2",
  "Service Unit Quantity",
  "Place of Service Code",
  "Charge Amount",
  "Allowed Amount",
  "Paid Amount",
  "Adjustment Codes",
  "Denied Flag",
];

/** A build request with the defaults the panel starts from, for table `Claims`. */
export function aModelRequest(overrides: Partial<UpliftModelRequest> = {}): UpliftModelRequest {
  return {
    tableName: "Claims",
    mapping: suggestClaimsMapping(SAMPLE_CLAIMS_HEADERS),
    filters: NO_FILTERS,
    scenarios: DEFAULT_SCENARIOS,
    floor: DEFAULT_FLOOR,
    target: DEFAULT_TARGET,
    capAtBilled: true,
    sheetName: "Uplift Model",
    ...overrides,
  };
}

/** A small claims workbook in users' own words (CPT, Billed, Allowed, Units, Payer, DOS). */
export function smallClaimsWorkbook(rows: readonly (readonly (string | number | null)[])[]): WorkbookSnapshot {
  const header = ["Claim", "DOS", "Payer", "CPT", "Units", "Billed", "Allowed"];
  return {
    sheets: [
      {
        name: "Claims",
        cells: [header, ...rows.map((r) => [...r])],
        numberFormats: [{ address: `D2:D${rows.length + 1}`, format: "@" }],
        tables: [{ name: "Claims", address: `A1:G${rows.length + 1}` }],
      },
    ],
  };
}

/** The mapping of {@link smallClaimsWorkbook}. */
export function smallMapping(overrides: Partial<ClaimsMapping> = {}): ClaimsMapping {
  return { ...suggestClaimsMapping(["Claim", "DOS", "Payer", "CPT", "Units", "Billed", "Allowed"]), ...overrides };
}

/** Reads a model sheet's evaluated comparison block: one row per scenario. */
export function comparison(simulator: WorkbookSimulator, sheet: string, scenarios: number) {
  return Array.from({ length: scenarios }, (_, s) => {
    const row = MODEL_ROWS.firstScenario + s;
    const value = (column: number) => simulator.cell(sheet, row, column).value;
    return {
      name: value(0),
      added: value(1),
      floor: value(2),
      target: value(3),
      change: value(4),
      current: value(5),
      newTotal: value(6),
      result: value(7),
    };
  });
}

/** Every formula on a sheet (to search for PAYER.*). */
export function formulasOn(simulator: WorkbookSimulator, sheet: string): string[] {
  const { rows, columns } = simulator.usedSize(sheet);
  const formulas: string[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      const formula = simulator.cell(sheet, r, c).formula;
      if (formula !== null) formulas.push(formula);
    }
  return formulas;
}

/** The value of a cell by A1 address. */
export function valueAt(simulator: WorkbookSimulator, sheet: string, address: string) {
  const parsed = parseAddress(address);
  if (parsed === null) throw new Error(address);
  return simulator.cell(sheet, parsed.rect.row, parsed.rect.column).value;
}

/** Dollars as whole cents, for comparisons to the cent. */
export const cents = (value: unknown): number => Math.round((value as number) * 100);
