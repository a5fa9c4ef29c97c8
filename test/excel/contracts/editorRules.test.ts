/**
 * The contract editor accepts exactly the rows the registry reader accepts (issue 10 item 3): each row the registry
 * rejects is refused by the editor, with nothing written, in the registry's own words; the same row typed into the
 * sheet by hand is rejected by the reader the same way. And text the user types stays text in every cell it lands
 * in (issue 10 item 2): a contract named like a formula never becomes one.
 */
import {
  editorIssueMessage,
  listContracts,
  saveCarveOut,
  saveContractVersion,
  type ContractForm,
} from "../../../src/excel/contracts/contractEditor";
import { readRegistry, registryIssueMessage } from "../../../src/excel/registry";
import { WorkbookSimulator, type CellInput, type WorkbookSnapshot } from "../../../src/playground/simulator";
import { aCarveOutForm, aContractForm, aRegistryWorkbook, aWorkbookWithoutRegistry } from "./support";

const ACME_ROWS: CellInput[][] = [
  ["Acme PPO", "Acme", "PPO", "2024-01-01", "2024-12-31", "Percent of Billed", 0.6, null, null, true],
  ["Acme PPO", "Acme", "PPO", "2025-01-01", "2025-12-31", "Fee Schedule", null, "FS_Acme", null, true],
];

/** The registry with a Medicare schedule MPFS_2025 registered, and a fee schedule FS_Bad with a rate that is no number. */
function aFullRegistry(options: Parameters<typeof aRegistryWorkbook>[0] = {}): WorkbookSnapshot {
  const workbook = aRegistryWorkbook(options);
  const sheet = (name: string, table: string, cells: CellInput[][]) => ({
    name,
    cells,
    tables: [{ name: table, address: `A1:${String.fromCharCode(64 + cells[0]!.length)}${cells.length}` }],
  });
  return {
    ...workbook,
    sheets: [
      ...workbook.sheets,
      sheet("Medicare Schedules", "MedicareSchedules", [["Schedule Table", "Year", "Locality"], ["MPFS_2025", 2025, "04412-18"]]), // prettier-ignore
      sheet("MPFS", "MPFS_2025", [
        ["HCPCS Code", "Status Code", "Work RVU", "Non-Facility PE RVU", "Facility PE RVU", "Malpractice RVU", "Work GPCI", "PE GPCI", "Malpractice GPCI"], // prettier-ignore
        ["99213", "A", 1.3, 1.27, 0.55, 0.1, 1.014, 1.003, 1.409],
      ]),
      sheet("Bad Fees", "FS_Bad", [
        ["HCPCS Code", "Non-Facility Rate"],
        ["99213", "ninety"],
      ]),
    ],
  };
}

/** A new Acme PPO version from 2026 on the fee schedule `feeSchedule`, as the form holds it and as a sheet row. */
const acme2026 = (feeSchedule: string) => ({
  form: aContractForm({ contractName: "Acme PPO", payer: "Acme", product: "PPO", effectiveStartDate: "2026-01-01", method: "Fee Schedule", percent: "", feeSchedule }), // prettier-ignore
  row: ["Acme PPO", "Acme", "PPO", "2026-01-01", null, "Fee Schedule", null, feeSchedule, null, null] as CellInput[],
});

/** What the registry reader says about a workbook. */
const readerSays = async (workbook: WorkbookSnapshot) =>
  (await readRegistry(new WorkbookSimulator(workbook).excel)).issues.map(registryIssueMessage);

