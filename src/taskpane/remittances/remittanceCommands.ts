import {
  freeRemittanceNames,
  readTakenNames,
  remittanceTableRequest,
  type RemittanceSource,
  type TakenNames,
} from "../../excel/remittances/remittanceTable";
import type { WrittenTable } from "../../excel/core/tableWriter";
import type { OperationControls, OperationOutcome } from "../progress/operation";
import { tableWriteOperation } from "../progress/tableWriteOperation";
import type { TaskPaneCommand } from "../taskPaneCommand";

/** Excel's last row is 1,048,576; one is the header. */
export const MAX_REMITTANCE_ROWS = 1_048_575;

/** What the import writes: the accepted files, under the names the user confirmed. */
export interface ImportRemittancesInput {
  readonly sheetName: string;
  readonly tableName: string;
  readonly sources: readonly RemittanceSource[];
  /** The user's Cancel; omitted, the import runs to the end. */
  readonly signal?: AbortSignal;
  readonly onProgress?: OperationControls["onProgress"];
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/**
 * Writes every line of the accepted 835 files into a new sheet holding the remittance table: chunked, with progress
 * in rows, cancellable, atomic, and never over an existing sheet or table (writeTable's guarantees). Expected
 * failures (name taken, Excel refusal, cancel) are outcomes with the message to show.
 */
export const importRemittances: TaskPaneCommand<ImportRemittancesInput, OperationOutcome<WrittenTable>> = {
  name: "remittances.import",
  label: "Import",
  run: async (excel, { sheetName, tableName, sources, signal, onProgress }) => {
    const lineCount = sources.reduce((sum, source) => sum + source.file.lines.length, 0);
    if (sources.length === 0 || lineCount === 0) {
      return { ok: false, cancelled: false, message: "There are no remittance lines to import: choose 835 files." };
    }
    if (lineCount > MAX_REMITTANCE_ROWS) {
      return {
        ok: false,
        cancelled: false,
        message: `The files hold ${count(lineCount, "line", "lines")}; one Excel sheet holds at most ${count(MAX_REMITTANCE_ROWS, "row", "rows")}. Import fewer files at a time.`,
      };
    }
    const request = remittanceTableRequest(sheetName, tableName, sources);
    const outcome = await tableWriteOperation(excel)(
      { request },
      { signal: signal ?? new AbortController().signal, onProgress: onProgress ?? (() => undefined) },
    );
    if (!outcome.ok) return outcome;
    const { rowCount } = outcome.value;
    return {
      ...outcome,
      message:
        `Imported ${count(rowCount, "line", "lines")} from ${count(sources.length, "file", "files")} into table ` +
        `${tableName} on sheet "${sheetName}".`,
    };
  },
};

/** The workbook's sheet and table names, and the first free remittance names ("Remittances", "Remittances 2"...). */
export interface RemittanceNames extends TakenNames {
  readonly suggested: { readonly sheetName: string; readonly tableName: string };
}

/** Reads the names in use, to propose a free sheet and table name and to warn before a name clashes. */
export const suggestRemittanceNames: TaskPaneCommand<void, RemittanceNames> = {
  name: "remittances.suggestNames",
  label: "Suggest names",
  run: async (excel) => {
    const taken = await readTakenNames(excel);
    return { ...taken, suggested: freeRemittanceNames(taken) };
  },
};
