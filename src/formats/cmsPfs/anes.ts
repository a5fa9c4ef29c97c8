import { Decimal, fail, localityKeyOf, ok, toDecimal } from "../../engine";
import type { LocalityKey, Result } from "../../engine";
import { openCmsTable, readDataRows, tableCutShort } from "./cmsTable";
import type { CmsTableSpec, RowRead, TableRow } from "./cmsTable";
import type { ImportIssue } from "./importIssues";

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
/** An anesthesia CF in dollars: CY2025's lie between 19 and 28; above 100 is surely not one. */
const MAX_CF = new Decimal(100);

const ANES_TABLE: CmsTableSpec<typeof ANES_COLUMNS> = {
  fileKind: FILE_KIND,
  isHeader: (keys) => keys.some(ANES_COLUMNS.macCode.matches) && keys.some(ANES_COLUMNS.conversionFactor.matches),
  expected: "Contractor and Anes CF",
  columns: ANES_COLUMNS,
};

function readRow(row: TableRow<typeof ANES_COLUMNS>): RowRead<AnesLocality> {
  const cell = (name: Column): string => row.cell(name);
  const invalid = (name: Column, expected: string) => row.invalid(name, expected);
  // Cells are trimmed ("10112 " -> "10112"); Excel drops leading zeros, which localityKeyOf puts back.
  const mac = cell("macCode");
  if (!/^\d{1,5}$/.test(mac)) invalid("macCode", "a MAC number like 10112");
  const locality = cell("localityNumber");
  if (!/^\d{1,2}$/.test(locality)) invalid("localityNumber", "a locality number like 00");
  const cf = toDecimal(cell("conversionFactor"));
  if (cf === null || cf.lte(0) || cf.gt(MAX_CF))
    invalid("conversionFactor", "a conversion factor in dollars like 19.31");
  if (row.issues.length > 0 || cf === null) return { issues: row.issues };
  const value: AnesLocality = {
    localityKey: localityKeyOf(mac, locality),
    // Asterisks point at CMS's footnotes, they are not part of the name.
    localityName: cell("localityName").replace(/\*+$/, "").trim(),
    conversionFactor: cf,
    rowNumber: row.rowNumber,
  };
  return { value };
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
  const table = openCmsTable(input, ANES_TABLE);
  if (!table.ok) return table;
  const { csv, headerRow, columns } = table.value;
  const header = csv.rows[headerRow]?.[columns.conversionFactor] ?? "";
  const stated = /(\d+\.\d+)/.exec(header)?.[1];
  const read = readDataRows(table.value, readRow, (locality) => `locality ${locality.localityKey}`); // prettier-ignore
  const cut = tableCutShort(table.value, read);
  if (cut !== null) return fail(cut);
  const localities = new Map(read.values.map((locality) => [locality.localityKey, locality]));
  return ok({
    localities,
    nationalConversionFactor: stated === undefined ? null : new Decimal(stated),
    issues: read.issues,
  });
}
