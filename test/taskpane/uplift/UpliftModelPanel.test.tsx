import { fireEvent, waitFor, within } from "@testing-library/react";
import { WorkbookSimulator, type WorkbookSnapshot } from "../../../src/playground/simulator";
import { cancelWhileItRuns, heldExcel, openPanel } from "../support";

/** A small claims export in users' own words. */
const snapshot: WorkbookSnapshot = {
  sheets: [
    {
      name: "Claims",
      cells: [
        ["Claim", "DOS", "Payer", "CPT", "Units", "Billed", "Allowed"],
        ["C1", "2025-01-05", "Acme", "99213", 1, 150, 100],
        ["C2", "2025-01-06", "Acme", "99214", 1, 300, 200],
        ["C3", "2025-02-01", "Summit", "20610", 2, 400, 80],
      ],
      numberFormats: [{ address: "D2:D4", format: "@" }],
      tables: [{ name: "Claims", address: "A1:G4" }],
    },
  ],
};

/** A Benchmarks table (the columns it requires) on its own sheet: one outpatient dollar rate of Acme per row. */
function benchmarksSheet(
  rates: readonly (readonly [code: string, rate: number])[],
): WorkbookSnapshot["sheets"][number] {
  const header = [
    "Source",
    "Publisher",
    "Payer",
    "Billing Code",
    "Billing Code Type",
    "Setting",
    "Method",
    "Unit",
    "Rate",
  ];
  return {
    name: "Benchmark Rates",
    cells: [header, ...rates.map(([code, rate]) => ["Hospital MRF", "West Mercy", "Acme", code, "CPT", "outpatient", "fee schedule", "dollars", rate])], // prettier-ignore
    numberFormats: [{ address: `D2:D${rates.length + 1}`, format: "@" }],
    tables: [{ name: "Benchmarks", address: `A1:I${rates.length + 1}` }],
  };
}

/** The claims and a Benchmarks table of `rates`. */
const withBenchmarks = (rates: readonly (readonly [string, number])[]): WorkbookSnapshot => ({
  sheets: [...snapshot.sheets, benchmarksSheet(rates)],
});

/** Makes Scenario 1 a market scenario named "To p50" (the percentile starts at 50) and builds the model. */
async function buildToMarket(panel: HTMLElement) {
  await waitFor(() => expect(within(panel).getByLabelText("HCPCS/CPT code")).toHaveValue("CPT"));
  const first = within(panel).getByRole("group", { name: "Scenario 1" });
  fireEvent.change(within(first).getByLabelText("Scenario kind"), { target: { value: "toMarket" } });
  fireEvent.change(within(first).getByLabelText("Scenario name"), { target: { value: "To p50" } });
  expect(within(first).getByLabelText("Market percentile")).toHaveValue("50");
  fireEvent.click(within(panel).getByRole("button", { name: "Build model" }));
}

async function openUpliftPanel(simulator: WorkbookSimulator) {
  const panel = await openPanel(simulator.excel, "Uplift model");
  await within(panel).findByRole("option", { name: "Claims (3 rows)" });
  return panel;
}

