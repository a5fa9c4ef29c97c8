import { fireEvent, waitFor, within } from "@testing-library/react";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator, type WorkbookSnapshot } from "../../../src/playground/simulator";
import { associated } from "../../functions/support/installShim";
import "../../../src/functions/functions";
import { cancelWhileItRuns, heldExcel, openPanel } from "../support";

jest.setTimeout(60_000);

/** A sheet of two PAYER formulas (denial rates of one line each) next to their inputs. */
const rates: WorkbookSnapshot = {
  sheets: [
    {
      name: "Rates",
      cells: [
        [true, "=PAYER.DENIAL_RATE(A1)"],
        [false, "=PAYER.DENIAL_RATE(A2)"],
      ],
    },
    { name: "Notes", cells: [["no formulas here"]] },
  ],
};

const openSharingPanel = (simulator: WorkbookSimulator) => openPanel(simulator.excel, "Sharing");

describe("the task pane's Sharing panel", () => {
  it("builds the contract portfolio summary from the claims and says what it shows", async () => {
    const simulator = new WorkbookSimulator(buildSampleWorkbook());
    const panel = await openSharingPanel(simulator);
    const portfolio = within(panel).getByRole("group", { name: "Portfolio summary" });
    await within(portfolio).findByRole("option", { name: /^Claims \(/ });
    await waitFor(() =>
      expect(within(portfolio).getByRole("button", { name: "Build portfolio summary" })).toBeEnabled(),
    );

    fireEvent.click(within(portfolio).getByRole("button", { name: "Build portfolio summary" }));

    const done = await within(portfolio).findByText("Done", {}, { timeout: 30_000 });
    expect(done.parentElement).toHaveTextContent(
      // Four contracts of the registry: the two hospital ones have no line in Claims, so the figures are the others'.
      'Built sheet "Portfolio Summary": 4 contracts, current revenue $154,805.81, modeled uplift +$5,435.76.',
    );
    expect(simulator.sheetNames()).toContain("Portfolio Summary");
  });

  it("lists per sheet how many formulas a freeze would change, and changes nothing before it is confirmed", async () => {
    const simulator = new WorkbookSimulator(rates, { customFunctions: associated });
    const panel = await openSharingPanel(simulator);
    const freeze = within(panel).getByRole("group", { name: "Freeze for sharing" });
    fireEvent.click(await within(freeze).findByRole("checkbox", { name: "Rates" }));
    fireEvent.click(within(freeze).getByRole("checkbox", { name: "Notes" }));

    fireEvent.click(within(freeze).getByRole("button", { name: "Review freeze" }));

    const list = await within(freeze).findByRole("list", { name: "Formulas to freeze" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["Rates: 2 PAYER formulas to freeze", "Notes: 0 PAYER formulas to freeze"]);
    expect(simulator.cell("Rates", 0, 1).formula).toBe("=PAYER.DENIAL_RATE(A1)");
  });

  it("freezes the formulas into their values once confirmed", async () => {
    const simulator = new WorkbookSimulator(rates, { customFunctions: associated });
    const panel = await openSharingPanel(simulator);
    const freeze = within(panel).getByRole("group", { name: "Freeze for sharing" });
    fireEvent.click(await within(freeze).findByRole("checkbox", { name: "Rates" }));
    fireEvent.click(within(freeze).getByRole("button", { name: "Review freeze" }));

    fireEvent.click(await within(freeze).findByRole("button", { name: "Freeze 2 formulas" }));

    const done = await within(freeze).findByText("Done", {}, { timeout: 10_000 });
    expect(done.parentElement).toHaveTextContent(/Froze 2 PAYER formulas in 1 sheet/);
    expect(simulator.cell("Rates", 0, 1)).toMatchObject({ formula: null, value: 1 });
    expect(simulator.cell("Rates", 1, 1)).toMatchObject({ formula: null, value: 0 });
  });

  it("keeps the formulas when the user declines the freeze", async () => {
    const simulator = new WorkbookSimulator(rates, { customFunctions: associated });
    const panel = await openSharingPanel(simulator);
    const freeze = within(panel).getByRole("group", { name: "Freeze for sharing" });
    fireEvent.click(await within(freeze).findByRole("checkbox", { name: "Rates" }));
    fireEvent.click(within(freeze).getByRole("button", { name: "Review freeze" }));

    fireEvent.click(await within(freeze).findByRole("button", { name: "Keep formulas" }));

    expect(within(freeze).queryByRole("list", { name: "Formulas to freeze" })).toBeNull();
    expect(simulator.cell("Rates", 0, 1).formula).toBe("=PAYER.DENIAL_RATE(A1)");
  });

  it("re-enters the PAYER formulas that show #NAME?", async () => {
    const simulator = new WorkbookSimulator(rates); // opened without the add-in
    const panel = await openSharingPanel(simulator);
    const repair = within(panel).getByRole("group", { name: "Repair formulas" });

    fireEvent.click(within(repair).getByRole("button", { name: "Repair formulas" }));

    const done = await within(repair).findByText("Done", {}, { timeout: 10_000 });
    expect(done.parentElement).toHaveTextContent("Re-entered 2 formulas that showed #NAME?.");
  });

  it("shows a progress bar with Cancel while the portfolio summary is built, and cancelling it changes nothing", async () => {
    const simulator = new WorkbookSimulator(buildSampleWorkbook());
    const held = heldExcel(simulator);
    const panel = await openPanel(held.excel, "Sharing");
    const portfolio = within(panel).getByRole("group", { name: "Portfolio summary" });
    await within(portfolio).findByRole("option", { name: /^Claims \(/ });
    const build = within(portfolio).getByRole("button", { name: "Build portfolio summary" });
    await waitFor(() => expect(build).toBeEnabled());
    const before = simulator.describe();

    const ending = await cancelWhileItRuns(held, portfolio, build, "Building the summary");

    expect(ending).toContain("Nothing was changed");
    expect(simulator.describe()).toEqual(before);
  });

  it("shows a progress bar with Cancel while formulas are frozen, and a cancelled freeze keeps every formula", async () => {
    const simulator = new WorkbookSimulator(rates, { customFunctions: associated });
    const held = heldExcel(simulator);
    const panel = await openPanel(held.excel, "Sharing");
    const freeze = within(panel).getByRole("group", { name: "Freeze for sharing" });
    fireEvent.click(await within(freeze).findByRole("checkbox", { name: "Rates" }));
    fireEvent.click(within(freeze).getByRole("button", { name: "Review freeze" }));
    const confirm = await within(freeze).findByRole("button", { name: "Freeze 2 formulas" });
    const before = simulator.describe();

    const ending = await cancelWhileItRuns(held, freeze, confirm, "Freezing");

    expect(ending).toContain("Nothing was changed");
    expect(simulator.describe()).toEqual(before);
  });

  it("shows a progress bar with Cancel while formulas are repaired, and a cancelled repair changes nothing", async () => {
    const simulator = new WorkbookSimulator(rates); // opened without the add-in
    const held = heldExcel(simulator);
    const panel = await openPanel(held.excel, "Sharing");
    const repair = within(panel).getByRole("group", { name: "Repair formulas" });
    const before = simulator.describe();

    const start = within(repair).getByRole("button", { name: "Repair formulas" });
    const ending = await cancelWhileItRuns(held, repair, start, "Repairing");

    expect(ending).toContain("Nothing was changed");
    expect(simulator.describe()).toEqual(before);
  });
});
