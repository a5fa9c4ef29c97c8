import { fail, ok } from "../../engine";
import type { AnesthesiaBaseUnitsRow, HcpcsCode, Result } from "../../engine";
import { openCmsTable, readDataRows, tableCutShort } from "./cmsTable";
import type { CmsTableSpec, RowRead, TableRow } from "./cmsTable";
import type { ImportIssue } from "./importIssues";

/** A parsed anesthesia base units file: one row per code, and the rows left out with why. */
export interface AnesthesiaBaseUnitsImport {
  readonly rows: readonly AnesthesiaBaseUnitsRow[];
  /** Rows left out (a bad code or base units, a repeated code), by row number. */
  readonly issues: readonly ImportIssue[];
}

const FILE_KIND = "CMS anesthesia base units";

/**
 * Columns by header text. CMS's file has "CPT Code", "Descriptor", "Base Units"; other years and payers' lists say
 * "HCPCS", "Anesthesia Code", "Base Unit Value". The descriptor (AMA text) is not read.
 */
const BASE_UNITS_COLUMNS = {
  hcpcsCode: {
    matches: (k: string) => /^(CPT|HCPCS|ANESTHESIA|ANES)?(CPT|HCPCS)?CODE$/.test(k) || k === "CPT" || k === "HCPCS",
    label: "CPT Code",
  },
  baseUnits: { matches: (k: string) => k.startsWith("BASEUNIT") || k === "BASE", label: "Base Units" },
} as const;

type Column = keyof typeof BASE_UNITS_COLUMNS;
/** Anesthesia base units run from 0 to 30 (the highest CMS lists is 30, for 00796 liver transplant). */
const MAX_BASE_UNITS = 30;
/** A CPT/HCPCS code as the file must give it: five characters, zeros kept (00100, not 100). */
const FIVE_CHARACTER_CODE = /^(\d{5}|\d{4}[FTUM]|[A-Z]\d{4})$/;

const BASE_UNITS_TABLE: CmsTableSpec<typeof BASE_UNITS_COLUMNS> = {
  fileKind: FILE_KIND,
  isHeader: (keys) => keys.some(BASE_UNITS_COLUMNS.hcpcsCode.matches) && keys.some(BASE_UNITS_COLUMNS.baseUnits.matches), // prettier-ignore
  expected: "CPT Code and Base Units",
  columns: BASE_UNITS_COLUMNS,
};

function readRow(row: TableRow<typeof BASE_UNITS_COLUMNS>): RowRead<AnesthesiaBaseUnitsRow> {
  const cell = (name: Column): string => row.cell(name);
  const invalid = (name: Column, expected: string) => row.invalid(name, expected);
  const code = cell("hcpcsCode").toUpperCase();
  // A code Excel shortened (790 for 00790) is reported, not guessed back: the row number says where to look.
  if (!FIVE_CHARACTER_CODE.test(code))
    invalid("hcpcsCode", "a 5-character code like 00790 (a spreadsheet may have dropped its leading zeros)");
  const text = cell("baseUnits");
  const baseUnits = /^\d{1,2}(\.0+)?$/.test(text) ? Number(text) : NaN;
  if (!(baseUnits >= 0 && baseUnits <= MAX_BASE_UNITS))
    invalid("baseUnits", `a whole number of base units from 0 to ${MAX_BASE_UNITS}, like 7`);
  if (row.issues.length > 0) return { issues: row.issues };
  return { value: { hcpcsCode: code as HcpcsCode, baseUnits, sourceRowNumber: row.rowNumber } };
}

/**
 * Parses an anesthesia base units file (CMS's "Anesthesia Base Units" list by CPT code, or a payer's list with the
 * same two columns) given as CSV text or bytes: the header found by content among banner rows ("CPT Code" /
 * "HCPCS" / "Anesthesia Code" and "Base Units" / "Base Unit Value"). Every bad row is reported with its row number
 * and left out: a code that is not 5 characters, base units that are not a whole number from 0 to 30, a code listed
 * again (the first row is kept). Refused: not CSV text, no such header, a quote never closed, cut inside a line, no
 * rows.
 */
export function parseAnesthesiaBaseUnitsCsv(
  input: string | Uint8Array,
): Result<AnesthesiaBaseUnitsImport, ImportIssue> {
  const table = openCmsTable(input, BASE_UNITS_TABLE);
  if (!table.ok) return table;
  const read = readDataRows(table.value, readRow, (row) => `code ${row.hcpcsCode}`); // prettier-ignore
  const cut = tableCutShort(table.value, read);
  if (cut !== null) return fail(cut);
  return ok({ rows: read.values, issues: read.issues });
}
