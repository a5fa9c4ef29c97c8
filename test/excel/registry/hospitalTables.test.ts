/**
 * The hospital tables read into the registry (issue 14): terms versions, rate tables and the CMS tables built from
 * the workbook, and every bad cell or contradiction reported by table, row and column, its row left out, and the
 * contract answering its hospital functions with the problem while its professional functions are untouched.
 */
import { registryIssueMessage, readRegistry, type RegistrySnapshot } from "../../../src/excel/registry";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { hospitalRows, hospitalWorkbook, type HospitalRows, type Row } from "../../formulas/hospitalWorkbook";
import { describeWithSharedData } from "../../support/sharedData";

const read = (rows: HospitalRows): Promise<RegistrySnapshot> =>
  readRegistry(new WorkbookSimulator(hospitalWorkbook(rows)).excel);
const messages = (snapshot: RegistrySnapshot) => snapshot.issues.map(registryIssueMessage);

/** The test workbook's rows with one table's rows replaced (or extended by `add`). */
function withTable(table: string, rows: (current: readonly Row[]) => readonly Row[]): HospitalRows {
  const all = hospitalRows();
  return { ...all, [table]: rows(all[table] ?? []) };
}
const add = (table: string, ...rows: Row[]) => withTable(table, (current) => [...current, ...rows]);
const inpatientProblem = (snapshot: RegistrySnapshot, contract: string) =>
  snapshot.inpatientIssuesByContract.get(contract.toLowerCase())?.map(registryIssueMessage);
const outpatientProblem = (snapshot: RegistrySnapshot, contract: string) =>
  snapshot.outpatientIssuesByContract.get(contract.toLowerCase())?.map(registryIssueMessage);

describeWithSharedData("reading a hospital workbook", () => {
  let snapshot: RegistrySnapshot;
  beforeAll(async () => {
    snapshot = await read(hospitalRows());
  });

  it("reads every hospital table with no problem", () => expect(messages(snapshot)).toEqual([]));

  it("keeps the two inpatient versions of Mercy Hospital PPO in date order with their base rates", () => {
    const versions = snapshot.registry.hospital?.inpatientByName.get("mercy hospital ppo") ?? [];
    expect(versions.map((v) => [v.effectiveStartDate, v.effectiveEndDate, v.terms.method])).toEqual([
      ["2025-01-01", "2025-12-31", { kind: "ms-drg", baseRate: expect.objectContaining({}) }],
      ["2026-01-01", "9999-12-31", { kind: "ms-drg", baseRate: expect.objectContaining({}) }],
    ]);
    expect(versions.map((v) => v.terms.method.kind === "ms-drg" && v.terms.method.baseRate.toString())).toEqual(["10000", "10500"]); // prettier-ignore
  });

  it("groups the per diem rows into a level with its three day tiers, the case rate and the stop-loss", () => {
    const [version] = snapshot.registry.hospital?.inpatientByName.get("mercy behavioral") ?? [];
    const terms = version!.terms;
    expect(terms.method.kind === "per diem" && terms.method.levels.map((l) => [l.levelOfCare, l.revenueCodeFrom, l.revenueCodeTo, l.tiers.map((t) => `${t.fromDay}-${t.toDay ?? ""} ${t.rate.toString()}`)])).toEqual([["Psychiatric", "0114", "0124", ["1-3 2000", "4-5 1800", "6- 1200"]]]); // prettier-ignore
    expect([...terms.caseRates.values()].map((c) => [c.drg, c.rate.toString()])).toEqual([["470", "20000"]]);
    expect(terms.stopLoss).toEqual({ kind: "first dollar", threshold: 20_000_000, percent: expect.anything() });
  });

  it("builds one MS-DRG weights table per fiscal year and one Addendum B table per quarter", () => {
    const hospital = snapshot.registry.hospital!;
    expect(hospital.drgTables.map((t) => [t.label, t.fiscalYear, t.rows.get("470" as never)?.weight.toString()])).toEqual([ ["MsDrgWeights FY2025", 2025, "1.8855"], ["MsDrgWeights FY2026", 2026, "1.9289"] ]); // prettier-ignore
    expect(hospital.oppsTables.map((t) => [t.label, t.rows.get("27447" as never)?.paymentRate?.toString()])).toEqual([["OppsRates 2025-01-01", "12866.82"]]); // prettier-ignore
  });

  it("reads a revenue code typed as a number with its leading zero, and a blank basis as per unit", () => {
    const [version] = snapshot.registry.hospital?.outpatientByName.get("mercy rev codes") ?? [];
    expect(version!.terms.revenueCodeRates.map((r) => [r.revenueCodeFrom, r.revenueCodeTo, r.basis])).toEqual([
      ["0450", "0450", "per visit"],
      ["0300", "0319", "per unit"],
    ]);
  });
});

