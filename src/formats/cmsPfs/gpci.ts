import { toDecimal, type Decimal } from "../../engine";
import { localityKeyOf, type LocalityGpci } from "../../engine";
import { fail, ok, type Result } from "../../engine";
import { headerKey, isBlankRow, readCsvGrid } from "./csvGrid";
import type { ImportIssue } from "./importIssues";

/** A parsed GPCI file: one entry per locality, row problems, and the footnotes CMS prints under the table. */
export interface GpciImport {
  readonly localities: readonly LocalityGpci[];
  readonly issues: readonly ImportIssue[];
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

/**
 * Parses a CMS GPCI file (Addendum E as CSV): banner rows, the header found by content, footnotes after the data
 * (kept as notes), and copies re-saved by Excel where "02102" became 2102 and "01" became 1 (zeros restored).
 * Files before 2021 without a State column are read too. Rows with a MAC number but unreadable GPCIs are
 * reported by row number.
 */
export function parseGpciCsv(text: string): Result<GpciImport, ImportIssue> {
  const grid = readCsvGrid(text);
  if (grid.length === 0) return fail({ code: "fileEmpty", fileKind: FILE_KIND });
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

  const localities: LocalityGpci[] = [];
  const issues: ImportIssue[] = [];
  const notes: string[] = [];
  for (let i = headerRow + 1; i < grid.length; i++) {
    const cells = grid[i] ?? [];
    if (isBlankRow(cells)) continue;
    const cell = (name: GpciColumn): string => {
      const column = columns[name];
      return column === undefined ? "" : (cells[column] ?? "");
    };
    const mac = cell("macCode");
    if (!/^\d{1,5}$/.test(mac)) {
      // A footnote ("*Work GPCI reflects a 1.5 floor in Alaska...") has text in the first cell only.
      if (REQUIRED.slice(2).every((name) => cell(name) === "")) notes.push(cells.filter((c) => c !== "").join(" "));
      else
        issues.push({
          code: "valueInvalid",
          rowNumber: i + 1,
          column: GPCI_COLUMNS.macCode.label,
          value: mac,
          expected: "a MAC number like 01112",
        });
      continue;
    }
    const rowIssues: ImportIssue[] = [];
    const gpci = (name: GpciColumn): Decimal | null => {
      if (columns[name] === undefined) return null;
      const value = toDecimal(cell(name));
      if (value === null || value.isNegative()) {
        rowIssues.push({
          code: "valueInvalid",
          rowNumber: i + 1,
          column: GPCI_COLUMNS[name].label,
          value: cell(name),
          expected: "an index like 1.000",
        });
      }
      return value;
    };
    const localityNumber = cell("localityNumber");
    if (!/^\d{1,2}$/.test(localityNumber)) {
      rowIssues.push({
        code: "valueInvalid",
        rowNumber: i + 1,
        column: GPCI_COLUMNS.localityNumber.label,
        value: localityNumber,
        expected: "a locality number like 05",
      });
    }
    const workGpci = gpci("workGpci");
    const workGpciWithoutFloor = gpci("workGpciWithoutFloor");
    const peGpci = gpci("peGpci");
    const malpracticeGpci = gpci("malpracticeGpci");
    if (rowIssues.length > 0 || !workGpci || !peGpci || !malpracticeGpci) {
      issues.push(...rowIssues);
      continue;
    }
    const localityKey = localityKeyOf(mac, localityNumber);
    localities.push({
      localityKey,
      macCode: localityKey.slice(0, 5),
      localityNumber: localityKey.slice(6),
      stateCode: cell("stateCode") || null,
      // Asterisks point at the footnotes (floors), they are not part of the name.
      localityName: cell("localityName").replace(/\*+$/, "").trim(),
      workGpci,
      workGpciWithoutFloor,
      peGpci,
      malpracticeGpci,
    });
  }
  return ok({ localities, issues, notes });
}
