// The Medicare schedule panel in jsdom: the CMS files chosen as the browser hands them over (File objects built from
// the excerpts in test/fixtures/cms-pfs), the preview, the locality search and the import into the simulator.
import { fireEvent, screen, within } from "@testing-library/react";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { aFixtureFile, cancelWhileItRuns, heldExcel, oneClaimWorkbook, openTab } from "../support";

/** A chosen file with the bytes of a CMS excerpt in test/fixtures/cms-pfs. */
const aFile = (fixture: string, options: { name?: string; claimedSize?: number } = {}) =>
  aFixtureFile("cms-pfs", fixture, options);

function openPanel(simulator: WorkbookSimulator = new WorkbookSimulator(oneClaimWorkbook({ table: false }))) {
  openTab(simulator.excel, "Medicare schedule");
  return simulator;
}

function choose(label: "PPRRVU file" | "GPCI file" | "OPPSCAP file", file: File) {
  fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
}

/** Opens the locality list and types into its search box, as a user does. */
function search(typed: string) {
  const combobox = screen.getByRole("combobox", { name: "Locality" });
  fireEvent.click(combobox);
  fireEvent.change(combobox, { target: { value: typed } });
}

/** Types into the locality search and picks the option with this text. */
async function pickLocality(typed: string, option: string) {
  search(typed);
  fireEvent.click(await screen.findByRole("option", { name: option }));
}

