/**
 * Reads CMS's MS-DRG weights: the IPPS pricer's drgstable CSV (`diagnosticRelatedGroup,effectiveDate,weight,...`,
 * ../shared/data/cms-ipps) and Table 5 of the IPPS final rule saved as CSV (banner rows above a header "MS-DRG, FY 2026
 * Final Rule Post-Acute DRG, ..., Weights, Geometric mean LOS, Arithmetic mean LOS"). Columns are found by header
 * text, never by position.
 */
import { buildDrgWeightTable, fiscalYearOf, parseIsoDate, parseMsDrg, toDecimal, fail, ok } from "../../engine";
import type { Decimal, DrgWeightRow, DrgWeightTable, IsoDate, Result } from "../../engine";
import { openCmsTable, readDataRows, tableCutShort } from "../cmsPfs/cmsTable";
import type { CmsTableSpec, RowRead, TableRow } from "../cmsPfs/cmsTable";
import type { ImportIssue } from "../cmsPfs/importIssues";
import { looksLikeFormula } from "../cmsPfs/textInput";
import type { IppsImportIssue } from "./importIssues";

/** A parsed MS-DRG weights file: the table for its fiscal year, and the rows left out or worth a look. */
export interface DrgWeightsImport {
  readonly table: DrgWeightTable;
  readonly rowCount: number;
  /** Rows left out (unreadable, repeated), by row number. */
  readonly issues: readonly ImportIssue[];
  /** Rows imported as they are but worth a look: a title that looks like a formula (kept as text). */
  readonly warnings: readonly ImportIssue[];
}

const FILE_KIND = "CMS MS-DRG weights";

const isDrgHeader = (k: string): boolean => k === "DIAGNOSTICRELATEDGROUP" || k === "MSDRG" || k === "DRG";

/** The columns by header text: the pricer's camelCase names, and Table 5's words (which carry the year). */
const DRG_COLUMNS = {
  drg: { matches: isDrgHeader, label: "MS-DRG" },
  effectiveDate: { matches: (k: string) => k === "EFFECTIVEDATE", label: "effectiveDate", optional: true },
  weight: {
    matches: (k: string) => k === "WEIGHT" || k === "WEIGHTS" || k.includes("RELATIVEWEIGHT"),
    label: "weight",
  },
  geometricMeanLengthOfStay: {
    matches: (k: string) => k.includes("GEOMETRICMEAN") || k === "GMLOS",
    label: "geometric mean length of stay",
  },
  arithmeticMeanLengthOfStay: {
    matches: (k: string) => k.includes("ARITHMETICMEAN") || k === "AMLOS",
    label: "arithmetic mean length of stay",
  },
  postAcuteTransfer: {
    matches: (k: string) => k.includes("POSTACUTE") && !k.includes("SPECIAL"),
    label: "post-acute transfer DRG",
    optional: true,
  },
  specialPay: { matches: (k: string) => k.includes("SPECIAL"), label: "special pay DRG", optional: true },
  description: {
    matches: (k: string) => k === "DESCRIPTION" || k.includes("TITLE"),
    label: "MS-DRG title",
    optional: true,
  },
} as const;

type Column = keyof typeof DRG_COLUMNS;

const DRG_TABLE: CmsTableSpec<typeof DRG_COLUMNS> = {
  fileKind: FILE_KIND,
  // Table 5's banner names MS-DRGs and weights in one long cell, never a cell that is exactly a DRG header.
  isHeader: (keys) => keys.some(isDrgHeader) && keys.some((k) => k.includes("WEIGHT")),
  expected: "MS-DRG and weight",
  columns: DRG_COLUMNS,
};

/** The largest relative weight accepted: FY2026's highest is 28.02 (heart transplant); 100 is a misplaced column. */
const MAX_WEIGHT = 100;
/** The longest mean stay accepted, in days (FY2026's longest GMLOS is 25.8). */
const MAX_MEAN_STAY = 365;
/** How CMS writes the flags: "Y" in the pricer's file, "Yes"/"No" in Table 5; blank is no. */
const FLAGS: Readonly<Record<string, boolean>> = { "": false, Y: true, YES: true, N: false, NO: false };

