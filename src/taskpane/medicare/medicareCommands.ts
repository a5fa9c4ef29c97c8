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
 * OPPSCAP file (a file that cannot be read refuses the import; rows with problems are left out and counted in the
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
    const locality = findLocality(buildGpciIndex(gpci?.value.localities ?? []), input.locality);
    if (!locality.ok) {
      const hint = gpci === null ? " Without a GPCI file only the national amounts can be imported." : "";
      return refusedOutcome(`${issueMessage(locality.issue)}${hint}`);
    }
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
      },
      { signal: input.signal, onProgress: rowsProgress(input.onProgress) },
    );
    const leftOut = pprrvu.value.problems.length;
    const capsNote = oppsCap === null ? "" : ` ${capsWritten(oppsCap.value, pprrvu.value.rows, locality.value)}`;
    return outcomeOf(
      result,
      describeMedicareImportIssue,
      ({ rowCount, tableName, sheetName, registration }) =>
        `Wrote ${countOf(rowCount, "row", "rows")} to table ${tableName} on sheet "${sheetName}" and registered it in ` +
        `MedicareSchedules for ${registration.year}, locality ${registration.locality}` +
        `${leftOut > 0 ? ` (${countOf(leftOut, "problem", "problems")} in the file: those rows were left out)` : ""}.` +
        `${capsNote} ` +
        `Try =PAYER.MEDICARE_RATE("99213", "${registration.locality}").`,
    );
  },
};