describe("the task pane's Uplift model panel", () => {
  it("starts from 5% on the top 20 codes and 3% across the board, with a 2% floor and a 4% target", async () => {
    const panel = await openUpliftPanel(new WorkbookSimulator(snapshot));

    const first = within(panel).getByRole("group", { name: "Scenario 1" });
    const second = within(panel).getByRole("group", { name: "Scenario 2" });
    expect(within(first).getByLabelText("Scenario name")).toHaveValue("5% on top 20");
    expect(within(first).getByLabelText("Uplift %")).toHaveValue("5");
    expect(within(first).getByLabelText("Top N (blank: all)")).toHaveValue("20");
    expect(within(second).getByLabelText("Scenario name")).toHaveValue("3% across the board");
    expect(within(second).getByLabelText("Top N (blank: all)")).toHaveValue("");
    expect(within(panel).getByLabelText("Walk-away floor")).toHaveValue("2");
    expect(within(panel).getByLabelText("Target")).toHaveValue("4");
  });

  it("suggests the column mapping from the headers users have (CPT, Billed, Allowed, DOS)", async () => {
    const panel = await openUpliftPanel(new WorkbookSimulator(snapshot));

    await waitFor(() => expect(within(panel).getByLabelText("HCPCS/CPT code")).toHaveValue("CPT"));
    expect(within(panel).getByLabelText("Billed charge")).toHaveValue("Billed");
    expect(within(panel).getByLabelText("Amount (allowed or paid)")).toHaveValue("Allowed");
    expect(within(panel).getByLabelText("Service date")).toHaveValue("DOS");
  });

  it("builds the model sheet and says what it is worth", async () => {
    const simulator = new WorkbookSimulator(snapshot);
    const panel = await openUpliftPanel(simulator);
    await waitFor(() => expect(within(panel).getByLabelText("HCPCS/CPT code")).toHaveValue("CPT"));

    fireEvent.click(within(panel).getByRole("button", { name: "Build model" }));

    const done = await within(panel).findByText("Done", {}, { timeout: 10_000 });
    // 5% on all three codes (top 20 covers them): 105 + 210 + 84 = 399 against 380; 3%: 391.40.
    expect(done.parentElement).toHaveTextContent(/Built sheet "Uplift Model" from 3 lines and 3 codes/);
    expect(done.parentElement).toHaveTextContent("5% on top 20: +$19.00; 3% across the board: +$11.40.");
    expect(simulator.sheetNames()).toContain("Uplift Model");
    expect(simulator.settings()).toHaveProperty(["payerContracts.claimsMapping.claims"]);
  });

  it("ranks a hospital table by MS-DRG over its stays when asked, each stay once at its claim's allowed amount", async () => {
    // Stays of DRG 470 and 871 (two lines each, the claim's allowed on every line) and one outpatient line.
    const header = ["Claim ID", "Type of Bill", "MS-DRG", "Revenue Code", "HCPCS Code", "Allowed Amount", "Claim Allowed Amount"]; // prettier-ignore
    const hospital: WorkbookSnapshot = {
      sheets: [
        {
          name: "Hospital Claims",
          cells: [
            header,
            ["IP1", "0111", "470", "0120", null, null, 20000],
            ["IP1", "0111", "470", "0278", null, null, 20000],
            ["IP2", "0111", "871", "0120", null, null, 18000],
            ["IP2", "0111", "871", "0250", null, null, 18000],
            ["OP1", "0131", null, "0450", "99284", 900, 900],
          ],
          numberFormats: [{ address: "A2:E6", format: "@" }],
          tables: [{ name: "HospitalClaims", address: "A1:G6" }],
        },
      ],
    };
    const simulator = new WorkbookSimulator(hospital);
    const panel = await openPanel(simulator.excel, "Uplift model");
    await within(panel).findByRole("option", { name: "HospitalClaims (5 rows)" });
    const rankBy = await within(panel).findByLabelText("Rank and uplift by");
    fireEvent.change(rankBy, { target: { value: "drg" } });
    fireEvent.click(within(panel).getByRole("button", { name: "Build model" }));

    const done = await within(panel).findByText("Done", {}, { timeout: 10_000 });
    // 5% on both stays: 21,000 + 18,900 = 39,900 against 38,000 (the outpatient line left out); 3%: 1,140.
    expect(done.parentElement).toHaveTextContent(/from 2 stays and 2 MS-DRGs \(current \$38,000\.00\)/);
    expect(done.parentElement).toHaveTextContent("5% on top 20: +$1,900.00; 3% across the board: +$1,140.00.");
  });

  it("says what to fix when an uplift is not a number, and writes nothing", async () => {
    const simulator = new WorkbookSimulator(snapshot);
    const panel = await openUpliftPanel(simulator);
    await waitFor(() => expect(within(panel).getByLabelText("HCPCS/CPT code")).toHaveValue("CPT"));
    const first = within(panel).getByRole("group", { name: "Scenario 1" });

    fireEvent.change(within(first).getByLabelText("Uplift %"), { target: { value: "five" } });
    fireEvent.click(within(panel).getByRole("button", { name: "Build model" }));

    expect(await within(panel).findByText('Give scenario "5% on top 20" an uplift in percent, like 5.')).toBeVisible();
    expect(simulator.sheetNames()).toEqual(["Claims"]);
  });

  it("shows a progress bar with Cancel while the model is built, and a cancelled build leaves the workbook as it was", async () => {
    const simulator = new WorkbookSimulator(snapshot);
    const held = heldExcel(simulator);
    const panel = await openPanel(held.excel, "Uplift model");
    await within(panel).findByRole("option", { name: "Claims (3 rows)" });
    await waitFor(() => expect(within(panel).getByLabelText("HCPCS/CPT code")).toHaveValue("CPT"));
    const before = simulator.describe();

    const build = within(panel).getByRole("button", { name: "Build model" });
    const ending = await cancelWhileItRuns(held, panel, build, "Writing the uplift model");

    expect(ending).toContain("Nothing was changed");
    expect(simulator.describe()).toEqual(before);
  });

  it("models a scenario to the market median: 99213 paid $100 against rates of 100, 120 and 150 gets 20%", async () => {
    const simulator = new WorkbookSimulator(
      withBenchmarks([
        ["99213", 100],
        ["99213", 150],
        ["99213", 120],
      ]),
    );
    const panel = await openUpliftPanel(simulator);

    await buildToMarket(panel);

    const done = await within(panel).findByText("Done", {}, { timeout: 10_000 });
    expect(done.parentElement).toHaveTextContent(
      "To p50: +$20.00 (p50 targets for 1 of 3 codes; no market rate, so no uplift, for 2 codes: 99214, 20610); 3% across the board: +$11.40.",
    );
    expect(simulator.sheetNames()).toContain("Uplift Model");
  });

  it("says the workbook has no Benchmarks table for a market scenario, and writes nothing", async () => {
    const simulator = new WorkbookSimulator(snapshot);
    const panel = await openUpliftPanel(simulator);

    await buildToMarket(panel);

    expect(
      await within(panel).findByText(
        'Scenario "To p50" takes its target rates from the Benchmarks table, and this workbook has none: read price-transparency files in the Benchmarks tab and write the table first. Nothing was written.',
        {},
        { timeout: 10_000 },
      ),
    ).toBeVisible();
    expect(simulator.sheetNames()).toEqual(["Claims"]);
  });

  it("says no top code has a market rate when the Benchmarks table has none of them, and writes nothing", async () => {
    const simulator = new WorkbookSimulator(withBenchmarks([["70551", 400]]));
    const panel = await openUpliftPanel(simulator);

    await buildToMarket(panel);

    expect(
      await within(panel).findByText(
        'Scenario "To p50": none of its 3 top codes (99214, 99213, 20610) has a dollar rate in the Benchmarks table that passes its filters, so there is no p50 target to model. Nothing was written.',
        {},
        { timeout: 10_000 },
      ),
    ).toBeVisible();
    expect(simulator.sheetNames()).toEqual(["Claims", "Benchmark Rates"]);
  });
});
