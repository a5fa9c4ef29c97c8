import { buildOppsCapTable, parseHcpcsCode, toDecimal, fail, ok } from "../../engine";
import type { Decimal, Modifier, OppsCapRow, OppsCapTable, Result } from "../../engine";
import { headerKey, isBlankRow, readCmsInput, swallowedLineBreaks, type CmsCsv, type CsvGrid } from "./csvGrid";
import type { ImportIssue } from "./importIssues";
import { firstControlCharacter, hasControlCharacter, showControlCharacters } from "./textInput";

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
type Columns = Readonly<Record<Column, number>>;
const COLUMN_NAMES = Object.keys(OPPSCAP_COLUMNS) as Column[];
/** Modifiers the file carries: blank for the global service, TC for the technical component (never 26). */
const CAPPED_MODIFIERS = ["", "TC"];
/** A price in dollars and cents, as CMS writes them (150.69). */
const PRICE_TEXT = /^\d{1,7}(\.\d{1,2})?$/;

function locateColumns(grid: CsvGrid): Result<{ headerRow: number; columns: Columns }, ImportIssue> {
  const headerRow = grid.findIndex((row) => {
    const keys = row.map(headerKey);
    return keys.includes("HCPCS") && keys.includes("CARRIER");
  });
  if (headerRow < 0) return fail({ code: "headerNotFound", fileKind: FILE_KIND, expected: "HCPCS and CARRIER" });
  const keys = (grid[headerRow] ?? []).map(headerKey);
  const columns = {} as Record<Column, number>;
  for (const name of COLUMN_NAMES) {
    const found = keys.findIndex((k) => OPPSCAP_COLUMNS[name].matches(k));
    if (found < 0) return fail({ code: "columnMissing", fileKind: FILE_KIND, column: OPPSCAP_COLUMNS[name].label });
    columns[name] = found;
  }
  return ok({ headerRow, columns });
}

/** One data row read: a cap row, or why it is left out. */
type RowRead = { readonly row: OppsCapRow } | { readonly issues: readonly ImportIssue[] };

function readRow(cells: readonly string[], columns: Columns, rowNumber: number, checkControl: boolean): RowRead {
  const cell = (name: Column): string => cells[columns[name]] ?? "";
  if (checkControl) {
    const damaged = COLUMN_NAMES.filter((name) => hasControlCharacter(cell(name)));
    if (damaged.length > 0) {
      return {
        issues: damaged.map((name): ImportIssue => ({
          code: "controlCharacter",
          rowNumber,
          column: OPPSCAP_COLUMNS[name].label,
          shown: showControlCharacters(cell(name)),
          codePoint: firstControlCharacter(cell(name)),
        })),
      };
    }
  }
  const issues: ImportIssue[] = [];
  const invalid = (name: Column, expected: string) =>
    issues.push({ code: "valueInvalid", rowNumber, column: OPPSCAP_COLUMNS[name].label, value: cell(name), expected });
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
  if (issues.length > 0 || !code.ok || facilityPrice === null || nonFacilityPrice === null) return { issues };
  return {
    row: {
      hcpcsCode: code.value,
      modifier: modifier === "" ? null : (modifier as Modifier),
      statusCode,
      macCode: mac.padStart(5, "0"),
      localityNumber: locality.padStart(2, "0"),
      facilityPrice,
      nonFacilityPrice,
      sourceRowNumber: rowNumber,
    },
  };
}

/**
 * Refuses a file cut short: it ends inside a line (no final line break and no end-of-file marker), stops after its
 * header, or its last row has fewer cells than the header. A cut at a line boundary cannot be told from a complete
 * file: CMS states no row count.
 */
function cutShort(csv: CmsCsv, headerRow: number, rowsRead: number, lastRow: readonly string[] | undefined) {
  const below = csv.rows.slice(headerRow + 1).filter((row) => !isBlankRow(row));
  if (!csv.endsWithLineBreak && !csv.endOfFileMarker) {
    return fail<ImportIssue>({ code: "fileCutMidLine", fileKind: FILE_KIND, rowNumber: csv.rows.length, completeRows: Math.max(0, below.length - 1) }); // prettier-ignore
  }
  if (lastRow === undefined) return fail<ImportIssue>({ code: "noDataRows", fileKind: FILE_KIND, headerRowNumber: headerRow + 1 }); // prettier-ignore
  const expectedCells = COLUMN_NAMES.length;
  const cells = lastRow.length;
  if (cells < expectedCells) {
    return fail<ImportIssue>({ code: "lastRowShort", fileKind: FILE_KIND, rowNumber: csv.rows.length, cells, expectedCells, rowsRead }); // prettier-ignore
  }
  return null;
}

/**
 * Parses CMS's OPPSCAP file (the OPPS-based caps on imaging TC and global amounts by carrier and locality; DOMAIN.md
 * 2.1) into the engine's cap table, given as text or as the file's bytes. The header is found by content; a blank
 * row of commas at the end is ignored; carrier and locality numbers re-saved by Excel get their zeros back. Rows
 * with an unreadable code, modifier, status, carrier, locality or price, or with control characters, are reported by
 * row number and left out; a row repeating a code, modifier and locality keeps the first. The file is refused when
 * it is not CSV text, has no OPPSCAP header, or was cut short.
 */
export function parseOppsCapCsv(input: string | Uint8Array, label = "OPPSCAP"): Result<OppsCapImport, ImportIssue> {
  const csv = readCmsInput(input, FILE_KIND);
  if (!csv.ok) return csv;
  const grid = csv.value.rows;
  const located = locateColumns(grid);
  if (!located.ok) return located;
  const { headerRow, columns } = located.value;
  const quotes = swallowedLineBreaks(csv.value, FILE_KIND);
  if (!quotes.ok) return quotes;
  const swallowed = quotes.value;

  const rows: OppsCapRow[] = [];
  const issues: ImportIssue[] = [];
  const firstByKey = new Map<string, number>();
  let lastRow: readonly string[] | undefined;
  for (let i = headerRow + 1; i < grid.length; i++) {
    const cells = grid[i] ?? [];
    const rowNumber = i + 1;
    if (isBlankRow(cells)) continue;
    lastRow = cells;
    const lineBreaks = swallowed.get(rowNumber);
    if (lineBreaks !== undefined) {
      issues.push({ code: "quoteSwallowedLines", rowNumber, lineBreaks });
      continue;
    }
    const read = readRow(cells, columns, rowNumber, csv.value.controlCharacters);
    if ("issues" in read) {
      issues.push(...read.issues);
      continue;
    }
    const { row } = read;
    const key = `${row.hcpcsCode}${row.modifier ? `-${row.modifier}` : ""} in ${row.macCode}-${row.localityNumber}`;
    const first = firstByKey.get(key);
    if (first !== undefined) {
      issues.push({ code: "rowDuplicated", rowNumber, firstRowNumber: first, key });
      continue;
    }
    firstByKey.set(key, rowNumber);
    rows.push(row);
  }
  const cut = cutShort(csv.value, headerRow, rows.length, lastRow);
  if (cut !== null) return cut;
  return ok({ table: buildOppsCapTable(label, rows), rowCount: rows.length, issues });
}
