/**
 * The registry tables read from a workbook (ARCHITECTURE.md 3): each table parsed from a simulator workbook, cells
 * read robustly, and every bad input reported with sheet, row, column, value and what was expected.
 */
import { registryIssueMessage, readRegistry, type RegistrySnapshot } from "../../../src/excel/registry";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator, type CellInput, type WorkbookSnapshot } from "../../../src/playground/simulator";

const CONTRACT_HEADERS = ["Contract Name", "Payer", "Effective Start Date", "Effective End Date", "Method", "Percent", "Fee Schedule", "Medicare Schedule", "Lesser Of"]; // prettier-ignore

/** A small registry: contracts (rows given), one fee schedule, no Medicare. */
function registryWorkbook(
  contractRows: CellInput[][],
  feeRows: CellInput[][] = [["99213", null, 100, 80]],
): WorkbookSnapshot {
  const table = (name: string, sheet: string, cells: CellInput[][]) => ({
    name: sheet,
    cells,
    tables: [{ name, address: `A1:${String.fromCharCode(64 + cells[0]!.length)}${cells.length}` }],
  });
  return {
    sheets: [
      table("PayerContracts", "Contracts", [[...CONTRACT_HEADERS], ...contractRows]),
      table("FS_Test", "Fees", [["HCPCS Code", "Modifier", "Non-Facility Rate", "Facility Rate"], ...feeRows]),
    ],
  };
}

const acme = (overrides: Partial<Record<string, CellInput>> = {}): CellInput[] => {
  const row: Record<string, CellInput> = {
    "Contract Name": "Acme PPO",
    Payer: "Acme",
    "Effective Start Date": "2025-01-01",
    "Effective End Date": "2025-12-31",
    Method: "Fee Schedule",
    Percent: null,
    "Fee Schedule": "FS_Test",
    "Medicare Schedule": null,
    "Lesser Of": "yes",
    ...overrides,
  };
  return CONTRACT_HEADERS.map((h) => row[h] ?? null);
};

const read = (snapshot: WorkbookSnapshot): Promise<RegistrySnapshot> =>
  readRegistry(new WorkbookSimulator(snapshot).excel);
const messages = (snapshot: RegistrySnapshot) => snapshot.issues.map(registryIssueMessage);

describe("reading the sample workbook's registry", () => {
  let sample: RegistrySnapshot;
  let simulator: WorkbookSimulator;
  beforeAll(async () => {
    simulator = new WorkbookSimulator(buildSampleWorkbook());
    sample = await readRegistry(simulator.excel);
  });

  it("finds the two professional contracts, their three versions and six carve-outs, and the two hospital contracts, with no problem", () => {
    expect(sample.issues.map(registryIssueMessage)).toEqual([]);
    expect(sample.registry.contractNames).toEqual([
      "Acme Behavioral Health",
      "Acme Health PPO",
      "Acme Hospital PPO",
      "Summit Medicare Advantage",
    ]);
    // The hospital contracts' terms are in the hospital tables: their PayerContracts rows have no professional method.
    for (const hospital of ["acme hospital ppo", "acme behavioral health"]) {
      expect(sample.registry.versionsByName.get(hospital)?.map((v) => v.method.kind)).toEqual(["none"]);
    }
    expect(sample.registry.versionsByName.get("acme health ppo")?.map((v) => v.method.kind)).toEqual([
      "percent of medicare",
      "fee schedule",
    ]);
    expect([...sample.registry.carveOutsByName.values()].flat()).toHaveLength(6);
  });

  it("reads percentages formatted as % as fractions and ISO text dates as dates", () => {
    const acme2024 = sample.registry.versionsByName.get("acme health ppo")![0]!;
    expect(acme2024.method.kind === "percent of medicare" && acme2024.method.percent.toString()).toBe("1.15");
    expect([acme2024.effectiveStartDate, acme2024.effectiveEndDate, acme2024.sourceRowNumber]).toEqual(["2024-01-01", "2024-12-31", 2]); // prettier-ignore
  });

  it("registers MPFS_2025 under the Houston locality with its GPCIs and the CY2025 conversion factor", () => {
    const [schedule] = sample.medicareByLocality.get("04412-18" as never) ?? [];
    expect(schedule?.name).toBe("MPFS_2025");
    expect(schedule?.locality.workGpci.toString()).toBe("1.014");
    expect(schedule?.conversionFactors.map((cf) => cf.conversionFactor.toString())).toEqual(["32.3465"]);
    expect(schedule?.pfs.rowCount).toBeGreaterThan(100);
  });

  it("reads the whole registry in three round trips", async () => {
    const before = simulator.requestLog.length;
    await readRegistry(simulator.excel);
    expect(simulator.requestLog.length - before).toBe(3);
  });
});

