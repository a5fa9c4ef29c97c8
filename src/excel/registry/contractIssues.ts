/**
 * Which registry problems make which contracts' amounts untrustworthy: a contract's functions answer with its first
 * problem until it is fixed. A problem with a whole registry table (a renamed required header) concerns every
 * contract that table speaks for, and comes first: it is the cause, and what follows from it (a carve-out naming a
 * contract the unreadable registry "lacks") would point the user the wrong way.
 */
import { registryKey } from "../../engine";
import { withoutControlCharacters } from "../../formats/cmsPfs";
import type { RegistryIssue } from "./issues";

/**
 * The registry key of a contract name as a cell holds it, or null for a blank or odd cell. Control characters are
 * left out: a row refused for a pasted NUL ("Summit Medicare Advantage\u0000") is the row of the contract the user
 * sees, and its problem must reach that contract's formulas.
 */
export function contractKeyOfCell(cell: unknown): string | null {
  if (typeof cell !== "string" && typeof cell !== "number") return null;
  return registryKey(withoutControlCharacters(String(cell)));
}

/** The problems of a contract, looked up by the registry key of its name. */
export interface ContractIssueIndex {
  /** The contract's problems, table-wide ones first; undefined when it has none. */
  get(contractKey: string): readonly RegistryIssue[] | undefined;
}

/** Collects problems by contract while the registry is built; read through {@link ContractIssueIndex}. */
export class ContractIssues implements ContractIssueIndex {
  private readonly byContract = new Map<string, RegistryIssue[]>();
  private readonly everyContract: RegistryIssue[] = [];

  /** A problem of the contract named `contractName` (a cell as read: nothing is recorded for a blank or odd one). */
  add(contractName: unknown, issue: RegistryIssue): void {
    const key = contractKeyOfCell(contractName);
    if (key === null) return;
    this.byContract.set(key, [...(this.byContract.get(key) ?? []), issue]);
  }

  /** A problem of every contract, named or not (PayerContracts or ContractCarveOuts cannot be read). */
  addForEvery(issue: RegistryIssue): void {
    this.everyContract.push(issue);
  }

  get(contractKey: string): readonly RegistryIssue[] | undefined {
    const own = this.byContract.get(contractKey);
    if (this.everyContract.length === 0) return own;
    return [...this.everyContract, ...(own ?? [])];
  }
}
