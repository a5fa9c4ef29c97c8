import {
  freeRemittanceNames,
  readTakenNames,
  remittanceTableRequest,
  type RemittanceSource,
  type TakenNames,
} from "../../excel/remittances/remittanceTable";
import {
  duplicateRemittanceMessage,
  findDuplicateRemittances,
  readImportedPayments,
} from "../../excel/remittances/duplicatePayments";
import type { WrittenTable } from "../../excel/core/tableWriter";
import { refusedOutcome, type OperationCommand, type WithControls } from "../progress/operation";
import { tableWriteOperation } from "../progress/tableWriteOperation";
import type { TaskPaneCommand } from "../taskPaneCommand";
import { countOf } from "../shared/wording";

/** Excel's last row is 1,048,576; one is the header. */
export const MAX_REMITTANCE_ROWS = 1_048_575;

/** What the import writes: the accepted files, under the names the user confirmed. */
export interface RemittanceImportRequest {
  readonly sheetName: string;
  readonly tableName: string;
  readonly sources: readonly RemittanceSource[];
}

/** {@link importRemittances}'s input: the request, and the user's Cancel and the progress bar when there is one. */
export type ImportRemittancesInput = WithControls<RemittanceImportRequest>;

/**
 * Writes every line of the accepted 835 files into a new sheet holding the remittance table: chunked, with progress
 * in rows, cancellable, atomic, and never over an existing sheet or table (writeTable's guarantees). Expected
 * failures (name taken, Excel refusal, cancel) are outcomes with the message to show.
 */
export const importRemittances: OperationCommand<RemittanceImportRequest, WrittenTable> = {
  name: "remittances.import",
  label: "Import",
  run: async (excel, { sheetName, tableName, sources, signal, onProgress }) => {
    const lineCount = sources.reduce((sum, source) => sum + source.file.lines.length, 0);
    if (sources.length === 0 || lineCount === 0) {
      return refusedOutcome("There are no remittance lines to import: choose 835 files.");
    }
    if (lineCount > MAX_REMITTANCE_ROWS) {
      return refusedOutcome(
        `The files hold ${countOf(lineCount, "line", "lines")}; one Excel sheet holds at most ` +
          `${countOf(MAX_REMITTANCE_ROWS, "row", "rows")}. Import fewer files at a time.`,
      );
    }
    const request = remittanceTableRequest(sheetName, tableName, sources);
    const outcome = await tableWriteOperation(excel)(
      { request },
      { signal: signal ?? new AbortController().signal, onProgress: onProgress ?? (() => undefined) },
    );
    if (!outcome.ok) return outcome;
    return {
      ...outcome,
      message:
        `Imported ${countOf(outcome.value.rowCount, "line", "lines")} from ${countOf(sources.length, "file", "files")} ` +
        `into table ${tableName} on sheet "${sheetName}".`,
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

/**
 * The warnings to read before importing these files: each file whose payment (payer and check/EFT trace number) a
 * remittance table of the workbook holds already, or another chosen file repeats. A warning, not a refusal: the
 * import writes a new table and never changes the old one, and a payer may resend a file on purpose; pressing
 * Import after reading the warning is the user's confirmation.
 */
export const checkDuplicateRemittances: TaskPaneCommand<readonly RemittanceSource[], string[]> = {
  name: "remittances.checkDuplicates",
  label: "Check for files imported before",
  run: async (excel, sources) =>
    findDuplicateRemittances(sources, await readImportedPayments(excel)).map(duplicateRemittanceMessage),
};
