/**
 * Why the Benchmarks table was not written, as values, and the one message a finance user reads for each
 * (STYLE.md "two error channels").
 */
import { catalogue, type LocalityKey } from "../../engine";
import { describeOperationIssue, type OperationIssue } from "../core/operation";
import { describeTableWriteIssue, type TableWriteIssue } from "../core/tableWriteIssues";
import { BENCHMARKS_TABLE } from "./benchmarkColumns";

const count = (n: number) => n.toLocaleString("en-US");

/** Excel's last row is 1,048,576; one is the header. */
export const MAX_BENCHMARK_ROWS = 1_048_575;

export type BenchmarksIssue =
  | { readonly code: "noRates" }
  | { readonly code: "tooManyRates"; readonly rateCount: number; readonly limit: number }
  /** The table exists and the user has not confirmed replacing it. */
  | { readonly code: "replaceNotConfirmed"; readonly sheetName: string; readonly rowCount: number }
  /** The table's sheet holds other cells, which replacing the sheet would remove. */
  | { readonly code: "sheetShared"; readonly sheetName: string }
  | { readonly code: "localityNotRegistered"; readonly locality: LocalityKey; readonly registered: readonly string[] }
  | { readonly code: "tableWrite"; readonly issue: TableWriteIssue }
  | OperationIssue;

/** The message a finance user reads for an issue. */
export const describeBenchmarksIssue: (issue: BenchmarksIssue) => string = catalogue<BenchmarksIssue>({
  noRates: () => "There are no rates to write: read price-transparency files first (and check the filters).",
  tooManyRates: (i) =>
    `The files hold ${count(i.rateCount)} rates; one Excel sheet holds at most ${count(i.limit)} rows. Narrow the codes, setting or billing class.`,
  replaceNotConfirmed: (i) =>
    `Table ${BENCHMARKS_TABLE} on sheet "${i.sheetName}" holds ${count(i.rowCount)} rows already: confirm that they are replaced by the rates read.`,
  sheetShared: (i) =>
    `Sheet "${i.sheetName}" holds cells besides table ${BENCHMARKS_TABLE}, which replacing the table would remove: move them to another sheet first. Nothing was written.`,
  localityNotRegistered: (i) =>
    `No Medicare schedule is registered for locality ${i.locality} in MedicareSchedules` +
    (i.registered.length === 0
      ? ": import one in the Medicare schedule tab first."
      : ` (registered: ${i.registered.join(", ")}).`),
  tableWrite: (i) => describeTableWriteIssue(i.issue),
  cancelled: (i) => describeOperationIssue(i),
  excelRefused: (i) => describeOperationIssue(i),
});
