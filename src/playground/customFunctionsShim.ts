/**
 * The `CustomFunctions` global that Excel provides to a custom-functions runtime, for hosts without Excel
 * (the playground and jest). Our functions module calls `CustomFunctions.associate(id, fn)` at load and
 * returns `new CustomFunctions.Error(code, message)` for errors, exactly as it does inside Excel; this shim
 * records the associations so the workbook simulator can register the same functions into its formula engine.
 */

/** Excel's custom-function error codes, with the same string values Excel uses. */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Mirrors `CustomFunctions.Error`: an error value a function returns (or puts in a spilled array). */
export class CustomFunctionError extends Error {
  readonly code: ErrorCodeValue;
  constructor(code: ErrorCodeValue, message?: string) {
    super(message ?? "");
    this.name = "CustomFunctions.Error";
    this.code = code;
  }
}

export type CustomFunctionImplementation = (...args: unknown[]) => unknown;

/** Functions associated so far, by id (without the `PAYER.` namespace), in association order. */
export type CustomFunctionTable = ReadonlyMap<string, CustomFunctionImplementation>;

const associated = new Map<string, CustomFunctionImplementation>();

/** Installs `globalThis.CustomFunctions` unless a real one (inside Excel) is present. Idempotent. */
export function installCustomFunctionsShim(): CustomFunctionTable {
  const global = globalThis as unknown as { CustomFunctions?: unknown };
  if (global.CustomFunctions === undefined) {
    global.CustomFunctions = {
      Error: CustomFunctionError,
      ErrorCode,
      associate(id: string | Record<string, CustomFunctionImplementation>, fn?: CustomFunctionImplementation) {
        if (typeof id === "string") {
          if (fn === undefined) throw new Error(`CustomFunctions.associate("${id}") needs a function`);
          associated.set(id.toUpperCase(), fn);
        } else {
          for (const [key, value] of Object.entries(id)) associated.set(key.toUpperCase(), value);
        }
      },
    };
  }
  return associated;
}

/** True for an error value returned by a custom function (shim or real `CustomFunctions.Error`). */
export function isCustomFunctionError(value: unknown): value is { code: string; message: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string" &&
    String((value as { code: string }).code).startsWith("#")
  );
}
