/**
 * Writes a Medicare PFS schedule for one locality into a new sheet and registers it in MedicareSchedules, atomically
 * as a whole: the registry is checked before anything is written, the table is written by writeTable (chunked,
 * progress, cancel, atomic), and if the registration then fails or the user cancels, the written sheet is removed.
 *
 * Requests for ~19,000 rows: 1-2 to look at MedicareSchedules, 2 + 4 for the table (5,000 rows each), 1 to
 * register: at most 9.
 */
import type { Decimal } from "../../engine";
import type { LocalityGpci } from "../../engine";
import type { IsoDate } from "../../engine";
import type { PfsRvuRow } from "../../engine";
import { fail, ok, type Result } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import { officeError } from "../core/officeErrors";
import { writeTable, type TableWriteOptions, type WrittenTable } from "../core/tableWriter";
import type { MedicareImportIssue } from "./medicareImportIssues";
import { addRegistration, planRegistration, removeImport, type MedicareRegistration } from "./registration";
import { medicareScheduleRequest } from "./scheduleColumns";

/** A Medicare schedule to write: the PPRRVU rows, one locality, the CF, the year it covers and the names. */
export interface MedicareScheduleWrite {
  readonly sheetName: string;
  readonly tableName: string;
  readonly rows: readonly PfsRvuRow[];
  readonly locality: LocalityGpci;
  readonly conversionFactor: Decimal;
  readonly year: number;
  /** Default January 1 and December 31 of the year. */
  readonly effectiveStartDate?: IsoDate;
  readonly effectiveEndDate?: IsoDate;
}

/** Progress, cancel (a cancel removes whatever was written) and the request limits, as for writeTable. */
export type MedicareScheduleWriteOptions = Pick<
  TableWriteOptions,
  "onProgress" | "signal" | "maxRowsPerRequest" | "maxRequestBytes"
>;

/** A written and registered schedule. */
export interface WrittenMedicareSchedule extends WrittenTable {
  readonly registration: MedicareRegistration;
}

/** The locality as MedicareSchedules shows it: "HOUSTON, TX". */
export function localityLabel(locality: LocalityGpci): string {
  return locality.stateCode ? `${locality.localityName}, ${locality.stateCode}` : locality.localityName;
}

/**
 * Writes and registers a Medicare schedule; returns it, or the issue that stopped it with the workbook as it was.
 * @example
 * const result = await writeMedicareSchedule(hostExcel(), {
 *   sheetName: "Medicare 2025 Houston", tableName: "MPFS_2025_0441218",
 *   rows: pprrvu.rows, locality: houston, conversionFactor: new Decimal("32.3465"), year: 2025,
 * }, { onProgress, signal });
 */
export async function writeMedicareSchedule(
  excel: ExcelGateway,
  schedule: MedicareScheduleWrite,
  options: MedicareScheduleWriteOptions = {},
): Promise<Result<WrittenMedicareSchedule, MedicareImportIssue>> {
  if (schedule.rows.length === 0) return fail({ code: "noRows" });
  const totalRows = schedule.rows.length;
  const registration: MedicareRegistration = {
    scheduleTable: schedule.tableName,
    year: schedule.year,
    locality: schedule.locality.localityKey,
    localityName: localityLabel(schedule.locality),
    effectiveStartDate: schedule.effectiveStartDate ?? (`${schedule.year}-01-01` as IsoDate),
    effectiveEndDate: schedule.effectiveEndDate ?? (`${schedule.year}-12-31` as IsoDate),
  };
  if (aborted(options.signal)) return fail({ code: "cancelled", totalRows });
  const plan = await planRegistration(excel, registration);
  if (!plan.ok) return plan;

  const written = await writeTable(excel, medicareScheduleRequest(schedule), options);
  if (!written.ok) return fail({ code: "tableWrite", issue: written.issue });

  const leftovers = {
    sheetNames: [written.value.sheetName, ...(plan.value.kind === "create" ? [plan.value.sheetName] : [])],
    scheduleTable: schedule.tableName,
  };
  const undo = async (cause: MedicareImportIssue): Promise<Result<never, MedicareImportIssue>> => {
    const refused = await removeImport(excel, leftovers);
    if (refused === null) return fail(cause);
    const why = cause.code === "cancelled" ? "The import was cancelled." : "The schedule could not be registered.";
    return fail({ code: "cleanupFailed", sheetName: written.value.sheetName, cause: why, excelCode: refused.code, message: refused.message }); // prettier-ignore
  };
  if (aborted(options.signal)) return undo({ code: "cancelled", totalRows });
  try {
    await addRegistration(excel, plan.value, registration);
  } catch (error) {
    const refusal = officeError(error);
    if (refusal === null) {
      await removeImport(excel, leftovers);
      throw error; // a bug, not an Excel refusal: surface it, now that the workbook is clean
    }
    return undo({ code: "registrationFailed", excelCode: refusal.code, message: refusal.message });
  }
  return ok({ ...written.value, registration });
}

/** Read through a call: TypeScript would otherwise narrow `signal.aborted` to false after the first check. */
function aborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
