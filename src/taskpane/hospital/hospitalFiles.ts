/**
 * The CMS files of a hospital's schedules as the panel reads them (issue 14 item 3): MS-DRG weights (the pricer CSV or
 * Table 5), OPPS Addendum B and the CBSA wage index. Refused up front when too large or not text (ARCHITECTURE.md
 * s.10), then parsed with the cmsIpps / cmsOpps readers, every row left out as a message, for the preview.
 */
import { fail, ok, type Decimal, type DrgWeightTable, type IsoDate, type OppsTable, type Result } from "../../engine";
import { addendumBIssueMessage, addendumBQuarterOf, parseAddendumBCsv } from "../../formats/cmsOpps";
import { ippsImportIssueMessage, parseCbsaWageIndexCsv, parseDrgWeightsCsv } from "../../formats/cmsIpps";
import type { CbsaWageIndexRow } from "../../formats/cmsIpps";
import { importIssueMessage } from "../../formats/cmsPfs";

/** Which of the files. */
export type HospitalFileKind = "drgWeights" | "addendumB" | "wageIndex";

/** Each file's name in messages, its size limit and the file names it may have. */
const FILE_KINDS = {
  // The pricer CSV is about 60 KB, Table 5 as text about 200 KB.
  drgWeights: { name: "MS-DRG weights", maxBytes: 5 * 1024 * 1024, extensions: [".csv", ".txt"] },
  // An Addendum B is about 2.5 MB (18,800 codes).
  addendumB: { name: "OPPS Addendum B", maxBytes: 20 * 1024 * 1024, extensions: [".csv"] },
  // The CBSA wage index is about 30 KB.
  wageIndex: { name: "CBSA wage index", maxBytes: 1024 * 1024, extensions: [".csv"] },
} as const satisfies Record<HospitalFileKind, { name: string; maxBytes: number; extensions: readonly string[] }>;

/** The picker's `accept` list of a kind. */
export const acceptOf = (kind: HospitalFileKind): string => [...FILE_KINDS[kind].extensions, "text/csv"].join(",");

