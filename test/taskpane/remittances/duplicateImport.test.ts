// The Remittances tab's check before Import (issue 13): files whose payment the workbook holds already are named,
// with the real 835 samples of test/fixtures/x12-835.
import { readFileSync } from "fs";
import path from "path";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { checkDuplicateRemittances, importRemittances } from "../../../src/taskpane/remittances/remittanceCommands";
import { acceptedSources, previewRemittance } from "../../../src/taskpane/remittances/remittanceFiles";
import { oneClaimWorkbook } from "../support";

const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures", "x12-835");
const preview = (name: string) => previewRemittance(name, new Uint8Array(readFileSync(path.join(FIXTURES, name))));

describe("choosing 835 files to import", () => {
  it("warns, naming the file and the table, when a file was imported before", async () => {
    const simulator = new WorkbookSimulator(oneClaimWorkbook());
    const sources = acceptedSources(["emedny_sample.835"].map(preview));
    await importRemittances.run(simulator.excel, { sheetName: "Remittances", tableName: "Remittances", sources });

    const warnings = await checkDuplicateRemittances.run(simulator.excel, sources);

    expect(warnings).toEqual([
      'emedny_sample.835 looks imported already: table "Remittances" holds its payment (check/EFT 10100000000 from NYSDOH). Importing it again counts its lines twice in totals over both tables.',
    ]);
  });

  it("says nothing before the first import", async () => {
    const simulator = new WorkbookSimulator(oneClaimWorkbook());
    const sources = acceptedSources(["emedny_sample.835", "tigershark_4010_out_of_balance.835"].map(preview));
    expect(await checkDuplicateRemittances.run(simulator.excel, sources)).toEqual([]);
  });

  it("still lets the user import the file again, into a new table", async () => {
    const simulator = new WorkbookSimulator(oneClaimWorkbook());
    const sources = acceptedSources(["emedny_sample.835"].map(preview));
    await importRemittances.run(simulator.excel, { sheetName: "Remittances", tableName: "Remittances", sources });

    const again = await importRemittances.run(simulator.excel, { sheetName: "Feb", tableName: "Feb", sources });

    expect(again).toMatchObject({ ok: true, value: { rowCount: 10 } });
  });
});
