/**
 * Problems found reading the registry tables from the workbook, as values (STYLE.md "two error channels"), with one
 * catalogue of messages. Every problem with a cell names the sheet, the table, the Excel row number, the column and
 * the value, and says what was expected (ARCHITECTURE.md 6). Pricing problems found after reading (overlapping
 * versions, duplicate fee schedule rows) are engine issues and keep the engine's messages.
 */
import { issueExcelError, issueMessage, type EngineIssue, type ExcelErrorKind } from "../../engine";

/** Where in the workbook: the table and the sheet holding it. */
export interface TablePlace {
  readonly table: string;
  readonly sheet: string;
}

/** A problem with the registry as read from the workbook. */
export type RegistryIssue =
  | (TablePlace & {
      readonly code: "columnMissing";
      readonly column: string;
      readonly columns: readonly string[];
    })
  | (TablePlace & {
      readonly code: "cellInvalid";
      readonly rowNumber: number;
      readonly column: string;
      readonly value: string;
      readonly expected: string;
    })
  | (TablePlace & { readonly code: "cellRequired"; readonly rowNumber: number; readonly column: string })
  | (TablePlace & {
      readonly code: "cellInconsistent";
      readonly rowNumber: number;
      readonly column: string;
      readonly value: string;
      readonly expected: string;
    })
  | { readonly code: "scheduleTableMissing"; readonly table: string; readonly namedBy: string }
  | { readonly code: "medicareScheduleNotRegistered"; readonly table: string; readonly contractName: string }
  | {
      readonly code: "localityNotRegistered";
      readonly locality: string;
      readonly registered: readonly string[];
    }
  | {
      readonly code: "medicareScheduleNotInEffect";
      readonly locality: string;
      readonly serviceDate: string;
      readonly schedules: readonly string[];
    }
  | { readonly code: "engine"; readonly issue: EngineIssue; readonly sheet: string | null };

type Catalogue = {
  readonly [K in RegistryIssue["code"]]: {
    readonly excelError: ExcelErrorKind | ((issue: Extract<RegistryIssue, { code: K }>) => ExcelErrorKind);
    readonly message: (issue: Extract<RegistryIssue, { code: K }>) => string;
  };
};

const where = (i: TablePlace & { rowNumber: number; column: string }): string =>
  `Table ${i.table} (sheet ${i.sheet}), row ${i.rowNumber}, column "${i.column}"`;

/** One entry per code: the Excel error a function returns for it and the message. */
export const REGISTRY_ISSUE_CATALOGUE: Catalogue = {
  columnMissing: {
    excelError: "#VALUE!",
    message: (i) =>
      `Table ${i.table} (sheet ${i.sheet}) has no "${i.column}" column. Its columns should be: ${i.columns.join(", ")}.`,
  },
  cellInvalid: {
    excelError: "#VALUE!",
    message: (i) => `${where(i)}: "${i.value}" is not valid; expected ${i.expected}.`,
  },
  cellRequired: {
    excelError: "#VALUE!",
    message: (i) => `${where(i)} is empty: this column is required.`,
  },
  cellInconsistent: {
    excelError: "#VALUE!",
    message: (i) => `${where(i)}: ${i.value === "" ? "empty" : `"${i.value}"`}, but ${i.expected}.`,
  },
  scheduleTableMissing: {
    excelError: "#N/A",
    message: (i) =>
      `${i.namedBy} names table ${i.table}, which is not in the workbook: add the table or correct the name.`,
  },
  medicareScheduleNotRegistered: {
    excelError: "#N/A",
    message: (i) =>
      `Contract "${i.contractName}" uses Medicare schedule ${i.table}, which is not registered: add a row for it (with its locality) to the MedicareSchedules table.`,
  },
  localityNotRegistered: {
    excelError: "#N/A",
    message: (i) =>
      `No Medicare schedule for locality ${i.locality} is registered in the MedicareSchedules table. Registered localities: ${i.registered.length > 0 ? i.registered.join(", ") : "none"}.`,
  },
  medicareScheduleNotInEffect: {
    excelError: "#N/A",
    message: (i) =>
      `No Medicare schedule registered for locality ${i.locality} covers ${i.serviceDate}. Registered: ${i.schedules.join(", ")}.`,
  },
  engine: {
    excelError: (i) => issueExcelError(i.issue),
    message: (i) => (i.sheet === null ? issueMessage(i.issue) : `${issueMessage(i.issue)} (sheet ${i.sheet})`),
  },
};

/** The message of a registry issue. */
export function registryIssueMessage(issue: RegistryIssue): string {
  const entry = REGISTRY_ISSUE_CATALOGUE[issue.code] as { message: (i: RegistryIssue) => string };
  return entry.message(issue);
}

/** The Excel error a registry issue becomes in a custom function. */
export function registryIssueExcelError(issue: RegistryIssue): ExcelErrorKind {
  const entry = REGISTRY_ISSUE_CATALOGUE[issue.code] as {
    excelError: ExcelErrorKind | ((i: RegistryIssue) => ExcelErrorKind);
  };
  return typeof entry.excelError === "function" ? entry.excelError(issue) : entry.excelError;
}
