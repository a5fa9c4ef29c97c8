import { buildOppsCapTable, parseHcpcsCode, toDecimal, fail, ok } from "../../engine";
import type { Decimal, Modifier, OppsCapRow, OppsCapTable, Result } from "../../engine";
import { openCmsTable, readDataRows, tableCutShort } from "./cmsTable";
import type { CmsTableSpec, RowRead, TableRow } from "./cmsTable";
import type { ImportIssue } from "./importIssues";

/** A parsed OPPSCAP file: the cap table, and the rows left out with why. */
export interface OppsCapImport {
  readonly table: OppsCapTable;
  readonly rowCount: number;
  /** Rows left out (unreadable or repeated), by row number. */
  readonly issues: readonly ImportIssue[];
}

const FILE_KIND = "CMS OPPSCAP";

/**
 * OPPSCAP columns by header text (the October 2025 file: `HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,FACILITY PRICE,
 * NON-FACILTY PRICE`; CMS spells "NON-FACILTY", so the non-facility price is found by what it starts with).
 */
const OPPSCAP_COLUMNS = {
  hcpcsCode: { matches: (k: string) => k === "HCPCS", label: "HCPCS" },
  modifier: { matches: (k: string) => k === "MOD" || k === "MODIFIER", label: "MOD" },
  statusCode: { matches: (k: string) => k === "PROCSTAT" || k.startsWith("STATUS"), label: "PROCSTAT" },
  macCode: { matches: (k: string) => k === "CARRIER" || k === "MAC" || k.includes("CONTRACTOR"), label: "CARRIER" },
  localityNumber: { matches: (k: string) => k === "LOCALITY", label: "LOCALITY" },
  facilityPrice: { matches: (k: string) => k.startsWith("FACILITY"), label: "FACILITY PRICE" },
  nonFacilityPrice: { matches: (k: string) => k.startsWith("NONFACIL"), label: "NON-FACILITY PRICE" },
} as const;

type Column = keyof typeof OPPSCAP_COLUMNS;
/** Modifiers the file carries: blank for the global service, TC for the technical component (never 26). */
const CAPPED_MODIFIERS = ["", "TC"];
/** A price in dollars and cents, as CMS writes them (150.69). */
const PRICE_TEXT = /^\d{1,7}(\.\d{1,2})?$/;

const OPPSCAP_TABLE: CmsTableSpec<typeof OPPSCAP_COLUMNS> = {
  fileKind: FILE_KIND,
  isHeader: (keys) => keys.includes("HCPCS") && keys.includes("CARRIER"),
  expected: "HCPCS and CARRIER",
  columns: OPPSCAP_COLUMNS,
};

function readRow(row: TableRow<typeof OPPSCAP_COLUMNS>): RowRead<OppsCapRow> {
  const cell = (name: Column): string => row.cell(name);
  const invalid = (name: Column, expected: string) => row.invalid(name, expected);
  const code = parseHcpcsCode(cell("hcpcsCode"));
  if (!code.ok) invalid("hcpcsCode", "a HCPCS code like 74175");
  const modifier = cell("modifier").toUpperCase();
  if (!CAPPED_MODIFIERS.includes(modifier)) invalid("modifier", "blank (global) or TC");
  const statusCode = cell("statusCode").toUpperCase();
  if (!/^[A-Z]$/.test(statusCode)) invalid("statusCode", "a one-letter status code like A");
  // Excel drops leading zeros ("01112" -> 1112, "05" -> 5): they are put back.
  const mac = cell("macCode");
  if (!/^\d{1,5}$/.test(mac)) invalid("macCode", "a MAC number like 01112");
  const locality = cell("localityNumber");
  if (!/^\d{1,2}$/.test(locality)) invalid("localityNumber", "a locality number like 05");
  const price = (name: Column): Decimal | null => {
    const text = cell(name);
    const value = PRICE_TEXT.test(text) ? toDecimal(text) : null;
    if (value === null) invalid(name, "a price in dollars and cents like 306.22");
    return value;
  };
  const facilityPrice = price("facilityPrice");
  const nonFacilityPrice = price("nonFacilityPrice");
  if (row.issues.length > 0 || !code.ok || facilityPrice === null || nonFacilityPrice === null)
    return { issues: row.issues };
  return {
    value: {
      hcpcsCode: code.value,
      modifier: modifier === "" ? null : (modifier as Modifier),
      statusCode,
      macCode: mac.padStart(5, "0"),
      localityNumber: locality.padStart(2, "0"),
      facilityPrice,
      nonFacilityPrice,
      sourceRowNumber: row.rowNumber,
    },
  };
}

/** A cap row's key as the rowDuplicated message quotes it: "74175-TC in 01112-05". */
const capKey = (row: OppsCapRow): string =>
  `${row.hcpcsCode}${row.modifier ? `-${row.modifier}` : ""} in ${row.macCode}-${row.localityNumber}`;

/**
 * Parses CMS's OPPSCAP file (the OPPS-based caps on imaging TC and global amounts by carrier and locality; DOMAIN.md
 * 2.1) into the engine's cap table, given as text or as the file's bytes. The header is found by content; a blank
 * row of commas at the end is ignored; carrier and locality numbers re-saved by Excel get their zeros back. Rows
 * with an unreadable code, modifier, status, carrier, locality or price, or with control characters, are reported by
 * row number and left out; a row repeating a code, modifier and locality keeps the first. The file is refused when
 * it is not CSV text, has no OPPSCAP header, or was cut short.
 */
export function parseOppsCapCsv(input: string | Uint8Array, label = "OPPSCAP"): Result<OppsCapImport, ImportIssue> {
  const table = openCmsTable(input, OPPSCAP_TABLE);
  if (!table.ok) return table;
  const read = readDataRows(table.value, readRow, capKey);
  // Every OPPSCAP row has all seven columns: a shorter last row is a file cut at a cell boundary.
  const cut = tableCutShort(table.value, read, true);
  if (cut !== null) return fail(cut);
  return ok({ table: buildOppsCapTable(label, read.values), rowCount: read.values.length, issues: read.issues });
}
