// The hospital schedules panel in jsdom: CMS's real files (../shared/data) chosen as the browser hands them over, the
// preview of each before anything is written, and the imports and the wage index written into the simulator.
import { fireEvent, screen, within } from "@testing-library/react";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { hospitalWorkbook } from "../../formulas/hospitalWorkbook";
import { readFileSync } from "fs";
import path from "path";
import { describeWithSharedData, SHARED_DATA } from "../../support/sharedData";
import { aFixtureFile, cancelWhileItRuns, heldExcel, openTab } from "../support";

jest.setTimeout(120_000);

const TAB = "Hospital schedules";

function openPanel(simulator = new WorkbookSimulator(hospitalWorkbook())) {
  openTab(simulator.excel, TAB);
  return simulator;
}

type FileLabel = "MS-DRG weights file" | "Addendum B file" | "Wage index file";
const choose = (label: FileLabel, file: File) => fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } }); // prettier-ignore
const sharedFile = (relativePath: string, name = path.basename(relativePath)) =>
  new File([readFileSync(path.join(SHARED_DATA!, relativePath))], name); // prettier-ignore
const LONG = { timeout: 60_000 };

/** Body rows of a table in the simulator. */
async function tableRows(simulator: WorkbookSimulator, table: string): Promise<unknown[][]> {
  return simulator.excel.run(async (context) => {
    const body = context.workbook.tables.getItem(table).getDataBodyRange().load("values");
    await context.sync();
    return body.values;
  });
}

describeWithSharedData("the task pane's hospital schedules panel: MS-DRG weights", () => {
  it("previews the DRGs read and the fiscal year of CMS's pricer file before writing", async () => {
    openPanel();
    choose("MS-DRG weights file", sharedFile("cms-ipps/ipps_drgstable_FY2026_cms_pricer.csv"));
    expect(await screen.findByLabelText("MS-DRG weights summary")).toHaveTextContent(
      "ipps_drgstable_FY2026_cms_pricer.csv: 772 MS-DRGs read, FY2026",
    );
    expect(screen.getByText("into MsDrgWeights: replaces its FY2026 rows, keeps other years")).toBeInTheDocument();
  });

  it("imports the weights into MsDrgWeights, saying how many rows it replaced and kept", async () => {
    const simulator = openPanel();
    choose("MS-DRG weights file", sharedFile("cms-ipps/ipps_drgstable_FY2026_cms_pricer.csv"));
    fireEvent.click(await screen.findByRole("button", { name: "Import MS-DRG weights" }));
    expect(
      await screen.findByText(/Wrote 772 MS-DRG weights of FY2026 to table MsDrgWeights/, {}, LONG),
    ).toHaveTextContent("It replaced the table's 4 rows of FY2026 and kept its 4 rows of other periods.");
    expect((await tableRows(simulator, "MsDrgWeights")).length).toBe(776);
  });

  it("shows a progress bar with Cancel while the weights are written, and a cancelled import changes nothing", async () => {
    const simulator = new WorkbookSimulator(hospitalWorkbook());
    const held = heldExcel(simulator);
    openTab(held.excel, TAB);
    choose("MS-DRG weights file", sharedFile("cms-ipps/ipps_drgstable_FY2025_cms_pricer.csv"));
    const start = await screen.findByRole("button", { name: "Import MS-DRG weights" });
    const before = simulator.describe();

    const ending = await cancelWhileItRuns(held, document.body, start, "Writing the MS-DRG weights");

    expect(ending).toContain("Nothing was changed");
    expect(simulator.describe()).toEqual(before);
  });

  it("refuses a physician fee schedule file chosen as MS-DRG weights, with no Import button", async () => {
    openPanel();
    choose("MS-DRG weights file", aFixtureFile("cms-pfs", "pprrvu-2025-oct-excerpt.csv"));
    expect(await screen.findByText(/pprrvu-2025-oct-excerpt.csv: This is not a CMS MS-DRG weights file: no header row with MS-DRG and weight was found/)).toBeInTheDocument(); // prettier-ignore
    expect(screen.queryByRole("button", { name: "Import MS-DRG weights" })).toBeNull();
  });

  it("refuses an Excel workbook up front and asks for the CSV", async () => {
    openPanel();
    choose("MS-DRG weights file", sharedFile("cms-ipps/ipps_drgstable_FY2026_cms_pricer.csv", "table5.xlsx"));
    expect(await screen.findByText(/table5.xlsx is an Excel workbook/)).toHaveTextContent("save it as CSV");
  });

  it("asks for the fiscal year of a Table 5 that does not say it, then previews with it", async () => {
    openPanel();
    const table5 = "Table 5 - List of MS-DRGs\nMS-DRG,MS-DRG Title,Weights,Geometric mean LOS,Arithmetic mean LOS\n470,MAJOR HIP AND KNEE JOINT REPLACEMENT,1.9289,1.9,2.2\n"; // prettier-ignore
    choose("MS-DRG weights file", new File([table5], "table5.csv"));
    const year = await screen.findByRole("textbox", { name: "Fiscal year" });
    expect(screen.queryByLabelText("MS-DRG weights summary")).toBeNull();
    fireEvent.change(year, { target: { value: "2026" } });
    expect(await screen.findByLabelText("MS-DRG weights summary")).toHaveTextContent("table5.csv: 1 MS-DRG read, FY2026"); // prettier-ignore
  });
});

