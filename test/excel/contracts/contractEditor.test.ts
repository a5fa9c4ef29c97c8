/**
 * The contract editor against the workbook simulator: versions and carve-outs saved through it land in the registry
 * tables as rows the reader accepts, hand edits are never overwritten, and PAYER functions follow a saved change.
 */
import { afterRefresh, simulatorWithRegistry } from "../../formulas/support";
import {
  checkContractVersion,
  deleteCarveOut,
  deleteContractVersion,
  listContracts,
  renewalNoticeFromDays,
  saveCarveOut,
  saveContractVersion,
  type CarveOutForm,
  type ContractEditorData,
  type ContractForm,
} from "../../../src/excel/contracts/contractEditor";
import { emptyForm } from "../../../src/excel/contracts/registryForm";
import { readRegistry } from "../../../src/excel/registry";
import { CONTRACT_CARVE_OUTS_SPEC, PAYER_CONTRACTS_SPEC } from "../../../src/excel/registry/registryTables";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator, type WorkbookSnapshot } from "../../../src/playground/simulator";

/** A new contract's form: Cedar Health HMO at 120% of the sample's Medicare schedule from 2025. */
function aContractForm(overrides: Partial<ContractForm> = {}): ContractForm {
  return {
    ...emptyForm(PAYER_CONTRACTS_SPEC.columns),
    contractName: "Cedar Health HMO",
    payer: "Cedar Health",
    product: "HMO",
    effectiveStartDate: "2025-01-01",
    method: "Percent of Medicare",
    percent: "120%",
    medicareSchedule: "MPFS_2025",
    lesserOf: true,
    ...overrides,
  };
}

function aCarveOutForm(overrides: Partial<CarveOutForm> = {}): CarveOutForm {
  return {
    ...emptyForm(CONTRACT_CARVE_OUTS_SPEC.columns),
    contractName: "Cedar Health HMO",
    hcpcsCodeFrom: "80047",
    hcpcsCodeTo: "87999",
    method: "Flat Rate",
    rate: "12.50",
    ...overrides,
  };
}

/** The sample without its 2,500 claims (the registry, its schedules and carve-outs are what the editor touches). */
function sampleRegistry(extraSheets: WorkbookSnapshot["sheets"] = []): WorkbookSnapshot {
  const sample = buildSampleWorkbook();
  return {
    ...sample,
    activeSheet: "Contracts",
    sheets: [...sample.sheets.filter((s) => s.name !== "Claims"), ...extraSheets],
  };
}

const versionsOf = (data: ContractEditorData, name: string) =>
  data.contracts.find((c) => c.contractName === name)?.versions ?? [];
const allVersions = (data: ContractEditorData) => data.contracts.flatMap((c) => c.versions);

describe("listing contracts", () => {
  it("groups the sample's versions by contract, sorted by start date, with their carve-outs", async () => {
    const data = await listContracts(new WorkbookSimulator(sampleRegistry()).excel);

    // The sample's two hospital contracts sit beside its two professional ones, in name order.
    expect(data.contracts.map((c) => c.contractName)).toEqual([
      "Acme Behavioral Health",
      "Acme Health PPO",
      "Acme Hospital PPO",
      "Summit Medicare Advantage",
    ]);
    const acme = data.contracts.find((c) => c.contractName === "Acme Health PPO")!;
    expect(acme.versions.map((v) => v.form.effectiveStartDate)).toEqual(["2024-01-01", "2025-01-01"]);
    expect(acme.versions[0]!.form.percent).toBe("115%");
    expect(acme.versions[1]!.form.method).toBe("Fee Schedule");
    expect(acme.carveOuts.length).toBeGreaterThan(1);
  });

  it("offers the workbook's other tables as fee schedules and the registered Medicare schedules", async () => {
    const data = await listContracts(new WorkbookSimulator(sampleRegistry()).excel);

    expect(data.feeScheduleTables).toContain("FS_AcmePPO_2025");
    expect(data.feeScheduleTables).not.toContain("PayerContracts");
    expect(data.feeScheduleTables).not.toContain("MPFS_2025");
    expect(data.medicareSchedules.map((choice) => choice.value)).toEqual(["current", "MPFS_2025"]);
  });

  it("names each registered Medicare schedule by its locality and year, writing the table name", async () => {
    const data = await listContracts(new WorkbookSimulator(sampleRegistry()).excel);

    expect(data.medicareSchedules[1]).toEqual({ value: "MPFS_2025", label: "HOUSTON, TX 2025 (MPFS_2025)" });
  });

  it("never offers the claims table, which has codes but no rates, as a fee schedule", async () => {
    const data = await listContracts(new WorkbookSimulator(buildSampleWorkbook()).excel);
    expect(data.feeScheduleTables).toEqual(["FS_AcmePPO_2025"]);
  });
});