describe("the task pane's Medicare schedule panel", () => {
  it("shows the codes, the conversion factor and every problem row of the relative value file before writing", async () => {
    openPanel();

    choose("PPRRVU file", aFile("pprrvu-2026-jul-nonqpp-excerpt.csv"));

    expect(await screen.findByLabelText("PPRRVU summary")).toHaveTextContent(
      "pprrvu-2026-jul-nonqpp-excerpt.csv: 8 codes, CF 33.4009",
    );
    const problems = screen.getByRole("list", { name: /1 problems in pprrvu-2026/ });
    expect(within(problems).getByRole("listitem")).toHaveTextContent('Row 19, column HCPCS: "GXXX1" is not a CPT/HCPCS code'); // prettier-ignore
  });

  it("refuses an Excel workbook up front and asks for the CSV", async () => {
    openPanel();

    choose("PPRRVU file", aFile("pprrvu-2025-oct-excerpt.csv", { name: "PPRRVU25_OCT.xlsx" }));

    expect(await screen.findByText(/PPRRVU25_OCT.xlsx is an Excel workbook/)).toHaveTextContent(
      "save it as CSV (Comma delimited)",
    );
    expect(screen.queryByRole("combobox", { name: "Locality" })).toBeNull();
  });

  it("refuses an oversized GPCI file up front with its size and the limit", async () => {
    openPanel();

    choose("GPCI file", aFile("gpci-2025-excerpt.csv", { name: "GPCI2025.csv", claimedSize: 3 * 1024 * 1024 }));

    expect(await screen.findByText(/GPCI2025.csv is 3 MB/)).toHaveTextContent("at most 1 MB");
  });

  it("finds a locality by name and previews 99213 and 99214 there, with names for the new sheet", async () => {
    openPanel();
    choose("PPRRVU file", aFile("pprrvu-2025-oct-excerpt.csv"));
    choose("GPCI file", aFile("gpci-2025-excerpt.csv"));
    expect(await screen.findByLabelText("GPCI summary")).toHaveTextContent("7 localities");

    await pickLocality("hous", "04412-18 HOUSTON, TX");

    const preview = screen.getByRole("table", { name: "Amounts preview" });
    const rows = within(preview)
      .getAllByRole("row")
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual(["99213$91.00$65.69", "99214$128.21$96.74"]);
    expect(screen.getByRole("textbox", { name: "Year" })).toHaveValue("2025");
    expect(screen.getByRole("textbox", { name: "New sheet" })).toHaveValue("Medicare 2025 Houston");
    expect(screen.getByRole("textbox", { name: "Table name" })).toHaveValue("MPFS_2025_0441218");
  });

  it("lists only the localities that match what is typed", async () => {
    openPanel();
    choose("PPRRVU file", aFile("pprrvu-2025-oct-excerpt.csv"));
    choose("GPCI file", aFile("gpci-2025-excerpt.csv"));
    await screen.findByLabelText("GPCI summary");

    search("04412");

    const options = await screen.findAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(["04412-18 HOUSTON, TX", "04412-99 REST OF TEXAS, TX"]);
  });

  it("imports the schedule into a new sheet registered in MedicareSchedules", async () => {
    const simulator = openPanel();
    choose("PPRRVU file", aFile("pprrvu-2025-oct-excerpt.csv"));
    choose("GPCI file", aFile("gpci-2025-excerpt.csv"));
    await screen.findByLabelText("GPCI summary");
    await pickLocality("manhattan", "13202-01 MANHATTAN, NY");

    fireEvent.click(screen.getByRole("button", { name: "Import schedule" }));

    expect(
      await screen.findByText(/Wrote 16 rows to table MPFS_2025_1320201/, {}, { timeout: 30_000 }),
    ).toBeInTheDocument();
    expect(simulator.tables().map((t) => `${t.sheet}!${t.name}`)).toEqual([
      "Medicare 2025 Manhattan!MPFS_2025_1320201",
      "Medicare Schedules!MedicareSchedules",
    ]);
  });

  it("imports national amounts when no GPCI file is chosen", async () => {
    const simulator = openPanel();
    choose("PPRRVU file", aFile("pprrvu-2026-jul-nonqpp-excerpt.csv"));
    await screen.findByLabelText("PPRRVU summary");

    await pickLocality("nation", "National (GPCI 1.000)");
    const preview = screen.getByRole("table", { name: "Amounts preview" });
    expect(within(preview).getAllByRole("row")[1]).toHaveTextContent("99213$95.19$57.45");
    fireEvent.click(screen.getByRole("button", { name: "Import schedule" }));

    expect(
      await screen.findByText(/Wrote 8 rows to table MPFS_2026_National/, {}, { timeout: 30_000 }),
    ).toBeInTheDocument();
    expect(simulator.sheetNames()).toContain("Medicare 2026 National");
  });

  it("shows a progress bar with Cancel while the schedule is written, and a cancelled import changes nothing", async () => {
    const simulator = new WorkbookSimulator(oneClaimWorkbook({ table: false }));
    const held = heldExcel(simulator);
    openTab(held.excel, "Medicare schedule");
    choose("PPRRVU file", aFile("pprrvu-2026-jul-nonqpp-excerpt.csv"));
    await screen.findByLabelText("PPRRVU summary");
    await pickLocality("nation", "National (GPCI 1.000)");
    const before = simulator.describe();

    const start = screen.getByRole("button", { name: "Import schedule" });
    const ending = await cancelWhileItRuns(held, document.body, start, "Writing the Medicare schedule");

    expect(ending).toContain("Nothing was changed");
    expect(simulator.describe()).toEqual(before);
  });

  it("offers CMS's OPPS imaging cap file as an optional third file, saying what happens without it", () => {
    openPanel();

    expect(screen.getByLabelText("OPPSCAP file")).toBeInTheDocument();
    expect(screen.getByText(/Optional: without it, imaging is priced without the OPPS cap/)).toBeInTheDocument();
  });

  it("imports the chosen OPPSCAP file's caps with the schedule, in two more columns", async () => {
    const simulator = openPanel();
    choose("PPRRVU file", aFile("pprrvu-2025-oct-excerpt.csv"));
    choose("GPCI file", aFile("gpci-2025-excerpt.csv"));
    choose("OPPSCAP file", new File([OPPSCAP_HOUSTON], "OPPSCAP_Oct.csv"));
    expect(await screen.findByLabelText("OPPSCAP summary")).toHaveTextContent("OPPSCAP_Oct.csv: 2 caps");
    await pickLocality("hous", "04412-18 HOUSTON, TX");

    fireEvent.click(screen.getByRole("button", { name: "Import schedule" }));

    // The excerpt's codes (E/M visits, a chest X-ray) are not capped: the message says so, and the columns are there.
    expect(
      await screen.findByText(/OPPSCAP_Oct.csv caps no code of the relative value file in locality 04412-18/, {}, { timeout: 30_000 }), // prettier-ignore
    ).toBeInTheDocument();
    const headers = simulator.describe().tables.find((t) => t.name === "MPFS_2025_0441218")?.headers;
    expect(headers?.slice(-2)).toEqual(["Non-Facility OPPS Cap", "Facility OPPS Cap"]);
  });
});

/** Rows 1, 5002 and 5117 of OPPSCAP_Oct.csv: the Houston caps of 74175 and its TC. */
const OPPSCAP_HOUSTON = [
  "HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,FACILITY PRICE,NON-FACILTY PRICE",
  "74175,,A,04412,18,263.72,263.72",
  "74175,TC,A,04412,18,178.70,178.70",
  "",
].join("\r\n");
