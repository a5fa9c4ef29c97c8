/**
 * Errors shaped like Office's `OfficeExtension.Error`: `code`, `message`, `debugInfo` (with `errorLocation`),
 * so add-in code that inspects them behaves the same against the simulator as against Excel.
 */

/** The error codes the simulator raises, with Excel's string values (`Excel.ErrorCodes`). */
export const ErrorCodes = {
  accessDenied: "AccessDenied",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
  invalidReference: "InvalidReference",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  propertyNotLoaded: "PropertyNotLoaded",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  runMustReturnPromise: "RunMustReturnPromise",
  notImplemented: "NotImplemented",
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** The `debugInfo` of an OfficeExtension.Error. */
export interface DebugInfo {
  readonly code: string;
  readonly message: string;
  readonly errorLocation?: string;
}

/** Mirrors `OfficeExtension.Error`. */
export class SimulatorError extends Error {
  readonly code: ErrorCode;
  readonly debugInfo: DebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;

  constructor(code: ErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }

  /** The same error, reported at a command's location (as Excel's debugInfo.errorLocation does). */
  at(errorLocation: string): SimulatorError {
    return this.debugInfo.errorLocation === undefined
      ? new SimulatorError(this.code, this.message, errorLocation)
      : this;
  }
}

/** The error Office raises, on the client, when a property is read before `load` + `sync`. */
export function propertyNotLoaded(property: string): SimulatorError {
  return new SimulatorError(
    ErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on ` +
      `the containing object and call "context.sync()" on the associated request context.`,
  );
}

export const itemNotFound = (what: string): SimulatorError =>
  new SimulatorError(ErrorCodes.itemNotFound, `The requested resource doesn't exist. (${what})`);

export const invalidArgument = (why: string): SimulatorError =>
  new SimulatorError(
    ErrorCodes.invalidArgument,
    `The argument is invalid or missing or has an incorrect format. (${why})`,
  );

export const invalidOperation = (why: string): SimulatorError =>
  new SimulatorError(ErrorCodes.invalidOperation, `The operation is invalid. (${why})`);

export const itemAlreadyExists = (what: string): SimulatorError =>
  new SimulatorError(ErrorCodes.itemAlreadyExists, `The resource already exists. (${what})`);
