/**
 * The hospital schedule panel's commands: the MS-DRG weights and Addendum B imports (the files already read for the
 * preview; each replaces its own year's or quarter's rows of the registered table, through the operation runner), the
 * list of OutpatientTerms rows, and the wage index written into the rows chosen.
 */
import type { Decimal, DrgWeightTable, OppsTable, Result } from "../../engine";
import {
  describeHospitalImportIssue,
  listOutpatientTerms,
  writeDrgWeights,
  writeOppsRates,
  writeWageIndex,
  type TermsRow,
  type WrittenPeriodRows,
  type WrittenWageIndex,
} from "../../excel/hospitalSchedule";
import { yieldToBrowser } from "../../excel/core/operation";
import { outcomeOf, rowsProgress, type OperationCommand, type OperationOutcome } from "../progress/operation";
import { countOf } from "../shared/wording";
import type { TaskPaneCommand } from "../taskPaneCommand";

const CANCELLED_BEFORE: OperationOutcome<never> = {
  ok: false,
  cancelled: true,
  message: "Cancelled before anything was written: the workbook is as it was.",
};

/** What a period import says of the rows it replaced and kept, and of the file's rows left out. */
function periodNote(written: WrittenPeriodRows, period: string, leftOut: number): string {
  const parts = [
    ...(written.replacedRows > 0 ? [`replaced the table's ${countOf(written.replacedRows, "row", "rows")} of ${period}`] : []), // prettier-ignore
    ...(written.keptRows > 0 ? [`kept its ${countOf(written.keptRows, "row", "rows")} of other periods`] : []),
  ];
  const done = parts.length === 0 ? "" : ` It ${parts.join(" and ")}.`;
  const skipped = leftOut > 0 ? ` ${countOf(leftOut, "problem", "problems")} in the file: those rows were left out.` : ""; // prettier-ignore
  return `${done}${skipped}`;
}

/** The DRG weights import's input: the table read for the preview, and how many of its rows were left out. */
export interface DrgWeightsImportRequest {
  readonly table: DrgWeightTable;
  readonly leftOut: number;
}

/** Writes a fiscal year of MS-DRG weights into MsDrgWeights, replacing that year's rows. */
export const importDrgWeights: OperationCommand<DrgWeightsImportRequest, WrittenPeriodRows> = {
  name: "hospital.importDrgWeights",
  label: "Import MS-DRG weights",
  run: async (excel, input) => {
    await yieldToBrowser(); // the running bar paints first
    if (input.signal?.aborted === true) return CANCELLED_BEFORE;
    const year = input.table.fiscalYear;
    const result = await writeDrgWeights(excel, input.table, { signal: input.signal, onProgress: rowsProgress(input.onProgress) }); // prettier-ignore
    return outcomeOf(result, describeHospitalImportIssue, (written) => {
      const fyRows = written.rowCount - written.keptRows;
      // A discharge on October 1 of the fiscal year's first calendar year is in it (FY2026 starts 2025-10-01).
      const discharge = `${year - 1}-10-03`;
      return (
        `Wrote ${countOf(fyRows, "MS-DRG weight", "MS-DRG weights")} of FY${year} to table ${written.tableName} on sheet "${written.sheetName}".` +
        `${periodNote(written, `FY${year}`, input.leftOut)} Stays discharged in FY${year} are weighted with them; try ` +
        `=PAYER.INPATIENT_PAYMENT(contract, "470", "${year - 1}-10-01", "${discharge}", 30000) with one of your hospital contracts.`
      );
    });
  },
};

/** The Addendum B import's input: the quarter's table read for the preview, and how many rows were left out. */
export interface AddendumBImportRequest {
  readonly table: OppsTable;
  readonly leftOut: number;
}

/** Writes a quarter of Addendum B into OppsRates, replacing that quarter's rows. */
export const importAddendumB: OperationCommand<AddendumBImportRequest, WrittenPeriodRows> = {
  name: "hospital.importAddendumB",
  label: "Import Addendum B",
  run: async (excel, input) => {
    await yieldToBrowser();
    if (input.signal?.aborted === true) return CANCELLED_BEFORE;
    const start = input.table.effectiveStartDate;
    const result = await writeOppsRates(excel, input.table, { signal: input.signal, onProgress: rowsProgress(input.onProgress) }); // prettier-ignore
    return outcomeOf(
      result,
      describeHospitalImportIssue,
      (written) =>
        `Wrote ${countOf(written.rowCount - written.keptRows, "code", "codes")} of the Addendum B in effect from ${start} to table ${written.tableName} on sheet "${written.sheetName}".` +
        `${periodNote(written, `the quarter from ${start}`, input.leftOut)} Outpatient lines from ${start} are priced with them.`,
    );
  },
};

/** Lists the OutpatientTerms rows (a read): the rows, or the message saying why there are none to choose. */
export const listTermsRows: TaskPaneCommand<void, Result<readonly TermsRow[], string>> = {
  name: "hospital.listOutpatientTerms",
  label: "Show contract rows",
  run: async (excel) => {
    const rows = await listOutpatientTerms(excel);
    return rows.ok ? rows : { ok: false, issue: describeHospitalImportIssue(rows.issue) };
  },
};

/** The wage index write's input: the index and the rows chosen, as listed. */
export interface WageIndexRequest {
  readonly wageIndex: Decimal;
  readonly rows: readonly TermsRow[];
}

/** Writes the hospital's wage index into the OutpatientTerms rows chosen. */
export const writeHospitalWageIndex: OperationCommand<WageIndexRequest, WrittenWageIndex> = {
  name: "hospital.writeWageIndex",
  label: "Write wage index",
  run: async (excel, input) => {
    const result = await writeWageIndex(excel, input.wageIndex, input.rows, { signal: input.signal });
    return outcomeOf(result, describeHospitalImportIssue, (written) => {
      const rows = written.rowNumbers.join(", ");
      return `Wage index ${written.wageIndex.toString()} is in OutpatientTerms ${written.rowNumbers.length === 1 ? "row" : "rows"} ${rows} (sheet "${written.sheetName}"): Percent of OPPS pays rate x (0.60 x ${written.wageIndex.toString()} + 0.40) x percent.`; // prettier-ignore
    });
  },
};
