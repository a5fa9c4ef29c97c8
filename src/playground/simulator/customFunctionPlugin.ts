/**
 * The adapter that runs our custom functions inside HyperFormula the way Excel runs them: arguments arrive as
 * Excel passes them (a range as a 2-D array with null for empty cells, a scalar as itself, an omitted optional
 * argument as null), and the result goes back as Excel shows it (a scalar, a spilled 2-D array, or a cell error
 * carrying the CustomFunctions.Error message). A function may return a Promise, as Excel allows: the cell shows
 * #BUSY! until it settles, then the formula is evaluated again with the settled result.
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionPlugin, SimpleRangeValue } from "hyperformula";
import type { FunctionPluginDefinition } from "hyperformula";
import { isCustomFunctionError } from "../customFunctionsShim";

export type CustomFunctionImpl = (...args: unknown[]) => unknown;

/** Excel error text -> HyperFormula error type (#NULL! has no HyperFormula twin and shows as #VALUE!). */
const ERROR_TYPES: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
};

// HyperFormula's internal AST and interpreter types are not exported; these are the few fields we touch.
interface Ast {
  readonly type: string;
  readonly args: readonly Ast[];
}
type State = unknown;
type Internal = unknown;

/** Unwraps HyperFormula's internal scalar (EmptyValue, rich numbers such as dates) to a plain JS value. */
function toJs(value: Internal): unknown {
  if (value === EmptyValue) return null;
  if (typeof value === "object" && value !== null && "val" in value) return (value as { val: number }).val;
  return value;
}

function toResult(value: unknown): Internal {
  if (isCustomFunctionError(value)) return new CellError(ERROR_TYPES[value.code] ?? ErrorType.VALUE, value.message);
  if (value === null || value === undefined) return EmptyValue;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return new CellError(ErrorType.VALUE, `Unsupported custom function result: ${String(value)}`);
}

type Outcome = { error: CellError } | { value: unknown };

/**
 * Why a cell shows #BUSY!, kept as its error message. HyperFormula has no #BUSY! error, so the cell holds its generic
 * error with this message, which the engine shows as Excel's #BUSY! (see formulaEngine.ts).
 */
export const BUSY_MESSAGE = "Waiting for the custom function's asynchronous result";

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === "function";

/** The outcome of a thrown or rejected value: a CustomFunctions.Error keeps its own code, anything else is #VALUE!. */
function failure(thrown: unknown): { error: CellError } {
  if (isCustomFunctionError(thrown)) return { error: toResult(thrown) as CellError };
  return { error: new CellError(ErrorType.VALUE, thrown instanceof Error ? thrown.message : String(thrown)) };
}

/** Evaluates one call: arguments as Excel passes them, then the implementation. */
function call(plugin: FunctionPlugin, fn: CustomFunctionImpl, ast: Ast, state: State): Outcome {
  const evaluate = (arg: Ast) =>
    (plugin as unknown as { evaluateAst(a: Ast, s: State): Internal }).evaluateAst(arg, state);
  const args: unknown[] = [];
  for (const arg of ast.args) {
    if (arg.type === "EMPTY") {
      args.push(null);
      continue;
    }
    const value = evaluate(arg);
    if (value instanceof CellError) return { error: value }; // Excel does not call a function on an error argument
    if (value instanceof SimpleRangeValue) {
      const rows = value.rawData().map((row) => row.map(toJs));
      const error = rows.flat().find((v): v is CellError => v instanceof CellError);
      if (error !== undefined) return { error };
      args.push(rows);
    } else args.push(toJs(value));
  }
  while (args.length < fn.length) args.push(null); // omitted trailing optional arguments arrive as null
  try {
    return { value: fn(...args) };
  } catch (thrown) {
    return failure(thrown);
  }
}

type Address = { sheet: number; row: number; col: number };

/**
 * Told the cell count of each prediction (so spilling formulas can be re-entered after edits and re-sized), and
 * told `null` when a result no longer fits its predicted size (so that formula is re-entered once).
 */
export type SpillObserver = (address: Address, cells: number | null) => void;

/** Told when an asynchronous result has settled, so the engine evaluates the formula at `address` again. */
export type SettleObserver = (address: Address) => void;

const addressKey = (a: Address) => `${a.sheet}:${a.row}:${a.col}`;

/** Pads or cuts a result to the size HyperFormula reserved for it (it throws on any other size). */
function fit(rows: Internal[][], size: { width: number; height: number }): Internal[][] {
  return Array.from({ length: size.height }, (_, r) =>
    Array.from({ length: size.width }, (_, c) => rows[r]?.[c] ?? EmptyValue),
  );
}

/**
 * Builds a HyperFormula plugin class that exposes each function as `<namespace>.<ID>`, plus the translations
 * HyperFormula needs to accept those names.
 */
