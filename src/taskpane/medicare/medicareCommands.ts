import type { Decimal } from "../../engine";
import type { LocalityGpci, PfsRvuRow } from "../../engine";
import { findLocality, findOppsCap, buildGpciIndex } from "../../engine";
import { issueMessage } from "../../engine";
import { yieldToBrowser } from "../../excel/core/operation";
import {
  defaultMedicareScheduleNames,
  describeMedicareImportIssue,
  writeMedicareSchedule,
  type WrittenMedicareSchedule,
} from "../../excel/medicareSchedule";
import {
  outcomeOf,
  refusedOutcome,
  rowsProgress,
  type OperationCommand,
  type WithControls,
} from "../progress/operation";
import { countOf } from "../shared/wording";
import { conversionFactorFor, readGpci, readOppsCap, readPprrvu, type OppsCapFile } from "./medicareFiles";
import { anesthesiaCfFor, readAnes, readBaseUnits } from "./medicareFiles";

/** What the import needs: the files' text, the locality, and what the user changed of the defaults. */
export interface MedicareImportRequest {
  /** The PPRRVU file's text, or its bytes (then its encoding is detected). */
  readonly pprrvuText: string | Uint8Array;
  /** Null: no GPCI file, only the national amounts (GPCIs of 1.000) can be written. */
  readonly gpciText: string | Uint8Array | null;
  /** CMS's OPPSCAP file, optional: given, the sheet gets the OPPS imaging caps and the functions apply them. */
  readonly oppsCapText?: string | Uint8Array | null;
  readonly pprrvuFileName?: string;
  readonly gpciFileName?: string;
  readonly oppsCapFileName?: string;
  /** CMS's ANES file, optional: given, the locality's anesthesia CF is written with the schedule. */
  readonly anesText?: string | Uint8Array | null;
  readonly anesFileName?: string;
  /** An anesthesia base units file (CMS's or the payer's), optional: given, the AnesthesiaBaseUnits table is written. */
  readonly baseUnitsText?: string | Uint8Array | null;
  readonly baseUnitsFileName?: string;
  /** A locality key as listed or typed ("04412-18", "0441218"), or "national". */
  readonly locality: string;
  /** Default: the year the file states. */
  readonly year?: number;
  /** Default: the file's CONV FACTOR, else the engine's for the year. */
  readonly conversionFactor?: Decimal;
  /** Defaults: "Medicare 2025 Houston" and MPFS_2025_0441218. */
  readonly sheetName?: string;
  readonly tableName?: string;
}

/** What the message says of the OPPS caps written: how many rows got one, and the OPPSCAP rows left out. */
function capsWritten(file: OppsCapFile, rows: readonly PfsRvuRow[], locality: LocalityGpci): string {
  const capped = rows.filter((row) => findOppsCap(file.table, row, locality) !== undefined).length;
  const problems = file.problems.length;
  const leftOut = problems > 0 ? ` (${countOf(problems, "problem", "problems")} in ${file.fileName}: those caps were left out)` : ""; // prettier-ignore
  return capped === 0
    ? `${file.fileName} caps no code of the relative value file in locality ${locality.localityKey}${leftOut}.`
    : `Wrote the OPPS imaging caps of ${countOf(capped, "row", "rows")} from ${file.fileName}${leftOut}.`;
}

/** {@link importMedicareSchedule}'s input: the request, and the user's Cancel and the progress bar when there is one. */
export type ImportMedicareScheduleInput = WithControls<MedicareImportRequest>;

/**
 * Imports a Medicare PFS schedule for one locality: parses the PPRRVU and GPCI CSV files and, when given, the
 * OPPSCAP, ANES and anesthesia base units files (a file that cannot be read, or an ANES file without the locality,
 * refuses the import; rows with problems are left out and counted in the
 * message), writes the schedule sheet (values, the two rates as live formulas, and with OPPSCAP the locality's two
 * imaging caps, which the functions then apply) with progress and cancel, and registers it in MedicareSchedules so
 * that PAYER.MEDICARE_RATE and %-of-Medicare contracts use it. Atomic as a whole.
 */
