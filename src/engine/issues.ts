import { catalogue, fieldOf, type EntriesByCode } from "./catalogue";
import { CONTRACT_ISSUE_CATALOGUE, type ContractIssue } from "./contracts/issues";
import { OUTPATIENT_ISSUE_CATALOGUE, type OutpatientIssue } from "./outpatient/issues";
import { INPATIENT_ISSUE_CATALOGUE, type InpatientIssue } from "./inpatient/issues";
import type { RevenueCodeIssue } from "./revenueCode";
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
  | RevenueCodeIssue
  | AnesthesiaIssue
  | UpliftIssue
  | ContractIssue
  | OutpatientIssue
  | InpatientIssue;

/** Why an anesthesia line (00100-01999, units = minutes) is not priced (pfsRules/anesthesia.ts). */
export type AnesthesiaIssue =
  | { readonly code: "anesthesiaMinutesRequired"; readonly hcpcsCode: string }
  | { readonly code: "anesthesiaMinutesInvalid"; readonly hcpcsCode: string; readonly value: string }
  | { readonly code: "anesthesiaRateNeedsMinutes"; readonly hcpcsCode: string }
  /** The base units table has no row for the code; `tableLabel` null: no table was imported at all. */
  | { readonly code: "anesthesiaBaseUnitsMissing"; readonly hcpcsCode: string; readonly tableLabel: string | null }
  | {
      readonly code: "anesthesiaConversionFactorMissing";
      readonly hcpcsCode: string;
      /** Where the CF was looked for: a Medicare schedule imported without the ANES file, or a contract. */
      readonly missingFrom:
        | { readonly kind: "medicare schedule"; readonly scheduleName: string }
        | { readonly kind: "contract"; readonly contractName: string };
    };

/** The code of an engine issue. */
export type EngineIssueCode = EngineIssue["code"];

/**
 * `#VALUE!`: the input is wrong and the user can fix it; `#N/A`: the input is fine but no amount exists; `#DIV/0!`:
 * a share or average over nothing (a KPI with no line left to measure), as Excel's own AVERAGE answers.
 */
export type ExcelErrorKind = "#VALUE!" | "#N/A" | "#DIV/0!";

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
  revenueCodeMissing: {
    excelError: "#VALUE!",
    message: () => "The revenue code is empty: enter a 4-digit UB-04 revenue code.",
  },
  revenueCodeMalformed: {
    excelError: "#VALUE!",
    message: (i) => `"${i.value}" is not a revenue code: expected 4 digits like 0278, 0450 or 0124.`,
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
  anesthesiaMinutesRequired: {
    excelError: "#VALUE!",
    message: (i) =>
      `${i.hcpcsCode} is an anesthesia code: its units are the anesthesia minutes. Enter the minutes as units (e.g. 62).`,
  },
  anesthesiaMinutesInvalid: {
    excelError: "#VALUE!",
    message: (i) =>
      `${i.hcpcsCode} is an anesthesia code: its units are the anesthesia minutes, a whole number like 62, not ${i.value}.`,
  },
  anesthesiaRateNeedsMinutes: {
    excelError: "#N/A",
    message: (i) =>
      `${i.hcpcsCode} is an anesthesia code: Medicare pays (base units + minutes / 15) x the anesthesia conversion factor, so it has no rate without the minutes. Price the line with PAYER.EXPECTED_PAYMENT, the minutes as units.`,
  },
  anesthesiaBaseUnitsMissing: {
    excelError: "#N/A",
    message: (i) =>
      i.tableLabel === null
        ? `Not priced: ${i.hcpcsCode} is an anesthesia code and no anesthesia base units table was imported. Import CMS's anesthesia base units file (or the payer's list) into an AnesthesiaBaseUnits table.`
        : `Not priced: ${i.hcpcsCode} is an anesthesia code and ${i.tableLabel} has no base units for it. Add its row.`,
  },
  anesthesiaConversionFactorMissing: {
    excelError: "#N/A",
    message: (i) => {
      switch (i.missingFrom.kind) {
        case "medicare schedule":
          return `Not priced: anesthesia conversion factor not imported. ${i.hcpcsCode} is an anesthesia code, paid with the locality's anesthesia conversion factor, and Medicare schedule ${i.missingFrom.scheduleName} was imported without CMS's ANES file: import the schedule again with it.`;
        case "contract":
          return `Not priced: contract "${i.missingFrom.contractName}" has no Anesthesia Conversion Factor, and ${i.hcpcsCode} is an anesthesia code, paid on base and time units rather than a rate per unit. Enter the contract's anesthesia conversion factor in PayerContracts.`;
      }
    },
  },
  // Uplift scenarios keep their messages beside their engine module.
  ...UPLIFT_ISSUE_CATALOGUE,
  // Fee schedules, the contract registry and contract pricing (src/engine/contracts).
  ...CONTRACT_ISSUE_CATALOGUE,
  // Hospital outpatient pricing (src/engine/outpatient).
  ...OUTPATIENT_ISSUE_CATALOGUE,
  // Inpatient pricing: MS-DRG tables, stays, hospital contract terms (src/engine/inpatient).
  ...INPATIENT_ISSUE_CATALOGUE,
};

/** The messages of the engine's issues by code, from {@link ISSUE_CATALOGUE}. */
export const ENGINE_MESSAGES = fieldOf(ISSUE_CATALOGUE, "message");

/** The message of an issue, from {@link ISSUE_CATALOGUE}. */
export const issueMessage: (issue: EngineIssue) => string = catalogue(ENGINE_MESSAGES);

/** The Excel error an issue becomes at the custom-function boundary. */
export const issueExcelError: (issue: EngineIssue) => ExcelErrorKind = catalogue(
  fieldOf(ISSUE_CATALOGUE, "excelError"),
);
