/**
 * `PAYER.INPATIENT_PAYMENT` (issue 14): the expected payment of inpatient stays under hospital contracts, from the
 * arguments declared once in {@link INPATIENT_PAYMENT_ARGUMENTS}. Each stay is priced by the engine
 * (`priceInpatientStay`) under the contract's InpatientTerms version in effect on its discharge date, with the
 * workbook's MS-DRG weights (MsDrgWeights). A single stay gives one cell; columns give one amount per row. Dollars
 * out: cents / 100 at this boundary only.
 */
import { isBlankCell, parseDischargeStatus, parseMsDrg, priceInpatientStay, readQuantity } from "../engine";
import { fail, ok, type Result } from "../engine";
import type { InpatientStay } from "../engine";
import type { RegistrySnapshot } from "../excel/registry";
import { perLineFunction } from "./adapters";
import { ARGUMENT_LIMITS } from "./argumentLimits";
import { argumentIssueError, engineIssueError, hospitalIssueError } from "./errors";
import { rowIssues, type ArgSpecTable, type ReadArguments } from "./excelArgs";
import { contractReader, hospitalOf, readDollarCell, requiredDate, termsOn } from "./hospitalLines";

/** The arguments of `PAYER.INPATIENT_PAYMENT` in Excel order; the metadata test checks declarations.ts against them. */
export const INPATIENT_PAYMENT_ARGUMENTS = {
  contract: {
    kind: "column",
    optional: false,
    description: "a contract name from the PayerContracts table, with its terms in InpatientTerms.",
  },
  drg: { kind: "column", optional: false, description: "the MS-DRG of the stay, like 470 (39 reads as 039)." },
  admit_date: { kind: "column", optional: false, description: "the admission date." },
  discharge_date: {
    kind: "column",
    optional: false,
    description: "the discharge date: it chooses the contract version and the fiscal year of the MS-DRG weights.",
  },
  total_charges: {
    kind: "column",
    optional: false,
    description: "the stay's total charges in dollars, zero or more.",
    limit: ARGUMENT_LIMITS.stayCharges,
  },
  discharge_status: {
    kind: "column",
    optional: true,
    description: "the 2-digit UB-04 patient discharge status like 01 or 02; blank = a discharge, not a transfer.",
  },
  covered_days: {
    kind: "column",
    optional: true,
    description: "the covered days (UB-04 value code 80); blank = the days from admission to discharge.",
    limit: ARGUMENT_LIMITS.coveredDays,
  },
} as const satisfies ArgSpecTable;

type Read = ReadArguments<typeof INPATIENT_PAYMENT_ARGUMENTS>;
type Answer = number | CustomFunctions.Error;

const engineRead = <T>(result: Result<T>): Result<T, CustomFunctions.Error> =>
  result.ok ? result : fail(engineIssueError(result.issue));

/** Reads a stay's cells at row `i` (0-based) into the engine's stay, or the error of its first bad cell. */
function stayReader(read: Read) {
  const { values } = read;
  const admit = requiredDate("admit_date", "the admission date, like 2025-03-01");
  const discharge = requiredDate("discharge_date", "the discharge date, like 2025-03-06");
  return (i: number): Result<InpatientStay, CustomFunctions.Error> => {
    const drg = engineRead(parseMsDrg(values.drg[i]));
    if (!drg.ok) return drg;
    const admitDate = admit(values.admit_date[i], i + 1);
    if (!admitDate.ok) return admitDate;
    const dischargeDate = discharge(values.discharge_date[i], i + 1);
    if (!dischargeDate.ok) return dischargeDate;
    const charges = readDollarCell("total_charges", INPATIENT_PAYMENT_ARGUMENTS.total_charges.description, values.total_charges[i]); // prettier-ignore
    if (!charges.ok) return charges;
    if (charges.value === null)
      return fail(hospitalIssueError({ code: "cellEmpty", argument: "total_charges", row: i + 1, expected: "the stay's total charges in dollars" })); // prettier-ignore
    const statusCell = values.discharge_status?.[i];
    const status = isBlankCell(statusCell) ? ok(null) : engineRead(parseDischargeStatus(statusCell));
    if (!status.ok) return status;
    const days = readQuantity(values.covered_days?.[i] ?? null);
    if (days === "malformed")
      return fail(engineIssueError({ code: "coveredDaysInvalid", value: String(values.covered_days?.[i]) }));
    return ok({
      drg: drg.value,
      admitDate: admitDate.value,
      dischargeDate: dischargeDate.value,
      totalCharges: charges.value,
      dischargeStatus: status.value,
      coveredDays: days === "blank" ? null : days,
      // The function takes no revenue lines: a per diem contract of several levels cannot be priced from it.
      revenueLines: [],
    });
  };
}

/** Each stay's expected payment in dollars, or the error that answers it. */
export function inpatientPayments(snapshot: RegistrySnapshot, read: Read): Answer[] {
  const hospital = hospitalOf(snapshot);
  const refused = rowIssues(INPATIENT_PAYMENT_ARGUMENTS, read);
  const contractOf = contractReader(snapshot, "inpatient", INPATIENT_PAYMENT_ARGUMENTS.contract.description);
  const stayAt = stayReader(read);
  const answers: Answer[] = new Array(read.rows);
  for (let i = 0; i < read.rows; i++) {
    const refusal = refused.get(i);
    if (refusal !== undefined) {
      answers[i] = argumentIssueError(refusal);
      continue;
    }
    const contract = contractOf(read.values.contract[i]);
    if (!contract.ok) {
      answers[i] = contract.issue;
      continue;
    }
    const stay = stayAt(i);
    if (!stay.ok) {
      answers[i] = stay.issue;
      continue;
    }
    const version = termsOn(snapshot, hospital.inpatientByName, "inpatient", contract.value, stay.value.dischargeDate);
    if (!version.ok) {
      answers[i] = version.issue;
      continue;
    }
    const priced = priceInpatientStay(stay.value, version.value.terms, hospital.drgTables);
    if (priced.ok) answers[i] = priced.value.amount / 100;
    else if (priced.issue.code === "perDiemLevelOfCareMissing")
      // Without revenue lines the engine meets several levels: say what this function cannot take.
      answers[i] = hospitalIssueError({ code: "perDiemNeedsRevenueLines", contractName: priced.issue.contractName, levels: priced.issue.levels }); // prettier-ignore
    else answers[i] = engineIssueError(priced.issue);
  }
  return answers;
}

/**
 * `PAYER.INPATIENT_PAYMENT` for Excel arguments (contract, drg, admit_date, discharge_date, total_charges,
 * [discharge_status], [covered_days]): a column of dollar amounts, one per stay, or the error of a single stay.
 */
export const inpatientPaymentResult = perLineFunction(INPATIENT_PAYMENT_ARGUMENTS, inpatientPayments);