describe("reading cells robustly", () => {
  it("reads codes stored as numbers, Excel serial dates, TRUE/FALSE words, '115%' text and trailing spaces", async () => {
    const snapshot = await read(
      registryWorkbook(
        [acme({ "Contract Name": "Acme PPO  ", "Effective Start Date": 45658, Method: " percent of medicare ", Percent: "115%", "Medicare Schedule": "current", "Lesser Of": "FALSE" })], // prettier-ignore
        [[110, null, 100, 80]],
      ),
    );
    expect(messages(snapshot)).toEqual([]);
    const [version] = snapshot.registry.versionsByName.get("acme ppo")!;
    expect(version).toMatchObject({ contractName: "Acme PPO", effectiveStartDate: "2025-01-01", lesserOf: false });
    expect(version!.method.kind === "percent of medicare" && version!.method.percent.toString()).toBe("1.15");
  });

  it("reads fee schedule codes stored as numbers with their leading zeros, and skips blank rows", async () => {
    const snapshot = await read(registryWorkbook([acme()], [[110, null, 100, 80], [null, null, null, null], ["99213 ", "", "91", null]])); // prettier-ignore
    expect(messages(snapshot)).toEqual([]);
    expect([...snapshot.registry.feeSchedules.get("fs_test")!.rowsByKey.keys()]).toEqual(["00110|", "99213|"]);
  });
});

describe("reporting bad registry cells", () => {
  it("names sheet, row, column and value of a date that is not one", async () => {
    const snapshot = await read(registryWorkbook([acme(), acme({ "Effective Start Date": "2026-13-01" })]));
    expect(messages(snapshot)).toEqual([
      'Table PayerContracts (sheet Contracts), row 3, column "Effective Start Date": "2026-13-01" is not valid; expected a date from 1990-01-01 to 2100-12-31: an Excel date or text like 2025-01-31.',
    ]);
  });

  it("names the allowed words of a bad method", async () => {
    const snapshot = await read(registryWorkbook([acme({ Method: "capitation" })]));
    expect(messages(snapshot)).toEqual([
      'Table PayerContracts (sheet Contracts), row 2, column "Method": "capitation" is not valid; expected one of Fee Schedule, Percent of Medicare, Percent of Billed, None (hospital terms only).',
    ]);
  });

  it("refuses a percent of 115 (meant as 115%) instead of reading 11,500%", async () => {
    const snapshot = await read(registryWorkbook([acme({ Method: "Percent of Billed", Percent: 115 })]));
    expect(messages(snapshot)).toEqual([
      'Table PayerContracts (sheet Contracts), row 2, column "Percent": "115" is not valid; expected a percentage like 115% (or the fraction 1.15).',
    ]);
  });

  it("says which column a method needs", async () => {
    const snapshot = await read(registryWorkbook([acme({ "Fee Schedule": null })]));
    expect(messages(snapshot)).toEqual([
      'Table PayerContracts (sheet Contracts), row 2, column "Fee Schedule": empty, but Method Fee Schedule needs the name of the fee schedule table.',
    ]);
  });

  it("says a percent of Medicare, however it is written, also needs its Medicare schedule", async () => {
    const snapshot = await read(registryWorkbook([acme({ Method: "% of Medicare", Percent: 1.15 })]));
    expect(messages(snapshot)).toEqual([
      'Table PayerContracts (sheet Contracts), row 2, column "Medicare Schedule": empty, but Percent of Medicare needs a Medicare schedule (a table name or "current").',
    ]);
  });

  it("names a missing required column and lists the columns expected", async () => {
    const workbook = registryWorkbook([acme()]);
    workbook.sheets[0]!.cells[0]![4] = "Pricing";
    const [message] = messages(await read(workbook));
    expect(message).toMatch(/^Table PayerContracts \(sheet Contracts\) has no "Method" column\. Its columns should be: Contract Name, Payer, Product, /); // prettier-ignore
  });

  it("reports two versions of a contract in effect on the same days, naming both rows", async () => {
    const snapshot = await read(registryWorkbook([acme(), acme({ "Effective Start Date": "2025-06-01", "Effective End Date": "2026-05-31" })])); // prettier-ignore
    expect(messages(snapshot)).toEqual([
      'Contract "Acme PPO" has two versions in effect on the same days (registry rows 2 and 3): end one before the next starts. (sheet Contracts)',
    ]);
    expect(snapshot.issuesByContract.get("acme ppo")).toHaveLength(1);
  });

  it("names the fee schedule row with a bad rate and blocks the contracts using it", async () => {
    const snapshot = await read(registryWorkbook([acme()], [["99213", null, "ninety", 80]]));
    expect(messages(snapshot)).toEqual([
      'Table FS_Test (sheet Fees), row 2, column "Non-Facility Rate": "ninety" is not valid; expected an amount in dollars from 0 to 10,000,000, like 91.00.',
    ]);
    expect(snapshot.issuesByContract.get("acme ppo")).toHaveLength(1);
  });

  it("reports a fee schedule a contract names but the workbook lacks", async () => {
    const snapshot = await read(registryWorkbook([acme({ "Fee Schedule": "FS_Missing" })]));
    expect(messages(snapshot)).toEqual([
      'Table PayerContracts (sheet Contracts), row 2, column "Fee Schedule" names table FS_Missing, which is not in the workbook; expected the name of a fee schedule table: add the table or correct the name.',
    ]);
  });
});
