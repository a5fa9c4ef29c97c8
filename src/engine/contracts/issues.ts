import type { EntriesByCode } from "../catalogue";
import type { IssueEntry } from "../issues";

/**
 * Expected failures of fee schedules, the contract registry and contract pricing, as values. They are part of
 * {@link EngineIssue}: the adapter and the task pane word them from the one catalogue. Row numbers are the rows of
 * the workbook table they concern (registry, carve-outs, fee schedule).
 */
export type ContractIssue =
  | {
      readonly code: "feeScheduleDuplicateRow";
      readonly scheduleName: string;
      readonly hcpcsCode: string;
      readonly modifier: string | null;
      readonly firstRowNumber: number;
      readonly secondRowNumber: number;
    }
  | { readonly code: "feeScheduleRowWithoutRate"; readonly scheduleName: string; readonly rowNumber: number }
  | { readonly code: "feeScheduleRowDatesReversed"; readonly scheduleName: string; readonly rowNumber: number }
  | { readonly code: "feeScheduleNotFound"; readonly contractName: string; readonly scheduleName: string }
  | { readonly code: "multipleProcedureRuleUnknown"; readonly value: string; readonly allowed: readonly string[] }
  | { readonly code: "contractVersionDatesReversed"; readonly contractName: string; readonly rowNumber: number }
  | {
      readonly code: "contractVersionsOverlap";
      readonly contractName: string;
      readonly firstRowNumber: number;
      readonly secondRowNumber: number;
    }
  | { readonly code: "carveOutContractUnknown"; readonly contractName: string; readonly rowNumber: number }
  | {
      readonly code: "carveOutRangeInvalid";
      readonly contractName: string;
      readonly rowNumber: number;
      readonly from: string;
      readonly to: string;
    }
  | { readonly code: "modifierPolicyContractUnknown"; readonly contractName: string; readonly rowNumber: number }
  | {
      readonly code: "modifierPolicyDuplicate";
      readonly contractName: string;
      readonly modifier: string;
      readonly firstRowNumber: number;
      readonly secondRowNumber: number;
    }
  | { readonly code: "contractNotFound"; readonly contractName: string; readonly knownNames: readonly string[] }
  | {
      readonly code: "contractVersionNotInEffect";
      readonly contractName: string;
      readonly serviceDate: string;
      readonly periods: readonly string[];
    }
  | { readonly code: "contractMedicareScheduleMissing"; readonly contractName: string }
  | {
      readonly code: "medicareScheduleNotCurrent";
      readonly contractName: string;
      readonly serviceDate: string;
      readonly candidates: readonly string[];
    }
  | {
      readonly code: "medicareScheduleNotFound";
      readonly contractName: string;
      readonly scheduleName: string;
      readonly knownNames: readonly string[];
    }
  | {
      readonly code: "contractIndicatorsMissing";
      readonly contractName: string;
      readonly hcpcsCode: string;
      readonly modifiers: readonly string[];
      readonly scheduleName: string;
    }
  | {
      readonly code: "contractCodeNotCovered";
      readonly contractName: string;
      readonly hcpcsCode: string;
      readonly modifiers: readonly string[];
      readonly scheduleName: string;
    }
  /** A professional line priced under a contract whose Method says it has no professional terms. */
  | { readonly code: "contractHasNoProfessionalTerms"; readonly contractName: string; readonly rowNumber: number }
  | { readonly code: "unitsInvalid"; readonly value: string }
  | { readonly code: "chargeAmountRequired"; readonly contractName: string; readonly basis: string };

/** The code of a contract issue. */
export type ContractIssueCode = ContractIssue["code"];

const list = (names: readonly string[], none: string): string => (names.length > 0 ? names.join(", ") : none);

