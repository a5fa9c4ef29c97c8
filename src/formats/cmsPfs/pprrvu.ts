import { Decimal, toDecimal } from "../../engine";
import { parseHcpcsCode, type HcpcsCode } from "../../engine";
import { parseModifier, type Modifier } from "../../engine";
import { buildPfsSchedule, PFS_STATUS_CODES, pfsRowKey, type PfsRvuRow, type PfsSchedule } from "../../engine";
import { fail, ok, type Result } from "../../engine";
import { pprrvuCutShort, type DataRowEnd } from "./completeness";
import { locateTable, openCmsTable, readDataRows } from "./cmsTable";
import type { CmsColumn, ColumnIndex as CmsColumnIndex, CmsTableSpec, RowRead } from "./cmsTable";
import { headerKey, isBlankRow, type CsvGrid } from "./csvGrid";
import type { ImportIssue } from "./importIssues";

/** The values a decimal column accepts, from zero up to a bound no real file comes near, and how to say so. */
interface DecimalRange {
  readonly max: Decimal;
  readonly expected: string;
}

/** RVUs: the largest in any release here is 461.69 (2026 non-facility total); past 10,000 it is not an RVU. */
const RVU: DecimalRange = { max: new Decimal(10_000), expected: "an RVU from 0 to 10,000" };
/** PRE/INTRA/POST OP: shares of the global surgery package (0.17, 0.84, 0.23 at most), so never above 1. */
const SHARE: DecimalRange = { max: new Decimal(1), expected: "a share of the global package from 0 to 1" };
/** CONV FACTOR: dollars per RVU, between 32 and 38 since 2000 (32.3465 in 2025); past 1,000 it is not one. */
const CONVERSION_FACTOR: DecimalRange = {
  max: new Decimal(1_000),
  expected: "a conversion factor in dollars from 0 to 1,000",
};

/**
 * PPRRVU columns by header text (never by position: CY2026 inserted PRIC IND), declared once. `names` are the
 * header texts as CMS spreads them over the banner rows, joined; matching ignores case, spaces and punctuation.
 * Decimal columns carry the range they accept.
 */
const PPRRVU_COLUMNS = {
  hcpcsCode: { names: ["HCPCS"], required: true },
  modifier: { names: ["MOD"], required: true },
  statusCode: { names: ["STATUS CODE"], required: true },
  workRvu: { names: ["WORK RVU"], required: true, range: RVU },
  nonFacilityPeRvu: { names: ["NON-FAC PE RVU", "NON-FACILITY PE RVU"], required: true, range: RVU },
  nonFacilityNaIndicator: { names: ["NON-FAC NA INDICATOR", "NON-FACILITY NA INDICATOR"], required: false },
  facilityPeRvu: { names: ["FACILITY PE RVU"], required: true, range: RVU },
  facilityNaIndicator: { names: ["FACILITY NA INDICATOR"], required: false },
  malpracticeRvu: { names: ["MP RVU"], required: true, range: RVU },
  pctcIndicator: { names: ["PCTC IND"], required: false },
  globalDays: { names: ["GLOB DAYS"], required: false },
  preOperativeFraction: { names: ["PRE OP"], required: false, range: SHARE },
  intraOperativeFraction: { names: ["INTRA OP"], required: false, range: SHARE },
  postOperativeFraction: { names: ["POST OP"], required: false, range: SHARE },
  multipleProcedureIndicator: { names: ["MULT PROC"], required: false },
  bilateralIndicator: { names: ["BILAT SURG"], required: false },
  assistantSurgeryIndicator: { names: ["ASST SURG"], required: false },
  coSurgeryIndicator: { names: ["CO-SURG"], required: false },
  teamSurgeryIndicator: { names: ["TEAM SURG"], required: false },
  pricingIndicator: { names: ["PRIC IND"], required: false },
  endoscopicBaseCode: { names: ["ENDO BASE"], required: false },
  conversionFactor: { names: ["CONV FACTOR"], required: false, range: CONVERSION_FACTOR },
  diagnosticImagingFamilyIndicator: { names: ["DIAGNOSTIC IMAGING FAMILY INDICATOR"], required: false },
} satisfies Record<string, { names: readonly string[]; required: boolean; range?: DecimalRange }>;

