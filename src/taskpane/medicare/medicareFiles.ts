/**
 * The CMS files of a Medicare schedule import (PPRRVU, GPCI, and optionally OPPSCAP) as the panel and the command read them: refused up front when
 * too large or not CSV (ARCHITECTURE.md s.10), parsed with the cmsPfs parsers (header by content, banner rows and
 * footnotes skipped, codes normalised), with every row problem as a message, the year and CF the file states, and
 * a few amounts for a locality to preview before writing.
 */
import { conversionFactorOn, MEDICARE_PFS_CONVERSION_FACTORS } from "../../engine";
import { Decimal } from "../../engine";
import { buildGpciIndex, NATIONAL_GPCI, type LocalityGpci } from "../../engine";
import type { HcpcsCode } from "../../engine";
import type { IsoDate } from "../../engine";
import { pfsBaseAmount } from "../../engine";
import { formatCents, toCents } from "../../engine";
import type { PfsRvuRow } from "../../engine";
import type { OppsCapTable } from "../../engine";
import type { AnesthesiaBaseUnitsRow, LocalityKey } from "../../engine";
import { fail, ok, type Result } from "../../engine";
import { importIssueMessage, parseGpciCsv, parseOppsCapCsv, parsePprrvuCsv } from "../../formats/cmsPfs";
import { parseAnesCsv, parseAnesthesiaBaseUnitsCsv, type AnesLocality } from "../../formats/cmsPfs";

/** The PPRRVU CSV is about 2 MB; 20 MB leaves room for any year and refuses what is surely not one. */
export const MAX_PPRRVU_BYTES = 20 * 1024 * 1024;
/** The GPCI CSV is about 5 KB. */
export const MAX_GPCI_BYTES = 1024 * 1024;
/** The OPPSCAP CSV is about 550 KB (every imaging code in every locality). */
export const MAX_OPPSCAP_BYTES = 10 * 1024 * 1024;

/** The ANES CSV is about 5 KB; the anesthesia base units list about 10 KB. */
export const MAX_ANESTHESIA_BYTES = 1024 * 1024;

/** Which of the files. */
export type MedicareFileKind = "pprrvu" | "gpci" | "oppsCap" | "anes" | "baseUnits";

const KIND_NAMES: Readonly<Record<MedicareFileKind, string>> = {
  pprrvu: "relative value (PPRRVU)",
  gpci: "GPCI",
  oppsCap: "OPPS imaging cap (OPPSCAP)",
  anes: "anesthesia conversion factor (ANES)",
  baseUnits: "anesthesia base units",
};

const MAX_BYTES = {
  pprrvu: MAX_PPRRVU_BYTES,
  gpci: MAX_GPCI_BYTES,
  oppsCap: MAX_OPPSCAP_BYTES,
  anes: MAX_ANESTHESIA_BYTES,
  baseUnits: MAX_ANESTHESIA_BYTES,
} as const satisfies Record<MedicareFileKind, number>;

/** A chosen file as the browser describes it before it is read. */
export interface ChosenFileInfo {
  readonly name: string;
  readonly size: number;
}