interface ReadDrgRow {
  readonly row: DrgWeightRow;
  readonly effectiveDate: IsoDate | null;
  readonly warnings: readonly ImportIssue[];
}

/** The pricer writes 20251001; a copy through Excel may hold 2025-10-01 or 10/1/2025. */
function effectiveDateOf(text: string): IsoDate | null {
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = compact
    ? `${compact[1]}-${compact[2]}-${compact[3]}`
    : us
      ? `${us[3]}-${us[1]?.padStart(2, "0")}-${us[2]?.padStart(2, "0")}`
      : text;
  const date = parseIsoDate(iso);
  return date.ok ? date.value : null;
}

function readRow(row: TableRow<typeof DRG_COLUMNS>): RowRead<ReadDrgRow> {
  const cell = (name: Column): string => row.cell(name);
  const drg = parseMsDrg(cell("drg"));
  if (!drg.ok) row.invalid("drg", "an MS-DRG of 1 to 3 digits like 470 or 039");
  const number = (name: Column, max: number, expected: string): Decimal | null => {
    const value = toDecimal(cell(name));
    if (value === null || value.isNegative() || value.greaterThan(max)) row.invalid(name, expected);
    return value;
  };
  const weight = number("weight", MAX_WEIGHT, "a relative weight from 0 to 100 like 1.9289");
  const gmlos = number("geometricMeanLengthOfStay", MAX_MEAN_STAY, "a number of days from 0 to 365 like 1.9");
  const amlos = number("arithmeticMeanLengthOfStay", MAX_MEAN_STAY, "a number of days from 0 to 365 like 2.2");
  // Only a DRG CMS does not pay (998, 999) has no mean stay; a paid DRG without one would divide a transfer by zero.
  if (weight?.isZero() === false && gmlos?.isZero() === true)
    row.invalid("geometricMeanLengthOfStay", "a mean stay above 0 for a DRG with a weight");
  const flag = (name: Column): boolean => {
    const value = FLAGS[cell(name).toUpperCase()];
    if (value === undefined) row.invalid(name, "Y, Yes, N, No or blank");
    return value ?? false;
  };
  const postAcuteTransfer = flag("postAcuteTransfer");
  const specialPay = flag("specialPay");
  const dateText = cell("effectiveDate");
  const effectiveDate = dateText === "" ? null : effectiveDateOf(dateText);
  if (dateText !== "" && effectiveDate === null) row.invalid("effectiveDate", "a date like 20251001");
  if (row.issues.length > 0 || !drg.ok || weight === null || gmlos === null || amlos === null)
    return { issues: row.issues };
  const description = cell("description");
  const warnings: ImportIssue[] = looksLikeFormula(description)
    ? [{ code: "formulaText", rowNumber: row.rowNumber, column: DRG_COLUMNS.description.label, value: description }]
    : [];
  return {
    value: {
      row: {
        drg: drg.value,
        weight,
        geometricMeanLengthOfStay: gmlos,
        arithmeticMeanLengthOfStay: amlos,
        postAcuteTransfer,
        specialPay,
        description,
        sourceRowNumber: row.rowNumber,
      },
      effectiveDate,
      warnings,
    },
  };
}

/** "FY 2026" or "FY2026" in a banner row or a header cell ("FY 2026 Final Rule Post-Acute DRG"), as Table 5 writes it. */
function fiscalYearInBanner(rows: readonly (readonly string[])[]): number | null {
  for (const row of rows)
    for (const cell of row) {
      const match = /\bFY\s*(\d{4})\b/i.exec(cell);
      if (match) return Number(match[1]);
    }
  return null;
}

