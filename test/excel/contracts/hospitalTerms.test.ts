/**
 * The contract editor's hospital terms (issue 14): a contract's InpatientTerms and OutpatientTerms versions listed
 * with the reader's problems, checked as the user types with the reader's own rules, and saved or deleted through the
 * registry row writer, the table created on its own sheet when the workbook has none.
 */
import {
  deleteLoadedRow,
  editorIssueMessage,
  listContracts,
  saveContractVersion,
  type ContractEditorData,
} from "../../../src/excel/contracts/contractEditor";
import {
  checkHospitalTerms,
  saveHospitalTerms,
  termsContextOf,
  type HospitalSide,
} from "../../../src/excel/contracts/hospitalTerms";
import { emptyForm } from "../../../src/excel/contracts/registryForm";
import { readRegistry } from "../../../src/excel/registry";
import { OUTPATIENT_TERMS_SPEC } from "../../../src/excel/registry/hospitalTermsTables";
import { BEHAVIORAL, HOSPITAL_PPO } from "../../../src/playground/sample/hospitalContracts";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { aContractForm, aHospitalWorkbook, anInpatientTermsForm } from "./support";

const load = (simulator: WorkbookSimulator) => listContracts(simulator.excel);
const contractOf = (data: ContractEditorData, name: string) => data.contracts.find((c) => c.contractName === name)!;
const termsContext = <S extends HospitalSide>(data: ContractEditorData, side: S) =>
  termsContextOf(data.contracts, side, null);

describe("listing a contract's hospital terms", () => {
  let data: ContractEditorData;
  beforeAll(async () => {
    data = await load(new WorkbookSimulator(aHospitalWorkbook()));
  });

  it("shows the inpatient terms of the sample's hospital PPO as its form, as typed in the sheet", () => {
    const [terms] = contractOf(data, HOSPITAL_PPO).hospitalTerms.inpatient;
    expect(terms!.form).toMatchObject({
      effectiveStartDate: "2025-01-01",
      effectiveEndDate: "2025-12-31",
      inpatientMethod: "MS-DRG",
      baseRate: "11500.00",
      stopLossThreshold: "200000.00",
      stopLossPercent: "50%",
    });
    expect(terms!.loaded).toMatchObject({ table: "InpatientTerms", sheet: "Inpatient Terms", rowNumber: 2 });
  });

  it("shows the outpatient terms of each contract under that contract only", () => {
    const methods = [HOSPITAL_PPO, BEHAVIORAL, "Acme PPO"].map((name) =>
      contractOf(data, name).hospitalTerms.outpatient.map((row) => row.form.outpatientMethod),
    );
    expect(methods).toEqual([["Percent of OPPS"], ["Revenue Code Rates"], []]);
  });

  it("shows the reader's problem under the terms row it concerns", async () => {
    const simulator = new WorkbookSimulator(aHospitalWorkbook());
    // The hospital PPO's outpatient row: Percent of OPPS needs the wage index (column F).
    simulator.setCellInput("Outpatient Terms", 1, 5, "");
    await simulator.whenIdle();
    const [terms] = contractOf(await load(simulator), HOSPITAL_PPO).hospitalTerms.outpatient;
    expect(terms!.problems).toEqual([
      expect.stringContaining('Table OutpatientTerms (sheet Outpatient Terms), row 2, column "Wage Index"'),
    ]);
  });
});

describe("checking hospital terms as the user types", () => {
  let data: ContractEditorData;
  beforeAll(async () => {
    data = await load(new WorkbookSimulator(aHospitalWorkbook()));
  });
  const check = (overrides: Parameters<typeof anInpatientTermsForm>[0]) =>
    checkHospitalTerms("inpatient", anInpatientTermsForm(overrides), termsContext(data, "inpatient")).errors;

  it("accepts a version starting the day after the contract's other version ends", () => {
    expect(check({})).toEqual({});
  });

  it("flags a version overlapping another version of the same contract's inpatient terms", () => {
    expect(check({ effectiveStartDate: "2025-07-01" }).effectiveStartDate).toBe(
      "Overlaps the inpatient terms 2025-01-01 to 2025-12-31 (row 2): versions of one contract may not share a day.",
    );
  });

  it("allows the same dates for another contract's terms", () => {
    expect(check({ contractName: BEHAVIORAL, effectiveStartDate: "2026-01-01" })).toEqual({});
  });

  it("asks for the base rate an MS-DRG method needs, as the reader does", () => {
    expect(check({ baseRate: "" }).baseRate).toBe("MS-DRG needs a base rate in dollars.");
  });

  it("asks for the stop-loss percent once a stop-loss type and threshold are given", () => {
    expect(check({ stopLossType: "First-dollar stop-loss", stopLossThreshold: "150000" }).stopLossPercent).toMatch(
      /needs a percentage like 50%/,
    );
  });

  it("refuses a contract name that PayerContracts does not have", () => {
    expect(check({ contractName: "Mercy General" }).contractName).toBe(
      "Choose a contract of the PayerContracts table.",
    );
  });
});

