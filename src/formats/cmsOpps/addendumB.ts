/**
 * The reader of CMS's OPPS Addendum B ("OPPS Payment by HCPCS Code", the Section 508 CSV published each quarter;
 * DOMAIN.md 2.8): each HCPCS code's status indicator, APC, relative weight and national payment rate, into the
 * engine's Addendum B table for the quarter it is in effect for. Its traps (../shared/data/cms-opps/SOURCES.md):
 * Windows-1252 with CRLF, 4 banner rows above the header, money as text ("$12,866.82", "$12,866.820" in October),
 * codes and indicators with trailing or surrounding spaces ("0553U ", " A "), blank rates written '' or ' '.
 */
import {
  buildOppsTable,
  fail,
  ok,
  parseStatusIndicator,
  readDollars,
  readHcpcsCodeCell,
  toDecimal,
} from "../../engine";
import type { Decimal, IsoDate, OppsRow, OppsTable, Result } from "../../engine";
import { openCmsTable, readDataRows, tableCutShort, type CmsTableSpec, type RowRead, type TableRow } from "../cmsPfs/cmsTable"; // prettier-ignore
import type { AddendumBIssue } from "./issues";

/** An Addendum B file read: its table, how many rows it holds, and the rows left out with why. */
export interface AddendumBImport {
  readonly table: OppsTable;
  readonly rowCount: number;
  /** Rows left out (unreadable or repeated), by row number. */
  readonly issues: readonly AddendumBIssue[];
}

/** Which table the file becomes: its name in traces, and the first day of the quarter it is in effect for. */
export interface AddendumBOptions {
  readonly label: string;
  readonly effectiveStartDate: IsoDate;
}

const FILE_KIND = "CMS OPPS Addendum B";

/** The columns read, by header text (the other columns: copayments, notes, are not needed to price). */
const ADDENDUM_B_COLUMNS = {
  hcpcsCode: { matches: (k: string) => k === "HCPCSCODE" || k === "HCPCS", label: "HCPCS Code" },
  statusIndicator: { matches: (k: string) => k === "SI" || k === "STATUSINDICATOR", label: "SI" },
  apc: { matches: (k: string) => k === "APC", label: "APC" },
  relativeWeight: { matches: (k: string) => k === "RELATIVEWEIGHT", label: "Relative Weight" },
  paymentRate: { matches: (k: string) => k === "PAYMENTRATE", label: "Payment Rate" },
} as const;

type Columns = typeof ADDENDUM_B_COLUMNS;

const ADDENDUM_B_TABLE: CmsTableSpec<Columns> = {
  fileKind: FILE_KIND,
  isHeader: (keys) => keys.some((k) => ADDENDUM_B_COLUMNS.hcpcsCode.matches(k)) && keys.includes("SI") && keys.includes("PAYMENTRATE"), // prettier-ignore
  expected: "HCPCS Code, SI and Payment Rate",
  columns: ADDENDUM_B_COLUMNS,
};

/** The highest national rate read as a rate: CMS's dearest items (gene therapies) are a few million dollars. */
const MOST_DOLLARS = 100_000_000;
/** The first days of CMS's quarters. */
const QUARTER_STARTS = ["01-01", "04-01", "07-01", "10-01"];

/** A blank or decimal cell: null when blank, undefined when it is not a number at least 0 and at most `most`. */
function decimalCell(text: string, most: number, read: (text: string) => Decimal | null): Decimal | null | undefined {
  if (text === "") return null;
  const value = read(text);
  return value === null || value.isNegative() || value.greaterThan(most) ? undefined : value;
}