describe("saving a contract version", () => {
  it("adds a row that the registry reader accepts", async () => {
    const simulator = new WorkbookSimulator(sampleRegistry());
    const data = await listContracts(simulator.excel);

    const saved = await saveContractVersion(simulator.excel, {
      form: aContractForm(),
      editing: null,
      versions: allVersions(data),
    });

    expect(saved.ok).toBe(true);
    const { registry, issues } = await readRegistry(simulator.excel);
    expect(issues).toEqual([]);
    const [cedar] = registry.versionsByName.get("cedar health hmo") ?? [];
    expect(cedar?.method).toEqual({ kind: "percent of medicare", percent: expect.anything() });
    expect(cedar?.method.kind === "percent of medicare" && cedar.method.percent.toString()).toBe("1.2");
    expect(cedar?.lesserOf).toBe(true);
  });

  it("updates the loaded row in place", async () => {
    const simulator = new WorkbookSimulator(sampleRegistry());
    const data = await listContracts(simulator.excel);
    const [summit] = versionsOf(data, "Summit Medicare Advantage");

    const saved = await saveContractVersion(simulator.excel, {
      form: { ...summit!.form, percent: "104.5%" },
      editing: summit!.loaded,
      versions: allVersions(data),
    });

    expect(saved.ok && saved.value.rowNumber).toBe(summit!.loaded.rowNumber);
    const [version] = (await readRegistry(simulator.excel)).registry.versionsByName.get("summit medicare advantage")!;
    expect(version!.method.kind === "percent of medicare" && version!.method.percent.toString()).toBe("1.045");
    expect((await listContracts(simulator.excel)).contracts.map((c) => c.versions.length)).toEqual([1, 2, 1, 1]);
  });

  it("refuses to overwrite a row edited in the sheet since it was loaded, and keeps the hand edit", async () => {
    const simulator = new WorkbookSimulator(sampleRegistry());
    const data = await listContracts(simulator.excel);
    const [summit] = versionsOf(data, "Summit Medicare Advantage");
    const percentColumn = 6;
    simulator.setCellInput("Contracts", summit!.loaded.rowNumber - 1, percentColumn, "1.07");
    await simulator.whenIdle();

    const saved = await saveContractVersion(simulator.excel, {
      form: { ...summit!.form, percent: "104.5%" },
      editing: summit!.loaded,
      versions: allVersions(data),
    });

    expect(saved).toEqual({ ok: false, issue: expect.objectContaining({ code: "rowChanged" }) });
    expect(simulator.cell("Contracts", summit!.loaded.rowNumber - 1, percentColumn).value).toBe(1.07);
  });

  it("refuses a version whose dates overlap another version of the same contract, writing nothing", async () => {
    const simulator = new WorkbookSimulator(sampleRegistry());
    const data = await listContracts(simulator.excel);
    const rowsBefore = simulator.usedSize("Contracts").rows;

    const saved = await saveContractVersion(simulator.excel, {
      form: aContractForm({ contractName: "Acme Health PPO", effectiveStartDate: "2025-06-01" }),
      editing: null,
      versions: allVersions(data),
    });

    expect(saved.ok).toBe(false);
    expect(!saved.ok && saved.issue.code === "formInvalid" && saved.issue.errors.effectiveStartDate).toMatch(
      /Overlaps the version 2025-01-01 to 2025-12-31/,
    );
    expect(simulator.usedSize("Contracts").rows).toBe(rowsBefore);
  });

  it("writes a contract name that looks like a formula as text", async () => {
    const simulator = new WorkbookSimulator(sampleRegistry());
    const saved = await saveContractVersion(simulator.excel, {
      form: aContractForm({ contractName: '=HYPERLINK("http://x")' }),
      editing: null,
      versions: [],
    });

    expect(saved.ok).toBe(true);
    const row = saved.ok ? saved.value.rowNumber - 1 : -1;
    expect(simulator.cell("Contracts", row, 0).value).toBe('=HYPERLINK("http://x")');
  });

  it("creates the registry tables on new sheets in a workbook that has none", async () => {
    const simulator = new WorkbookSimulator({ sheets: [{ name: "Sheet1", cells: [["Notes"]] }] });

    const version = await saveContractVersion(simulator.excel, {
      form: aContractForm({ method: "Percent of Billed", percent: "60%", medicareSchedule: "" }),
      editing: null,
      versions: [],
    });
    const carveOut = await saveCarveOut(simulator.excel, { form: aCarveOutForm(), editing: null });

    expect(version).toEqual({ ok: true, value: expect.objectContaining({ sheet: "Contracts", createdTable: true }) });
    expect(carveOut).toEqual({ ok: true, value: expect.objectContaining({ sheet: "Carve-outs", createdTable: true }) });
    const { registry, issues } = await readRegistry(simulator.excel);
    expect(issues).toEqual([]);
    expect(registry.contractNames).toEqual(["Cedar Health HMO"]);
    expect(registry.carveOutsByName.get("cedar health hmo")?.[0]?.hcpcsCodeTo).toBe("87999");
  });
});

