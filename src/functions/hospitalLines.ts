/**
 * What the hospital functions (PAYER.INPATIENT_PAYMENT, PAYER.OUTPATIENT_PAYMENT) read alike: the contract cell (its
 * registry problems on the function's side first), its terms version on a date, and the date and dollar cells, each
 * read as the other PAYER functions read them (the cell-value vocabulary) and memoised per call.
 */
import { findHospitalTerms, isBlankCell, readCents, readDateCell, registryKey } from "../engine";
import { fail, ok, type Result } from "../engine";
import type { Cents, HospitalRegistry, HospitalTermsVersion, IsoDate } from "../engine";
import { registryIssueExcelError, registryIssueMessage, type RegistrySnapshot } from "../excel/registry";
import { argumentIssueError, customFunctionError, engineIssueError, hospitalIssueError } from "./errors";
import type { HospitalSide } from "./hospitalIssues";

/** A contract cell as read: its name, or the error that answers every line of it. */
export type ContractCell = Result<string, CustomFunctions.Error>;

const NO_HOSPITAL: HospitalRegistry = {
  inpatientByName: new Map(),
  outpatientByName: new Map(),
  drgTables: [],
  oppsTables: [],
};

/** Where each side's contract problems are indexed. */
const ISSUES_OF_SIDE = {
  inpatient: (snapshot) => snapshot.inpatientIssuesByContract,
  outpatient: (snapshot) => snapshot.outpatientIssuesByContract,
} as const satisfies Record<HospitalSide, (snapshot: RegistrySnapshot) => RegistrySnapshot["issuesByContract"]>;

/** The registry's hospital side (empty when the workbook has no hospital table). */
export const hospitalOf = (snapshot: RegistrySnapshot): HospitalRegistry => snapshot.registry.hospital ?? NO_HOSPITAL;

/**
 * A reader of contract cells for one call, each distinct cell read once: blank is a missing argument, and a contract
 * whose hospital rows of `side` have a problem answers with it until it is fixed.
 */
export function contractReader(
  snapshot: RegistrySnapshot,
  side: HospitalSide,
  description: string,
): (cell: unknown) => ContractCell {
  const index = ISSUES_OF_SIDE[side](snapshot);
  const readCell = (cell: unknown): ContractCell => {
    if (isBlankCell(cell))
      return fail(argumentIssueError({ code: "argumentMissing", argument: "contract", description }));
    const contractName = String(cell).trim();
    const issue = index.get(registryKey(contractName))?.[0];
    if (issue === undefined) return ok(contractName);
    return fail(customFunctionError(registryIssueExcelError(issue), registryIssueMessage(issue)));
  };
  const seen = new Map<unknown, ContractCell>();
  return (cell) => {
    let read = seen.get(cell);
    if (read === undefined) {
      read = readCell(cell);
      seen.set(cell, read);
    }
    return read;
  };
}

/**
 * The terms version of a contract in effect on a date: the contract must be in PayerContracts, have terms of the
 * side's table, and a version covering the date.
 */
export function termsOn<V extends HospitalTermsVersion<unknown>>(
  snapshot: RegistrySnapshot,
  byName: ReadonlyMap<string, readonly V[]>,
  side: HospitalSide,
  contractName: string,
  date: IsoDate,
): Result<V, CustomFunctions.Error> {
  const found = findHospitalTerms(byName, contractName, date);
  if (found !== undefined) return found.ok ? found : fail(engineIssueError(found.issue));
  if (!snapshot.registry.versionsByName.has(registryKey(contractName)))
    return fail(engineIssueError({ code: "contractNotFound", contractName, knownNames: snapshot.registry.contractNames })); // prettier-ignore
  return fail(hospitalIssueError({ code: "hospitalTermsMissing", contractName, side }));
}

/** A date cell that must be given: blank is named with its argument and row. */
export function requiredDate(
  argument: string,
  expected: string,
): (cell: unknown, row: number) => Result<IsoDate, CustomFunctions.Error> {
  const seen = new Map<unknown, Result<IsoDate, CustomFunctions.Error>>();
  return (cell, row) => {
    if (isBlankCell(cell)) return fail(hospitalIssueError({ code: "cellEmpty", argument, row, expected }));
    let read = seen.get(cell);
    if (read === undefined) {
      const date = readDateCell(cell);
      read = date.ok ? date : fail(engineIssueError(date.issue));
      seen.set(cell, read);
    }
    return read;
  };
}

/** A dollar cell of zero or more (a charge); blank reads as null. */
export function readDollarCell(
  argument: string,
  description: string,
  cell: unknown,
): Result<Cents | null, CustomFunctions.Error> {
  const cents = readCents(cell, { sign: "zeroOrMore" });
  if (cents === "blank") return ok(null);
  if (typeof cents === "string")
    return fail(argumentIssueError({ code: "notANumber", argument, value: String(cell), description }));
  return ok(cents);
}