function readRow(row: TableRow<Columns>): RowRead<OppsRow> {
  const code = readHcpcsCodeCell(row.cell("hcpcsCode"));
  if (!code.ok) row.invalid("hcpcsCode", "a HCPCS code like G0463 or 27447");
  const statusIndicator = parseStatusIndicator(row.cell("statusIndicator"));
  if (statusIndicator === null) row.invalid("statusIndicator", "an OPPS status indicator like J1, T, N or Q1");
  // Excel drops the leading zero of an APC like 0760 when the file is re-saved: it is put back.
  const apcText = row.cell("apc");
  if (!/^\d{0,4}$/.test(apcText)) row.invalid("apc", "an APC number like 5012, or blank");
  const relativeWeight = decimalCell(row.cell("relativeWeight"), 100_000, toDecimal);
  if (relativeWeight === undefined) row.invalid("relativeWeight", "a relative weight like 1.4452, or blank");
  const paymentRate = decimalCell(row.cell("paymentRate"), MOST_DOLLARS, (text) => {
    const dollars = readDollars(text, "zeroOrMore");
    return typeof dollars === "string" ? null : dollars;
  });
  if (paymentRate === undefined) row.invalid("paymentRate", "a payment rate in dollars like $128.87, or blank");
  if (
    !code.ok ||
    statusIndicator === null ||
    relativeWeight === undefined ||
    paymentRate === undefined ||
    row.issues.length > 0
  )
    // prettier-ignore
    return { issues: row.issues };
  return {
    value: {
      hcpcsCode: code.value,
      statusIndicator,
      apc: apcText === "" ? null : apcText.padStart(4, "0"),
      relativeWeight,
      paymentRate,
      sourceRowNumber: row.rowNumber,
    },
  };
}

/** The calendar year the banner rows above the header name ("... for CY 2025"), if any. */
function bannerYear(rows: readonly (readonly string[])[], headerRow: number): string | null {
  for (const cells of rows.slice(0, headerRow))
    for (const cell of cells) {
      const match = /\bCY\s*(\d{4})\b/i.exec(cell);
      if (match?.[1] !== undefined) return match[1];
    }
  return null;
}

/**
 * Parses an OPPS Addendum B file, given as text or as the file's bytes (Windows-1252 is decoded), into the table of
 * the quarter starting `effectiveStartDate`. The header is found by content below the banner rows; columns by header
 * text. Rows with an unreadable code, status indicator, APC, weight or rate, or with control characters, are reported
 * by row and column and left out; a repeated code keeps its first row. Refused: not CSV text, no Addendum B header,
 * a file cut short, a start that is not a quarter's first day, or one outside the CY the banner names.
 */
export function parseAddendumBCsv(
  input: string | Uint8Array,
  options: AddendumBOptions,
): Result<AddendumBImport, AddendumBIssue> {
  const start = options.effectiveStartDate;
  if (!QUARTER_STARTS.includes(start.slice(5))) return fail({ code: "addendumBQuarterInvalid", value: start });
  const table = openCmsTable(input, ADDENDUM_B_TABLE);
  if (!table.ok) return table;
  const year = bannerYear(table.value.csv.rows, table.value.headerRow);
  if (year !== null && year !== start.slice(0, 4))
    return fail({ code: "addendumBYearMismatch", bannerYear: year, quarterStart: start });
  const read = readDataRows(table.value, readRow, (row) => row.hcpcsCode);
  // Every Addendum B row has all the columns read: a shorter last row is a file cut at a cell boundary.
  const cut = tableCutShort(table.value, read, true);
  if (cut !== null) return fail(cut);
  const oppsTable = buildOppsTable(options.label, start, read.values);
  return ok({ table: oppsTable, rowCount: read.values.length, issues: read.issues });
}

const MONTHS: Readonly<Record<string, string>> = { january: "01", april: "04", july: "07", october: "10" };

/**
 * The quarter an Addendum B file is for, from its name as CMS or a user names it: "2025-10" in
 * `opps_addendum_b_2025-10_section508.csv`, or "October 2025" in `October 2025 Web Addendum B.10.31.25.csv`.
 * Null when the name says neither (the import then asks).
 * @example addendumBQuarterOf("opps_addendum_b_2025-01_section508.csv") // "2025-01-01"
 */
export function addendumBQuarterOf(fileName: string): IsoDate | null {
  const numeric = /(20\d\d)-(01|04|07|10)(?!\d)/.exec(fileName);
  if (numeric) return `${numeric[1]}-${numeric[2]}-01` as IsoDate;
  const named = /(january|april|july|october)\s+(20\d\d)/i.exec(fileName);
  const month = named?.[1] === undefined ? undefined : MONTHS[named[1].toLowerCase()];
  return named && month !== undefined ? (`${named[2]}-${month}-01` as IsoDate) : null;
}