const megabytes = (bytes: number) =>
  `${(bytes / (1024 * 1024)).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;
const SAVE_AS_CSV = "open it in Excel and save it as CSV (Comma delimited), then choose the .csv file";

/** Why a chosen file is refused before it is read (too large, a workbook, not text), or null. */
export function refuseHospitalFile(
  file: { readonly name: string; readonly size: number },
  kind: HospitalFileKind,
): string | null {
  // prettier-ignore
  const { name, maxBytes, extensions } = FILE_KINDS[kind];
  if (file.size > maxBytes)
    return `${file.name} is ${megabytes(file.size)}; a CMS ${name} file is at most ${megabytes(maxBytes)}. Is it the right file?`;
  if (/\.xlsx?$/i.test(file.name))
    return `${file.name} is an Excel workbook, which cannot be read here: ${SAVE_AS_CSV}.`;
  if (!extensions.some((extension) => file.name.toLowerCase().endsWith(extension)))
    return `${file.name} is not a ${extensions.join(" or ")} file. Choose the CMS ${name} file as ${extensions.join(" or ")}.`;
  return null;
}

/** An xlsx renamed .csv starts with the ZIP signature "PK\3\4". */
function refuseContent(content: string | Uint8Array, fileName: string): string | null {
  const start = typeof content === "string" ? content.slice(0, 4) : String.fromCharCode(...content.subarray(0, 4));
  return start === "PK\u0003\u0004" ? `${fileName} is an Excel workbook named .csv: ${SAVE_AS_CSV}.` : null;
}

/** An MS-DRG weights file read for the preview. */
export interface DrgWeightsFile {
  readonly fileName: string;
  readonly table: DrgWeightTable;
  /** One message per row left out. */
  readonly problems: readonly string[];
  /** One message per row imported as it is but worth a look (a title that looks like a formula). */
  readonly warnings: readonly string[];
}

/** Why a file is not read: the message, and whether choosing a fiscal year would let it be read. */
export interface FileRefusal {
  readonly message: string;
  readonly needsFiscalYear: boolean;
}

/**
 * Reads an MS-DRG weights file. Its fiscal year comes from its effective dates or its banner ("FY 2026"); a file that
 * says neither is read with `fiscalYear` when given, else refused asking for it.
 */
export function readDrgWeights(
  fileName: string,
  content: string | Uint8Array,
  fiscalYear?: number,
): Result<DrgWeightsFile, FileRefusal> {
  // prettier-ignore
  const refused = refuseContent(content, fileName);
  if (refused !== null) return fail({ message: refused, needsFiscalYear: false });
  const parsed = parseDrgWeightsCsv(content, fiscalYear === undefined ? {} : { fiscalYear });
  if (!parsed.ok)
    return fail({ message: `${fileName}: ${ippsImportIssueMessage(parsed.issue)}`, needsFiscalYear: parsed.issue.code === "fiscalYearUnknown" }); // prettier-ignore
  const { table, issues, warnings } = parsed.value;
  return ok({ fileName, table, problems: issues.map(importIssueMessage), warnings: warnings.map(importIssueMessage) });
}

/** An Addendum B file read for the preview, for the quarter it was read for. */
export interface AddendumBFile {
  readonly fileName: string;
  readonly table: OppsTable;
  readonly problems: readonly string[];
}

/** The quarter a file's name says ("2025-10" or "October 2025"), as its first day; null when it says none. */
export const quarterOfFileName = (fileName: string): IsoDate | null => addendumBQuarterOf(fileName);

/** Reads an Addendum B file for the quarter starting `quarterStart` (a banner naming another year refuses it). */
export function readAddendumB(
  fileName: string,
  content: string | Uint8Array,
  quarterStart: IsoDate,
): Result<AddendumBFile, string> {
  // prettier-ignore
  const refused = refuseContent(content, fileName);
  if (refused !== null) return fail(refused);
  const parsed = parseAddendumBCsv(content, { label: `Addendum B ${quarterStart.slice(0, 7)}`, effectiveStartDate: quarterStart }); // prettier-ignore
  if (!parsed.ok) return fail(`${fileName}: ${addendumBIssueMessage(parsed.issue)}`);
  return ok({ fileName, table: parsed.value.table, problems: parsed.value.issues.map(addendumBIssueMessage) });
}

/** A CBSA wage index file read for choosing the hospital's area. */
export interface WageIndexFile {
  readonly fileName: string;
  readonly rows: readonly CbsaWageIndexRow[];
  readonly problems: readonly string[];
}

/** Reads the CBSA wage index file. */
export function readWageIndexFile(fileName: string, content: string | Uint8Array): Result<WageIndexFile, string> {
  const refused = refuseContent(content, fileName);
  if (refused !== null) return fail(refused);
  const parsed = parseCbsaWageIndexCsv(content);
  if (!parsed.ok) return fail(`${fileName}: ${importIssueMessage(parsed.issue)}`);
  return ok({ fileName, rows: parsed.value.rows, problems: parsed.value.issues.map(importIssueMessage) });
}

/** Which of an area's indexes the hospital is paid with. */
export type WageIndexKind = "geographicWageIndex" | "reclassifiedWageIndex" | "imputedFloorWageIndex";

/** The indexes of an area in the order offered, in the user's words. */
export const WAGE_INDEX_KINDS = {
  geographicWageIndex: "Geographic",
  reclassifiedWageIndex: "Reclassified (MGCRB)",
  imputedFloorWageIndex: "Imputed floor",
} as const satisfies Record<WageIndexKind, string>;

/** An area's index of a kind; null where CMS gives none (0.0000). */
export const wageIndexOf = (row: CbsaWageIndexRow, kind: WageIndexKind): Decimal | null => row[kind];

/** How an area is listed: "35614 NEW YORK-JERSEY CITY-WHITE PLAINS, NY". */
export const areaText = (row: CbsaWageIndexRow): string => `${row.cbsa} ${row.name}`;
