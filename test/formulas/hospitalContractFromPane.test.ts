/**
 * A hospital contract defined from the pane prices at once: in a workbook with no hospital table, the user imports
 * CMS's MS-DRG weights, saves a hospital-only contract, then its MS-DRG inpatient terms (which creates the
 * InpatientTerms table), and a PAYER.INPATIENT_PAYMENT formula shows the DRG's weight x the base rate, as the
 * browser test (test/e2e/hospitalContract.test.ts) does through the pane.
 */
import { Decimal } from "../../src/engine";
import { listContracts, saveContractVersion, type ContractForm } from "../../src/excel/contracts/contractEditor";
import { saveHospitalTerms, termsContextOf, type TermsForm } from "../../src/excel/contracts/hospitalTerms";
import { emptyForm } from "../../src/excel/contracts/registryForm";
import { writeDrgWeights } from "../../src/excel/hospitalSchedule";
import { INPATIENT_TERMS_SPEC } from "../../src/excel/registry/hospitalTermsTables";
import { PAYER_CONTRACTS_SPEC } from "../../src/excel/registry/registryTables";
import { parseDrgWeightsCsv } from "../../src/formats/cmsIpps";
import { buildSampleWorkbook } from "../../src/playground/sample/sampleWorkbook";
import type { WorkbookSimulator } from "../../src/playground/simulator";
import { cellAt, typeInto } from "../playground/simulator/helpers";
import { describeWithSharedData, readSharedData } from "../support/sharedData";
import { afterRefresh, simulatorWithRegistry } from "./support";

const DRG_FILE = "cms-ipps/ipps_drgstable_FY2026_cms_pricer.csv";

/** A DRG's FY2026 weight as the pricer CSV writes it (its third column). */
function weightOf(drg: string): Decimal {
  const row = readSharedData(DRG_FILE)
    .split(/\r?\n/)
    .find((line) => line.startsWith(`${drg},`));
  return new Decimal(row!.split(",")[2]!);
}

async function defineCedarHospital(simulator: WorkbookSimulator): Promise<void> {
  const parsed = parseDrgWeightsCsv(readSharedData(DRG_FILE));
  if (!parsed.ok) throw new Error(parsed.issue.code);
  const written = await writeDrgWeights(simulator.excel, parsed.value.table);
  if (!written.ok) throw new Error(written.issue.code);

  const before = await listContracts(simulator.excel);
  const contract: ContractForm = {
    ...emptyForm(PAYER_CONTRACTS_SPEC.columns),
    contractName: "Cedar Hospital",
    payer: "Cedar Health",
    effectiveStartDate: "2025-01-01",
    method: "None (hospital terms only)",
  };
  const version = await saveContractVersion(simulator.excel, { form: contract, editing: null, versions: before.contracts.flatMap((c) => c.versions) }); // prettier-ignore
  if (!version.ok) throw new Error(JSON.stringify(version.issue));

  const listed = await listContracts(simulator.excel);
  const terms: TermsForm<"inpatient"> = {
    ...emptyForm(INPATIENT_TERMS_SPEC.columns),
    contractName: "Cedar Hospital",
    effectiveStartDate: "2025-01-01",
    inpatientMethod: "MS-DRG",
    baseRate: "9800",
  } as TermsForm<"inpatient">;
  const saved = await saveHospitalTerms(simulator.excel, { ...termsContextOf(listed.contracts, "inpatient", null), side: "inpatient", form: terms }); // prettier-ignore
  if (!saved.ok) throw new Error(JSON.stringify(saved.issue));
  await afterRefresh(simulator);
}

describeWithSharedData("a hospital contract defined from the pane", () => {
  it("prices a stay in a formula as soon as its terms are saved: DRG 470 FY2026 weight x $9,800.00", async () => {
    const simulator = await simulatorWithRegistry(buildSampleWorkbook());
    await defineCedarHospital(simulator);

    typeInto(simulator, "Claims", "ZZ2", '=PAYER.INPATIENT_PAYMENT("Cedar Hospital", "470", "2025-11-02", "2025-11-05", 42000)'); // prettier-ignore
    await afterRefresh(simulator);

    const { value, errorMessage } = cellAt(simulator, "Claims", "ZZ2");
    expect({ value, errorMessage }).toEqual({
      value: weightOf("470").times(9800).toDecimalPlaces(2).toNumber(),
      errorMessage: undefined,
    });
  }, 120_000);
});