/**
 * Parses an MS-DRG weights file, given as text or as the file's bytes (encoding detected), into the table of its
 * fiscal year: from its effective date column (20251001 is FY2026), else from "FY 2026" above or in its header, else
 * from `options.fiscalYear`. DRGs that lost their leading zeros in Excel ("39") are DRG 039. Rows with an unreadable
 * DRG, weight, mean stay, flag or date, or with control characters, are reported by row and column and left out; a
 * row whose effective date differs from the first row's is reported and left out (one table is one year); a repeated
 * DRG keeps its first row. Refused: not CSV text, no MS-DRG and weight header, a required column missing, no fiscal
 * year, or cut short (it ends inside a line, stops after its header, or its last row has fewer columns).
 */
export function parseDrgWeightsCsv(
  input: string | Uint8Array,
  options: { readonly label?: string; readonly fiscalYear?: number } = {},
): Result<DrgWeightsImport, IppsImportIssue> {
  const table = openCmsTable(input, DRG_TABLE);
  if (!table.ok) return table;
  const read = readDataRows(table.value, readRow, (value) => `MS-DRG ${value.row.drg}`);
  const cut = tableCutShort(table.value, read) ?? lastRowShort(table.value.csv.rows, table.value.headerRow, read);
  if (cut !== null) return fail(cut);
  // The year is the first readable date of the column, a rejected row's too: its other cells may be what is wrong.
  const dateColumn = table.value.columns.effectiveDate;
  const firstDate =
    dateColumn === undefined
      ? null
      : (read.rows.map((row) => effectiveDateOf(row.cells[dateColumn] ?? "")).find((date) => date !== null) ?? null);
  const issues: ImportIssue[] = [...read.issues];
  const kept = read.values.filter((value) => {
    if (value.effectiveDate === null || value.effectiveDate === firstDate) return true;
    const { sourceRowNumber } = value.row;
    issues.push({
      code: "valueInvalid",
      rowNumber: sourceRowNumber,
      column: DRG_COLUMNS.effectiveDate.label,
      value: table.value.csv.rows[sourceRowNumber - 1]?.[table.value.columns.effectiveDate ?? -1] ?? "",
      expected: `the effective date of the file's first row (${firstDate ?? ""}): one file is one fiscal year`,
    });
    return false;
  });
  const headerAndAbove = table.value.csv.rows.slice(0, table.value.headerRow + 1);
  const fiscalYear = firstDate !== null ? fiscalYearOf(firstDate) : (fiscalYearInBanner(headerAndAbove) ?? options.fiscalYear); // prettier-ignore
  if (fiscalYear === undefined) return fail({ code: "fiscalYearUnknown", fileKind: FILE_KIND });
  const label = options.label ?? `MS-DRG weights FY${fiscalYear}`;
  return ok({
    table: buildDrgWeightTable(
      label,
      fiscalYear,
      kept.map((value) => value.row),
    ),
    rowCount: kept.length,
    issues: issues.sort((a, b) => rowOf(a) - rowOf(b)),
    warnings: kept.flatMap((value) => value.warnings),
  });
}

/**
 * A file cut at a cell boundary: its last row has fewer cells than its header (every row of the pricer's file and of
 * Table 5 has all of them; the declared columns are fewer than the file's, so the header is the measure).
 */
function lastRowShort(
  rows: readonly (readonly string[])[],
  headerRow: number,
  read: {
    readonly rows: readonly { readonly rowNumber: number; readonly cells: readonly string[] }[];
    readonly values: readonly unknown[];
  },
): ImportIssue | null {
  const last = read.rows[read.rows.length - 1];
  const expectedCells = rows[headerRow]?.length ?? 0;
  if (last === undefined || last.cells.length >= expectedCells) return null;
  return { code: "lastRowShort", fileKind: FILE_KIND, rowNumber: last.rowNumber, cells: last.cells.length, expectedCells, rowsRead: read.values.length }; // prettier-ignore
}

const rowOf = (issue: ImportIssue): number => ("rowNumber" in issue ? issue.rowNumber : 0);
