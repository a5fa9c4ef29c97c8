import { Decimal, fail, localityKeyOf, ok, toDecimal } from "../../engine";
import type { LocalityKey, Result } from "../../engine";
import { headerKey, isBlankRow, readCmsInput, swallowedLineBreaks, type CsvGrid } from "./csvGrid";
import type { ImportIssue } from "./importIssues";
import { firstControlCharacter, hasControlCharacter, showControlCharacters } from "./textInput";

/** One locality's anesthesia conversion factor, as the ANES file lists it. */
export interface AnesLocality {
  readonly localityKey: LocalityKey;
  readonly localityName: string;
  readonly conversionFactor: Decimal;
  /** 1-based row of the file. */
  readonly rowNumber: number;
}

/** A parsed ANES file: the anesthesia CF of each locality, the national CF its header states, rows left out. */
export interface AnesImport {
  readonly localities: ReadonlyMap<LocalityKey, AnesLocality>;
  /** "National Anes CF of 20.3178" in the header; null when the header does not state it. */
  readonly nationalConversionFactor: Decimal | null;
  readonly issues: readonly ImportIssue[];
}

const FILE_KIND = "CMS ANES";

/**
 * ANES columns by header text (CY2025: `Contractor,Locality,Locality Name,National Anes CF of 20.3178`); the CF
 * column's header carries the year's national CF, so it is found by what it contains.
 */
const ANES_COLUMNS = {
  macCode: { matches: (k: string) => k.includes("CONTRACTOR") || k === "MAC" || k === "CARRIER", label: "Contractor" },
  localityNumber: { matches: (k: string) => k === "LOCALITY" || k === "LOCALITYNUMBER", label: "Locality" },
  localityName: { matches: (k: string) => k === "LOCALITYNAME", label: "Locality Name" },
  conversionFactor: { matches: (k: string) => k.includes("ANES") || k.includes("CF"), label: "Anes CF" },
} as const;

type Column = keyof typeof ANES_COLUMNS;
type Columns = Readonly<Record<Column, number>>;
const COLUMN_NAMES = Object.keys(ANES_COLUMNS) as Column[];
/** An anesthesia CF in dollars: CY2025's lie between 19 and 28; above 100 is surely not one. */
const MAX_CF = new Decimal(100);

function locateColumns(grid: CsvGrid): Result<{ headerRow: number; columns: Columns }, ImportIssue> {
  const headerRow = grid.findIndex((row) => {
    const keys = row.map(headerKey);
    return keys.some(ANES_COLUMNS.macCode.matches) && keys.some(ANES_COLUMNS.conversionFactor.matches);
  });
  if (headerRow < 0) return fail({ code: "headerNotFound", fileKind: FILE_KIND, expected: "Contractor and Anes CF" });
  const keys = (grid[headerRow] ?? []).map(headerKey);
  const columns = {} as Record<Column, number>;
  for (const name of COLUMN_NAMES) {
    const found = keys.findIndex((k) => ANES_COLUMNS[name].matches(k));
    if (found < 0) return fail({ code: "columnMissing", fileKind: FILE_KIND, column: ANES_COLUMNS[name].label });
    columns[name] = found;
  }
  return ok({ headerRow, columns });
}

function readRow(cells: readonly string[], columns: Columns, rowNumber: number): AnesLocality | ImportIssue[] {
  const cell = (name: Column): string => cells[columns[name]] ?? "";
  const damaged = COLUMN_NAMES.filter((name) => hasControlCharacter(cell(name)));
  if (damaged.length > 0)
    return damaged.map((name) => ({
      code: "controlCharacter",
      rowNumber,
      column: ANES_COLUMNS[name].label,
      shown: showControlCharacters(cell(name)),
      codePoint: firstControlCharacter(cell(name)),
    }));
  const issues: ImportIssue[] = [];
  const invalid = (name: Column, expected: string) =>
    issues.push({ code: "valueInvalid", rowNumber, column: ANES_COLUMNS[name].label, value: cell(name), expected });
  // Cells are trimmed ("10112 " -> "10112"); Excel drops leading zeros, which localityKeyOf puts back.
  const mac = cell("macCode");
  if (!/^\d{1,5}$/.test(mac)) invalid("macCode", "a MAC number like 10112");
  const locality = cell("localityNumber");
  if (!/^\d{1,2}$/.test(locality)) invalid("localityNumber", "a locality number like 00");
  const cf = toDecimal(cell("conversionFactor"));
  if (cf === null || cf.lte(0) || cf.gt(MAX_CF))
    invalid("conversionFactor", "a conversion factor in dollars like 19.31");
  if (issues.length > 0 || cf === null) return issues;
  return {
    localityKey: localityKeyOf(mac, locality),
    // Asterisks point at CMS's footnotes, they are not part of the name.
    localityName: cell("localityName").replace(/\*+$/, "").trim(),
    conversionFactor: cf,
    rowNumber,
  };
}

/**
 * Parses CMS's ANES file (the anesthesia conversion factor of each Medicare locality; DOMAIN.md 2.2), given as text
 * or as the file's bytes. The header is found by content and its CF column states the national CF ("National Anes CF
 * of 20.3178"); key fields carry trailing spaces ("10112 ,00 "), which are trimmed; a row of commas at the end is
 * ignored. A locality is keyed by contractor and locality number exactly as the GPCI file's (`localityKeyOf`).
 * Rows with an unreadable contractor, locality or CF, or control characters, are reported by row number and left
 * out; a locality listed twice keeps its first row. Refused: not CSV text, no ANES header, cut inside a line, no rows.
 */
export function parseAnesCsv(input: string | Uint8Array): Result<AnesImport, ImportIssue> {
  const csv = readCmsInput(input, FILE_KIND);
  if (!csv.ok) return csv;
  const grid = csv.value.rows;
  const located = locateColumns(grid);
  if (!located.ok) return located;
  const { headerRow, columns } = located.value;
  const quotes = swallowedLineBreaks(csv.value, FILE_KIND);
  if (!quotes.ok) return quotes;
  const header = grid[headerRow]?.[columns.conversionFactor] ?? "";
  const stated = /(\d+\.\d+)/.exec(header)?.[1];
  const localities = new Map<LocalityKey, AnesLocality>();
  const issues: ImportIssue[] = [];
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
    const first = localities.get(read.localityKey);
    if (first !== undefined) {
      issues.push({ code: "rowDuplicated", rowNumber, firstRowNumber: first.rowNumber, key: `locality ${read.localityKey}` }); // prettier-ignore
      continue;
    }
    localities.set(read.localityKey, read);
  }
  if (!csv.value.endsWithLineBreak && !csv.value.endOfFileMarker)
    return fail({ code: "fileCutMidLine", fileKind: FILE_KIND, rowNumber: grid.length, completeRows: Math.max(0, dataRows - 1) }); // prettier-ignore
  if (dataRows === 0) return fail({ code: "noDataRows", fileKind: FILE_KIND, headerRowNumber: headerRow + 1 });
  return ok({ localities, nationalConversionFactor: stated === undefined ? null : new Decimal(stated), issues });
}