describe("saving and deleting hospital terms", () => {
  it("adds new inpatient terms to the InpatientTerms table, read back by the registry", async () => {
    const simulator = new WorkbookSimulator(aHospitalWorkbook());
    const data = await load(simulator);
    const saved = await saveHospitalTerms(simulator.excel, { side: "inpatient", form: anInpatientTermsForm(), ...termsContext(data, "inpatient") }); // prettier-ignore
    expect(saved).toEqual({
      ok: true,
      value: { table: "InpatientTerms", sheet: "Inpatient Terms", rowNumber: 4, createdTable: false },
    });
    const versions = (await readRegistry(simulator.excel)).registry.hospital?.inpatientByName.get("acme hospital ppo");
    expect(versions?.map((v) => [v.effectiveStartDate, v.terms.method.kind === "ms-drg" && v.terms.method.baseRate.toString()])).toEqual([["2025-01-01", "11500"], ["2026-01-01", "12000"]]); // prettier-ignore
  });

  it("creates the OutpatientTerms table on an Outpatient Terms sheet when the workbook has none", async () => {
    const simulator = new WorkbookSimulator(aHospitalWorkbook({ without: ["OutpatientTerms", "RevenueCodeRates"] }));
    const data = await load(simulator);
    const form = { ...emptyForm(OUTPATIENT_TERMS_SPEC.columns), contractName: HOSPITAL_PPO, effectiveStartDate: "2025-01-01", outpatientMethod: "Percent of Charges", percent: "55%" }; // prettier-ignore
    const saved = await saveHospitalTerms(simulator.excel, { side: "outpatient", form, ...termsContext(data, "outpatient") }); // prettier-ignore
    expect(saved).toEqual({
      ok: true,
      value: { table: "OutpatientTerms", sheet: "Outpatient Terms", rowNumber: 2, createdTable: true },
    });
    const [version] = contractOf(await load(simulator), HOSPITAL_PPO).hospitalTerms.outpatient;
    expect([version!.form.outpatientMethod, version!.form.percent, version!.problems]).toEqual(["Percent of Charges", "55%", []]); // prettier-ignore
  });

  it("saves a changed base rate over the loaded inpatient terms row", async () => {
    const simulator = new WorkbookSimulator(aHospitalWorkbook());
    const data = await load(simulator);
    const [terms] = contractOf(data, HOSPITAL_PPO).hospitalTerms.inpatient;
    const input = { side: "inpatient" as const, form: { ...terms!.form, baseRate: "11750" }, ...termsContext(data, "inpatient"), editing: terms!.loaded }; // prettier-ignore
    expect((await saveHospitalTerms(simulator.excel, input)).ok).toBe(true);
    const [after] = contractOf(await load(simulator), HOSPITAL_PPO).hospitalTerms.inpatient;
    expect([after!.loaded.rowNumber, after!.form.baseRate]).toEqual([2, "11750.00"]);
  });

  it("refuses Per Diem terms for a contract without day rates, says why, and writes nothing", async () => {
    const simulator = new WorkbookSimulator(aHospitalWorkbook());
    const before = simulator.describe();
    const data = await load(simulator);
    const form = anInpatientTermsForm({ inpatientMethod: "Per Diem", baseRate: "" });
    const saved = await saveHospitalTerms(simulator.excel, { side: "inpatient", form, ...termsContext(data, "inpatient") }); // prettier-ignore
    expect(saved.ok ? "saved" : editorIssueMessage(saved.issue)).toMatch(
      /^Nothing was saved: .*Per Diem needs the contract's day rates in InpatientPerDiemRates/,
    );
    expect(simulator.describe()).toEqual(before);
  });

  it("deletes a terms row, the rows below moving up", async () => {
    const simulator = new WorkbookSimulator(aHospitalWorkbook());
    const [terms] = contractOf(await load(simulator), HOSPITAL_PPO).hospitalTerms.outpatient;
    expect(await deleteLoadedRow(simulator.excel, terms!.loaded)).toEqual({ ok: true, value: { rowNumber: 2 } });
    const after = await load(simulator);
    expect([HOSPITAL_PPO, BEHAVIORAL].map((name) => contractOf(after, name).hospitalTerms.outpatient.map((r) => r.loaded.rowNumber))).toEqual([[], [2]]); // prettier-ignore
  });
});

describe("a hospital-only contract in the editor", () => {
  it("saves a new contract whose Method says it has no professional terms, before it has any hospital terms", async () => {
    const simulator = new WorkbookSimulator(aHospitalWorkbook());
    const form = aContractForm({ contractName: "Cedar Hospital", method: "None (hospital terms only)", percent: "" });
    const saved = await saveContractVersion(simulator.excel, { form, editing: null, versions: [] });
    expect(saved.ok).toBe(true);
    expect((await load(simulator)).problems).toEqual([
      expect.stringContaining('contract "Cedar Hospital" has Method None (hospital terms only), but no row in InpatientTerms or OutpatientTerms'), // prettier-ignore
    ]);
  });
});
