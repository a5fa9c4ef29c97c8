/**
 * Everything the TiC in-network reader can say, as data (a union discriminated by `code`) with one message table
 * (STYLE.md "two error channels"). A refusal means no rates at all; a warning names the place in the file it
 * concerns, as a JSON path: `in_network[12].negotiated_rates[0].negotiated_prices[3].negotiated_rate`.
 */
import { catalogue, type Messages } from "../../../engine";
import { gunzipProblemMessage, type GunzipProblem } from "../fileSource";

/** What a field should have held, in the words of the messages ("expected ..."). */
export const TIC_EXPECTED = {
  positiveNumber: "a positive number",
  negotiatedType: 'one of "negotiated", "derived", "fee schedule", "percentage", "per diem"',
  billingClass: 'one of "professional", "institutional", "both"',
  setting: 'one of "inpatient", "outpatient", "both"',
  arrangement: 'one of "ffs", "bundle", "capitation"',
  date: "a date as YYYY-MM-DD",
  text: "a non-empty text",
  code: "a billing code (text)",
  textList: "a list of texts",
  placeOfService: 'a list of 2-digit place of service codes, or ["CSTM-00"]',
  referenceIds: "a non-empty list of provider_group_id numbers",
  providerGroupId: "a whole number",
  npiList: "a non-empty list of 10-digit NPIs, or [0]",
  tin: 'an object with type "ein" or "npi" and a value',
  list: "a list",
  object: "an object",
} as const;
export type TicExpected = keyof typeof TIC_EXPECTED;

/** What a file that is not a TiC in-network file turned out to be. */
export type ForeignFileKind = "allowedAmounts" | "tableOfContents" | "hospitalMrf" | "otherJson";

/** What a file that is not JSON at all looks like from its first characters. */
export type NotJsonKind = "x12" | "csv" | "xml" | "other";

/** Why nothing was read. */
export type TicRefusal =
  | { readonly code: "fileEmpty" }
  | { readonly code: "notJson"; readonly kind: NotJsonKind; readonly start: string }
  | { readonly code: "notInNetworkFile"; readonly kind: ForeignFileKind; readonly topKeys: readonly string[] }
  | { readonly code: "jsonInvalid"; readonly byteOffset: number; readonly at: string }
  | { readonly code: "fileTruncated"; readonly bytesRead: number; readonly at: string }
  | { readonly code: "cancelled"; readonly bytesRead: number }
  | { readonly code: "readFailed"; readonly bytesRead: number; readonly detail: string }
  | GunzipProblem;

/** Something wrong in a file that is read anyway; every one but the totals names its place. */
export type TicWarning =
  | { readonly code: "fieldMissing"; readonly at: string; readonly field: string }
  | {
      readonly code: "fieldInvalid";
      readonly at: string;
      readonly field: string;
      readonly expected: TicExpected;
      readonly found: string;
    }
  | { readonly code: "referenceUnknown"; readonly at: string; readonly providerGroupId: number }
  | {
      readonly code: "remoteReferences";
      readonly count: number;
      readonly firstLocation: string;
      readonly ratesSkipped: number;
    }
  | { readonly code: "noPlanNamed"; readonly publisher: string }
  | { readonly code: "warningsOmitted"; readonly count: number };

/** Any issue of the TiC reader. */
export type TicIssue = TicRefusal | TicWarning;

/** A value from the file as the messages show it: JSON, at most 60 characters. */
export function shownValue(value: unknown): string {
  const text = value === undefined ? "nothing" : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 60)}...` : text;
}

const FOREIGN_KINDS = {
  allowedAmounts: "a Transparency in Coverage allowed-amounts (out-of-network) file",
  tableOfContents: "a Transparency in Coverage table-of-contents file, which only lists the URLs of in-network files",
  hospitalMrf: "a hospital machine-readable file; read it as a hospital price file",
  otherJson: "a JSON file of another kind",
} as const satisfies Record<ForeignFileKind, string>;

const NOT_JSON_KINDS = {
  x12: "an X12 file (an 835 remittance?)",
  csv: "delimited text (a hospital CSV price file?)",
  xml: "XML (the TiC XML form is not read: use the JSON file)",
  other: "not JSON",
} as const satisfies Record<NotJsonKind, string>;

const n = (count: number) => count.toLocaleString("en-US");
const field = (at: string, name: string) => (name === "" ? at : at === "" ? name : `${at}.${name}`);

/** One message per issue code, for the task pane's problems list. */
export const TIC_MESSAGES: Messages<TicIssue> = {
  fileEmpty: () => "The file is empty: a TiC in-network file is a JSON object with in_network and provider_references.",
  notJson: (i) =>
    `This is not a TiC in-network file: it starts with ${shownValue(i.start)}, which is ${NOT_JSON_KINDS[i.kind]}; expected a JSON object ("{").`,
  notInNetworkFile: (i) =>
    `This is not a TiC in-network file but ${FOREIGN_KINDS[i.kind]} (its top-level fields: ${i.topKeys.join(", ") || "none"}); expected in_network.`,
  jsonInvalid: (i) =>
    `The file stops being valid JSON after byte ${n(i.byteOffset)}${i.at === "" ? "" : `, in ${i.at}`}; nothing was read.`,
  fileTruncated: (i) =>
    `The file ends after ${n(i.bytesRead)} bytes in the middle of ${i.at === "" ? "the top-level object" : i.at}: it is cut short, and an incomplete file is not a list of rates, so nothing was read. Download it again.`,
  cancelled: (i) => `Reading was cancelled after ${n(i.bytesRead)} bytes; nothing was kept.`,
  readFailed: (i) => `The file could not be read after ${n(i.bytesRead)} bytes (${i.detail}); nothing was kept.`,
  gunzipUnavailable: gunzipProblemMessage,
  gzipDamaged: gunzipProblemMessage,
  fieldMissing: (i) => `${field(i.at, i.field)}: missing.`,
  fieldInvalid: (i) => `${field(i.at, i.field)}: expected ${TIC_EXPECTED[i.expected]}, found ${i.found}.`,
  referenceUnknown: (i) =>
    `${i.at}: provider reference ${i.providerGroupId} is not among the file's provider_references; its rates were skipped.`,
  remoteReferences: (i) =>
    `${n(i.count)} provider reference${i.count === 1 ? " points" : "s point"} to a remote file (e.g. ${shownValue(i.firstLocation)}), which the add-in cannot fetch; ${n(i.ratesSkipped)} negotiated rate${i.ratesSkipped === 1 ? "" : "s"} citing only such references ${i.ratesSkipped === 1 ? "was" : "were"} skipped.`,
  noPlanNamed: (i) =>
    `The file names no plan (no plan_name, no reporting_plans): its rates are kept with the payer "${i.publisher}" and a blank plan; the table of contents names the plans.`,
  warningsOmitted: (i) => `... and ${n(i.count)} more problems of the same kinds, not listed.`,
};

/** The message of any TiC reader issue. */
export const ticIssueMessage = catalogue<TicIssue>(TIC_MESSAGES);
