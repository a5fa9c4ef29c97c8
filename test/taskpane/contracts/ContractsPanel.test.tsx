import { act, fireEvent, screen, within } from "@testing-library/react";
import { readRegistry } from "../../../src/excel/registry";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { cancelWhileItRuns, heldExcel, openTab } from "../support";

/** The sample's registry and schedules, without its 2,500 claims. */
function sampleSimulator(): WorkbookSimulator {
  const sample = buildSampleWorkbook();
  return new WorkbookSimulator({
    ...sample,
    activeSheet: "Contracts",
    sheets: sample.sheets.filter((s) => s.name !== "Claims"),
  });
}

async function openContracts(simulator: WorkbookSimulator) {
  openTab(simulator.excel, "Contracts");
  return screen.findByRole("list", { name: "Contracts" });
}

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** The message under an input (Fluent Field renders it next to the control, inside the field). */
const fieldOf = (label: string | RegExp) => screen.getByLabelText(label).closest(".fui-Field") as HTMLElement;

async function startNewContract(simulator: WorkbookSimulator) {
  await openContracts(simulator);
  fireEvent.click(screen.getByRole("button", { name: "New contract" }));
  return screen.getByRole("form", { name: "New contract version" });
}

describe("the Contracts panel", () => {
  it("lists each contract with its versions and carve-outs", async () => {
    const list = await openContracts(sampleSimulator());

    const acme = within(list).getByRole("listitem", { name: "Acme Health PPO" });
    expect(within(acme).getByRole("listitem", { name: "Version from 2024-01-01" })).toHaveTextContent(
      "Percent of Medicare 115% MPFS_2025",
    );
    expect(within(acme).getByRole("listitem", { name: "Version from 2025-01-01" })).toHaveTextContent(
      "Fee Schedule FS_AcmePPO_2025 · lesser of billed · unlisted codes: Percent of Medicare 100%",
    );
    expect(within(acme).getByRole("listitem", { name: "Carve-out J0120–J9999" })).toHaveTextContent("55%");
  });

  it("says which registry table has a problem when a header was renamed", async () => {
    const simulator = sampleSimulator();
    simulator.setCellInput("Contracts", 0, 0, "Contract");
    await simulator.whenIdle();
    openTab(simulator.excel, "Contracts");

    expect(await screen.findByText(/Table PayerContracts \(sheet Contracts\) has no "Contract Name" column\./)).toBeInTheDocument(); // prettier-ignore
  });

  it("says what a percentage looks like while the user types one, and stops once it reads", async () => {
    await startNewContract(sampleSimulator());

    type("Percent", "115");
    expect(fieldOf("Percent")).toHaveTextContent("Expected a percentage like 115% (or the fraction 1.15).");

    type("Percent", "115%");
    expect(fieldOf("Percent")).not.toHaveTextContent("Expected");
  });

  it("asks for a percentage when a percent method's percent is emptied", async () => {
    await startNewContract(sampleSimulator());
    type(/^Method/, "Percent of Billed");

    type("Percent", "1");
    type("Percent", "");

    expect(fieldOf("Percent")).toHaveTextContent("Method percent of billed needs a percentage like 115%");
  });

  it("flags an end date before the start date", async () => {
    await startNewContract(sampleSimulator());

    type(/^Effective Start Date/, "2025-06-01");
    type("Effective End Date", "2025-01-31");

    expect(fieldOf("Effective End Date")).toHaveTextContent("The end date is before the start date.");
  });

  it("flags a new version that overlaps another version of the same contract", async () => {
    await startNewContract(sampleSimulator());

    type(/^Contract Name/, "Acme Health PPO");
    type(/^Effective Start Date/, "2025-03-01");

    expect(fieldOf(/^Effective Start Date/)).toHaveTextContent("Overlaps the version 2025-01-01 to 2025-12-31");
  });

  it("shows every missing field when Save is pressed on an empty form, and writes nothing", async () => {
    const simulator = sampleSimulator();
    const rowsBefore = simulator.usedSize("Contracts").rows;
    await startNewContract(simulator);

    fireEvent.click(screen.getByRole("button", { name: "Save version" }));

    expect(fieldOf(/^Contract Name/)).toHaveTextContent("Required.");
    expect(fieldOf(/^Payer/)).toHaveTextContent("Required.");
    expect(simulator.usedSize("Contracts").rows).toBe(rowsBefore);
  });

  it("saves a new contract into the PayerContracts table, with the renewal notice counted from the term end", async () => {
    const simulator = sampleSimulator();
    await startNewContract(simulator);
    type(/^Contract Name/, "Cedar Health HMO");
    type(/^Payer/, "Cedar Health");
    type(/^Effective Start Date/, "2025-01-01");
    type(/^Method/, "Percent of Medicare");
    type("Percent", "120%");
    type("Medicare Schedule", "current");
    type("Term End Date", "2025-12-31");
    type("Or: days before term end", "90");

    fireEvent.click(screen.getByRole("button", { name: "Save version" }));

    expect(await screen.findByText(/Saved row \d+ of PayerContracts \(sheet Contracts\)/)).toBeInTheDocument();
    const [cedar] = (await readRegistry(simulator.excel)).registry.versionsByName.get("cedar health hmo") ?? [];
    expect(cedar?.renewalNoticeDate).toBe("2025-10-02");
    expect(await screen.findByRole("listitem", { name: "Cedar Health HMO" })).toBeInTheDocument();
  });

  it("deletes a carve-out only after the user confirms", async () => {
    const simulator = sampleSimulator();
    const list = await openContracts(simulator);
    const acme = within(list).getByRole("listitem", { name: "Acme Health PPO" });
    const carveOut = within(acme).getByRole("listitem", { name: "Carve-out J0120–J9999" });

    fireEvent.click(within(carveOut).getByRole("button", { name: "Delete" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent("Carve-out J0120–J9999");
    fireEvent.click(within(dialog).getByRole("button", { name: "Delete", hidden: true }));

    expect(await screen.findByText(/Deleted row \d+/)).toBeInTheDocument();
    const acmeAfter = await screen.findByRole("listitem", { name: "Acme Health PPO" });
    expect(within(acmeAfter).queryByRole("listitem", { name: "Carve-out J0120–J9999" })).not.toBeInTheDocument();
  });

  it("refuses to save over a row someone changed in the sheet, and says to reload", async () => {
    const simulator = sampleSimulator();
    const list = await openContracts(simulator);
    const summit = within(list).getByRole("listitem", { name: "Summit Medicare Advantage" });
    const version = within(summit).getByRole("listitem", { name: "Version from 2024-01-01" });
    fireEvent.click(within(version).getByRole("button", { name: "Edit" }));
    await act(async () => {
      simulator.setCellInput("Contracts", 3, 1, "Summit Health Inc.");
      await simulator.whenIdle();
    });

    type("Percent", "110%");
    fireEvent.click(screen.getByRole("button", { name: "Save version" }));

    expect(await screen.findByText(/changed in the sheet since it was loaded; reload/)).toBeInTheDocument();
    expect(simulator.cell("Contracts", 3, 1).value).toBe("Summit Health Inc.");
  });

  it("shows a progress bar with Cancel while a version is saved, and a cancelled save writes nothing", async () => {
    const simulator = sampleSimulator();
    const held = heldExcel(simulator);
    openTab(held.excel, "Contracts");
    await screen.findByRole("list", { name: "Contracts" });
    fireEvent.click(screen.getByRole("button", { name: "New contract" }));
    type(/^Contract Name/, "Cedar Health HMO");
    type(/^Payer/, "Cedar Health");
    type(/^Effective Start Date/, "2025-01-01");
    type(/^Method/, "Percent of Medicare");
    type("Percent", "120%");
    type("Medicare Schedule", "current");
    const before = simulator.describe();

    const save = screen.getByRole("button", { name: "Save version" });
    const ending = await cancelWhileItRuns(held, document.body, save, "Saving");

    expect(ending).toContain("Nothing was changed");
    expect(simulator.describe()).toEqual(before);
  });

  it("shows a progress bar with Cancel while a row is deleted, and a cancelled delete keeps the row", async () => {
    const simulator = sampleSimulator();
    const held = heldExcel(simulator);
    openTab(held.excel, "Contracts");
    const list = await screen.findByRole("list", { name: "Contracts" });
    const acme = within(list).getByRole("listitem", { name: "Acme Health PPO" });
    const carveOut = within(acme).getByRole("listitem", { name: "Carve-out J0120–J9999" });
    fireEvent.click(within(carveOut).getByRole("button", { name: "Delete" }));
    const dialog = await screen.findByRole("dialog");
    const before = simulator.describe();

    const confirm = within(dialog).getByRole("button", { name: "Delete", hidden: true });
    const ending = await cancelWhileItRuns(held, document.body, confirm, "Deleting the row");

    expect(ending).toContain("Nothing was changed");
    expect(simulator.describe()).toEqual(before);
  });
});