const megabytes = (bytes: number) =>
  `${(bytes / (1024 * 1024)).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;
const SAVE_AS_CSV = "open it in Excel and save it as CSV (Comma delimited), then choose the .csv file";

/** Why a chosen file is refused before it is read (too large, not CSV), or null. */
export function refuseChosenFile(file: ChosenFileInfo, kind: MedicareFileKind): string | null {
  const limit = MAX_BYTES[kind];
  if (file.size > limit)
    return `${file.name} is ${megabytes(file.size)}; a CMS ${KIND_NAMES[kind]} file is at most ${megabytes(limit)}. Is it the right file?`;
  if (/\.xlsx?$/i.test(file.name))
    return `${file.name} is an Excel workbook, which cannot be read here yet: ${SAVE_AS_CSV}.`;
  if (!/\.csv$/i.test(file.name))
    return `${file.name} is not a CSV file. Choose the CMS ${KIND_NAMES[kind]} file ending in .csv (the fixed-width .txt is not read).`;
  return null;
}

/** An xlsx saved under a .csv name starts with the ZIP signature "PK\3\4". */
function refuseContent(content: string | Uint8Array, fileName: string): string | null {
  const start = typeof content === "string" ? content.slice(0, 4) : String.fromCharCode(...content.subarray(0, 4));
  return start === "PK\u0003\u0004" ? `${fileName} is an Excel workbook named .csv: ${SAVE_AS_CSV}.` : null;
}

/** A parsed PPRRVU file as the panel shows it. */
export interface PprrvuFile {
  readonly fileName: string;
  readonly label: string;
  readonly rows: readonly PfsRvuRow[];
  /** One message per row the file could not give (left out of the import). */
  readonly problems: readonly string[];
  readonly conversionFactor: Decimal | null;
  /** The PFS year the file states, when it can be told (banner, else its CF). */
  readonly year: number | null;
}

/** A parsed GPCI file. */
export interface GpciFile {
  readonly fileName: string;
  readonly localities: readonly LocalityGpci[];
  /** One message per row left out of the import. */
  readonly problems: readonly string[];
  /** One message per row imported as it is but worth a look (a locality name that looks like a formula). */
  readonly warnings: readonly string[];
}

/** A parsed OPPSCAP file: the caps of every imaging code in every locality. */
export interface OppsCapFile {
  readonly fileName: string;
  readonly table: OppsCapTable;
  readonly rowCount: number;
  /** One message per row left out of the import (those codes would not be capped). */
  readonly problems: readonly string[];
}

/** A parsed ANES file: the anesthesia CF of each locality and the national one. */
export interface AnesFile {
  readonly fileName: string;
  readonly localities: ReadonlyMap<LocalityKey, AnesLocality>;
  readonly nationalConversionFactor: Decimal | null;
  /** One message per row left out of the import (those localities have no anesthesia CF). */
  readonly problems: readonly string[];
}

/** A parsed anesthesia base units file (CMS's or the payer's). */
export interface BaseUnitsFile {
  readonly fileName: string;
  readonly rows: readonly AnesthesiaBaseUnitsRow[];
  /** One message per row left out of the import (those codes will not be priced). */
  readonly problems: readonly string[];
}

/** Parses CMS's ANES CSV, or says why it cannot be read. */
export function readAnes(fileName: string, content: string | Uint8Array): Result<AnesFile, string> {
  const refused = refuseContent(content, fileName);
  if (refused !== null) return fail(refused);
  const parsed = parseAnesCsv(content);
  if (!parsed.ok) return fail(`${fileName}: ${importIssueMessage(parsed.issue)}`);
  const { localities, nationalConversionFactor, issues } = parsed.value;
  return ok({ fileName, localities, nationalConversionFactor, problems: issues.map(importIssueMessage) });
}

/** Parses an anesthesia base units CSV, or says why it cannot be read. */
export function readBaseUnits(fileName: string, content: string | Uint8Array): Result<BaseUnitsFile, string> {
  const refused = refuseContent(content, fileName);
  if (refused !== null) return fail(refused);
  const parsed = parseAnesthesiaBaseUnitsCsv(content);
  if (!parsed.ok) return fail(`${fileName}: ${importIssueMessage(parsed.issue)}`);
  return ok({ fileName, rows: parsed.value.rows, problems: parsed.value.issues.map(importIssueMessage) });
}

/**
 * The anesthesia CF of a locality in an ANES file: its row, matched by contractor and locality as the GPCI file's;
 * the national CF the header states for the national schedule. Null when the file has none for it.
 */
export function anesthesiaCfFor(file: AnesFile, locality: LocalityGpci): Decimal | null {
  if (locality.localityKey === NATIONAL_GPCI.localityKey) return file.nationalConversionFactor;
  return file.localities.get(locality.localityKey)?.conversionFactor ?? null;
}

/** The year of a PPRRVU file: the banner says it ("2025 National Physician Fee Schedule..."), else its CF does. */
export function detectYear(label: string, conversionFactor: Decimal | null): number | null {
  const stated = /\b(20\d\d)\b/.exec(label);
  if (stated) return Number(stated[1]);
  const period =
    conversionFactor && MEDICARE_PFS_CONVERSION_FACTORS.find((p) => p.conversionFactor.eq(conversionFactor));
  return period ? Number(period.effectiveStartDate.slice(0, 4)) : null;
}

/** Parses a PPRRVU CSV (its text, or its bytes to have the encoding detected), or says why it cannot be read. */
export function readPprrvu(fileName: string, content: string | Uint8Array): Result<PprrvuFile, string> {
  const refused = refuseContent(content, fileName);
  if (refused !== null) return fail(refused);
  const parsed = parsePprrvuCsv(content);
  if (!parsed.ok) return fail(`${fileName}: ${importIssueMessage(parsed.issue)}`);
  const { label, rows, issues, conversionFactor } = parsed.value;
  return ok({
    fileName,
    label,
    rows,
    problems: issues.map(importIssueMessage),
    conversionFactor,
    year: detectYear(label, conversionFactor),
  });
}

/** Parses a GPCI CSV (its text, or its bytes to have the encoding detected), or says why it cannot be read. */
export function readGpci(fileName: string, content: string | Uint8Array): Result<GpciFile, string> {
  const refused = refuseContent(content, fileName);
  if (refused !== null) return fail(refused);
  const parsed = parseGpciCsv(content);
  if (!parsed.ok) return fail(`${fileName}: ${importIssueMessage(parsed.issue)}`);
  const { localities, issues, warnings } = parsed.value;
  return ok({
    fileName,
    localities,
    problems: issues.map(importIssueMessage),
    warnings: warnings.map(importIssueMessage),
  });
}

/** Parses an OPPSCAP CSV (its text, or its bytes to have the encoding detected), or says why it cannot be read. */
export function readOppsCap(fileName: string, content: string | Uint8Array): Result<OppsCapFile, string> {
  const refused = refuseContent(content, fileName);
  if (refused !== null) return fail(refused);
  const parsed = parseOppsCapCsv(content, fileName);
  if (!parsed.ok) return fail(`${fileName}: ${importIssueMessage(parsed.issue)}`);
  const { table, rowCount, issues } = parsed.value;
  return ok({ fileName, table, rowCount, problems: issues.map(importIssueMessage) });
}

/** The localities to choose from: "National (GPCI 1.000)" first, then the GPCI file's in file order. */
export function localityChoices(gpci: GpciFile | null): readonly LocalityGpci[] {
  return [...buildGpciIndex(gpci?.localities ?? []).values()];
}

/**
 * The CF to write when the user gives none: the file's CONV FACTOR, else the engine's for the year (its last
 * period: CY2024's from March 9; from 2026 the non-qualifying APM one).
 */
export function conversionFactorFor(file: PprrvuFile, year: number): Decimal | null {
  if (file.conversionFactor !== null) return file.conversionFactor;
  const period = conversionFactorOn(`${year}-12-31` as IsoDate);
  return period.ok ? period.value.conversionFactor : null;
}

/** One previewed code: its amounts in dollars as text, or null where the file has no global row for it. */
export interface PreviewAmount {
  readonly hcpcsCode: string;
  readonly nonFacility: string | null;
  readonly facility: string | null;
}

/** The E/M codes most practices bill most, previewed before importing. */
export const PREVIEW_CODES = ["99213", "99214"] as const;

/**
 * The amounts the sheet's formulas will show for a few codes in a locality: the PFS formula with one half-up
 * rounding to cents (the engine's pfsBaseAmount), from the file's global rows.
 */
export function previewAmounts(
  rows: readonly PfsRvuRow[],
  locality: LocalityGpci,
  conversionFactor: Decimal,
  codes: readonly string[] = PREVIEW_CODES,
): PreviewAmount[] {
  return codes.map((hcpcsCode) => {
    const row = rows.find((r) => r.hcpcsCode === (hcpcsCode as HcpcsCode) && r.modifier === null);
    if (row === undefined) return { hcpcsCode, nonFacility: null, facility: null };
    const amount = (setting: "facility" | "non-facility") =>
      formatCents(toCents(pfsBaseAmount(row, locality, setting, conversionFactor)));
    return { hcpcsCode, nonFacility: amount("non-facility"), facility: amount("facility") };
  });
}

/** "04412-18 HOUSTON, TX (MAC 04412)": how a locality is listed and searched. */
export function localityText(locality: LocalityGpci): string {
  if (locality.localityKey === NATIONAL_GPCI.localityKey) return "National (GPCI 1.000)";
  const state = locality.stateCode ? `, ${locality.stateCode}` : "";
  return `${locality.localityKey} ${locality.localityName}${state}`;
}
