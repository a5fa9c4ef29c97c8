/**
 * Reads CMS's IPPS area wage index by CBSA: the pricer's cbsa-wage-index CSV (`cbsa,size,effectiveDate,
 * geographicWageIndex,reclassifiedWageIndex,imputedFloorWageIndex,name`; ../shared/data/cms-ipps). A hospital's wage
 * index is one of these values, which the outpatient pricing takes as a plain number; this reader lets a user pick
 * their CBSA instead of typing it.
 */
import { parseIsoDate, toDecimal, fail, ok } from "../../engine";
import type { Decimal, IsoDate, Result } from "../../engine";
import { openCmsTable, readDataRows, tableCutShort } from "../cmsPfs/cmsTable";
import type { CmsTableSpec, RowRead, TableRow } from "../cmsPfs/cmsTable";
import type { ImportIssue } from "../cmsPfs/importIssues";

/** One area's wage indexes (CMS's pricer file; IPPS final rule Tables 2 and 3). */
export interface CbsaWageIndexRow {
  /** A 5-digit CBSA for an urban area, or the 2-digit state code of a state's rural area ("01" Alabama). */
  readonly cbsa: string;
  readonly effectiveDate: IsoDate;
  /**
   * Null where CMS writes 0.0000: a state without rural areas (District of Columbia, New Jersey, Rhode Island) has
   * no index of its own, only its imputed floor.
   */
  readonly geographicWageIndex: Decimal | null;
  /** After geographic reclassification (MGCRB): the index a reclassified hospital is paid with; null as above. */
  readonly reclassifiedWageIndex: Decimal | null;
  /** The imputed floor's index; null where CMS writes 0.0000 (no imputed floor applies). */
  readonly imputedFloorWageIndex: Decimal | null;
  readonly name: string;
  readonly sourceRowNumber: number;
}

/** A parsed wage index file. */
export interface CbsaWageIndexImport {
  readonly rows: readonly CbsaWageIndexRow[];
  /** Rows left out (unreadable, repeated), by row number. */
  readonly issues: readonly ImportIssue[];
}

const FILE_KIND = "CMS CBSA wage index";

const WAGE_INDEX_COLUMNS = {
  cbsa: { matches: (k: string) => k === "CBSA" || k === "CBSACODE", label: "cbsa" },
  effectiveDate: { matches: (k: string) => k === "EFFECTIVEDATE", label: "effectiveDate" },
  geographicWageIndex: { matches: (k: string) => k.startsWith("GEOGRAPHIC"), label: "geographicWageIndex" },
  reclassifiedWageIndex: { matches: (k: string) => k.startsWith("RECLASSIFIED"), label: "reclassifiedWageIndex" },
  imputedFloorWageIndex: {
    matches: (k: string) => k.startsWith("IMPUTEDFLOOR"),
    label: "imputedFloorWageIndex",
    optional: true,
  },
  name: { matches: (k: string) => k === "NAME" || k === "CBSANAME", label: "name" },
} as const;

type Column = keyof typeof WAGE_INDEX_COLUMNS;

const WAGE_INDEX_TABLE: CmsTableSpec<typeof WAGE_INDEX_COLUMNS> = {
  fileKind: FILE_KIND,
  isHeader: (keys) => keys.includes("CBSA") && keys.some((k) => k.includes("WAGEINDEX")),
  expected: "cbsa and a wage index",
  columns: WAGE_INDEX_COLUMNS,
};

/** FY2026's indexes lie between 0.22 and 2.05; an index of 5 would be a misplaced column. */
const MAX_WAGE_INDEX = 5;

function readRow(row: TableRow<typeof WAGE_INDEX_COLUMNS>): RowRead<CbsaWageIndexRow> {
  const cell = (name: Column): string => row.cell(name);
  // A 1-digit code is a state code whose zero Excel dropped ("1" is Alabama's "01"); 4 digits, a CBSA's ("1020").
  const code = cell("cbsa");
  const cbsa = /^\d{1,2}$/.test(code) ? code.padStart(2, "0") : /^\d{4,5}$/.test(code) ? code.padStart(5, "0") : null;
  if (cbsa === null) row.invalid("cbsa", "a 5-digit CBSA like 35614 or a 2-digit state code like 01");
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(cell("effectiveDate"));
  const date = parseIsoDate(compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : cell("effectiveDate"));
  if (!date.ok) row.invalid("effectiveDate", "a date like 20251001");
  // 0.0000 is CMS's "none" (see CbsaWageIndexRow); blank only in a file without the imputed floor column.
  const index = (name: Column): Decimal | null => {
    const text = cell(name);
    if (text === "" && name === "imputedFloorWageIndex") return null;
    const value = toDecimal(text);
    if (value === null || value.isNegative() || value.greaterThan(MAX_WAGE_INDEX))
      row.invalid(name, "an index from 0 up to 5, like 1.0694 (0.0000: none)");
    return value === null || value.isZero() ? null : value;
  };
  const geographic = index("geographicWageIndex");
  const reclassified = index("reclassifiedWageIndex");
  const imputed = index("imputedFloorWageIndex");
  if (row.issues.length > 0 || cbsa === null || !date.ok) return { issues: row.issues };
  return {
    value: {
      cbsa,
      effectiveDate: date.value,
      geographicWageIndex: geographic,
      reclassifiedWageIndex: reclassified,
      imputedFloorWageIndex: imputed,
      name: cell("name"),
      sourceRowNumber: row.rowNumber,
    },
  };
}

/**
 * Parses the CBSA wage index file, given as text or bytes (encoding detected: two Puerto Rico names carry an accented
 * letter). Codes that lost their leading zeros in Excel get them back. Rows with an unreadable code, date or index, or
 * control characters, are reported by row and column and left out; a CBSA repeated for the same date keeps its first
 * row. Refused: not CSV text, no header with cbsa and a wage index, or cut short.
 */
export function parseCbsaWageIndexCsv(input: string | Uint8Array): Result<CbsaWageIndexImport, ImportIssue> {
  const table = openCmsTable(input, WAGE_INDEX_TABLE);
  if (!table.ok) return table;
  const read = readDataRows(table.value, readRow, (row) => `CBSA ${row.cbsa} on ${row.effectiveDate}`);
  const cut = tableCutShort(table.value, read, true);
  if (cut !== null) return fail(cut);
  return ok({ rows: read.values, issues: read.issues });
}
