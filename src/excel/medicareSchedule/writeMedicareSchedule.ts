/**
 * Writes a Medicare PFS schedule for one locality into a new sheet and registers it in MedicareSchedules (with, when
 * given, the AnesthesiaBaseUnits table on a sheet of its own), as one
 * operation (ARCHITECTURE.md s.5): the registry is checked before anything is written, the table is staged in a
 * hidden sheet (chunked, progress, cancel), and the commit registers it and puts the sheet in place together. A
 * failure or a cancel before the commit leaves the workbook as it was.
 *
 * Requests for ~19,000 rows: 1-2 to look at MedicareSchedules, 1 to look at the sheets, 1 to add the staging sheet,
 * 4 chunks of 5,000 rows, the runner's look and the commit: at most 10.
 */
import type { Decimal } from "../../engine";
import type { LocalityGpci } from "../../engine";
import type { IsoDate } from "../../engine";
import type { PfsRvuRow } from "../../engine";
import type { OppsCapTable } from "../../engine";
import type { AnesthesiaBaseUnitsRow } from "../../engine";
import { fail, ok, type Result } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import { runOperation } from "../core/operation";
import { prepareTable, stageTable, type TableWriteOptions, type WrittenTable } from "../core/tableWriter";
import type { MedicareImportIssue } from "./medicareImportIssues";
import { planRegistration, registrationSteps, type MedicareRegistration } from "./registration";
import { anesthesiaBaseUnitsRequest, existingBaseUnitsSheet } from "./anesthesiaBaseUnits";
import { medicareScheduleRequest } from "./scheduleColumns";

/** A Medicare schedule to write: the PPRRVU rows, one locality, the CF, the year it covers, the names, the OPPS caps. */
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
  /** CMS's OPPSCAP table: given, the sheet gets the two OPPS cap columns and the functions apply the cap. */
  readonly oppsCap?: OppsCapTable;
  /** The locality's anesthesia CF (CMS's ANES file): given, written on every row and used for anesthesia lines. */
  readonly anesthesiaConversionFactor?: Decimal;
  /**
   * Anesthesia base units (CMS's file or the payer's list): given, they are written as the workbook's
   * AnesthesiaBaseUnits table on its own sheet in the same operation (refused when the workbook has one already).
   */
  readonly anesthesiaBaseUnits?: readonly AnesthesiaBaseUnitsRow[];
}

/** Progress, cancel (a cancel removes whatever was written) and the request limits, as for writeTable. */
export type MedicareScheduleWriteOptions = Pick<
  TableWriteOptions,
  "onProgress" | "signal" | "maxRowsPerRequest" | "maxRequestBytes"
>;

/** A written and registered schedule. */
export interface WrittenMedicareSchedule extends WrittenTable {
  readonly registration: MedicareRegistration;
  /** The AnesthesiaBaseUnits table, when base units were given. */
  readonly anesthesiaBaseUnits?: WrittenTable;
}

/** The locality as MedicareSchedules shows it: "HOUSTON, TX". */
export function localityLabel(locality: LocalityGpci): string {
  return locality.stateCode ? `${locality.localityName}, ${locality.stateCode}` : locality.localityName;
}

/**
 * Writes and registers a Medicare schedule; returns it, or the issue that stopped it (with what became of the
 * workbook, as checked).
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
  const prepared = prepareTable(medicareScheduleRequest(schedule), options);
  if (!prepared.ok) return fail({ code: "tableWrite", issue: prepared.issue });
  const baseUnits =
    schedule.anesthesiaBaseUnits === undefined
      ? null
      : prepareTable(anesthesiaBaseUnitsRequest(schedule.anesthesiaBaseUnits), options);
  if (baseUnits !== null && !baseUnits.ok) return fail({ code: "tableWrite", issue: baseUnits.issue });
  const registration: MedicareRegistration = {
    scheduleTable: schedule.tableName,
    year: schedule.year,
    locality: schedule.locality.localityKey,
    localityName: localityLabel(schedule.locality),
    effectiveStartDate: schedule.effectiveStartDate ?? (`${schedule.year}-01-01` as IsoDate),
    effectiveEndDate: schedule.effectiveEndDate ?? (`${schedule.year}-12-31` as IsoDate),
  };
  const { onProgress } = options;
  return runOperation(
    excel,
    {
      what: `the import of ${schedule.tableName}`,
      signal: options.signal,
      onProgress: onProgress && (({ done, total }) => onProgress({ rowsWritten: done, totalRows: total })),
    },
    async (op) => {
      const plan = await planRegistration(op.excel, registration);
      if (!plan.ok) return plan;
      const existing = baseUnits === null ? null : await existingBaseUnitsSheet(op.excel);
      if (existing !== null)
        return fail<MedicareImportIssue>({ code: "anesthesiaBaseUnitsExist", sheetName: existing });
      // The base units first: a workbook that has an AnesthesiaBaseUnits table already refuses before the big write.
      const units = baseUnits === null ? null : await stageTable(op, baseUnits.value);
      if (units !== null && !units.ok) return fail<MedicareImportIssue>({ code: "tableWrite", issue: units.issue });
      const staged = await stageTable(op, prepared.value);
      if (!staged.ok) return fail<MedicareImportIssue>({ code: "tableWrite", issue: staged.issue });
      // Registration first: when Excel refuses it, nothing of the import has taken effect.
      const register = await registrationSteps(op, plan.value, registration);
      const output: WrittenMedicareSchedule = {
        ...staged.value.written,
        registration,
        ...(units === null ? {} : { anesthesiaBaseUnits: units.value.written }),
      };
      // The schedule's steps last, so its sheet is the one left active.
      return ok({ output, steps: [...register, ...(units === null ? [] : units.value.steps), ...staged.value.steps] });
    },
  );
}
