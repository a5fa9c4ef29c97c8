import type { EntriesByCode } from "../catalogue";
import type { IssueEntry } from "../issues";

/**
 * Expected failures of inpatient pricing (MS-DRG tables, stays, hospital contract terms), as values. They are part of
 * {@link EngineIssue}: the adapter and the task pane word them from the one catalogue.
 */
export type InpatientIssue =
  | { readonly code: "msDrgMissing" }
  | { readonly code: "msDrgMalformed"; readonly value: string }
  | {
      readonly code: "drgTableNotInEffect";
      readonly dischargeDate: string;
      /** The fiscal years of the tables held, in order (2026 = Oct 1 2025 - Sep 30 2026). */
      readonly fiscalYearsHeld: readonly number[];
    }
  | { readonly code: "drgTablesOverlap"; readonly fiscalYear: number; readonly labels: readonly string[] }
  | { readonly code: "drgNotInTable"; readonly drg: string; readonly tableLabel: string; readonly fiscalYear: number }
  | { readonly code: "drgNotPayable"; readonly drg: string; readonly description: string; readonly tableLabel: string }
  | { readonly code: "stayDatesReversed"; readonly admitDate: string; readonly dischargeDate: string }
  | { readonly code: "coveredDaysInvalid"; readonly value: string }
  | { readonly code: "dischargeStatusMalformed"; readonly value: string }
  | {
      readonly code: "perDiemLevelOfCareMissing";
      readonly contractName: string;
      /** The revenue codes billed on the stay, in order, each once. */
      readonly revenueCodes: readonly string[];
      /** The levels of care the contract pays, each as "Medical/Surgical 0110-0159". */
      readonly levels: readonly string[];
    }
  | {
      readonly code: "perDiemTiersInvalid";
      readonly contractName: string;
      readonly levelOfCare: string;
      readonly reason: "first tier not day 1" | "gap or overlap" | "open tier not last" | "no open last tier";
      /** The day the rule broke at (the tier's first day). */
      readonly day: number;
    };

/** The reasons a per diem level's day tiers are refused, in words. */
const TIER_REASONS = {
  "first tier not day 1": "its first tier must start on day 1",
  "gap or overlap": "each tier must start the day after the previous one ends",
  "open tier not last": "only the last tier may be open-ended",
  "no open last tier": "its last tier must be open-ended (day N and after), so that every day of a long stay is paid",
} as const satisfies Record<Extract<InpatientIssue, { code: "perDiemTiersInvalid" }>["reason"], string>;

const list = (items: readonly (string | number)[], none: string): string =>
  items.length === 0 ? none : items.join(", ");

/** The messages and Excel errors of the inpatient issues, composed into the engine's one catalogue. */
export const INPATIENT_ISSUE_CATALOGUE: EntriesByCode<InpatientIssue, IssueEntry> = {
  msDrgMissing: { excelError: "#VALUE!", message: () => "The DRG is empty: enter a 3-digit MS-DRG like 470." },
  msDrgMalformed: {
    excelError: "#VALUE!",
    message: (i) => `"${i.value}" is not an MS-DRG: expected a number from 1 to 999 like 470 or 039.`,
  },
  drgTableNotInEffect: {
    excelError: "#N/A",
    message: (i) =>
      `No MS-DRG weights table covers the discharge date ${i.dischargeDate}; tables held: ${list(
        i.fiscalYearsHeld.map((year) => `FY${year}`),
        "none (import CMS's MS-DRG weights)",
      )}. A fiscal year runs from October 1 to September 30 (FY2026 = 2025-10-01 to 2026-09-30).`,
  },
  drgTablesOverlap: {
    excelError: "#VALUE!",
    message: (i) =>
      `Several MS-DRG weights tables are for FY${i.fiscalYear} (${i.labels.join(", ")}): keep one per fiscal year.`,
  },
  drgNotInTable: {
    excelError: "#N/A",
    message: (i) =>
      `MS-DRG ${i.drg} is not in ${i.tableLabel} (FY${i.fiscalYear}): check the DRG and the discharge date.`,
  },
  drgNotPayable: {
    excelError: "#N/A",
    message: (i) =>
      `MS-DRG ${i.drg}${i.description === "" ? "" : ` (${i.description})`} has no weight in ${i.tableLabel}: CMS does not pay it and returns the claim to the hospital; correct the DRG.`,
  },
  stayDatesReversed: {
    excelError: "#VALUE!",
    message: (i) => `The discharge date ${i.dischargeDate} is before the admit date ${i.admitDate}.`,
  },
  coveredDaysInvalid: {
    excelError: "#VALUE!",
    message: (i) => `"${i.value}" is not a number of covered days: expected a whole number from 0 to 3650, or blank.`,
  },
  dischargeStatusMalformed: {
    excelError: "#VALUE!",
    message: (i) =>
      `"${i.value}" is not a patient discharge status: expected the 2-digit UB-04 code like 01 (home) or 02 (short-term hospital).`,
  },
  perDiemLevelOfCareMissing: {
    excelError: "#N/A",
    message: (i) =>
      `Contract "${i.contractName}" pays per diem by level of care, and no room-and-board revenue code of the stay (${list(i.revenueCodes, "no revenue lines given")}) is in its levels (${list(i.levels, "none")}).`,
  },
  perDiemTiersInvalid: {
    excelError: "#VALUE!",
    message: (i) =>
      `Contract "${i.contractName}", per diem level ${i.levelOfCare}: the day tiers are not valid at day ${i.day}; ${TIER_REASONS[i.reason]}.`,
  },
};
