import { catalogue, fieldOf, type EntriesByCode } from "./catalogue";
import { CONTRACT_ISSUE_CATALOGUE, type ContractIssue } from "./contracts/issues";
import { UPLIFT_ISSUE_CATALOGUE, type UpliftIssue } from "./uplift/issues";

/**
 * Expected failures of the engine, as values (STYLE.md "two error channels"). Each issue is discriminated by `code`;
 * its message and the Excel error it becomes live in one catalogue, {@link ISSUE_CATALOGUE}, so the custom-function
 * adapter and the task pane say the same thing.
 */
export type EngineIssue =
  | { readonly code: "hcpcsCodeMissing" }
  | { readonly code: "hcpcsCodeMalformed"; readonly value: string }
  | { readonly code: "modifierMalformed"; readonly value: string }
  | { readonly code: "modifierDuplicated"; readonly value: string }
  | { readonly code: "tooManyModifiers"; readonly count: number }
  | { readonly code: "placeOfServiceMalformed"; readonly value: string }
  | { readonly code: "dateMalformed"; readonly value: string }
  | { readonly code: "localityMalformed"; readonly value: string }
  | { readonly code: "localityNotFound"; readonly locality: string }
  | { readonly code: "conversionFactorNotFound"; readonly serviceDate: string; readonly apmStatus: string }
  | { readonly code: "pfsCodeNotOnSchedule"; readonly hcpcsCode: string; readonly modifier: string | null }
  | { readonly code: "pfsNotPayable"; readonly hcpcsCode: string; readonly statusCode: string; readonly reason: string }
  | { readonly code: "pfsModifiersConflict"; readonly modifiers: readonly string[]; readonly reason: string }
  | {
      readonly code: "pfsModifierNotAllowed";
      readonly hcpcsCode: string;
      readonly modifier: string;
      readonly indicatorName: string;
      readonly indicator: string;
      readonly reason: string;
    }
  | { readonly code: "pfsRuleNotSupported"; readonly hcpcsCode: string; readonly rule: string }
  | UpliftIssue
  | ContractIssue;

/** The code of an engine issue. */
export type EngineIssueCode = EngineIssue["code"];

/** `#VALUE!`: the input is wrong and the user can fix it; `#N/A`: the input is fine but no amount exists. */
export type ExcelErrorKind = "#VALUE!" | "#N/A";

/** What the catalogue says of each issue: the Excel error it becomes and the message for a finance user. */
export interface IssueEntry {
  readonly excelError: ExcelErrorKind;
  readonly message: string;
}

/** One entry per issue code: the Excel error it maps to and the message, written for a finance user. */
export const ISSUE_CATALOGUE: EntriesByCode<EngineIssue, IssueEntry> = {
  hcpcsCodeMissing: { excelError: "#VALUE!", message: () => "The code is empty: enter a CPT or HCPCS code." },
  hcpcsCodeMalformed: {
    excelError: "#VALUE!",
    message: (i) => `"${i.value}" is not a CPT/HCPCS code: expected 5 characters like 99213, 0001F, 0075T or J1100.`,
  },
  modifierMalformed: {
    excelError: "#VALUE!",
    message: (i) =>
      `"${i.value}" is not a modifier: expected two letters or digits like 26, TC or 59, separated by spaces or commas.`,
  },
  modifierDuplicated: {
    excelError: "#VALUE!",
    message: (i) => `Modifier ${i.value} is listed twice: list each modifier once.`,
  },
  tooManyModifiers: {
    excelError: "#VALUE!",
    message: (i) => `${i.count} modifiers given: a claim line carries at most 4.`,
  },
  placeOfServiceMalformed: {
    excelError: "#VALUE!",
    message: (i) =>
      `"${i.value}" is not a place of service: expected a two-digit POS code like 11 or 22, or "facility"/"non-facility".`,
  },
  dateMalformed: {
    excelError: "#VALUE!",
    message: (i) => `"${i.value}" is not a date: expected an Excel date or text like 2025-03-31.`,
  },
  localityMalformed: {
    excelError: "#VALUE!",
    message: (i) =>
      `"${i.value}" is not a Medicare locality: expected the MAC and locality numbers like 01112-05 (San Francisco).`,
  },
  localityNotFound: {
    excelError: "#N/A",
    message: (i) => `Locality ${i.locality} is not in the imported GPCI table: check the MAC and locality numbers.`,
  },
  conversionFactorNotFound: {
    excelError: "#N/A",
    message: (i) =>
      `No Medicare conversion factor (${i.apmStatus}) covers the service date ${i.serviceDate}: add it to the conversion factor table.`,
  },
  pfsCodeNotOnSchedule: {
    excelError: "#N/A",
    message: (i) =>
      `${i.hcpcsCode}${i.modifier ? `-${i.modifier}` : ""} is not on the Medicare fee schedule that was imported.`,
  },
  pfsNotPayable: {
    excelError: "#N/A",
    message: (i) =>
      `${i.hcpcsCode} is not payable under the Medicare fee schedule (status ${i.statusCode}: ${i.reason}).`,
  },
  pfsModifiersConflict: {
    excelError: "#VALUE!",
    message: (i) => `Modifiers ${i.modifiers.join(", ")} cannot be used together: ${i.reason}.`,
  },
  pfsModifierNotAllowed: {
    excelError: "#N/A",
    message: (i) =>
      `Modifier ${i.modifier} is not payable with ${i.hcpcsCode} (${i.indicatorName} ${i.indicator}: ${i.reason}).`,
  },
  pfsRuleNotSupported: {
    excelError: "#N/A",
    message: (i) => `${i.hcpcsCode}: ${i.rule} is not priced by this version; price this line by hand.`,
  },
  // Uplift scenarios keep their messages beside their engine module.
  ...UPLIFT_ISSUE_CATALOGUE,
  // Fee schedules, the contract registry and contract pricing (src/engine/contracts).
  ...CONTRACT_ISSUE_CATALOGUE,
};

/** The messages of the engine's issues by code, from {@link ISSUE_CATALOGUE}. */
export const ENGINE_MESSAGES = fieldOf(ISSUE_CATALOGUE, "message");

/** The message of an issue, from {@link ISSUE_CATALOGUE}. */
export const issueMessage: (issue: EngineIssue) => string = catalogue(ENGINE_MESSAGES);

/** The Excel error an issue becomes at the custom-function boundary. */
export const issueExcelError: (issue: EngineIssue) => ExcelErrorKind = catalogue(
  fieldOf(ISSUE_CATALOGUE, "excelError"),
);
