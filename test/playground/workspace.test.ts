/**
 * Issue 18 item 1: Open .xlsx replaces the playground's workbook only with a whole workbook; a refused file leaves
 * the workbook on screen as it was.
 */
import { saveXlsx } from "../../src/playground/xlsx";
import { WorkbookSimulator, type WorkbookSnapshot } from "../../src/playground/simulator";
import { PlaygroundWorkspace } from "../../src/playground/workspace";

const sample: WorkbookSnapshot = { sheets: [{ name: "Sample", cells: [["sample"]] }] };

/** A workspace on the sample, with the workbooks it installed as the page's. */
function aWorkspace() {
  const installed: WorkbookSimulator[] = [];
  const workspace = new PlaygroundWorkspace(sample, {}, async (simulator) => void installed.push(simulator));
  return { workspace, installed };
}

describe("opening a file in the playground", () => {
  it("shows the user's workbook once it is opened, and says what it held", async () => {
    const { workspace, installed } = aWorkspace();
    const users = new WorkbookSimulator({ sheets: [{ name: "Claims", cells: [["Claim ID"], ["C-1"]], tables: [{ name: "Claims", address: "A1:A2" }] }] }); // prettier-ignore
    const outcome = await workspace.open("claims.xlsx", (await saveXlsx(users)).bytes);
    expect(outcome).toEqual({ ok: true, message: 'Opened "claims.xlsx": 1 sheet, 1 table.' });
    expect(installed.map((simulator) => simulator.sheetNames())).toEqual([["Claims"]]);
    expect(workspace.simulator.cell("Claims", 1, 0).value).toBe("C-1");
  });

  it("keeps the workbook as it was when the file is not an .xlsx", async () => {
    const { workspace, installed } = aWorkspace();
    const before = workspace.simulator;
    const outcome = await workspace.open("rates.csv", new TextEncoder().encode("HCPCS,Rate\n99213,91.50\n"));
    expect(outcome.ok).toBe(false);
    expect(installed).toEqual([]);
    expect(workspace.simulator).toBe(before);
  });

  it("saves under the name the workbook was opened with", async () => {
    const { workspace } = aWorkspace();
    await workspace.open("Acme 2025.xlsx", (await saveXlsx(new WorkbookSimulator(sample))).bytes);
    expect((await workspace.save()).file.name).toBe("Acme 2025.xlsx");
  });
});
