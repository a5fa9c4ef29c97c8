import { Decimal, toDecimal } from "../../engine";
import { localityKeyOf, type LocalityGpci } from "../../engine";
import { fail, ok, type Result } from "../../engine";
import { gpciCutShort, trailingMark, type MarkedRow } from "./completeness";
import { openCmsTable, readDataRows } from "./cmsTable";
import type { CmsTableSpec, ColumnIndex, RowRead, TableRow } from "./cmsTable";
import { mergeRepeatedLocalities, type ReadLocality } from "./gpciRepeats";
import type { ImportIssue } from "./importIssues";
import { looksLikeFormula } from "./textInput";

/** A parsed GPCI file: one entry per locality, row problems, and the footnotes CMS prints under the table. */
export interface GpciImport {
  readonly localities: readonly LocalityGpci[];
  /** Rows left out (unreadable, repeated, conflicting), by row number. */
  readonly issues: readonly ImportIssue[];
  /** Rows imported as they are but worth a look: text that looks like a formula (kept as text). */
  readonly warnings: readonly ImportIssue[];
  readonly notes: readonly string[];
}

const FILE_KIND = "CMS GPCI";

/**
 * GPCI columns by header text. Headers carry the year ("2025 PE GPCI"), so they are matched by what they contain.
 * The unfloored work GPCI is tested first: "WITHOUT" contains "WITH".
 */
const GPCI_COLUMNS = {
  macCode: {
    matches: (k: string) => k.includes("CONTRACTOR") || k === "MAC" || k === "CARRIER",
    label: "Medicare Administrative Contractor (MAC)",
  },
  // Files before 2021 have no State column.
  stateCode: { matches: (k: string) => k === "STATE", label: "State", optional: true },
  localityNumber: {
    matches: (k: string) => k === "LOCALITY" || k.includes("LOCALITYNUMBER"),
    label: "Locality Number",
  },
  localityName: { matches: (k: string) => k.includes("LOCALITYNAME"), label: "Locality Name", optional: true },
  workGpciWithoutFloor: {
    matches: (k: string) => /(PW|WORK)GPCI.*WITHOUT/.test(k),
    label: "PW GPCI (without 1.0 Floor)",
    optional: true,
  },
  workGpci: {
    matches: (k: string) => /(PW|WORK)GPCI/.test(k) && !k.includes("WITHOUT"),
    label: "PW GPCI (with 1.0 Floor)",
  },
  peGpci: { matches: (k: string) => k.includes("PEGPCI"), label: "PE GPCI" },
  malpracticeGpci: { matches: (k: string) => k.includes("MPGPCI"), label: "MP GPCI" },
} as const;

type GpciColumn = keyof typeof GPCI_COLUMNS;
/** A footnote ("*Work GPCI reflects a 1.5 floor in Alaska...") leaves these blank; a locality row never does. */
const BLANK_IN_NOTES: readonly GpciColumn[] = ["workGpci", "peGpci", "malpracticeGpci"];
const GPCI_VALUES: readonly GpciColumn[] = ["workGpci", "workGpciWithoutFloor", "peGpci", "malpracticeGpci"];
/** Free text kept as it is: checked for formula-looking text. */
const TEXT_COLUMNS: readonly GpciColumn[] = ["stateCode", "localityName"];

/**
 * The largest GPCI accepted. The GPCIs of 2025 lie between 0.25 and 2.5 (Miami's MP GPCI); an index of 5 would
 * price a locality's share at five times the national amount, which no locality has come near.
 */
const MAX_GPCI = new Decimal(5);

type Columns = ColumnIndex<typeof GPCI_COLUMNS>;

const GPCI_TABLE: CmsTableSpec<typeof GPCI_COLUMNS> = {
  fileKind: FILE_KIND,
  // The header holds several GPCI columns and a locality column; the title banner mentions both in one cell.
  isHeader: (keys) => keys.filter((k) => k.includes("GPCI")).length >= 2 && keys.some((k) => k.includes("LOCALITY")),
  expected: "Locality and GPCI",
  columns: GPCI_COLUMNS,
};

/** What one row below the header is, when it is not left out: a locality, or a footnote. */
type GpciRow =
  | { readonly kind: "note"; readonly text: string }
  | (ReadLocality & {
      readonly kind: "locality";
      readonly warnings: readonly ImportIssue[];
      /** The locality name's footnote mark ("ALASKA*"), which a footnote under the table must explain. */
      readonly marked: MarkedRow | null;
    });

