/**
 * The registry refuses nonsense it used to accept (issue 10 item 3), with messages that say sheet, row, column, value
 * and what was expected, and a problem with a whole registry table is reported as that table's problem, first, to
 * every contract it affects (the message a contract's formulas show).
 */
import { simulatorWithRegistry } from "../../formulas/support";
import { readRegistry, registryIssueMessage, type RegistrySnapshot } from "../../../src/excel/registry";
import { WorkbookSimulator, type CellInput, type WorkbookSnapshot } from "../../../src/playground/simulator";

const CONTRACT_HEADERS = ["Contract Name", "Payer", "Effective Start Date", "Effective End Date", "Method", "Percent", "Fee Schedule", "Medicare Schedule"]; // prettier-ignore
const CARVE_OUT_HEADERS = ["Contract Name", "HCPCS Code From", "HCPCS Code To", "Method", "Rate", "Percent"];
const REGISTRATION_HEADERS = ["Schedule Table", "Year", "Locality", "Locality Name"];

const letter = (n: number) => String.fromCharCode(64 + n);
const table = (name: string, sheet: string, cells: CellInput[][]) => ({
  name: sheet,
  cells: cells.map((row) => [...row]),
  tables: [{ name, address: `A1:${letter(cells[0]!.length)}${cells.length}` }],
});

/** Acme PPO at its fee schedule FS_Test, one carve-out, and a Medicare schedule MPFS_2025 registered for Houston. */
function aRegistry(
  overrides: {
    contractHeaders?: string[];
    contract?: Partial<Record<string, CellInput>>;
    carveOut?: CellInput[];
    registrationHeaders?: string[];
  } = {},
): WorkbookSnapshot {
  const contract: Record<string, CellInput> = {
    "Contract Name": "Acme PPO",
    Payer: "Acme",
    "Effective Start Date": "2025-01-01",
    "Effective End Date": "2025-12-31",
    Method: "Fee Schedule",
    "Fee Schedule": "FS_Test",
    ...overrides.contract,
  };
  const medicareRow = ["99213", "", "A", 1.3, 1.27, 0.55, 0.1, 1.014, 1.003, 1.409];
  return {
    sheets: [
      table("PayerContracts", "Contracts", [
        overrides.contractHeaders ?? CONTRACT_HEADERS,
        CONTRACT_HEADERS.map((h) => contract[h] ?? null),
      ]),
      table("ContractCarveOuts", "Carve-outs", [
        CARVE_OUT_HEADERS,
        overrides.carveOut ?? ["Acme PPO", "J0120", "J9999", "Percent of Billed", null, "55%"],
      ]),
      table("MedicareSchedules", "Medicare Schedules", [
        overrides.registrationHeaders ?? REGISTRATION_HEADERS,
        ["MPFS_2025", 2025, "04412-18", "HOUSTON"],
      ]),
      table("FS_Test", "Fees", [["HCPCS Code", "Modifier", "Non-Facility Rate", "Facility Rate"], ["99213", null, 100, 80]]), // prettier-ignore
      table("MPFS_2025", "MPFS", [
        ["HCPCS Code", "Modifier", "Status Code", "Work RVU", "Non-Facility PE RVU", "Facility PE RVU", "Malpractice RVU", "Work GPCI", "PE GPCI", "Malpractice GPCI"], // prettier-ignore
        medicareRow,
      ]),
    ],
  };
}

const read = (snapshot: WorkbookSnapshot): Promise<RegistrySnapshot> =>
  readRegistry(new WorkbookSimulator(snapshot).excel);
const messages = (snapshot: RegistrySnapshot) => snapshot.issues.map(registryIssueMessage);
/** The message the contract's formulas answer with: its first problem. */
const firstProblemOf = (snapshot: RegistrySnapshot, contract: string) => {
  const issue = snapshot.issuesByContract.get(contract.toLowerCase())?.[0];
  return issue === undefined ? undefined : registryIssueMessage(issue);
};

describe("a workbook whose registry is fine", () => {
  it("has no problem, so that every refusal below is the rule's doing", async () => {
    expect(messages(await read(aRegistry()))).toEqual([]);
  });
});

describe("a renamed header of PayerContracts", () => {
  const renamed = () => aRegistry({ contractHeaders: ["Contract", ...CONTRACT_HEADERS.slice(1)] });

  it("is reported as a PayerContracts problem, not as a carve-out naming an unknown contract", async () => {
    const snapshot = await read(renamed());
    expect(messages(snapshot)).toEqual([
      'Table PayerContracts (sheet Contracts) has no "Contract Name" column. Its columns should be: Contract Name, Payer, Product, Effective Start Date, Effective End Date, Method, Percent, Fee Schedule, Medicare Schedule, Lesser Of, Default Method, Default Percent, Multiple Procedure Rule, Term End Date, Renewal Notice Date, Auto Renew, Anesthesia Conversion Factor.',
    ]);
  });

  it("is the problem every contract's formulas answer with, named in the registry or not", async () => {
    const snapshot = await read(renamed());
    expect(firstProblemOf(snapshot, "Acme PPO")).toMatch(
      /^Table PayerContracts \(sheet Contracts\) has no "Contract Name" column\./,
    );
    expect(firstProblemOf(snapshot, "Cedar HMO")).toMatch(
      /^Table PayerContracts \(sheet Contracts\) has no "Contract Name" column\./,
    );
  });

  it("shows in a PAYER.EXPECTED_PAYMENT cell as the PayerContracts problem", async () => {
    const formula = '=PAYER.EXPECTED_PAYMENT("Acme PPO", "99213", , 1, , "2025-06-01", "11")';
    const workbook = renamed();
    const simulator = await simulatorWithRegistry({ ...workbook, sheets: [...workbook.sheets, { name: "Check", cells: [[formula]] }] }); // prettier-ignore
    expect(simulator.cell("Check", 0, 0).errorMessage).toMatch(
      /^Table PayerContracts \(sheet Contracts\) has no "Contract Name" column\./,
    );
  }, 60_000);
});