/** Messages of {@link ContractIssue}: `#VALUE!` for data the user must correct, `#N/A` where no amount exists. */
export const CONTRACT_ISSUE_CATALOGUE: EntriesByCode<ContractIssue, IssueEntry> = {
  feeScheduleDuplicateRow: {
    excelError: "#VALUE!",
    message: (i) =>
      `Fee schedule ${i.scheduleName} has two different rates for ${i.hcpcsCode}${i.modifier ? ` ${i.modifier}` : ""} on the same dates (rows ${i.firstRowNumber} and ${i.secondRowNumber}): delete one or make their dates not overlap.`,
  },
  feeScheduleRowWithoutRate: {
    excelError: "#VALUE!",
    message: (i) =>
      `Fee schedule ${i.scheduleName} row ${i.rowNumber} has no rate: enter a non-facility or facility rate.`,
  },
  feeScheduleRowDatesReversed: {
    excelError: "#VALUE!",
    message: (i) =>
      `Fee schedule ${i.scheduleName} row ${i.rowNumber} ends before it starts: check its effective start and end dates.`,
  },
  feeScheduleNotFound: {
    excelError: "#N/A",
    message: (i) =>
      `Contract "${i.contractName}" uses fee schedule ${i.scheduleName}, which is not in the workbook: add the table or correct the name.`,
  },
  multipleProcedureRuleUnknown: {
    excelError: "#VALUE!",
    message: (i) => `"${i.value}" is not a multiple procedure rule: expected ${i.allowed.join(" or ")}.`,
  },
  contractVersionDatesReversed: {
    excelError: "#VALUE!",
    message: (i) =>
      `Contract "${i.contractName}" (registry row ${i.rowNumber}) ends before it starts: check its effective dates.`,
  },
  contractVersionsOverlap: {
    excelError: "#VALUE!",
    message: (i) =>
      `Contract "${i.contractName}" has two versions in effect on the same days (registry rows ${i.firstRowNumber} and ${i.secondRowNumber}): end one before the next starts.`,
  },
  carveOutContractUnknown: {
    excelError: "#VALUE!",
    message: (i) =>
      `Carve-out row ${i.rowNumber} names contract "${i.contractName}", which is not in the contract registry.`,
  },
  carveOutRangeInvalid: {
    excelError: "#VALUE!",
    message: (i) =>
      `Carve-out row ${i.rowNumber} of "${i.contractName}" runs from ${i.from} to ${i.to}: a range needs two codes of the same kind (e.g. J0120 to J9999), the lower one first.`,
  },
  modifierPolicyContractUnknown: {
    excelError: "#VALUE!",
    message: (i) =>
      `Modifier policy row ${i.rowNumber} names contract "${i.contractName}", which is not in the contract registry.`,
  },
  modifierPolicyDuplicate: {
    excelError: "#VALUE!",
    message: (i) =>
      `Contract "${i.contractName}" states modifier ${i.modifier} twice (modifier policy rows ${i.firstRowNumber} and ${i.secondRowNumber}): the first row is used; delete one.`,
  },
  contractNotFound: {
    excelError: "#N/A",
    message: (i) =>
      `There is no contract named "${i.contractName}". Known contracts: ${list(i.knownNames, "none (add rows to the PayerContracts table)")}.`,
  },
  contractVersionNotInEffect: {
    excelError: "#N/A",
    message: (i) =>
      `No version of contract "${i.contractName}" is in effect on ${i.serviceDate}; its versions cover ${i.periods.join(", ")}.`,
  },
  contractMedicareScheduleMissing: {
    excelError: "#VALUE!",
    message: (i) =>
      `Contract "${i.contractName}" needs a Medicare schedule for this line: enter a table name or "current" in its Medicare Schedule column.`,
  },
  medicareScheduleNotCurrent: {
    excelError: "#N/A",
    message: (i) =>
      i.candidates.length === 0
        ? `Contract "${i.contractName}" uses the current Medicare schedule, but no Medicare schedule in the workbook covers ${i.serviceDate}.`
        : `Contract "${i.contractName}" uses the current Medicare schedule, and several cover ${i.serviceDate} (${i.candidates.join(", ")}): name one in the contract.`,
  },
  medicareScheduleNotFound: {
    excelError: "#N/A",
    message: (i) =>
      `Contract "${i.contractName}" uses Medicare schedule ${i.scheduleName}, which is not in the workbook. Known: ${list(i.knownNames, "none")}.`,
  },
  contractIndicatorsMissing: {
    excelError: "#N/A",
    message: (i) =>
      `Contract "${i.contractName}": modifier ${i.modifiers.join(", ")} on ${i.hcpcsCode} needs the code's payment indicators, and ${i.scheduleName || "no Medicare schedule"} has no row for it.`,
  },
  contractCodeNotCovered: {
    excelError: "#N/A",
    message: (i) =>
      `Contract "${i.contractName}" has no rate for ${i.hcpcsCode}${i.modifiers.length > 0 ? ` ${i.modifiers.join(" ")}` : ""}: it is not on ${i.scheduleName || "its schedule"} and the contract has no default rule.`,
  },
  contractHasNoProfessionalTerms: {
    excelError: "#N/A",
    message: (i) =>
      `Contract "${i.contractName}" has no professional terms (Method None, registry row ${i.rowNumber}); it prices only hospital claims: use PAYER.INPATIENT_PAYMENT or PAYER.OUTPATIENT_PAYMENT, or give the contract a professional Method.`,
  },
  unitsInvalid: {
    excelError: "#VALUE!",
    message: (i) => `"${i.value}" is not a number of units: expected a positive number like 1 or 2.`,
  },
  chargeAmountRequired: {
    excelError: "#VALUE!",
    message: (i) => `Contract "${i.contractName}" prices this line as ${i.basis}: enter the billed charge.`,
  },
};
