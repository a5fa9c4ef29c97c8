/**
 * What can go wrong reading a hospital machine-readable file (45 CFR 180.50), as values: file-level issues refuse
 * the whole file (a cut file is not a shorter list of rates), positioned issues name the row and column (CSV) or
 * the JSON path of one charge, which is then skipped and counted, never turned into a rate.
 */
import { catalogue, type Messages } from "../../../engine";
import { gunzipProblemMessage, type GunzipProblem } from "../fileSource";

/** Where in the file: a CSV record (1-based, as a spreadsheet numbers it) and column header, or a JSON path. */
export type MrfPosition = { readonly row: number; readonly column: string } | { readonly path: string };

/** What a file that is not a hospital MRF looks like, to tell the user what they chose instead. */
export const NOT_MRF_KINDS = ["x12", "tic", "json", "delimited", "binary"] as const;
export type NotMrfKind = (typeof NOT_MRF_KINDS)[number];

/** Problems that refuse the whole file: no rate of it is returned. */
export type HospitalMrfFileIssue =
  | { readonly code: "fileEmpty" }
  | { readonly code: "notHospitalMrf"; readonly looksLike: NotMrfKind; readonly start: string }
  /** A general data column (row 1) the reader needs is absent. */
  | { readonly code: "generalDataMissing"; readonly column: string }
  | { readonly code: "versionUnknown"; readonly value: string; readonly at: MrfPosition }
  /** Row 3 is not a row of item headers (description, code|1, setting...). */
  | { readonly code: "itemHeaderMissing"; readonly rowNumber: number; readonly found: string }
  /** The CMS template itself: its headers still hold placeholders such as code|[i]. */
  | { readonly code: "templatePlaceholders"; readonly rowNumber: number; readonly header: string }
  | { readonly code: "columnMissing"; readonly rowNumber: number; readonly column: string; readonly layout: string }
  | { readonly code: "quoteNeverClosed"; readonly rowNumber: number; readonly rowsRead: number }
  /** A row longer than any real row: almost always a quote opened and never closed. */
  | { readonly code: "rowTooLong"; readonly rowNumber: number; readonly limit: number }
  | { readonly code: "fileCutMidRow"; readonly rowNumber: number; readonly cells: number; readonly expected: number }
  | { readonly code: "jsonCut"; readonly itemsRead: number }
  | { readonly code: "jsonSyntax"; readonly detail: string; readonly itemsRead: number }
  | { readonly code: "readFailed"; readonly detail: string }
  | GunzipProblem
  | { readonly code: "cancelled"; readonly rowsRead: number };

/** Problems with one row or charge: it is skipped (and counted), the rest of the file is read. */
export type HospitalMrfRowIssue =
  | {
      readonly code: "valueInvalid";
      readonly at: MrfPosition;
      readonly value: string;
      readonly expected: string;
    }
  | { readonly code: "valueMissing"; readonly at: MrfPosition; readonly expected: string }
  | { readonly code: "rowShort"; readonly rowNumber: number; readonly cells: number; readonly expected: number };

export type HospitalMrfIssue = HospitalMrfFileIssue | HospitalMrfRowIssue;

/** "row 14, column standard_charge|negotiated_dollar" or the JSON path. */
export function positionText(at: MrfPosition): string {
  return "row" in at ? `row ${at.row}, column "${at.column}"` : at.path;
}

const NOT_MRF_ADVICE = {
  x12: "it starts like an X12 transaction (an 835 remittance?), not a price-transparency file",
  tic: "it is a health plan's Transparency in Coverage file: read it as a TiC in-network file",
  json: "it is JSON without hospital_name and standard_charge_information",
  delimited: "its first row does not name the general data columns hospital_name, last_updated_on and version",
  binary: "it is not text",
} as const satisfies Record<NotMrfKind, string>;

/** The message of each hospital MRF issue. */
export const HOSPITAL_MRF_ISSUE_MESSAGES: Messages<HospitalMrfIssue> = {
  fileEmpty: () => "The file is empty: a hospital machine-readable file has general data rows and item rows.",
  notHospitalMrf: (i) =>
    `This is not a hospital machine-readable file (45 CFR 180.50): ${NOT_MRF_ADVICE[i.looksLike]}. It starts with "${i.start}".`,
  generalDataMissing: (i) =>
    `Row 1 has no "${i.column}" column: a hospital file's first row names the general data (hospital_name, last_updated_on, version...).`,
  versionUnknown: (i) =>
    `The version "${i.value}" (${positionText(i.at)}) is not a CMS template version this reader knows: expected 2.x.x or 3.0.0.`,
  itemHeaderMissing: (i) =>
    `Row ${i.rowNumber} should name the item columns (description, code|1, code|1|type, setting...); it starts with "${i.found}".`,
  templatePlaceholders: (i) =>
    `Row ${i.rowNumber} is the blank CMS template: the header "${i.header}" still holds a placeholder in brackets, so the file has no hospital's charges.`,
  columnMissing: (i) => `Row ${i.rowNumber} has no "${i.column}" column, which a ${i.layout} file must have.`,
  quoteNeverClosed: (i) =>
    `The quoted cell opened on row ${i.rowNumber} is never closed: the file is cut or damaged (${i.rowsRead} rows read before it). No rate is kept from a cut file.`,
  rowTooLong: (i) =>
    `Row ${i.rowNumber} runs past ${i.limit.toLocaleString("en-US")} characters without ending: a quoted cell is probably never closed. No rate is kept from a damaged file.`,
  fileCutMidRow: (i) =>
    `The file ends inside row ${i.rowNumber}, which has ${i.cells} cells where the header has ${i.expected}: the file is cut. No rate is kept from a cut file.`,
  jsonCut: (i) =>
    `The JSON ends before it is complete (${i.itemsRead} items read): the file is cut. No rate is kept from a cut file.`,
  jsonSyntax: (i) => `The JSON is not valid after ${i.itemsRead} items: ${i.detail}`,
  readFailed: (i) => `The file could not be read: ${i.detail}`,
  gunzipUnavailable: gunzipProblemMessage,
  gzipDamaged: gunzipProblemMessage,
  cancelled: (i) => `Reading was cancelled after ${i.rowsRead} rows; no rate is kept from a partly read file.`,
  valueInvalid: (i) => `${capitalised(positionText(i.at))}: "${i.value}" is not ${i.expected}; this charge is skipped.`,
  valueMissing: (i) => `${capitalised(positionText(i.at))} is empty; expected ${i.expected}. This charge is skipped.`,
  rowShort: (i) =>
    `Row ${i.rowNumber} has ${i.cells} cells where the item header has ${i.expected}; the row is skipped.`,
};

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The message of a hospital MRF issue. */
export const hospitalMrfIssueMessage: (issue: HospitalMrfIssue) => string = catalogue(HOSPITAL_MRF_ISSUE_MESSAGES);