function readRow(row: TableRow<typeof GPCI_COLUMNS>, columns: Columns): RowRead<GpciRow> {
  const { cells, rowNumber } = row;
  const cell = (name: GpciColumn): string => row.cell(name);
  const mac = cell("macCode");
  if (!/^\d{1,5}$/.test(mac)) {
    // A footnote ("*Work GPCI reflects a 1.5 floor in Alaska...") has text in the first cell only.
    if (BLANK_IN_NOTES.every((name) => cell(name) === ""))
      return { value: { kind: "note", text: cells.filter((c) => c !== "").join(" ") } };
    row.invalid("macCode", "a MAC number like 01112");
    return { issues: row.issues };
  }
  const invalid = (name: GpciColumn, expected: string) => row.invalid(name, expected);
  const localityNumber = cell("localityNumber");
  if (!/^\d{1,2}$/.test(localityNumber)) invalid("localityNumber", "a locality number like 05");
  const gpci = (name: GpciColumn): Decimal | null => {
    if (columns[name] === undefined) return null;
    const value = toDecimal(cell(name));
    if (value === null || value.isNegative() || value.gt(MAX_GPCI)) invalid(name, "an index from 0 to 5, like 1.000");
    return value;
  };
  const [workGpci, workGpciWithoutFloor, peGpci, malpracticeGpci] = GPCI_VALUES.map(gpci);
  if (row.issues.length > 0 || !workGpci || !peGpci || !malpracticeGpci) return { issues: row.issues };
  const warnings = TEXT_COLUMNS.filter((name) => looksLikeFormula(cell(name))).map((name): ImportIssue => ({
    code: "formulaText",
    rowNumber,
    column: GPCI_COLUMNS[name].label,
    value: cell(name),
  }));
  const localityKey = localityKeyOf(mac, localityNumber);
  const locality: LocalityGpci = {
    localityKey,
    macCode: localityKey.slice(0, 5),
    localityNumber: localityKey.slice(6),
    stateCode: cell("stateCode") || null,
    // Asterisks point at the footnotes (floors), they are not part of the name.
    localityName: cell("localityName").replace(/\*+$/, "").trim(),
    workGpci,
    workGpciWithoutFloor: workGpciWithoutFloor ?? null,
    peGpci,
    malpracticeGpci,
  };
  const name = cell("localityName");
  const mark = trailingMark(name);
  const marked = mark === "" ? null : { rowNumber, mark, text: name };
  return { value: { kind: "locality", rowNumber, locality, warnings, marked } };
}

/**
 * Parses a CMS GPCI file (Addendum E as CSV), given as text or as the file's bytes (encoding detected): banner
 * rows, the header found by content, footnotes after the data (kept as notes), and copies re-saved by Excel where
 * "02102" became 2102 and "01" became 1 (zeros restored). Files before 2021 without a State column are read too.
 * Rows with a MAC number but unreadable or absurd GPCIs, control characters or a quote left open are reported by
 * row number and left out; a locality listed twice is merged when the rows are identical and left out, naming both
 * rows, when they differ. Text that looks like a formula is kept as text with a warning. The file is refused when it
 * is not CSV text, has no GPCI header, or was cut short (see completeness.ts).
 */
export function parseGpciCsv(input: string | Uint8Array): Result<GpciImport, ImportIssue> {
  const table = openCmsTable(input, GPCI_TABLE);
  if (!table.ok) return table;
  const { csv, headerRow, columns } = table.value;
  // No duplicate key here: a locality listed twice is merged or refused by mergeRepeatedLocalities.
  const read = readDataRows(table.value, (row) => readRow(row, columns));
  const notes = read.values.flatMap((row) => (row.kind === "note" ? [row.text] : []));
  const localities = read.values.flatMap((row) => (row.kind === "locality" ? [row] : []));
  const warnings = localities.flatMap((row) => row.warnings);
  const marked = localities.flatMap((row) => (row.marked === null ? [] : [row.marked]));
  const merged = mergeRepeatedLocalities(localities);
  const cut = gpciCutShort(csv, FILE_KIND, headerRow + 1, merged.localities.length, marked, notes);
  if (cut !== null) return fail(cut);
  const byRow = (a: ImportIssue, b: ImportIssue) => rowOf(a) - rowOf(b);
  return ok({
    localities: merged.localities,
    issues: [...read.issues, ...merged.issues].sort(byRow),
    warnings,
    notes,
  });
}
const rowOf = (issue: ImportIssue): number => ("rowNumber" in issue ? issue.rowNumber : 0);