type ColumnName = keyof typeof PPRRVU_COLUMNS;
/** The columns read as decimals. */
type DecimalColumn = { [K in ColumnName]: (typeof PPRRVU_COLUMNS)[K] extends { range: DecimalRange } ? K : never }[ColumnName]; // prettier-ignore

/** A parsed PPRRVU file: its rows, the problems of the rows it could not read, and the file's own labels. */
export interface PprrvuImport {
  /** The release title from the banner, e.g. "2025 National Physician Fee Schedule Relative Value File October Release". */
  readonly label: string;
  readonly rows: readonly PfsRvuRow[];
  readonly issues: readonly ImportIssue[];
  /** The CONV FACTOR the file states (the most common value), if any. */
  readonly conversionFactor: Decimal | null;
}

const FILE_KIND = "CMS PFS relative value (PPRRVU)";

/** The PPRRVU columns as the table reader locates them: by any of their names, labelled by the first. */
const TABLE_COLUMNS = Object.fromEntries(
  Object.entries(PPRRVU_COLUMNS).map(([name, spec]) => {
    const keys: readonly string[] = spec.names.map(headerKey);
    const column: CmsColumn = { matches: (key) => keys.includes(key), label: spec.names[0] ?? name };
    return [name, spec.required ? column : { ...column, optional: true }];
  }),
) as Record<ColumnName, CmsColumn>;

type ColumnIndex = CmsColumnIndex<typeof TABLE_COLUMNS>;

const PPRRVU_TABLE: CmsTableSpec<typeof TABLE_COLUMNS> = {
  fileKind: FILE_KIND,
  isHeader: (keys) => keys.includes("HCPCS") && keys.includes("MOD"),
  expected: "HCPCS and MOD",
  columns: TABLE_COLUMNS,
  // CMS spreads a header over the banner rows above it ("NON-FAC" over "PE RVU").
  headers: joinedHeaders,
};

/**
 * Whether rows (the first rows of a file or range, cells of any type) hold the PPRRVU header: HCPCS and MOD, and
 * with the banner rows above them every required PPRRVU column. The payer schedule import refuses such a file.
 */
export function hasPprrvuHeader(rows: readonly (readonly unknown[])[]): boolean {
  const grid: CsvGrid = rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? "" : String(cell))));
  return locateTable(grid, PPRRVU_TABLE).ok;
}

/** Joins, column by column, the header row with the banner rows above it up to the first blank row. */
function joinedHeaders(grid: CsvGrid, headerRow: number): string[] {
  let top = headerRow;
  while (top > 0 && !isBlankRow(grid[top - 1] ?? [])) top--;
  const width = Math.max(...grid.slice(top, headerRow + 1).map((row) => row.length));
  return Array.from({ length: width }, (_, column) =>
    grid
      .slice(top, headerRow + 1)
      .map((row) => row[column] ?? "")
      .join(" "),
  );
}

/**
 * Decimals read so far, by range and text: RVU files repeat few distinct values ("0.00" everywhere), Decimals are
 * immutable, and a range check allocates (decimal.js copies its argument), so each text is read and checked once.
 */
class DecimalCache {
  private readonly byRange = new Map<DecimalRange, Map<string, Decimal | null>>();

  /** The decimal of a text if it is one within the range, else null. */
  read(text: string, range: DecimalRange): Decimal | null {
    let byText = this.byRange.get(range);
    if (byText === undefined) this.byRange.set(range, (byText = new Map()));
    const known = byText.get(text);
    if (known !== undefined) return known;
    const value = toDecimal(text);
    const valid = value === null || value.isNegative() || value.gt(range.max) ? null : value;
    byText.set(text, valid);
    return valid;
  }
}

/** Reads cells of one data row, collecting problems with the row number. */
class RowReader {
  readonly issues: ImportIssue[] = [];
  constructor(
    private readonly cells: readonly string[],
    private readonly columns: ColumnIndex,
    readonly rowNumber: number,
    private readonly decimals: DecimalCache,
  ) {}

  text(name: ColumnName): string {
    const column = this.columns[name];
    return column === undefined ? "" : (this.cells[column] ?? "");
  }

  private invalid(name: ColumnName, expected: string): void {
    const column = PPRRVU_COLUMNS[name].names[0] ?? name;
    this.issues.push({ code: "valueInvalid", rowNumber: this.rowNumber, column, value: this.text(name), expected });
  }

