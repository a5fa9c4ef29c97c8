import { Decimal, toDecimal } from "../../engine";
import { localityKeyOf, type LocalityGpci } from "../../engine";
import { fail, ok, type Result } from "../../engine";
import { gpciCutShort, trailingMark, type MarkedRow } from "./completeness";
import { headerKey, isBlankRow, readCmsInput, swallowedLineBreaks, type CsvGrid } from "./csvGrid";
import { mergeRepeatedLocalities, type ReadLocality } from "./gpciRepeats";
import type { ImportIssue } from "./importIssues";
import { firstControlCharacter, hasControlCharacter, looksLikeFormula, showControlCharacters } from "./textInput";

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
  stateCode: { matches: (k: string) => k === "STATE", label: "State" },
  localityNumber: {
    matches: (k: string) => k === "LOCALITY" || k.includes("LOCALITYNUMBER"),
    label: "Locality Number",
  },
  localityName: { matches: (k: string) => k.includes("LOCALITYNAME"), label: "Locality Name" },
  workGpciWithoutFloor: {
    matches: (k: string) => /(PW|WORK)GPCI.*WITHOUT/.test(k),
    label: "PW GPCI (without 1.0 Floor)",
  },
  workGpci: {
    matches: (k: string) => /(PW|WORK)GPCI/.test(k) && !k.includes("WITHOUT"),
    label: "PW GPCI (with 1.0 Floor)",
  },
  peGpci: { matches: (k: string) => k.includes("PEGPCI"), label: "PE GPCI" },
  malpracticeGpci: { matches: (k: string) => k.includes("MPGPCI"), label: "MP GPCI" },
} as const;

type GpciColumn = keyof typeof GPCI_COLUMNS;
const REQUIRED: readonly GpciColumn[] = ["macCode", "localityNumber", "workGpci", "peGpci", "malpracticeGpci"];
const GPCI_VALUES: readonly GpciColumn[] = ["workGpci", "workGpciWithoutFloor", "peGpci", "malpracticeGpci"];
/** Free text kept as it is: checked for formula-looking text. */
const TEXT_COLUMNS: readonly GpciColumn[] = ["stateCode", "localityName"];

/**
 * The largest GPCI accepted. The GPCIs of 2025 lie between 0.25 and 2.5 (Miami's MP GPCI); an index of 5 would
 * price a locality's share at five times the national amount, which no locality has come near.
 */
const MAX_GPCI = new Decimal(5);

type Columns = Readonly<Record<GpciColumn, number | undefined>>;

function locateColumns(grid: CsvGrid): Result<{ headerRow: number; columns: Columns }, ImportIssue> {
  // The header holds several GPCI columns and a locality column; the title banner mentions both in one cell.
  const headerRow = grid.findIndex(
    (row) =>
      row.filter((c) => headerKey(c).includes("GPCI")).length >= 2 &&
      row.some((c) => headerKey(c).includes("LOCALITY")),
  );
  if (headerRow < 0) return fail({ code: "headerNotFound", fileKind: FILE_KIND, expected: "Locality and GPCI" });
  const keys = (grid[headerRow] ?? []).map(headerKey);
  const columns = {} as Record<GpciColumn, number | undefined>;
  for (const name of Object.keys(GPCI_COLUMNS) as GpciColumn[]) {
    const found = keys.findIndex((k) => GPCI_COLUMNS[name].matches(k));
    columns[name] = found < 0 ? undefined : found;
  }
  const missing = REQUIRED.find((name) => columns[name] === undefined);
  if (missing) return fail({ code: "columnMissing", fileKind: FILE_KIND, column: GPCI_COLUMNS[missing].label });
  return ok({ headerRow, columns });
}

/** What one row below the header is: a locality (or its problems), or a footnote. */
type RowRead =
  | { readonly kind: "note"; readonly text: string }
  | { readonly kind: "issues"; readonly issues: readonly ImportIssue[] }
  | { readonly kind: "locality"; readonly locality: LocalityGpci; readonly warnings: readonly ImportIssue[] };

