/**
 * The two shapes of a PAYER adapter, written once: a function of the whole range (DENIAL_RATE, UPLIFT_SCENARIO)
 * answers one result or refuses the call, and a per-line function (EXPECTED_PAYMENT, PRICING_TRACE, MEDICARE_RATE)
 * answers each line from the contract registry, a bad line giving an error in its own row. Both read Excel's
 * arguments by the function's argument table and turn every issue into an error value (errors.ts).
 */
import type { RegistrySnapshot } from "../excel/registry";
import { argumentIssueError } from "./errors";
import { firstRowIssue, readArguments, type ArgSpecTable, type ArgValues, type ReadArguments } from "./excelArgs";
import { withRegistry } from "./registryCache";

/**
 * A function's adapter: Excel's positional arguments in, its result or an error value out. It carries the argument
 * table it reads by, from which the function's Excel metadata and documentation are derived (registry.ts).
 */
export interface ExcelAdapter<S extends ArgSpecTable = ArgSpecTable, R = unknown> {
  (...args: readonly unknown[]): R | CustomFunctions.Error;
  readonly argumentTable: S;
}

/** What a per-line adapter answers: a column, or the error of a single line; a Promise before the first load. */
export type PerLineResult = unknown[][] | Promise<unknown[][] | CustomFunctions.Error>;

function adapter<S extends ArgSpecTable, R>(
  argumentTable: S,
  evaluate: (...args: readonly unknown[]) => R | CustomFunctions.Error,
): ExcelAdapter<S, R> {
  return Object.assign(evaluate, { argumentTable });
}

/**
 * The adapter of a function that answers one result from all rows: any argument or cell that fails its checks
 * refuses the whole call (the first bad row is named), otherwise `compute` answers.
 */
export function wholeRangeFunction<S extends ArgSpecTable, R>(
  argumentTable: S,
  compute: (values: ArgValues<S>) => R | CustomFunctions.Error,
): ExcelAdapter<S, R> {
  return adapter(argumentTable, (...args) => {
    const read = readArguments(argumentTable, args);
    if (!read.ok) return argumentIssueError(read.issue);
    const issue = firstRowIssue(argumentTable, read.value);
    return issue === null ? compute(read.value.values) : argumentIssueError(issue);
  });
}

/**
 * The adapter of a function that answers each line from the registry: `lines` gives one value or error per row
 * (refusing the rows `rowIssues` names, so that they are never priced), returned as a column.
 */
export function perLineFunction<S extends ArgSpecTable>(
  argumentTable: S,
  lines: (snapshot: RegistrySnapshot, read: ReadArguments<S>) => readonly unknown[],
): ExcelAdapter<S, PerLineResult> {
  return adapter(argumentTable, (...args) => {
    const read = readArguments(argumentTable, args);
    if (!read.ok) return argumentIssueError(read.issue);
    return withRegistry((snapshot) => asColumn(lines(snapshot, read.value)));
  });
}

/**
 * The Excel result of a per-line function: one value or error per line, as a column. A single line whose answer is
 * an error is returned as that error, for Excel to show its message (it shows the message of a thrown error on a
 * single cell).
 */
export function asColumn(results: readonly unknown[]): unknown[][] | CustomFunctions.Error {
  if (results.length === 1 && results[0] instanceof CustomFunctions.Error) return results[0];
  return results.map((value) => [value]);
}