  /** A decimal within its column's range; blank reads as `blank` when given (optional columns), else is invalid. */
  decimal(name: DecimalColumn, blank?: Decimal): Decimal {
    const text = this.text(name);
    if (text === "" && blank !== undefined) return blank;
    const { range } = PPRRVU_COLUMNS[name];
    const value = this.decimals.read(text, range);
    if (value === null) {
      this.invalid(name, range.expected);
      return ZERO;
    }
    return value;
  }

  naIndicator(name: ColumnName): boolean {
    const text = this.text(name).toUpperCase();
    if (text !== "" && text !== "NA") this.invalid(name, 'blank or "NA"');
    return text === "NA";
  }

  /** A one-character payment indicator; blank when the column is absent. */
  indicator(name: ColumnName, fallback = "9"): string {
    const text = this.text(name);
    if (this.columns[name] === undefined || text === "") return fallback;
    if (!/^\d$/.test(text)) this.invalid(name, "a one-digit indicator");
    return text;
  }

  code(name: ColumnName): HcpcsCode | null {
    const parsed = parseHcpcsCode(this.text(name));
    if (parsed.ok) return parsed.value;
    this.issues.push({
      code: "valueRejected",
      rowNumber: this.rowNumber,
      column: PPRRVU_COLUMNS[name].names[0] ?? name,
      issue: parsed.issue,
    });
    return null;
  }

  modifier(): Modifier | null {
    const text = this.text("modifier");
    if (text === "") return null;
    const parsed = parseModifier(text);
    if (parsed.ok) return parsed.value;
    this.issues.push({ code: "valueRejected", rowNumber: this.rowNumber, column: "MOD", issue: parsed.issue });
    return null;
  }

  statusCode(): string {
    const text = this.text("statusCode").toUpperCase();
    if (PFS_STATUS_CODES[text] === undefined) this.invalid("statusCode", "a PFS status code letter (A, B, C, ... X)");
    return text;
  }

  /** DIAGNOSTIC IMAGING FAMILY INDICATOR: "09", "01", "6A" in the real files ("9" once Excel re-saved them). */
  imagingFamily(): string {
    const text = this.text("diagnosticImagingFamilyIndicator");
    if (text !== "" && !/^[0-9A-Z]{1,3}$/i.test(text))
      this.invalid("diagnosticImagingFamilyIndicator", "a family indicator like 01, 09 or 6A");
    return text;
  }

  /** GLOB DAYS: 000, 010, 090, MMM, XXX, YYY, ZZZ; Excel turns "090" into "90", so digits are re-padded. */
  globalDays(): string {
    const text = this.text("globalDays").toUpperCase();
    if (/^\d{1,3}$/.test(text)) return text.padStart(3, "0");
    if (text === "" && this.columns.globalDays === undefined) return "XXX";
    if (!/^(MMM|XXX|YYY|ZZZ)$/.test(text)) this.invalid("globalDays", "000, 010, 090, MMM, XXX, YYY or ZZZ");
    return text;
  }
}

const ZERO = new Decimal(0);

function readRow(
  cells: readonly string[],
  columns: ColumnIndex,
  rowNumber: number,
  decimals: DecimalCache,
): RowRead<PfsRvuRow> {
  const r = new RowReader(cells, columns, rowNumber, decimals);
  const hcpcsCode = r.code("hcpcsCode");
  const modifier = r.modifier();
  const endoText = r.text("endoscopicBaseCode");
  const endoscopicBaseCode = endoText === "" ? null : r.code("endoscopicBaseCode");
  const cfText = r.text("conversionFactor");
  const row = {
    hcpcsCode,
    modifier,
    statusCode: r.statusCode(),
    workRvu: r.decimal("workRvu"),
    nonFacilityPeRvu: r.decimal("nonFacilityPeRvu"),
    nonFacilityNaIndicator: r.naIndicator("nonFacilityNaIndicator"),
    facilityPeRvu: r.decimal("facilityPeRvu"),
    facilityNaIndicator: r.naIndicator("facilityNaIndicator"),
    malpracticeRvu: r.decimal("malpracticeRvu"),
    pctcIndicator: r.indicator("pctcIndicator"),
    globalDays: r.globalDays(),
    preOperativeFraction: r.decimal("preOperativeFraction", ZERO),
    intraOperativeFraction: r.decimal("intraOperativeFraction", ZERO),
    postOperativeFraction: r.decimal("postOperativeFraction", ZERO),
    multipleProcedureIndicator: r.indicator("multipleProcedureIndicator"),
    bilateralIndicator: r.indicator("bilateralIndicator"),
    assistantSurgeryIndicator: r.indicator("assistantSurgeryIndicator"),
    coSurgeryIndicator: r.indicator("coSurgeryIndicator"),
    teamSurgeryIndicator: r.indicator("teamSurgeryIndicator"),
    pricingIndicator: columns.pricingIndicator === undefined ? null : r.indicator("pricingIndicator"),
    endoscopicBaseCode,
    conversionFactor: cfText === "" ? null : r.decimal("conversionFactor"),
    diagnosticImagingFamilyIndicator: r.imagingFamily(),
    sourceRowNumber: rowNumber,
  };
  if (r.issues.length > 0 || hcpcsCode === null) return { issues: r.issues };
  return { value: { ...row, hcpcsCode } };
}

