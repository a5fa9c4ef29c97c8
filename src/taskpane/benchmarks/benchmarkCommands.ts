/**
 * The Benchmarks tab's commands: what it reads from the workbook (registered Medicare localities, the Benchmarks
 * table already there, the organisation's top codes from its claims table) and the write of the Benchmarks table.
 */
import type { UpliftRankBasis } from "../../engine";
import {
  buildBenchmarkSheet,
  describeBenchmarkSheetIssue,
  describeBenchmarksIssue,
  findBenchmarksTable,
  readRegisteredLocalities,
  readTopCodes,
  writeBenchmarks,
  type BenchmarkSheetIssue,
  type BenchmarkSheetRequest,
  type BenchmarksWrite,
  type BuiltBenchmarkSheet,
  type RegisteredLocality,
  type WrittenBenchmarks,
} from "../../excel/benchmarks";
import type { ClaimsMapping } from "../../excel/claims/claimsMapping";
import { rowsProgress } from "../progress/operation";
import { writerCommand } from "../progress/writerCommand";
import type { TaskPaneCommand } from "../taskPaneCommand";
import { countOf } from "../shared/wording";

/** The localities with a registered Medicare schedule. */
export const listMedicareLocalities: TaskPaneCommand<void, RegisteredLocality[]> = {
  name: "benchmarks.listLocalities",
  label: "Refresh localities",
  run: (excel) => readRegisteredLocalities(excel),
};

/** The Benchmarks table already in the workbook, which a write replaces once the user confirms. */
export const findExistingBenchmarks: TaskPaneCommand<void, { sheetName: string; rowCount: number } | null> = {
  name: "benchmarks.findTable",
  label: "Look for the Benchmarks table",
  run: (excel) => findBenchmarksTable(excel),
};

/** How many top codes the tab proposes: the "top 20 codes" a negotiation starts from (ARCHITECTURE.md 1). */
export const TOP_CODE_COUNT = 20;

/** The top codes of a claims table, or the message saying why it cannot give them. */
export type TopCodes = { readonly ok: true; readonly codes: readonly string[] } | { readonly ok: false; readonly message: string }; // prettier-ignore

/** The organisation's top codes from its claims table, by allowed dollars or by count of lines. */
export const suggestTopCodes: TaskPaneCommand<
  { readonly tableName: string; readonly mapping: ClaimsMapping; readonly rankBy: UpliftRankBasis },
  TopCodes
> = {
  name: "benchmarks.topCodes",
  label: "Use top codes",
  run: async (excel, request) => {
    const codes = await readTopCodes(excel, { ...request, count: TOP_CODE_COUNT });
    return codes.ok ? { ok: true, codes: codes.value } : { ok: false, message: codes.issue };
  },
};

/** Writes the Benchmarks table from the rates read, with progress in rows and Cancel. */
export const writeBenchmarksCommand = writerCommand<
  BenchmarksWrite,
  WrittenBenchmarks,
  Parameters<typeof describeBenchmarksIssue>[0]
>({
  // prettier-ignore
  name: "benchmarks.write",
  label: "Write",
  write: (excel, input, { signal, onProgress }) => writeBenchmarks(excel, input, { signal, onProgress: rowsProgress(onProgress) }), // prettier-ignore
  describe: describeBenchmarksIssue,
  succeeded: (written) =>
    `Wrote ${countOf(written.rowCount, "rate", "rates")} to table ${written.tableName} on sheet "${written.sheetName}"` +
    (written.replacedRows === null
      ? ""
      : `, replacing its ${countOf(written.replacedRows, "earlier row", "earlier rows")}`) + // prettier-ignore
    `; ${countOf(written.comparedRows, "rate has", "rates have")} a % of Medicare.`,
});

/** Builds the Benchmarks sheet from the table written, ordered (and its volume counted) by the claims table if any. */
export const buildBenchmarkSheetCommand = writerCommand<
  BenchmarkSheetRequest,
  BuiltBenchmarkSheet,
  BenchmarkSheetIssue
>({
  // prettier-ignore
  name: "benchmarks.buildSheet",
  label: "Build the Benchmarks sheet",
  write: (excel, input, { signal }) => buildBenchmarkSheet(excel, input, { signal }),
  describe: describeBenchmarkSheetIssue,
  succeeded: (built) =>
    `Built sheet "${built.sheetName}": ${countOf(built.codeCount, "code", "codes")} against the market` +
    (built.contracts.length === 0
      ? "; no contract priced by fee schedule or % of Medicare, so no rate of ours to compare."
      : `; our rates from ${built.contracts.join(", ")}.`) +
    (built.contractsLeftOut.length === 0 ? "" : ` Left out (not fee schedule or % of Medicare today): ${built.contractsLeftOut.join(", ")}.`), // prettier-ignore
});
