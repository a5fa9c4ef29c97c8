/**
 * The hospital's wage index written into the OutpatientTerms rows the user chose (issue 14 item 3): only their Wage
 * Index cells change, a row changed since it was listed refuses the write, and Percent of OPPS then prices with it.
 */
import "../../functions/support/installShim";
import { Decimal } from "../../../src/engine";
import { registryCache } from "../../../src/functions/registryCache";
import { PAYER_FUNCTIONS } from "../../../src/functions/registry";
import {
  describeHospitalImportIssue,
  listOutpatientTerms,
  writeWageIndex,
  type TermsRow,
} from "../../../src/excel/hospitalSchedule";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { hospitalRows, hospitalWorkbook } from "../../formulas/hospitalWorkbook";
import { describeWithSharedData } from "../../support/sharedData";

const outpatientPayment = PAYER_FUNCTIONS.find((entry) => entry.id === "OUTPATIENT_PAYMENT")!.implementation;

async function listed(simulator: WorkbookSimulator): Promise<readonly TermsRow[]> {
  const rows = await listOutpatientTerms(simulator.excel);
  if (!rows.ok) throw new Error(describeHospitalImportIssue(rows.issue));
  return rows.value;
}

async function wageIndexes(simulator: WorkbookSimulator): Promise<unknown[]> {
  return (await listed(simulator)).map((row) => `${row.contractName} ${row.wageIndex}`);
}

describeWithSharedData("writing the hospital's wage index into OutpatientTerms", () => {
  it("lists each contract's row with its start date and method, Percent of OPPS rows marked as using the index", async () => {
    const simulator = new WorkbookSimulator(hospitalWorkbook());
    const rows = (await listed(simulator)).map((r) => [r.rowNumber, r.contractName, r.effectiveStartDate, r.usesWageIndex]); // prettier-ignore
    expect(rows).toEqual([
      [2, "Mercy Hospital PPO", "2025-01-01", true],
      [3, "Valley Hospital", "2025-01-01", true],
      [4, "Mercy Rev Codes", "2025-01-01", false],
    ]);
  });

  it("writes the index into the chosen row only", async () => {
    const simulator = new WorkbookSimulator(hospitalWorkbook());
    const [, valley] = await listed(simulator);
    const result = await writeWageIndex(simulator.excel, new Decimal("0.9700"), [valley!]);
    expect(result.ok).toBe(true);
    expect(await wageIndexes(simulator)).toEqual([
      "Mercy Hospital PPO 0.8",
      "Valley Hospital 0.97",
      "Mercy Rev Codes ",
    ]);
  });

  it("prices Percent of OPPS with the new index: 20610 $295.19 x (0.60 x 0.97 + 0.40) = $289.88", async () => {
    const simulator = new WorkbookSimulator(hospitalWorkbook());
    const [, valley] = await listed(simulator);
    await writeWageIndex(simulator.excel, new Decimal("0.97"), [valley!]);
    await registryCache.start(simulator.excel);
    const line = (k: unknown) => [[k]];
    const result = await outpatientPayment(line("Valley Hospital"), line("OP-2"), line("0360"), line("20610"), line(1), line(800), line("2025-03-10")); // prettier-ignore
    expect((result as unknown[][])[0]![0]).toBe(289.88);
  });

  it("refuses, writing nothing, when the row changed after it was listed", async () => {
    const simulator = new WorkbookSimulator(hospitalWorkbook());
    const [mercy] = await listed(simulator);
    const moved = { ...mercy!, values: mercy!.values.map((v, i) => (i === 0 ? "Another Hospital" : v)) };
    const result = await writeWageIndex(simulator.excel, new Decimal("0.97"), [moved]);
    expect(result.ok ? "written" : describeHospitalImportIssue(result.issue)).toBe(
      'Row 2 of OutpatientTerms (sheet "OutpatientTerms") changed after the list was shown. Nothing was written: refresh the list and choose the rows again.',
    );
    expect(await wageIndexes(simulator)).toEqual(["Mercy Hospital PPO 0.8", "Valley Hospital 1.2", "Mercy Rev Codes "]);
  });

  it("refuses an index the registry would not read (87.32 for 0.8732)", async () => {
    const simulator = new WorkbookSimulator(hospitalWorkbook());
    const [mercy] = await listed(simulator);
    const result = await writeWageIndex(simulator.excel, new Decimal("87.32"), [mercy!]);
    expect(result.ok ? "written" : result.issue.code).toBe("wageIndexInvalid");
  });

  it("says so when the workbook has no OutpatientTerms table", async () => {
    const { OutpatientTerms: _terms, ...others } = hospitalRows();
    const result = await listOutpatientTerms(new WorkbookSimulator(hospitalWorkbook(others)).excel);
    expect(result.ok ? "listed" : result.issue.code).toBe("termsTableMissing");
  });
});
