/**
 * The one place where an expected failure becomes an Excel error value (STYLE.md "two error channels"):
 * `#VALUE!` for input the user can fix, `#N/A` when no answer exists, always with the message that says what to fix.
 * ARCHITECTURE.md section 4 uses only these two codes; Excel shows custom messages only on some error codes.
 */
import type { DenialIssue } from "../engine";
import { denialIssueExcelError, denialIssueMessage } from "../engine";
import { kpiIssueExcelError, kpiIssueMessage, type KpiIssue } from "../engine";
import { issueExcelError, issueMessage, type EngineIssue, type ExcelErrorKind } from "../engine";
import { argumentIssueMessage, type ArgumentIssue } from "./argumentIssues";
import { hospitalIssueExcelError, hospitalIssueMessage, type HospitalFunctionIssue } from "./hospitalIssues";

/** Excel's error code of each kind, read from the global when an error is made (Excel's, or the shim's). */
const ERROR_CODES = {
  "#VALUE!": () => CustomFunctions.ErrorCode.invalidValue,
  "#N/A": () => CustomFunctions.ErrorCode.notAvailable,
  "#DIV/0!": () => CustomFunctions.ErrorCode.divisionByZero,
} satisfies Record<ExcelErrorKind, () => CustomFunctions.ErrorCode>;

/** A `CustomFunctions.Error` of the given kind; uses the global Excel provides (or the playground shim). */
export function customFunctionError(kind: ExcelErrorKind, message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(ERROR_CODES[kind](), message);
}

/** The Excel error of a payment accuracy or days-to-pay issue, from the KPI issue catalogue. */
export function kpiIssueError(issue: KpiIssue): CustomFunctions.Error {
  return customFunctionError(kpiIssueExcelError(issue), kpiIssueMessage(issue));
}

/** `#VALUE!` for arguments of the wrong shape, a missing required argument or an unknown choice. */
export function argumentIssueError(issue: ArgumentIssue): CustomFunctions.Error {
  return customFunctionError("#VALUE!", argumentIssueMessage(issue));
}

/** The Excel error of a denial-rate issue, from the denial issue catalogue. */
export function denialIssueError(issue: DenialIssue): CustomFunctions.Error {
  return customFunctionError(denialIssueExcelError(issue), denialIssueMessage(issue));
}

/** The Excel error of a pricing engine issue, from the engine issue catalogue. */
export function engineIssueError(issue: EngineIssue): CustomFunctions.Error {
  return customFunctionError(issueExcelError(issue), issueMessage(issue));
}

/** The Excel error of a hospital function's line issue, from its catalogue. */
export function hospitalIssueError(issue: HospitalFunctionIssue): CustomFunctions.Error {
  return customFunctionError(hospitalIssueExcelError(issue), hospitalIssueMessage(issue));
}

/** True for a `CustomFunctions.Error` (or the shim's), however it was constructed. */
export function isCustomFunctionsError(value: unknown): value is CustomFunctions.Error {
  return value instanceof CustomFunctions.Error;
}

/**
 * Returns a scalar result or throws its error: Excel documents throwing `CustomFunctions.Error` as the way a function
 * with a single-cell result reports one (spilled results put error values in their cells instead).
 */
export function valueOrThrow<T>(result: T | CustomFunctions.Error): T {
  if (isCustomFunctionsError(result)) throw result;
  return result;
}