export const importMedicareSchedule: OperationCommand<MedicareImportRequest, WrittenMedicareSchedule> = {
  name: "medicare.importSchedule",
  label: "Import schedule",
  run: async (excel, input) => {
    // A turn first, so that the running bar paints before the files are parsed (most of a second for PPRRVU).
    await yieldToBrowser();
    if (input.signal?.aborted === true)
      return {
        ok: false,
        cancelled: true,
        message: "Cancelled before anything was written: the workbook is as it was.",
      };
    const pprrvu = readPprrvu(input.pprrvuFileName ?? "The relative value file", input.pprrvuText);
    if (!pprrvu.ok) return refusedOutcome(pprrvu.issue);
    const gpci = input.gpciText === null ? null : readGpci(input.gpciFileName ?? "The GPCI file", input.gpciText);
    if (gpci !== null && !gpci.ok) return refusedOutcome(gpci.issue);
    const oppsCapText = input.oppsCapText ?? null;
    const oppsCap = oppsCapText === null ? null : readOppsCap(input.oppsCapFileName ?? "The OPPSCAP file", oppsCapText);
    if (oppsCap !== null && !oppsCap.ok) return refusedOutcome(oppsCap.issue);
    const anesText = input.anesText ?? null;
    const anes = anesText === null ? null : readAnes(input.anesFileName ?? "The ANES file", anesText);
    if (anes !== null && !anes.ok) return refusedOutcome(anes.issue);
    const baseUnitsText = input.baseUnitsText ?? null;
    const baseUnits =
      baseUnitsText === null ? null : readBaseUnits(input.baseUnitsFileName ?? "The base units file", baseUnitsText);
    if (baseUnits !== null && !baseUnits.ok) return refusedOutcome(baseUnits.issue);
    const locality = findLocality(buildGpciIndex(gpci?.value.localities ?? []), input.locality);
    if (!locality.ok) {
      const hint = gpci === null ? " Without a GPCI file only the national amounts can be imported." : "";
      return refusedOutcome(`${issueMessage(locality.issue)}${hint}`);
    }
    const anesthesiaConversionFactor = anes === null ? null : anesthesiaCfFor(anes.value, locality.value);
    if (anes !== null && anesthesiaConversionFactor === null)
      return refusedOutcome(
        `${anes.value.fileName} has no anesthesia conversion factor for locality ${locality.value.localityKey}: choose the ANES file of the same year, or leave it out (anesthesia lines are then not priced).`,
      );
    const year = input.year ?? pprrvu.value.year;
    if (year === null)
      return refusedOutcome("The year of the relative value file cannot be told from it: enter the year.");
    const conversionFactor = input.conversionFactor ?? conversionFactorFor(pprrvu.value, year);
    if (conversionFactor === null)
      return refusedOutcome(`The file states no conversion factor and none is known for ${year}: enter it.`);

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
        ...(oppsCap === null ? {} : { oppsCap: oppsCap.value.table }),
        ...(anesthesiaConversionFactor === null ? {} : { anesthesiaConversionFactor }),
        ...(baseUnits === null ? {} : { anesthesiaBaseUnits: baseUnits.value.rows }),
      },
      { signal: input.signal, onProgress: rowsProgress(input.onProgress) },
    );
    const leftOut = pprrvu.value.problems.length;
    const capsNote = oppsCap === null ? "" : ` ${capsWritten(oppsCap.value, pprrvu.value.rows, locality.value)}`;
    const anesNote = anesthesiaConversionFactor === null ? "" : ` Anesthesia conversion factor ${anesthesiaConversionFactor.toString()} for the locality.`; // prettier-ignore
    const unitsNote = (written: WrittenMedicareSchedule) => {
      if (written.anesthesiaBaseUnits === undefined || baseUnits === null || !baseUnits.ok) return "";
      const problems = baseUnits.value.problems.length;
      const leftOut = problems > 0 ? ` (${countOf(problems, "problem", "problems")} in ${baseUnits.value.fileName}: those codes were left out)` : ""; // prettier-ignore
      return ` Wrote the base units of ${countOf(written.anesthesiaBaseUnits.rowCount, "anesthesia code", "anesthesia codes")} to table ${written.anesthesiaBaseUnits.tableName}${leftOut}.`; // prettier-ignore
    };
    return outcomeOf(
      result,
      describeMedicareImportIssue,
      (written) =>
        `Wrote ${countOf(written.rowCount, "row", "rows")} to table ${written.tableName} on sheet "${written.sheetName}" and registered it in ` +
        `MedicareSchedules for ${written.registration.year}, locality ${written.registration.locality}` +
        `${leftOut > 0 ? ` (${countOf(leftOut, "problem", "problems")} in the file: those rows were left out)` : ""}.` +
        `${capsNote}${anesNote}${unitsNote(written)} ` +
        // The date is inside the schedule's year: the function's default, today, may not be.
        `Try =PAYER.MEDICARE_RATE("99213", "${written.registration.locality}", , , "${written.registration.effectiveStartDate}").`,
    );
  },
};