function readRow(
  cells: readonly string[],
  columns: Columns,
  rowNumber: number,
  checkControlCharacters: boolean,
): RowRead {
  const cell = (name: GpciColumn): string => {
    const column = columns[name];
    return column === undefined ? "" : (cells[column] ?? "");
  };
  const damaged = checkControlCharacters
    ? (Object.keys(GPCI_COLUMNS) as GpciColumn[]).filter((name) => hasControlCharacter(cell(name)))
    : [];
  if (damaged.length > 0) {
    const issues = damaged.map((name): ImportIssue => {
      const text = cell(name);
      const { label: column } = GPCI_COLUMNS[name];
      return { code: "controlCharacter", rowNumber, column, shown: showControlCharacters(text), codePoint: firstControlCharacter(text) }; // prettier-ignore
    });
    return { kind: "issues", issues };
  }
  const mac = cell("macCode");
  if (!/^\d{1,5}$/.test(mac)) {
    // A footnote ("*Work GPCI reflects a 1.5 floor in Alaska...") has text in the first cell only.
    if (REQUIRED.slice(2).every((name) => cell(name) === ""))
      return { kind: "note", text: cells.filter((c) => c !== "").join(" ") };
    const column = GPCI_COLUMNS.macCode.label;
    return { kind: "issues", issues: [{ code: "valueInvalid", rowNumber, column, value: mac, expected: "a MAC number like 01112" }] }; // prettier-ignore
  }
  const issues: ImportIssue[] = [];
  const invalid = (name: GpciColumn, expected: string) =>
    issues.push({ code: "valueInvalid", rowNumber, column: GPCI_COLUMNS[name].label, value: cell(name), expected });
  const localityNumber = cell("localityNumber");
  if (!/^\d{1,2}$/.test(localityNumber)) invalid("localityNumber", "a locality number like 05");
  const gpci = (name: GpciColumn): Decimal | null => {
    if (columns[name] === undefined) return null;
    const value = toDecimal(cell(name));
    if (value === null || value.isNegative() || value.gt(MAX_GPCI)) invalid(name, "an index from 0 to 5, like 1.000");
    return value;
  };
  const [workGpci, workGpciWithoutFloor, peGpci, malpracticeGpci] = GPCI_VALUES.map(gpci);
  if (issues.length > 0 || !workGpci || !peGpci || !malpracticeGpci) return { kind: "issues", issues };
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
  return { kind: "locality", locality, warnings };
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
  const csv = readCmsInput(input, FILE_KIND);
  if (!csv.ok) return csv;
  const grid = csv.value.rows;
  const located = locateColumns(grid);
  if (!located.ok) return located;
  const { headerRow, columns } = located.value;
  const quotes = swallowedLineBreaks(csv.value, FILE_KIND);
  if (!quotes.ok) return quotes;
  const swallowed = quotes.value;

  const read: ReadLocality[] = [];
  const issues: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const notes: string[] = [];
  const marked: MarkedRow[] = [];
  for (let i = headerRow + 1; i < grid.length; i++) {
    const cells = grid[i] ?? [];
    const rowNumber = i + 1;
    if (isBlankRow(cells)) continue;
    const lineBreaks = swallowed.get(rowNumber);
    if (lineBreaks !== undefined) {
      issues.push({ code: "quoteSwallowedLines", rowNumber, lineBreaks });
      continue;
    }
    const row = readRow(cells, columns, rowNumber, csv.value.controlCharacters);
    switch (row.kind) {
      case "note":
        notes.push(row.text);
        break;
      case "issues":
        issues.push(...row.issues);
        break;
      case "locality": {
        read.push({ rowNumber, locality: row.locality });
        warnings.push(...row.warnings);
        const name = cells[columns.localityName ?? -1] ?? "";
        const mark = trailingMark(name);
        if (mark !== "") marked.push({ rowNumber, mark, text: name });
        break;
      }
    }
  }
  const merged = mergeRepeatedLocalities(read);
  const cut = gpciCutShort(csv.value, FILE_KIND, headerRow + 1, merged.localities.length, marked, notes);
  if (cut !== null) return fail(cut);
  const byRow = (a: ImportIssue, b: ImportIssue) => rowOf(a) - rowOf(b);
  return ok({
    localities: merged.localities,
    issues: [...issues, ...merged.issues].sort(byRow),
    warnings,
    notes,
  });
}

const rowOf = (issue: ImportIssue): number => ("rowNumber" in issue ? issue.rowNumber : 0);
