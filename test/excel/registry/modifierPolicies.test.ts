/**
 * The ContractModifierPolicies table as users fill it in (issue 12 item 1): modifiers typed as numbers, percentages
 * as 120% or 1.2, a modifier no policy can change refused with the list of those that can, and a bad row blocking
 * its contract rather than leaving the contract to pay the modifier in full.
 */
import { priceLine } from "../../../src/engine";
import type { HcpcsCode, IsoDate, Modifier } from "../../../src/engine";
import { readRegistry, registryIssueMessage, type RegistrySnapshot } from "../../../src/excel/registry";
import { WorkbookSimulator, type CellInput, type WorkbookSnapshot } from "../../../src/playground/simulator";

const letter = (n: number) => String.fromCharCode(64 + n);
const table = (name: string, sheet: string, cells: CellInput[][]) => ({
  name: sheet,
  cells: cells.map((row) => [...row]),
  tables: [{ name, address: `A1:${letter(cells[0]!.length)}${cells.length}` }],
});

/** Acme PPO at its fee schedule FS_Test (99213 at 100.00), with the given policy rows. */
function workbook(policies: CellInput[][]): WorkbookSnapshot {
  return {
    sheets: [
      table("PayerContracts", "Contracts", [
        ["Contract Name", "Payer", "Effective Start Date", "Effective End Date", "Method", "Fee Schedule"],
        ["Acme PPO", "Acme", "2025-01-01", "2025-12-31", "Fee Schedule", "FS_Test"],
      ]),
      table("ContractModifierPolicies", "Modifier policies", [["Contract Name", "Modifier", "Percent", "Note"], ...policies]), // prettier-ignore
      table("FS_Test", "Fees", [["HCPCS Code", "Modifier", "Non-Facility Rate", "Facility Rate"], ["99213", null, 100, 80]]), // prettier-ignore
    ],
  };
}

const read = (snapshot: WorkbookSnapshot): Promise<RegistrySnapshot> =>
  readRegistry(new WorkbookSimulator(snapshot).excel);

const allowed = (snapshot: RegistrySnapshot, modifier: string) => {
  const price = priceLine(snapshot.registry, {
    contractName: "Acme PPO",
    hcpcsCode: "99213" as HcpcsCode,
    modifiers: [modifier as Modifier],
    serviceDate: "2025-06-01" as IsoDate,
  });
  return price.ok ? price.value.allowedAmount : price.issue.code;
};

describe("a contract's modifier policies read from the workbook", () => {
  it("reads a modifier typed as a number and a percentage typed as a fraction (22 at 1.2: 100.00 -> 120.00)", async () => {
    const snapshot = await read(workbook([["Acme PPO", 22, 1.2, "policy RP-017"]]));
    expect(snapshot.issues.map(registryIssueMessage)).toEqual([]);
    expect(allowed(snapshot, "22")).toBe(12000);
  });

  it('reads a modifier written in lower case with spaces (" as " at 85% of the rate: 85.00)', async () => {
    const snapshot = await read(workbook([["acme ppo", " as ", "85%", null]]));
    expect(snapshot.issues.map(registryIssueMessage)).toEqual([]);
    expect(allowed(snapshot, "AS")).toBe(8500);
  });

  it("refuses a modifier that selects a rate rather than paying a percentage, listing the ones it takes", async () => {
    const snapshot = await read(workbook([["Acme PPO", 26, "40%", null]]));
    expect(snapshot.issues.map(registryIssueMessage)).toEqual([
      'Table ContractModifierPolicies (sheet Modifier policies), row 2, column "Modifier": "26" is not valid; expected one of the modifiers 22, 52, 53, 62, 66, 73, 74, 80, 81, 82, AS.',
    ]);
  });

  it("blocks the contract when a policy row is left out, so a 22 line is never paid without its percentage", async () => {
    const snapshot = await read(workbook([["Acme PPO", 22, "lots", null]]));
    const first = snapshot.issuesByContract.get("acme ppo")?.[0];
    expect(first === undefined ? undefined : registryIssueMessage(first)).toBe(
      'Table ContractModifierPolicies (sheet Modifier policies), row 2, column "Percent": "lots" is not valid; expected a percentage like 115% (or the fraction 1.15).',
    );
  });

  it("names the policy row of a contract the registry does not have", async () => {
    const snapshot = await read(workbook([["Acme HMO", 52, "50%", null]]));
    expect(snapshot.issues.map(registryIssueMessage)).toEqual([
      expect.stringContaining(
        'Modifier policy row 2 names contract "Acme HMO", which is not in the contract registry.',
      ),
    ]);
  });
});