function mostCommon(values: readonly Decimal[]): Decimal | null {
  const counts = new Map<Decimal, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: Decimal | null = null;
  for (const [value, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = value;
  return best;
}

/** The code of a data row as the order check reads it: normalised when it is a code ("100" -> "00100"). */
function codeText(cells: readonly string[], columns: ColumnIndex): string {
  const text = cells[columns.hcpcsCode ?? 0] ?? "";
  const parsed = parseHcpcsCode(text);
  return parsed.ok ? parsed.value : text.toUpperCase();
}

/** A row's code and modifier as the rowDuplicated message quotes them: "99213" or "71046 26". */
const rowKey = (row: PfsRvuRow): string => pfsRowKey(row.hcpcsCode, row.modifier).replace("|", " ").trim();

/**
 * Parses a CMS PPRRVU CSV file (any year from 2024 on, and copies re-saved by Excel: "1.3" for "1.30", "100" for
 * "00100", "90" for "090"), given as text or as the file's bytes (encoding detected). The header is found by its
 * content (the row holding HCPCS and MOD, joined with the banner rows above it), never by position. Rows that
 * cannot be read (bad codes, values out of range, control characters, a quote left open) are reported by row
 * number and left out; a repeated code+modifier is reported and the first row kept. The file is refused when it is
 * not CSV text, has no recognisable header, lacks a required column, or was cut short (see completeness.ts).
 */
export function parsePprrvuCsv(input: string | Uint8Array): Result<PprrvuImport, ImportIssue> {
  const table = openCmsTable(input, PPRRVU_TABLE);
  if (!table.ok) return table;
  const { csv, headerRow, columns } = table.value;
  const decimals = new DecimalCache();
  const read = readDataRows(table.value, (row) => readRow(row.cells, columns, row.rowNumber, decimals), rowKey);
  // A row read has its code normalised already; one reported is read again for the code order check.
  const dataRows = read.rows.map(({ rowNumber, cells, value }): DataRowEnd => ({ rowNumber, cells: cells.length, code: value?.hcpcsCode ?? codeText(cells, columns) })); // prettier-ignore
  const cut = pprrvuCutShort(csv, FILE_KIND, headerRow + 1, dataRows);
  if (cut !== null) return fail(cut);
  const rows = read.values;
  const issues = read.issues;
  const label =
    csv.rows
      .slice(0, headerRow)
      .flat()
      .find((cell) => /relative value file/i.test(cell)) ?? "CMS PFS relative value file";
  const conversionFactor = mostCommon(rows.flatMap((row) => (row.conversionFactor ? [row.conversionFactor] : [])));
  return ok({ label, rows, issues, conversionFactor });
}

/** Parses a PPRRVU file and indexes it for pricing; row problems are returned beside the schedule. */
export function importPfsSchedule(
  input: string | Uint8Array,
): Result<{ schedule: PfsSchedule; import: PprrvuImport }, ImportIssue> {
  const parsed = parsePprrvuCsv(input);
  if (!parsed.ok) return parsed;
  return ok({ schedule: buildPfsSchedule(parsed.value.label, parsed.value.rows), import: parsed.value });
}