describeWithSharedData("reporting bad hospital rows", () => {
  it("names a terms row whose contract is not in PayerContracts, and leaves it out", async () => {
    const snapshot = await read(add("InpatientTerms", { "Contract Name": "Mercy Hospitl", "Effective Start Date": "2025-01-01", "Inpatient Method": "Percent of Charges", Percent: "50%" })); // prettier-ignore
    expect(messages(snapshot)).toEqual([
      'Table InpatientTerms (sheet InpatientTerms), row 6, column "Contract Name": "Mercy Hospitl", but it names no contract of the PayerContracts table (add the contract\'s row there: its payer and product come from it).',
    ]);
    expect(snapshot.registry.hospital?.inpatientByName.has("mercy hospitl")).toBe(false);
  });

  it("refuses a version that overlaps an earlier one of the same contract, naming both rows", async () => {
    const snapshot = await read(add("InpatientTerms", { "Contract Name": "Mercy Hospital PPO", "Effective Start Date": "2025-06-01", "Effective End Date": "2025-12-31", "Inpatient Method": "MS-DRG", "Base Rate": 9000 })); // prettier-ignore
    const problem =
      'Table InpatientTerms (sheet InpatientTerms), row 6, column "Effective Start Date": "2025-06-01", but row 2 of contract "Mercy Hospital PPO" covers 2025-01-01 to 2025-12-31: versions of one contract must not overlap.';
    expect(messages(snapshot)).toEqual([problem]);
    expect(inpatientProblem(snapshot, "Mercy Hospital PPO")).toEqual([problem]);
  });

  it("says an MS-DRG row needs its base rate", async () => {
    const snapshot = await read(withTable("InpatientTerms", (rows) => [{ ...rows[0]!, "Base Rate": null }, ...rows.slice(1)])); // prettier-ignore
    expect(messages(snapshot)).toEqual([
      'Table InpatientTerms (sheet InpatientTerms), row 2, column "Base Rate": empty, but MS-DRG needs a base rate in dollars.',
    ]);
  });

  it("says a stop-loss threshold needs its type", async () => {
    const snapshot = await read(withTable("InpatientTerms", (rows) => [...rows.slice(0, 2), { ...rows[2]!, "Stop-Loss Type": null }, rows[3]!])); // prettier-ignore
    expect(messages(snapshot)).toEqual([
      'Table InpatientTerms (sheet InpatientTerms), row 4, column "Stop-Loss Type": empty, but a stop-loss threshold or percent needs its Stop-Loss Type.',
    ]);
  });

  it("says a per diem contract needs day rates, at its terms row", async () => {
    const snapshot = await read(withTable("InpatientPerDiemRates", (rows) => rows.filter((r) => r["Contract Name"] !== "Mercy Behavioral"))); // prettier-ignore
    expect(messages(snapshot)).toEqual([
      'Table InpatientTerms (sheet InpatientTerms), row 4, column "Inpatient Method": "Per Diem", but Per Diem needs the contract\'s day rates in InpatientPerDiemRates.',
    ]);
  });

  it("refuses day tiers with a gap, naming the level and the day", async () => {
    const snapshot = await read(withTable("InpatientPerDiemRates", (rows) => rows.map((r, i) => (i === 1 ? { ...r, "From Day": 5 } : r)))); // prettier-ignore
    expect(inpatientProblem(snapshot, "Mercy Behavioral")).toEqual([
      'Contract "Mercy Behavioral", per diem level Psychiatric: the day tiers are not valid at day 5; each tier must start the day after the previous one ends. (sheet InpatientPerDiemRates)',
    ]);
  });

  it("refuses a tier row of a level whose revenue codes differ from the level's first row", async () => {
    const snapshot = await read(withTable("InpatientPerDiemRates", (rows) => rows.map((r, i) => (i === 2 ? { ...r, "Revenue Code To": "0129" } : r)))); // prettier-ignore
    expect(messages(snapshot)).toEqual([
      'Table InpatientPerDiemRates (sheet InpatientPerDiemRates), row 4, column "Revenue Code From": "0114-0129", but row 2 gives level Psychiatric the revenue codes 0114-0124, and every row of a level has its range.',
      'Contract "Mercy Behavioral", per diem level Psychiatric: the day tiers are not valid at day 6; its last tier must be open-ended (day N and after), so that every day of a long stay is paid. (sheet InpatientPerDiemRates)',
    ]);
  });

  it("answers every inpatient contract, and no outpatient one, when InpatientTerms lacks a required column", async () => {
    const workbook = hospitalWorkbook(hospitalRows());
    const sheets = workbook.sheets.map((sheet) =>
      sheet.name === "InpatientTerms"
        ? { ...sheet, cells: [sheet.cells[0]!.map((h) => (h === "Inpatient Method" ? "Payment" : h)), ...sheet.cells.slice(1)] } // prettier-ignore
        : sheet,
    );
    const snapshot = await readRegistry(new WorkbookSimulator({ sheets }).excel);
    const problem = expect.stringContaining('Table InpatientTerms (sheet InpatientTerms) has no "Inpatient Method" column.'); // prettier-ignore
    expect(inpatientProblem(snapshot, "Mercy Behavioral")).toEqual([problem]);
    expect(outpatientProblem(snapshot, "Valley Hospital")).toBeUndefined();
  });

  it("refuses a case rate given twice for one DRG, naming the first row", async () => {
    const snapshot = await read(add("InpatientCaseRates", { "Contract Name": "Mercy Behavioral", "MS-DRG": "470", Rate: 25000 })); // prettier-ignore
    expect(messages(snapshot)).toEqual([
      'Table InpatientCaseRates (sheet InpatientCaseRates), row 3, column "MS-DRG": "470", but row 2 already gives this DRG a case rate for the contract.',
    ]);
  });

  it("says a rate row's contract has no terms of its side", async () => {
    const snapshot = await read(add("InpatientCaseRates", { "Contract Name": "Valley Hospital", "MS-DRG": "291", Rate: 9000 })); // prettier-ignore
    expect(messages(snapshot)).toEqual([
      'Table InpatientCaseRates (sheet InpatientCaseRates), row 3, column "Contract Name": "Valley Hospital", but contract "Valley Hospital" has no row in InpatientTerms, whose versions these rates belong to.',
    ]);
  });

  it("says a percent of OPPS needs the hospital's wage index", async () => {
    const snapshot = await read(withTable("OutpatientTerms", (rows) => [{ ...rows[0]!, "Wage Index": null }, ...rows.slice(1)])); // prettier-ignore
    expect(messages(snapshot)).toEqual([
      'Table OutpatientTerms (sheet OutpatientTerms), row 2, column "Wage Index": empty, but Percent of OPPS needs the hospital\'s wage index like 0.8732.',
    ]);
  });

  it("refuses a wage index typed as 87.32 for 0.8732", async () => {
    const snapshot = await read(withTable("OutpatientTerms", (rows) => [{ ...rows[0]!, "Wage Index": 87.32 }, ...rows.slice(1)])); // prettier-ignore
    expect(messages(snapshot)).toEqual([
      'Table OutpatientTerms (sheet OutpatientTerms), row 2, column "Wage Index": "87.32" is not valid; expected a wage index above 0, like 0.8732 or 1.2104.',
    ]);
  });

  it("refuses a revenue code carve-out whose code is a HCPCS code", async () => {
    const snapshot = await read(withTable("InstitutionalCarveOuts", (rows) => [{ ...rows[0]!, "Code From": "C1776" }])); // prettier-ignore
    expect(messages(snapshot)).toEqual([
      'Table InstitutionalCarveOuts (sheet InstitutionalCarveOuts), row 2, column "Code From": "C1776", but a Revenue Code carve-out takes 4-digit revenue codes like 0278, the range not reversed.',
    ]);
  });

  it("refuses an MS-DRG weight given twice for one fiscal year, and blocks the MS-DRG contracts only", async () => {
    const snapshot = await read(add("MsDrgWeights", { "MS-DRG": "470", "Fiscal Year": 2026, Weight: 2.5, GMLOS: 2 }));
    const problem =
      'Table MsDrgWeights (sheet MsDrgWeights), row 10, column "MS-DRG": "470", but row 9 already gives this DRG a weight for its fiscal year.';
    expect(messages(snapshot)).toEqual([problem]);
    expect(inpatientProblem(snapshot, "Mercy Hospital PPO")).toEqual([problem]);
    expect(inpatientProblem(snapshot, "Mercy Behavioral")).toBeUndefined();
  });

  it("refuses a hospital table named as a contract's fee schedule", async () => {
    const snapshot = await read(add("PayerContracts", { "Contract Name": "Acme PPO", Payer: "Acme", "Effective Start Date": "2025-01-01", Method: "Fee Schedule", "Fee Schedule": "OppsRates" })); // prettier-ignore
    expect(messages(snapshot)).toEqual([
      'Table PayerContracts (sheet PayerContracts), row 7, column "Fee Schedule" names table OppsRates, one of the registry\'s own tables; expected the name of a fee schedule table.',
    ]);
  });

  it("keeps inpatient problems out of outpatient and professional pricing", async () => {
    const snapshot = await read(withTable("InpatientTerms", (rows) => [{ ...rows[0]!, "Base Rate": "ten thousand" }, ...rows.slice(1)])); // prettier-ignore
    expect(inpatientProblem(snapshot, "Mercy Hospital PPO")).toEqual([
      'Table InpatientTerms (sheet InpatientTerms), row 2, column "Base Rate": "ten thousand" is not valid; expected an amount in dollars from 0 to 10,000,000, like 91.00.',
    ]);
    expect(outpatientProblem(snapshot, "Mercy Hospital PPO")).toBeUndefined();
    expect(snapshot.issuesByContract.get("mercy hospital ppo")).toBeUndefined();
  });
});