describeWithSharedData("the task pane's hospital schedules panel: OPPS Addendum B", () => {
  it("takes the quarter from the file's name and lists the row it skips, with its reason", async () => {
    openPanel();
    choose("Addendum B file", sharedFile("cms-opps/opps_addendum_b_2025-10_section508.csv"));
    expect(await screen.findByLabelText("Addendum B summary", {}, LONG)).toHaveTextContent(
      "opps_addendum_b_2025-10_section508.csv: 18,797 codes read, quarter from 2025-10-01",
    );
    const skipped = screen.getByRole("list", { name: /1 row skipped in opps_addendum_b_2025-10/ });
    expect(within(skipped).getByRole("listitem")).toHaveTextContent(/^Row 11609/);
  });

  it("asks for the quarter when the file's name does not say it", async () => {
    openPanel();
    choose("Addendum B file", sharedFile("cms-opps/opps_addendum_b_2025-01_section508.csv", "addendum.csv"));
    const quarter = await screen.findByRole("textbox", { name: "Quarter starts" });
    expect(screen.getByText(/Enter the quarter's first day/)).toBeInTheDocument();
    fireEvent.change(quarter, { target: { value: "2026-01-01" } });
    expect(await screen.findByText(/This Addendum B is for CY 2025 \(its first rows say so\)/, {}, LONG)).toBeInTheDocument(); // prettier-ignore
  });

  it("imports the quarter into OppsRates beside January's rows", async () => {
    const simulator = openPanel();
    choose("Addendum B file", sharedFile("cms-opps/opps_addendum_b_2025-10_section508.csv"));
    fireEvent.click(await screen.findByRole("button", { name: "Import Addendum B" }, LONG));
    expect(await screen.findByText(/Wrote 18,797 codes of the Addendum B in effect from 2025-10-01/, {}, LONG)).toBeInTheDocument(); // prettier-ignore
    const starts = (await tableRows(simulator, "OppsRates")).map((row) => row[1]);
    expect(new Set(starts).size).toBe(2);
  });
});

describeWithSharedData("the task pane's hospital schedules panel: the wage index", () => {
  it("fills the index from the CBSA chosen and the kind of index, then writes it into the rows chosen", async () => {
    const simulator = openPanel();
    choose("Wage index file", sharedFile("cms-ipps/ipps_cbsa_wage_index_FY2026_cms_pricer.csv"));
    expect(await screen.findByLabelText("Wage index summary")).toHaveTextContent("471 areas");
    const area = screen.getByRole("combobox", { name: "Area (CBSA)" });
    fireEvent.click(area);
    fireEvent.change(area, { target: { value: "alaska" } });
    fireEvent.click(await screen.findByRole("option", { name: "02 ALASKA" }));
    expect(screen.getByRole("textbox", { name: "Wage index" })).toHaveValue("1.1438");
    fireEvent.change(screen.getByRole("combobox", { name: "Index" }), { target: { value: "reclassifiedWageIndex" } });
    expect(screen.getByRole("textbox", { name: "Wage index" })).toHaveValue("1.0694");

    fireEvent.click(screen.getByRole("button", { name: "Show contract rows" }));
    const valley = await screen.findByLabelText(/^Row 3: Valley Hospital/);
    expect([valley, screen.getByLabelText(/^Row 4: Mercy Rev Codes/)].map((c) => (c as HTMLInputElement).checked)).toEqual([true, false]); // prettier-ignore
    fireEvent.click(screen.getByLabelText(/^Row 2: Mercy Hospital PPO/));
    fireEvent.click(screen.getByRole("button", { name: "Write wage index" }));

    expect(await screen.findByText(/Wage index 1.0694 is in OutpatientTerms row 3/)).toBeInTheDocument();
    expect((await tableRows(simulator, "OutpatientTerms")).map((row) => row[5])).toEqual([0.8, 1.0694, ""]);
  });
});
