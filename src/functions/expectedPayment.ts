/**
 * `PAYER.EXPECTED_PAYMENT` from Excel arguments to the engine and back: arguments declared once in
 * {@link EXPECTED_PAYMENT_ARGUMENTS}, each line read into engine types, the registry's problems for its contract
 * checked, and every good line priced in one `priceLines` batch (each distinct pricing key once), so one call over a
 * 10,000-row column costs far less than 10,000 calls. Dollars out: cents / 100 at this boundary only.
 */
import { priceLines } from "../engine";
import { isAnesthesiaCode, isBlankCell, registryKey } from "../engine";
import type { HcpcsCode } from "../engine";
import type { IsoDate } from "../engine";
import type { Modifier } from "../engine";
import type { CareSetting } from "../engine";
import { registryIssueExcelError, registryIssueMessage, type RegistrySnapshot } from "../excel/registry";
import { perLineFunction } from "./adapters";
import {
  CONTRACT_LINE_ARGUMENTS,
  lineReaders,
  newLineFieldsRecord,
  readLineFieldsInto,
  type LineFields,
} from "./claimLineArgs";
import { argumentIssueError, customFunctionError, engineIssueError } from "./errors";
import { rowIssues, type ArgValues, type ReadArguments } from "./excelArgs";

/** The arguments of `PAYER.EXPECTED_PAYMENT` in Excel order; the metadata test checks declarations.ts against them. */
export const EXPECTED_PAYMENT_ARGUMENTS = CONTRACT_LINE_ARGUMENTS;

type ContractLineValues = ArgValues<typeof CONTRACT_LINE_ARGUMENTS>;

/** A line ready to price: its contract name as written and its fields. */
export interface ContractLineInput extends LineFields {
  readonly contractName: string;
}

/** What a contract cell reads as, once per distinct cell: its name, or the error that answers its lines. */
type ContractCell = { readonly contractName: string } | { readonly error: CustomFunctions.Error };

/**
 * Visits every line of the arguments: `onLine` with the line, or `onError` with the error that answers it (a missing
 * contract, a problem in the registry rows of its contract, which must be fixed before its amounts can be trusted, a
 * cell refused by its checks, or a bad cell). Contract cells are read once per distinct value, as the other readers
 * are (a claims column repeats a few contracts over 100,000 rows). `onLine`'s fields are one record overwritten line
 * after line: copy what you keep.
 */
export function visitContractLines(
  snapshot: RegistrySnapshot,
  read: ReadArguments<typeof CONTRACT_LINE_ARGUMENTS>,
  onLine: (i: number, contractName: string, fields: LineFields) => void,
  onError: (i: number, error: CustomFunctions.Error) => void,
): void {
  const values: ContractLineValues = read.values;
  const readers = lineReaders(rowIssues(CONTRACT_LINE_ARGUMENTS, read));
  const contracts = new Map<unknown, ContractCell>();
  const contractOf = (cell: unknown): ContractCell => {
    if (isBlankCell(cell)) {
      const description = CONTRACT_LINE_ARGUMENTS.contract.description;
      return { error: argumentIssueError({ code: "argumentMissing", argument: "contract", description }) };
    }
    const contractName = String(cell).trim();
    const issue = snapshot.issuesByContract.get(registryKey(contractName))?.[0];
    return issue === undefined
      ? { contractName }
      : { error: customFunctionError(registryIssueExcelError(issue), registryIssueMessage(issue)) };
  };
  const fields = newLineFieldsRecord();
  for (let i = 0; i < read.rows; i++) {
    const cell = values.contract[i];
    let contract = contracts.get(cell);
    if (contract === undefined) {
      contract = contractOf(cell);
      contracts.set(cell, contract);
    }
    if ("error" in contract) {
      onError(i, contract.error);
      continue;
    }
    const error = readLineFieldsInto(readers, values, i, fields);
    if (error !== null) {
      onError(i, error);
      continue;
    }
    // An anesthesia line's units are its minutes: blank would be priced as 1 minute.
    const { hcpcsCode } = fields;
    if (isAnesthesiaCode(hcpcsCode) && isBlankCell(values.units?.[i])) {
      onError(i, engineIssueError({ code: "anesthesiaMinutesRequired", hcpcsCode }));
      continue;
    }
    onLine(i, contract.contractName, fields);
  }
}

/** Every line of the arguments ({@link visitContractLines}) as a value: the line, or the error that answers it. */
export function readContractLines(
  snapshot: RegistrySnapshot,
  read: ReadArguments<typeof CONTRACT_LINE_ARGUMENTS>,
): (ContractLineInput | CustomFunctions.Error)[] {
  const out: (ContractLineInput | CustomFunctions.Error)[] = new Array(read.rows);
  visitContractLines(
    snapshot,
    read,
    (i, contractName, fields) => (out[i] = { contractName, ...fields }),
    (i, error) => (out[i] = error),
  );
  return out;
}

/** Prices the lines in one batch: expected allowed amounts in dollars, or each line's error. */
export function expectedPayments(
  snapshot: RegistrySnapshot,
  read: ReadArguments<typeof CONTRACT_LINE_ARGUMENTS>,
): (number | CustomFunctions.Error)[] {
  const { rows } = read;
  const results: (number | CustomFunctions.Error)[] = new Array(rows);
  // The good lines go straight into the batch pricer's columns, without an object per line, each column allocated
  // once at its largest (issue 20: growing eight arrays line by line was a fifth of an adapter call).
  const positions = new Int32Array(rows);
  const contractName: string[] = new Array(rows);
  const hcpcsCode: HcpcsCode[] = new Array(rows);
  const serviceDate: IsoDate[] = new Array(rows);
  const modifiers: (readonly Modifier[])[] = new Array(rows);
  const units = new Float64Array(rows);
  const chargeAmount: (number | null)[] = new Array(rows);
  const setting: CareSetting[] = new Array(rows);
  let count = 0;
  visitContractLines(
    snapshot,
    read,
    (i, name, line) => {
      positions[count] = i;
      contractName[count] = name;
      hcpcsCode[count] = line.hcpcsCode;
      serviceDate[count] = line.serviceDate;
      modifiers[count] = line.modifiers;
      units[count] = line.units;
      chargeAmount[count] = line.chargeAmount;
      setting[count] = line.setting;
      count++;
    },
    (i, error) => (results[i] = error),
  );
  // The pricer reads as many lines as there are codes.
  hcpcsCode.length = count;
  const priced = priceLines(snapshot.registry, {
    contractName,
    hcpcsCode,
    serviceDate,
    modifiers,
    units,
    chargeAmount,
    setting,
  });
  for (let k = 0; k < count; k++) {
    const issue = priced.issues.get(k);
    results[positions[k]!] = issue === undefined ? priced.allowedAmount[k]! / 100 : engineIssueError(issue);
  }
  return results;
}

/**
 * `PAYER.EXPECTED_PAYMENT` for Excel arguments (contract, code, modifiers, units, billed, service_date,
 * place_of_service): a column of dollar amounts (one per line; a single line gives one cell), or the error of a single
 * line; a Promise only before the registry's first load.
 */
export const expectedPaymentResult = perLineFunction(EXPECTED_PAYMENT_ARGUMENTS, expectedPayments);
