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

/** A table's rows, each as its values by header. */
export type RowsByHeader = Record<string, unknown>[];

const isEmpty = (value: unknown) => value === null || value === undefined || value === "";

/**
 * The table whose header row is `headerRow` (0-based), read by headers: the rows below it down to the first empty
 * row, each as values by header (a column without a header is left out; a repeated header is read as "Payer (2)").
 */
export function tableByHeaders(simulator: WorkbookSimulator, sheet: string, headerRow: number): RowsByHeader {
  const { rows, columns } = simulator.usedSize(sheet);
  const seen = new Map<string, number>();
  const headers = Array.from({ length: columns }, (_, c) => {
    const header = simulator.cell(sheet, headerRow, c).value;
    if (isEmpty(header)) return null;
    const count = (seen.get(String(header)) ?? 0) + 1;
    seen.set(String(header), count);
    return count === 1 ? String(header) : `${String(header)} (${count})`;
  });
  const table: RowsByHeader = [];
  for (let r = headerRow + 1; r < rows; r++) {
    const values = headers.map((_, c) => simulator.cell(sheet, r, c).value);
    if (values.every(isEmpty)) break;
    table.push(Object.fromEntries(headers.flatMap((h, c) => (h === null ? [] : [[h, values[c]]]))));
  }
  return table;
}

/** The 0-based row of the first cell of column A that reads `text` (a heading), or an error naming it. */
export function rowReading(simulator: WorkbookSimulator, sheet: string, text: string): number {
  const { rows } = simulator.usedSize(sheet);
  for (let r = 0; r < rows; r++) if (simulator.cell(sheet, r, 0).value === text) return r;
  throw new Error(`no row of sheet "${sheet}" reads "${text}" in column A`);
}

/** The rows without the columns whose header matches `header` (the columns a test inserted). */
export function withoutColumns(table: RowsByHeader, header: RegExp): RowsByHeader {
  return table.map((row) => Object.fromEntries(Object.entries(row).filter(([h]) => !header.test(h))));
}

/** The values of the columns whose header matches `header`, every row. */
export function valuesOfColumns(table: RowsByHeader, header: RegExp): unknown[] {
  return table.flatMap((row) => Object.entries(row).flatMap(([h, value]) => (header.test(h) ? [value] : [])));
}