export function createCustomFunctionPlugin(
  functions: ReadonlyMap<string, CustomFunctionImpl>,
  namespace: string,
  onSpill: SpillObserver,
  onSettle: SettleObserver,
): { plugin: FunctionPluginDefinition; names: string[]; settled(): Promise<void> } {
  const byName = new Map([...functions].map(([id, fn]) => [`${namespace}.${id}`.toUpperCase(), fn] as const));
  const predicted = new Map<string, { width: number; height: number }>();
  /** Settled asynchronous results waiting for their formula's next evaluation, by formula address. */
  const settledResults = new Map<string, Outcome>();
  /** The latest promise of each formula still pending: an older one settling (its arguments changed) is ignored. */
  const pending = new Map<string, PromiseLike<unknown>>();

  /** A call's outcome: a settled asynchronous result if one waits (taken by `run`), else the function called now. */
  const outcomeOf = (
    plugin: FunctionPlugin,
    ast: Ast & { procedureName: string },
    state: State,
    key: string,
    take: boolean,
  ): Outcome => {
    const waiting = settledResults.get(key);
    if (waiting !== undefined) {
      if (take) settledResults.delete(key);
      return waiting;
    }
    return call(plugin, byName.get(ast.procedureName)!, ast, state);
  };

  /** Shows #BUSY! for a returned promise, and evaluates the formula again once it settles. */
  const awaitResult = (promise: PromiseLike<unknown>, address: Address): { error: CellError } => {
    const key = addressKey(address);
    pending.set(key, promise);
    const settle = (outcome: Outcome) => {
      if (pending.get(key) !== promise) return;
      pending.delete(key);
      settledResults.set(key, outcome);
      onSettle(address);
    };
    promise.then(
      (value) => settle({ value }),
      (thrown: unknown) => settle(failure(thrown)),
    );
    return { error: new CellError(ErrorType.ERROR, BUSY_MESSAGE) };
  };
  class CustomFunctionsPlugin extends FunctionPlugin {
    static override implementedFunctions = Object.fromEntries(
      [...byName.keys()].map((name) => [
        name,
        { method: "run", sizeOfResultArrayMethod: "size", vectorizationForbidden: true, parameters: [] },
      ]),
    );

    run(ast: Ast & { procedureName: string }, state: State & { formulaAddress: Address }): Internal {
      const key = addressKey(state.formulaAddress);
      let outcome = outcomeOf(this, ast, state, key, true);
      if ("value" in outcome && isThenable(outcome.value)) outcome = awaitResult(outcome.value, state.formulaAddress);
      const size = predicted.get(addressKey(state.formulaAddress)) ?? { width: 1, height: 1 };
      const value = "error" in outcome ? outcome.error : outcome.value;
      const rows = Array.isArray(value)
        ? (value as unknown[]).map((row) => (Array.isArray(row) ? row : [row]).map(toResult))
        : [[value instanceof CellError ? value : toResult(value)]];
      const width = Math.max(1, ...rows.map((r) => r.length));
      if (rows.length !== size.height || width !== size.width) onSpill(state.formulaAddress, null);
      const fitted = fit(rows, size);
      return size.width === 1 && size.height === 1 ? fitted[0]![0] : SimpleRangeValue.onlyValues(fitted as never);
    }

    /** HyperFormula sizes a spill before computing it, so the function is run once here to learn the size. */
    size(
      ast: Ast & { procedureName: string },
      state: State & { formulaAddress: { sheet: number; row: number; col: number } },
    ) {
      try {
        const outcome = outcomeOf(this, ast, state, addressKey(state.formulaAddress), false);
        // A pending result is one cell (#BUSY!) until it settles and the formula is sized again.
        if ("value" in outcome && isThenable(outcome.value)) awaitResult(outcome.value, state.formulaAddress);
        const value = "value" in outcome && !isThenable(outcome.value) ? outcome.value : null;
        const rows = Array.isArray(value) ? (value as unknown[][]) : [[value]];
        const width = Math.max(1, ...rows.map((r) => (Array.isArray(r) ? r.length : 1)));
        const height = Math.max(1, rows.length);
        predicted.set(addressKey(state.formulaAddress), { width, height });
        onSpill(state.formulaAddress, height * width);
        return new ArraySize(width, height);
      } catch {
        predicted.delete(addressKey(state.formulaAddress));
        return ArraySize.scalar();
      }
    }
  }
  return {
    plugin: CustomFunctionsPlugin as unknown as FunctionPluginDefinition,
    names: [...byName.keys()],
    /** Resolves when no asynchronous result is pending (each settled one re-evaluated). */
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending.values()]);
    },
  };
}
