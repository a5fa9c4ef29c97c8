// The import command run against the workbook simulator, with the real 835 samples of test/fixtures/x12-835.
import { readFileSync } from "fs";
import path from "path";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { importRemittances, suggestRemittanceNames } from "../../../src/taskpane/remittances/remittanceCommands";
import { acceptedSources, previewRemittance } from "../../../src/taskpane/remittances/remittanceFiles";
import { cellAt } from "../../playground/simulator/helpers";
import { oneClaimWorkbook } from "../support";

const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures", "x12-835");
const preview = (name: string) => previewRemittance(name, new Uint8Array(readFileSync(path.join(FIXTURES, name))));
const sources = () => acceptedSources(["emedny_sample.835", "tigershark_4010_out_of_balance.835"].map(preview));

describe("importing remittances", () => {
  it("writes every line of every accepted file into one new table, in file order", async () => {
    const simulator = new WorkbookSimulator(oneClaimWorkbook());

    const outcome = await importRemittances.run(simulator.excel, {
      sheetName: "Remittances",
      tableName: "Remittances",
      sources: sources(),
    });

    expect(outcome).toMatchObject({ ok: true, value: { rowCount: 12, address: "A1:AK13" } });
    expect(outcome.message).toBe('Imported 12 lines from 2 files into table Remittances on sheet "Remittances".');
    expect(simulator.tables()).toContainEqual({ name: "Remittances", sheet: "Remittances", address: "A1:AK13" });
    expect(cellAt(simulator, "Remittances", "AD2").value).toBe("emedny_sample.835");
    expect(cellAt(simulator, "Remittances", "AD13").value).toBe("tigershark_4010_out_of_balance.835");
    expect(cellAt(simulator, "Remittances", "B13").value).toBe("001-SSSSSSSSSS");
  });

  it("reports the rows written as it goes", async () => {
    const simulator = new WorkbookSimulator(oneClaimWorkbook());
    const reports: string[] = [];

    await importRemittances.run(simulator.excel, {
      sheetName: "Remittances",
      tableName: "Remittances",
      sources: sources(),
      onProgress: ({ done, total }) => reports.push(`${done}/${total}`),
    });

    expect(reports.at(-1)).toBe("12/12");
  });

  it("never replaces a sheet that already has the name, and says so", async () => {
    const simulator = new WorkbookSimulator({
      sheets: [...oneClaimWorkbook().sheets, { name: "Remittances", cells: [["my notes"]] }],
    });

    const outcome = await importRemittances.run(simulator.excel, {
      sheetName: "Remittances",
      tableName: "Remittances",
      sources: sources(),
    });

    expect(outcome).toEqual({
      ok: false,
      cancelled: false,
      message:
        'A sheet named "Remittances" already exists. Choose another name, or confirm that it should be replaced.',
    });
    expect(cellAt(simulator, "Remittances", "A1").value).toBe("my notes");
  });

  it("leaves the workbook as it was when cancelled", async () => {
    const simulator = new WorkbookSimulator(oneClaimWorkbook());
    const cancel = new AbortController();
    cancel.abort();

    const outcome = await importRemittances.run(simulator.excel, {
      sheetName: "Remittances",
      tableName: "Remittances",
      sources: sources(),
      signal: cancel.signal,
    });

    expect(outcome).toMatchObject({ ok: false, cancelled: true });
    expect(simulator.sheetNames()).toEqual(["Claims"]);
  });

  it("refuses to import when no file was accepted", async () => {
    const simulator = new WorkbookSimulator(oneClaimWorkbook());

    const outcome = await importRemittances.run(simulator.excel, {
      sheetName: "Remittances",
      tableName: "Remittances",
      sources: acceptedSources([preview("error.csv-export.835")]),
    });

    expect(outcome).toEqual({
      ok: false,
      cancelled: false,
      message: "There are no remittance lines to import: choose 835 files.",
    });
    expect(simulator.requestLog).toHaveLength(0);
  });
});

describe("suggesting names for the new sheet", () => {
  it("proposes Remittances 2 once Remittances exists", async () => {
    const simulator = new WorkbookSimulator(oneClaimWorkbook());
    await importRemittances.run(simulator.excel, {
      sheetName: "Remittances",
      tableName: "Remittances",
      sources: sources(),
    });

    const names = await suggestRemittanceNames.run(simulator.excel);

    expect(names.suggested).toEqual({ sheetName: "Remittances 2", tableName: "Remittances2" });
    expect(names.sheetNames).toEqual(["Claims", "Remittances"]);
  });
});
