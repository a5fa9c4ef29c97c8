/**
 * The adapter that runs our custom functions inside HyperFormula the way Excel runs them: arguments arrive as
 * Excel passes them (a range as a 2-D array with null for empty cells, a scalar as itself, an omitted optional
 * argument as null), and the result goes back as Excel shows it (a scalar, a spilled 2-D array, or a cell error
 * carrying the CustomFunctions.Error message).
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
    // A thrown CustomFunctions.Error shows its own code in Excel (#N/A stays #N/A); anything else is #VALUE!.
    if (isCustomFunctionError(thrown)) return { error: toResult(thrown) as CellError };
    return { error: new CellError(ErrorType.VALUE, thrown instanceof Error ? thrown.message : String(thrown)) };
  }
}

type Address = { sheet: number; row: number; col: number };

/**
 * Told the cell count of each prediction (so spilling formulas can be re-entered after edits and re-sized), and
 * told `null` when a result no longer fits its predicted size (so that formula is re-entered once).
 */
export type SpillObserver = (address: Address, cells: number | null) => void;

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
): { plugin: FunctionPluginDefinition; names: string[] } {
  const byName = new Map([...functions].map(([id, fn]) => [`${namespace}.${id}`.toUpperCase(), fn] as const));
  const predicted = new Map<string, { width: number; height: number }>();
  class CustomFunctionsPlugin extends FunctionPlugin {
    static override implementedFunctions = Object.fromEntries(
      [...byName.keys()].map((name) => [
        name,
        { method: "run", sizeOfResultArrayMethod: "size", vectorizationForbidden: true, parameters: [] },
      ]),
    );

    run(ast: Ast & { procedureName: string }, state: State & { formulaAddress: Address }): Internal {
      const outcome = call(this, byName.get(ast.procedureName)!, ast, state);
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
        const outcome = call(this, byName.get(ast.procedureName)!, ast, state);
        const value = "value" in outcome ? outcome.value : null;
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
  return { plugin: CustomFunctionsPlugin as unknown as FunctionPluginDefinition, names: [...byName.keys()] };
}