describe("a Fee Schedule the registry would reject", () => {
  it.each([
    ["a table the workbook lacks", "FS_Missing", "names table FS_Missing, which is not in the workbook; expected the name of a fee schedule table: add the table or correct the name."], // prettier-ignore
    ["the registry itself", "PayerContracts", "names table PayerContracts, one of the registry's own tables; expected the name of a fee schedule table."], // prettier-ignore
    ["a registered Medicare schedule", "MPFS_2025", "names table MPFS_2025, a Medicare schedule table registered in MedicareSchedules; expected the name of a fee schedule table."], // prettier-ignore
  ])("naming %s is refused by the editor in the reader's words, writing nothing", async (_, name, says) => {
    const simulator = new WorkbookSimulator(aFullRegistry());
    const before = simulator.describe();
    const { form } = acme2026(name);

    const saved = await saveContractVersion(simulator.excel, { form, editing: null, versions: [] });

    const reader = `Table PayerContracts (sheet Contracts), row 4, column "Fee Schedule" ${says}`;
    expect(!saved.ok && editorIssueMessage(saved.issue)).toBe(
      `Nothing was saved: with this row (row 4 of PayerContracts, sheet Contracts) the contract registry would report: ${reader}`,
    );
    expect(simulator.describe()).toEqual(before);
    expect(await readerSays(aFullRegistry({ contractRows: [...ACME_ROWS, acme2026(name).row] }))).toEqual([reader]);
  });

  it("is refused when the schedule it names has rows the registry leaves out: the contract's amounts would be wrong", async () => {
    const simulator = new WorkbookSimulator(aFullRegistry());
    const saved = await saveContractVersion(simulator.excel, { form: acme2026("FS_Bad").form, editing: null, versions: [] }); // prettier-ignore

    const reader = 'Table FS_Bad (sheet Bad Fees), row 2, column "Non-Facility Rate": "ninety" is not valid; expected an amount in dollars from 0 to 10,000,000, like 91.00.'; // prettier-ignore
    expect(!saved.ok && editorIssueMessage(saved.issue)).toBe(
      `Nothing was saved: with this row (row 4 of PayerContracts, sheet Contracts) the contract registry would report: ${reader}`,
    );
    expect(await readerSays(aFullRegistry({ contractRows: [...ACME_ROWS, acme2026("FS_Bad").row] }))).toEqual([reader]);
  });

  it("does not block fixing another field of a contract whose problem the save does not cause", async () => {
    const broken = aFullRegistry({ contractRows: [ACME_ROWS[0]!, ["Acme PPO", "Acme", "PPO", "2025-01-01", "2025-12-31", "Fee Schedule", null, "FS_Bad", null, true]] }); // prettier-ignore
    const simulator = new WorkbookSimulator(broken);
    const [acme2024] = (await listContracts(simulator.excel)).contracts[0]!.versions;

    const saved = await saveContractVersion(simulator.excel, {
      form: { ...acme2024!.form, percent: "65%" },
      editing: acme2024!.loaded,
      versions: [],
    });

    expect(saved.ok).toBe(true);
  });
});

describe("a start date no contract has", () => {
  it("of 1899 is refused by the editor as by the reader: the same expected date range", async () => {
    const simulator = new WorkbookSimulator(aRegistryWorkbook());
    const saved = await saveContractVersion(simulator.excel, {
      form: aContractForm({ effectiveStartDate: "1899-12-31" }),
      editing: null,
      versions: [],
    });

    expect(!saved.ok && editorIssueMessage(saved.issue)).toBe(
      "Fix the highlighted fields first: Expected a date from 1990-01-01 to 2100-12-31: an Excel date or text like 2025-01-31.",
    );
    const row = [
      "Cedar Health HMO",
      "Cedar Health",
      "HMO",
      "1899-12-31",
      null,
      "Percent of Billed",
      0.6,
      null,
      null,
      null,
    ];
    expect(await readerSays(aRegistryWorkbook({ contractRows: [...ACME_ROWS, row] }))).toEqual([
      'Table PayerContracts (sheet Contracts), row 4, column "Effective Start Date": "1899-12-31" is not valid; expected a date from 1990-01-01 to 2100-12-31: an Excel date or text like 2025-01-31.',
    ]);
  });
});

describe("a carve-out range whose From is after its To", () => {
  it("is refused by the editor as by the reader: the same expected range", async () => {
    const simulator = new WorkbookSimulator(aRegistryWorkbook());
    const saved = await saveCarveOut(simulator.excel, {
      form: aCarveOutForm({ hcpcsCodeFrom: "87999", hcpcsCodeTo: "80047" }),
      editing: null,
    });

    expect(!saved.ok && editorIssueMessage(saved.issue)).toBe(
      "Fix the highlighted fields first: a range ends at a code of the same kind as its first code 87999, and not before it.",
    );
    const row = ["Acme PPO", "87999", "80047", "Flat Rate", 12.5, null];
    expect(
      await readerSays(
        aRegistryWorkbook({ carveOutRows: [["Acme PPO", "J0120", "J9999", "Percent of Billed", null, 0.55], row] }),
      ),
    ).toEqual([
      // prettier-ignore
      'Table ContractCarveOuts (sheet Carve-outs), row 3, column "HCPCS Code To": "80047", but a range ends at a code of the same kind as its first code 87999, and not before it.',
    ]);
  });
});

describe("a carve-out for a contract the registry does not have", () => {
  it("is refused with the reader's message", async () => {
    const simulator = new WorkbookSimulator(aRegistryWorkbook());
    const saved = await saveCarveOut(simulator.excel, { form: aCarveOutForm({ contractName: "Acme HMO" }), editing: null }); // prettier-ignore

    expect(!saved.ok && editorIssueMessage(saved.issue)).toBe(
      'Nothing was saved: with this row (row 3 of ContractCarveOuts, sheet Carve-outs) the contract registry would report: Carve-out row 3 names contract "Acme HMO", which is not in the contract registry. (sheet Carve-outs)',
    );
  });
});

