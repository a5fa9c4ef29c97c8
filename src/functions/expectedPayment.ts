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
import { CONTRACT_LINE_ARGUMENTS, lineReaders, readLineFields, type LineFields } from "./claimLineArgs";
import { argumentIssueError, customFunctionError, engineIssueError } from "./errors";
import { rowIssues, type ArgValues, type ReadArguments } from "./excelArgs";

/** The arguments of `PAYER.EXPECTED_PAYMENT` in Excel order; the metadata test checks declarations.ts against them. */
export const EXPECTED_PAYMENT_ARGUMENTS = CONTRACT_LINE_ARGUMENTS;

type ContractLineValues = ArgValues<typeof CONTRACT_LINE_ARGUMENTS>;

/** A line ready to price: its contract name as written and its fields. */
export interface ContractLineInput extends LineFields {
  readonly contractName: string;
}

/**
 * Reads every line of the arguments: the line, or the error that answers it (a missing contract, a problem in the
 * registry rows of its contract, which must be fixed before its amounts can be trusted, a cell refused by its
 * checks, or a bad cell).
 */
export function readContractLines(
  snapshot: RegistrySnapshot,
  read: ReadArguments<typeof CONTRACT_LINE_ARGUMENTS>,
): (ContractLineInput | CustomFunctions.Error)[] {
  const values: ContractLineValues = read.values;
  const readers = lineReaders(rowIssues(CONTRACT_LINE_ARGUMENTS, read));
  const blocked = new Map<string, CustomFunctions.Error | null>();
  const out: (ContractLineInput | CustomFunctions.Error)[] = [];
  for (let i = 0; i < read.rows; i++) {
    const contract = values.contract[i];
    if (isBlankCell(contract)) {
      out.push(
        argumentIssueError({
          code: "argumentMissing",
          argument: "contract",
          description: CONTRACT_LINE_ARGUMENTS.contract.description,
        }),
      );
      continue;
    }
    const contractName = String(contract).trim();
    const key = registryKey(contractName);
    let blocker = blocked.get(key);
    if (blocker === undefined) {
      const issue = snapshot.issuesByContract.get(key)?.[0];
      blocker =
        issue === undefined ? null : customFunctionError(registryIssueExcelError(issue), registryIssueMessage(issue));
      blocked.set(key, blocker);
    }
    if (blocker !== null) {
      out.push(blocker);
      continue;
    }
    const fields = readLineFields(readers, values, i);
    if (!fields.ok) {
      out.push(fields.issue);
      continue;
    }
    // An anesthesia line's units are its minutes: blank would be priced as 1 minute.
    const { hcpcsCode } = fields.value;
    if (isAnesthesiaCode(hcpcsCode) && isBlankCell(values.units?.[i])) {
      out.push(engineIssueError({ code: "anesthesiaMinutesRequired", hcpcsCode }));
      continue;
    }
    out.push({ contractName, ...fields.value });
  }
  return out;
}

/** Prices the lines in one batch: expected allowed amounts in dollars, or each line's error. */
export function expectedPayments(
  snapshot: RegistrySnapshot,
  read: ReadArguments<typeof CONTRACT_LINE_ARGUMENTS>,
): (number | CustomFunctions.Error)[] {
  const lines = readContractLines(snapshot, read);
  const positions: number[] = [];
  const contractName: string[] = [];
  const hcpcsCode: HcpcsCode[] = [];
  const serviceDate: IsoDate[] = [];
  const modifiers: (readonly Modifier[])[] = [];
  const units: number[] = [];
  const chargeAmount: (number | null)[] = [];
  const setting: CareSetting[] = [];
  lines.forEach((line, i) => {
    if (line instanceof CustomFunctions.Error) return;
    positions.push(i);
    contractName.push(line.contractName);
    hcpcsCode.push(line.hcpcsCode);
    serviceDate.push(line.serviceDate);
    modifiers.push(line.modifiers);
    units.push(line.units);
    chargeAmount.push(line.chargeAmount);
    setting.push(line.setting);
  });
  const priced = priceLines(snapshot.registry, {
    contractName,
    hcpcsCode,
    serviceDate,
    modifiers,
    units,
    chargeAmount,
    setting,
  });
  const results: (number | CustomFunctions.Error)[] = lines.map((line) =>
    line instanceof CustomFunctions.Error ? line : NaN,
  );
  positions.forEach((position, k) => {
    const issue = priced.issues.get(k);
    results[position] = issue === undefined ? priced.allowedAmount[k]! / 100 : engineIssueError(issue);
  });
  return results;
}

/**
 * `PAYER.EXPECTED_PAYMENT` for Excel arguments (contract, code, modifiers, units, billed, service_date,
 * place_of_service): a column of dollar amounts (one per line; a single line gives one cell), or the error of a single
 * line; a Promise only before the registry's first load.
 */
export const expectedPaymentResult = perLineFunction(EXPECTED_PAYMENT_ARGUMENTS, expectedPayments);
