/**
 * Why a Medicare schedule import did not happen, as values (STYLE.md "two error channels"): the table write's own
 * issues, and those of registering the schedule in MedicareSchedules. One catalogue holds the messages.
 */
import { catalogue, type Messages } from "../../engine";
import { describeOperationIssue, type OperationIssue } from "../core/operation";
import { describeTableWriteIssue, type TableWriteIssue } from "../core/tableWriteIssues";

export type MedicareImportIssue =
  | { readonly code: "tableWrite"; readonly issue: TableWriteIssue }
  | { readonly code: "noRows" }
  | {
      /** MedicareSchedules exists but lacks columns the registry needs: appending would register nothing. */
      readonly code: "registryColumnsMissing";
      readonly sheetName: string;
      readonly missing: readonly string[];
    }
  | {
      /** The year and locality (or the table name) is registered already: two schedules would answer one date. */
      readonly code: "alreadyRegistered";
      readonly rowNumber: number;
      readonly scheduleTable: string;
      readonly year: number;
      readonly locality: string;
    }
  | {
      /** The table name chosen is registered for another year or locality (a blank or unreadable year: null). */
      readonly code: "tableNameRegistered";
      readonly rowNumber: number;
      readonly scheduleTable: string;
      readonly year: number | null;
      readonly locality: string;
    }
  | {
      /** Base units were given and the workbook has its AnesthesiaBaseUnits table already (one per workbook). */
      readonly code: "anesthesiaBaseUnitsExist";
      readonly sheetName: string;
    }
  | OperationIssue;

const MESSAGES: Messages<MedicareImportIssue> = {
  tableWrite: (i) => describeTableWriteIssue(i.issue),
  noRows: () => "The relative value file has no rows to import.",
  registryColumnsMissing: (i) =>
    `The MedicareSchedules table on sheet "${i.sheetName}" has no ${i.missing.map((m) => `"${m}"`).join(", ")} ` +
    `column: add ${i.missing.length === 1 ? "it" : "them"} so that imported schedules can be registered.`,
  alreadyRegistered: (i) =>
    `MedicareSchedules row ${i.rowNumber} already registers ${i.scheduleTable} for ${i.year}, locality ` +
    `${i.locality}. Delete that row (and its sheet, if it is no longer wanted) before importing this schedule again.`,
  tableNameRegistered: (i) => {
    const known = [...(i.year === null ? [] : [String(i.year)]), ...(i.locality === "" ? [] : [`locality ${i.locality}`])]; // prettier-ignore
    const which = known.length === 0 ? "" : ` (${known.join(", ")})`;
    return `MedicareSchedules row ${i.rowNumber} already registers a schedule named ${i.scheduleTable}${which}: choose another table name for this one.`; // prettier-ignore
  },
  anesthesiaBaseUnitsExist: (i) =>
    `The workbook has an AnesthesiaBaseUnits table already (sheet "${i.sheetName}"), and a workbook has one. Nothing was imported: leave the base units file out to keep that table, or delete it to import this one.`,
  cancelled: (issue) => describeOperationIssue(issue),
  excelRefused: (issue) => describeOperationIssue(issue),
};

/** The message a finance user reads for an import issue. */
export const describeMedicareImportIssue: (issue: MedicareImportIssue) => string = catalogue(MESSAGES);
