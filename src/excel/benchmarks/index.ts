// The Benchmarks table (issue 16 item 2): its columns, its rows with % of Medicare, and its writer. Re-exports only.
export {
  BENCHMARKS_SHEET,
  BENCHMARKS_SPEC,
  BENCHMARKS_TABLE,
  METHOD_WORDS,
  SOURCE_WORDS,
  UNIT_WORDS,
  type BenchmarkField,
} from "./benchmarkColumns";
export { describeBenchmarksIssue, MAX_BENCHMARK_ROWS, type BenchmarksIssue } from "./benchmarkIssues";
export { benchmarkRows, type BenchmarkFile } from "./benchmarkRows";
export {
  describeNoMedicareAmount,
  medicareComparer,
  medicareYardstick,
  type MedicareComparison,
  type MedicareYardstick,
  type NoMedicareAmount,
} from "./medicareComparison";
export {
  findBenchmarksTable,
  readRegisteredLocalities,
  writeBenchmarks,
  type RegisteredLocality,
  type BenchmarksWrite,
  type BenchmarksWriteOptions,
  type WrittenBenchmarks,
} from "./writeBenchmarks";
export { readTopCodes, type TopCodesRequest } from "./topCodes";
export {
  BENCHMARK_SHEET,
  buildBenchmarkSheet,
  describeBenchmarkSheetIssue,
  type BenchmarkSheetIssue,
  type BenchmarkSheetRequest,
  type BuiltBenchmarkSheet,
} from "./buildBenchmarkSheet";
export { layoutBenchmarkSheet, SHEET_PERCENTILES, type BenchmarkSheetLayout } from "./benchmarkSheetLayout";
