// Importing the same 835 file twice is flagged before anything is written (issue 13), by its payments: payer and
// check/EFT trace number, as the remittance table keeps them. Real samples from ../shared/data/x12-835.
import {
  duplicateRemittanceMessage,
  findDuplicateRemittances,
  readImportedPayments,
} from "../../../src/excel/remittances/duplicatePayments";
import { remittanceTableRequest, type RemittanceSource } from "../../../src/excel/remittances/remittanceTable";
import { writeTable } from "../../../src/excel/core/tableWriter";
import { parse835, remit835UserMessage } from "../../../src/formats/remit835";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";

function source(fileName: string, relativePath: string): RemittanceSource {
  const result = parse835(readSharedData(relativePath));
  if (!result.ok) throw new Error(remit835UserMessage(result.issue));
  return { fileName, file: result.value };
}

const UHC = "x12-835/keironstoddart/united_healthcare_legacy_sample.txt";
const BCBS = "x12-835/keironstoddart/blue_cross_nc_sample.txt";

/** A workbook whose table Remittances holds the UnitedHealthcare sample, imported before. */
async function workbookWithUhcImported(): Promise<WorkbookSimulator> {
  const simulator = new WorkbookSimulator({ sheets: [{ name: "Sheet1", cells: [["Notes"]] }] });
  const request = remittanceTableRequest("Remittances", "Remittances", [source("uhc-feb.835", UHC)]);
  const written = await writeTable(simulator.excel, request);
  if (!written.ok) throw new Error("the first import was not written");
  return simulator;
}

describeWithSharedData("a file imported before", () => {
  it("is named with the table that holds its payment, and the trace number and payer", async () => {
    const simulator = await workbookWithUhcImported();
    const imported = await readImportedPayments(simulator.excel);

    const duplicates = findDuplicateRemittances([source("uhc-again.835", UHC), source("bcbs.835", BCBS)], imported);

    expect(duplicates.map(duplicateRemittanceMessage)).toEqual([
      'uhc-again.835 looks imported already: table "Remittances" holds its payment (check/EFT 1234567890 from UNITED HEALTHCARE INSURANCE COMPANY). Importing it again counts its lines twice in totals over both tables.',
    ]);
  });

  it("reads the payments of the workbook's remittance tables once per payment", async () => {
    const simulator = await workbookWithUhcImported();
    expect(await readImportedPayments(simulator.excel)).toEqual([
      { tableName: "Remittances", payer: "UNITED HEALTHCARE INSURANCE COMPANY", checkOrEftTraceNumber: "1234567890" },
    ]);
  });

  it("is not flagged in a workbook without a remittance table", async () => {
    const simulator = new WorkbookSimulator({
      sheets: [{ name: "Claims", cells: [["Payer"], ["Acme"]], tables: [{ name: "Claims", address: "A1:A2" }] }],
    });
    const imported = await readImportedPayments(simulator.excel);
    expect(findDuplicateRemittances([source("uhc.835", UHC)], imported)).toEqual([]);
  });
});

describeWithSharedData("the same file chosen twice in one import", () => {
  it("is named with the file it repeats", () => {
    const duplicates = findDuplicateRemittances(
      [source("bcbs.835", BCBS), source("uhc.835", UHC), source("bcbs copy.835", BCBS)],
      [],
    );
    expect(duplicates.map(duplicateRemittanceMessage)).toEqual([
      "bcbs copy.835 repeats a payment of bcbs.835 (check/EFT 02790758 from BLUE CROSS AND BLUE SHIELD OF NORTH CAROLINA), chosen in this import: its lines would be in the table twice. Choose the files again without it, unless the payer sent it twice on purpose.",
    ]);
  });

  it("is not flagged for two different payments", () => {
    expect(findDuplicateRemittances([source("bcbs.835", BCBS), source("uhc.835", UHC)], [])).toEqual([]);
  });
});
