/**
 * The PAYER functions as Excel calls them, derived from the registry: each adapter's answer handed over the way
 * Excel takes it, and associated under the entry's id.
 */
import { valueOrThrow } from "./errors";
import type { PayerFunction, ResultShape } from "./registry";

/** What Excel receives from a function of each result shape. */
interface ExcelResults {
  readonly number: number;
  readonly range: unknown[][];
}

/** A PAYER function as Excel calls it. */
export type ExcelFunction<R extends ResultShape = ResultShape> = (...args: unknown[]) => ExcelResults[R];

/** The functions of a registry as Excel calls them, by id. */
export type ExcelFunctions<F extends readonly PayerFunction[]> = {
  readonly [E in F[number] as E["id"]]: ExcelFunction<E["result"]>;
};

/**
 * A result as Excel takes it: a single-cell error thrown (Excel shows a thrown error's message), or before the
 * registry's first load a Promise of the result. Excel accepts a Promise from any function; the declared result type
 * stays a matrix so the metadata says "spills".
 */
function settle(result: unknown): unknown {
  if (result instanceof Promise) {
    const settled = result.then(valueOrThrow);
    // Excel handles the rejection; hosts that ignore a returned Promise (the simulator) must not crash on it.
    settled.catch(() => undefined);
    return settled;
  }
  return valueOrThrow(result);
}

/** A registry entry as Excel calls it. */
function excelFunction(entry: PayerFunction): ExcelFunction {
  return (...args) => settle(entry.implementation(...args)) as ExcelResults[ResultShape];
}

/**
 * Associates every function of a registry under its id (`CustomFunctions.associate` at load, as Excel requires) and
 * returns them by id. Two entries with one id are a bug in the registry, refused here.
 */
export function associatePayerFunctions<F extends readonly PayerFunction[]>(
  functions: F,
  associate: (id: string, implementation: ExcelFunction) => void,
): ExcelFunctions<F> {
  const byId = new Map<string, ExcelFunction>();
  for (const entry of functions) {
    if (byId.has(entry.id)) throw new Error(`PAYER.${entry.id} has two entries in the function registry.`);
    const implementation = excelFunction(entry);
    byId.set(entry.id, implementation);
    associate(entry.id, implementation);
  }
  return Object.fromEntries(byId) as ExcelFunctions<F>;
}
