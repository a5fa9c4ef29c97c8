import type { Decimal } from "../../engine";
import { findLocality, buildGpciIndex } from "../../engine";
import { issueMessage } from "../../engine";
import {
  defaultMedicareScheduleNames,
  describeMedicareImportIssue,
  writeMedicareSchedule,
  type WrittenMedicareSchedule,
} from "../../excel/medicareSchedule";
import type { OperationControls, OperationOutcome } from "../progress/operation";
import type { TaskPaneCommand } from "../taskPaneCommand";
import { conversionFactorFor, readGpci, readPprrvu } from "./medicareFiles";

/** What the import needs: the two files' text, the locality, and what the user changed of the defaults. */
export interface ImportMedicareScheduleInput {
  /** The PPRRVU file's text, or its bytes (then its encoding is detected). */
  readonly pprrvuText: string | Uint8Array;
  /** Null: no GPCI file, only the national amounts (GPCIs of 1.000) can be written. */
  readonly gpciText: string | Uint8Array | null;
  readonly pprrvuFileName?: string;
  readonly gpciFileName?: string;
  /** A locality key as listed or typed ("04412-18", "0441218"), or "national". */
  readonly locality: string;
  /** Default: the year the file states. */
  readonly year?: number;
  /** Default: the file's CONV FACTOR, else the engine's for the year. */
  readonly conversionFactor?: Decimal;
  /** Defaults: "Medicare 2025 Houston" and MPFS_2025_0441218. */
  readonly sheetName?: string;
  readonly tableName?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: OperationControls["onProgress"];
}

const refused = (message: string): OperationOutcome<never> => ({ ok: false, cancelled: false, message });
const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/**
 * Imports a Medicare PFS schedule for one locality: parses the PPRRVU and GPCI CSV files (a file that cannot be read
 * refuses the import; rows with problems are left out and counted in the message), writes the schedule sheet
 * (values, and the two rates as live formulas) with progress and cancel, and registers it in MedicareSchedules
 * so that PAYER.MEDICARE_RATE and %-of-Medicare contracts use it. Atomic as a whole.
 */
export const importMedicareSchedule: TaskPaneCommand<
  ImportMedicareScheduleInput,
  OperationOutcome<WrittenMedicareSchedule>
> = {
  name: "medicare.importSchedule",
  label: "Import schedule",
  run: async (excel, input) => {
    const pprrvu = readPprrvu(input.pprrvuFileName ?? "The relative value file", input.pprrvuText);
    if (!pprrvu.ok) return refused(pprrvu.issue);
    const gpci = input.gpciText === null ? null : readGpci(input.gpciFileName ?? "The GPCI file", input.gpciText);
    if (gpci !== null && !gpci.ok) return refused(gpci.issue);
    const locality = findLocality(buildGpciIndex(gpci?.value.localities ?? []), input.locality);
    if (!locality.ok) {
      const hint = gpci === null ? " Without a GPCI file only the national amounts can be imported." : "";
      return refused(`${issueMessage(locality.issue)}${hint}`);
    }
    const year = input.year ?? pprrvu.value.year;
    if (year === null) return refused("The year of the relative value file cannot be told from it: enter the year.");
    const conversionFactor = input.conversionFactor ?? conversionFactorFor(pprrvu.value, year);
    if (conversionFactor === null)
      return refused(`The file states no conversion factor and none is known for ${year}: enter it.`);

    const names = defaultMedicareScheduleNames(year, locality.value);
    const result = await writeMedicareSchedule(
      excel,
      {
        sheetName: input.sheetName ?? names.sheetName,
        tableName: input.tableName ?? names.tableName,
        rows: pprrvu.value.rows,
        locality: locality.value,
        conversionFactor,
        year,
      },
      {
        signal: input.signal,
        onProgress: ({ rowsWritten, totalRows }) => input.onProgress?.({ done: rowsWritten, total: totalRows }),
      },
    );
    if (!result.ok) {
      return {
        ok: false,
        cancelled: result.issue.code === "cancelled",
        message: describeMedicareImportIssue(result.issue),
      };
    }
    const { rowCount, tableName, sheetName, registration } = result.value;
    const leftOut = pprrvu.value.problems.length;
    return {
      ok: true,
      value: result.value,
      message:
        `Wrote ${count(rowCount, "row", "rows")} to table ${tableName} on sheet "${sheetName}" and registered it in ` +
        `MedicareSchedules for ${registration.year}, locality ${registration.locality}` +
        `${leftOut > 0 ? ` (${count(leftOut, "problem", "problems")} in the file: those rows were left out)` : ""}. ` +
        `Try =PAYER.MEDICARE_RATE("99213", "${registration.locality}").`,
    };
  },
};