describe("deleting", () => {
  it("removes a contract version so the reader no longer sees it", async () => {
    const simulator = new WorkbookSimulator(sampleRegistry());
    const [acme2024] = versionsOf(await listContracts(simulator.excel), "Acme Health PPO");

    const deleted = await deleteContractVersion(simulator.excel, acme2024!.loaded);

    expect(deleted.ok).toBe(true);
    const { registry, issues } = await readRegistry(simulator.excel);
    expect(issues).toEqual([]);
    expect(registry.versionsByName.get("acme health ppo")?.map((v) => v.effectiveStartDate)).toEqual(["2025-01-01"]);
    expect(registry.versionsByName.get("summit medicare advantage")).toHaveLength(1);
  });

  it("removes a carve-out with Excel's row deletion: the rows below move up and no blank row is left", async () => {
    const simulator = new WorkbookSimulator(sampleRegistry());
    const acmeCarveOuts = async () =>
      (await listContracts(simulator.excel)).contracts.find((c) => c.contractName === "Acme Health PPO")!.carveOuts;
    const [first, ...rest] = await acmeCarveOuts();
    const rowsBefore = simulator.usedSize("Carve-outs").rows;

    expect((await deleteCarveOut(simulator.excel, first!.loaded)).ok).toBe(true);

    const afterDelete = await acmeCarveOuts();
    expect(afterDelete.map((c) => c.form.hcpcsCodeFrom)).toEqual(rest.map((c) => c.form.hcpcsCodeFrom));
    expect(afterDelete.map((c) => c.loaded.rowNumber)).toEqual(rest.map((c) => c.loaded.rowNumber - 1));
    expect(simulator.usedSize("Carve-outs").rows).toBe(rowsBefore - 1);
  });

  it("refuses to delete a row edited in the sheet since it was loaded", async () => {
    const simulator = new WorkbookSimulator(sampleRegistry());
    const [acme2024] = versionsOf(await listContracts(simulator.excel), "Acme Health PPO");
    simulator.setCellInput("Contracts", acme2024!.loaded.rowNumber - 1, 1, "Acme Health Inc.");
    await simulator.whenIdle();

    const deleted = await deleteContractVersion(simulator.excel, acme2024!.loaded);

    expect(deleted).toEqual({ ok: false, issue: expect.objectContaining({ code: "rowChanged" }) });
    expect((await readRegistry(simulator.excel)).registry.versionsByName.get("acme health ppo")).toHaveLength(2);
  });
});

describe("checking a version as the user types", () => {
  it("asks for a percentage for a percent method and for a table for the fee schedule method", () => {
    expect(checkContractVersion(aContractForm({ percent: "" }), []).errors.percent).toMatch(/needs a percentage/);
    expect(checkContractVersion(aContractForm({ method: "Fee Schedule" }), []).errors.feeSchedule).toMatch(
      /needs the name of the fee schedule table/,
    );
  });

  it("says an end date before the start is wrong", () => {
    const checked = checkContractVersion(aContractForm({ effectiveEndDate: "2024-12-31" }), []);
    expect(checked.errors.effectiveEndDate).toBe("The end date is before the start date.");
  });

  it("computes the renewal notice date from days before the term end", () => {
    expect(renewalNoticeFromDays(aContractForm({ termEndDate: "2025-12-31" }), "90")).toEqual({
      ok: true,
      date: "2025-10-02",
    });
    expect(renewalNoticeFromDays(aContractForm(), "90")).toEqual({
      ok: false,
      message: expect.stringMatching(/Term End/),
    });
  });
});

describe("PAYER.EXPECTED_PAYMENT after a save", () => {
  it("follows a new percent saved for a contract", async () => {
    const formula = '=PAYER.EXPECTED_PAYMENT("Summit Medicare Advantage", "99213", , 1, , "2025-06-01", "11")';
    const simulator = await simulatorWithRegistry(sampleRegistry([{ name: "Check", cells: [[formula]] }]));
    const before = Number(simulator.cell("Check", 0, 0).value);
    const data = await listContracts(simulator.excel);
    const [summit] = versionsOf(data, "Summit Medicare Advantage");

    const saved = await saveContractVersion(simulator.excel, {
      form: { ...summit!.form, percent: "206%" },
      editing: summit!.loaded,
      versions: allVersions(data),
    });
    await afterRefresh(simulator);

    expect(saved.ok).toBe(true);
    expect(before).toBeGreaterThan(50);
    expect(simulator.cell("Check", 0, 0).value).toBeCloseTo(before * 2, 1);
  }, 60_000);
});
