import { fail, ok } from "../../engine";
import type { AnesthesiaBaseUnitsRow, HcpcsCode, Result } from "../../engine";
import { headerKey, isBlankRow, readCmsInput, swallowedLineBreaks, type CsvGrid } from "./csvGrid";
import type { ImportIssue } from "./importIssues";
import { firstControlCharacter, hasControlCharacter, showControlCharacters } from "./textInput";

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
type Columns = Readonly<Record<Column, number>>;
const COLUMN_NAMES = Object.keys(BASE_UNITS_COLUMNS) as Column[];
/** Anesthesia base units run from 0 to 30 (the highest CMS lists is 30, for 00796 liver transplant). */
const MAX_BASE_UNITS = 30;
/** A CPT/HCPCS code as the file must give it: five characters, zeros kept (00100, not 100). */
const FIVE_CHARACTER_CODE = /^(\d{5}|\d{4}[FTUM]|[A-Z]\d{4})$/;

function locateColumns(grid: CsvGrid): Result<{ headerRow: number; columns: Columns }, ImportIssue> {
  const headerRow = grid.findIndex((row) => {
    const keys = row.map(headerKey);
    return COLUMN_NAMES.every((name) => keys.some(BASE_UNITS_COLUMNS[name].matches));
  });
  if (headerRow < 0) return fail({ code: "headerNotFound", fileKind: FILE_KIND, expected: "CPT Code and Base Units" });
  const keys = (grid[headerRow] ?? []).map(headerKey);
  const columns = {} as Record<Column, number>;
  for (const name of COLUMN_NAMES) columns[name] = keys.findIndex((k) => BASE_UNITS_COLUMNS[name].matches(k));
  return ok({ headerRow, columns });
}

function readRow(
  cells: readonly string[],
  columns: Columns,
  rowNumber: number,
): AnesthesiaBaseUnitsRow | ImportIssue[] {
  const cell = (name: Column): string => cells[columns[name]] ?? "";
  const damaged = COLUMN_NAMES.filter((name) => hasControlCharacter(cell(name)));
  if (damaged.length > 0)
    return damaged.map((name) => ({
      code: "controlCharacter",
      rowNumber,
      column: BASE_UNITS_COLUMNS[name].label,
      shown: showControlCharacters(cell(name)),
      codePoint: firstControlCharacter(cell(name)),
    }));
  const issues: ImportIssue[] = [];
  const invalid = (name: Column, expected: string) =>
    issues.push({ code: "valueInvalid", rowNumber, column: BASE_UNITS_COLUMNS[name].label, value: cell(name), expected }); // prettier-ignore
  const code = cell("hcpcsCode").toUpperCase();
  // A code Excel shortened (790 for 00790) is reported, not guessed back: the row number says where to look.
  if (!FIVE_CHARACTER_CODE.test(code))
    invalid("hcpcsCode", "a 5-character code like 00790 (a spreadsheet may have dropped its leading zeros)");
  const text = cell("baseUnits");
  const baseUnits = /^\d{1,2}(\.0+)?$/.test(text) ? Number(text) : NaN;
  if (!(baseUnits >= 0 && baseUnits <= MAX_BASE_UNITS))
    invalid("baseUnits", `a whole number of base units from 0 to ${MAX_BASE_UNITS}, like 7`);
  if (issues.length > 0) return issues;
  return { hcpcsCode: code as HcpcsCode, baseUnits, sourceRowNumber: rowNumber };
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
  const csv = readCmsInput(input, FILE_KIND);
  if (!csv.ok) return csv;
  const grid = csv.value.rows;
  const located = locateColumns(grid);
  if (!located.ok) return located;
  const { headerRow, columns } = located.value;
  const quotes = swallowedLineBreaks(csv.value, FILE_KIND);
  if (!quotes.ok) return quotes;
  const rows: AnesthesiaBaseUnitsRow[] = [];
  const issues: ImportIssue[] = [];
  const firstByCode = new Map<string, number>();
  let dataRows = 0;
  for (let i = headerRow + 1; i < grid.length; i++) {
    const cells = grid[i] ?? [];
    const rowNumber = i + 1;
    if (isBlankRow(cells)) continue;
    dataRows++;
    const lineBreaks = quotes.value.get(rowNumber);
    if (lineBreaks !== undefined) {
      issues.push({ code: "quoteSwallowedLines", rowNumber, lineBreaks });
      continue;
    }
    const read = readRow(cells, columns, rowNumber);
    if (Array.isArray(read)) {
      issues.push(...read);
      continue;
    }
    const first = firstByCode.get(read.hcpcsCode);
    if (first !== undefined) {
      issues.push({ code: "rowDuplicated", rowNumber, firstRowNumber: first, key: `code ${read.hcpcsCode}` });
      continue;
    }
    firstByCode.set(read.hcpcsCode, rowNumber);
    rows.push(read);
  }
  if (!csv.value.endsWithLineBreak && !csv.value.endOfFileMarker)
    return fail({ code: "fileCutMidLine", fileKind: FILE_KIND, rowNumber: grid.length, completeRows: Math.max(0, dataRows - 1) }); // prettier-ignore
  if (dataRows === 0) return fail({ code: "noDataRows", fileKind: FILE_KIND, headerRowNumber: headerRow + 1 });
  return ok({ rows, issues });
}
