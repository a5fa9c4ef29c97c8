/**
 * Problems found reading the registry tables from the workbook, as values (STYLE.md "two error channels"), with one
 * catalogue of messages. Every problem with a cell names the sheet, the table, the Excel row number, the column and
 * the value, and says what was expected (ARCHITECTURE.md 6). Pricing problems found after reading (overlapping
 * versions, duplicate fee schedule rows) are engine issues and keep the engine's messages.
 */
import { catalogue, fieldOf, type EntriesByCode } from "../../engine";
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
  | (TablePlace & {
      readonly code: "tableNameInvalid";
      readonly rowNumber: number;
      readonly column: string;
      /** The table name the cell holds. */
      readonly value: string;
      readonly problem: TableNameProblem;
      /** What the column should name: "the name of a fee schedule table". */
      readonly expected: string;
    })
  | { readonly code: "medicareScheduleNotRegistered"; readonly table: string; readonly contractName: string }
  /** A PayerContracts row whose Method says "no professional terms" for a contract with no hospital terms either. */
  | (TablePlace & { readonly code: "hospitalTermsMissing"; readonly rowNumber: number; readonly contractName: string })
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
  /** A problem the engine found in a table's rows (`table` and `sheet` where it is in one). */
  | {
      readonly code: "engine";
      readonly issue: EngineIssue;
      readonly table: string | null;
      readonly sheet: string | null;
    };

/** Why a cell naming a table names the wrong one. */
export type TableNameProblem =
  /** No table of that name is in the workbook. */
  | "missing"
  /** It is PayerContracts, ContractCarveOuts or MedicareSchedules. */
  | "registryTable"
  /** It is a Medicare schedule table registered in MedicareSchedules. */
  | "medicareTable";

const TABLE_NAME_PROBLEMS = {
  missing: (name) => `names table ${name}, which is not in the workbook`,
  registryTable: (name) => `names table ${name}, one of the registry's own tables`,
  medicareTable: (name) => `names table ${name}, a Medicare schedule table registered in MedicareSchedules`,
} satisfies Record<TableNameProblem, (name: string) => string>;

/** A row of a workbook table: where an issue is. */
export interface TableRow {
  readonly table: string;
  readonly rowNumber: number;
}

/** What the catalogue says of each registry issue. */
interface RegistryEntry {
  /** The Excel error a function returns for it. */
  readonly excelError: ExcelErrorKind;
  readonly message: string;
  /** The table rows the issue is about (none for a whole table or a lookup). */
  readonly rows: readonly TableRow[];
}

const none = (): readonly TableRow[] => [];
const ownRow = (i: { table: string; rowNumber: number }): readonly TableRow[] => [
  { table: i.table, rowNumber: i.rowNumber },
];
/** The engine's issues name rows of the table they were found in by these fields. */
const ENGINE_ROW_FIELDS = ["rowNumber", "firstRowNumber", "secondRowNumber"] as const;
function engineRows(i: Extract<RegistryIssue, { code: "engine" }>): readonly TableRow[] {
  const { table } = i;
  if (table === null) return [];
  const fields = i.issue as Partial<Record<(typeof ENGINE_ROW_FIELDS)[number], unknown>>;
  return ENGINE_ROW_FIELDS.flatMap((field) => {
    const rowNumber = fields[field];
    return typeof rowNumber === "number" ? [{ table, rowNumber }] : [];
  });
}

const where = (i: TablePlace & { rowNumber: number; column: string }): string =>
  `Table ${i.table} (sheet ${i.sheet}), row ${i.rowNumber}, column "${i.column}"`;

/** One entry per code: the Excel error a function returns for it and the message. */
export const REGISTRY_ISSUE_CATALOGUE: EntriesByCode<RegistryIssue, RegistryEntry> = {
  columnMissing: {
    excelError: "#VALUE!",
    message: (i) =>
      `Table ${i.table} (sheet ${i.sheet}) has no "${i.column}" column. Its columns should be: ${i.columns.join(", ")}.`,
    rows: none,
  },
  cellInvalid: {
    excelError: "#VALUE!",
    message: (i) => `${where(i)}: "${i.value}" is not valid; expected ${i.expected}.`,
    rows: ownRow,
  },
  cellRequired: {
    excelError: "#VALUE!",
    message: (i) => `${where(i)} is empty: this column is required.`,
    rows: ownRow,
  },
  cellInconsistent: {
    excelError: "#VALUE!",
    message: (i) => `${where(i)}: ${i.value === "" ? "empty" : `"${i.value}"`}, but ${i.expected}.`,
    rows: ownRow,
  },
  tableNameInvalid: {
    excelError: (i) => (i.problem === "missing" ? "#N/A" : "#VALUE!"),
    message: (i) =>
      `${where(i)} ${TABLE_NAME_PROBLEMS[i.problem](i.value)}; expected ${i.expected}` +
      (i.problem === "missing" ? ": add the table or correct the name." : "."),
    rows: ownRow,
  },
  medicareScheduleNotRegistered: {
    excelError: "#N/A",
    message: (i) =>
      `Contract "${i.contractName}" uses Medicare schedule ${i.table}, which is not registered: add a row for it (with its locality) to the MedicareSchedules table.`,
    rows: none,
  },
  hospitalTermsMissing: {
    excelError: "#N/A",
    message: (i) =>
      `Table ${i.table} (sheet ${i.sheet}), row ${i.rowNumber}: contract "${i.contractName}" has Method None (hospital terms only), but no row in InpatientTerms or OutpatientTerms, so it prices nothing: add its hospital terms, or give it a professional Method.`,
    // Not the row's own problem: a new hospital-only contract is saved before its terms, which must name it, so the
    // editor must not refuse that save for it (registryCheck.ts refuses a save for the problems of its row).
    rows: none,
  },
  localityNotRegistered: {
    excelError: "#N/A",
    message: (i) =>
      `No Medicare schedule for locality ${i.locality} is registered in the MedicareSchedules table. Registered localities: ${i.registered.length > 0 ? i.registered.join(", ") : "none"}.`,
    rows: none,
  },
  medicareScheduleNotInEffect: {
    excelError: "#N/A",
    message: (i) =>
      `No Medicare schedule registered for locality ${i.locality} covers ${i.serviceDate}. Registered: ${i.schedules.join(", ")}.`,
    rows: none,
  },
  engine: {
    excelError: (i) => issueExcelError(i.issue),
    message: (i) => (i.sheet === null ? issueMessage(i.issue) : `${issueMessage(i.issue)} (sheet ${i.sheet})`),
    rows: engineRows,
  },
};

/** The message of a registry issue. */
export const registryIssueMessage: (issue: RegistryIssue) => string = catalogue(
  fieldOf(REGISTRY_ISSUE_CATALOGUE, "message"),
);

/** The Excel error a registry issue becomes in a custom function. */
export const registryIssueExcelError: (issue: RegistryIssue) => ExcelErrorKind = catalogue(
  fieldOf(REGISTRY_ISSUE_CATALOGUE, "excelError"),
);

/** The table rows a registry issue is about: what the contract editor checks a saved row against. */
export const registryIssueRows: (issue: RegistryIssue) => readonly TableRow[] = catalogue(
  fieldOf(REGISTRY_ISSUE_CATALOGUE, "rows"),
);
