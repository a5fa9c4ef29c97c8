/**
 * The Benchmarks table's rows from the rates read: one row per rate, each cell derived by field from one table
 * declared against the column dictionary (benchmarkColumns.ts), so a column added there cannot be left unwritten.
 */
import type { Result } from "../../engine";
import type { MarketRate } from "../../formats/priceTransparency/marketRate";
import type { CellValue } from "../core/tableColumns";
import { BENCHMARKS_SPEC, METHOD_WORDS, SOURCE_WORDS, UNIT_WORDS, type BenchmarkField } from "./benchmarkColumns";
import {
  describeNoMedicareAmount,
  fractionCell,
  type MedicareComparison,
  type NoMedicareAmount,
} from "./medicareComparison";
import { centsToDollars } from "../../engine";

/** The rates read from one file, under the file's name. */
export interface BenchmarkFile {
  readonly fileName: string;
  readonly rates: readonly MarketRate[];
}

/** What a row is made from: the rate, its file, and its comparison with Medicare. */
interface RowSource {
  readonly rate: MarketRate;
  readonly fileName: string;
  readonly medicare: Result<MedicareComparison, NoMedicareAmount>;
}

/** Each column's cell. Text from the file stays text: the writer formats text columns "@" before writing. */
const CELLS = {
  source: ({ rate }) => SOURCE_WORDS[rate.source],
  fileName: ({ fileName }) => fileName,
  publisher: ({ rate }) => rate.publisher,
  payer: ({ rate }) => rate.payer,
  plan: ({ rate }) => rate.plan,
  provider: ({ rate }) => rate.provider,
  code: ({ rate }) => rate.code,
  codeType: ({ rate }) => rate.codeType,
  modifiers: ({ rate }) => rate.modifiers.join(" "),
  setting: ({ rate }) => rate.setting,
  billingClass: ({ rate }) => rate.billingClass,
  method: ({ rate }) => METHOD_WORDS[rate.method],
  unit: ({ rate }) => UNIT_WORDS[rate.unit],
  rate: ({ rate }) => rate.rate.toNumber(),
  medicareAmount: ({ medicare }) => (medicare.ok ? centsToDollars(medicare.value.medicareCents) : null),
  percentOfMedicare: ({ medicare }) => (medicare.ok ? fractionCell(medicare.value.fraction) : null),
  medicareNote: ({ medicare }) => (medicare.ok ? medicare.value.basis : describeNoMedicareAmount(medicare.issue)),
  at: ({ rate }) => rate.at,
} as const satisfies Record<BenchmarkField, (source: RowSource) => CellValue>;

const FIELDS = Object.keys(BENCHMARKS_SPEC.columns) as BenchmarkField[];

/** The rows of the files' rates, files in the order given and rates in file order. */
export function benchmarkRows(
  files: readonly BenchmarkFile[],
  compare: (rate: MarketRate) => Result<MedicareComparison, NoMedicareAmount>,
): CellValue[][] {
  return files.flatMap(({ fileName, rates }) =>
    rates.map((rate) => {
      const source: RowSource = { rate, fileName, medicare: compare(rate) };
      return FIELDS.map((field) => CELLS[field](source));
    }),
  );
}