describe("a renamed header of the other registry tables", () => {
  it("makes an unreadable ContractCarveOuts every contract's problem: its amounts would silently ignore carve-outs", async () => {
    const workbook = aRegistry();
    workbook.sheets[1]!.cells[0]![1] = "From";
    const snapshot = await read(workbook);
    expect(firstProblemOf(snapshot, "Acme PPO")).toMatch(/^Table ContractCarveOuts \(sheet Carve-outs\) has no "HCPCS Code From" column\./); // prettier-ignore
  });

  it("reports an unreadable MedicareSchedules to a percent-of-Medicare contract instead of 'not registered'", async () => {
    const snapshot = await read(
      aRegistry({
        registrationHeaders: ["Table", ...REGISTRATION_HEADERS.slice(1)],
        contract: { Method: "Percent of Medicare", Percent: "110%", "Fee Schedule": null, "Medicare Schedule": "MPFS_2025" }, // prettier-ignore
      }),
    );
    expect(messages(snapshot)).toEqual([
      'Table MedicareSchedules (sheet Medicare Schedules) has no "Schedule Table" column. Its columns should be: Schedule Table, Year, Locality, Locality Name, Effective Start Date, Effective End Date.',
    ]);
    expect(firstProblemOf(snapshot, "Acme PPO")).toBe(messages(snapshot)[0]);
  });
});

describe("dates outside any real contract", () => {
  it.each([
    ["a contract starting in 1899", { "Effective Start Date": "1899-12-31" }, "Effective Start Date", "1899-12-31"],
    ["a contract starting after 2100", { "Effective Start Date": "2101-01-01" }, "Effective Start Date", "2101-01-01"],
  ])("refuses %s", async (_, contract, column, value) => {
    const snapshot = await read(aRegistry({ contract }));
    expect(messages(snapshot)).toEqual([
      `Table PayerContracts (sheet Contracts), row 2, column "${column}": "${value}" is not valid; expected a date from 1990-01-01 to 2100-12-31: an Excel date or text like 2025-01-31.`,
    ]);
    expect(firstProblemOf(snapshot, "Acme PPO")).toBe(messages(snapshot)[0]);
  });

  it("accepts an end date of 9999-12-31, which many exports write for 'no end'", async () => {
    expect(messages(await read(aRegistry({ contract: { "Effective End Date": "9999-12-31" } })))).toEqual([]);
  });

  it("refuses a schedule registered from 1899", async () => {
    const workbook = aRegistry({ registrationHeaders: [...REGISTRATION_HEADERS, "Effective Start Date"] });
    workbook.sheets[2]!.cells[1]!.push("1899-12-31");
    workbook.sheets[2]!.tables![0]!.address = "A1:E2";
    expect(messages(await read(workbook))).toEqual([
      'Table MedicareSchedules (sheet Medicare Schedules), row 2, column "Effective Start Date": "1899-12-31" is not valid; expected a date from 1990-01-01 to 2100-12-31: an Excel date or text like 2025-01-31.',
    ]);
  });
});

describe("a carve-out range", () => {
  it("is refused when its From is after its To, naming both codes", async () => {
    const snapshot = await read(aRegistry({ carveOut: ["Acme PPO", "J9999", "J0120", "Percent of Billed", null, "55%"] })); // prettier-ignore
    expect(messages(snapshot)).toEqual([
      'Table ContractCarveOuts (sheet Carve-outs), row 2, column "HCPCS Code To": "J0120", but a range ends at a code of the same kind as its first code J9999, and not before it.',
    ]);
    expect(firstProblemOf(snapshot, "Acme PPO")).toBe(messages(snapshot)[0]);
  });
});

describe("a Fee Schedule cell", () => {
  it.each([
    ["a table the workbook lacks", "FS_Missing", "names table FS_Missing, which is not in the workbook; expected the name of a fee schedule table: add the table or correct the name."], // prettier-ignore
    ["the registry itself", "PayerContracts", "names table PayerContracts, one of the registry's own tables; expected the name of a fee schedule table."], // prettier-ignore
    ["a registered Medicare schedule", "mpfs_2025", "names table mpfs_2025, a Medicare schedule table registered in MedicareSchedules; expected the name of a fee schedule table."], // prettier-ignore
  ])("naming %s is refused, and is the contract's problem", async (_, name, says) => {
    const snapshot = await read(aRegistry({ contract: { "Fee Schedule": name } }));
    expect(messages(snapshot)).toEqual([
      `Table PayerContracts (sheet Contracts), row 2, column "Fee Schedule" ${says}`,
    ]);
    expect(firstProblemOf(snapshot, "Acme PPO")).toBe(messages(snapshot)[0]);
  });
});
