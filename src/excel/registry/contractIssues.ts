/**
 * Which registry problems make which contracts' amounts untrustworthy: a contract's functions answer with its first
 * problem until it is fixed. A problem with a whole registry table (a renamed required header) concerns every
 * contract that table speaks for, and comes first: it is the cause, and what follows from it (a carve-out naming a
 * contract the unreadable registry "lacks") would point the user the wrong way.
 */
import { registryKey } from "../../engine";
import type { RegistryIssue } from "./issues";

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
    if (typeof contractName !== "string" && typeof contractName !== "number") return;
    const key = registryKey(String(contractName));
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