describe("a renamed Contract Name header", () => {
  const renamed = () => {
    const workbook = aRegistryWorkbook();
    workbook.sheets[1]!.cells[0]![0] = "Contract";
    return workbook;
  };

  it("is listed as a PayerContracts problem", async () => {
    const data = await listContracts(new WorkbookSimulator(renamed()).excel);
    expect(data.problems).toEqual([
      'Table PayerContracts (sheet Contracts) has no "Contract Name" column. Its columns should be: Contract Name, Payer, Product, Effective Start Date, Effective End Date, Method, Percent, Fee Schedule, Medicare Schedule, Lesser Of, Default Method, Default Percent, Multiple Procedure Rule, Term End Date, Renewal Notice Date, Auto Renew, Anesthesia Conversion Factor.',
    ]);
  });

  it("refuses a save into PayerContracts, naming the column", async () => {
    const saved = await saveContractVersion(new WorkbookSimulator(renamed()).excel, { form: aContractForm(), editing: null, versions: [] }); // prettier-ignore
    expect(!saved.ok && editorIssueMessage(saved.issue)).toBe(
      'Table PayerContracts (sheet Contracts) has no "Contract Name" column; add it, then save again.',
    );
  });
});

/** The cell of `header` in Excel row `rowNumber` of a sheet whose table starts at A1. */
function cellOf(simulator: WorkbookSimulator, sheet: string, header: string, rowNumber: number) {
  const { columns } = simulator.usedSize(sheet);
  const column = Array.from({ length: columns }, (_, c) => simulator.cell(sheet, 0, c).value).indexOf(header);
  return simulator.cell(sheet, rowNumber - 1, column);
}

const FORMULA_NAME = '=HYPERLINK("http://evil.test","Cedar")';

describe("text the user types", () => {
  it.each([
    ["added at the end of PayerContracts", aRegistryWorkbook],
    ["filling Excel's blank row", () => aRegistryWorkbook({ contractRows: [ACME_ROWS[0]!, Array<CellInput>(10).fill(null)] })], // prettier-ignore
    ["written as the first row of a new PayerContracts", aWorkbookWithoutRegistry],
  ])("stays text when %s: a formula-looking name is not a formula", async (_, workbook) => {
    const simulator = new WorkbookSimulator(workbook());
    const form: ContractForm = aContractForm({ contractName: FORMULA_NAME, payer: "+1 Health", product: "-PPO" });

    const saved = await saveContractVersion(simulator.excel, { form, editing: null, versions: [] });

    expect(saved.ok).toBe(true);
    const rowNumber = saved.ok ? saved.value.rowNumber : -1;
    const sheet = saved.ok ? saved.value.sheet : "";
    for (const [header, typed] of [
      ["Contract Name", FORMULA_NAME],
      ["Payer", "+1 Health"],
      ["Product", "-PPO"],
    ] as const) {
      expect(cellOf(simulator, sheet, header, rowNumber)).toMatchObject({
        value: typed,
        formula: null,
        numberFormat: "@",
      });
    }
    expect((await readRegistry(simulator.excel)).registry.contractNames).toContain(FORMULA_NAME);
  });

  it("stays text when it replaces a loaded row's text, and only the cells written are formatted", async () => {
    const simulator = new WorkbookSimulator(aRegistryWorkbook());
    const [acme2024] = (await listContracts(simulator.excel)).contracts[0]!.versions;

    const saved = await saveContractVersion(simulator.excel, {
      form: { ...acme2024!.form, product: "+1 PPO" },
      editing: acme2024!.loaded,
      versions: [],
    });

    expect(saved.ok).toBe(true);
    expect(cellOf(simulator, "Contracts", "Product", 2)).toMatchObject({ value: "+1 PPO", formula: null, numberFormat: "@" }); // prettier-ignore
    expect(cellOf(simulator, "Contracts", "Payer", 2)).toMatchObject({ value: "Acme", numberFormat: "General" });
    expect(cellOf(simulator, "Contracts", "Product", 3)).toMatchObject({ value: "PPO", numberFormat: "General" });
  });

  it("keeps a date column the user formatted as text, writing the date as the text the user would type", async () => {
    const simulator = new WorkbookSimulator(aRegistryWorkbook());
    const saved = await saveContractVersion(simulator.excel, { form: aContractForm(), editing: null, versions: [] });

    const rowNumber = saved.ok ? saved.value.rowNumber : -1;
    expect(cellOf(simulator, "Contracts", "Effective Start Date", rowNumber)).toMatchObject({ value: "2025-01-01", numberFormat: "@" }); // prettier-ignore
    expect(cellOf(simulator, "Contracts", "Percent", rowNumber)).toMatchObject({ value: 0.6, numberFormat: "0%" });
  });
});
