/**
 * A hospital-only contract (issue 14): PayerContracts says, with Method "None (hospital terms only)", that the
 * contract has no professional terms. The registry reader accepts it when the contract has hospital terms, and says
 * so when it has none either, since then it prices nothing at all.
 */
import { registryIssueMessage, readRegistry, type RegistrySnapshot } from "../../../src/excel/registry";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { hospitalRows, hospitalWorkbook, type HospitalRows } from "../../formulas/hospitalWorkbook";
import { describeWithSharedData } from "../../support/sharedData";

const read = (rows: HospitalRows): Promise<RegistrySnapshot> =>
  readRegistry(new WorkbookSimulator(hospitalWorkbook(rows)).excel);

const hospitalOnly = (name: string) => ({
  "Contract Name": name,
  Payer: "Acme Health",
  "Effective Start Date": "2025-01-01",
  Method: "None (hospital terms only)",
});

describeWithSharedData("a contract with no professional terms", () => {
  it("reads with no problem when it has inpatient or outpatient terms", async () => {
    const snapshot = await read(hospitalRows());
    expect(snapshot.registry.versionsByName.get("valley hospital")?.map((v) => v.method)).toEqual([{ kind: "none" }]);
    expect(snapshot.issues.map(registryIssueMessage)).toEqual([]);
  });

  it("is reported on its PayerContracts row when it has no hospital terms either", async () => {
    const rows = hospitalRows();
    const snapshot = await read({ ...rows, PayerContracts: [...rows.PayerContracts!, hospitalOnly("Cedar Hospital")] }); // prettier-ignore
    expect(snapshot.issues.map(registryIssueMessage)).toEqual([
      'Table PayerContracts (sheet PayerContracts), row 7: contract "Cedar Hospital" has Method None (hospital terms only), but no row in InpatientTerms or OutpatientTerms, so it prices nothing: add its hospital terms, or give it a professional Method.',
    ]);
  });

  it("is not reported once it has a row in OutpatientTerms", async () => {
    const rows = hospitalRows();
    const terms = { "Contract Name": "Cedar Hospital", "Effective Start Date": "2025-01-01", "Outpatient Method": "Percent of Charges", Percent: 0.5 }; // prettier-ignore
    const snapshot = await read({
      ...rows,
      PayerContracts: [...rows.PayerContracts!, hospitalOnly("Cedar Hospital")],
      OutpatientTerms: [...rows.OutpatientTerms!, terms],
    });
    expect(snapshot.issues.map(registryIssueMessage)).toEqual([]);
  });
});
